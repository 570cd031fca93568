def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)), sum(x * x for x in range(10)), any(c == 3 for c in count(10)))
g = count(2)
print(next(g), next(g), next(g, "end"))
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
a = acc(); next(a)
print(a.send(5), a.send(10))
def deleg():
    r = yield from count(3)
    print("sub returned", r)
    yield 100
print(list(deleg()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def gen_exc():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("gen cleanup")
g = gen_exc()
print(next(g), g.throw(ValueError("boom")))
g.close()
print(sorted((y for y in [3, 1, 2]), reverse=True), dict((k, k * 2) for k in "ab"))
def pep479():
    yield next(iter([]))
try:
    list(pep479())
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(count(1)).__name__, tuple(count(3)), max(count(4)), "-".join(str(i) for i in count(4)))
