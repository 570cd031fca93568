t = 0
for i in range(30000):
    t += (i % 3 == 0) + (i % 5 == 0) * 2
print(t)
flags = 0
for i in range(10000):
    flags += True
    flags -= i % 2 == 1
print(flags)
x = True
for i in range(10):
    x = x + x
print(x, type(x).__name__)
b = False
for i in range(1001):
    b = not b
print(b)
count = sum([i % 7 == 3 for i in range(10000)])
print(count)
