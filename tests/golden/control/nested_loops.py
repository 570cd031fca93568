for i in range(1, 4):
    row = []
    for j in range(1, 4):
        row.append(i * j)
    print(row)
count = 0
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                print("triple", a, b, c)
                count += 1
print("triples", count)
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = []
for j in range(3):
    col = []
    for i in range(2):
        col.append(matrix[i][j])
    transposed.append(col)
print(transposed)
