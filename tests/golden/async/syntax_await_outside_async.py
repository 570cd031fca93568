# `await` is only allowed inside `async def` (here: a plain function).
def fetch(source):
    return await source.read()
