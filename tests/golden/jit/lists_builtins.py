# Lists, tuples and builtins with known semantics inside traces.
import math

def list_ops(n):
    xs = [0] * n
    for i in range(n):
        xs[i] = i * i
    for i in range(n):
        xs[-1 - i] += xs[i] // 3
    ys = []
    for x in xs:
        ys.append(x % 17)
    return sum(ys), xs[:5], len(ys)

print(list_ops(1000))

def tuples(pairs):
    a = 0
    b = 0.0
    for x, y in pairs:
        a += x
        b += y
    return a, b

print(tuples([(i, i / 4) for i in range(1000)]))

def mathy(n):
    s = 0.0
    f = 0
    for i in range(1, n):
        s += math.sqrt(i) + math.fabs(-i) / i
        f += math.floor(i / 3.0) - math.ceil(i / 7.0) + math.trunc(-i / 5.0)
    return round(s, 6), f

print(mathy(1000))

def minmax(n):
    lo = 10 ** 6
    hi = -lo
    flo = 1e300
    for i in range(n):
        v = (i * 7919) % 1009
        lo = min(lo, v)
        hi = max(hi, v)
        flo = min(flo, v / 3.0)
    return lo, hi, flo, abs(-hi), abs(-2.5)

print(minmax(2000))

def conversions(n):
    t = 0
    u = 0.0
    for i in range(n):
        t += int(i / 3.0)
        u += float(i) * 0.5
    return t, u

print(conversions(1000))

def store_objects(n):
    names = ["a", "b", "c"]
    slots = [None] * 10
    for i in range(n):
        slots[i % 10] = names[i % 3]
    return slots

print(store_objects(1000))

def negative_index(xs):
    s = 0
    for i in range(1, len(xs) + 1):
        s += xs[-i] * i
    return s

print(negative_index(list(range(800))))

def bools(n):
    c = 0
    flag = True
    for i in range(n):
        flag = not flag
        if flag and i % 3 == 0 or i % 5 == 0:
            c += flag
    return c

print(bools(3000))
