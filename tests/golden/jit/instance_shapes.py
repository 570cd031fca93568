# Attribute loads and stores on instances inside hot loops: traces guard the class, the shape
# (which attributes in which slots) and the type epoch, then read or write slot k directly.
# Each section changes what the trace assumed part-way through the loop.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    def __init__(self, x, y):
        self.y = y  # same names, other order: another shape
        self.x = x


def total(points):
    s = 0
    for p in points:
        s += p.x * 10 + p.y
    return s


# Same class and shape throughout, then a point that gained an attribute (new shape), then another
# class, then attributes built in the other order.
pts = [Point(i, i + 1) for i in range(30)]
print(total(pts))
late = Point(100, 200)
late.z = 5
pts[20] = late
print(total(pts))
pts[25] = Other(7, 8)
print(total(pts))

# An attribute whose type changes mid-loop (int -> float -> str).
class Box:
    def __init__(self, v):
        self.v = v


def sum_v(boxes):
    acc = 0
    for b in boxes:
        acc = acc + b.v
    return acc


boxes = [Box(i) for i in range(20)]
print(sum_v(boxes))
boxes[10].v = 2.5
print(sum_v(boxes))
boxes[15].v = "x"
try:
    sum_v(boxes)
except TypeError as e:
    print("TypeError:", e)

# Stores: an existing slot (int payload, then objects), and new attributes (shape transitions).
class Counter:
    def __init__(self):
        self.n = 0
        self.last = None


def counters():
    c = Counter()
    for i in range(50):
        c.n += i
        c.last = [i]
    print(c.n, c.last)
    for i in range(50):
        c.n = c.n + 0.5  # int slot becomes a float slot mid-loop
    print(c.n)

    made = []
    for i in range(40):
        o = Counter()
        o.extra = i  # appended slot: shape transition
        if i % 3 == 0:
            o.more = -i
        made.append(o)
    print(sum(o.extra for o in made), sum(getattr(o, "more", 0) for o in made))
    print(vars(made[3]), vars(made[4]))


counters()

# Linked nodes: `is None` tests on attributes and truth of instances.
class Node:
    def __init__(self, val, nxt):
        self.val = val
        self.nxt = nxt


def linked():
    head = None
    for i in range(25):
        head = Node(i, head)
    n, s = head, 0
    while n is not None:
        s += n.val
        n = n.nxt
    print(s)
    n, count = head, 0
    while n:
        count += 1
        n = n.nxt
    print(count)


linked()

# An instance that moves to dict mode (vars() taken) mid-loop.
def dict_mode():
    cs = [Counter() for _ in range(20)]
    for k in range(20):
        if k == 12:
            d = vars(cs[k])
            d["n"] = 1000
        cs[k].n += k
    print([q.n for q in cs][10:15])


dict_mode()
