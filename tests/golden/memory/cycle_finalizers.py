# The cycle collector runs the finalizers of the objects in a garbage cycle before it frees them; a
# finalizer that stores its object somewhere keeps the whole cycle alive, and it is not run again.
import gc

gc.disable()  # collect only when asked, so the output does not depend on allocation counts
rescued = []


class Part:
    def __init__(self, name, keep=False):
        self.name = name
        self.keep = keep

    def __del__(self):
        print("  __del__", self.name)
        if self.keep:
            rescued.append(self)


a = Part("a")
b = Part("b")
a.other, b.other = b, a
del a, b
print("collect:", gc.collect() > 0)

x = Part("x", keep=True)
y = Part("y")
x.other, y.other = y, x
del x, y
gc.collect()
print("rescued:", [p.name for p in rescued], "partner kept:", rescued[0].other.name)
print("collect again, no second __del__:", gc.collect() >= 0)
rescued[0].keep = False
rescued.clear()
print("dropped the rescued cycle")
gc.collect()
print("nothing printed above: finalizers ran once")
gc.enable()
