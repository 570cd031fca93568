# typing: annotated programs import and run; reprs, get_origin/get_args, Generic, Protocol,
# NamedTuple, TypedDict, NewType, cast, overload, get_type_hints.
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable,
                    Iterator, Generator, Sequence, Mapping, MutableMapping, TypeVar, Generic,
                    Protocol, NamedTuple, TypedDict, cast, overload, TYPE_CHECKING, Final, Literal,
                    ClassVar, get_type_hints, get_origin, get_args, NewType, runtime_checkable,
                    Annotated, Type, DefaultDict, Deque)
import typing

print(TYPE_CHECKING)
for t in (List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str],
          Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Tuple[()], Tuple[int, str],
          Set[int], FrozenSet[str], Iterable[int], Iterator[str], Generator[int, None, None],
          Sequence[float], Mapping[str, Any], Literal[1, "a"], ClassVar[int], Final[int],
          Type[int], Annotated[int, "meta"], List, Any, Union, Optional[List[int]]):
    print(repr(t))

print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(Literal[1]), get_args(Literal[1, 2]), get_origin(int))
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], Union[int] is int)
print(List[int] == List[int], List[int] == List[str])
print(int | None, List[int] | None, Optional[int] | str)
print(isinstance([], List), isinstance({}, Mapping), isinstance(3, Iterable), issubclass(list, Sequence))
try:
    isinstance([], List[int])
except TypeError as e:
    print(e)
try:
    isinstance(1, Any)
except TypeError as e:
    print(e)
try:
    List()
except TypeError as e:
    print(e)

T = TypeVar("T")
K = TypeVar("K")
print(T, TypeVar("U", bound=int).__bound__, TypeVar("C", covariant=True), List[T][int], Dict[K, T][str, int])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), Stack.__parameters__, Stack[int], type(s).__name__)


class Pair(Generic[K, T]):
    pass

print(Pair[str, int], Pair.__parameters__)
try:
    Pair[int]
except TypeError as e:
    print(e)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...

class Resource:
    def close(self) -> None:
        pass

class NotResource:
    pass

print(isinstance(Resource(), Closable), isinstance(NotResource(), Closable))

class Drawable(Protocol):
    def draw(self) -> str: ...

try:
    isinstance(Resource(), Drawable)
except TypeError as e:
    print(e)


class Point(NamedTuple):
    x: int
    y: int = 0

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.norm1(), Point(1), p._asdict(), Point._fields, Point.__annotations__)
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1), Emp._fields)


class Movie(TypedDict):
    title: str
    year: int

class Partial(TypedDict, total=False):
    rating: float

mv = Movie(title="Up", year=2009)
print(mv, type(mv), Movie.__required_keys__ == {"title", "year"}, sorted(Partial.__optional_keys__))

UserId = NewType("UserId", int)
print(UserId(5), UserId.__supertype__)
print(cast(int, "x"), cast("List[int]", [1]))


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2

print(double(2), double("a"))


def f(a: int, b: "str" = "x", *rest: float) -> Optional[List[int]]:
    return None

print(get_type_hints(f))


class Config:
    name: str
    retries: "int"
    timeout: Optional[float] = None

print(get_type_hints(Config))
MAX: Final = 10
print(MAX, typing.Text, typing.AnyStr)
print(DefaultDict[str, int], Deque[int])
