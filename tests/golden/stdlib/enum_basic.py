# enum: members, aliases, iteration, __members__, methods and properties on members, tuple values
# with __init__, _missing_, comparisons, hashing, match.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
import enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name} is {self.value}"

    @property
    def is_warm(self):
        return self is Color.RED

    @classmethod
    def default(cls):
        return cls.GREEN

print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color.CRIMSON)
print(list(Color.__members__), Color.__members__["CRIMSON"])
print(Color.RED.describe(), Color.RED.is_warm, Color.default(), Color(2), Color["BLUE"])
print(Color.RED.name, Color.RED.value, Color.RED._name_, type(Color.RED), isinstance(Color.RED, Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED in Color)
print({Color.RED: "r"}[Color.CRIMSON], sorted(Color, key=lambda c: c.value)[-1])
print(list(reversed(Color)), repr(Color), str(Color.GREEN), f"{Color.GREEN!r}")
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(e)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2))
print(Planet((3.303e23, 2.4397e6)))


class Shape(Enum):
    SQUARE = "sq"
    CIRCLE = "ci"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None

print(Shape("SQ"), Shape("ci"))
try:
    Shape("tri")
except ValueError as e:
    print(e)


class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = auto()

print(Num.THREE, repr(Num.THREE), Num.ONE + Num.TWO, Num.TWO * 5, Num.ONE < Num.TWO, max(Num), [n for n in Num if n > 1])
print(int(Num.TWO), Num(3), Num.TWO == 2, isinstance(Num.ONE, int), sorted([3, Num.ONE, 2]))


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(repr(rw), rw, Perm.R in rw, Perm.X in rw, list(rw), bool(Perm(0)), rw & Perm.W, rw + 1)


class Weekday(Flag):
    MON = auto()
    TUE = auto()
    WED = auto()
    WEEKEND = 0

work = Weekday.MON | Weekday.WED
print(repr(work), list(work), [d.value for d in Weekday], repr(Weekday(0)), repr(Weekday.WEEKEND))


class Status(Enum):
    ACTIVE = auto()
    INACTIVE = auto()


def label(s):
    match s:
        case Status.ACTIVE:
            return "on"
        case Status.INACTIVE:
            return "off"

print(label(Status.ACTIVE), label(Status.INACTIVE), [s.value for s in Status])

Animal = Enum("Animal", [("CAT", "meow"), ("DOG", "woof")])
print(list(Animal), Animal("woof"))
Size = IntEnum("Size", "S M L")
print(list(Size), Size.M + 0)


class Mood(Enum):
    _ignore_ = ["tmp"]
    tmp = 5
    HAPPY = 1

print(list(Mood), hasattr(Mood, "tmp"))
print(enum.EnumMeta is enum.EnumType, isinstance(Color, enum.EnumType))
