# Errors from classes: missing attributes, wrong argument counts, unhashable instances.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


p = Point(1, 2)
print(p == Point(1, 2), p != Point(2, 1))
try:
    p.z
except AttributeError as e:
    print(e)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    {p: 1}
except TypeError as e:
    print(e)
class Empty:
    pass
try:
    Empty(1)
except TypeError as e:
    print(e)
print(Point(3, 4).w)
