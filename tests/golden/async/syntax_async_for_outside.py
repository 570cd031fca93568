# golden: full stderr
# `async for` needs an enclosing `async def`.
def consume(stream):
    async for item in stream:
        print(item)
