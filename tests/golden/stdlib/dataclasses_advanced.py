# dataclasses: __post_init__ and InitVar, kw_only and KW_ONLY, init=False fields, make_dataclass,
# string annotations, inheritance rules, and the errors CPython raises.
from dataclasses import (dataclass, field, fields, InitVar, KW_ONLY, make_dataclass, replace,
                         asdict, MISSING, FrozenInstanceError)
import dataclasses
from typing import ClassVar


@dataclass
class Rect:
    w: float
    h: float
    scale: InitVar[float] = 1.0
    area: float = field(init=False)

    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h

r = Rect(2, 3, scale=2)
print(r, [f.name for f in fields(r)], Rect.__match_args__)
print(repr(dataclasses.fields(Rect)[0].type), Rect.__dataclass_fields__["scale"]._field_type)
print(InitVar[int])


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1

print(Options(level=3))
try:
    Options(True)
except TypeError as e:
    print(e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int

m = Mixed(1, c=3)
print(m, Mixed.__match_args__)


@dataclass
class Counter:
    name: str
    hits: int = field(default=0, init=False)
    registry: ClassVar[dict] = {}

c = Counter("x")
c.hits += 1
print(c, "registry" in [f.name for f in fields(Counter)])

match Rect(1, 1):
    case Rect(w, h):
        print("matched", w, h)

Pair = make_dataclass("Pair", [("a", int), ("b", int, field(default=5))], namespace={"total": lambda self: self.a + self.b})
p = Pair(1)
print(p, p.total(), Pair.__module__ if False else "ok")

S = make_dataclass("S", ["x", ("y", str)], frozen=True)
print(S(1, "a"), S.__dataclass_params__.frozen)


@dataclass
class WithStrAnn:
    x: "int"
    y: "ClassVar[int]" = 3

print([f.name for f in fields(WithStrAnn)], WithStrAnn(1))


@dataclass(frozen=True)
class FrozenBase:
    x: int

try:
    @dataclass
    class NotFrozen(FrozenBase):
        y: int
except TypeError as e:
    print(e)

@dataclass
class Plain:
    x: int

try:
    @dataclass(frozen=True)
    class FrozenChild(Plain):
        y: int
except TypeError as e:
    print(e)

for bad in ("mutable", "order", "nondefault", "both", "noann", "hash"):
    try:
        if bad == "mutable":
            @dataclass
            class Bad:
                x: list = []
        elif bad == "order":
            @dataclass(order=True, eq=False)
            class Bad:
                x: int
        elif bad == "nondefault":
            @dataclass
            class Bad:
                x: int = 1
                y: int
        elif bad == "both":
            field(default=1, default_factory=list)
        elif bad == "noann":
            @dataclass
            class Bad:
                x = field(default=1)
        elif bad == "hash":
            @dataclass(unsafe_hash=True)
            class Bad:
                x: int
                def __hash__(self):
                    return 1
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    Plain()
except TypeError as e:
    print(e)
try:
    Plain(1, 2)
except TypeError as e:
    print(e)
try:
    dataclasses.fields(3)
except TypeError as e:
    print(e)
try:
    asdict(Plain)
except TypeError as e:
    print(e)
try:
    replace(r, area=3)
except ValueError as e:
    print(e)
try:
    replace(r, w=1)
except ValueError as e:
    print(e)


@dataclass(frozen=True)
class FP:
    x: int

fp = FP(1)
try:
    fp.y = 2
except FrozenInstanceError as e:
    print(e)
print(MISSING is dataclasses.MISSING, repr(dataclasses.field(default=1).default))
