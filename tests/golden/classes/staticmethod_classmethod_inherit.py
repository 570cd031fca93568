# staticmethod and classmethod through inheritance and instances.
class A:
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls.__name__
class B(A):
    pass
print(A.s(2), B.s(3), B().s(4), A.c(), B.c(), B().c())
sm = A.__dict__["s"]
cm = A.__dict__["c"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(5), cm.__func__(B))
