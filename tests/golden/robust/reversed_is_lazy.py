# reversed() of a Python sequence (__len__ and __getitem__, no __reversed__) asks for one item per
# step, from the end, as CPython's reversed object does; IndexError or StopIteration ends it early.


class Seq:
    def __init__(self, n, stop_at=None):
        self.n = n
        self.stop_at = stop_at

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        print("  __getitem__", i)
        if i == self.stop_at:
            raise IndexError(i)
        return i * 10


print("make")
r = reversed(Seq(3))
print("first", next(r))
print("rest", list(r))
print("short", list(reversed(Seq(5, stop_at=2))))

# A length far beyond memory is fine: nothing is built up front.
big = reversed(Seq(2**62))
print(next(big) == (2**62 - 1) * 10)


class NoGetItem:
    def __len__(self):
        return 1


class OptOut(Seq):
    __reversed__ = None


class NoLen:
    def __getitem__(self, i):
        return i


for obj in (NoGetItem(), OptOut(1), NoLen()):
    try:
        reversed(obj)
    except TypeError as e:
        print("TypeError:", e)
