a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~b, ~0, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10, -12 ^ -10)
x = 2 ** 100 + 0xF0F0
y = -(2 ** 90) - 12345
print(x & y)
print(x | y)
print(x ^ y)
print(~x, ~y)
print(-x & 0xFFFF, -x | 0xFF, -x ^ -1)
print((2 ** 70 - 1) & -(2 ** 35))
print(-(2 ** 80) & (2 ** 81 - 1))
print(-(2 ** 65) | -(2 ** 64))
print(0xFFFFFFFFFFFFFFFF & -1, -1 & -1, 0 ^ 0)
print(True & False, True | False, True ^ True)
