# types.ModuleType makes module objects at run time; placed in sys.modules they can be imported.
import sys
import types

m = types.ModuleType("made_up", "A module built at run time.")
print(m, m.__name__, m.__doc__)
print(sorted(vars(m).items()))
print(type(m) is types.ModuleType, isinstance(sys, types.ModuleType), type(sys).__name__)

m.answer = 42
exec("def double(x):\n    return 2 * x\nresult = double(answer)", m.__dict__)
print(m.result, m.double(5), m.double.__module__, m.double.__globals__ is m.__dict__)

sys.modules["made_up"] = m
import made_up
from made_up import answer, double

print(made_up is m, answer, double(1))

print(types.ModuleType("no_doc").__doc__, types.ModuleType("kw", doc="d").__doc__)
for args in [(), (1,), ("a", "b", "c")]:
    try:
        types.ModuleType(*args)
    except TypeError as e:
        print("TypeError:", e)

# Repr of modules: from a file, built-in, made at run time.
import _plain_mod
print(repr(_plain_mod).startswith("<module '_plain_mod' from '/"), repr(_plain_mod).endswith("_plain_mod.py'>"))
print(sys)
print(repr(types.ModuleType("x")))
