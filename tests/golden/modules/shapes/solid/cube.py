print("init shapes.solid.cube:", __name__, __package__)

from .. import square
from ..circle import Circle
from . import __name__ as parent_name


def volume(side):
    return square.area(side) * side


def describe():
    return parent_name + " uses " + Circle.__module__
