# 'from M import *' binds the names in M.__all__, or else every name not starting with '_'.
from _noall import *

print(sorted(n for n in dir() if not n.startswith("__")))
print(a, b, f())

from exporter import *

print(public, _chosen, sub.__name__)
print("unlisted" in dir())

# A name in __all__ that does not exist is an AttributeError at import time.
try:
    from _badall import *
except AttributeError as e:
    print("AttributeError:", e)

# Items of __all__ must be str.
try:
    from _nonstr_all import *
except TypeError as e:
    print("TypeError:", e)


def g():
    # names imported inside a function are local: 'from M import name' is allowed there
    from _noall import a as local_a
    return local_a


print(g())

try:
    exec("def h():\n    from _noall import *\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
