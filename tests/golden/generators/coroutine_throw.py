# throw() into a suspended coroutine reaches the awaiting point.
class Wait:
    def __await__(self):
        yield "suspended"
async def guarded():
    try:
        await Wait()
    except ValueError as e:
        return f"handled {e}"
c = guarded()
print(c.send(None))
try:
    c.throw(ValueError("bad input"))
except StopIteration as s:
    print(s.value)
async def plain():
    return 42
p = plain()
try:
    p.send(None)
except StopIteration as s:
    print("plain:", s.value)
c2 = guarded()
c2.send(None)
c2.close()
print("closed")
