# struct: pack/unpack/calcsize/unpack_from/iter_unpack/Struct, byte orders, native alignment, errors.
import struct

print(struct.pack("<hiq", 1, -2, 3), struct.pack(">HId", 1, 2, 1.5), struct.pack("!I", 0xDEADBEEF))
print(struct.pack("@bhiq", 1, 2, 3, 4), struct.calcsize("@bhiq"), struct.calcsize("=bhiq"), struct.calcsize("@ci"))
print(struct.calcsize("3s2xd"), struct.calcsize("<lLnN" if False else "<lL"), struct.calcsize("@lL"))
print(struct.unpack("<hiq", struct.pack("<hiq", -1, 2**31 - 1, -2**63)))
print(struct.unpack(">BHIQ", b"\xff" * 15), struct.unpack("<4s?c", b"abcd\x01z"))
print(struct.pack("5p", b"abcdefg"), struct.unpack("5p", b"\x09abcd"), struct.pack("3s", b"a"))
print(struct.pack("<f", 1.1), struct.unpack("<f", struct.pack("<f", 1.1)), struct.pack(">d", -0.0))
print(struct.pack("<e", 1.5), struct.unpack("<e", b"\x00\x3c"), struct.pack(">e", 65504.0), struct.unpack("<e", struct.pack("<e", 0.1)))
print(struct.pack("?", []), struct.pack("?", 5), struct.pack("<i", True))
print(struct.unpack_from("<h", b"\x00\x01\x02\x03", 1), struct.unpack_from("<h", b"\x00\x01\x02\x03", offset=2))
print(list(struct.iter_unpack("<hh", bytes(range(8)))))
s = struct.Struct("<2H")
print(s.size, s.format, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00"))
print(struct.pack("<i  h", 7, 8))
tests = [("b", 200), ("B", -1), ("h", 40000), ("H", -1), ("i", 2**40), ("I", -1), ("q", 2**70),
         ("Q", -1), ("<i", 2**40), ("<q", 2**64), (">H", 70000), ("c", b"ab"), ("s", "x"), ("f", "x"),
         ("i", "x"), ("i", 1.5), ("<l", 2**33), ("e", 1e10)]
for f, v in tests:
    try:
        print(f, struct.pack(f, v))
    except (struct.error, OverflowError) as e:
        print(f, type(e).__name__, e)
for f, a in [("ii", (1,)), ("i", (1, 2)), ("z", (1,))]:
    try:
        struct.pack(f, *a)
    except struct.error as e:
        print(f, e)
for call in [lambda: struct.unpack("ii", b"123"), lambda: struct.unpack_from("ii", b"1234567890", 8),
             lambda: list(struct.iter_unpack("i", b"12345"))]:
    try:
        call()
    except struct.error as e:
        print("error", e)
