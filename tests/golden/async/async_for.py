# `async for` calls __aiter__ once, then awaits __anext__() for each item until it raises
# StopAsyncIteration.
class Tick:
    def __await__(self):
        yield "tick"

class Countdown:
    def __init__(self, start):
        self.n = start
    def __aiter__(self):
        print("  __aiter__")
        return self
    async def __anext__(self):
        await Tick()          # an asynchronous step (suspends the coroutine)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1

def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

async def collect():
    out = []
    async for n in Countdown(3):
        out.append(n)
    else:
        out.append("else ran")
    return out

print(run(collect()))

async def control_flow():
    seen = []
    async for n in Countdown(10):
        if n % 2:
            continue
        if n < 5:
            break
        seen.append(n)
    else:
        seen.append("else: not reached after break")
    return seen

print(run(control_flow()))

async def nested():
    pairs = []
    async for a in Countdown(2):
        async for b in Countdown(2):
            pairs.append((a, b))
    return pairs

print(run(nested()))

# An exception other than StopAsyncIteration from __anext__ propagates.
class Broken:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise ValueError("broken iterator")

async def careful():
    try:
        async for x in Broken():
            pass
    except ValueError as e:
        return "caught: " + str(e)

print(run(careful()))

# A return from inside the loop.
async def find(target):
    async for n in Countdown(5):
        if n == target:
            return f"found {n}"
    return "not found"
print(run(find(2)), run(find(9)))
