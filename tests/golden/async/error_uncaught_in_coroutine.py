# An exception raised deep inside awaited coroutines propagates to whoever drives the outermost one.
class Tick:
    def __await__(self):
        yield "tick"

async def parse(text):
    await Tick()
    return int(text)

async def total(items):
    s = 0
    for item in items:
        s += await parse(item)
        print("running total", s)
    return s

coro = total(["1", "2", "three"])
while True:
    coro.send(None)
