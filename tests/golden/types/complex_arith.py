# complex arithmetic with CPython's algorithms and errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, b ** -1, -a, +a)
print(a + 1, 1 + a, a - 2.5, 2.5 - a, a * 2, 2 * a, a / 2, 2 / a, True + a, a * False)
print(a * 2**1000, 1j * 1j, 1j ** 2, 1j ** 3, (1 + 1j) ** 8, 2 ** 1j, 2.0 ** (1 + 1j))
print((1 + 2j) ** 0.5, (1 + 2j) ** (2 + 1j), (-8) ** (1 / 3), (-8.0) ** 0.5, (-1) ** 0.5)
print((1e308 + 1e308j) * 10, 1e308j * 1e308j, complex(1e-320, 1e-320) / 1e10)
print(1j / complex(float("nan"), 0), complex(1, 1) / complex(float("inf"), 1))
print(pow(2j, 2), pow(1j, -2), 0j ** 0, 0j ** 2, (0.5 + 0.5j) ** 100)
s = 0j
for k in range(5):
    s += k * 1j
    s *= 1 + 0.1j
print(s, sum([1j, 2, 3.5]), sum([0.5j] * 4, 1))
show(lambda: 1j // 2)
show(lambda: 1j % 2)
show(lambda: divmod(1j, 2))
show(lambda: 1j < 2j)
show(lambda: 1j >= 0)
show(lambda: 0j ** -1)
show(lambda: 0j ** 1j)
show(lambda: 10j ** 400)
show(lambda: (1 + 1j) / 0)
show(lambda: 1 / 0j)
show(lambda: 1.5 / (0 + 0j))
show(lambda: abs(complex(1e308, 1e308)))
show(lambda: pow(1j, 2, 3))
show(lambda: ~1j)
show(lambda: 1j & 1)
show(lambda: 1j << 1)
show(lambda: 1j + "a")
show(lambda: "a" * 1j)
show(lambda: [1] * 1j)
show(lambda: 1j + 10**400)
show(lambda: round(1j))
show(lambda: int(1j))
show(lambda: float(1j))
