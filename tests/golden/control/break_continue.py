for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print("for", i)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    print("while", i)
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print("pair", i, j)
found = None
for row in [[1, 3], [5, 8, 9], [10]]:
    for v in row:
        if v % 2 == 0:
            found = v
            break
    if found is not None:
        break
print("first even", found)
