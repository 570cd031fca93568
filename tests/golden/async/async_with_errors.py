# Objects that are not asynchronous context managers.
def run(coro):
    try:
        coro.send(None)
    except StopIteration:
        pass

def attempt(label, manager):
    async def use():
        async with manager:
            pass
    try:
        run(use())
    except TypeError as e:
        print(f"{label}: {e}")

class OnlyEnter:
    async def __aenter__(self):
        return self

class SyncManager:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

class PlainEnter:
    def __aenter__(self):
        return 1
    async def __aexit__(self, *exc):
        return False

class PlainExit:
    async def __aenter__(self):
        return self
    def __aexit__(self, *exc):
        return False

attempt("an int", 5)
attempt("no __aexit__", OnlyEnter())
attempt("a sync context manager", SyncManager())
attempt("__aenter__ not a coroutine", PlainEnter())
attempt("__aexit__ not a coroutine", PlainExit())
