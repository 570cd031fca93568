# dataclass(slots=True) and object.__getstate__ of slotted instances.
import dataclasses
@dataclasses.dataclass(slots=True)
class Pt:
    x: int
    y: int = 0
p = Pt(3)
print(p, Pt.__slots__, hasattr(p, '__dict__'))
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
print(s.__getstate__())
class N:
    pass
n = N()
print(n.__getstate__())
n.k = 2
print(n.__getstate__())
