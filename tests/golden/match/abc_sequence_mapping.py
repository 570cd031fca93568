# Classes built by ABCMeta may declare themselves sequences or mappings for `match` with
# `__abc_tpflags__` (what collections.abc.Sequence and Mapping do): 1 << 5 is Py_TPFLAGS_SEQUENCE,
# 1 << 6 is Py_TPFLAGS_MAPPING. The flag is inherited by subclasses.
from abc import ABCMeta


class MySeq(metaclass=ABCMeta):
    __abc_tpflags__ = 1 << 5

    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class MyMap(metaclass=ABCMeta):
    __abc_tpflags__ = 1 << 6

    def __init__(self, **kw):
        self.d = kw

    def get(self, key, default=None):
        return self.d.get(key, default)

    def __getitem__(self, key):
        return self.d[key]

    def __len__(self):
        return len(self.d)

    def __iter__(self):
        return iter(self.d)

    def keys(self):
        return self.d.keys()


class SubSeq(MySeq):
    pass


class Plain:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return [10, 20][i]


def describe(x):
    match x:
        case [a, b]:
            return f"pair {a} {b}"
        case [first, *rest]:
            return f"seq starting {first}, {len(rest)} more"
        case {"x": x_, "y": y_}:
            return f"point {x_},{y_}"
        case {"name": name, **others}:
            return f"named {name}, others {sorted(others)}"
        case _:
            return f"other {type(x).__name__}"


print(describe(MySeq(1, 2)))
print(describe(MySeq(1, 2, 3, 4)))
print(describe(SubSeq("a", "b")))
print(describe(MySeq()))
print(describe(MyMap(x=1, y=2)))
print(describe(MyMap(name="n", a=1, b=2)))
print(describe(MyMap(z=0)))
print(describe(Plain()))
print(describe([1, 2]), describe((1, 2, 3)), describe({"x": 0, "y": 0}))
print(describe("ab"), describe(b"ab"))
