# A small class hierarchy in a loop: virtual dispatch, class counters, sorting by key.
import math

class Shape:
    created = 0

    def __init__(self, name):
        self.name = name
        Shape.created += 1

    def area(self):
        raise NotImplementedError

    def __lt__(self, other):
        return self.area() < other.area()

    def __repr__(self):
        return f"{self.name}({self.area():.3f})"


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * self.r * self.r


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"


shapes = []
for i in range(1, 6):
    shapes.append(Circle(i * 0.5))
    shapes.append(Rect(i, i + 1))
    shapes.append(Square(i))
total = 0.0
for s in shapes:
    total += s.area()
print(f"{total:.4f}", Shape.created)
print(sorted(shapes)[:4])
print(max(shapes), min(shapes, key=lambda s: s.area()))
print([type(s).__name__ for s in shapes if isinstance(s, Rect)][:4])
try:
    Shape("abstract").area()
except NotImplementedError:
    print("abstract area")
