# sys._getframe: the caller's frame (snapshot when called) with f_back, f_code (co_* attributes),
# f_lineno, f_globals and f_locals; ValueError past the outermost frame.
import sys


def f(a, b=2):
    c = 3
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_code.co_filename == __file__, sorted(fr.f_locals)[:3], fr.f_locals["a"])
    print(fr.f_back.f_lineno, fr.f_back.f_code.co_name, fr.f_back.f_globals is globals())
    print(sys._getframe(1).f_lineno, sys._getframe(1).f_back)
    return g()


def g():
    return sys._getframe(2).f_code.co_qualname, sys._getframe(1).f_lineno


print(f(1))
try:
    sys._getframe(10)
except ValueError as e:
    print(e)
code = f.__code__
print(code.co_name, code.co_qualname, code.co_varnames, code.co_argcount, code.co_firstlineno)
print(code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals, code.co_freevars, code.co_cellvars)


def outer():
    x = 1

    def inner():
        return x
    return inner


print(outer.__code__.co_cellvars, outer().__code__.co_freevars)
print(sys._getframe().f_globals["__name__"], sys._getframe(0).f_code.co_name, sys._getframe(-1).f_back)
print([sys._getframe(i).f_code.co_name for i in range(1)])
print((lambda: sys._getframe().f_code.co_name)(), (lambda: sys._getframe(1).f_lineno)())
