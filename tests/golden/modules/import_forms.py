# The forms of the import statement and what each one binds.
import sys

import shapes.solid.cube            # binds 'shapes' (the top package) only
print(shapes.__name__, "cube" in dir())

import shapes.solid.cube as c       # binds the submodule itself
print(c.__name__)

from shapes.solid import cube as cu  # a submodule through from-import
print(cu is c)

from shapes import circle, square as sq
print(circle.__name__, sq.__name__)

import shapes.circle, _plain_mod as pm, sys as system
print(pm.__name__, system is sys)


def f():
    import _globals_mod          # a local name inside a function
    from shapes.circle import Circle
    return _globals_mod.__name__, Circle(1).area(), "_globals_mod" in globals()


print(f())
print("_globals_mod" in sys.modules)


class K:
    import shapes.square as sq_in_class   # a class attribute

print(K.sq_in_class.__name__)

# __import__ returns the top package unless fromlist is given.
print(__import__("shapes.solid.cube").__name__)
print(__import__("shapes.solid.cube", fromlist=["volume"]).__name__)
print(__import__("shapes.solid", fromlist=["cube"]).cube.__name__)
