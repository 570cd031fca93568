# Instances with __call__ are callable; callable() knows it.
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, step=1, *, label="n"):
        self.n += step
        return f"{label}={self.n}"
c = Counter()
print(c(), c(5), c(label="count"), callable(c), callable(Counter), callable(3))
print(list(map(c, [1, 1])))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
