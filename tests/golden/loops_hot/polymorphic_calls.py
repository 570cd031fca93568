def add(a, b):
    return a + b
def mul(a, b):
    return a * b
res = []
for i in range(2000):
    r = i % 5
    if r == 0:
        res.append(add(i, 1))
    elif r == 1:
        res.append(add(i * 0.5, 0.25))
    elif r == 2:
        res.append(add(str(i), "!"))
    elif r == 3:
        res.append(mul([i], 2))
    else:
        res.append(mul(i, 2 ** 64))
print(res[:10])
print(res[-5:])
print(len(res), sum([x for x in res if isinstance(x, int)]))
total = 0
for i in range(3000):
    total = add(total, i if i % 2 else float(i))
print(total)
s = ""
for i in range(300):
    s = add(s, chr(97 + i % 26))
print(s[:30], len(s))
