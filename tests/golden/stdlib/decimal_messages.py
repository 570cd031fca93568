# decimal: CPython's C type names in error messages, the Context repr (libmpdec's signal order), and
# underscores in numeric strings.
import decimal
from decimal import Decimal as D

for s in ["1_000", "1_", "_1", "1__2", "_", "__", " 1_0 ", "1 _", "-_1", "1_.5_e_1_", "In_f", "N_aN"]:
    try:
        print(repr(s), D(s))
    except decimal.InvalidOperation as e:
        print(repr(s), "InvalidOperation", e)
print(decimal.Context().create_decimal("1_0") if False else "create_decimal('1_0') rejects")
try:
    decimal.Context(traps=[decimal.InvalidOperation]).create_decimal("1_0")
except decimal.InvalidOperation as e:
    print("InvalidOperation", e)

tries = [lambda: D(1) + 1.5, lambda: 1.5 * D(1), lambda: D(1) < "a", lambda: iter(D(1)),
         lambda: len(D(1)), lambda: D(1)[0], lambda: D(1)(), lambda: D(1).x,
         lambda: setattr(D(1), "x", 1), lambda: decimal.getcontext() + 1]
for f in tries:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class MyDecimal(D):
    pass


try:
    MyDecimal(1) + 1.5
except TypeError as e:
    print(e)
print(type(D(1)), D, decimal.Context, type(D(1)).__name__, MyDecimal.__name__)

all_signals = [decimal.InvalidOperation, decimal.FloatOperation, decimal.DivisionByZero,
               decimal.Overflow, decimal.Underflow, decimal.Subnormal, decimal.Inexact,
               decimal.Rounded, decimal.Clamped]
print(decimal.Context(flags=all_signals, traps=all_signals))
print(decimal.Context(flags=[decimal.Underflow, decimal.Clamped, decimal.FloatOperation],
                      traps=[decimal.Rounded, decimal.DivisionByZero]))
print(decimal.getcontext())
