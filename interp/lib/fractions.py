"""Rational numbers (CPython 3.11's `fractions`, written for pvm).

A Fraction keeps its numerator and denominator in lowest terms with a positive denominator, so every
result is the same as CPython's. The arithmetic methods test for the common operand types first
(Fraction, then int) and build results without re-normalising when the operands' structure already
guarantees lowest terms (the gcd shortcuts CPython uses too).
"""

import math
import sys

__all__ = ["Fraction"]

_PyHASH_MODULUS = sys.hash_info.modulus
_PyHASH_INF = sys.hash_info.inf

_gcd = math.gcd


def _new(cls, n, d):
    """A Fraction n/d already in lowest terms with d > 0."""
    obj = object.__new__(cls)
    obj._numerator = n
    obj._denominator = d
    return obj


def _is_digits(s):
    """Decimal digits with single underscores between them (what int() accepts)."""
    if not s or not s[0].isdigit() or not s[-1].isdigit() or "__" in s:
        return False
    for c in s:
        if c != "_" and not c.isdigit():
            return False
    return True


def _parse(text):
    """(numerator, denominator) of a string such as '3/4', '-1.25e3', ' 7 '; None if invalid."""
    s = text.strip()
    sign = 1
    if s[:1] in ("+", "-"):
        if s[0] == "-":
            sign = -1
        s = s[1:]
    if "/" in s:
        num, _, den = s.partition("/")
        if not _is_digits(num) or not _is_digits(den):
            return None
        return sign * int(num), int(den)
    exp = 0
    for marker in ("e", "E"):
        if marker in s:
            s, _, e = s.partition(marker)
            if e[:1] in ("+", "-"):
                e_sign = -1 if e[0] == "-" else 1
                e = e[1:]
            else:
                e_sign = 1
            if not _is_digits(e):
                return None
            exp = e_sign * int(e)
            break
    intpart, dot, frac = s.partition(".")
    if intpart and not _is_digits(intpart):
        return None
    if dot and frac and not _is_digits(frac):
        return None
    if not intpart and not frac:
        return None
    frac = frac.replace("_", "")
    numerator = int(intpart or "0") * 10 ** len(frac) + int(frac or "0")
    denominator = 10 ** len(frac)
    if exp >= 0:
        numerator *= 10 ** exp
    else:
        denominator *= 10 ** -exp
    return sign * numerator, denominator


class Fraction:
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction(0.75), Fraction(other_fraction)."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            t = type(numerator)
            if t is int:
                return _new(cls, numerator, 1)
            if isinstance(numerator, Fraction):
                return _new(cls, numerator._numerator, numerator._denominator)
            if isinstance(numerator, int):
                return _new(cls, int(numerator), 1)
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                return _new(cls, n, d)
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            elif hasattr(numerator, "as_integer_ratio") and type(numerator).__name__ == "Decimal":
                n, d = numerator.as_integer_ratio()
                return _new(cls, n, d)
            elif hasattr(numerator, "numerator") and hasattr(numerator, "denominator") and not isinstance(
                numerator, (float, complex)
            ):
                numerator, denominator = numerator.numerator, numerator.denominator
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                n1, d1 = (numerator._numerator, numerator._denominator) if isinstance(numerator, Fraction) else (int(numerator), 1)
                n2, d2 = (denominator._numerator, denominator._denominator) if isinstance(denominator, Fraction) else (int(denominator), 1)
                numerator, denominator = n1 * d2, d1 * n2
            else:
                numerator, denominator = int(numerator), int(denominator)
        else:
            raise TypeError("both arguments should be Rational instances")

        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = _gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            if g != 1:
                numerator //= g
                denominator //= g
        return _new(cls, numerator, denominator)

    @classmethod
    def from_float(cls, f):
        """The exact value of float f (or an int)."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(
                "%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__)
            )
        return _new(cls, *f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal (or an int)."""
        if isinstance(dec, int):
            return cls(dec)
        if type(dec).__name__ != "Decimal":
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)"
                % (cls.__name__, dec, type(dec).__name__)
            )
        return _new(cls, *dec.as_integer_ratio())

    def as_integer_ratio(self):
        """(numerator, denominator), in lowest terms with a positive denominator."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued-fraction convergents until the next one's denominator is too big; the
        # answer is the last convergent or the best semiconvergent bounding the value on the other side.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return _new(Fraction, p1, q1)
        return _new(Fraction, p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # ---- arithmetic ---------------------------------------------------------------------------------

    def __add__(a, b):
        if isinstance(b, Fraction):
            na, da = a._numerator, a._denominator
            nb, db = b._numerator, b._denominator
            g = _gcd(da, db)
            if g == 1:
                return _new(Fraction, na * db + da * nb, da * db)
            s = da // g
            t = na * (db // g) + nb * s
            g2 = _gcd(t, g)
            if g2 == 1:
                return _new(Fraction, t, s * db)
            return _new(Fraction, t // g2, s * (db // g2))
        if isinstance(b, int):
            return _new(Fraction, a._numerator + b * a._denominator, a._denominator)
        if isinstance(b, float):
            return float(a) + b
        if isinstance(b, complex):
            return complex(a) + b
        return NotImplemented

    def __radd__(b, a):
        if isinstance(a, int):
            return _new(Fraction, a * b._denominator + b._numerator, b._denominator)
        if isinstance(a, float):
            return a + float(b)
        if isinstance(a, complex):
            return a + complex(b)
        return NotImplemented

    def __sub__(a, b):
        if isinstance(b, Fraction):
            na, da = a._numerator, a._denominator
            nb, db = b._numerator, b._denominator
            g = _gcd(da, db)
            if g == 1:
                return _new(Fraction, na * db - da * nb, da * db)
            s = da // g
            t = na * (db // g) - nb * s
            g2 = _gcd(t, g)
            if g2 == 1:
                return _new(Fraction, t, s * db)
            return _new(Fraction, t // g2, s * (db // g2))
        if isinstance(b, int):
            return _new(Fraction, a._numerator - b * a._denominator, a._denominator)
        if isinstance(b, float):
            return float(a) - b
        if isinstance(b, complex):
            return complex(a) - b
        return NotImplemented

    def __rsub__(b, a):
        if isinstance(a, int):
            return _new(Fraction, a * b._denominator - b._numerator, b._denominator)
        if isinstance(a, float):
            return a - float(b)
        if isinstance(a, complex):
            return a - complex(b)
        return NotImplemented

    def __mul__(a, b):
        if isinstance(b, Fraction):
            na, da = a._numerator, a._denominator
            nb, db = b._numerator, b._denominator
            g1 = _gcd(na, db)
            if g1 > 1:
                na //= g1
                db //= g1
            g2 = _gcd(nb, da)
            if g2 > 1:
                nb //= g2
                da //= g2
            return _new(Fraction, na * nb, db * da)
        if isinstance(b, int):
            d = a._denominator
            g = _gcd(b, d)
            if g > 1:
                return _new(Fraction, a._numerator * (b // g), d // g)
            return _new(Fraction, a._numerator * b, d)
        if isinstance(b, float):
            return float(a) * b
        if isinstance(b, complex):
            return complex(a) * b
        return NotImplemented

    def __rmul__(b, a):
        if isinstance(a, int):
            return b.__mul__(a)
        if isinstance(a, float):
            return a * float(b)
        if isinstance(a, complex):
            return a * complex(b)
        return NotImplemented

    def _div(a, nb, db):
        na, da = a._numerator, a._denominator
        g1 = _gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = _gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        return _new(Fraction, n, d)

    def __truediv__(a, b):
        if isinstance(b, Fraction):
            return a._div(b._numerator, b._denominator)
        if isinstance(b, int):
            return a._div(int(b), 1)
        if isinstance(b, float):
            return float(a) / b
        if isinstance(b, complex):
            return complex(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        if isinstance(a, int):
            return _new(Fraction, int(a), 1)._div(b._numerator, b._denominator)
        if isinstance(a, float):
            return a / float(b)
        if isinstance(a, complex):
            return a / complex(b)
        return NotImplemented

    def _as_pair(self, other):
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def __floordiv__(a, b):
        p = a._as_pair(b)
        if p is not None:
            return (a._numerator * p[1]) // (a._denominator * p[0])
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        p = b._as_pair(a)
        if p is not None:
            return (p[0] * b._denominator) // (p[1] * b._numerator)
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __divmod__(a, b):
        p = a._as_pair(b)
        if p is not None:
            da, db = a._denominator, p[1]
            div, n_mod = divmod(a._numerator * db, da * p[0])
            return div, Fraction(n_mod, da * db)
        if isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        p = b._as_pair(a)
        if p is not None:
            return Fraction(p[0], p[1]).__divmod__(b)
        if isinstance(a, float):
            return divmod(a, float(b))
        return NotImplemented

    def __mod__(a, b):
        p = a._as_pair(b)
        if p is not None:
            da, db = a._denominator, p[1]
            return Fraction((a._numerator * db) % (p[0] * da), da * db)
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        p = b._as_pair(a)
        if p is not None:
            return Fraction(p[0], p[1]).__mod__(b)
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __pow__(a, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = b if isinstance(b, int) else b._numerator
            if power >= 0:
                return _new(Fraction, a._numerator ** power, a._denominator ** power)
            if a._numerator > 0:
                return _new(Fraction, a._denominator ** -power, a._numerator ** -power)
            if a._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (a._denominator ** -power))
            return _new(Fraction, (-a._denominator) ** -power, (-a._numerator) ** -power)
        if isinstance(b, (float, Fraction)):
            return float(a) ** float(b)
        if isinstance(b, complex):
            return complex(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, Fraction):
            return a ** b
        if isinstance(a, int):
            return Fraction(a) ** b
        return a ** float(b)

    def __pos__(a):
        return _new(Fraction, a._numerator, a._denominator)

    def __neg__(a):
        return _new(Fraction, -a._numerator, a._denominator)

    def __abs__(a):
        return _new(Fraction, abs(a._numerator), a._denominator)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """Round half to even, to an int (no ndigits) or a Fraction with ndigits decimals."""
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            if floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(float(a))

    # ---- comparisons and hashing ----------------------------------------------------------------------

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, Fraction):
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, int):
            return op(self._numerator, self._denominator * other)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return self._richcmp(self.from_float(other), op)
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        return a._richcmp(b, _gt)

    def __le__(a, b):
        return a._richcmp(b, _le)

    def __ge__(a, b):
        return a._richcmp(b, _ge)

    def __bool__(a):
        return a._numerator != 0

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _lt(x, y):
    return x < y


def _gt(x, y):
    return x > y


def _le(x, y):
    return x <= y


def _ge(x, y):
    return x >= y


def _register():
    numbers = sys.modules.get("numbers")
    if numbers is None:
        try:
            import numbers
        except ImportError:
            return
    numbers.Rational.register(Fraction)


_register()
del _register
