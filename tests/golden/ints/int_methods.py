for n in [0, 1, 7, 8, 255, 256, -1, -256, 2 ** 64, 2 ** 100 - 1]:
    print(n, n.bit_length(), n.bit_count())
print((12).real, (7).numerator, (7).denominator)
print(type(5).__name__, type(2 ** 100).__name__)
print(isinstance(True, int), isinstance(5, int), isinstance(5.0, int), isinstance(2 ** 100, int))
print(type(True) is bool, type(1) is int, type(2 ** 64) is int)
