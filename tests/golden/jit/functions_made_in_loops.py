# Functions made inside hot loops: lambdas, nested defs with defaults, curried closures, comprehensions
# (a comprehension's body is a function made and called on the spot), and functions whose parameters
# are captured by inner functions (cell variables). The JIT makes them with one helper call and inlines
# calls of them without guards; every result must match the interpreter's.


def curry3(f):
    return lambda a: lambda b: lambda c: f(a, b, c)


f = curry3(lambda a, b, c: a * b - c)
acc = 0
for i in range(2000):
    acc = (acc + f(i)(i + 1)(i % 7)) % 1000003
print("curry", acc)

# A lambda with a default made per iteration and called at once.
s = 0
for i in range(3000):
    g = lambda x, k=i: x * k
    s += g(3)
print("lambda default", s)

# A nested def capturing a loop variable and a parameter (cell variables of the outer function).
def make_pair(n):
    def get():
        return n
    def bump(d):
        nonlocal n
        n += d
        return n
    return get, bump

t = 0
for i in range(1500):
    get, bump = make_pair(i)
    bump(2)
    t += get()
print("cells", t)

# Small comprehensions inside a hot loop.
rows = 0
for i in range(1000):
    row = [j * i for j in range(4)]
    rows += sum(row) + len({j % 3 for j in row})
print("comprehensions", rows)

# The values a made function captures change type mid-loop.
out = []
for i in range(600):
    v = i if i < 300 else float(i) / 2
    h = (lambda: v * 2)
    out.append(h())
print("flip", sum(out), out[299], out[300])

# A made function that raises inside the trace.
errors = 0
for i in range(500):
    k = i if i % 97 else "s"
    try:
        (lambda x: x + k)(1)
    except TypeError as e:
        errors += 1
        msg = str(e)
print("errors", errors, msg)

# Made functions that escape: stored, then called later.
fs = []
for i in range(200):
    fs.append(lambda x, i=i: x + i)
print("escaped", sum(fn(1) for fn in fs))

# A parameter captured by an inner function, used after the inner function changed it.
def outer(x):
    def inner():
        nonlocal x
        x = x * 2
    inner()
    return x + 1

z = 0
for i in range(2000):
    z += outer(i)
print("captured param", z)
