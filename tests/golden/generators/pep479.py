# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def via_next():
    it = iter([])
    yield next(it)
try:
    next(via_next())
except RuntimeError as e:
    print("RuntimeError:", e)
def fine():
    yield 1
    return
print(list(fine()))
