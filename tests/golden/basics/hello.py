print("hello, world")
print()
print("a", "b", "c")
print(1, 2.5, True, None, "x")
