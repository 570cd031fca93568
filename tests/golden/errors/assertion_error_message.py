x = 3
assert x == 3, "first ok"
print("first assertion passed")
assert x == 2, "x should be 2 but is " + str(x)
