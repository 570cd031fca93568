# timeit: Timer with string and callable statements, setup, globals, repeat, autorange, custom timer
# (timings themselves are not printed: they vary).
import timeit

calls = []

def work():
    calls.append(1)

t = timeit.Timer(work)
elapsed = t.timeit(number=1000)
print(type(elapsed).__name__, elapsed >= 0, len(calls))
print(len(timeit.repeat("x = sum(range(10))", number=100, repeat=3)))
counter = {"n": 0}
timeit.timeit("counter['n'] += 1", number=250, globals={"counter": counter})
print(counter["n"])
print(timeit.timeit("y * 2", setup="y = 21", number=10) >= 0)

ticks = iter(range(0, 1000, 3))
fake = lambda: next(ticks)
print(timeit.Timer("pass", timer=fake).timeit(5), timeit.Timer("pass", timer=fake).repeat(2, 5))

seen = []
fake2 = iter(range(0, 10 ** 6, 1)).__next__
n, taken = timeit.Timer("pass", timer=lambda: len(seen) * 0.25 + (seen.append(0) or 0)).autorange(
    lambda number, t: print("autorange", number, t))
print(n, taken)
import time
print(timeit.default_timer is time.perf_counter)
for bad in [3, None]:
    try:
        timeit.Timer(bad)
    except ValueError as e:
        print(e)
try:
    timeit.Timer("x = ")
except SyntaxError as e:
    print("SyntaxError")
