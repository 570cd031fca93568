# copy: shallow and deep copies, hooks, memo (shared and cyclic references).
import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(9); a[2]['k'].append(8)
print(b, c, b[1] is a[1], c[1] is a[1])
t = (1, [2]); print(copy.deepcopy(t), copy.deepcopy(t) is t, copy.copy(t) is t)
class P:
    def __init__(self, x): self.x = x; self.items = [x]
p = P(5); q = copy.copy(p); r = copy.deepcopy(p)
p.items.append(6); print(q.x, q.items, r.items, type(r).__name__)
class C:
    def __init__(self): self.n = 1
    def __copy__(self): print("copy hook"); return C()
    def __deepcopy__(self, memo): print("deepcopy hook", type(memo).__name__); return C()
copy.copy(C()); copy.deepcopy([C()])
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is not l)
d = {'a': l}; e = copy.deepcopy(d); print(e['a'][1] is e['a'])
s = {1, 2}; print(copy.copy(s) == s, copy.deepcopy({'x': {1, 2}}))
shared = [1]; pair = [shared, shared]; cp = copy.deepcopy(pair); print(cp[0] is cp[1])
