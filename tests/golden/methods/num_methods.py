# int and float methods
for n in [0, 1, 7, 8, 255, 256, -1, -256, 2 ** 64, 2 ** 100 - 1, -2 ** 63, 2 ** 63 - 1, True, False]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.as_integer_ratio())
print((5).to_bytes(2, "little", signed=True), (-128).to_bytes(1, "big", signed=True), (0).to_bytes(0, "big"), (5).to_bytes(2, byteorder="big"), (5).to_bytes(length=2), (5).to_bytes())
print((-1).to_bytes(3, "little", signed=True), (2 ** 70).to_bytes(10, "big"), (-2 ** 70).to_bytes(10, "big", signed=True), (128).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x80\x00", "big", signed=True), int.from_bytes([1, 2], "big"), int.from_bytes(b"", "big", signed=True), int.from_bytes(b"\x01\x00", byteorder="little"))
print(int.from_bytes(b"\xff" * 12, "little", signed=True), int.from_bytes(b"\xff" * 12, "big"), int.from_bytes((1, 0), "big"), int.from_bytes(b"\x00\x01"))
for n in [0, 1, 255, 65535, 2 ** 40 + 3, -5, -2 ** 40]:
    b = n.to_bytes(8, "big", signed=True)
    print(n, b, int.from_bytes(b, "big", signed=True), int.from_bytes(n.to_bytes(8, "little", signed=True), "little", signed=True))
for v in [1.0, 1.5, -2.0, 0.1, 1e300, 3.75, -0.0, 0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1 / 3]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v, v.conjugate())
for v in [float("inf"), -float("inf"), float("nan")]:
    print(v, v.is_integer(), v.hex())
for s in ["0x1.8p1", "inf", "-Infinity", "nan", "1", "0x.8", "0x1.", "0x1p-1074", "0x1p-1075", "0x3p-1076", "0x1p-99999999999999999999", "0x0p99999999999999999", "0x1p+3", "ff", "1e3", "-0x0p0", " 0X1.FFFFFFFFFFFFFp1023 ", "0x1.0000000000000801p0", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x.0000000000001p-1022", "0x1.fffffffffffff7ffp1023"]:
    print(repr(s), float.fromhex(s))
print(float.fromhex("0x1p1024"))
