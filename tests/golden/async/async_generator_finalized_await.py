# Same, when the finally clause awaits: closing cannot finish, and CPython reports
# "async generator ignored GeneratorExit" as an unraisable exception at the del.
class Sleep:
    def __await__(self):
        yield "tick"

async def agen():
    try:
        yield 1
    finally:
        print("cleanup starts")
        await Sleep()
        print("never")

async def main():
    g = agen()
    print(await g.__anext__())
    del g
    print("after del")

c = main()
try:
    c.send(None)
except StopIteration:
    pass
