# bytearray: construction, repr, sequence protocol, comparisons with bytes.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: bytearray())
show(lambda: bytearray(3))
show(lambda: bytearray(b"abc"))
show(lambda: bytearray([104, 105]))
show(lambda: bytearray(range(65, 70)))
show(lambda: bytearray("h\u00e9", "utf-8"))
show(lambda: bytearray("h\u00e9", "latin-1"))
show(lambda: bytearray("x", encoding="ascii", errors="strict"))
show(lambda: bytearray(memoryview(b"mv")))
show(lambda: bytearray(bytearray(b"copy")))
show(lambda: bytearray(b"it's"))
show(lambda: bytearray(b'say "hi"'))
show(lambda: bytearray(b"\x00\x7f\x80\xff\n\t\\"))
# constructor errors
show(lambda: bytearray("text"))
show(lambda: bytearray(b"x", "ascii"))
show(lambda: bytearray(encoding="ascii"))
show(lambda: bytearray(-1))
show(lambda: bytearray([1, 256]))
show(lambda: bytearray(["a"]))
show(lambda: bytearray(2.5))
show(lambda: bytearray(1, 2, 3, 4))

b = bytearray(b"hello world")
print(len(b), b[0], b[-1], b[1:5], b[::-2], b[100:])
show(lambda: b[11])
show(lambda: b["x"])
print(list(b[:3]), [c for c in bytearray(b"hi")], list(reversed(bytearray(b"abc"))))
print(sorted(bytearray(b"cab")), max(bytearray(b"cab")), sum(bytearray(b"\x01\x02")))
print(type(iter(b)).__name__, type(iter(b"")).__name__)
print(str(b), bool(bytearray()), bool(bytearray(b"\x00")))
print(b"o" in b, 111 in b, b"wor" in b, bytearray(b"lo") in b, 5 in b)
show(lambda: 300 in b)
show(lambda: "o" in b)

# comparisons mix bytes and bytearray
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") != b"a")
print(bytearray(b"abc") < b"abd", b"b" > bytearray(b"abc"), bytearray(b"ab") <= bytearray(b"ab"))
print(bytearray(b"abc") == "abc")
show(lambda: bytearray(b"abc") < "abc")
show(lambda: hash(bytearray(b"x")))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])

# concatenation and repetition: the left operand decides the type
print(bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), bytearray(b"ab") + bytearray(b"!"))
print(b"ab" + memoryview(b"mv"), bytearray(b"x") * 3, 2 * bytearray(b"yz"), bytearray(b"q") * -1)
show(lambda: bytearray(b"ab") + "cd")
show(lambda: b"ab" + "cd")
show(lambda: bytearray(b"ab") * 2.0)
print(isinstance(b, bytearray), type(b).__name__, bytearray.__name__)
