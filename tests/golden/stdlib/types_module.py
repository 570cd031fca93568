# types: builtin type names, SimpleNamespace, MappingProxyType, new_class; X | Y unions of classes.
import types
print(int | None, int | str | None, (int | str) == (str | int), int | int)
def f(x: int | None = None) -> list | None: pass
print(f.__annotations__)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))
print(types.FunctionType, types.MethodType, types.ModuleType, types.NoneType, types.BuiltinFunctionType)
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a)
mp = types.MappingProxyType({"a": 1})
print(mp, mp["a"], len(mp), list(mp))
try:
    mp["b"] = 2
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
C = types.new_class("C", (object,), {}, lambda ns: ns.update(x=1))
print(C.__name__, C.x)
class P:
    def __call__(self): pass
print(callable(P()), callable(P), callable(3))
