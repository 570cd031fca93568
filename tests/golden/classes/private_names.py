# Private name mangling: __x inside a class body becomes _Class__x.
class A:
    __x = 1
    __dunder__ = 2
    def __init__(self):
        self.__v = 10
    def get(self):
        return self.__v, A.__x, self.__dunder__
    def __hidden(self):
        return "hidden"
    def call(self):
        return self.__hidden()
class B(A):
    def __init__(self):
        super().__init__()
        self.__v = 20
    def both(self):
        return self._A__v, self.__v, [self.__v for _ in range(1)], (lambda: self.__v)()
a, b = A(), B()
print(A._A__x, A.__dunder__, a.get(), a.call())
print(sorted(vars(b)), b.both())
print(hasattr(a, '__hidden'), hasattr(a, '_A__hidden'))
class _Under:
    __z = 3
print(_Under._Under__z)
__g = 'module global'
class G:
    def f(self):
        try:
            return __g
        except NameError as e:
            return "NameError: " + str(e)
print(G().f())
