# Builtins called by the dispatch loop directly (`call_slow`: arguments in an inline buffer), and
# `next(gen)` resuming the generator as a frame of the caller's loop (`next_inline`).


# A builtin method replaced by a subclass's method, and a builtin method on a subclass instance.
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x * 10)


class Plain(list):
    pass


a, b = Logged(), Plain()
for i in range(3):
    a.append(i)
    b.append(i)
print(a, b, len(a), b.pop(), b)
d = {"k": 1}
print(d.get("k"), d.get("z"), d.get("z", 0), dict.get(d, "k"), "x".join(["a", "b"]))
print(len([1, 2]), isinstance(3, int), max(1, 5, 3), min(4, 2, 8, 6), divmod(7, 2))


# Errors raised by builtins reach the handlers of the calling frame, and the loop state survives.
for bad in ([], "s", 3):
    try:
        print(len(bad))
    except TypeError as e:
        print("TypeError:", e)


# A builtin that runs Python code with keywords (a metaclass with **kwargs via __build_class__)
# inside a loop: the loop's own state must survive.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)


made = []
for tag in ("a", "b", "c"):
    made.append(Meta("K" + tag, (), {}, extra=tag).__name__)
print(made)
print(sorted([3, 1, 2], key=lambda v: -v), list(map(abs, [-1, 2])))


# next(gen): values, the return value in StopIteration, exhaustion, PEP 479.
def counter(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("sent", got)
    return "done"


g = counter(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value))
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value))
print(next(g, "default"), next(counter(0), "empty"))


def leaks():
    yield 1
    raise StopIteration("inner")


h = leaks()
print(next(h))
try:
    next(h)
except RuntimeError as e:
    print("RuntimeError:", e, "from", repr(e.__cause__))


def fails():
    yield 1
    1 / 0


f = fails()
next(f)
try:
    next(f)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(next(f, "finished"))


# next() of a generator that is running (from inside itself): ValueError.
def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


# Nested: a generator calling next() on another one; next() on other iterators.
def pairs(src):
    it = iter(src)
    while True:
        try:
            x = next(it)
            y = next(it)
        except StopIteration:
            return
        yield x, y


def gen_src():
    yield from range(5)


print(list(pairs(gen_src())), list(pairs([1, 2, 3, 4])))
print(next(iter([7])), next(iter({"a": 1})), next(zip("ab", "cd")))


# A shadowed `next` is an ordinary call.
def next(x):
    return "shadowed " + str(x)


print(next(3))
