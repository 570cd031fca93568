# gen.send(v) in a traced loop: the generator resumes with the sent value as an inlined frame.


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


a = averager()
next(a)
r = None
for i in range(300):
    r = a.send(i * 3)
print("avg", r)


def collector(store):
    while True:
        item = yield
        store.append(item)


def doubler(target):
    while True:
        x = yield
        if x % 3 == 0:
            target.send(x * 2)


out = []
c = collector(out)
next(c)
d = doubler(c)
next(d)
for i in range(200):
    d.send(i)
print("pipeline", len(out), sum(out), out[-3:])


# A coroutine that finishes: send raises StopIteration with the return value.
def limited(n):
    got = 0
    while got < n:
        v = yield got
        got += v
    return "done at %d" % got


lim = limited(500)
next(lim)
steps = 0
try:
    while True:
        lim.send(7)
        steps += 1
except StopIteration as e:
    print("stopped", steps, e.value)


# The sent value's type flips.
def typed():
    out = None
    while True:
        v = yield out
        out = type(v).__name__


t = typed()
next(t)
names = set()
for i in range(150):
    names.add(t.send(i if i < 100 else float(i)))
print("types", sorted(names))

# Sending to a just-started generator.
try:
    averager().send(5)
except TypeError as e:
    print("TypeError", e)
