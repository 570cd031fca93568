# athrow() raises an exception at the async generator's yield; aclose() raises GeneratorExit there.
async def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("  generator handled", repr(e))
            n = -1
        finally:
            print("  finally for", n)
        n += 1

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def main():
    g = resilient()
    print(await g.__anext__())
    print(await g.__anext__())
    print("athrow ->", await g.athrow(ValueError("bad value")))
    print(await g.__anext__())
    try:
        await g.athrow(KeyError("unhandled"))
    except KeyError as e:
        print("athrow propagated", repr(e))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("the generator is finished")

    g = resilient()
    await g.__anext__()
    print("aclose ->", await g.aclose())
    print("aclose again ->", await g.aclose())
    return "main done"
print(run(main()))

# An async generator that yields after GeneratorExit cannot be closed.
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def close_stubborn():
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(run(close_stubborn()))

# Awaitables are single-use.
async def reuse():
    g = resilient()
    step = g.__anext__()
    print(await step)
    try:
        await step
    except RuntimeError as e:
        print("RuntimeError:", e)
    await g.aclose()
print(run(reuse()))
