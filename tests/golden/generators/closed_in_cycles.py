# A generator suspended inside try/finally that is only reachable from a reference cycle is
# closed by the cycle collector, so its finally clause runs.
import gc
class Holder:
    pass
def gen(h):
    try:
        yield 1
        yield 2
    finally:
        print("gen finally", h.name)
h = Holder()
h.name = "cyc"
h.g = gen(h)
next(h.g)
del h
print("collecting")
gc.collect()
print("done")
