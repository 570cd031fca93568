# memoryview over bytes and bytearray: attributes, items, slices, conversions, comparisons.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = bytearray(b"hello")
m = memoryview(b)
print(len(m), m[0], m[-1], m.tobytes(), m.tolist())
print(m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides, m.obj is b)
print(m.contiguous, m.c_contiguous, m.f_contiguous, m.suboffsets)
s = m[::2]
print(s.tolist(), s.shape, s.strides, s.contiguous, m[::-1].tobytes(), m[::-1].strides)
print(m[1:3].tobytes(), m[1:2][0], m[::-1][::-1].tobytes(), m[::-2][1:].tobytes(), m[4:1].tolist())
r = memoryview(b"abc")
print(r.readonly, r.tobytes(), bytes(r[1:]), bytearray(r), list(r), str(r[:1].tobytes(), "ascii"))
print(m.hex(), m.hex(":"), m[1:4].hex("-", 2))
print(m.tobytes(order="C"), m.tobytes("F"), m.tobytes(None))
print(type(iter(m)).__name__, [x for x in m[:2]], 104 in m, b"h" in m, bool(memoryview(b"")))
print(memoryview(m).tobytes(), b"".join([m[0:1], b"!"]), b"x" + m[1:2])
show(lambda: m[5])
show(lambda: m[-6])
show(lambda: m["a"])
show(lambda: m.tobytes("X"))
show(lambda: memoryview("ab"))
show(lambda: memoryview(5))
show(lambda: memoryview())
show(lambda: memoryview(b"a", b"b"))

# comparisons and hashing
print(m == b"hello", m == bytearray(b"hello"), m == m[:], m[1:] == b"ello", m == "hello", m != b"x")
print(memoryview(b"ab") == memoryview(bytearray(b"ab")), m[::2] == b"hlo")
print(hash(memoryview(b"ab")) == hash(b"ab"))
show(lambda: m < m)
show(lambda: hash(m))

# writing through a view of a bytearray
m[0] = 72
m[1:3] = b"EL"
m[::2] = bytearray(b"123")
print(b)
m[-1] = 0x21
print(b, m.tolist())
show(lambda: m.__class__.__name__)


def setitem(x, k, v):
    x[k] = v


def delitem(x, k):
    del x[k]


show(lambda: setitem(m, 0, 300))
show(lambda: setitem(m, 0, b"x"))
show(lambda: setitem(m, slice(1, 3), b"E"))
show(lambda: setitem(m, 5, 1))
show(lambda: setitem(r, 0, 1))
show(lambda: delitem(m, 0))
print(b)
