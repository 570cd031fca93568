n = 40
a = [[(i * n + j) % 7 - 3 for j in range(n)] for i in range(n)]
b = [[(i + 2 * j) % 5 - 2 for j in range(n)] for i in range(n)]
c = [[0] * n for _ in range(n)]
for i in range(n):
    ai = a[i]
    ci = c[i]
    for k in range(n):
        aik = ai[k]
        bk = b[k]
        for j in range(n):
            ci[j] += aik * bk[j]
print(c[0][:8])
print(c[n - 1][-8:])
trace = 0
for i in range(n):
    trace += c[i][i]
print("trace", trace)
total = 0
for row in c:
    for v in row:
        total += v
print("sum", total)
fm = [[0.5 * ((i - j) % 3) for j in range(20)] for i in range(20)]
acc = 0.0
for i in range(20):
    for j in range(20):
        for k in range(20):
            acc += fm[i][k] * fm[k][j]
print(acc)
