a, b = 0, 10 ** 6
steps = 0
while a < b and steps < 100000:
    a += 7
    b -= 3
    steps += 1
print(a, b, steps)
x = 1.0
n = 0
while x > 1e-12 or n < 5:
    x /= 1.7
    n += 1
print(n, x)
i = 0
j = 100000
while not (i >= j):
    i += 3
    j -= 2
print(i, j)
s = 0
k = 0
while k < 50000:
    k += 1
    if k % 3 == 0:
        continue
    if k % 7 == 0:
        s -= k
        continue
    s += k
else:
    print("loop finished", k)
print(s)
