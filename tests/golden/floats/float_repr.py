vals = [0.1 + 0.2, 0.1, 0.2, 0.3, 1.0, -1.0, 0.0, -0.0, 1e16, 1e15, 123456789012345678.0,
        1e-5, 1e-4, 0.0001, 0.00001, 1.5e300, 1e22, 1e23, 2.5, 3.14159, 1 / 3, 2 / 3, 10 / 3,
        100.0, 1e100, 5e-324, 1.7976931348623157e308, 2.0 ** 0.5, 1234.5678, 0.1 * 3, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), v)
print(float("1e22"), float("1e23"), float("-0"), float(" 3.5 "), float("1_000.5"))
print(float("inf"), float("-inf"), float("nan"), float("Infinity"), float("-iNF"))
print(float(10), float(-3), float(2 ** 60), float(True))
