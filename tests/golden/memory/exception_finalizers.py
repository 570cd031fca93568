# An exception subclass with __del__ is finalized like any instance: when its last reference
# goes (after the except clause that caught it), when deleted, and in a reference cycle.
import gc
class E(Exception):
    def __del__(self):
        print("del", self.args)
try:
    raise E(1)
except E:
    pass
print("after")
e = E(2)
del e
print("cycle")
e = E(3)
e.me = e
del e
gc.collect()
print("end")
