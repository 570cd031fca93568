a = 3
b = 2.5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, b ** a)
print(type(a + b), type(a * 1.0), type(a // 1.0))
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), 10 ** -1, 2.0 ** 10)
print((-8) ** 2.0, 0.0 ** 0, 0 ** 0.0)
x = 1
for i in range(5):
    x = x * 1.5
    print(x, type(x).__name__)
print(sum([0.1] * 10), sum([1, 2, 3.5]))
print(10 ** 20 + 0.5, 10 ** 15 + 0.5)
print(float(2 ** 63) == 2 ** 63, 2.0 ** 63 == 2 ** 63 + 1)
print(1e16 + 1 - 1e16, (1e16 + 2) - 1e16)
