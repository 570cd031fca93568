# math: floor/ceil/trunc (with __floor__/__ceil__/__trunc__), frexp/ldexp/modf, nextafter/ulp.
import math

for x in (2.5, -2.5, 0.5, -0.5, 1e300, -1e20, 7, -7, 10**30, True):
    print(x, math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
class Rounder:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
print(math.floor(Rounder()), math.ceil(Rounder()), math.trunc(Rounder()))
class Real:
    def __float__(self):
        return 3.75
print(math.floor(Real()), math.ceil(Real()))
for x in (0.0, -0.0, 1.0, 0.1, -3.75, 1e308, 5e-324, 2**60, math.inf, math.nan):
    print(x, math.frexp(x), math.modf(x))
print(math.ldexp(0.5, 3), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(3.0, -1076))
print(math.ldexp(1.0, 1023), math.ldexp(-0.0, 5), math.ldexp(1.0, -10**30), math.ldexp(math.inf, 10**30))
print(math.ldexp(5e-324, 1074), math.ldexp(1e-310, 100), math.ldexp(True, 3))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(-0.0, -1.0))
print(math.nextafter(0.0, -0.0), math.nextafter(1e308 * 10, 0), math.nextafter(1.5, 1.5))
print(math.ulp(1.0), math.ulp(-2.0), math.ulp(0.0), math.ulp(1e308 * 10), math.ulp(1.7976931348623157e308))
print(math.ulp(5e-324), math.ulp(2.0 ** 52), math.ulp(1e-300))
