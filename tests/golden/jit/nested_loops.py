# Nested loops: inner loops get their own traces; the code between inner loop runs is compiled as a
# side trace of the inner loop's exit that links back into it.
def matmul(a, b, n):
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        ci = c[i]
        ai = a[i]
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += ai[k] * b[k][j]
            ci[j] = s
    return c

n = 24
a = [[float(i * n + j) / 7.0 for j in range(n)] for i in range(n)]
b = [[float(i - j) / 3.0 for j in range(n)] for i in range(n)]
c = matmul(a, b, n)
total = 0.0
for row in c:
    total += sum(row)
print(round(total, 6), c[3][5], c[n - 1][0])

def triangle(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += i ^ j
    return total

print(triangle(300))

def pairs(xs):
    count = 0
    for x in xs:
        for y in xs:
            if x < y:
                count += 1
    return count

print(pairs(list(range(150))))

def while_in_for(n):
    out = 0
    for i in range(1, n):
        k = i
        while k != 1:
            k = k // 2 if k % 2 == 0 else 3 * k + 1
            out += 1
    return out

print(while_in_for(1500))
