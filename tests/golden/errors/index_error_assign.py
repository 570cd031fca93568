lst = [0] * 3
lst[2] = 5
print(lst)
lst[3] = 1
