# The gc module's interface: collect() returns how many unreachable objects it found; automatic
# collection can be switched off and on.
import gc


class Node:
    pass


print(gc.isenabled())
gc.disable()
print(gc.isenabled())
a = Node()
a.self = a
del a
print(gc.collect())  # one self-referencing instance
b, c = Node(), Node()
b.peer, c.peer = c, b
del b, c
print(gc.collect())  # two instances referring to each other
print(gc.collect())  # nothing left
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
print(len(gc.get_count()), all(isinstance(n, int) for n in gc.get_count()))
print(gc.collect(0) >= 0, gc.collect(generation=2) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(Node()))
print(gc.garbage)
