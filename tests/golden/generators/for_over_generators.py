# `for` loops resume generators as frames of the running dispatch loop; yields, returns, exceptions
# (PEP 479 included), handled-exception state and mixed next()/for driving behave as in CPython.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print([x for x in count(4)], sum(x for x in count(5)))
for x in count(3):
    for y in count(x):
        print(x, y, end="; ")
print()


def walk(t):
    if isinstance(t, list):
        for c in t:
            yield from walk(c)
    else:
        yield t


def walk_for(t):
    if isinstance(t, list):
        for c in t:
            for x in walk_for(c):
                yield x
    else:
        yield t


tree = [1, [2, [3, 4], []], [[5]], 6]
print(list(walk(tree)), [x for x in walk_for(tree)])


def fails_after(n):
    for i in range(n):
        yield i
    raise KeyError("boom")


g = fails_after(2)
try:
    for x in g:
        print("got", x)
except KeyError as e:
    print("caught", repr(e))
print(next(g, "exhausted"))


def leaks_stop():
    yield 1
    raise StopIteration("inner")


try:
    for x in leaks_stop():
        print("leak", x)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def in_handler():
    try:
        raise ValueError("v")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


for name in in_handler():
    print("handler state:", name, sys.exc_info()[0])
    try:
        raise TypeError("t")
    except TypeError:
        pass

g = count(10)
for x in g:
    if x == 2:
        break
print("after break", next(g), list(g))

g = count(5)
for x in g:
    print("mixed", x, next(g, None))


def self_iter():
    for x in me:
        yield x
    yield 1


me = self_iter()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError:", e)

g = count(5)
for x in g:
    if x == 1:
        g.close()
    print("closing", x)


def catcher():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")


for x in catcher():
    print("c", x)


def deep(n):
    if n:
        for x in deep(n - 1):
            yield x + 1
    else:
        yield 0


print(next(iter(deep(200))))
try:
    for x in deep(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)


def raises_in_body():
    for i in count(3):
        if i == 1:
            1 / 0
        yield i


def outer():
    try:
        for v in raises_in_body():
            yield v
    except ZeroDivisionError as e:
        yield "zde " + str(e)


print(list(outer()))
gen = raises_in_body()
for v in gen:
    try:
        pass
    finally:
        pass
    if v == 0:
        try:
            next(gen)
        except ZeroDivisionError:
            print("zde via next")
print(list(gen))


def final_error():
    yield 1
    raise KeyError("missing")


for v in final_error():
    print("last", v)
