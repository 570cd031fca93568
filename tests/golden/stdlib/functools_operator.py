# functools (reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key, cached_property,
# singledispatch) and operator (functions, itemgetter/attrgetter/methodcaller, in-place forms, errors).
import functools, operator
from functools import reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key, cached_property
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(operator.add, [], 7))
try: reduce(operator.add, [])
except TypeError as e: print(e)
p = partial(pow, 2); print(p(10), repr(p), p.func is pow, p.args, p.keywords)
def f(a, b, c=0, *, d=1): return (a, b, c, d)
q = partial(f, 1, d=5); r = partial(q, 2); print(q(2), r(c=3), r.args, r.keywords, r.func is f)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache(maxsize=2)
def sq(x): return x * x
for x in [1, 2, 1, 3, 2, 1]: sq(x)
print(sq.cache_info(), sq.cache_parameters()); sq.cache_clear(); print(sq.cache_info())
@lru_cache
def ident(x): return x
ident(1); ident(1.0); ident(2); print(ident.cache_info(), ident.__name__, ident.__wrapped__.__name__)
@cache
def cube(x): return x ** 3
print([cube(i) for i in (2, 2, 3)], cube.cache_info())
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k)
    return inner
@deco
def greet(name):
    """Say hello."""
    return "hi " + name
print(greet("bob"), greet.__name__, greet.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)
print(sorted([5, 1, 4], key=cmp_to_key(lambda a, b: b - a)))
class Circle:
    def __init__(self, r): self.r = r; self.calls = 0
    @cached_property
    def area(self):
        self.calls += 1
        return 3 * self.r * self.r
c = Circle(2); print(c.area, c.area, c.calls)
@functools.singledispatch
def show(x): return "obj"
@show.register(int)
def _(x): return "int"
@show.register(list)
def _(x): return "list"
print(show(1), show([1]), show("s"), show(True))
from operator import itemgetter, attrgetter, methodcaller
print(itemgetter(1)([1, 2]), itemgetter(0, 2)("abc"), repr(itemgetter(1, 'a')), repr(attrgetter('a.b')), repr(methodcaller('f', 1, k=2)))
class A: pass
a = A(); a.b = A(); a.b.c = 42; a.x = 1
print(attrgetter('b.c')(a), attrgetter('x', 'b.c')(a), methodcaller('upper')("abc"), methodcaller('split', ',')("a,b"))
print(sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=itemgetter(0, 1)))
print(operator.add(1, 2), operator.mul('a', 3), operator.neg(5), operator.not_(0), operator.truth([]), operator.index(7), operator.contains([1], 1), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'))
print(operator.lt(1, 2), operator.ge(1, 2), operator.is_(None, None), operator.getitem({'k': 3}, 'k'), operator.length_hint([1, 2]), operator.length_hint(5, 7))
l = [1]; print(operator.iadd(l, [2]), l, operator.iadd(1, 2), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.xor(5, 3), operator.and_(6, 3), operator.or_(4, 1), operator.lshift(1, 4), operator.inv(5))
d = {}; operator.setitem(d, 'a', 1); operator.delitem(d, 'a'); print(d, operator.concat([1], [2]), operator.call(max, 3, 4))
for fn in [lambda: operator.itemgetter(), lambda: operator.attrgetter(1), lambda: operator.methodcaller(), lambda: operator.index(1.5), lambda: operator.indexOf([1], 2), lambda: operator.attrgetter('a')(1)]:
    try: fn()
    except Exception as e: print(type(e).__name__, e)
