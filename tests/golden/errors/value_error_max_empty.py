print(max([1, 5, 2]))
print(max([]))
