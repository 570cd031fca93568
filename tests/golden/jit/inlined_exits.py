# Exits inside inlined calls: the interpreter must rebuild the callee frames (tracebacks, locals,
# return into the caller) exactly.
def step(x, k):
    y = x * k
    if y > 10000:
        y = y % 997
    return y + 1

def run(n, k):
    x = 1
    for i in range(n):
        x = step(x, k)
    return x

print(run(1000, 3))
print(run(1000, 2.5))

def inner(a, b=10):
    return a // b

def outer(n, d):
    t = 0
    for i in range(n):
        t += inner(i, d if i < 700 else 0)
    return t

try:
    print(outer(1000, 7))
except ZeroDivisionError as e:
    print("caught:", e)

def grows(v):
    return v * v

def call_overflow(n):
    v = 2
    seen = []
    for i in range(n):
        v = grows(v) % 1000003 if i % 100 else grows(v)
        seen.append(v % 10)
    return sum(seen)

print(call_overflow(600))

def two_level(x):
    return level2(x) + 1

def level2(x):
    return x * 2 if x < 900 else x / 2

acc = 0
for i in range(1200):
    acc += two_level(i)
print(acc)

def last(xs):
    return xs[len(xs) - 1] + xs[-2]

def final(n):
    t = 0
    for i in range(n):
        t += last([i, i + 1, i + 2] if i < 950 else [i])
    return t

print(final(1000))
