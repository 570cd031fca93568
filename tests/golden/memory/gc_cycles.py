# gc.collect() reclaims reference cycles and reports how many objects it found unreachable.
import gc
class Node:
    def __init__(self):
        self.other = None
gc.collect()
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
print(gc.collect() > 0)
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect() > 0)
print(gc.isenabled())
