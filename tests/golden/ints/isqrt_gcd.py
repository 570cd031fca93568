import math
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10 ** 20, 10 ** 20 - 1, 2 ** 127]:
    r = math.isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(17, 31))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(10 ** 30, 15 ** 20))
a, b = 1071, 462
while b:
    print(a, b)
    a, b = b, a % b
print("gcd", a)
