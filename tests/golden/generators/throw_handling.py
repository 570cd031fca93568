# throw() raises inside the generator at the yield; it may handle it and keep going.
def resilient():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("handled", e)
            yield "recovered"
g = resilient()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
try:
    g.throw(KeyError("fatal"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "exhausted"))
def fresh():
    yield 1
try:
    fresh().throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted:", e)
