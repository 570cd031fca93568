# decimal (basic): construction, arithmetic rounded to the context, comparisons/hashes with int and
# float, quantize, to_integral_value, sqrt, contexts, rounding modes, str/repr/format, signals.
from decimal import (Decimal, getcontext, setcontext, localcontext, Context, InvalidOperation,
                     DivisionByZero, Inexact, Rounded, FloatOperation, ROUND_HALF_EVEN, ROUND_HALF_UP,
                     ROUND_DOWN, ROUND_UP, ROUND_FLOOR, ROUND_CEILING, ROUND_HALF_DOWN, ROUND_05UP,
                     DefaultContext, ExtendedContext)
import decimal

D = Decimal
for v in [0, -7, 10**30, "3.14", "-0", "1e3", "1E-7", "-0.000001", "123.4500", ".5", "5.", "  42  ",
          "1_000.5", "inf", "-Infinity", "nan", "NaN123", "-sNaN", 0.1, -2.5, 1e300, float("inf"),
          (0, (1, 4, 1), -2), (1, (0,), 5), (0, (), "F"), D("2.50")]:
    d = D(v)
    print(repr(d), str(d), d.as_tuple())
for bad in ["abc", "1e", "", "1..2", "--1"]:
    try:
        D(bad)
    except InvalidOperation as e:
        print("invalid", repr(bad), e.args)
try:
    D([1, 2])
except ValueError as e:
    print(e)
try:
    D(1j)
except TypeError as e:
    print(e)

a, b = D("1.30"), D("1.20")
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +a, abs(D("-3.0")), a ** 2, b ** -2)
print(D(1) / 3, D(2) / 3, D(-2) / 3, D(1) / 8, D(100) / 4, D("1.000") / 2, D(10) ** 28 + 1)
print(D(7) // -2, D(-7) % 3, D("7.5") % D("-2"), 7 - D("0.5"), 2 * D("1.5"), 1 / D(4), 10 // D(3))
print(D(2).sqrt(), D(4).sqrt(), D("0.25").sqrt(), D(100).sqrt(), D("1e-10").sqrt(), D(0).sqrt(), D(10 ** 40).sqrt())
print(D("1e999999") * 10 if False else D("9.99e10") * 10, D("0.1") + D("0.2") == D("0.3"), 0.1 + 0.2 == 0.3)

# Comparisons and hashes.
print(D(1) == 1, D("1.0") == 1, D("0.5") == 0.5, D("0.1") == 0.1, D(2) > 1, D(2) < 2.5, D("nan") == D("nan"))
print(hash(D(7)) == hash(7), hash(D("7.000")) == hash(7), hash(D("0.5")) == hash(0.5), hash(D("-1")), hash(D("inf")))
print(hash(D("1.1")), hash(D("-123.456e-7")), sorted([D("2.5"), 1, D("-1"), 0.5]), max(D(1), D("1.0")))
print(D(3) in {3}, D("1.5").compare(D(2)), D(0) == D("-0"))

# Rounding to an exponent.
x = D("7.325")
for mode in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP, ROUND_FLOOR,
             ROUND_CEILING, ROUND_05UP]:
    print(mode, x.quantize(D(".01"), rounding=mode), (-x).quantize(D(".01"), rounding=mode),
          D("2.5").to_integral_value(rounding=mode), D("-2.5").to_integral_value(rounding=mode))
print(D("1.41421356").quantize(D("1.000")), D(5).quantize(D("0.00")), D("123.456").quantize(D("1e1")))
print(round(D("2.675"), 2), round(D("2.5")), round(D("3.5")), int(D("-7.9")), float(D("1.25")))
import math
print(math.floor(D("-2.5")), math.ceil(D("2.1")), math.trunc(D("-2.9")), D("123.4500").normalize(), D("0.00").normalize())
print(D("1.2345").to_integral_value(), D(120).to_integral_value(), D("1e5").to_integral_exact())

# Contexts.
getcontext().clear_flags()
print(getcontext())
getcontext().prec = 6
print(D(1) / 7, D("123456789") + 0, D(2).sqrt())
getcontext().rounding = ROUND_DOWN
print(D(2) / 3, D(-2) / 3)
setcontext(Context())
with localcontext() as ctx:
    ctx.prec = 3
    print(D(1) / 7, ctx.prec, getcontext() is ctx)
print(D(1) / 7)
with localcontext(prec=5, rounding=ROUND_UP) as ctx:
    print(D(1) / 3, ctx)
with localcontext(ExtendedContext):
    print(D(1) / 0, D(0) / 0, D(-1).sqrt())
print(D(1) / 7)
ctx = Context(prec=4, traps=[])
print(ctx.divide(D(1), D(3)), ctx.add(1, 2), ctx.multiply(D("1.234"), 5), ctx.create_decimal("3.14159"))
print(sorted(s.__name__ for s, v in ctx.flags.items() if v))

# Signals raised when trapped.
setcontext(Context())
for f in [lambda: D(1) / 0, lambda: D(0) / 0, lambda: D(-4).sqrt(), lambda: D(1) % 0,
          lambda: D("1e30").quantize(D("0.1")), lambda: D(10) ** 1000000000 if False else D("9e999999") * 10,
          lambda: D(1) < D("nan")]:
    try:
        print(f())
    except (ArithmeticError, TypeError) as e:
        print(type(e).__name__, e.args if not isinstance(e, TypeError) else e)
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError))
with localcontext() as c:
    c.traps[Inexact] = True
    try:
        D(1) / 3
    except Inexact as e:
        print("Inexact trapped", e.args)

# Formatting.
for spec in ["", ".2f", "10.3f", "<10", "^12.1f", "+.3e", ".0f", ",.2f", "%", ".1%", "e", "g", ".3g", "08.2f"]:
    print(repr(spec), repr(format(D("1234.5678"), spec)), repr(format(D("-0.00042"), spec)))
print(f"{D('3.14159'):.2f} {D('1e10'):f} {D('nan')} {D('-inf'):>8}")
