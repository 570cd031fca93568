# dir() of user classes and instances: sorted, merged along the MRO, instance attributes included.
class A:
    x = 1
    def f(self):
        pass
class B(A):
    y = 2
    def g(self):
        pass
b = B()
b.inst = 3
print(dir(A))
print(dir(b))
print([n for n in dir(B) if not n.startswith('__')])
class S:
    __slots__ = ('m',)
print([n for n in dir(S()) if not n.startswith('__')])
