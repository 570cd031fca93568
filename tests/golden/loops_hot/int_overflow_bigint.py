x = 1
for i in range(100):
    x = x * 3
    if i in (38, 39, 40, 41, 62, 63, 64, 99):
        print(i, x)
s = 2 ** 63 - 10
for i in range(20):
    s += 1
    if s > 2 ** 63 - 3:
        print("s", s)
n = -(2 ** 63) + 5
for i in range(10):
    n -= 1
print("n", n, n < -(2 ** 63))
m = 2 ** 62
for i in range(3):
    m = m + m
    print("m", m)
neg = -(2 ** 63)
print(-neg, neg * -1, neg // -1, abs(neg), neg - 1)
f = 1
for i in range(1, 30):
    f *= i
print("29!", f)
total = 0
big = 10 ** 18
for i in range(50000):
    total += big
print(total, total // 50000 == big)
v = 2 ** 100
for i in range(100):
    v = v // 2
print(v)
acc = 0
for i in range(100000):
    acc = (acc * 31 + i) % (2 ** 61 - 1)
print(acc)
