# Tuples holding only atoms (ints, strs, None...) cannot be in a cycle and are not tracked by the
# collector; tuples holding containers are, so cycles through them are still collected.
import gc

class Node:
    pass

gc.collect()
for i in range(3):
    a = []
    t = (a, i, "x")
    a.append(t)
    n = Node()
    n.pair = (n, "self")
    del a, t, n
    print(gc.collect() >= 2)
atoms = [(i, str(i), None, 2.5) for i in range(1000)]
print(gc.collect(), len(atoms), atoms[999])
nested = ((1, 2), ("a", ()))
print(gc.collect(), nested)
