# super(C, obj) and super(C, cls) in methods, classmethods and outside classes.
class A:
    def who(self):
        return "A.who"
    @classmethod
    def make(cls):
        return "A.make for " + cls.__name__
class B(A):
    def who(self):
        return "B>" + super(B, self).who()
    @classmethod
    def make(cls):
        return "B>" + super(B, cls).make()
b = B()
print(b.who(), B.make())
print(super(B, b).who())
print(super(B, B).make())
