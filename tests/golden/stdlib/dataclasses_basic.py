# dataclasses: generated __init__/__repr__/__eq__, defaults, field(), ordering, hashing, frozen.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__init__.__qualname__, Point.__match_args__)
print(Point.__doc__)
print(Point.__hash__)


@dataclass
class Inventory:
    name: str
    tags: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    total: ClassVar[int] = 0
    secret: str = field(default="s", compare=False)

a = Inventory("a")
b = Inventory("b", ["x"])
a.tags.append("t")
print(a, b, Inventory("a", ["t"], 5) == a)
print([f.name for f in fields(a)], Inventory.total)
print(asdict(b), astuple(b))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)

vs = [Version(1, 2), Version(0, 9), Version(1, 0, "rc")]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), hash(Version(1, 2)) == hash(Version(1, 2, "x")))
v = Version(1)
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v.minor
except FrozenInstanceError as e:
    print(e)
print(replace(v, minor=5), v)
print({Version(1): "one"}[Version(1)])


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)

n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n)
print(asdict(n))
print(is_dataclass(n), is_dataclass(Node), is_dataclass(3))


@dataclass
class Base:
    a: int
    b: str = "b"

@dataclass
class Derived(Base):
    c: float = 1.5
    a: int = 10

print(Derived(), Derived(1, "x", 2.0), [f.name for f in fields(Derived)])


@dataclass(eq=False)
class Ident:
    x: int

print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)


@dataclass(unsafe_hash=True)
class Hashed:
    x: int
    y: list = field(default=None, hash=False)

print(hash(Hashed(3)) == hash((3,)))

# Recursive repr shows "..."
@dataclass
class Loop:
    other: object = None

lp = Loop()
lp.other = lp
print(lp)

# A custom __repr__ or __eq__ in the body wins.
@dataclass
class Custom:
    x: int
    def __repr__(self):
        return f"<Custom {self.x}>"

print(Custom(7), Custom(7) == Custom(7))
