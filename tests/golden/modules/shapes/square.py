print("init shapes.square:", __name__, __package__)

from . import circle
from .circle import Circle as _C


def area(side):
    return side * side


def inside_circle(side):
    # A relative import made at module level is an ordinary global of this module.
    return _C(side).area() > area(side) and circle.Circle is _C
