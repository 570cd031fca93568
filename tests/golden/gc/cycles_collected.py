# Cyclic garbage is reclaimed: gc.collect() finds unreachable cycles and returns a count.
import gc

class Node:
    def __init__(self):
        self.other = None

def make_cycles(n):
    for _ in range(n):
        a, b = Node(), Node()
        a.other, b.other = b, a
        d = {}
        d["me"] = d
        l = []
        l.append(l)

gc.collect()
make_cycles(100)
found = gc.collect()
print(found >= 400, gc.collect() == 0)
keep = Node()
keep.other = keep
print(gc.collect() == 0, keep.other is keep)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
