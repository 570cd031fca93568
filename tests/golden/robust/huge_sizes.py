# Sizes a program asks for that cannot be allocated are a MemoryError (or CPython's OverflowError),
# checked before anything is allocated: never an abort of the whole process.
import struct

cases = [
    "(1).to_bytes(2**62, 'big')",
    "(-1).to_bytes(2**40, 'little', signed=True)",
    "b'a'.center(2**62)",
    "b'a'.ljust(2**62)",
    "b'a'.rjust(2**62)",
    "b'-1'.zfill(2**62)",
    "b'\\t'.expandtabs(2**62)",
    "b'xy'.hex(':', 2**62)",
    "'ab' * 2**62",
    "b'ab' * 2**62",
    "[1, 2] * 2**62",
    "bytearray(b'ab') * 2**62",
    "list(range(2**62))",
    "[*range(2**62)]",
    "('x' * 2**16).replace('x', 'y' * 2**24)",
    "(b'x' * 2**16).replace(b'x', b'y' * 2**24)",
    "('x' * 2**16).replace('', 'y' * 2**24)",
    "struct.pack('%dx' % 2**62)",
    "struct.calcsize('%dq' % 2**62)",
    "struct.calcsize('99999999999999999999i')",
]
for src in cases:
    try:
        eval(src)
        print(src, "-> no error")
    except (MemoryError, OverflowError, struct.error) as e:
        print(src, "->", type(e).__name__, e)

x = [1, 2]
try:
    x *= 2**62
except MemoryError:
    print("x *= 2**62 -> MemoryError, x unchanged:", x)

# Within bounds, all of these still work.
print((1).to_bytes(4, "big"), b"ab".center(6, b"*"), b"\tx".expandtabs(4), b"xyzw".hex(":", 2))
print("abc".replace("b", "XYZ"), "abc".replace("", "-"), "aaaa".replace("a", "bb", 2))
print(b"abc".replace(b"", b"-"), bytearray(b"aaaa").replace(b"a", b"bb", 2))
print(list(range(3)), [*range(2, 5)], struct.calcsize("3x2q"), struct.pack("2x") + b"!")
