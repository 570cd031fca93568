# Misusing coroutines raises the same errors as CPython.
def attempt(label, fn):
    try:
        fn()
    except (TypeError, RuntimeError, ValueError) as e:
        print(f"{label}: {type(e).__name__}: {e}")

async def answer():
    return 42

def reuse():
    c = answer()
    try:
        c.send(None)
    except StopIteration:
        pass
    c.send(None)
attempt("send after finishing", reuse)

def reawait():
    async def twice():
        c = answer()
        await c
        await c
    twice().send(None)
attempt("awaiting twice", reawait)

def non_none_first():
    c = answer()
    try:
        c.send(1)
    finally:
        c.close()
attempt("non-None first send", non_none_first)

class Wait:
    def __await__(self):
        yield

def awaited_twice_concurrently():
    async def waiter():
        await Wait()
    shared = waiter()
    async def a():
        await shared
    first = a()
    first.send(None)
    second = a()
    second.send(None)
attempt("awaited by two", awaited_twice_concurrently)

def not_awaitable():
    async def f():
        await 5
    f().send(None)
attempt("await an int", not_awaitable)

class BadAwait:
    def __await__(self):
        return 5
def bad_await():
    async def f():
        await BadAwait()
    f().send(None)
attempt("__await__ returning an int", bad_await)

class CoroAwait:
    def __await__(self):
        self.coro = answer()
        return self.coro
def coro_await():
    awaitable = CoroAwait()
    async def f():
        await awaitable
    try:
        f().send(None)
    finally:
        awaitable.coro.close()
attempt("__await__ returning a coroutine", coro_await)

def running():
    async def selfish():
        me.send(None)
    me = selfish()
    me.send(None)
attempt("sending to itself", running)

def yield_from_coroutine():
    coro = answer()
    def gen():
        yield from coro
    try:
        next(gen())
    finally:
        coro.close()
attempt("yield from a coroutine", yield_from_coroutine)
