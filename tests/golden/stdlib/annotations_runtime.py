# __annotations__ of modules, classes and functions (annotations evaluated when defined).
x: int = 3
y: "str"
print(__annotations__, x)


def f(a: int, /, b: str = "q", *c: float, d: list = [], **e: dict) -> None:
    inside: NotEvaluated = 5  # annotations of locals are never evaluated
    return inside


print(f.__annotations__, f(1))


def plain():
    pass


print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)
plain.__annotations__["added"] = 1
print(plain.__annotations__)


class C:
    a: int
    b: str = "x"
    if True:
        c: float
    count = 0


print(C.__annotations__, C.b, "a" in C.__dict__)


class D:
    pass


print("__annotations__" in D.__dict__)


def outer():
    T = list

    def inner(a: T, *args: T, **kw: T) -> T:
        return a

    return inner


print(outer().__annotations__)


class Obj:
    pass


o = Obj()
o.attr: int = 5
print(o.attr)
order = []


def note(v):
    order.append(v)
    return v


class E:
    z: note("ann") = note("value")


print(order, E.__annotations__)
