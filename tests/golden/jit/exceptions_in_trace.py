# Exceptions raised from inside traces: the trace exits before the raising instruction and the
# interpreter raises it (caught here, or uncaught at the end).
def divide_all(xs, d):
    out = []
    for x in xs:
        out.append(x // d[x % len(d)])
    return out

try:
    print(divide_all(list(range(1000)), [1, 2, 3, 4, 0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def index_walk(xs, n):
    total = 0
    i = 0
    while True:
        total += xs[i]
        i += 1
        if i > n:
            break
    return total

try:
    print(index_walk(list(range(500)), 600))
except IndexError as e:
    print("IndexError:", e)

def float_div(n):
    acc = 0.0
    for i in range(n):
        acc += 1.0 / (500 - i)
    return acc

try:
    print(float_div(1000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def caught_each_time(n):
    hits = 0
    i = 0
    while i < n:
        try:
            hits += 10 // (i % 7)
        except ZeroDivisionError:
            hits -= 1
        i += 1
    return hits

print(caught_each_time(2000))

def sqrt_domain(n):
    import math
    acc = 0.0
    for i in range(n):
        acc += math.sqrt(700 - i)
    return acc

try:
    print(sqrt_domain(1000))
except ValueError as e:
    print("ValueError:", e)

def final(n):
    xs = [1, 2, 3]
    s = 0
    for i in range(n):
        s += xs[i % 4]
    return s

print(final(2000))
