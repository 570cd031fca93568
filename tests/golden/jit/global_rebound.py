# Globals are trace constants under a dict-version guard: rebinding one inside the hot loop must be
# seen immediately, as must shadowing a builtin by a global of the same name.
SCALE = 2
OFFSET = 0.5

def f(n):
    global SCALE
    total = 0
    for i in range(n):
        total += i * SCALE
        if i == 500:
            SCALE = 3
        if i == 800:
            SCALE = 1.5
    return total

print(f(1000))

def g(n):
    t = 0.0
    for i in range(n):
        t += OFFSET
    return t

print(g(1000))
OFFSET = 2
print(g(1000))

def uses_len(xs, n):
    acc = 0
    for i in range(n):
        acc += len(xs)
    return acc

print(uses_len([1, 2, 3], 1000))

def len(x):
    return 100

print(uses_len([1, 2, 3], 1000))
del len
print(uses_len([1, 2, 3], 1000))

def set_global_in_callee(n):
    acc = 0
    for i in range(n):
        acc += SCALE
        if i % 300 == 299:
            rebind(i)
    return acc

def rebind(i):
    global SCALE
    SCALE = i

print(set_global_in_callee(1500))
