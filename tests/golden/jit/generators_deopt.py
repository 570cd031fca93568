# Exits inside a generator body that a trace resumed: the interpreter must find the generator's frame
# exactly as it would have built it (locals, running state, exception handling).


# A type flip inside the generator body (an int local becomes a float, then a big int).
def drift(n):
    acc = 0
    for i in range(n):
        if i == 150:
            acc = acc + 0.5
        if i == 250:
            acc = int(acc) * 10**20
        acc += i
        yield acc


last = None
count = 0
for v in drift(300):
    count += 1
    last = v
print("drift", count, last)


# try/finally around the yield, closed early by the consumer.
log = []


def guarded(n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append("finally")


g = guarded(500)
for x in g:
    if x == 300:
        break
print("before close", x, log)
g.close()
print("after close", log)

for x in guarded(120):
    pass
print("ran out", x, log)


# An exception handled inside the generator between yields.
def careful(items):
    for it in items:
        try:
            r = 100 // it
        except ZeroDivisionError:
            r = -1
        yield r


print("careful", sum(careful([1, 2, 0, 5] * 60)))


# Resuming a running generator from its own body raises ValueError.
def selfish():
    me = yield
    for i in range(150):
        if i == 120:
            try:
                next(me)
            except ValueError as e:
                yield str(e)
        yield i


s = selfish()
next(s)
s.send(s)
out = [v for v in s if type(v) is str]
print("selfish", out)


# A generator abandoned mid-loop by an exception in the consumer.
def numbers():
    for i in range(1000):
        yield i


try:
    for v in numbers():
        if v == 400:
            raise KeyError(v)
except KeyError as e:
    print("consumer raised", e)

# A StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def leaky(n):
    for i in range(n):
        if i == 90:
            raise StopIteration("inner")
        yield i


try:
    for v in leaky(200):
        pass
except RuntimeError as e:
    print("pep479", v, e, repr(e.__cause__))
