# Decimal exp, ln, log10 and non-integral powers: correctly rounded at the context precision, with
# CPython's flags, special values, overflow and underflow.
import decimal
from decimal import Decimal as D, Context


def show(ctx, f, *args):
    ctx.clear_flags()
    try:
        r = str(getattr(ctx, f)(*[D(a) for a in args]))
    except decimal.DecimalException as e:
        r = type(e).__name__
    flags = [s.__name__ for s, on in ctx.flags.items() if on]
    print(f, args, r, flags)


c = Context(prec=28)
for x in ["1", "2", "-1", "10", "0.5", "1E-20", "-1E-20", "123.456", "0", "-0", "Inf", "-Inf", "NaN"]:
    show(c, "exp", x)
for x in ["2", "10", "0.5", "1", "1.000", "1.0000000001", "0.9999999999", "1E+100", "1E-100", "0", "Inf",
          "-1", "NaN"]:
    show(c, "ln", x)
    show(c, "log10", x)
for x in ["100", "0.001", "1E+999999", "1000.0"]:
    show(c, "log10", x)

# Other precisions; exp/ln/log10 always round half-even, power follows the context's rounding.
for prec in (1, 3, 9, 50):
    for rounding in (decimal.ROUND_HALF_EVEN, decimal.ROUND_DOWN, decimal.ROUND_CEILING):
        c = Context(prec=prec, rounding=rounding, traps=[])
        show(c, "exp", "2.5")
        show(c, "ln", "7")
        show(c, "log10", "3")
        show(c, "power", "2", "0.5")
        show(c, "power", "10", "-1.25")
        show(c, "power", "0.7", "33.3")

# Overflow, underflow and subnormal results.
c = Context(prec=9, Emax=99, Emin=-99, traps=[])
for x in ["230", "231", "-227", "-235", "-250", "1E+10", "-1E+10"]:
    show(c, "exp", x)
show(c, "power", "10", "99.5")
show(c, "power", "10", "-105.5")

# Powers: exact results, special operands, invalid operations.
c = Context(prec=16, traps=[])
for x, y in [("4", "0.5"), ("0.25", "1.5"), ("8", "0.3333333333333333"), ("1", "0.5"), ("1.00", "2.5"),
             ("-4", "0.5"), ("0", "0.5"), ("0", "-0.5"), ("-0", "0.5"), ("2", "Inf"), ("0.5", "Inf"),
             ("0.5", "-Inf"), ("1", "Inf"), ("-2", "Inf"), ("Inf", "0.5"), ("Inf", "-2"), ("Inf", "0"),
             ("-Inf", "3"), ("-Inf", "2"), ("-Inf", "-3"), ("-Inf", "0.5"), ("3", "1E+30"),
             ("1.00", "1E+20"), ("1.5", "2.5"), ("123.45", "-0.75")]:
    show(c, "power", x, y)

# Through the operators and the default context.
print(D(2) ** D("0.5"), D("2.25") ** D("0.5"), D(10).exp(), D(10).ln(), D("1E-7").log10())
try:
    D(-1).ln()
except decimal.InvalidOperation as e:
    print("InvalidOperation", e)
