# __slots__: members are descriptors on the class; instances have no __dict__.
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y)
print(Point.x, type(Point.x).__name__)
print(Point.x.__name__, Point.x.__objclass__.__name__)
print(hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x)
