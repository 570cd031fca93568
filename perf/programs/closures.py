# Higher-order functions and closures: adders and multipliers built at run
# time, function composition, hand-written map/filter/fold, memoizing
# decorators, currying, and counters that keep state in nonlocal variables.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 400000


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_scaler(k):
    return lambda x: x * k


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


def my_map(f, xs):
    return [f(x) for x in xs]


def my_filter(pred, xs):
    out = []
    for x in xs:
        if pred(x):
            out.append(x)
    return out


def fold(f, acc, xs):
    for x in xs:
        acc = f(acc, x)
    return acc


def make_counter():
    count = 0

    def tick(step=1):
        nonlocal count
        count += step
        return count
    return tick


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        v = fn(n)
        cache[n] = v
        return v
    wrapper.cache = cache
    return wrapper


def curry3(f):
    return lambda a: lambda b: lambda c: f(a, b, c)


@memoize
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


def main():
    adders = [make_adder(i) for i in range(10)]
    scalers = [make_scaler(i % 3 + 1) for i in range(10)]
    pipeline = compose(*[f for pair in zip(adders, scalers) for f in pair])
    xs = list(range(N))
    ys = my_map(pipeline, xs)
    thirds = my_filter(lambda v: v % 7 < 3, ys)
    total = fold(lambda a, b: (a + b) % 1000000007, 0, thirds)
    print("pipeline", len(thirds), total)

    tick = make_counter()
    for x in xs:
        if x % 3 == 0:
            tick()
        elif x % 3 == 1:
            tick(2)
    print("counter", tick(0))

    best = 0
    best_n = 0
    for n in range(1, N):
        c = collatz_len(n)
        if c > best:
            best = c
            best_n = n
    print("collatz", best_n, best, len(collatz_len.cache))

    f = curry3(lambda a, b, c: a * b - c)
    acc = 0
    for i in range(N):
        acc = (acc + f(i)(i + 1)(i % 7)) % 1000003
    print("curry", acc)

    fs = []
    for i in range(5):
        fs.append(lambda x, i=i: x + i)
    late = [lambda x: x + j for j in range(5)]
    print("bind", [g(10) for g in fs], [g(10) for g in late])


main()
