print(int("5"))
print(int([1, 2]))
