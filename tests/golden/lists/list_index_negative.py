a = ["a", "b", "c", "d", "e"]
for i in range(-5, 5):
    print(i, a[i], a.index(a[i]))
a[-1] = "E"
a[-5] = "A"
print(a)
print(a[len(a) - 1], a[-len(a)])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[-1][-1], m[-2][0], [row[-1] for row in m], [m[i][i] for i in range(3)], [m[i][-1 - i] for i in range(3)])
