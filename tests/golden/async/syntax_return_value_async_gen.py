# An async generator cannot return a value.
async def numbers():
    yield 1
    return 2
