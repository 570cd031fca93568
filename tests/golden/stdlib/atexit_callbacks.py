# atexit: callbacks run after the program ends, last registered first, with their arguments;
# unregister removes them; a failing callback is reported and the others still run.
import atexit

def bye(name, punct="!"):
    print("bye", name + punct)

def never():
    print("never printed")

def fails():
    raise ValueError("boom")

atexit.register(bye, "first")
atexit.register(never)
atexit.register(fails)
atexit.register(bye, "second", punct="?")
atexit.unregister(never)

@atexit.register
def decorated():
    print("decorated runs first")

print("main body done")
