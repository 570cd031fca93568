# gen.send(v) resumes the generator as a frame of the caller's dispatch loop: the value sent, the
# value yielded, StopIteration carrying the return value, errors and state checks are CPython's.


def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


a = acc()
print(next(a), a.send(5), a.send(7))
try:
    a.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    a.send(1)
except StopIteration as e:
    print("again", e.value)

b = acc()
try:
    b.send(3)
except TypeError as e:
    print("TypeError:", e)
print(b.send(None), b.send(2))


def failing():
    x = yield
    raise ValueError(x)


f = failing()
f.send(None)
try:
    f.send("bad")
except ValueError as e:
    print("ValueError:", e)


def stops():
    yield
    raise StopIteration


s = stops()
s.send(None)
try:
    s.send(1)
except RuntimeError as e:
    print("RuntimeError:", e)


def relay(target):
    while True:
        v = yield
        target.send(v * 2)


def sink(out):
    while True:
        out.append((yield))


out = []
k = sink(out)
next(k)
r = relay(k)
next(r)
for i in range(5):
    r.send(i)
print(out)


def selfsend():
    yield me.send(1)


me = selfsend()
try:
    me.send(None)
except ValueError as e:
    print("ValueError:", e)


def handled():
    try:
        raise KeyError("k")
    except KeyError:
        v = yield "in handler"
        yield repr(v)


h = handled()
print(h.send(None), h.send(42))
