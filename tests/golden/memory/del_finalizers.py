# __del__ runs when an object becomes unreachable: at its last reference's release, or when the cycle
# collector finds it in cyclic garbage; once per object, even if it resurrects itself.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  __del__", self.name)


print("del statement")
a = Noisy("a")
del a
print("rebinding")
b = Noisy("b1")
b = Noisy("b2")
print("local variable at return")


def make_and_drop():
    tmp = Noisy("tmp")
    return tmp.name


print(make_and_drop())
print("temporary")
Noisy("temporary").name
print("list items, last first")
items = [Noisy("item0"), Noisy("item1"), Noisy("item2")]
items = None
print("dict values, in insertion order")
d = {"x": Noisy("dx"), "y": Noisy("dy")}
del d
print("attribute deleted")
holder = Noisy("holder")
holder.child = Noisy("child")
del holder.child
print("holder still alive:", holder.name)


class Child(Noisy):
    def __del__(self):
        print("  Child.__del__ then", end="")
        super().__del__()


print("inherited and overriding __del__")
c = Child("c")
del c

print("a cycle is finalized by the collector")
p = Noisy("parent")
p.kid = Noisy("kid")
p.kid.parent = p
del p
print("collected something:", gc.collect() > 0)
print("after collect")

saved = []


class Phoenix:
    def __del__(self):
        print("  Phoenix.__del__ resurrects self")
        saved.append(self)


print("resurrection")
ph = Phoenix()
del ph
print("saved:", len(saved), type(saved[0]).__name__)
saved.clear()
print("dropped again: no second __del__")

print("__del__ assigned after the class was made")


class Late:
    pass


Late.__del__ = lambda self: print("  assigned __del__")
late = Late()
del late

print("explicit call is an ordinary method call")
e = Noisy("explicit")
e.__del__()
del e

keep = Noisy("kept until exit")
print("end of program")
