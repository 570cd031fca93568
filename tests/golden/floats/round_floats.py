for v in [0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 2.675, 1.005, 0.125, 0.375, 1e16 + 1, 123.456]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, 0), round(v, -1))
print(round(2.5, None), type(round(2.5, 0)), type(round(2.5)))
print(round(1234.5678, -2), round(-1234.5678, 3))
print(round(1e300, 2), round(5e-324, 5))
print(int(2.999999), int(-2.999999), int(1e300) % 1000)
