# A package is a directory with __init__.py; its submodules are attributes once imported.
import sys
import os

import shapes

print("--- after import shapes")
print(shapes.__name__, shapes.__package__, shapes.__doc__)
print(os.path.basename(shapes.__file__), type(shapes.__path__).__name__, len(shapes.__path__))
print(os.path.basename(shapes.__path__[0]))
print(shapes.Circle(2).area(), shapes.square.area(3), shapes.DEFAULT_SIDE)
print(shapes.square.inside_circle(2))
print(sorted(k for k in sys.modules if k.startswith("shapes")))
print(hasattr(shapes, "solid"))

print("--- import shapes.solid.cube")
import shapes.solid.cube

print(hasattr(shapes, "solid"), shapes.solid.cube.volume(3))
print(shapes.solid.cube.describe())
print(shapes.solid.__package__, shapes.solid.cube.__package__)
print(sorted(k for k in sys.modules if k.startswith("shapes")))

print("--- import again: nothing runs")
import shapes.solid.cube
import shapes.circle
from shapes import solid
print(solid is sys.modules["shapes.solid"])
