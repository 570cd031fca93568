# golden: full stderr
# An asynchronous comprehension needs an enclosing `async def` (async generator expressions are fine).
def fine(stream):
    return (x async for x in stream)

def broken(stream):
    return [x async for x in stream]
