for v in [1.0, 1.5, -2.0, 0.1, 1e300, 3.75, -0.0]:
    print(v, v.is_integer(), v.as_integer_ratio())
print(int(7.9), int(-7.9), float(7))
print(float.__name__, type(1.5).__name__)
