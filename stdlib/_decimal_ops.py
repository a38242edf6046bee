# The Decimal class of weft's decimal module (stdlib/decimal.py holds the
# signals, Context and the rounding core _fin, and imports this module at
# its end).

import math as _math
import sys as _sys
import _decimal_num as _n
from decimal import (
    getcontext, DecimalTuple, _new, _fin, _nan_result, _invalid, _done, _ctx,
    _convert_other, _convert_strict, _parse, _from_float, _EXP_CODE,
    InvalidOperation, ConversionSyntax, DivisionByZero, DivisionImpossible,
    DivisionUndefined, Inexact, Rounded, Subnormal, Underflow, Clamped,
    FloatOperation, ROUND_HALF_EVEN, ROUND_FLOOR, ROUND_CEILING, ROUND_DOWN,
)

_P = _sys.hash_info.modulus
_HASH_10INV = pow(10, _P - 2, _P)


def _adjusted(x):
    return x._exp + _n.ndigits(x._int) - 1


def _cmp_abs_finite(a, b):
    # Compare |a| and |b| (finite, nonzero): -1, 0, 1.
    aa = _adjusted(a)
    ab = _adjusted(b)
    if aa != ab:
        return 1 if aa > ab else -1
    e = min(a._exp, b._exp)
    x = a._int * 10 ** (a._exp - e)
    y = b._int * 10 ** (b._exp - e)
    return 0 if x == y else (1 if x > y else -1)


def _cmp(a, b):
    # Numeric comparison of two non-NaN Decimals: -1, 0 or 1.
    if a._special or b._special:
        av = 0 if not a._special else (1 if a._sign == 0 else -1)
        bv = 0 if not b._special else (1 if b._sign == 0 else -1)
        if a._special and b._special:
            return (av > bv) - (av < bv)
        if a._special:
            return av
        return -bv
    if not a._int:
        if not b._int:
            return 0
        return 1 if b._sign else -1
    if not b._int:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    r = _cmp_abs_finite(a, b)
    return -r if a._sign else r


def _rescale(x, e, rounding):
    # x (finite) with exponent e, rounded: (coefficient, inexact).
    if e >= x._exp:
        return _n.shift_round(rounding, x._sign, x._int, e - x._exp)
    return x._int * 10 ** (x._exp - e), False


def _compare_other(self, other, eq):
    # other as a Decimal for a comparison, or NotImplemented. Floats compare
    # exactly and set FloatOperation (trapped only for ordering).
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _new(1 if other < 0 else 0, abs(other), 0)
    if isinstance(other, float):
        ctx = getcontext()
        if eq:
            ctx.flags[FloatOperation] = True
        else:
            ctx._raise([FloatOperation])
        return _from_float(other, None)
    if isinstance(other, complex) and eq and other.imag == 0:
        return _compare_other(self, other.real, eq)
    if hasattr(other, 'numerator') and hasattr(other, 'denominator') \
            and not isinstance(other, complex):
        return other
    return NotImplemented


def _rational_cmp(d, q):
    # Compare a finite Decimal with a Rational.
    n, den = d._int * (-1 if d._sign else 1), 1
    if d._exp >= 0:
        n *= 10 ** d._exp
    else:
        den = 10 ** (-d._exp)
    x = n * q.denominator
    y = q.numerator * den
    return (x > y) - (x < y)


class Decimal:
    """Construct a new Decimal object. 'value' can be an integer, string, tuple,
    or another Decimal object. If no value is given, return Decimal('0'). The
    context does not affect the conversion and is only passed to determine if
    the InvalidOperation trap is active.
    """

    __module__ = 'decimal'
    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        if isinstance(value, str):
            p = _parse(value)
            if p is None:
                _ctx(context)._raise([ConversionSyntax])
                return _new(0, 0, 'n', 2, cls)
            return _new(p[0], p[1], p[2], p[3], cls)
        if isinstance(value, int):
            return _new(1 if value < 0 else 0, abs(value), 0, 0, cls)
        if isinstance(value, Decimal):
            if type(value) is cls:
                return value
            return _new(value._sign, value._int, value._exp, value._special, cls)
        if isinstance(value, float):
            _ctx(context)._raise([FloatOperation])
            return _from_float(value, cls)
        if isinstance(value, (tuple, list)):
            return _from_tuple(value, cls)
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """Class method that converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('argument must be int or float')
        return _from_float(f, cls)

    # --- predicates and parts ---------------------------------------------

    def adjusted(self):
        """Return the adjusted exponent of the number."""
        if self._special:
            return 0
        return _adjusted(self)

    def as_tuple(self):
        """Return a tuple representation of the number."""
        if self._special == 1:
            digits = (0,)
        elif self._special:
            digits = tuple(int(d) for d in str(self._int)) if self._int else ()
        else:
            digits = tuple(int(d) for d in str(self._int))
        return DecimalTuple(self._sign, digits, _EXP_CODE[self._special] or self._exp)

    def as_integer_ratio(self):
        """Return a pair of integers, whose ratio is exactly equal to the original
        Decimal and with a positive denominator."""
        if self._special == 1:
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._special:
            raise ValueError('cannot convert NaN to integer ratio')
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** (-self._exp)
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    def canonical(self):
        return self

    def is_canonical(self):
        return True

    def is_finite(self):
        return not self._special

    def is_infinite(self):
        return self._special == 1

    def is_nan(self):
        return self._special >= 2

    def is_qnan(self):
        return self._special == 2

    def is_snan(self):
        return self._special == 3

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._special and not self._int

    def is_normal(self, context=None):
        if self._special or not self._int:
            return False
        return _adjusted(self) >= _ctx(context).Emin

    def is_subnormal(self, context=None):
        if self._special or not self._int:
            return False
        return _adjusted(self) < _ctx(context).Emin

    def number_class(self, context=None):
        if self._special == 3:
            return 'sNaN'
        if self._special == 2:
            return 'NaN'
        s = '-' if self._sign else '+'
        if self._special == 1:
            return s + 'Infinity'
        if not self._int:
            return s + 'Zero'
        if self.is_subnormal(context):
            return s + 'Subnormal'
        return s + 'Normal'

    def radix(self):
        return Decimal(10)

    def copy_abs(self):
        return _new(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _new(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert_strict(other)
        return _new(other._sign, self._int, self._exp, self._special)

    def same_quantum(self, other, context=None):
        other = _convert_strict(other)
        if self._special or other._special:
            return (self._special >= 2 and other._special >= 2) or \
                (self._special == 1 and other._special == 1)
        return self._exp == other._exp

    # --- conversions -----------------------------------------------------------

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special:
            if self._special == 1:
                return sign + 'Infinity'
            name = 'sNaN' if self._special == 3 else 'NaN'
            return sign + name + (str(self._int) if self._int else '')
        cap = 'E' if _ctx(context).capitals else 'e'
        digits = str(self._int)
        e = self._exp
        nd = len(digits)
        adj = e + nd - 1
        if e <= 0 and adj >= -6:
            if e == 0:
                return sign + digits
            if nd > -e:
                return sign + digits[:nd + e] + '.' + digits[nd + e:]
            return sign + '0.' + '0' * (-e - nd) + digits
        if not eng:
            body = digits[0] + ('.' + digits[1:] if nd > 1 else '')
            return sign + body + cap + ('+' if adj >= 0 else '') + str(adj)
        if self._int:
            ee = adj - adj % 3
            left = adj - ee + 1
            if nd <= left:
                body = digits + '0' * (left - nd)
            else:
                body = digits[:left] + '.' + digits[left:]
        else:
            ee = -(-e // 3) * 3
            body = '0' + ('.' + '0' * (ee - e) if ee != e else '')
        if ee == 0:
            return sign + body
        return sign + body + cap + ('+' if ee >= 0 else '') + str(ee)

    def to_eng_string(self, context=None):
        """Convert to an engineering-type string."""
        return self.__str__(True, context)

    def __repr__(self):
        return "Decimal('%s')" % self

    def __format__(self, spec, _localeconv=None):
        if not isinstance(spec, str):
            raise TypeError('format() argument 2 must be str, not %s' % type(spec).__name__)
        ctx = getcontext()
        if not spec:
            return str(self)
        sp = _n.parse_spec(spec)
        ftype = sp['type']
        prec = sp['prec']
        if self._special:
            body = str(self.copy_abs())
            if ftype == '%':
                body += '%'
            return _special_layout(self._sign, body, sp)
        if ftype is None or ftype == 'n':
            ftype = 'G' if ctx.capitals else 'g'
            if sp['type'] == 'n':
                ftype = 'g'
        rounding = ctx.rounding
        sign = self._sign
        c = self._int
        e = self._exp
        if ftype == '%':
            e += 2
        if prec is not None:
            nd = _n.ndigits(c)
            if ftype in 'eE':
                drop = nd - (prec + 1)
                if drop > 0:
                    c, _ = _n.shift_round(rounding, sign, c, drop)
                    e += drop
                    if _n.ndigits(c) > prec + 1:
                        c //= 10
                        e += 1
                elif drop < 0 and c:
                    # The C library shows exactly prec digits after the point.
                    c *= 10 ** (-drop)
                    e += drop
            elif ftype in 'fF%':
                if e < -prec:
                    c, _ = _n.shift_round(rounding, sign, c, -prec - e)
                    e = -prec
                elif e > -prec:
                    c *= 10 ** (e + prec)
                    e = -prec
            elif ftype in 'gG':
                p = prec or 1
                if nd > p:
                    c, _ = _n.shift_round(rounding, sign, c, nd - p)
                    e += nd - p
                    if _n.ndigits(c) > p:
                        c //= 10
                        e += 1
        if not c and e > 0 and ftype in 'fF%':
            e = 0
        if not c and sp['no_neg_0']:
            sign = 0
        digits = str(c)
        left = e + len(digits)
        if ftype in 'eE':
            dot = 1 - prec if (not c and prec is not None) else 1
        elif ftype in 'fF%':
            dot = left
        else:
            dot = left if (e <= 0 and left > -6) else 1
        if dot < 0:
            intpart = '0'
            fracpart = '0' * (-dot) + digits
        elif dot > len(digits):
            intpart = digits + '0' * (dot - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dot] or '0'
            fracpart = digits[dot:]
        ex = left - dot
        tail = ''
        if ftype in 'eE' or (ex and ftype in 'gG'):
            ch = {'E': 'E', 'e': 'e', 'G': 'E', 'g': 'e'}[ftype]
            tail = '%s%+d' % (ch, ex)
        if ftype == '%':
            tail += '%'
        return _n.layout(sign, intpart, fracpart, tail, sp)

    def __int__(self):
        if self._special:
            if self._special == 1:
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** (-self._exp)
        return -v if self._sign else v

    __trunc__ = __int__

    def __float__(self):
        if self._special >= 2:
            if self._special == 3:
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan') if self._sign else float('nan')
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __bool__(self):
        return bool(self._special or self._int)

    def _to_int(self, rounding):
        if self._special:
            if self._special == 1:
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        c, _ = _rescale(self, 0, rounding)
        return -c if self._sign else c

    def __floor__(self):
        if self._special == 1:
            raise OverflowError('cannot convert Infinity to integer')
        if self._special:
            raise ValueError('cannot convert NaN to integer')
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        if self._special == 1:
            raise OverflowError('cannot convert Infinity to integer')
        if self._special:
            raise ValueError('cannot convert NaN to integer')
        return self._to_int(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._to_int(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_new(0, 1, -n))

    def __hash__(self):
        if self._special:
            if self._special == 3:
                raise TypeError('Cannot hash a signaling NaN value')
            if self._special == 2:
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            eh = pow(10, self._exp, _P)
        else:
            eh = pow(_HASH_10INV, -self._exp, _P)
        h = self._int * eh % _P
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (type(self), (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return type(self)(self)

    def __deepcopy__(self, memo):
        return self.__copy__()

    # --- comparisons -----------------------------------------------------------

    def _richcmp(self, other, op):
        o = _compare_other(self, other, op in ('==', '!='))
        if o is NotImplemented:
            return o
        if not isinstance(o, Decimal):
            if self._special >= 2:
                return op == '!='
            if self._special:
                r = 1 if self._sign == 0 else -1
            else:
                r = _rational_cmp(self, o)
        else:
            if self._special >= 2 or o._special >= 2:
                signal = self._special == 3 or o._special == 3 or op not in ('==', '!=')
                if signal:
                    getcontext()._raise([InvalidOperation])
                return op == '!='
            r = _cmp(self, o)
        if op == '==':
            return r == 0
        if op == '!=':
            return r != 0
        if op == '<':
            return r < 0
        if op == '<=':
            return r <= 0
        if op == '>':
            return r > 0
        return r >= 0

    def __eq__(self, other):
        return self._richcmp(other, '==')

    def __ne__(self, other):
        return self._richcmp(other, '!=')

    def __lt__(self, other):
        return self._richcmp(other, '<')

    def __le__(self, other):
        return self._richcmp(other, '<=')

    def __gt__(self, other):
        return self._richcmp(other, '>')

    def __ge__(self, other):
        return self._richcmp(other, '>=')

    def compare(self, other, context=None):
        """Compare self to other. Return a decimal value: -1, 0 or 1; NaN if
        either is a NaN."""
        other = _convert_strict(other)
        ctx = _ctx(context)
        conds = []
        r = _nan_result(self, other, ctx, conds)
        if r is not None:
            return _done(ctx, r, conds)
        return Decimal(_cmp(self, other))

    def compare_signal(self, other, context=None):
        other = _convert_strict(other)
        ctx = _ctx(context)
        if self._special >= 2 or other._special >= 2:
            conds = [InvalidOperation]
            return _done(ctx, _new(0, 0, 'n', 2), conds)
        return Decimal(_cmp(self, other))

    def compare_total(self, other, context=None):
        """Compare two operands using their abstract representation rather
        than their numerical value."""
        other = _convert_strict(other)
        if self._sign != other._sign:
            return Decimal(-1 if self._sign else 1)
        ra = _total_rank(self)
        rb = _total_rank(other)
        if ra != rb:
            r = (ra > rb) - (ra < rb)
        elif ra >= 2:
            r = (self._int > other._int) - (self._int < other._int)
        elif ra == 1:
            r = 0
        else:
            r = _cmp(self.copy_abs(), other.copy_abs())
            if r == 0:
                r = (self._exp > other._exp) - (self._exp < other._exp)
        return Decimal(-r if self._sign else r)

    def _minmax(self, other, context, want_max, mag):
        other = _convert_strict(other)
        ctx = _ctx(context)
        # One quiet NaN loses to a number; a signaling NaN is an error.
        if self._special >= 2 or other._special >= 2:
            if self._special == 3 or other._special == 3:
                conds = []
                return _done(ctx, _nan_result(self, other, ctx, conds), conds)
            if self._special >= 2 and other._special >= 2:
                return self
            num = other if self._special >= 2 else self
            conds = []
            return _done(ctx, _fin(ctx, num._sign, num._int, num._exp, conds)
                         if not num._special else num, conds)
        if mag:
            a = self.copy_abs()
            b = other.copy_abs()
            r = _cmp(a, b)
        else:
            r = _cmp(self, other)
        if r == 0:
            # Equal values: by sign, then by exponent (max takes the larger).
            r = _cmp_tiebreak(self, other)
        pick = self if (r > 0) == want_max else other
        if r == 0:
            pick = self
        if pick._special:
            return pick
        conds = []
        return _done(ctx, _fin(ctx, pick._sign, pick._int, pick._exp, conds), conds)

    def max(self, other, context=None):
        return self._minmax(other, context, True, False)

    def min(self, other, context=None):
        return self._minmax(other, context, False, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, False, True)

    # --- arithmetic --------------------------------------------------------------

    def _unary(self, context, sign):
        ctx = _ctx(context)
        conds = []
        r = _nan_result(self, None, ctx, conds)
        if r is not None:
            return _done(ctx, r, conds)
        if self._special:
            return _new(sign, 0, 'F', 1)
        return _done(ctx, _fin(ctx, sign, self._int, self._exp, conds), conds)

    def __pos__(self, context=None):
        s = self._sign
        if not self._special and not self._int:
            # plus(x) is 0 + x: a zero is positive unless rounding floors.
            s = 1 if (s and _ctx(context).rounding == ROUND_FLOOR) else 0
        return self._unary(context, s)

    def __neg__(self, context=None):
        s = 1 - self._sign
        if not self._special and not self._int:
            s = 1 if (s and _ctx(context).rounding == ROUND_FLOOR) else 0
        return self._unary(context, s)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return self._unary(context, 0)

    def __add__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _add(self, other, _ctx(context), 0)

    def __radd__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _add(other, self, _ctx(context), 0)

    def __sub__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _add(self, other, _ctx(context), 1)

    def __rsub__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _add(other, self, _ctx(context), 1)

    def __mul__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _mul(self, other, _ctx(context))

    def __rmul__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _mul(other, self, _ctx(context))

    def __truediv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _div(self, other, _ctx(context))

    def __rtruediv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _div(other, self, _ctx(context))

    def __floordiv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _divmod(self, other, _ctx(context), 'q')

    def __rfloordiv__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _divmod(other, self, _ctx(context), 'q')

    def __mod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _divmod(self, other, _ctx(context), 'r')

    def __rmod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _divmod(other, self, _ctx(context), 'r')

    def __divmod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _divmod(self, other, _ctx(context), 'qr')

    def __rdivmod__(self, other, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return _divmod(other, self, _ctx(context), 'qr')

    def remainder_near(self, other, context=None):
        other = _convert_strict(other)
        return _divmod(self, other, _ctx(context), 'near')

    def __pow__(self, other, modulo=None, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        from _decimal_fn import power
        if modulo is not None:
            modulo = _convert_other(modulo)
            if modulo is NotImplemented:
                return modulo
        return power(self, other, modulo, _ctx(context))

    def __rpow__(self, other, modulo=None, context=None):
        other = _convert_other(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, modulo, context)

    def fma(self, other, third, context=None):
        """Fused multiply-add: self*other+third with no rounding of the
        intermediate product."""
        other = _convert_strict(other)
        third = _convert_strict(third)
        ctx = _ctx(context)
        conds = []
        r = _nan_result(self, other, ctx, conds)
        if r is None and not (self._special or other._special):
            prod = _new(self._sign ^ other._sign, self._int * other._int,
                        self._exp + other._exp)
        else:
            if r is not None:
                return _done(ctx, r, conds)
            prod = _mul(self, other, ctx)
        return _add(prod, third, ctx, 0)

    def quantize(self, exp, rounding=None, context=None):
        """Quantize self so its exponent is the same as that of exp."""
        exp = _convert_strict(exp)
        ctx = _ctx(context)
        if rounding is None:
            rounding = ctx.rounding
        conds = []
        r = _nan_result(self, exp, ctx, conds)
        if r is not None:
            return _done(ctx, r, conds)
        if self._special or exp._special:
            if self._special and exp._special:
                return self
            return _done(ctx, _invalid(conds), conds)
        e = exp._exp
        if not ctx.Etiny() <= e <= ctx.Emax:
            return _done(ctx, _invalid(conds), conds)
        c, inexact = _rescale(self, e, rounding)
        if _n.ndigits(c) > ctx.prec or (c and e + _n.ndigits(c) - 1 > ctx.Emax):
            return _done(ctx, _invalid(conds), conds)
        if c and e + _n.ndigits(c) - 1 < ctx.Emin:
            conds.append(Subnormal)
            if inexact:
                conds.append(Underflow)
        if inexact:
            conds.append(Inexact)
        if e > self._exp and (inexact or self._int):
            conds.append(Rounded)
        return _done(ctx, _new(self._sign, c, e), conds)

    def _integral(self, rounding, context, exact):
        ctx = _ctx(context)
        conds = []
        r = _nan_result(self, None, ctx, conds)
        if r is not None:
            return _done(ctx, r, conds)
        if self._special or self._exp >= 0:
            return self
        if rounding is None:
            rounding = ctx.rounding
        c, inexact = _rescale(self, 0, rounding)
        if exact:
            if inexact:
                conds.append(Inexact)
            conds.append(Rounded)
        return _done(ctx, _new(self._sign, c, 0), conds)

    def to_integral_value(self, rounding=None, context=None):
        """Round to the nearest integer without signaling Inexact or Rounded."""
        return self._integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        """Round to an integer, signaling Inexact and Rounded as appropriate."""
        return self._integral(rounding, context, True)

    def normalize(self, context=None):
        """Normalize the number by stripping trailing zeros."""
        ctx = _ctx(context)
        conds = []
        r = _nan_result(self, None, ctx, conds)
        if r is not None:
            return _done(ctx, r, conds)
        if self._special:
            return self
        d = _fin(ctx, self._sign, self._int, self._exp, conds)
        if d._special:
            return _done(ctx, d, conds)
        if not d._int:
            return _done(ctx, _new(d._sign, 0, 0), conds)
        c = d._int
        e = d._exp
        top = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
        while c % 10 == 0 and e < top:
            c //= 10
            e += 1
        return _done(ctx, _new(d._sign, c, e), conds)

    def scaleb(self, other, context=None):
        other = _convert_strict(other)
        ctx = _ctx(context)
        conds = []
        r = _nan_result(self, other, ctx, conds)
        if r is not None:
            return _done(ctx, r, conds)
        if other._special or other._exp != 0:
            return _done(ctx, _invalid(conds), conds)
        if self._special:
            return self
        k = int(other)
        return _done(ctx, _fin(ctx, self._sign, self._int, self._exp + k, conds), conds)

    def logb(self, context=None):
        ctx = _ctx(context)
        conds = []
        r = _nan_result(self, None, ctx, conds)
        if r is not None:
            return _done(ctx, r, conds)
        if self._special:
            return _new(0, 0, 'F', 1)
        if not self._int:
            conds.append(DivisionByZero)
            return _done(ctx, _new(1, 0, 'F', 1), conds)
        return _done(ctx, _fin(ctx, 0 if _adjusted(self) >= 0 else 1,
                               abs(_adjusted(self)), 0, conds), conds)

    def next_plus(self, context=None):
        from _decimal_fn import next_toward
        return next_toward(self, 1, _ctx(context))

    def next_minus(self, context=None):
        from _decimal_fn import next_toward
        return next_toward(self, -1, _ctx(context))

    def sqrt(self, context=None):
        """Return the square root of the argument to full precision."""
        from _decimal_fn import sqrt
        return sqrt(self, _ctx(context))

    def exp(self, context=None):
        """Return the value of the (natural) exponential function e**x."""
        from _decimal_fn import exp
        return exp(self, _ctx(context))

    def ln(self, context=None):
        """Return the natural (base e) logarithm of the operand."""
        from _decimal_fn import ln
        return ln(self, _ctx(context), False)

    def log10(self, context=None):
        """Return the base ten logarithm of the operand."""
        from _decimal_fn import ln
        return ln(self, _ctx(context), True)


def _total_rank(x):
    # compare_total's classes within one sign: numbers < Infinity < sNaN < NaN.
    return (0, 1, 3, 2)[x._special]


def _cmp_tiebreak(a, b):
    # max/min of equal values: positive beats negative, then the larger
    # exponent wins for positives (the smaller for negatives).
    if a._sign != b._sign:
        return -1 if a._sign else 1
    if a._exp == b._exp:
        return 0
    r = 1 if a._exp > b._exp else -1
    return -r if a._sign else r


def _from_tuple(t, cls):
    if len(t) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = t
    if sign not in (0, 1) or not isinstance(sign, int):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if isinstance(exp, str):
        if exp not in ('F', 'n', 'N'):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        special = {'F': 1, 'n': 2, 'N': 3}[exp]
    elif isinstance(exp, int):
        special = 0
    else:
        raise ValueError('exponent must be an integer')
    c = 0
    for d in digits:
        if not isinstance(d, int) or not 0 <= d <= 9:
            raise ValueError('coefficient must be a tuple of digits')
        c = c * 10 + d
    if special == 1:
        return _new(sign, 0, 'F', 1, cls)
    if special:
        return _new(sign, c, 'n', special, cls)
    return _new(sign, c, exp, 0, cls)


def _special_layout(sign, body, sp):
    # Infinity and NaN take no grouping; zero padding turns into spaces.
    if sp['zeropad'] and sp['fill'] == '0' and sp['align'] == '=':
        sp = dict(sp, fill=' ', align='>')
    return _n.layout(sign, body, '', '', dict(sp, thousands='', zeropad=False))


def _add(a, b, ctx, negate_b):
    conds = []
    r = _nan_result(a, b, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    bsign = b._sign ^ negate_b
    if a._special or b._special:
        if a._special and b._special and a._sign != bsign:
            return _done(ctx, _invalid(conds), conds)
        if a._special:
            return a
        return _new(bsign, 0, 'F', 1)
    e = min(a._exp, b._exp)
    if not a._int and not b._int:
        sign = a._sign & bsign
        if a._sign != bsign and ctx.rounding == ROUND_FLOOR:
            sign = 1
        return _done(ctx, _fin(ctx, sign, 0, e, conds), conds)
    if not a._int or not b._int:
        x, xs = (b, bsign) if not a._int else (a, a._sign)
        e = max(e, x._exp - ctx.prec - 1)
        c = x._int * 10 ** (x._exp - e) if x._exp >= e else x._int
        if x._exp < e:
            return _done(ctx, _fin(ctx, xs, x._int, x._exp, conds), conds)
        return _done(ctx, _fin(ctx, xs, c, e, conds), conds)
    ac, ae, asg = a._int, a._exp, a._sign
    bc, be, bsg = b._int, b._exp, bsign
    if ae < be:
        ac, ae, asg, bc, be, bsg = bc, be, bsg, ac, ae, asg
    # ae >= be. A b lying wholly below a's last digit and below the rounding
    # point only decides rounding direction: shrink it to one digit there.
    na = _n.ndigits(ac)
    low = min(ae, ae + na - 1 - ctx.prec) - 2
    if be + _n.ndigits(bc) - 1 < low:
        bc = 1
        be = low - 1
    e = min(ae, be)
    x = ac * 10 ** (ae - e)
    y = bc * 10 ** (be - e)
    s = (-x if asg else x) + (-y if bsg else y)
    if s == 0:
        sign = 1 if ctx.rounding == ROUND_FLOOR else 0
        return _done(ctx, _fin(ctx, sign, 0, e, conds), conds)
    sign = 1 if s < 0 else 0
    return _done(ctx, _fin(ctx, sign, abs(s), e, conds), conds)


def _mul(a, b, ctx):
    conds = []
    r = _nan_result(a, b, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    sign = a._sign ^ b._sign
    if a._special or b._special:
        if (not a._special and not a._int) or (not b._special and not b._int):
            return _done(ctx, _invalid(conds), conds)
        return _new(sign, 0, 'F', 1)
    return _done(ctx, _fin(ctx, sign, a._int * b._int, a._exp + b._exp, conds), conds)


def _div(a, b, ctx):
    conds = []
    r = _nan_result(a, b, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    sign = a._sign ^ b._sign
    if a._special or b._special:
        if a._special and b._special:
            return _done(ctx, _invalid(conds), conds)
        if a._special:
            return _new(sign, 0, 'F', 1)
        conds.append(Clamped)
        return _done(ctx, _new(sign, 0, ctx.Etiny()), conds)
    if not b._int:
        if not a._int:
            return _done(ctx, _invalid(conds, DivisionUndefined), conds)
        conds.append(DivisionByZero)
        return _done(ctx, _new(sign, 0, 'F', 1), conds)
    ideal = a._exp - b._exp
    if not a._int:
        return _done(ctx, _fin(ctx, sign, 0, ideal, conds), conds)
    prec = ctx.prec
    shift = _n.ndigits(b._int) - _n.ndigits(a._int) + prec + 1
    e = ideal - shift
    if shift >= 0:
        q, rem = divmod(a._int * 10 ** shift, b._int)
    else:
        q, rem = divmod(a._int, b._int * 10 ** (-shift))
    if rem:
        # A nonzero remainder makes the last digit sticky for rounding.
        if q % 5 == 0:
            q += 1
    else:
        while e < ideal and q % 10 == 0:
            q //= 10
            e += 1
    return _done(ctx, _fin(ctx, sign, q, e, conds), conds)


def _divmod(a, b, ctx, what):
    conds = []
    r = _nan_result(a, b, ctx, conds)
    if r is not None:
        r = _done(ctx, r, conds)
        return (r, r) if what == 'qr' else r
    sign = a._sign ^ b._sign
    nan = None
    if a._special:
        if b._special or what in ('r', 'near'):
            nan = _invalid(conds)
        elif what == 'q':
            return _new(sign, 0, 'F', 1)
        else:
            nan = _invalid(conds)
            return _done(ctx, (_new(sign, 0, 'F', 1), nan), conds)
    elif b._special:
        q = _new(sign, 0, 0)
        if what == 'q':
            return q
        rr = _done(ctx, _fin(ctx, a._sign, a._int, a._exp, conds), conds)
        return (q, rr) if what == 'qr' else rr
    elif not b._int:
        if not a._int:
            nan = _invalid(conds, DivisionUndefined)
        elif what == 'q':
            conds.append(DivisionByZero)
            return _done(ctx, _new(sign, 0, 'F', 1), conds)
        elif what == 'qr':
            conds.append(DivisionByZero)
            conds.append(InvalidOperation)
            return _done(ctx, (_new(sign, 0, 'F', 1), _new(0, 0, 'n', 2)), conds)
        else:
            nan = _invalid(conds)
    if nan is not None:
        return _done(ctx, (nan, nan) if what == 'qr' else nan, conds)
    e = min(a._exp, b._exp)
    x = a._int * 10 ** (a._exp - e)
    y = b._int * 10 ** (b._exp - e)
    q, rem = divmod(x, y)
    if what == 'near':
        if 2 * rem > y or (2 * rem == y and q & 1):
            q += 1
            rem -= y
        if _n.ndigits(q) > ctx.prec:
            return _done(ctx, _invalid(conds, DivisionImpossible), conds)
        rsign = a._sign
        if rem < 0:
            rsign = 1 - rsign
            rem = -rem
        return _done(ctx, _fin(ctx, rsign, rem, e, conds), conds)
    if _n.ndigits(q) > ctx.prec:
        nan = _invalid(conds, DivisionImpossible)
        return _done(ctx, (nan, nan) if what == 'qr' else nan, conds)
    qd = _new(sign, q, 0)
    if what == 'q':
        return _done(ctx, _fin(ctx, sign, q, 0, conds), conds)
    rd = _fin(ctx, a._sign, rem, e, conds)
    if what == 'r':
        return _done(ctx, rd, conds)
    return _done(ctx, (qd, rd), conds)


_NAN = _new(0, 0, 'n', 2, Decimal)
