value = "global"
def f():
    print(value)
    value = "local"
print("start")
f()
