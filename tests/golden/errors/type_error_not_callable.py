x = 5
print("x is", x)
x()
