# Calling a class inside a hot loop: the trace allocates the instance with a helper and inlines
# `__init__`. An exit anywhere inside the constructor redoes the whole call in the interpreter, so a
# constructor may only change the object it builds; anything else ends the recording.


class Vec:
    def __init__(self, x, y=0.0):
        self.x = x
        self.y = y

    def plus(self, o):
        return Vec(self.x + o.x, self.y + o.y)


def walk(n):
    p = Vec(0.0)
    step = Vec(0.5, 0.25)
    for i in range(n):
        p = p.plus(step)
    return p.x, p.y


print(walk(10000))  # more objects than one trace run keeps alive: routine exits


class Checked:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: %d" % v)
        self.v = v


def build(vals):
    out = []
    for v in vals:
        try:
            out.append(Checked(v).v)
        except ValueError as e:
            out.append(str(e))
    return out


print(build([3, 2, 1, 0, -1, 5, 6, -7, 8]))


registry = []


class Registered:
    def __init__(self, k):
        self.k = k
        registry.append(k)  # a side effect outside the new object


def register(n):
    for k in range(n):
        Registered(k)
    return len(registry), registry[-3:]


print(register(40))


class Base:
    def __init__(self, a):
        self.a = a


class Derived(Base):
    def __init__(self, a, b):
        Base.__init__(self, a)
        self.b = b


def derived(n):
    s = 0
    for i in range(n):
        d = Derived(i, 2 * i)
        s += d.a + d.b
    return s


print(derived(50))


class Late:
    def __init__(self, v):
        self.v = v


def late_init(v):
    self_v = v * 100
    return None


def make(n):
    s = 0
    for i in range(n):
        if i == 20:
            # A new __init__ replaces the one the trace inlined.
            def init2(self, v):
                self.v = -v

            Late.__init__ = init2
        s += Late(i).v
    return s


print(make(40))


class Bad:
    def __init__(self, v):
        self.v = v
        if v == 30:
            return v


def bad(n):
    made = 0
    for i in range(n):
        Bad(i)
        made += 1
    return made


try:
    bad(40)
except TypeError as e:
    print("TypeError:", e)


class Counted:
    count = 0

    def __init__(self):
        self.n = Counted.count


def counted(n):
    xs = []
    for i in range(n):
        if i == 15:
            Counted.count = 7  # class attribute read by __init__ changes mid-loop
        xs.append(Counted().n)
    return xs[10:20]


print(counted(30))
