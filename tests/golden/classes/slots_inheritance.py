# Slots of bases plus subclass slots; a subclass without __slots__ gets a __dict__.
class Base:
    __slots__ = ('x',)
class Sub(Base):
    __slots__ = ('y',)
class Free(Base):
    pass
s = Sub(); s.x = 1; s.y = 2
print(s.x, s.y, hasattr(s, '__dict__'))
f = Free(); f.x = 1; f.z = 3
print(f.x, f.z, f.__dict__)
print(sorted(k for k in Sub.__dict__ if not k.startswith('__')))
print(Base.x is Sub.x, 'x' in Free.__dict__)
class Deeper(Sub):
    __slots__ = ('z',)
    def total(self):
        return self.x + self.y + self.z
d = Deeper(); d.x, d.y, d.z = 1, 2, 3
print(d.total())
