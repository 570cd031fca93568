# A loop inside a function that an outer loop calls: when running through it makes recordings too long,
# the outer loop's trace ends at the inner loop's header in the inlined frame, the exit rebuilds the
# call's frame, and the inner loop's own trace runs from there (a "hand-over"). The inner loop's exits
# return into the caller, whose loop header is handed over to the interpreter (or to its trace) too.


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)


def total(points):
    acc = Vec(0.0, 0.0)
    for p in points:  # 12 points: too long to unroll into the caller's trace
        acc = acc + p
    return acc


def nearest(points, q):
    best = None
    best_d = None
    for p in points:
        d = (p.x - q.x) ** 2 + (p.y - q.y) ** 2
        if best_d is None or d < best_d:
            best, best_d = p, d
    return best


pts = [Vec(float(i % 5), float(i // 5)) for i in range(12)]


def drive(n):
    sx = 0.0
    hits = {}
    for i in range(n):
        t = total(pts)
        sx += t.x + t.y
        b = nearest(pts, Vec(i % 7 * 0.5, i % 3))
        key = (b.x, b.y)
        hits[key] = hits.get(key, 0) + 1
    return sx, sorted(hits.items())


print(drive(200))


# Deopt inside the handed-over loop: a point's coordinate turns into an int, then a str (TypeError
# inside the inner loop's trace, raised in the rebuilt frame), and a global the inner loop reads is
# rebound mid-run.
SCALE = 2


def weigh(points):
    s = 0
    for p in points:
        s += p.x * SCALE
    return s


def run(n):
    out = []
    for i in range(n):
        if i == 150:
            pts[3].x = 7
        if i == 220:
            global SCALE
            SCALE = 0.5
        try:
            out.append(weigh(pts))
        except TypeError as e:
            out.append(str(e))
        if i == 260:
            pts[5].x = "s"
    return out[0], out[149:152], out[219:222], out[259:263], len(out)


print(run(300))


# Recursion: the inner loop's function calls itself; hand-overs rebuild several frames.
def tree_sum(depth, xs):
    s = 0
    for x in xs:
        s += x
        if depth > 0 and x == 3:
            s += tree_sum(depth - 1, xs)
    return s


acc = 0
for i in range(60):
    acc += tree_sum(i % 4, [1, 2, 3, 4, 5, 6, 7, 8])
print(acc)
