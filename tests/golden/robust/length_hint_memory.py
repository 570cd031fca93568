# list() and tuple() size their result from the argument's __len__ first (CPython's length hint):
# an absurd length is a MemoryError before anything is built; a failing __len__ propagates, except
# TypeError, which means "no hint".


class Claims:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        if isinstance(self.n, Exception):
            raise self.n
        return self.n

    def __iter__(self):
        return iter([1, 2])


for n in (2, 2**62, TypeError("no hint"), ValueError("bad len")):
    for make in (list, tuple):
        try:
            print(make.__name__, n, "->", make(Claims(n)))
        except Exception as e:
            print(make.__name__, n, "->", type(e).__name__, e)
