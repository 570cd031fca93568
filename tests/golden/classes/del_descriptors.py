# del obj.attr through a property deleter, a descriptor's __delete__, and errors without them.
class P:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.deleter
    def v(self):
        print("deleting v")
        del self._v
p = P()
del p.v
print(hasattr(p, '_v'))
class D:
    def __get__(self, obj, typ):
        return 5
    def __delete__(self, obj):
        print("__delete__ on", type(obj).__name__)
class SetOnly:
    def __get__(self, obj, typ):
        return 6
    def __set__(self, obj, v):
        pass
class Q:
    d = D()
    s = SetOnly()
    @property
    def ro(self):
        return 0
q = Q()
del q.d
for name in ('s', 'ro'):
    try:
        delattr(q, name)
    except AttributeError as e:
        print("AttributeError:", e)
