# printf-style formatting of bytes and bytearray (PEP 461).
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: b"%s|%b" % (b"x", bytearray(b"y")))
show(lambda: b"%s" % memoryview(b"mv"))
show(lambda: b"%r|%a" % ("\u00e9", b"x"))
show(lambda: b"%c%c" % (65, b"B"))
show(lambda: b"%5d|%-5x|%05.1f|%e|%+i|%o|%X" % (42, 255, 3.14159, 1e10, 7, 8, 255))
show(lambda: b"%(a)s %(b)d" % {b"a": b"A", b"b": 2})
show(lambda: b"\xff%s\xfe" % (b"\x80",))
show(lambda: b"100%%" % ())
show(lambda: bytearray(b"<%s>") % b"z")
show(lambda: b"%d" % 2.7)
show(lambda: b"%-6s|%6s|%.2s" % (b"ab", b"cd", b"efgh"))
# errors
show(lambda: b"%s" % "x")
show(lambda: b"%s" % 5)
show(lambda: b"%s" % [1])
show(lambda: b"%c" % 300)
show(lambda: b"%c" % "A")
show(lambda: b"%(a)s" % {"a": b"A"})
show(lambda: b"%y" % 1)
show(lambda: b"%s %s" % (b"a",))
show(lambda: b"%s" % (b"a", b"b"))
show(lambda: b"%x" % 2.7)
