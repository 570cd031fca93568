# golden: full stderr
# `async with` needs an enclosing `async def`.
def use(lock):
    async with lock:
        pass
