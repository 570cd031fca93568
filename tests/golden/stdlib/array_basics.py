# array: typed arrays of all typecodes; construction, item access, slicing, mutation, bytes, comparison.
from array import array
for code, v in [('b',200),('b',-200),('b',-40000),('h',-40000),('H',70000),('H',-2**40),('I',2**40),('i',-2**40),('B',-2**40),('b', True), ('Q', 2**64-1), ('L', 2**63), ('q', -2**63)]:
    try:
        print(code, v, array(code,[v]))
    except Exception as e:
        print(code, v, type(e).__name__, e)
a=array('i',[3,1,2]); 
print(a[::-1], a[1:], a[5:], type(a[1:]), a == array('d',[3,1,2]), a == [3,1,2], a < array('i',[4]), 2 in a, a.count(1), a.index(2), a.buffer_info()[1])
a[0:2] = array('i',[7,8,9]); print(a); del a[::2]; print(a); a += array('i',[5]); print(a); a *= 2; print(a)
b = array('h', [1, 256]); print(b.tobytes()); b.byteswap(); print(b)
print(array('d', [1.5, 2]).tolist(), array('f', [0.1]).tolist(), array('u','ab').tounicode())
print(array('d', array('i', [1, 2])), array('b', bytearray(b'ab')))
print(array('i', range(3)), array('i', (x for x in range(2))), sorted(array('i', [3,1])), sum(array('d',[1,2])), list(reversed(array('i',[1,2]))))
print(array('i', [1]) * 3, 2 * array('i', [1]), array('i', [1]) + array('i', [2]), -1 * array('i',[1]))
import copy; c = copy.copy(a); print(c == a, c is a); d = copy.deepcopy(a); print(d == a)
import array as arraymod
print(arraymod.typecodes, array('i').itemsize, array('q').itemsize, array('u').itemsize, array('l').itemsize, array('i').typecode)
print(type(array('i')).__name__, array.__module__, type(iter(array('i'))).__name__)
x = array('d')
x.fromlist([1.0, 2.5]); x.frombytes(array('d', [3.0]).tobytes()); x.append(4); x.insert(0, -1); x.insert(-1, 9); x.insert(100, 7)
print(x, x.pop(), x.pop(0), x, len(x), x[-1], x[1])
x[1] = 0.5; x.remove(9.0); x.reverse(); print(x, x.index(0.5), x.index(3.0, -4), x.count(3.0))
x.extend([1, 2]); x.extend(array('d', [8])); print(x)
it = iter(x); print(next(it), next(it), list(it))
u = array('u', 'hé'); u.fromunicode('llo'); u.append('!'); print(u, u.tounicode(), u[1], len(u), u.tobytes()[:4])
print(array('b', [1, 2, 3])[1:2], array('B', range(250, 256)), array('Q', [2**64-1])[0], array('L', [2**63])[0])
e = array('i', range(10)); e[::3] = array('i', [0, 0, 0, 0]); print(e); del e[2:5]; print(e); e[1:3] = array('i'); print(e)
try:
    e[::2] = array('i', [1])
except ValueError as ex:
    print(ex)
print(bool(array('i')), bool(array('i', [0])), array('i', [1, 2]) != array('i', [1, 2]), array('i', [1, 2]) >= array('d', [1.0]))
for x in array('f', [1.5, 2.25]):
    print(x)
print([v * 2 for v in array('H', [1, 2])], max(array('i', [4, 9, 2])), 9 in array('i', [4, 9]), 9.0 in array('d', [9]))
