# Instances of user classes in sets: __hash__/__eq__ decide membership, the hash decides the order.


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)

    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)


class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __repr__(self):
        return "H(%d)" % self.h


pts = [P(i % 4, i % 3) for i in range(20)]
s = set(pts)
print(len(s), s)
print(P(1, 1) in s, P(9, 9) in s)
s.add(P(0, 0))
print(len(s))
s.discard(P(0, 0))
print(len(s), s)
t = {P(1, 1), P(2, 2), P(7, 7)}
print(s & t, s | t, s - t, t - s, s ^ t)
u = set(s)
u |= t
print(u)
u = set(s)
u -= t
print(u)
u = set(s)
u ^= t
print(u)
u = set(s)
u &= t
print(u)
print(s == set(pts), frozenset(pts) == s, s.issuperset([P(0, 1)]), s.isdisjoint([P(5, 5)]))

hs = {H(2**62 + 5), H(-1), H(-2), H(7), H(2**61 - 1), H(15)}
print(hs)
print(hash(H(-1)), hash(H(2**62 + 5)), hash(H(2**64)))


class Plain:
    pass


a, b = Plain(), Plain()
print(len({a, b, a}), a in {a}, b in {a}, len({a, b} - {a}))
