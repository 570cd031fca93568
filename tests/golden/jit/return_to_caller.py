# A function whose loop has a trace, called from another loop: side traces return from the traced
# frame into the caller, run the caller's loop and call the function again. The caller, the call site
# and the callee change mid-run; every variant must resume exactly.
def count_below(x, limit):
    k = 0
    while x > 1.0 and k < limit:
        x = x * 0.5
        k += 1
    return k

def scan(n, limit):
    total = 0
    for i in range(n):
        total += count_below(float(i), limit)
    return total

print(scan(3000, 100), scan(3000, 5))

def two_sites(n):
    a = 0
    b = 0
    for i in range(n):
        if i % 3:
            a += count_below(i * 1.5, 50)
        else:
            b += count_below(i * 2.5, 50)
    return a, b

print(two_sites(3000))

def other_caller(n):
    out = []
    for i in range(n):
        out.append(count_below(i + 0.5, 1000) * 2)
    return sum(out)

print(other_caller(2000))

# Called through a builtin (a native re-entry): its caller is not a Python frame of the same loop.
print(sum(map(lambda v: count_below(v, 60), [float(i) for i in range(2000)])))
print(sorted(range(200), key=lambda v: -count_below(v * 7.0, 60))[:10])

def slope(n):
    acc = 0.0
    for i in range(n):
        acc += step(i)
    return acc

def step(i):
    s = 0.0
    for j in range(i % 7):
        s += j * 0.25
    return s

print(slope(3000))

def step(i):
    return -1.0

print(slope(3000))

def mixed_results(n):
    r = []
    for i in range(n):
        v = inner_loop(i)
        r.append(v)
    return r[-5:], len(r)

def inner_loop(i):
    t = 0
    for j in range(i % 5):
        t += j
    if i > 2500:
        return "big"
    return t

print(mixed_results(3000))

def raises_in_callee(n):
    total = 0
    for i in range(n):
        total += div_loop(i)
    return total

def div_loop(i):
    q = 0
    for j in range(3):
        q += 100 // (2000 - i + j)
    return q

try:
    print(raises_in_callee(3000))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

def recursive_loop(n):
    if n <= 0:
        return 0
    s = 0
    for i in range(3):
        s += i
    return s + recursive_loop(n - 1)

print([recursive_loop(k) for k in range(0, 60, 7)])
