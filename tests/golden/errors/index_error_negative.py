lst = [1, 2]
print(lst[-2])
print(lst[-3])
