# fractions: construction (ints, strings, floats), normalisation, arithmetic with ints/floats,
# comparisons, hashing, limit_denominator, rounding, errors.
from fractions import Fraction as F
import math, numbers

print(F(3, 4), F(6, -8), F(0, 5), F(5), F(-7, 1), repr(F(1, 3)))
print(F("3/4"), F(" -1.25e1 "), F("1_000"), F("2.5"), F(".5"), F("7e-3"), F("  3/9 "))
print(F(0.1), F(1.5), F(-0.0), F(F(2, 6)), F(F(1, 2), F(3, 4)), F(True))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(2, 3)), -a, +a, abs(F(-2, 3)))
print(a + 1, 1 + a, a - 2, 2 - a, a * 3, 3 * a, a / 2, 2 / a, a ** 2, a ** -2, F(-2, 3) ** 3, F(-2, 3) ** -3, 2 ** F(3), 4 ** F(1, 2))
print(a + 0.5, 0.5 + a, a * 1.5, a / 0.25, a ** 0.5, F(9, 4) ** F(1, 2), 7 // F(2), 7 % F(2, 3))
print(a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(2) == 2, F(1, 2) < F(2, 3), F(1, 2) > 0.4, 1 <= F(3, 2), F(1, 2) < math.inf, F(1, 2) == math.nan)
print(sorted([F(1, 2), 0.3, F(1, 5), 1, F(-1, 7)]), max(F(1, 3), F(2, 7)))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), {F(1, 2): "h"}[F(2, 4)])
print(F(math.pi).limit_denominator(1000), F(3.141592653589793).limit_denominator(10), F(1, 3).limit_denominator(2), F("0.333").limit_denominator(100))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 2), round(F(12345, 1), -2), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), int(F(-7, 2)), math.trunc(F(7, 2)))
print(float(F(1, 3)), F(1, 3).numerator, F(1, 3).denominator, F(6, 4).as_integer_ratio(), bool(F(0)), bool(F(1, 9)))
print(F.from_float(0.25), F.from_float(3), isinstance(F(1), numbers.Rational), isinstance(F(1), numbers.Number))
print(F(10**30, 3 * 10**29), F(2**70 + 1, 2**35) * F(2**35, 3))
total = F(0)
for i in range(1, 30):
    total += F(1, i * (i + 1))
print(total)
for bad in ["1/0", "abc", "1.2.3", "1__0", "", "/2", "1/"]:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
for thunk in [lambda: F(1, 0), lambda: F(1, 2) / 0, lambda: F(0) ** -1, lambda: F(1.5, 2), lambda: F([1]), lambda: F(1, 2) // 0, lambda: F(1).limit_denominator(0)]:
    try:
        thunk()
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
