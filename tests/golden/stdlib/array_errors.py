# array: CPython's errors for out-of-range items (per typecode), bad typecodes and initializers, and misuse.
from array import array
for code in 'bBhHiIlLqQ':
    for v in [-2**64, -1, 2**64, 2**31, 1.5, 'x']:
        try:
            array(code, [v])
        except Exception as e:
            print(code, v, type(e).__name__, e)
for code in 'fd':
    for v in ['x', 10**400, None]:
        try:
            array(code, [v])
        except Exception as e:
            print(code, v, type(e).__name__, e)
for args in [(5,), ('x',), ('ii',), ('i', 'abc'), ('u', [1]), ('u', ['ab']), ('i', 5)]:
    try:
        array(*args)
    except Exception as e:
        print(args, type(e).__name__, e)
a = array('i', [1, 2])
for f in [lambda: a.extend(array('d')), lambda: a + [1], lambda: a.__setitem__(slice(0,1), [5]), lambda: a.remove(9), lambda: a.index(9), lambda: a.frombytes(b'abc'), lambda: a.fromlist((1,)), lambda: a[5], lambda: a.pop(9), lambda: array('i').pop(), lambda: a.tounicode(), lambda: a.fromunicode('x'), lambda: a.__setitem__(9, 1), lambda: a.__delitem__(7), lambda: a.append('x'), lambda: a.tobytes(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(array('u', 'hi'), array('d', [1.5]), array('f'), array('b', b'\x01\xff'), repr(array('i', [1, 2])), str(array('B', [1])))
