# Calling an `async def` function runs nothing: it returns a coroutine object. Driving it with
# send(None) runs it until it suspends or returns; the return value arrives as StopIteration.value.
async def add(a, b):
    print("  add running")
    return a + b

async def compute():
    print("  compute started")
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y

c = compute()
print(type(c).__name__)
print(repr(c).startswith("<coroutine object compute at 0x"))
try:
    c.send(None)
except StopIteration as stop:
    print("result:", stop.value)

# A coroutine that never awaits anything that suspends finishes on the first send.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

print(run(add(20, 22)))

# Coroutines are not iterators and cannot be iterated.
c = add(1, 1)
for attempt in (lambda: next(c), lambda: iter(c), lambda: list(c)):
    try:
        attempt()
    except TypeError as e:
        print("TypeError:", e)
c.close()

# A coroutine returning None stops with StopIteration whose value is None.
async def nothing():
    pass
print(run(nothing()))

# Coroutine functions are ordinary functions: closures, default arguments, methods.
class Counter:
    def __init__(self):
        self.n = 0
    async def bump(self, by=1):
        self.n += by
        return self.n

counter = Counter()
print(run(counter.bump()), run(counter.bump(5)))

def make(k):
    async def scaled(x):
        return k * x
    return scaled
print(run(make(3)(7)))
