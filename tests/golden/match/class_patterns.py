# Class patterns with positional (__match_args__) and keyword sub-patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(0, y=yy):
            return f"on y axis at {yy}"
        case Point(x=x, y=y) if x == y:
            return "diagonal"
        case Point():
            return "elsewhere"
        case int() | float() as n:
            return f"number {n}"
        case _:
            return "not a point"
for v in (Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), 7, 2.5, "s"):
    print(where(v))
