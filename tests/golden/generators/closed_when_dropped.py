# A suspended generator that is no longer referenced is closed: GeneratorExit is raised at its yield,
# so its finally clauses and with blocks clean up, as if close() had been called.


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  open", self.name)
        return self

    def __exit__(self, *exc):
        print("  close", self.name, "on", exc[0].__name__ if exc[0] else None)
        return False


def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("  numbers: finally")


def lines(name):
    with Resource(name):
        yield "first line"
        yield "second line"


def sees_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  GeneratorExit at the yield")
        raise


print("abandoned after one next()")
it = numbers()
print(next(it))
del it
print("break out of a for loop over a temporary generator")
for n in numbers():
    if n == 2:
        break
print("after the loop, n =", n)
print("with block inside a generator")
g = lines("file.txt")
print(next(g))
g = None
print("GeneratorExit is what arrives")
s = sees_exit()
next(s)
s = 0
print("never started: nothing runs")
fresh = numbers()
del fresh
print("finished: nothing runs")
done = numbers()
print(sum(done))
del done


def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            print("  stubborn keeps going")


st = stubborn()
next(st)
del st
print("the RuntimeError went to stderr")
