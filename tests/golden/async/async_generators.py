# An `async def` containing `yield` is an asynchronous generator: `async for` consumes it, and it may
# await between its yields.
class Tick:
    def __await__(self):
        yield "tick"

async def ticker(n):
    for i in range(n):
        await Tick()
        yield i
    print("  ticker finished")

def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

async def consume():
    out = []
    async for v in ticker(3):
        out.append(v)
    return out
print(run(consume()))

g = ticker(2)
print(type(g).__name__, repr(g).startswith("<async_generator object ticker at 0x"))
print(g.__aiter__() is g)
print(type(g.__anext__()).__name__)

# Driving it by hand: __anext__() and asend() return awaitables; the yielded value comes out as the
# StopIteration that finishes the awaitable, and exhaustion is StopAsyncIteration.
async def echo():
    received = yield "ready"
    while received is not None:
        received = yield f"echo {received}"

async def manual():
    e = echo()
    print(await e.__anext__())
    print(await e.asend("one"))
    print(await e.asend("two"))
    try:
        await e.asend(None)
    except StopAsyncIteration:
        print("echo is exhausted")
    return "manual done"
print(run(manual()))

# The awaitable of __anext__() can be driven directly: send(None) resumes the generator.
a = echo().__anext__()
try:
    a.send(None)
except StopIteration as e:
    print("first value via the awaitable:", e.value)
try:
    a.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# A bare return ends an async generator early.
async def upto(limit):
    n = 0
    while True:
        if n >= limit:
            return
        yield n
        n += 1
async def total():
    return sum([v async for v in upto(5)])
print(run(total()))
