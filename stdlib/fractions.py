"""Rational numbers (CPython 3.11's fractions).

weft notes: string literals are parsed by hand with the grammar of CPython
3.11's regular expression (its quirks included: no spaces around '/', and a
fractional part of letters 'd' is passed to int()). Rational and Real operands
are recognised by type (int, bool, Fraction, float, Decimal) and, when a
`numbers` module is importable, by its ABCs as well.
"""

import math as _math
import sys as _sys

__all__ = ['Fraction']

try:
    import numbers as _numbers
except ImportError:
    _numbers = None

# sys.hash_info.modulus and .inf on 64-bit CPython.
_PyHASH_MODULUS = (1 << 61) - 1
_PyHASH_INF = 314159


def _is_rational(x):
    if isinstance(x, (int, Fraction)):
        return True
    return _numbers is not None and isinstance(x, _numbers.Rational)


def _is_real(x):
    if isinstance(x, float):
        return True
    return _numbers is not None and isinstance(x, _numbers.Real)


def _decimal_type():
    mod = _sys.modules.get('decimal')
    return None if mod is None else getattr(mod, 'Decimal', None)


def _digit_run(s, i, n):
    """Digits with single underscores between them, from i: (text, end)."""
    start = i
    while i < n and s[i].isdecimal():
        i += 1
    if i == start:
        return '', start
    while i + 1 < n and s[i] == '_' and s[i + 1].isdecimal():
        i += 1
        while i < n and s[i].isdecimal():
            i += 1
    return s[start:i], i


def _only_space(s, i, n):
    while i < n and s[i].isspace():
        i += 1
    return i == n


def _parse(s):
    """(numerator, denominator) of a Fraction literal, or None."""
    n = len(s)
    i = 0
    while i < n and s[i].isspace():
        i += 1
    negative = False
    if i < n and (s[i] == '+' or s[i] == '-'):
        negative = s[i] == '-'
        i += 1
    if not (i < n and (s[i].isdecimal() or
                       (s[i] == '.' and i + 1 < n and s[i + 1].isdecimal()))):
        return None
    num, i = _digit_run(s, i, n)
    numerator = int(num or '0')
    denominator = 1
    if i < n and s[i] == '/':
        den, i = _digit_run(s, i + 1, n)
        if not den:
            return None
        if not _only_space(s, i, n):
            return None
        denominator = int(den)
    else:
        decimal = ''
        if i < n and s[i] == '.':
            i += 1
            if i < n and (s[i] == 'd' or s[i] == 'D'):
                j = i
                while j < n and (s[j] == 'd' or s[j] == 'D'):
                    j += 1
                decimal = s[i:j]
                i = j
            else:
                decimal, i = _digit_run(s, i, n)
        exp = None
        if i < n and (s[i] == 'e' or s[i] == 'E'):
            j = i + 1
            if j < n and (s[j] == '+' or s[j] == '-'):
                j += 1
            digits, k = _digit_run(s, j, n)
            if not digits:
                return None
            exp = s[i + 1:k]
            i = k
        if not _only_space(s, i, n):
            return None
        if decimal:
            decimal = decimal.replace('_', '')
            scale = 10 ** len(decimal)
            numerator = numerator * scale + int(decimal)
            denominator *= scale
        if exp is not None:
            e = int(exp)
            if e >= 0:
                numerator *= 10 ** e
            else:
                denominator *= 10 ** -e
    if negative:
        numerator = -numerator
    return numerator, denominator


def _lt(a, b):
    return a < b


def _gt(a, b):
    return a > b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b


class Fraction:
    """This class implements rational numbers: Fraction(3, 4),
    Fraction('3/4'), Fraction('-.125'), Fraction(0.25), Fraction(other)."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            dec = _decimal_type()
            if isinstance(numerator, float) or \
                    (dec is not None and isinstance(numerator, dec)):
                self._numerator, self._denominator = \
                    numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' %
                                     numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string "
                                "or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly."""
        if isinstance(f, int) or (_numbers is not None and
                                  isinstance(f, _numbers.Integral)):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        from decimal import Decimal
        if isinstance(dec, int) or (_numbers is not None and
                                    isinstance(dec, _numbers.Integral)):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        """The pair of integers whose ratio is this fraction, with a positive
        denominator."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self with denominator at most
        max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction expansion: p0/q0 and p1/q1 are the
        # last two convergents whose denominators fit.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        # The best semiconvergent below the bound, against the convergent.
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    @property
    def real(a):
        return +a

    @property
    def imag(a):
        return 0

    def conjugate(a):
        return +a

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec):
        if format_spec:
            raise TypeError('unsupported format string passed to '
                            'Fraction.__format__')
        return str(self)

    # Arithmetic: each operation has a Fraction-only core; the forward
    # method accepts int/Fraction, float and complex, the reverse one any
    # Rational, Real or complex left operand.

    def _add(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b.numerator, b.denominator
        g = _math.gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = _math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _sub(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b.numerator, b.denominator
        g = _math.gcd(da, db)
        if g == 1:
            return Fraction(na * db - da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = _math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    def _mul(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b.numerator, b.denominator
        g1 = _math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = _math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    def _div(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b.numerator, b.denominator
        g1 = _math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = _math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    def _floordiv(a, b):
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    def _divmod(a, b):
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    def _forward(a, b, op, fallback):
        if isinstance(b, (int, Fraction)):
            return op(a, b)
        if isinstance(b, float):
            return fallback(float(a), b)
        if isinstance(b, complex):
            return fallback(complex(a), b)
        return NotImplemented

    def _reverse(b, a, op, fallback):
        if _is_rational(a):
            return op(Fraction(a), b)
        if _is_real(a):
            return fallback(float(a), float(b))
        if isinstance(a, complex) or (_numbers is not None and
                                      isinstance(a, _numbers.Complex)):
            return fallback(complex(a), complex(b))
        return NotImplemented

    def __add__(a, b):
        return a._forward(b, Fraction._add, lambda x, y: x + y)

    def __radd__(b, a):
        return b._reverse(a, Fraction._add, lambda x, y: x + y)

    def __sub__(a, b):
        return a._forward(b, Fraction._sub, lambda x, y: x - y)

    def __rsub__(b, a):
        return b._reverse(a, Fraction._sub, lambda x, y: x - y)

    def __mul__(a, b):
        return a._forward(b, Fraction._mul, lambda x, y: x * y)

    def __rmul__(b, a):
        return b._reverse(a, Fraction._mul, lambda x, y: x * y)

    def __truediv__(a, b):
        return a._forward(b, Fraction._div, lambda x, y: x / y)

    def __rtruediv__(b, a):
        return b._reverse(a, Fraction._div, lambda x, y: x / y)

    def __floordiv__(a, b):
        return a._forward(b, Fraction._floordiv, lambda x, y: x // y)

    def __rfloordiv__(b, a):
        return b._reverse(a, Fraction._floordiv, lambda x, y: x // y)

    def __divmod__(a, b):
        return a._forward(b, Fraction._divmod, divmod)

    def __rdivmod__(b, a):
        return b._reverse(a, Fraction._divmod, divmod)

    def __mod__(a, b):
        return a._forward(b, Fraction._mod, lambda x, y: x % y)

    def __rmod__(b, a):
        return b._reverse(a, Fraction._mod, lambda x, y: x % y)

    def __pow__(a, b):
        """a ** b: a Fraction when b is an integer, else a float (or
        complex)."""
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power,
                                    a._denominator ** power,
                                    _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power,
                                    a._numerator ** -power,
                                    _normalize=False)
                return Fraction((-a._denominator) ** -power,
                                (-a._numerator) ** -power,
                                _normalize=False)
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self) rounds half to even; round(self, ndigits) returns a
        Fraction."""
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

    def __hash__(self):
        # CPython's numeric hash: numerator times the inverse of the
        # denominator modulo 2**61 - 1 (inf when it has no inverse).
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
        if _is_rational(b):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if _is_rational(other):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
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
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


if _numbers is not None and hasattr(_numbers.Rational, 'register'):
    _numbers.Rational.register(Fraction)
