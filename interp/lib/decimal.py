"""Decimal fixed- and floating-point arithmetic (the common part of CPython's decimal module):
Decimal from int/str/float/tuple, arithmetic correctly rounded to the context's precision with its
rounding mode, comparisons and hashes consistent with int and float, quantize, to_integral_value,
sqrt, contexts (getcontext/setcontext/localcontext) and signals raised as exceptions when trapped.
Written for pvm on top of Python ints: a Decimal is (sign, integer coefficient, exponent)."""

import math as _math
import sys as _sys
from collections import namedtuple as _namedtuple

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
              ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The order of the flags and traps dicts (CPython's).
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact,
            Rounded, Clamped]

# The order of a context's repr: libmpdec's signal bits (FloatOperation is its "not implemented" bit).
_REPR_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow, Rounded,
               Subnormal, Underflow]

DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent", module="decimal")


def _incr(rounding, sign, q, r, half):
    """Whether rounding the kept digits q (remainder r, half = the remainder's midpoint) goes up."""
    if r == 0:
        return False
    if rounding == ROUND_HALF_EVEN:
        return r > half or (r == half and q & 1 == 1)
    if rounding == ROUND_HALF_UP:
        return r >= half
    if rounding == ROUND_HALF_DOWN:
        return r > half
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    return q % 10 in (0, 5)  # ROUND_05UP


def _drop_digits(sign, coeff, drop, rounding):
    """coeff without its last `drop` digits, rounded: (new coefficient, inexact)."""
    if drop <= 0:
        return coeff * 10 ** (-drop), False
    p = 10 ** drop
    q, r = divmod(coeff, p)
    if _incr(rounding, sign, q, r, p // 2 if drop > 0 else 0):
        q += 1
    return q, r != 0


def _ndigits(n):
    return len(str(n)) if n else 1


class Decimal(object):
    """Floating-point decimal number: Decimal(value="0", context=None)."""

    __slots__ = ("_sign", "_int", "_exp", "_special")
    # CPython's Decimal is a C type: error messages name it by its tp_name (vm.type_name).
    __pvm_tp_name__ = "decimal.Decimal"

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        self._special = ""
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp, self._special = (value._sign, value._int, value._exp,
                                                               value._special)
            return self
        if isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(value)
            self._exp = 0
            return self
        if isinstance(value, str):
            if _parse(self, value):
                return self
            ctx = getcontext() if context is None else context
            _raise(ctx, ConversionSyntax, InvalidOperation)
            self._sign, self._int, self._exp, self._special = 0, 0, "n", "n"
            return self
        if isinstance(value, float):
            return _from_float(cls, value)
        if isinstance(value, (list, tuple)):
            return _from_tuple(self, value)
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        return _from_float(cls, f)

    # ---- classification ----
    def is_nan(self):
        return self._special in ("n", "N")

    def is_qnan(self):
        return self._special == "n"

    def is_snan(self):
        return self._special == "N"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        ctx = getcontext() if context is None else context
        return not self._special and self._int != 0 and self.adjusted() >= ctx.Emin

    def is_subnormal(self, context=None):
        ctx = getcontext() if context is None else context
        return not self._special and self._int != 0 and self.adjusted() < ctx.Emin

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def as_tuple(self):
        digits = tuple(int(c) for c in str(self._int)) if (self._int or not self._special) else ()
        if self._special == "F":
            digits = (0,)
        return DecimalTuple(self._sign, digits, self._exp if not self._special else self._special)

    def as_integer_ratio(self):
        if self._special:
            if self._special == "F":
                raise OverflowError("cannot convert Infinity to integer ratio")
            raise ValueError("cannot convert NaN to integer ratio")
        if self._int == 0:
            return 0, 1
        n = -self._int if self._sign else self._int
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        d = 10 ** (-self._exp)
        g = _math.gcd(n, d)
        return n // g, d // g

    def copy_abs(self):
        return _dec(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _dec(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _dec(other._sign, self._int, self._exp, self._special)

    def canonical(self):
        return self

    def number_class(self, context=None):
        ctx = getcontext() if context is None else context
        if self._special == "N":
            return "sNaN"
        if self._special == "n":
            return "NaN"
        s = "-" if self._sign else "+"
        if self._special == "F":
            return s + "Infinity"
        if self._int == 0:
            return s + "Zero"
        if self.adjusted() < ctx.Emin:
            return s + "Subnormal"
        return s + "Normal"

    # ---- conversions ----
    def __str__(self):
        return self.to_eng_string() if False else _to_sci(self, getcontext().capitals)

    def to_eng_string(self, context=None):
        return _to_sci(self, 1, eng=True)

    def __repr__(self):
        return "Decimal('%s')" % _to_sci(self, 1)

    def __bool__(self):
        return bool(self._special) or self._int != 0

    def __int__(self):
        if self._special:
            if self._special == "F":
                raise OverflowError("cannot convert Infinity to integer")
            raise ValueError("cannot convert NaN to integer")
        n = self._int * 10 ** self._exp if self._exp >= 0 else self._int // 10 ** (-self._exp)
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._special == "N":
            raise ValueError("cannot convert signaling NaN to float")
        if self._special == "n":
            return float("-nan" if self._sign else "nan")
        return float(_to_sci(self, 1))

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        return int(self._rescale(0, ROUND_FLOOR)) if not self._special else int(self)

    def __ceil__(self):
        return int(self._rescale(0, ROUND_CEILING)) if not self._special else int(self)

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError("Second argument to round should be integral")
            return self.quantize(_dec(0, 1, -n))
        if self._special:
            if self.is_nan():
                raise ValueError("cannot round a NaN")
            raise OverflowError("cannot round an infinity")
        return int(self._rescale(0, ROUND_HALF_EVEN))

    def __hash__(self):
        if self._special:
            if self._special == "N":
                raise TypeError("Cannot hash a signaling NaN value.")
            if self._special == "n":
                return object.__hash__(self)
            return -_sys.hash_info.inf if self._sign else _sys.hash_info.inf
        M = _sys.hash_info.modulus
        if self._exp >= 0:
            h = self._int % M * pow(10, self._exp, M) % M
        else:
            h = self._int % M * pow(10, -self._exp * (M - 2), M) % M
        h = -h if self._sign else h
        return -2 if h == -1 else h

    # ---- the helpers of every operation ----
    def _rescale(self, exp, rounding):
        """This value with exponent `exp` (digits dropped are rounded); no context, no signals."""
        if self._special:
            return self
        if self._int == 0:
            return _dec(self._sign, 0, exp)
        c, _ = _drop_digits(self._sign, self._int, exp - self._exp, rounding)
        return _dec(self._sign, c, exp)

    def _fix(self, ctx):
        """Round to the context's precision and check its exponent limits, raising the signals."""
        if self._special:
            return self
        prec = ctx.prec
        etiny = ctx.Emin - prec + 1
        etop = ctx.Emax - prec + 1
        if self._int == 0:
            exp_max = etop if ctx.clamp else ctx.Emax
            e = min(max(self._exp, etiny), exp_max)
            if e != self._exp:
                _raise(ctx, Clamped)
                return _dec(self._sign, 0, e)
            return self
        nd = _ndigits(self._int)
        exp_min = nd + self._exp - prec
        if exp_min > etop and nd + self._exp - 1 > ctx.Emax:
            return _overflow(ctx, self._sign)
        subnormal = exp_min < etiny
        if subnormal:
            exp_min = etiny
        if self._exp < exp_min:
            c, inexact = _drop_digits(self._sign, self._int, exp_min - self._exp, ctx.rounding)
            e = exp_min
            if _ndigits(c) > prec:
                c //= 10
                e += 1
            if e > ctx.Emax - prec + 1 and _ndigits(c) + e - 1 > ctx.Emax:
                return _overflow(ctx, self._sign)
            ans = _dec(self._sign, c, e)
            if subnormal:
                _raise(ctx, Subnormal)
                if inexact:
                    _raise(ctx, Underflow)
                if c == 0:
                    _raise(ctx, Clamped)
            if inexact:
                _raise(ctx, Inexact)
            _raise(ctx, Rounded)
            return ans
        if subnormal or (nd + self._exp - 1 < ctx.Emin):
            _raise(ctx, Subnormal)
        if ctx.clamp and self._exp > etop:
            _raise(ctx, Clamped)
            return _dec(self._sign, self._int * 10 ** (self._exp - etop), etop)
        return self

    # ---- arithmetic ----
    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = getcontext() if context is None else context
        if self._special or other._special:
            nan = _nan_result(ctx, self, other)
            if nan is not None:
                return nan
            if self._special == "F":
                if other._special == "F" and self._sign != other._sign:
                    return _invalid(ctx)
                return self
            return other
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e)
        b = other._int * 10 ** (other._exp - e)
        s = (-a if self._sign else a) + (-b if other._sign else b)
        if s == 0:
            if self._sign == other._sign:
                sign = self._sign
            else:
                sign = 1 if ctx.rounding == ROUND_FLOOR else 0
            return _dec(sign, 0, e)._fix(ctx)
        return _dec(1 if s < 0 else 0, abs(s), e)._fix(ctx)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate() if not other.is_nan() else other, context)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = getcontext() if context is None else context
        sign = self._sign ^ other._sign
        if self._special or other._special:
            nan = _nan_result(ctx, self, other)
            if nan is not None:
                return nan
            if (self._special == "F" and other.is_zero()) or (other._special == "F" and self.is_zero()):
                return _invalid(ctx)
            return _dec(sign, 0, "F", "F")
        return _dec(sign, self._int * other._int, self._exp + other._exp)._fix(ctx)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = getcontext() if context is None else context
        sign = self._sign ^ other._sign
        if self._special or other._special:
            nan = _nan_result(ctx, self, other)
            if nan is not None:
                return nan
            if self._special == "F":
                if other._special == "F":
                    return _invalid(ctx)
                return _dec(sign, 0, "F", "F")
            _raise(ctx, Clamped)
            return _dec(sign, 0, ctx.Emin - ctx.prec + 1)
        if other._int == 0:
            if self._int == 0:
                return _invalid(ctx, DivisionUndefined)
            _raise(ctx, DivisionByZero)
            return _dec(sign, 0, "F", "F")
        ideal = self._exp - other._exp
        if self._int == 0:
            return _dec(sign, 0, ideal)._fix(ctx)
        shift = ctx.prec + _ndigits(other._int) - _ndigits(self._int) + 1
        if shift >= 0:
            q, r = divmod(self._int * 10 ** shift, other._int)
        else:
            q, r = divmod(self._int, other._int * 10 ** (-shift))
        exp = ideal - shift
        if r:
            if q % 5 == 0:
                q += 1  # a sticky digit: the quotient is not exact
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return _dec(sign, q, exp)._fix(ctx)

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context)

    def _divide(self, other, ctx):
        """(integer quotient, remainder) or a single NaN/inf result when special/impossible."""
        sign = self._sign ^ other._sign
        if other._int == 0:
            if self._int == 0:
                return _invalid(ctx, DivisionUndefined)
            return None
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e)
        b = other._int * 10 ** (other._exp - e)
        q, r = divmod(a, b)
        if _ndigits(q) > ctx.prec:
            return _invalid(ctx, DivisionImpossible)
        return (_dec(sign, q, 0), _dec(self._sign, r, e)._fix(ctx))

    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = getcontext() if context is None else context
        if self._special or other._special:
            nan = _nan_result(ctx, self, other)
            if nan is not None:
                return nan
            if self._special == "F":
                if other._special == "F":
                    return _invalid(ctx)
                return _dec(self._sign ^ other._sign, 0, "F", "F")
            return _dec(self._sign ^ other._sign, 0, 0)
        res = self._divide(other, ctx)
        if res is None:
            _raise(ctx, DivisionByZero)
            return _dec(self._sign ^ other._sign, 0, "F", "F")
        return res[0] if isinstance(res, tuple) else res

    def __rfloordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = getcontext() if context is None else context
        if self._special or other._special:
            nan = _nan_result(ctx, self, other)
            if nan is not None:
                return nan
            if self._special == "F":
                return _invalid(ctx)
            return self._fix(ctx)
        res = self._divide(other, ctx)
        if res is None:
            return _invalid(ctx)
        return res[1] if isinstance(res, tuple) else res

    def __rmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context)

    def __divmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = getcontext() if context is None else context
        if self._special or other._special:
            return (self.__floordiv__(other, ctx), self.__mod__(other, ctx))
        res = self._divide(other, ctx)
        if res is None:
            _raise(ctx, DivisionByZero)
            return (_dec(self._sign ^ other._sign, 0, "F", "F"), _invalid(ctx))
        return res if isinstance(res, tuple) else (res, res)

    def __rdivmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context)

    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            raise NotImplementedError("pvm's decimal does not support three-argument pow yet")
        other = _convert(other)
        if other is NotImplemented:
            return other
        ctx = getcontext() if context is None else context
        if self._special or other._special:
            nan = _nan_result(ctx, self, other)
            if nan is not None:
                return nan
            return _pow_special(self, other, ctx)
        if other._exp < 0 and other._int % 10 ** (-other._exp):
            if self._sign and self._int:
                return _invalid(ctx)
            if self._int == 0:
                return _dec(0, 0, "F", "F") if other._sign else _dec(0, 0, 0)
            return _dpow(self, other, ctx)
        n = int(other)
        if self._int == 0:
            if n == 0:
                return _invalid(ctx)
            sign = self._sign if n & 1 else 0
            if n < 0:
                return _dec(sign, 0, "F", "F")
            return _dec(sign, 0, 0)._fix(ctx)
        sign = self._sign if n & 1 else 0
        if abs(n) * _ndigits(self._int) > _EXACT_POW_DIGITS:
            # Too big to compute exactly: through exp(n ln|x|), correctly rounded.
            return _dpow(self.copy_abs(), other, ctx, sign)
        if n >= 0:
            return _dec(sign, self._int ** n, self._exp * n)._fix(ctx)
        big = _dec(0, self._int ** (-n), self._exp * (-n))
        ans = Decimal(1).__truediv__(big, ctx)
        return _dec(sign, ans._int, ans._exp, ans._special) if sign else ans

    def __rpow__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def __neg__(self, context=None):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return _nan_result(ctx, self, self)
        if self._int == 0 and not self._special:
            sign = 1 if ctx.rounding == ROUND_FLOOR else 0
            return _dec(sign, 0, self._exp)._fix(ctx)
        return self.copy_negate()._fix(ctx)

    def __pos__(self, context=None):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return _nan_result(ctx, self, self)
        if self._int == 0 and not self._special:
            sign = 1 if ctx.rounding == ROUND_FLOOR else 0
            return _dec(sign, 0, self._exp)._fix(ctx)
        return self._fix(ctx)

    def __abs__(self, round=True, context=None):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return _nan_result(ctx, self, self)
        return self.copy_abs()._fix(ctx) if round else self.copy_abs()

    # ---- comparisons ----
    def _cmp(self, other):
        """-1, 0, 1 for finite or infinite operands (no NaNs)."""
        if self._special == "F" or other._special == "F":
            a = 0 if self._special != "F" else (-1 if self._sign else 1)
            b = 0 if other._special != "F" else (-1 if other._sign else 1)
            return (a > b) - (a < b)
        if self._int == 0:
            if other._int == 0:
                return 0
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        e = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - e)
        b = other._int * 10 ** (other._exp - e)
        r = (a > b) - (a < b)
        return -r if self._sign else r

    def __eq__(self, other, context=None):
        other = _convert_cmp(self, other, True)
        if other is NotImplemented:
            return other
        if self.is_nan() or other.is_nan():
            return False
        return self._cmp(other) == 0

    def _order(self, other, op):
        other = _convert_cmp(self, other, False)
        if other is NotImplemented:
            return other
        if self.is_nan() or other.is_nan():
            _invalid(getcontext())
            return False
        return op(self._cmp(other))

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        other = _convert(other, True)
        ctx = getcontext() if context is None else context
        if self.is_nan() or other.is_nan():
            return _nan_result(ctx, self, other)
        return Decimal(self._cmp(other))

    def max(self, other, context=None):
        other = _convert(other, True)
        ctx = getcontext() if context is None else context
        c = self._cmp(other)
        if c == 0:
            c = other._sign - self._sign
        return (self if c >= 0 else other)._fix(ctx)

    def min(self, other, context=None):
        other = _convert(other, True)
        ctx = getcontext() if context is None else context
        c = self._cmp(other)
        if c == 0:
            c = other._sign - self._sign
        return (self if c <= 0 else other)._fix(ctx)

    # ---- rounding to an exponent ----
    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        ctx = getcontext() if context is None else context
        rounding = ctx.rounding if rounding is None else rounding
        if self._special or exp._special:
            nan = _nan_result(ctx, self, exp)
            if nan is not None:
                return nan
            if self._special == "F" and exp._special == "F":
                return self
            return _invalid(ctx)
        if not (ctx.Emin - ctx.prec + 1 <= exp._exp <= ctx.Emax):
            return _invalid(ctx)
        ans = self._rescale(exp._exp, rounding)
        if _ndigits(ans._int) > ctx.prec:
            return _invalid(ctx)
        if ans._exp > self._exp and self._int:
            if ans._int * 10 ** (ans._exp - self._exp) != self._int:
                _raise(ctx, Inexact)
            _raise(ctx, Rounded)
        return ans

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special or other._special:
            return self._special == other._special or (self.is_nan() and other.is_nan())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        ctx = getcontext() if context is None else context
        if self._special:
            nan = _nan_result(ctx, self, self)
            return nan if nan is not None else self
        if self._exp >= 0:
            return self
        return self._rescale(0, ctx.rounding if rounding is None else rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = getcontext() if context is None else context
        ans = self.to_integral_value(rounding, ctx)
        if not self._special and self._exp < 0:
            if ans._int * 10 ** (-self._exp) != self._int:
                _raise(ctx, Inexact)
            _raise(ctx, Rounded)
        return ans

    def normalize(self, context=None):
        ctx = getcontext() if context is None else context
        if self._special:
            nan = _nan_result(ctx, self, self)
            return nan if nan is not None else self
        d = self._fix(ctx)
        if d._special or d._int == 0:
            return _dec(d._sign, 0, 0) if not d._special else d
        c, e = d._int, d._exp
        while c % 10 == 0 and e < ctx.Emax:
            c //= 10
            e += 1
        return _dec(d._sign, c, e)

    def sqrt(self, context=None):
        ctx = getcontext() if context is None else context
        if self._special:
            nan = _nan_result(ctx, self, self)
            if nan is not None:
                return nan
            if self._sign:
                return _invalid(ctx)
            return self
        if self._int == 0:
            return _dec(self._sign, 0, self._exp // 2)._fix(ctx)
        if self._sign:
            return _invalid(ctx)
        ideal = self._exp // 2
        c, e = self._int, self._exp
        if e & 1:
            c *= 10
            e -= 1
        # Scale so the root has at least prec + 1 digits, then round with a sticky digit.
        k = max(0, ctx.prec + 1 - (_ndigits(c) + 1) // 2)
        c *= 10 ** (2 * k)
        r = _math.isqrt(c)
        exp = e // 2 - k
        if r * r == c:
            while exp < ideal and r % 10 == 0:
                r //= 10
                exp += 1
        elif r % 5 == 0:
            r += 1
        saved = ctx.rounding
        ctx.rounding = ROUND_HALF_EVEN
        try:
            return _dec(0, r, exp)._fix(ctx)
        finally:
            ctx.rounding = saved

    def exp(self, context=None):
        ctx = getcontext() if context is None else context
        if self._special:
            nan = _nan_result(ctx, self, self)
            if nan is not None:
                return nan
            return _dec(0, 0, 0) if self._sign else self
        return _dexp(self, ctx)

    def ln(self, context=None):
        return self._log(context, False)

    def log10(self, context=None):
        return self._log(context, True)

    def _log(self, context, base10):
        ctx = getcontext() if context is None else context
        if self._special:
            nan = _nan_result(ctx, self, self)
            if nan is not None:
                return nan
            return _invalid(ctx) if self._sign else self
        if self._int == 0:
            return _dec(1, 0, "F", "F")
        if self._sign:
            return _invalid(ctx)
        return _dln(self, ctx, base10)

    def __format__(self, spec, _localeconv=None):
        return _format(self, spec)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # Context-style method names.
    def fma(self, other, third, context=None):
        return (self * _convert(other, True)).__add__(_convert(third, True), context)


def _dec(sign, coeff, exp, special=""):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._special = special
    return d


def _parse(self, s):
    # CPython strips whitespace, then drops every underscore ('1_', '_1' and '1__2' are fine).
    t = s.strip().replace("_", "")
    if not t:
        return False
    sign = 0
    if t[0] in "+-":
        sign = 1 if t[0] == "-" else 0
        t = t[1:]
    low = t.lower()
    if low in ("inf", "infinity"):
        self._sign, self._int, self._exp, self._special = sign, 0, "F", "F"
        return True
    for prefix, kind in (("snan", "N"), ("nan", "n")):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload and not (payload.isdigit() and payload.isascii()):
                return False
            self._sign, self._int, self._exp, self._special = sign, int(payload or "0"), kind, kind
            return True
    exp = 0
    epos = max(low.find("e"), -1)
    if epos >= 0:
        e = low[epos + 1:]
        if e[:1] in "+-":
            digits = e[1:]
        else:
            digits = e
        if not digits or not (digits.isdigit() and digits.isascii()):
            return False
        exp = int(e)
        low = low[:epos]
    if low.count(".") > 1:
        return False
    intpart, _, frac = low.partition(".")
    if not intpart and not frac:
        return False
    digits = intpart + frac
    if not (digits.isdigit() and digits.isascii()):
        # Unicode decimal digits are accepted by CPython; keep to ASCII and a few basics.
        if not digits.isdecimal():
            return False
        digits = "".join(str(int(ch)) for ch in digits)
    self._sign, self._int, self._exp = sign, int(digits), exp - len(frac)
    return True


def _from_float(cls, f):
    if f != f:
        d = _dec(0 if _math.copysign(1.0, f) > 0 else 1, 0, "n", "n")
    elif f in (_math.inf, -_math.inf):
        d = _dec(1 if f < 0 else 0, 0, "F", "F")
    else:
        sign = 1 if _math.copysign(1.0, f) < 0 else 0
        n, den = abs(f).as_integer_ratio()
        k = den.bit_length() - 1
        d = _dec(sign, n * 5 ** k, -k)
    return d if cls is Decimal else cls(d)


def _from_tuple(self, value):
    if len(value) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = value
    if sign not in (0, 1):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if exp == "F":
        self._sign, self._int, self._exp, self._special = sign, 0, "F", "F"
        return self
    coeff = 0
    for dgt in digits:
        if not isinstance(dgt, int) or not 0 <= dgt <= 9:
            raise ValueError("coefficient must be a tuple of digits")
        coeff = coeff * 10 + dgt
    if exp in ("n", "N"):
        self._sign, self._int, self._exp, self._special = sign, coeff, exp, exp
        return self
    if not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    self._sign, self._int, self._exp = sign, coeff, exp
    return self


def _to_sci(d, capitals, eng=False):
    sign = "-" if d._sign else ""
    if d._special:
        if d._special == "F":
            return sign + "Infinity"
        payload = str(d._int) if d._int else ""
        return sign + ("sNaN" if d._special == "N" else "NaN") + payload
    digits = str(d._int)
    leftdigits = d._exp + len(digits)
    if d._exp <= 0 and leftdigits > -6:
        dotplace = leftdigits
    elif not eng:
        dotplace = 1
    elif d._int == 0:
        dotplace = (leftdigits + 1) % 3 - 1
    else:
        dotplace = (leftdigits - 1) % 3 + 1
    if dotplace <= 0:
        intpart = "0"
        fracpart = "." + "0" * (-dotplace) + digits
    elif dotplace >= len(digits):
        intpart = digits + "0" * (dotplace - len(digits))
        fracpart = ""
    else:
        intpart = digits[:dotplace]
        fracpart = "." + digits[dotplace:]
    if leftdigits == dotplace:
        e = ""
    else:
        e = ("E" if capitals else "e") + "%+d" % (leftdigits - dotplace)
    return sign + intpart + fracpart + e


_BUILTIN_NON_NUMBERS = (float, complex, str, bytes, list, tuple, dict, set, frozenset, type(None))



# ---- exp, ln, log10 and non-integral powers --------------------------------------------------------------
#
# Fixed-point integer arithmetic: a real v is held as the integer floor(v * 10**w) ("at scale w"); every
# helper is off by a few units of 10**-w. Callers work _GUARD digits finer than they need, drop those,
# and accept an approximation only when no rounding boundary at the context precision (or any coarser
# one, which subnormal results use) lies within its error (Ziv's method); otherwise they retry with more
# digits. The accepted approximation gets a sticky final digit, so `_fix` rounds it exactly as it would
# round the true value: the results are correctly rounded, as libmpdec's are.

_GUARD = 20
_LN2 = [0, 0]  # [scale, ln(2) at that scale]


def _atanh_recip(n, w):
    """atanh(1/n) at scale w (n >= 2)."""
    term = 10 ** w // n
    total = term
    n2 = n * n
    k = 1
    while term:
        term //= n2
        k += 2
        total += term // k
    return total


def _atanh_fixed(z, w):
    """atanh(z) at scale w, for a fixed-point |z| <= 0.2."""
    neg = z < 0
    z = -z if neg else z
    one = 10 ** w
    z2 = z * z // one
    term = total = z
    k = 1
    while term:
        term = term * z2 // one
        k += 2
        total += term // k
    return -total if neg else total


def _ln2(w):
    if _LN2[0] < w:
        _LN2[0], _LN2[1] = w + 10, 2 * _atanh_recip(3, w + 10)
    return _LN2[1] // 10 ** (_LN2[0] - w)


def _ln10(w):
    # ln(10) = 3 ln(2) + ln(1.25), and ln(1.25) = 2 atanh(1/9).
    return 3 * _ln2(w) + 2 * _atanh_recip(9, w)


def _ln_fixed(c, e, w):
    """ln(c * 10**e) at scale w (c > 0)."""
    n = _ndigits(c)
    big_e = e + n - 1  # c * 10**e = m * 10**big_e with 1 <= m < 10
    de = _ndigits(abs(big_e)) + 2
    shift = w - (n - 1)
    m = c * 10 ** shift if shift >= 0 else c // 10 ** (-shift)
    # m / 2**j is within [0.7, 1.42]: its atanh argument (y - 1) / (y + 1) is below 0.18.
    lead = int(str(c)[:17]) / 10 ** (min(n, 17) - 1)
    j = int(round(_math.log2(lead)))
    y = m >> j
    one = 10 ** w
    z = (y - one) * one // (y + one) if y >= one else -((one - y) * one // (y + one))
    return big_e * _ln10(w + de) // 10 ** de + j * _ln2(w) + 2 * _atanh_fixed(z, w)


def _exp_fixed(x, w):
    """exp(x) at scale w, for a fixed-point 0 <= x < 2.31 (halve 8 times, Taylor series, square back)."""
    one = 10 ** w
    r = x >> 8
    term = total = one
    i = 0
    while term:
        i += 1
        term = term * r // (one * i)
        total += term
    for _ in range(8):
        total = total * total // one
    return total


def _rounds_safely(coeff, p):
    """Whether a `coeff` known to within 2 units (in its last place) rounds the same way, at p digits or
    fewer, as every value within that error: no grid point or halfway point of p digits is that close."""
    extra = _ndigits(coeff) - p
    if extra < 3:
        return False
    m = 10 ** extra
    r = coeff % m
    h = m // 2
    return 2 < r < h - 2 or h + 2 < r < m - 2


def _ziv(approx, p, w):
    """Run approx(w) -> (coefficient >= 0, exponent), error within 2 units, with growing w until it rounds
    safely; the result carries a sticky digit."""
    while True:
        coeff, exp = approx(w)
        if _rounds_safely(coeff, p):
            return coeff * 10 + 1, exp - 1
        w += max(10, w // 2, p + 4 - _ndigits(coeff))


def _log10_abs_ln(d):
    """About log10(|ln(d)|) (within 1) for a finite d > 0; None when d == 1."""
    if d.adjusted() in (-1, 0):
        # Within [0.1, 10), |ln(d)| is within a factor 4 of |d - 1|.
        e = d._exp
        diff = abs(d._int - 10 ** (-e)) if e < 0 else d._int * 10 ** e - 1
        if diff == 0:
            return None
        return _ndigits(diff) + min(e, 0) - 1 + 0.5
    return _math.log10(abs(_ln_approx_float(d)))


def _ln_approx_float(d):
    s = str(d._int)
    lead = int(s[:17]) / 10 ** (min(len(s), 17) - 1)
    return _math.log(lead) + d.adjusted() * _math.log(10)


def _with_half_even(ctx, value):
    saved = ctx.rounding
    ctx.rounding = ROUND_HALF_EVEN
    try:
        return value._fix(ctx)
    finally:
        ctx.rounding = saved


def _exp_limit_digits(ctx):
    """|x| >= 10**this: exp(x) certainly overflows or underflows to zero in ctx."""
    return _ndigits(max(ctx.Emax, ctx.prec - ctx.Emin)) + 1


def _near_one(ctx, above, half_even, sign=0):
    """The correctly rounded result for a value within 10**-(p+2) of 1 (above or below it)."""
    p = ctx.prec
    if above:
        d = _dec(sign, 10 ** (p + 2) + 1, -(p + 2))
    else:
        d = _dec(sign, 10 ** (p + 3) - 1, -(p + 3))
    return _with_half_even(ctx, d) if half_even else d._fix(ctx)


def _beyond(ctx, positive, half_even, sign=0):
    """The result for exp(t) with |t| beyond every exponent limit: overflow, or underflow to zero."""
    if positive:
        d = _dec(sign, 11, ctx.Emax + 5)
    else:
        d = _dec(sign, 11, ctx.Emin - ctx.prec - 10)
    return _with_half_even(ctx, d) if half_even else d._fix(ctx)


def _exp_correct(x_at, lt, positive, ctx, half_even, sign=0):
    """exp(t) (negated when sign), correctly rounded, where x_at(s) gives t at scale s and lt
    estimates log10|t|."""
    p = ctx.prec
    if lt is None or lt < -(p + 4):
        return _near_one(ctx, positive, half_even, sign)
    if lt > _exp_limit_digits(ctx):
        return _beyond(ctx, positive, half_even, sign)
    # t = q ln(10) + r with 0 <= r < ln(10): exp(t) = exp(r) * 10**q; q has up to dq digits.
    dq = max(0, int(lt)) + 3

    def approx(w):
        s = w + _GUARD + dq
        x = x_at(s)
        l10 = _ln10(s)
        q = x // l10
        return _exp_fixed(x - q * l10, s) // 10 ** (_GUARD + dq), q - w

    coeff, exp = _ziv(approx, p, p + 5 + max(0, -int(lt)))
    d = _dec(sign, coeff, exp)
    return _with_half_even(ctx, d) if half_even else d._fix(ctx)


def _fixed_of(d, s):
    """The finite Decimal d at scale s (floor of |d| * 10**s, with d's sign)."""
    k = d._exp + s
    v = d._int * 10 ** k if k >= 0 else d._int // 10 ** (-k)
    return -v if d._sign else v


def _dexp(d, ctx):
    if d._int == 0:
        return _dec(0, 1, 0)._fix(ctx)
    lt = _math.log10(int(str(d._int)[:17]) / 10 ** (min(_ndigits(d._int), 17) - 1)) + d.adjusted()
    return _exp_correct(lambda s: _fixed_of(d, s), lt, not d._sign, ctx, True)


def _dln(d, ctx, base10):
    """ln(d) or log10(d), correctly rounded (half-even), for a finite d > 0."""
    c, e = d._int, d._exp
    while c % 10 == 0:
        c //= 10
        e += 1
    if c == 1 and (e == 0 or base10):
        # ln(1) = 0, log10(10**e) = e: exact.
        return _with_half_even(ctx, _dec(1 if e < 0 else 0, abs(e), 0))
    p = ctx.prec
    lt = _log10_abs_ln(d)
    w0 = p + 5 + max(0, -int(lt if lt is not None else 0))
    sign = [0]

    def approx(w):
        s = w + _GUARD
        v = _ln_fixed(c, e, s + 2)
        if base10:
            v = v * 10 ** (s + 2) // _ln10(s + 2)
        sign[0] = 1 if v < 0 else 0
        return abs(v) // 10 ** (_GUARD + 2), -w

    coeff, exp = _ziv(approx, p, w0)
    return _with_half_even(ctx, _dec(sign[0], coeff, exp))


def _root_exact(c, e, b):
    """(r, k) with (r * 10**k)**b == c * 10**e exactly, or None."""
    off = e % b
    c2, e2 = c * 10 ** off, e - off
    if c2.bit_length() < b:
        r = 1 if c2 == 1 else None
    else:
        r = round(c2 ** (1.0 / b)) if c2.bit_length() < 1000 else None
        if r is None:
            lo, hi = 1, 1 << (c2.bit_length() // b + 1)
            while lo < hi:
                mid = (lo + hi) // 2
                if mid ** b < c2:
                    lo = mid + 1
                else:
                    hi = mid
            r = lo
        for cand in (r - 1, r, r + 1):
            if cand > 0 and cand ** b == c2:
                r = cand
                break
        else:
            r = None
    return None if r is None else (r, e2 // b)


_EXACT_POW_DIGITS = 10000


def _dpow(x, y, ctx, sign=0):
    """|x| ** y (negated when sign) for finite nonzero x and y: y integral with a huge exact result, or
    non-integral (x > 0), correctly rounded in the context's rounding mode."""
    p = ctx.prec
    c, e = x._int, x._exp
    zeros = 0
    while c % 10 == 0:
        c //= 10
        e += 1
        zeros += 1
    yc, ye = y._int, y._exp
    while yc % 10 == 0 and ye < 0:
        yc //= 10
        ye += 1
    integral = ye >= 0
    if integral and c == 1:
        # A power of ten: exact, only its trailing zeros may need rounding away.
        n = yc * 10 ** ye * (-1 if y._sign else 1)
        if n > 0 and zeros * n + 1 > p:
            _raise(ctx, Rounded)
            return _dec(sign, 10 ** (p - 1), e * n - (p - 1))._fix(ctx)
        if n > 0:
            return _dec(sign, 10 ** (zeros * n), x._exp * n)._fix(ctx)
        return Decimal(1).__truediv__(_dec(0, 10 ** (zeros * -n), x._exp * -n), ctx).copy_sign(
            _dec(sign, 1, 0))
    if c == 1 and e == 0:
        # 1 ** y: libmpdec gives 1 padded to the precision, inexact.
        _raise(ctx, Inexact)
        _raise(ctx, Rounded)
        return _dec(0, 10 ** (p - 1), -(p - 1))._fix(ctx)
    # The exact value when it is a decimal of reasonable size.
    exact = None
    if not integral:
        g = _math.gcd(yc, 10 ** (-ye))
        a, b = yc // g, 10 ** (-ye) // g
        root = _root_exact(c, e, b)
        if root is not None:
            r, k = root
            if y._sign:
                a = -a
            if abs(a) * _ndigits(r) <= _EXACT_POW_DIGITS:
                if a >= 0:
                    exact = (r ** a, k * a)
                else:
                    q = r ** (-a)
                    twos = fives = 0
                    while q % 2 == 0:
                        q //= 2
                        twos += 1
                    while q % 5 == 0:
                        q //= 5
                        fives += 1
                    if q == 1:
                        z = max(twos, fives)
                        exact = (10 ** z // r ** (-a), -k * (-a) - z)
    lnx = _log10_abs_ln(x)
    ly = _math.log10(int(str(yc)[:17]) / 10 ** (min(_ndigits(yc), 17) - 1)) + y.adjusted()
    lt = None if lnx is None else lnx + ly
    positive = (x.adjusted() >= 0 and (c, e) != (1, 0)) != bool(y._sign)
    if exact is not None and (lt is None or lt <= _exp_limit_digits(ctx)):
        ec, ee = exact
        if ec == 0:
            return _dec(0, 0, ee)._fix(ctx)
        # Where libmpdec's own approximation error decides the rounding, pvm cannot match it.
        while ec % 10 == 0:
            ec //= 10
            ee += 1
        nd = _ndigits(ec)
        half = ctx.rounding in (ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN)
        if nd <= p:
            if not half:
                raise NotImplementedError(
                    "pvm's decimal cannot reproduce libmpdec's rounding of an exactly representable "
                    "non-integral power in rounding mode %s" % ctx.rounding)
            return _dec(sign, ec * 10 ** (p - nd + 2) + 1, ee - (p - nd + 2))._fix(ctx)
        tail = ec % 10 ** (nd - p)
        if half and tail * 2 == 10 ** (nd - p):
            raise NotImplementedError(
                "pvm's decimal cannot reproduce libmpdec's rounding of a non-integral power whose "
                "exact value is halfway between two results")
        return _dec(sign, ec, ee)._fix(ctx)

    def x_at(s):
        # y * ln(x) at scale s; ln(x) is computed finer when y's digits would amplify its error.
        ny = _ndigits(yc)
        k = s + max(0, ye + ny) + 2
        v = yc * _ln_fixed(c, e, k) // 10 ** (k - s - ye)
        return -v if y._sign else v

    return _exp_correct(x_at, lt, positive, ctx, False, sign)


def _pow_special(x, y, ctx):
    """x ** y when one of them is infinite (neither a NaN)."""
    if y._special:
        if x._sign and (x._special or x._int):
            return _invalid(ctx)
        if x._special:
            mag = 1
        elif x._int == 0:
            mag = -1
        else:
            c, e = x._int, x._exp
            while c % 10 == 0:
                c //= 10
                e += 1
            mag = 0 if (c, e) == (1, 0) else (1 if x.adjusted() >= 0 else -1)
        if mag == 0:
            p = ctx.prec
            _raise(ctx, Inexact)
            _raise(ctx, Rounded)
            return _dec(0, 10 ** (p - 1), -(p - 1))._fix(ctx)
        return _dec(0, 0, "F", "F") if (mag > 0) != bool(y._sign) else _dec(0, 0, 0)
    if y._int == 0:
        return _dec(0, 1, 0)
    integral = y._exp >= 0 or y._int % 10 ** (-y._exp) == 0
    if x._sign and not integral:
        return _invalid(ctx)
    sign = x._sign if int(y) & 1 else 0
    return _dec(sign, 0, 0) if y._sign else _dec(sign, 0, "F", "F")


def _convert(other, raise_=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raise_:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


def _convert_cmp(self, other, equality):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if isinstance(other, float):
        ctx = getcontext()
        ctx.flags[FloatOperation] = True
        if not equality and ctx.traps[FloatOperation]:
            raise FloatOperation([FloatOperation])
        return _from_float(Decimal, other)
    try:
        from fractions import Fraction
    except ImportError:
        return NotImplemented
    if isinstance(other, Fraction) and not self._special:
        # Compare exactly: scale the decimal to the fraction's denominator.
        n, d = self.as_integer_ratio()
        a, b = n * other.denominator, other.numerator * d
        return Decimal((a > b) - (a < b))._as_cmp_token()
    return NotImplemented


def _nan_result(ctx, a, b):
    """The NaN result of an operation with a NaN operand (signaling NaNs signal), else None."""
    if a._special == "N" or b._special == "N":
        _raise(ctx, InvalidOperation)
        src = a if a._special == "N" else b
        return _dec(src._sign, src._int, "n", "n")
    if a._special == "n":
        return a
    if b._special == "n":
        return b
    return None


def _invalid(ctx, condition=InvalidOperation):
    _raise(ctx, condition, InvalidOperation)
    return _dec(0, 0, "n", "n")


def _overflow(ctx, sign):
    _raise(ctx, Inexact)
    _raise(ctx, Rounded)
    r = ctx.rounding
    if (r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (r == ROUND_CEILING and sign == 0) or (r == ROUND_FLOOR and sign == 1)):
        ans = _dec(sign, 0, "F", "F")
    else:
        ans = _dec(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)
    _raise(ctx, Overflow)
    return ans


def _raise(ctx, condition, signal=None):
    """Record `signal` (the condition's signal) in the context's flags; raise it if trapped."""
    signal = condition if signal is None else signal
    ctx.flags[signal] = True
    if ctx.traps[signal]:
        raise signal([condition])


# ---- format() ----

def _format(d, spec):
    import re
    m = re.fullmatch(r"(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([eEfFgGn%])?", spec)
    if m is None:
        raise ValueError("Invalid format specifier")
    fill, align, sign, _z, _alt, zero, width, thousands, prec, typ = m.groups()
    if zero and not fill and not align:
        fill, align = "0", "="
    fill = fill or " "
    align = align or ">"
    sign = sign or "-"
    prec = None if prec is None else int(prec)
    ctx = getcontext()
    if d._special:
        body = _to_sci(d.copy_abs(), 1)
        if typ == "%":
            body += "%"
    else:
        if typ is None and prec is not None:
            typ = "g" if ctx.capitals == 0 else "G"
        if typ == "%":
            d = _dec(d._sign, d._int, d._exp + 2)
        rounding = ctx.rounding
        if typ in ("f", "F", "%"):
            if prec is not None:
                d = d._rescale(-prec, rounding)
            body = _plain(d)
        elif typ in ("e", "E"):
            if prec is not None:
                d = _round_sig(d, prec + 1, rounding)
            digits = str(d._int)
            if prec is None:
                prec = len(digits) - 1
            dexp = d._exp + len(digits) - 1 if d._int else d._exp
            mant = digits[0] + ("." + digits[1:].ljust(prec, "0") if prec > 0 else "")
            if d._int == 0:
                mant = "0" + ("." + "0" * prec if prec > 0 else "")
            body = mant + typ + "%+d" % dexp
        elif typ in ("g", "G", "n"):
            if prec == 0:
                prec = 1
            if prec is not None:
                d = _round_sig(d, prec, rounding)
            body = _to_sci(d.copy_abs(), 1 if typ == "G" else 0)
            if typ == "n" or typ == "g":
                body = body.replace("E", "e")
        else:
            body = _to_sci(d.copy_abs(), ctx.capitals)
        if typ == "%":
            body += "%"
        if thousands:
            intpart, dot, rest = body.partition(".")
            if not dot:
                k = len(intpart.rstrip("%"))
                rest = intpart[k:]
                intpart = intpart[:k]
            digits_only = intpart
            groups = []
            while len(digits_only) > 3:
                groups.insert(0, digits_only[-3:])
                digits_only = digits_only[:-3]
            groups.insert(0, digits_only)
            body = thousands.join(groups) + (dot + rest if dot else rest)
    signstr = "-" if d._sign else ("+" if sign == "+" else (" " if sign == " " else ""))
    width = int(width) if width else 0
    pad = width - len(signstr) - len(body)
    if pad <= 0:
        return signstr + body
    if align == "<":
        return signstr + body + fill * pad
    if align == ">":
        return fill * pad + signstr + body
    if align == "=":
        return signstr + fill * pad + body
    left = pad // 2
    return fill * left + signstr + body + fill * (pad - left)


def _plain(d):
    digits = str(d._int)
    if d._exp >= 0:
        return digits + "0" * d._exp if d._int else "0"
    k = -d._exp
    digits = digits.rjust(k + 1, "0")
    return digits[:-k] + "." + digits[-k:]


def _round_sig(d, n, rounding):
    nd = _ndigits(d._int)
    if d._int == 0 or nd <= n:
        return d
    c, _ = _drop_digits(d._sign, d._int, nd - n, rounding)
    e = d._exp + nd - n
    if _ndigits(c) > n:
        c //= 10
        e += 1
    return _dec(d._sign, c, e)


# ---- contexts ----

class _SignalDict(dict):
    def __repr__(self):
        return "{" + ", ".join("<class 'decimal.%s'>:%s" % (k.__name__, v) for k, v in self.items()) + "}"


class Context(object):
    """The environment of arithmetic operations: precision, rounding, exponent limits, flags, traps."""

    __pvm_tp_name__ = "decimal.Context"

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None,
                 flags=None, traps=None, _ignored_flags=None):
        dc = DefaultContext if "DefaultContext" in globals() else None
        self.prec = prec if prec is not None else (dc.prec if dc else 28)
        self.rounding = rounding if rounding is not None else (dc.rounding if dc else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (dc.Emin if dc else -999999)
        self.Emax = Emax if Emax is not None else (dc.Emax if dc else 999999)
        self.capitals = capitals if capitals is not None else (dc.capitals if dc else 1)
        self.clamp = clamp if clamp is not None else (dc.clamp if dc else 0)
        self.flags = _signal_dict(flags, [])
        if traps is None:
            traps = [s for s in _SIGNALS if dc.traps[s]] if dc else [InvalidOperation, DivisionByZero,
                                                                       Overflow]
        self.traps = _signal_dict(traps, [])

    def __setattr__(self, name, value):
        if name == "prec":
            _check_int(name, value, 1, MAX_PREC)
        elif name == "Emin":
            _check_int(name, value, MIN_EMIN, 0)
        elif name == "Emax":
            _check_int(name, value, 0, MAX_EMAX)
        elif name in ("capitals", "clamp"):
            _check_int(name, value, 0, 1)
        elif name == "rounding":
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, "
                                "ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, "
                                "ROUND_HALF_EVEN,\n   ROUND_05UP]")
        elif name in ("flags", "traps"):
            value = _signal_dict(value, [])
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = ", ".join(s.__name__ for s in _REPR_ORDER if self.flags[s])
        traps = ", ".join(s.__name__ for s in _REPR_ORDER if self.traps[s])
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, flags=[%s], "
                "traps=[%s])" % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                                 self.clamp, flags, traps))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                       dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for s in self.flags:
            self.flags[s] = False

    def clear_traps(self):
        for s in self.traps:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def create_decimal(self, num="0"):
        if isinstance(num, str) and (num != num.strip() or "_" in num):
            return _invalid(self, ConversionSyntax)
        d = Decimal(num, context=self)
        if d.is_nan() and d._int and _ndigits(d._int) > self.prec - self.clamp:
            return _invalid(self, ConversionSyntax)
        return d._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, True).__add__(_convert(b, True), self)

    def subtract(self, a, b):
        return _convert(a, True).__sub__(_convert(b, True), self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(_convert(b, True), self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(_convert(b, True), self)

    def divide_int(self, a, b):
        return _convert(a, True).__floordiv__(_convert(b, True), self)

    def remainder(self, a, b):
        return _convert(a, True).__mod__(_convert(b, True), self)

    def divmod(self, a, b):
        return _convert(a, True).__divmod__(_convert(b, True), self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(_convert(b, True), modulo, self)

    def minus(self, a):
        return _convert(a, True).__neg__(self)

    def plus(self, a):
        return _convert(a, True).__pos__(self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(self)

    def exp(self, a):
        return _convert(a, True).exp(self)

    def ln(self, a):
        return _convert(a, True).ln(self)

    def log10(self, a):
        return _convert(a, True).log10(self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def compare(self, a, b):
        return _convert(a, True).compare(b, self)

    def max(self, a, b):
        return _convert(a, True).max(b, self)

    def min(self, a, b):
        return _convert(a, True).min(b, self)

    def normalize(self, a):
        return _convert(a, True).normalize(self)

    def to_integral_value(self, a):
        return _convert(a, True).to_integral_value(context=self)

    def to_sci_string(self, a):
        return _to_sci(_convert(a, True), self.capitals)

    def to_eng_string(self, a):
        return _convert(a, True).to_eng_string(self)

    def is_zero(self, a):
        return _convert(a, True).is_zero()

    def radix(self):
        return Decimal(10)


def _check_int(name, value, lo, hi):
    if not isinstance(value, int):
        raise TypeError("%s must be an integer" % name if name not in ("capitals", "clamp")
                        else "%s must be an integer" % name)
    if not lo <= value <= hi:
        if name == "prec":
            raise ValueError("valid range for prec is [1, MAX_PREC]")
        if name == "Emin":
            raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        if name == "Emax":
            raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        raise ValueError("valid values for %s are 0 or [1]" % name if False
                         else "valid values for %s are [0, 1]" % name)


def _signal_dict(value, default):
    d = _SignalDict((s, False) for s in _SIGNALS)
    if value is None:
        return d
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in d:
                raise KeyError("valid values for signals are:\n  [InvalidOperation, FloatOperation, "
                               "DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                               "   Clamped]")
            d[k] = bool(v)
        return d
    for s in value:
        d[s] = True
    return d


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999, capitals=1,
                         clamp=0, traps=[InvalidOperation, DivisionByZero, Overflow])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero,
                                                                Overflow, Underflow, Clamped])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = None


def getcontext():
    """The current context (a copy of DefaultContext when first asked)."""
    global _current
    if _current is None:
        _current = DefaultContext.copy()
    return _current


def setcontext(context):
    global _current
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager running its body with a copy of ctx (default: the current context), with
    the attributes given as keywords set."""
    if ctx is None:
        ctx = getcontext()
    ctx = ctx.copy()
    for k, v in kwargs.items():
        if k not in ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"):
            raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        setattr(ctx, k, v)
    return _ContextManager(ctx)


import numbers as _numbers
_numbers.Number.register(Decimal)
