# x += y uses __iadd__ if present, else __add__ (rebinding the name).
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
class Plain:
    def __init__(self, v):
        self.v = v
    def __add__(self, x):
        return Plain(self.v + x)
a = Acc()
same = a
a += 1
a += 2
print(a.items, a is same)
p = Plain(1)
orig = p
p += 5
print(p.v, p is orig)
l = [1]
t = l
l += [2]
print(t)
