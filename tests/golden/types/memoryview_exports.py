# A live memoryview pins the size of its bytearray; release() and `with` give the buffer back.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


def setitem(x, k, v):
    x[k] = v


def delitem(x, k):
    del x[k]


b = bytearray(b"data")
m = memoryview(b)
show(lambda: b.append(1))
show(lambda: b.extend(b"ab"))
show(lambda: b.pop())
show(lambda: b.clear())
show(lambda: delitem(b, 0))
show(lambda: setitem(b, slice(0, 1), b"zz"))
show(lambda: setitem(b, slice(0, 1), b"D"))  # same size: allowed
show(lambda: setitem(b, 1, 65))
print(b, m.tobytes())
m.release()
m.release()
b.append(33)
print(b)
show(lambda: m.tobytes())
show(lambda: len(m))
show(lambda: m[0])
show(lambda: m.nbytes)
show(lambda: m.format)
print(repr(m).startswith("<released memory at 0x"))

with memoryview(b) as w:
    print(w[0], w.tobytes(), repr(w).startswith("<memory at 0x"))
    show(lambda: b.append(1))
print(b.pop(), b)
show(lambda: w[0])

# slices and copies of views are exports too (names local to a function, so `del` frees at once)
def views():
    b = bytearray(b"xy")
    v = memoryview(b)
    s = v[1:3]
    del v
    show(lambda: b.append(1))
    del s
    b.append(1)
    print(b)
    t = memoryview(b).toreadonly()
    print(t.readonly)
    show(lambda: setitem(t, 0, 1))
    show(lambda: b.append(1))
    del t
    b.append(2)
    print(b)


views()
