# cmath's functions on a grid of values covering the branch cuts, signed zeros, huge and subnormal
# parts, infinities and NaNs: results (repr) or the exception CPython raises.
import cmath
import math

inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 1e-300, 5e-324, 1e300, -1.7e308, inf, -inf, nan, 710.0]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh"]


def show(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError) as e:
        return "%s(%s)" % (type(e).__name__, e)


for name in names:
    fn = getattr(cmath, name)
    print("==", name)
    for x in vals:
        print(repr(x), " ".join(show(fn, complex(x, y)) for y in vals))
