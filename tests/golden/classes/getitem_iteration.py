# The old sequence protocol: a class with __getitem__ but no __iter__ is iterable; iteration calls
# x[0], x[1], ... until IndexError (or StopIteration). `in`, unpacking, list() and for all use it.
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        print("  getitem", i)
        if i >= self.n:
            raise IndexError(i)
        return i * i


for x in Squares(3):
    print("got", x)
print(list(Squares(2)))
print(4 in Squares(5), 5 in Squares(3))
a, b = Squares(2)
print(a, b)
it = iter(Squares(1))
print(type(it).__name__, next(it))
print(next(it, "done"), next(it, "still done"))


class Stopper:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return "abc"[i]


print(list(Stopper()), sorted(Stopper()), "".join(Stopper()))


class NotIterable:
    __iter__ = None

    def __getitem__(self, i):
        return i


try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)


class Broken:
    def __getitem__(self, i):
        raise KeyError(i)


try:
    list(Broken())
except KeyError as e:
    print("KeyError:", e)
