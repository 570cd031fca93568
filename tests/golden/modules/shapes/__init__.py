"""The shapes package: __init__ runs once, when the package is first imported."""
print("init shapes:", __name__, __package__)

from .circle import Circle
from . import square

DEFAULT_SIDE = 1
