# bytes.maketrans / translate (both types), and how table/delete errors read.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


table = bytes.maketrans(b"abc", b"xyz")
print(type(table).__name__, len(table), table[97:100])
print(type(bytearray.maketrans(b"a", b"b")).__name__)
for T in (bytes, bytearray):
    s = T(b"abcabc-def")
    show(lambda: s.translate(table))
    show(lambda: s.translate(table, b"-"))
    show(lambda: s.translate(None, b"ace"))
    show(lambda: s.translate(None, delete=b"b"))
    show(lambda: s.translate(None))
    show(lambda: s.translate(b"short"))
    show(lambda: s.translate(3))
    show(lambda: s.translate(None, 3))
show(lambda: bytes.maketrans(b"ab", b"c"))
show(lambda: bytes.maketrans("a", "b"))
show(lambda: bytes.maketrans(b"a"))
rot13 = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    b"NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm",
)
print(b"Hello, World!".translate(rot13), b"Uryyb".translate(rot13).translate(rot13))
