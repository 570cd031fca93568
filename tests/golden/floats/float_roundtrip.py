vals = [0.1, 1 / 3, 2.0 ** -1074, 1e308, 123.456, -9.87654321e-100, 6.02214076e23, 0.30000000000000004]
for v in vals:
    s = repr(v)
    back = float(s)
    print(s, back == v, str(back))
x = 0.0
for i in range(10):
    x += 0.1
    print(i, x)
print(x == 1.0, abs(x - 1.0) < 1e-9)
