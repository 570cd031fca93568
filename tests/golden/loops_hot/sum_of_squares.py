total = 0
for i in range(300000):
    total += i * i
    if i % 50000 == 0:
        print(i, total)
print("sum of squares", total)
def sum_sq(n):
    s = 0
    i = 0
    while i < n:
        s += i * i
        i += 1
    return s
for n in [0, 1, 10, 1000, 100000]:
    print(n, sum_sq(n), sum_sq(n) == (n - 1) * n * (2 * n - 1) // 6)
