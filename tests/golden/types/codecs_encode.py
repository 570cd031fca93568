# str.encode with utf-8 / ascii / latin-1 (and aliases) under each error handler.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for s in ["abc", "h\u00e9llo", "\u65e5\u672c", "\u20acuro", "\x80\xff", "\U0001f600!"]:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                    "surrogateescape"]:
            show(lambda: s.encode(enc, err))
for enc in ["utf8", "UTF-8", "utf_8", "U8", "latin1", "iso-8859-1", "iso8859-1", "L1", "us-ascii",
            "ASCII", " utf-8 "]:
    show(lambda: "\u00e9".encode(enc, "replace"))
show(lambda: "x".encode())
show(lambda: "x".encode(encoding="ascii", errors="strict"))
show(lambda: "x".encode("bogus"))
show(lambda: "\u00e9".encode("ascii", "bogus"))
show(lambda: "x".encode("ascii", "bogus"))
show(lambda: "x".encode(5))
show(lambda: "x".encode("ascii", 5))
show(lambda: "x".encode("ascii", "strict", 1))
show(lambda: bytes("\u00e9t\u00e9", "latin-1"))
show(lambda: bytes("\u00e9", encoding="ascii", errors="xmlcharrefreplace"))
show(lambda: bytes("x", "bogus"))
show(lambda: bytes("x"))
show(lambda: bytes("x", errors="strict"))
show(lambda: bytes(b"x", "ascii"))
show(lambda: bytes(errors="strict"))
