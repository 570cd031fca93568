# Attribute stores of ints, floats, bools and None over a value that owns nothing (including the Undef
# of a member a constructor sets for the first time) are raw stores under a guard on the old tag; the
# guard fails when the old value is of another kind (an object, a string), and the helper takes over.


class P:
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b):
        self.a = a
        self.b = b
        if a > 5:
            self.c = None  # sometimes set, sometimes left unset


class Q:
    def __init__(self, v):
        self.v = v
        self.w = 0


def build(n):
    out = []
    for i in range(n):
        p = P(i % 9, i * 0.5)
        p.a = p.a + 1           # int over int
        p.b = i % 3 == 0        # bool over float
        if i % 4 == 0:
            p.a = None          # None over int
        if i % 7 == 0:
            p.b = "text"        # an object over a bool
        if i > 150 and i % 5 == 0:
            p.a = [i]           # a list: the next store's old-tag guard fails
            p.a = 2.5           # float over an object: helper
        out.append(p)
    return out


ps = build(300)
print([(p.a, p.b) for p in ps[:12]])
print(sum(1 for p in ps if hasattr(p, "c")), [p.a for p in ps[150:165]])
try:
    print(ps[0].c)
except AttributeError as e:
    print("AttributeError:", e)


def flip(n):
    q = Q(0)
    kinds = []
    for i in range(n):
        q.w = i if i < 100 else (i * 1.5 if i < 200 else (i % 2 == 0))
        q.v = q.w
        if i == 250:
            q.w = "s"
        kinds.append(type(q.v).__name__)
    return q.v, q.w, kinds[98:102], kinds[198:202], kinds[-3:]


print(flip(300))


# Loads of members the trace set on an instance it made use the stored value directly, unless the
# instance may have been written through another reference in between.
def alias(n):
    keep = []
    s = 0.0
    for i in range(n):
        p = P(i, 1.5)
        keep.append(p)
        q = keep[-1]
        q.a = i * 2  # the same object, through another reference
        s += p.a
        p.b = 2.5
        s += q.b + p.b
    return s, keep[7].a, keep[7].b


print(alias(200))
