total = 0
for i in range(1000, 0, -7):
    for j in range(-50, 50, 13):
        total += i * j
print(total)
cnt = 0
for i in range(0, 10 ** 6, 997):
    cnt += i & 1
print(cnt)
acc = 0
for i in range(2 ** 62, 2 ** 62 + 3000):
    acc += i - 2 ** 62
print(acc)
acc2 = 0
for i in range(2 ** 64 - 100, 2 ** 64 + 100, 3):
    acc2 ^= i
print(acc2)
tri = 0
for i in range(300):
    for j in range(i):
        tri += 1
print(tri)
