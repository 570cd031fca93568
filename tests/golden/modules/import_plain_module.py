# A module next to the script is importable: sys.path[0] is the script's directory.
import sys
import os

print(os.path.basename(sys.path[0]) == os.path.basename(os.path.dirname(os.path.abspath(__file__))))
import _plain_mod

print(_plain_mod.__name__)
print(_plain_mod.VALUE, _plain_mod.double(21))
print(os.path.basename(_plain_mod.__file__))
print(_plain_mod.__doc__)
print(type(_plain_mod).__name__)
print(_plain_mod.Thing, _plain_mod.Thing.__module__, _plain_mod.double.__module__)
print(_plain_mod.double.__qualname__, _plain_mod.Thing())
print(repr(_plain_mod.__package__))

# import binds only the name; a second import does not execute the module again
import _plain_mod as again
print(again is _plain_mod)
print("_plain_mod" in sys.modules, sys.modules["_plain_mod"] is _plain_mod)

# module attributes can be rebound from outside
_plain_mod.VALUE = 7
from _plain_mod import VALUE, double as dbl
print(VALUE, dbl(4))
print(sorted(n for n in dir(_plain_mod) if not n.startswith("__")))
