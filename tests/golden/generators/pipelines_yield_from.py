def take(n, it):
    i = 0
    for x in it:
        if i >= n:
            return
        yield x
        i += 1
def keep(pred, it):
    for x in it:
        if pred(x):
            yield x
def inf():
    i = 0
    while True:
        i += 1
        yield i
src = take(5, inf())
odd = keep(lambda v: v & 1, src)
print(list(odd))
def interleave(a, b):
    for x, y in zip(a, b):
        yield x
        yield y
print(list(interleave((x for x in range(4)), iter([9, 8, 7]))))
def flatten(it):
    for chunk in it:
        yield from chunk
print(list(flatten([[1, 2], [3]])))
