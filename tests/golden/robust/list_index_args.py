# list.pop/insert take a C ssize_t (OverflowError beyond it), list.index/tuple.index clamp their
# start and stop like slice bounds; all accept objects with __index__ and reject other types.


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


def show(expr):
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)


for expr in [
    "[1].pop(2**64)",
    "[1].pop(-2**64)",
    "[].insert(2**64, 1)",
    "[1].pop('a')",
    "[].insert('a', 1)",
    "[1].pop(True)",
    "[1, 2, 3].pop(Index(0))",
    "[1, 2, 3].pop(Index(2**64))",
    "[1].index(1, 2**64)",
    "[1, 2].index(2, -2**70, 2**70)",
    "[1].index(1, 'a')",
    "[1].index(1, None)",
    "[1, 2, 3].index(3, Index(1), Index(3))",
    "(1, 2, 3).index(3, Index(1))",
    "(1, 2, 3).index(3, 2**64)",
]:
    show(expr)

l = [1]
l.insert(Index(2**40), "end")
l.insert(-2**40, "start")
print(l)
