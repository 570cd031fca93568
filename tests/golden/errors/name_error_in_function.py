def f():
    return zxcvbnm + 1
print("calling f")
f()
