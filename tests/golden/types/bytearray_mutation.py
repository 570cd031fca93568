# bytearray's mutating methods, item and slice assignment, deletion, in-place operators.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = bytearray(b"hello")
b.append(33)
b.extend(b" abc")
b.extend([49, 50])
b.extend(range(51, 53))
b.extend(memoryview(b"!"))
b.insert(0, 62)
b.insert(-1, 63)
b.insert(100, 60)
b.insert(-100, 40)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(ord("l"))
print(b)
b.reverse()
print(b)
c = b.copy()
b.clear()
print(b, c, len(c))

b = bytearray(b"abcdef")
b[0] = 65
b[-1] = 70
b[1:3] = b"XYZ"
print(b)
b[1:4] = []
print(b)
b[::2] = b"12"
print(b)
b[:0] = bytearray(b">>")
b[len(b):] = (60, 60)
print(b)
b[:] = b[::-1]
print(b)
del b[0]
del b[-1]
del b[::2]
print(b)
del b[1:]
print(b)

def add(x, y):
    x += y
    return x


def setitem(x, k, v):
    x[k] = v


def delitem(x, k):
    del x[k]


# the same object on both sides
b = bytearray(b"xy")
b.extend(b)
b[1:2] = b
print(b)
show(lambda: add(b, b))  # CPython: the buffer of the right side is exported while b resizes

b = bytearray(b"ab")
b += b"cd"
b += memoryview(b"ef")
b *= 2
print(b)
b *= 0
print(b, len(b))

# errors
b = bytearray(b"hello")
show(lambda: b.append(256))
show(lambda: b.append("a"))
show(lambda: b.append())
show(lambda: bytearray().pop())
show(lambda: b.pop(10))
show(lambda: b.remove(120))
show(lambda: b.remove(999))
show(lambda: b.insert(1))
show(lambda: b.extend(5))
show(lambda: b.extend("str"))
show(lambda: b.extend([1, 300]))
show(lambda: setitem(b, 0, 256))
show(lambda: setitem(b, 10, 1))
show(lambda: setitem(b, slice(0, 1), 5))
show(lambda: setitem(b, slice(0, 1), "ab"))
show(lambda: setitem(b, slice(None, None, 2), b"ab"))
show(lambda: delitem(b, 10))
show(lambda: b["x"])
print(b)

show(lambda: add(bytearray(b"a"), "b"))
show(lambda: add(bytearray(b"a"), 1))
print(add(bytearray(b"a"), bytearray(b"b")), add(b"a", bytearray(b"b")))
