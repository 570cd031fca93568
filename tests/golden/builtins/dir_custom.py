# dir() calls __dir__ and sorts its result; dir() without arguments lists local names.
class C:
    def __dir__(self):
        return ['zeta', 'alpha', 'mid']
print(dir(C()))
def f(b, a):
    c = a + b
    print(dir())
f(1, 2)
print((lambda: dir())())
class Meta(type):
    def __dir__(cls):
        return ['from_meta']
class M(metaclass=Meta):
    pass
print(dir(M))
