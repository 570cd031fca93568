# PEP 479: StopIteration escaping a coroutine (or StopAsyncIteration escaping an async generator)
# becomes a RuntimeError, chained to the original.
async def leaky():
    raise StopIteration("oops")

try:
    leaky().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

async def leaky_agen():
    yield 1
    raise StopAsyncIteration

async def consume():
    out = []
    try:
        async for x in leaky_agen():
            out.append(x)
    except RuntimeError as e:
        out.append(str(e))
    return out

try:
    consume().send(None)
except StopIteration as e:
    print(e.value)

async def leaky_agen2():
    yield 1
    raise StopIteration

async def consume2():
    try:
        async for x in leaky_agen2():
            pass
    except RuntimeError as e:
        return str(e)

try:
    consume2().send(None)
except StopIteration as e:
    print(e.value)
