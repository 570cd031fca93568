class Res:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with Res("a") as r:
    print("body", r.name)
with Res("b", suppress=True):
    1 / 0
print("after suppressed")
def f():
    with Res("c"):
        return "returned"
print(f())
for i in range(3):
    with Res("loop" + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
with Res("x") as x, Res("y") as y:
    print("nested", x.name, y.name)
try:
    with Res("d"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
