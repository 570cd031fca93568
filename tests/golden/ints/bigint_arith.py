a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(b // a, b % a)
print(-b // a, -b % a)
print(a * a * a)
print(b / a)
print(a == 123456789012345678901234567890, a < b, a > b, a != b)
print(a + 1 - 1 == a)
print(abs(-a))
print(-a // 7, -a % 7)
print((a * b) // b == a)
c = 2 ** 64
print(c - 1, c + 1, c * c, c // 3, c % 1000)
print(divmod(-c, 7))
print(c == 18446744073709551616, c != c + 1)
m = 2 ** 62
print(m + m, m * 2, m * 4, m + m + m + m)
n = -(2 ** 63)
print(n - 1, n * -1, -n, n // -1, abs(n))
