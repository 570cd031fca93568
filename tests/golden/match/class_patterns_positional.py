# Positional sub-patterns are mapped to attributes by the class's __match_args__.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y=y) if x == y:
            return f"on the diagonal at {x}"
        case Point(x):
            return f"somewhere with x = {x}"

for p in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 5)]:
    print(where(p))

# __match_args__ is inherited, and a subclass may extend it.
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

match Point3(1, 2, 3):
    case Point3(x, y, z):
        print("3d:", x, y, z)
match Point3(1, 2, 3):
    case Point(a, b):
        print("as a 2d point:", a, b)

# Nested class patterns.
class Line:
    __match_args__ = ("start", "end")
    def __init__(self, start, end):
        self.start = start
        self.end = end

match Line(Point(0, 0), Point(5, 5)):
    case Line(Point(0, 0), Point(x, y)):
        print("a line from the origin to", x, y)

# Without __match_args__ only keyword sub-patterns (or none) can be used.
class Plain:
    pass
match Plain():
    case Plain():
        print("Plain() matches any Plain instance")
