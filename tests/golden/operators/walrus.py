data = [1, 5, 3, 8, 2, 9]
if (n := len(data)) > 4:
    print("long list", n)
print(n)
vals = []
i = 0
while (i := i + 1) < 5:
    vals.append(i * i)
print(vals, i)
filtered = [y for x in data if (y := x * 2) > 6]
print(filtered, y)
print((z := 10) + z)
total = 0
chunks = [3, 4, 0, 7]
pos = 0
while (c := chunks[pos]) != 0:
    total += c
    pos += 1
print(total, pos, c)
def f(v):
    return (w := v + 1) * w
print(f(3))
