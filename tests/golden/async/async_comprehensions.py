# Comprehensions may use `async for` and `await` inside coroutines; an asynchronous generator
# expression makes an async generator.
class Tick:
    def __await__(self):
        yield "tick"

async def numbers(n):
    for i in range(n):
        await Tick()
        yield i

async def double(x):
    await Tick()
    return 2 * x

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(10) if x % 3 == 0])
    print({x % 3 async for x in numbers(10)})
    print({x: x * x async for x in numbers(4)})
    print([await double(x) for x in range(4)])
    print([await double(x) async for x in numbers(3)])
    print([(a, b) async for a in numbers(2) for b in "xy"])
    print([[y async for y in numbers(x)] async for x in numbers(3)])
    agen = (x * 10 async for x in numbers(3))
    print(type(agen).__name__)
    print([v async for v in agen])
    return "done"

print(run(main()))
