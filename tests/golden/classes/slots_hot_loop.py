# Slotted instances in a hot loop (inline caches and traces load members by slot).
class Vec:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
acc = Vec(0, 0)
step = Vec(1, 2)
for i in range(500):
    acc = acc.add(step)
    acc.x = acc.x + (i % 3)
print(acc.x, acc.y)
items = [Vec(i, -i) for i in range(4)]
del items[2].y
total = 0
for _ in range(200):
    for v in items:
        try:
            total += v.y
        except AttributeError:
            total += 1000
print(total)
