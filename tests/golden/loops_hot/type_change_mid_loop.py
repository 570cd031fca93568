x = 0
for i in range(3000):
    if i == 1000:
        print("before float switch", x, type(x).__name__)
        x = float(x)
    if i == 2000:
        print("before str switch", x, type(x).__name__)
        x = str(x)
    if isinstance(x, str):
        x = x[-10:] + str(i % 10)
    else:
        x = x + i
print("final", x, type(x).__name__)
def accumulate(values):
    acc = values[0]
    for v in values[1:]:
        acc = acc + v
    return acc
print(accumulate(list(range(500))))
print(accumulate([0.5] * 500))
print(accumulate(["ab"] * 50))
print(accumulate([[1]] * 20))
print(accumulate(list(range(500))))
y = 1
for i in range(200):
    if i % 50 == 49:
        print(i, type(y).__name__, y if not isinstance(y, float) else round(y, 6))
    if i < 100:
        y = y * 3
    elif i < 150:
        y = y / 7
    else:
        y = y > 0
print(y)
