# bytes.decode / bytearray.decode / str(b, encoding) with the error handlers and CPython's messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


samples = [b"abc", b"h\xc3\xa9llo", b"\xff\xfeab", b"a\x80b", b"\xe6\x97\xa5\xe6", b"\xed\xa0\x80",
           b"\xf0\x9f\x98\x80", b"\xc3", b"\xf8\x88\x80\x80\x80", b"\xc0\xaf", b"\xe0\x80"]
for b in samples:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
            show(lambda: b.decode(enc, err))
show(lambda: b"abc".decode("ascii", "bogus"))
show(lambda: b"\xff".decode("ascii", "bogus"))
show(lambda: b"x".decode("bogus"))
show(lambda: b"x".decode(encoding="latin1"))
show(lambda: bytearray(b"caf\xc3\xa9").decode())
show(lambda: bytearray(b"\xff").decode(errors="replace"))
show(lambda: str(b"caf\xc3\xa9", "utf-8"))
show(lambda: str(b"\xe9", "latin-1"))
show(lambda: str(bytearray(b"ab"), "ascii"))
show(lambda: str(memoryview(b"mv"), "ascii"))
show(lambda: str(b"\xff", "utf-8", "replace"))
show(lambda: str(b"\xff", errors="ignore"))
show(lambda: str(b"\xff", "utf-8"))
show(lambda: str("text", "utf-8"))
show(lambda: str(5, "utf-8"))
show(lambda: str(b"x", 5))
show(lambda: str(b"abc"))
show(lambda: b"x".decode(5))
