# send(), throw() and close() reach the innermost awaitable a coroutine is suspended in.
class Wait:
    def __await__(self):
        value = yield "waiting"
        return value

async def inner():
    try:
        got = await Wait()
        print("inner got", got)
        return await Wait()
    except KeyError as e:
        print("inner handled", repr(e))
        return "recovered"
    finally:
        print("inner finally")

async def outer():
    result = await inner()
    print("outer got", result)
    return result

def finish(coro, value=None):
    try:
        print("suspended at:", coro.send(value))
    except StopIteration as e:
        print("returned:", e.value)

c = outer()
finish(c)
finish(c, "first")
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("throw made it return", e.value)

# An exception thrown in and not handled comes back out of throw().
c = outer()
finish(c)
try:
    c.throw(ValueError("not handled"))
except ValueError as e:
    print("propagated:", e)

# close() raises GeneratorExit at the suspension point (finally blocks run).
c = outer()
finish(c)
c.close()
print("closed; closing again is a no-op:", c.close())

# A coroutine that keeps running after GeneratorExit is an error.
async def stubborn():
    try:
        await Wait()
    except GeneratorExit:
        print("ignoring GeneratorExit")
        await Wait()
c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
