matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 0])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row])
print([x for row in matrix if sum(row) > 6 for x in row if x % 2])
print([[c * n for c in "ab"] for n in range(1, 3)])
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
flat = [v for sub in [[1, [2]], [3]] for v in sub]
print(flat)
print([[[k for k in range(j)] for j in range(i)] for i in range(4)])
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
