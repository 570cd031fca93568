print(2 ** 64)
print(2 ** 100)
print(2 ** 200)
print(3 ** 100)
print(-(2 ** 127))
print((-3) ** 41)
print(10 ** 50 + 1)
print(2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
x = 1
for i in range(70):
    x *= 2
    if i % 10 == 9:
        print(i + 1, x)
print(len(str(2 ** 1000)))
print(2 ** 1000 % 1000007)
print(7 ** 77 // 13 ** 20)
