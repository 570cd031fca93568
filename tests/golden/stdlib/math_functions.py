# math: the one-argument float functions, constants and their special values.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for name in ["sqrt", "exp", "exp2", "expm1", "log1p",
             "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
             "asinh", "atanh", "erf", "erfc", "cbrt", "fabs", "degrees", "radians"]:
    f = getattr(math, name)
    print(name, [f(x) for x in (0.0, 0.25, 0.5, 0.75)], f(-0.0))
print([(math.log(x), math.log2(x), math.log10(x)) for x in (0.25, 0.5, 0.75, 3.0)])
print([math.acosh(x) for x in (1.0, 1.5, 10.0, 1e300)])
print([math.exp(x) for x in (-745.0, -800.0, 709.0)])
print(math.sqrt(2), math.sqrt(1e-310), math.sqrt(math.inf), math.sqrt(-0.0))
print(math.log(math.e), math.log(1e-320), math.log2(1024), math.log10(1e-5))
print(math.log(100, 10), math.log(8, 2), math.log(2, 0.5), math.log(10**500), math.log(10**500, 10))
print(math.log2(2**4000), math.log10(10**1000 + 1), math.log(7.5, 7.5))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.nan))
for x in (math.inf, -math.inf, math.nan):
    print(x, math.exp(x), math.atan(x), math.tanh(x), math.erf(x), math.fabs(x), math.cbrt(x))
print(math.degrees(math.pi), math.radians(180), math.degrees(1e308))
print(math.sin(1e22), math.cos(1e22), math.tan(1e22))
print(math.expm1(1e-10), math.log1p(1e-10), math.exp(1e-10) - 1)
# ints of any size and objects with __float__/__index__ are accepted
class Half:
    def __float__(self):
        return 0.5
class Seven:
    def __index__(self):
        return 7
print(math.sqrt(Half()), math.exp(Seven()), math.sqrt(10**300), math.sqrt(True))
