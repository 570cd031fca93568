def make_counter(step):
    n = 0
    def inc():
        nonlocal n
        n += step
        return n
    return inc
c = make_counter(3)
for _ in range(20000):
    c()
print(c())
def compose_n(f, n):
    def g(x):
        for _ in range(n):
            x = f(x)
        return x
    return g
add_one = lambda v: v + 1
g = compose_n(add_one, 1000)
print(g(0), g(0.5), compose_n(lambda s: s * 2, 20)(1))
fs = [lambda x, k=k: x + k for k in range(50)]
total = 0
for i in range(200):
    for f in fs:
        total = f(total) % 1000003
print(total)
def kw_call(a, b=2, *, c=3):
    return a * b + c
s = 0
for i in range(10000):
    s += kw_call(i, c=i % 3) + kw_call(i, 1)
print(s)
