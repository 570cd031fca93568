# `await x` works on coroutines and on any object whose type defines __await__ returning an iterator.
class Ready:
    """Awaitable that completes immediately (its __await__ is a generator that never yields)."""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        return self.value
        yield

class Pauses:
    """Awaitable whose iterator yields twice, then returns the values sent to it."""
    def __await__(self):
        first = yield "pause 1"
        second = yield "pause 2"
        return (first, second)

class ViaIterator:
    """__await__ may return any iterator; StopIteration's value is the await's result."""
    def __await__(self):
        return iter(["x", "y"])

async def main():
    print("ready:", await Ready(5))
    print("pauses:", await Pauses())
    print("iterator:", await ViaIterator())
    return "main result"

c = main()
print("yielded:", c.send(None))
print("yielded:", c.send("A"))
print("yielded:", c.send("B"))
print("yielded:", c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("finished with", e.value)

# coroutine.__await__() returns an iterator over the coroutine (a "coroutine_wrapper").
async def simple():
    return await Pauses()
w = simple().__await__()
print(type(w).__name__, iter(w) is w)
print(next(w), w.send("one"))
try:
    w.send("two")
except StopIteration as e:
    print("wrapper finished with", e.value)

# An awaitable can delegate to a coroutine through its __await__.
class Deferred:
    def __await__(self):
        return simple().__await__()
async def use():
    return await Deferred()
c = use()
c.send(None)
c.send(1)
try:
    c.send(2)
except StopIteration as e:
    print("deferred:", e.value)
