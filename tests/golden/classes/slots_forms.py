# __slots__ may be a string, a list, any iterable, or a dict (values are docs); private names mangle.
class S:
    __slots__ = 'only'
class L:
    __slots__ = ['a', 'b']
class I:
    __slots__ = iter(['i', 'j'])
class D:
    __slots__ = {'d1': 'first', 'd2': 'second'}
class P:
    __slots__ = ('__secret',)
    def __init__(self):
        self.__secret = 42
    def reveal(self):
        return self.__secret
print(S.__slots__, S.only)
print(L.a, L.b, I.i, I.j, D.d1)
print(P().reveal(), P._P__secret)
