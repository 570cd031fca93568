print(len("abc"), len([1]))
print(len(12345))
