# exec() runs statements in a namespace; eval() returns an expression's value.

# exec with one dict: it is both the globals and the locals; functions defined there see it.
g = {}
exec("x = 1\ndef f(a):\n    return a + x\n", g)
print(g["f"](2), sorted(k for k in g if k != "__builtins__"))
print("__builtins__" in g)

# exec with separate globals and locals: assignments go to the locals mapping.
ns = {}
exec("y = 5\nz = y * 2", {}, ns)
print(ns)

# eval: leading blanks are allowed; names from globals and locals.
print(eval("1 + 2"), eval("  x * 3", {"x": 4}), eval("a + b", {"a": 1}, {"b": 2}))

# Without namespaces: the caller's (a function's locals are a snapshot).
def h():
    q = 10
    return eval("q + 1")
print(h())

class K:
    exec("m = 3")
print(K.m)

# Generating functions from source text (how dataclasses and namedtuple build __init__).
src = "def __init__(self, a, b=2):\n    self.a = a\n    self.b = b\n"
loc = {}
exec(src, {}, loc)
class P:
    __init__ = loc["__init__"]
p = P(1)
print(p.a, p.b)

for bad in ["x = 1", "pass"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    exec(3)
except TypeError as e:
    print(e)
try:
    exec("pass", [])
except TypeError as e:
    print(e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print(e)
