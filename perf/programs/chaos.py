# Chaos game: repeatedly apply randomly chosen affine maps (an iterated
# function system for a fern-like fractal) to a point represented by a small
# vector class with overloaded operators, and histogram the visited cells.
import sys

POINTS = int(sys.argv[1]) if len(sys.argv) > 1 else 600000
GRID = 64


class Vec2:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec2(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec2(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))


class Affine:
    """p -> M p + t, with M = [[a, b], [c, d]]."""

    def __init__(self, a, b, c, d, tx, ty, weight):
        self.row0 = Vec2(a, b)
        self.row1 = Vec2(c, d)
        self.shift = Vec2(tx, ty)
        self.weight = weight

    def __call__(self, p):
        return Vec2(self.row0.x * p.x + self.row0.y * p.y,
                    self.row1.x * p.x + self.row1.y * p.y) + self.shift


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def uniform(self):
        return self.next() / 2147483648.0


class ChaosGame:
    def __init__(self, maps, seed):
        self.maps = maps
        total = sum(m.weight for m in maps)
        acc = 0.0
        self.cumulative = []
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.rng = Rng(seed)

    def pick(self):
        u = self.rng.uniform()
        for i, c in enumerate(self.cumulative):
            if u < c:
                return self.maps[i]
        return self.maps[-1]

    def run(self, n, lo, hi, grid):
        counts = [[0] * grid for _ in range(grid)]
        p = Vec2(0.0, 0.0)
        span = hi - lo
        centroid = Vec2(0.0, 0.0)
        for i in range(n):
            p = self.pick()(p)
            if i < 20:
                continue
            centroid = centroid + (p - centroid) * (1.0 / (i - 19))
            rel = p - lo
            gx = int(rel.x / span.x * grid)
            gy = int(rel.y / span.y * grid)
            if 0 <= gx < grid and 0 <= gy < grid:
                counts[gy][gx] += 1
        return counts, centroid


def main():
    fern = [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ]
    game = ChaosGame(fern, 12345)
    counts, centroid = game.run(POINTS, Vec2(-2.5, 0.0), Vec2(2.8, 10.0), GRID)
    filled = 0
    h = 0
    for row in counts:
        for c in row:
            if c:
                filled += 1
            h = (h * 131 + c) % 1000000007
    print("filled", filled)
    print("hash", h)
    print(f"centroid {centroid.x:.6f} {centroid.y:.6f}")


main()
