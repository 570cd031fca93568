# Async generators: asend/athrow/aclose return awaitables driven by send().
async def agen():
    try:
        x = yield 1
        print("got", x)
        yield 2
    finally:
        print("agen cleanup")
def run(aw):
    try:
        aw.send(None)
    except StopIteration as s:
        return s.value
g = agen()
print(run(g.__anext__()))
print(run(g.asend("hello")))
print(run(g.aclose()))
async def collect():
    return [v async for v in agen()]
print(run(collect()))
