# Finalizers of objects released inside loops run before the next statement that calls anything, and
# an exception raised by __del__ is printed to stderr and otherwise ignored.
import weakref

log = []


class Tracked:
    count = 0

    def __init__(self, i):
        self.i = i
        Tracked.count += 1

    def __del__(self):
        log.append(self.i)
        Tracked.count -= 1


for i in range(1000):
    t = Tracked(i)
print("alive after the loop:", Tracked.count, "finalized:", len(log), log[:3], log[-2:])
del t
print("alive:", Tracked.count, "last:", log[-1])

log.clear()
for i in range(5):
    t = Tracked(i)
    t.me = t  # a self-cycle each time: only the collector can free these
del t
import gc

gc.collect()
print("cycles finalized:", sorted(log), "alive:", Tracked.count)


class WithRef:
    def __del__(self):
        print("__del__ runs before the weak reference callback")


w = WithRef()
r = weakref.ref(w, lambda ref: print("callback; referent gone:", ref() is None))
del w
print("after both")


class Bad:
    def __del__(self):
        raise ValueError("raised in __del__")


Bad()
print("the program goes on")
