def leibniz(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * s
for n in [1, 10, 1000, 100000]:
    print(n, leibniz(n))
def integrate(a, b, steps):
    h = (b - a) / steps
    acc = 0.0
    x = a + h / 2
    for _ in range(steps):
        acc += x * x * x - 2.0 * x + 1.0
        x += h
    return acc * h
print(integrate(0.0, 2.0, 50000), integrate(-1.0, 1.0, 12345))
x = 1.0
for i in range(1, 20001):
    x = x * 1.0001 - 0.00005 / i
print(x)
vals = [0.1 * i for i in range(1000)]
dot = 0.0
for i in range(len(vals)):
    dot += vals[i] * vals[len(vals) - 1 - i]
print(dot)
