# `async with` awaits __aenter__() on entry and __aexit__(...) on exit; a true result from __aexit__
# suppresses the exception.
class Step:
    def __await__(self):
        yield "step"

class Resource:
    def __init__(self, name, suppress=()):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Step()
        print(f"  open {self.name}")
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await Step()
        print(f"  close {self.name}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return exc_type is not None and issubclass(exc_type, self.suppress)

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def basic():
    async with Resource("a") as r:
        print("  using", r.name)
    return "basic done"
print(run(basic()))

async def suppressed():
    async with Resource("b", suppress=(KeyError,)):
        raise KeyError("lost")
    return "after suppressed KeyError"
print(run(suppressed()))

async def propagated():
    try:
        async with Resource("c", suppress=(KeyError,)):
            raise ValueError("kept")
    except ValueError as e:
        return f"caught {e!r}"
print(run(propagated()))

async def several():
    async with Resource("outer") as o, Resource("inner") as i:
        print("  both open:", o.name, i.name)
    return "several done"
print(run(several()))

# return, break and continue inside the block still await __aexit__.
async def early_return():
    async with Resource("d"):
        return "returned from inside"
print(run(early_return()))

async def loop_exits():
    for i in range(3):
        async with Resource(f"loop{i}"):
            if i == 0:
                continue
            if i == 1:
                break
    return "loop done"
print(run(loop_exits()))
