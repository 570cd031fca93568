# utf-16 and utf-32: plain names write a BOM (little-endian here) and honour one when decoding;
# -le / -be variants neither write nor strip a BOM.
text = "aé€😀"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    data = text.encode(enc)
    print(enc, data, data.decode(enc) == text, "".encode(enc))

# Aliases, as CPython spells them.
for enc in ["UTF16", "u16", "utf_16le", "UnicodeBigUnmarked", "utf32", "U32", "utf_32be"]:
    print(enc, "hi".encode(enc))

# The BOM picks the order and is dropped; without one, little-endian.
print(b"\xfe\xff\x00h\x00i".decode("utf-16"), b"\xff\xfeh\x00i\x00".decode("utf-16"))
print(repr(b"\xff\xfeh\x00".decode("utf-16-le")), repr(b"\xfe\xff\x00h".decode("utf-16-le")))
print(b"\x00\x00\xfe\xff\x00\x00\x00h".decode("utf-32"), b"h\x00\x00\x00".decode("utf-32"))
print(str(b"h\x00i\x00", "utf-16-le"), bytearray(b"\x00h").decode("utf-16-be"))

# Errors: truncated data, lone or reversed surrogates, code points out of range.
bad = [
    (b"a", "utf-16"),
    (b"a\x00b", "utf-16-le"),
    (b"\x00\xd8", "utf-16-le"),
    (b"\x00\xd8\x00", "utf-16"),
    (b"\x00\xd8a\x00", "utf-16-le"),
    (b"\x00\xdc\x00\x00", "utf-16-le"),
    (b"\xd8\x00\x00a", "utf-16-be"),
    (b"\xfe\xff\xdc\x00", "utf-16"),
    (b"a\x00b", "utf-32"),
    (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"\x00\xd8\x00\x00", "utf-32"),
    (b"\x00\x00\xd8\x00", "utf-32-be"),
    (b"a\x00\x00\x00b", "utf-32-le"),
]
for data, enc in bad:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    for errors in ["replace", "ignore", "backslashreplace"]:
        print("  ", errors, repr(data.decode(enc, errors)))

# surrogateescape refuses ASCII bytes: the original error is raised.
try:
    b"a".decode("utf-16", "surrogateescape")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)

# Handler errors: registry codecs wrap them with the codec name as given.
for enc in ["utf-16", "utf-16-le", "U32"]:
    for errors in ["xmlcharrefreplace", "bogus"]:
        try:
            b"a".decode(enc, errors)
        except (TypeError, LookupError) as e:
            print(type(e).__name__, e)
# A handler is only looked up when needed.
print(b"a\x00".decode("utf-16-le", "bogus"), "x".encode("utf-32-be", "bogus"))
