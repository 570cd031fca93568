# throw() and close() on a generator delegating with `yield from` go to the innermost generator first.
def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except KeyError as e:
        print("inner handled", repr(e))
        yield "inner recovered"
        return "inner result"
    finally:
        print("inner finally")

def outer():
    try:
        result = yield from inner()
        print("outer got", repr(result))
        yield "outer after"
    except ValueError as e:
        print("outer handled", repr(e))
        yield "outer recovered"

g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))

g = outer()
print(next(g))
print(g.throw(ValueError("v")))

g = outer()
print(next(g))
g.close()
print("closed")

# A throw that makes the inner generator return continues the outer one with the result.
def quitter():
    try:
        yield 1
    except KeyError:
        return "quit early"
def wrapper():
    r = yield from quitter()
    yield f"wrapper got {r!r}"
w = wrapper()
next(w)
print(w.throw(KeyError))

# Delegating to an iterator without throw(): the exception is raised in the delegating generator.
def over_list():
    try:
        yield from iter([1, 2, 3])
    except RuntimeError as e:
        yield f"handled {e}"
o = over_list()
next(o)
print(o.throw(RuntimeError("boom")))
