# from __future__ import annotations (PEP 563): annotations are kept as strings, never evaluated.
from __future__ import annotations
import __future__

print(__future__.annotations, __future__.annotations.getOptionalRelease())
print(__future__.all_feature_names)

count: int = 0
names: list[str]
table: dict[str, Optional["Node"]] = {}
print(__annotations__)


def build(a: int, /, b: "str", *rest: float, key: list[int] = [], **opts: Undefined) -> tuple[int, ...]:
    local: NotEvaluatedEither = 5
    return local


print(build.__annotations__)
print(build(1, "x"))


class Node:
    value: int
    next: Node | None = None
    weights: Callable[[int, str], bool]
    expr: 1 + 2 * 3
    power: x ** -y
    unary: -a ** b
    sub: a[1:2, ::3]
    tup: tuple[()]
    logic: not a and b or c
    cond: a if b else c
    big: 1e100
    hexa: 0x1F
    raw: b"bytes"
    lam: lambda x, *a, k=1: x
    comp: [i for i in range(3) if i]


print(Node.__annotations__)
print(Node.next)
