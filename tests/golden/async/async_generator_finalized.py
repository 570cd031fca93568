# Without an event loop (no asyncgen hooks), an async generator dropped while suspended is
# closed on the spot, as CPython does: its finally clause runs at the del.
async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)

async def main():
    g = agen("a")
    print(await g.__anext__())
    del g
    print("after del")
    h = agen("b")
    print(await h.__anext__())
    print("end of main")

c = main()
try:
    c.send(None)
except StopIteration:
    pass
print("done")
