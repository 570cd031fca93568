# The builtin types' special methods reached from subclasses: super() calls and T.__op__(instance, ...).
class MyInt(int):
    def __add__(self, o):
        return MyInt(super().__add__(o) + 100)
class MyList(list):
    def __getitem__(self, i):
        return super().__getitem__(i) * 2
    def __len__(self):
        return super().__len__() + 1
class MyStr(str):
    def __eq__(self, o):
        return super().__eq__(o.lower() if isinstance(o, str) else o)
    __hash__ = str.__hash__
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
    def __missing__(self, k):
        return 0
print(MyInt(1) + 2, MyInt(5).__add__(1), int.__add__(MyInt(3), MyInt(4)), (3).__radd__(MyInt(4)))
l = MyList([1, 2, 3])
print(l[0], len(l), list.__len__(l), l.__getitem__(2), list.__getitem__(l, 2))
s = MyStr("abc")
print(s == "ABC", s.__eq__("ABC"), str.__eq__(s, "abc"), hash(s) == hash("abc"))
d = MyDict()
d["a"] = 1
print(d, dict.__getitem__(d, "a"))
print(int.__lt__(MyInt(1), 2), float.__mul__(2.0, MyInt(3)), str.__mul__(s, 2), list.__add__(l, [4]))
print(sorted([MyInt(3), MyInt(1)]), MyInt(3).__index__(), MyInt(3).__bool__(), MyInt(-3).__abs__())
