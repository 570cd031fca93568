# enum: lookup by value and name, errors, Flag/IntFlag combinations, IntEnum/StrEnum str and format,
# auto, unique, the functional API.
import enum
class C(enum.Enum):
    R=1
    G=2
print(C.R in C)
try:
    class D(C): X=3
except TypeError as e: print(e)
try: C.R = 3
except AttributeError as e: print(e)
try: del C.R
except AttributeError as e: print(e)
try: C(5)
except ValueError as e: print(e)
try: C['Z']
except KeyError as e: print(repr(e))
class P(enum.Flag):
    R=4; W=2; X=1
    RW=6
print(list(P), repr(P.R|P.W), str(P.R|P.W), repr(P(0)), str(P(0)), repr(~P.R), list(P.RW), P.RW, len(P.RW), P.__members__.keys())
try: P(8)
except ValueError as e: print(e)
class I(enum.IntFlag):
    R=4; W=2; X=1
print(repr(I.R|I.W), str(I.R|I.W), I.R|8, repr(I(8)), repr(~I.R), format(I.R), repr(I.R|1))
class N(enum.IntEnum):
    A=1; B=2
print(repr(N.A), str(N.A), f'{N.A}', N.A+1, N.A==1, {1:'x'}[N.A], sorted([N.B, N.A]), repr(C), repr(P))
class S(enum.StrEnum):
    A=enum.auto(); B='bee'
print(repr(S.A), str(S.A), S.A == 'a', f'{S.B:>5}')
class A(enum.Enum):
    X=enum.auto(); Y=enum.auto()
print(list(A), f'{C.R}', format(C.R, '>10'), hash(C.R)==hash('R'))
try:
  @enum.unique
  class U(enum.Enum):
    A=1; B=1
except ValueError as e: print(e)
An = enum.Enum('An', 'ANT BEE')
print(list(An), An.ANT.value, repr(An))
print(type(C), enum.EnumMeta is enum.EnumType)
