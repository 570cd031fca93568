# Subclasses extend a base property with Base.prop.setter; property objects are immutable.
class Base:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
class Child(Base):
    @Base.v.setter
    def v(self, value):
        self._v = value * 10
c = Child()
c.v = 2
print(c.v)
try:
    Base().v = 1
except AttributeError as e:
    print("AttributeError:", e)
print(Base.v is not Child.v, Base.v.fset is None, Child.v.fget is Base.v.fget)
p = property(lambda self: 1, doc="the doc")
print(p.__doc__)
