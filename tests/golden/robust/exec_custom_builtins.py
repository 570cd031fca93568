# exec/eval take builtins from the globals' __builtins__: a dict (or a module) limits what names
# resolve to, for the executed code and the functions it defines; another object is subscripted.


def attempt(src, g, mode=exec):
    try:
        r = mode(src, g)
        print(repr(src), "->", r)
    except Exception as e:
        print(repr(src), "->", type(e).__name__ + ":", e)


attempt("x = len('abc')", {"__builtins__": {"len": len}})
attempt("print('hidden')", {"__builtins__": {}})
attempt("1 + 1", {"__builtins__": None}, eval)
attempt("abs(-2)", {"__builtins__": {"abs": abs}}, eval)
attempt("x = len", {"__builtins__": 5})
attempt("abs", {"__builtins__": []}, eval)

# Functions defined by the executed code keep those builtins after exec returns.
g = {"__builtins__": {"len": lambda s: 42}}
exec("def f(s):\n    return len(s)", g)
print(g["f"]("abc"), len("abc"))

# A function defined outside keeps its own (the real) builtins when called from there.
def outside():
    return len("abcd")


print(eval("f()", {"__builtins__": {}, "f": outside}))

# A mapping subclass as builtins: its __getitem__ (and __missing__) is consulted.
class Names(dict):
    def __missing__(self, key):
        return "<" + key + ">"


attempt("anything", {"__builtins__": Names()}, eval)

# The builtins module itself behaves as usual.
import builtins

print(eval("len('xy')", {"__builtins__": builtins}))
