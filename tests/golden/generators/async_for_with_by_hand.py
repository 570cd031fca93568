# async for and async with, driven without an event loop.
class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class Session:
    async def __aenter__(self):
        print("open")
        return self
    async def __aexit__(self, *exc):
        print("close", exc[0])
async def main():
    out = []
    async with Session() as s:
        async for t in Ticker(3):
            out.append(t)
    return out
try:
    main().send(None)
except StopIteration as s:
    print(s.value)
