# An iterator class: __iter__ returns self, __next__ raises StopIteration at the end.
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
f = Fib(30)
print(list(f), list(f))
it = iter(Fib(5))
print(next(it), next(it), next(it, "x"))
print(sum(Fib(100)), [x for x in Fib(10) if x % 2])
