class Vec:
    """A 2-D vector."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Vec.count += 1
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __iter__(self):
        return iter((self.x, self.y))
    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y
    @staticmethod
    def zero():
        return Vec(0, 0)
    @classmethod
    def unit(cls):
        return cls(1, 0)

v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, v.norm2, Vec.zero(), Vec.unit(), Vec.count, len(v), list(v))
print(v == Vec(4, 6), v != Vec(4, 6), {Vec(1, 1): "a"}[Vec(1, 1)], Vec.__doc__)
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} says {self.speak()}"
class Dog(Animal):
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + " jr")
    def speak(self):
        return super().speak() + "!"
for a in [Animal("x"), Dog("rex"), Puppy("bo")]:
    print(a.describe(), isinstance(a, Dog), type(a).__name__)
print(Puppy.__mro__)
class MyErr(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(42)
except ValueError as e:
    print("caught", e, e.code, repr(e))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, k=1):
        self.n += k
        return self.n
c = Counter()
c(); c(5)
print(c.n, hasattr(c, "n"), getattr(c, "zz", "dflt"))
class It:
    def __init__(self, n): self.i = 0; self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(sum(It(4)), [x for x in It(3)])
print(Vec(1,2))
