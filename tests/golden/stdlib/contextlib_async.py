# contextlib: asynccontextmanager, AsyncExitStack, aclosing.
# contextlib's async helpers, driven without an event loop (nothing here really suspends).
from contextlib import asynccontextmanager, AsyncExitStack, aclosing, nullcontext

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended")

@asynccontextmanager
async def resource(name):
    print("open", name)
    try:
        yield name * 2
    finally:
        print("close", name)

async def main():
    async with resource("ab") as r:
        print("using", r)
    try:
        async with resource("x"):
            raise ValueError("inside")
    except ValueError as e:
        print("propagated", e)
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource("a"))
        b = await stack.enter_async_context(resource("b"))
        stack.callback(print, "sync callback")
        async def acb(msg):
            print("async callback", msg)
        stack.push_async_callback(acb, "hi")
        print("entered", a, b)
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen finalized")
    async with aclosing(agen()) as g:
        async for v in g:
            print("got", v)
            break
    async with nullcontext(7) as seven:
        print(seven)
    return "done"

print(run(main()))

@resource("deco")
async def decorated():
    print("in decorated")
    return 5
print(run(decorated()))
