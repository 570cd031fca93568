# random: getstate/setstate, independent Random instances, subclassing random.Random.
import random

random.seed(3)
st = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(st)
print(a == [random.random() for _ in range(3)], st[0], len(st[1]), st[1][-1], st[2])
random.gauss()
st = random.getstate()
print(st[2] is not None)
random.setstate(st)

r1 = random.Random(99)
r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randrange(1000), r2.randrange(1000), r1.choice(range(50)))
r3 = random.Random()
r3.seed(99)
print(r3.random(), random.Random(x=99).random())
print(type(r1).__name__, isinstance(r1, random.Random))
r1.setstate(r2.getstate())
print(r1.random() == r2.random())


class Constant(random.Random):
    """Overrides random() only: integer methods then use random(), as in CPython."""
    def random(self):
        return 0.5


c = Constant(1)
print(c.randrange(100), c.choice("abc"), c.uniform(0, 2), c.sample(range(10), 3), c._randbelow.__name__)


class Counting(random.Random):
    """Overrides getrandbits(): integer methods call it."""
    calls = 0

    def getrandbits(self, k):
        Counting.calls += 1
        return super().getrandbits(k)


b = Counting(5)
r = random.Random(5)
print(b.randrange(10**9) == r.randrange(10**9), b.sample(range(50), 3) == r.sample(range(50), 3))
print(Counting.calls > 0, b._randbelow.__name__)


class Seeded(random.Random):
    def __init__(self):
        super().__init__(42)
        self.label = "forty-two"


s = Seeded()
print(s.label, s.random() == random.Random(42).random())
