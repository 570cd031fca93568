lst = [10, 20, 30]
for i in range(3):
    print(lst[i])
print(lst[3])
