# One call site, many functions made from one `def` or `lambda`: after the first misses, the JIT inlines
# calls there under a guard on the code object and reads each function's defaults and closure cells at
# run time. Every result must be what the interpreter computes.


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_scaler(k):
    return lambda x: x * k


def compose(fns):
    def composed(x):
        for f in fns:
            x = f(x)
        return x
    return composed


# Closures of two codes, alternating at one site.
fns = []
for i in range(10):
    fns.append(make_adder(i))
    fns.append(make_scaler(i % 3 + 1))
pipeline = compose(fns)
print([pipeline(x) for x in range(0, 3000, 250)])

# Lambdas that differ only in their defaults, including the defaults' types.
adders = [lambda x, k=k: x + k for k in range(40)]
adders += [lambda x, k=k: x + k for k in (0.5, 1.25, -2.0)]
total = 0
for i in range(300):
    for f in adders:
        total = f(total)
    total = total % 1000003 if isinstance(total, int) else round(total, 2) % 1000003
print(total)

# A default that is sometimes a string: the call raises inside the inlined body.
mixed = [lambda x, k=k: x + k for k in (1, 2, 3)] + [lambda x, k="s": x + k]
caught = 0
for i in range(200):
    for f in mixed:
        try:
            f(i)
        except TypeError as e:
            caught += 1
            last = str(e)
print(caught, last)

# Closures whose cells change while the loop runs (a setter closure shares each cell).
def cell_pair(v):
    def get(x):
        return x + v
    def put(n):
        nonlocal v
        v = n
    return get, put

pairs = [cell_pair(j) for j in range(8)]
acc = 0
for i in range(400):
    for get, put in pairs:
        acc = (acc + get(i)) % 99991
    if i % 50 == 0:
        for j, (get, put) in enumerate(pairs):
            put(i + j if i % 100 else float(j))
print(acc)

# Functions of one code that take a missing argument from their defaults, mixed with full calls.
def with_default(a, b=1):
    return a * b

variants = []
for b in (2, 3, 4):
    def f(a, b=b):
        return a * b + 1
    variants.append(f)
s = 0
for i in range(500):
    for f in variants:
        s += f(i) + f(i, 2)
    s += with_default(i)
print(s)


# The same function object can also appear again: identity and code guards agree.
same = [make_adder(5)] * 3 + [make_adder(6)]
r = 0
for i in range(300):
    for f in same:
        r = f(r) % 10007
print(r)
