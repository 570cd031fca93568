def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
results = []
for i in range(20):
    results.append(fib(i))
print(results)
def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)
total = 0
for i in range(300):
    total += depth_sum(i)
print(total)
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
g = 0
for a in range(1, 150):
    for b in range(1, 60):
        g += gcd(a, b)
print(g)
def power(base, e):
    if e == 0:
        return 1
    half = power(base, e // 2)
    return half * half * (base if e % 2 else 1)
print([power(3, e) for e in range(0, 80, 9)])
