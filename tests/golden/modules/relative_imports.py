# Relative imports name modules relative to __package__: '.' is the current package, '..' its parent.
from shapes.solid import cube
from shapes import square

print(cube.volume(2))
print(cube.square is square)
print(cube.parent_name)
print(square.circle.__name__)

# The resolved names are absolute keys of sys.modules.
import sys
print(sys.modules["shapes.solid.cube"] is cube)
print(sorted(k for k in sys.modules if k.startswith("shapes")))

# __import__ with level > 0 resolves against the given globals' __package__.
m = __import__("circle", globals={"__package__": "shapes", "__name__": "shapes.x"}, fromlist=["Circle"], level=1)
print(m.__name__)
m = __import__("", globals={"__package__": "shapes.solid", "__name__": "shapes.solid.x"}, fromlist=["cube"], level=2)
print(m.__name__)
