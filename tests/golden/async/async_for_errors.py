# Objects that do not implement the async iteration protocol.
def run(coro):
    try:
        coro.send(None)
    except StopIteration:
        pass

def attempt(label, iterable):
    async def loop():
        async for x in iterable:
            pass
    try:
        run(loop())
    except TypeError as e:
        print(f"{label}: {e}")

class NoANext:
    def __aiter__(self):
        return 42

class BadANext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return "not awaitable"

attempt("a list", [1, 2, 3])
attempt("__aiter__ returns an int", NoANext())
attempt("__anext__ returns a str", BadANext())

# A sync iterable is not an async iterable, even in an async function.
async def sync_in_async():
    total = 0
    for x in [1, 2, 3]:
        total += x
    return total
try:
    sync_in_async().send(None)
except StopIteration as e:
    print("plain for loops work in coroutines:", e.value)
