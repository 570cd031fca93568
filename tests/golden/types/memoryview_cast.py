# memoryview.cast between byte formats and to wider native formats.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


def setitem(x, k, v):
    x[k] = v


m = memoryview(bytearray(b"\x01\x02\xff\x80"))
c = m.cast("c")
print(c.format, c[0], c.tolist())
s = m.cast("b")
print(s.format, s.tolist(), s[2])
print(m.cast("@B").tolist())
h = m.cast("H")
print(h.format, h.itemsize, h.nbytes, len(h), h.shape, h.strides, h.tolist())
i = m.cast("i")
print(i.tolist(), i.cast("B").tolist())
d = memoryview(bytes(8)).cast("d")
print(d.tolist(), memoryview(b"\x00\x00\x80\x3f").cast("f").tolist())
print(memoryview(b"\x01\x00").cast("?").tolist())
s[0] = -1
print(m.tolist())
c[1] = b"A"
print(m.tobytes())
h[1] = 0x4142
print(m.tobytes())
show(lambda: m.cast("i").cast("h"))
show(lambda: m[:3].cast("H"))
show(lambda: m.cast("x"))
show(lambda: m.cast("BB"))
show(lambda: m[::2].cast("B"))
show(lambda: m.cast(1))
show(lambda: setitem(c, 0, b"xy"))
show(lambda: setitem(s, 0, 200))
show(lambda: setitem(h, 0, "a"))
show(lambda: hash(memoryview(b"ab").cast("c")) == hash(b"ab"))
show(lambda: memoryview(b"ab").cast("c") == b"ab")
show(lambda: memoryview(b"\x01").cast("b") == memoryview(b"\x01"))
