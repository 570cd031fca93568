# cmath: constants, phase/polar/rect, log with a base, isclose, the is* predicates, argument
# conversion (ints, floats, __complex__, __float__, __index__) and CPython's error messages.
import cmath
import math

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(type(cmath.infj).__name__, math.copysign(1, cmath.nan))

inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 1.0, -1.0, 2.0, 5e-324, 1e300, -1e300, inf, -inf, nan]


def show(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        return "%s(%s)" % (type(e).__name__, e)


for x in vals:
    for y in vals:
        z = complex(x, y)
        print(repr(x), repr(y), show(cmath.phase, z), show(cmath.polar, z), show(cmath.rect, x, y),
              cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))

for z in [0, 1, 2, -1, 1j, 0j, 3 + 4j, 1e-310]:
    print(repr(z), [show(cmath.log, z, b) for b in (2, 10.0, 1j, 1, 0, math.e)])
print(cmath.log(100, 10), cmath.log10(1000), cmath.log(8, 2))

# Round trips.
for z in [1 + 1j, -3.5 + 0.25j, 1e-5 - 2j, -7j]:
    r, phi = cmath.polar(z)
    print(z, abs(cmath.rect(r, phi) - z) < 1e-12, cmath.exp(cmath.log(z)), cmath.sqrt(z) ** 2)
    print(cmath.sin(cmath.asin(z)), cmath.tanh(cmath.atanh(z)), cmath.cosh(cmath.acosh(z)))

# isclose.
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2))
print(cmath.isclose(0j, 1e-10j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9), cmath.isclose(a=1, b=1))
print(cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(inf, 0), complex(-inf, 0)))
print(cmath.isclose(complex(nan, 0), complex(nan, 0)), cmath.isclose(1e308 + 0j, -1e308 + 0j))


# Argument conversion.
class C:
    def __complex__(self):
        return 2 + 3j


class F:
    def __float__(self):
        return 0.25


class I:
    def __index__(self):
        return 4


print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(-4), cmath.sqrt(True), cmath.exp(10**5 // 10**5))
print(cmath.rect(2, 0), cmath.rect(2, -0.0), cmath.rect(F(), I()), cmath.phase(-1), cmath.polar(-2))

for call in [lambda: cmath.sqrt("a"), lambda: cmath.sqrt(None), lambda: cmath.sqrt(2 ** 2000),
             lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2), lambda: cmath.sqrt(z=1),
             lambda: cmath.rect(1), lambda: cmath.rect(1j, 2), lambda: cmath.log(),
             lambda: cmath.log(1, 2, 3), lambda: cmath.log(1, "x"), lambda: cmath.log(0),
             lambda: cmath.isclose(1, 2, 3), lambda: cmath.isclose(1, 2, rel_tol=-1),
             lambda: cmath.isclose(1), lambda: cmath.isclose(1, 2, tol=1),
             lambda: cmath.exp(1000), lambda: cmath.cosh(1000 + 1j), lambda: cmath.atanh(1),
             lambda: cmath.exp(complex(0, inf)), lambda: cmath.phase(1e300 + 1e-300j),
             lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.rect(1, inf)]:
    print(show(call))
