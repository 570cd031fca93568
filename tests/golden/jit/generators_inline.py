# `for x in g` over a generator inside a traced loop: the generator's resume up to its next
# `yield` is part of the trace (an inlined frame). Each case checks a way of leaving that frame.


def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


# A generator that finishes mid-run: the consumer loop ends exactly when it returns.
total = 0
for x in squares(300):
    total += x
print("finished", total)

# Many short generators inside an outer loop: each one runs out inside the trace.
acc = 0
for k in range(60):
    for x in squares(k % 7):
        acc += x + k
print("short runs", acc)


# A generator that raises part-way: the exception comes out of the consumer's `for`.
def until_bad(items):
    for it in items:
        if it < 0:
            raise ValueError("negative: %d" % it)
        yield it * 2


def consume(items):
    got = []
    try:
        for v in until_bad(items):
            got.append(v)
    except ValueError as e:
        return got[-3:], str(e)
    return got[-3:], None


print(consume(list(range(50)) + [-5] + list(range(10))))
print(consume(list(range(80))))


# The yielded type flips: ints, then floats, then strings, then ints again.
def flipping(n):
    for i in range(n):
        if i < 40:
            yield i
        elif i < 60:
            yield i / 4
        elif i < 70:
            yield str(i)
        else:
            yield i


ints, floats, strs = 0, 0.0, ""
for v in flipping(100):
    if type(v) is int:
        ints += v
    elif type(v) is float:
        floats += v
    else:
        strs += v[-1]
print("flips", ints, floats, strs)

# Break out of the consumer loop: the generator stays suspended; next() resumes it later.
g = squares(1000)
seen = 0
for x in g:
    seen += 1
    if x > 2000:
        break
print("broke at", seen, x)
print("resumed", next(g), next(g))
rest = 0
for x in g:
    rest += 1
print("rest", rest)
try:
    next(g)
except StopIteration:
    print("exhausted")


# Nested generators: a generator consuming a generator consuming a generator.
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def pairs(it):
    prev = None
    for x in it:
        if prev is not None:
            yield (prev, x)
        prev = x


s = 0
n = 0
for a, b in pairs(evens(squares(400))):
    s += b - a
    n += 1
print("nested", n, s)


# A generator whose frame has cells and free variables.
def scaled(k, n):
    def f(v):
        return v * k

    for i in range(n):
        yield f(i)


print("cells", sum(v for v in scaled(3, 200)), list(scaled(2, 5)))


# Generator expressions consumed by a Python loop.
t = 0
for v in (i * 3 for i in range(500) if i % 5):
    t += v
print("genexpr", t)


# A sliding window in a generator (a queue's `pop(0)`), and `pop(i)` with other indexes and types.
def window_sums(it, width):
    buf = []
    total = 0
    for x in it:
        buf.append(x)
        total += x
        if len(buf) > width:
            total -= buf.pop(0)
        if len(buf) == width:
            yield total


print("windows", sum(window_sums(squares(200), 8)), list(window_sums(iter(range(12)), 5)))
mixed = [1, 2.5, "three", None, True] * 30
popped = []
for k in range(60):
    popped.append(mixed.pop(-2 if k % 3 else 0))
print("pops", len(mixed), popped[:7], popped[-3:])
try:
    for k in range(100):
        mixed.pop(70)
except IndexError as e:
    print("IndexError", e, len(mixed))


# Instances made inside the generator body and kept in its locals across yields.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def points(n):
    prev = P(0, 0)
    for i in range(n):
        cur = P(i, prev.x + 1)
        yield cur
        prev = cur


acc = 0
for p in points(300):
    acc += p.x * 3 + p.y
print("points", acc, p.x, p.y)


# Sending tuples through a pipeline of generators.
def sink(store):
    while True:
        pair = yield
        store.append(pair[0] * pair[1])


def pairer(target):
    n = 0
    while True:
        v = yield
        n += 1
        target.send((n, v))


got = []
s = sink(got)
next(s)
pr = pairer(s)
next(pr)
for i in range(200):
    pr.send(i)
print("tuples", len(got), sum(got), got[-2:])
