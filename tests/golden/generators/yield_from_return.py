# yield from delegates and evaluates to the subgenerator's return value.
def inner(n):
    for i in range(n):
        yield i
    return f"inner done {n}"
def outer():
    r1 = yield from inner(2)
    print("got", r1)
    r2 = yield from inner(1)
    print("got", r2)
    return "outer done"
g = outer()
print(list(g))
def catch():
    try:
        yield from outer()
    except StopIteration:
        pass
    return
print([x for x in catch()])
def ret():
    x = yield from []
    return x
try:
    next(ret())
except StopIteration as s:
    print("value:", s.value)
