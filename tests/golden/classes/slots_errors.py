# Class creation errors from __slots__, with CPython's messages.
def attempt(make):
    try:
        make()
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
def conflict():
    class C:
        __slots__ = ('x',)
        x = 1
def not_ident():
    class C:
        __slots__ = ('1x',)
def not_str():
    class C:
        __slots__ = (1,)
def int_sub():
    class C(int):
        __slots__ = ('a',)
def int_sub_empty():
    class C(int):
        __slots__ = ()
def layout():
    class A: __slots__ = ('a',)
    class B: __slots__ = ('b',)
    class C(A, B): pass
def double_dict():
    class A: pass
    class C(A): __slots__ = ('__dict__',)
def double_weak():
    class A: pass
    class C(A): __slots__ = ('__weakref__',)
for f in (conflict, not_ident, not_str, int_sub, int_sub_empty, layout, double_dict, double_weak):
    attempt(f)
