"""Decimal fixed point and floating point arithmetic.

weft's decimal: the General Decimal Arithmetic Specification as CPython 3.11
implements it, written on weft's arbitrary-size ints (the coefficient of a
Decimal is an int). Rounding, signals, flags and traps follow CPython's C
decimal, including the text of trapped signals. exp, ln, log10 and sqrt are
correctly rounded; power with a non-integer exponent is computed through
them. Differences: the current context is one per interpreter (weft's
threads are fibers on one thread), not one per thread or asyncio task.
"""

import math as _math
import _decimal_num as _n
from collections import namedtuple as _namedtuple

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING,
              ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


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


# The order of the flags mapping and of a trapped signal's list.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)
_CONDITIONS = (ConversionSyntax, DivisionImpossible, DivisionUndefined,
               InvalidContext)
# The order of Context's repr (the C library's flag bits).
_REPR_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact,
               FloatOperation, Overflow, Rounded, Subnormal, Underflow)


def _signal_of(cond):
    return InvalidOperation if cond in _CONDITIONS else cond


class _SignalDict:
    """The flags or traps of a Context: a mapping of each signal to a bool."""

    __slots__ = ('_d',)

    def __init__(self, on=()):
        self._d = {s: (s in on) for s in _SIGNALS}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        if k not in self._d:
            raise KeyError(k)
        self._d[k] = bool(v)

    def __delitem__(self, k):
        raise ValueError('signal keys cannot be deleted')

    def __contains__(self, k):
        return k in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def copy(self):
        return {k: v for k, v in self._d.items()}

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def __repr__(self):
        return '{' + ', '.join('%r:%r' % (k, v) for k, v in self._d.items()) + '}'

    def _on(self):
        return [s.__name__ for s in _REPR_ORDER if self._d[s]]


def _signal_set(v, what):
    if v is None:
        return ()
    if isinstance(v, (_SignalDict, dict)):
        out = []
        for k, on in v.items():
            if k not in _SIGNALS:
                raise KeyError('invalid signal dict')
            if on:
                out.append(k)
        return out
    out = list(v)
    for k in out:
        if k not in _SIGNALS:
            raise KeyError('valid values for signals are:\n  [InvalidOperation, '
                           'FloatOperation, DivisionByZero,\n   Overflow, Underflow, '
                           'Subnormal, Inexact, Rounded,\n   Clamped]')
    return out


class Context:
    """The context affects almost all operations and controls rounding,
    Over/Underflow, raising of exceptions and much more."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        d = DefaultContext
        if d is None:
            d = _Defaults
        self.prec = d.prec if prec is None else prec
        self.rounding = d.rounding if rounding is None else rounding
        self.Emin = d.Emin if Emin is None else Emin
        self.Emax = d.Emax if Emax is None else Emax
        self.capitals = d.capitals if capitals is None else capitals
        self.clamp = d.clamp if clamp is None else clamp
        self.flags = _SignalDict(_signal_set(flags, 'flags'))
        if traps is None:
            self.traps = _SignalDict([s for s in _SIGNALS if d.traps[s]])
        else:
            self.traps = _SignalDict(_signal_set(traps, 'traps'))

    def __setattr__(self, name, value):
        if name == 'prec':
            value = _ctx_int(value, 1, MAX_PREC, 'prec', '[1, MAX_PREC]')
        elif name == 'Emin':
            value = _ctx_int(value, MIN_EMIN, 0, 'Emin', '[MIN_EMIN, 0]')
        elif name == 'Emax':
            value = _ctx_int(value, 0, MAX_EMAX, 'Emax', '[0, MAX_EMAX]')
        elif name == 'capitals':
            value = _ctx_int(value, 0, 1, 'capitals', '[0, 1]')
        elif name == 'clamp':
            value = _ctx_int(value, 0, 1, 'clamp', '[0, 1]')
        elif name == 'rounding':
            if value not in _ROUNDINGS or not isinstance(value, str):
                raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, '
                                'ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, '
                                'ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]')
        elif name in ('flags', 'traps'):
            if not isinstance(value, _SignalDict):
                value = _SignalDict(_signal_set(value, name))
        elif name == '_ignored':
            pass
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                   self.clamp, ', '.join(self.flags._on()), ', '.join(self.traps._on())))

    def Etiny(self):
        """Return a value equal to Emin - prec + 1."""
        return self.Emin - self.prec + 1

    def Etop(self):
        """Return a value equal to Emax - prec + 1."""
        return self.Emax - self.prec + 1

    def radix(self):
        return Decimal(10)

    def copy(self):
        """Return a duplicate of the context with all flags cleared."""
        c = Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                    self.clamp, [s for s in _SIGNALS if self.flags[s]],
                    [s for s in _SIGNALS if self.traps[s]])
        return c

    __copy__ = copy

    def clear_flags(self):
        """Reset all flags to False."""
        for s in _SIGNALS:
            self.flags._d[s] = False

    def clear_traps(self):
        """Set all traps to False."""
        for s in _SIGNALS:
            self.traps._d[s] = False

    def _raise(self, conds):
        # Record the conditions' flags; raise the first trapped signal with
        # the list of every trapped condition, as CPython's C decimal does.
        flags = self.flags._d
        traps = self.traps._d
        for c in conds:
            flags[_signal_of(c)] = True
        first = None
        for s in _SIGNALS:
            if traps[s] and any(_signal_of(c) is s for c in conds):
                first = s
                break
        if first is None:
            return
        trapped = []
        if traps[InvalidOperation]:
            for c in (InvalidOperation,) + _CONDITIONS:
                if c in conds:
                    trapped.append(c)
        for s in _SIGNALS[1:]:
            if s in conds and traps[s]:
                trapped.append(s)
        raise first(trapped)

    def create_decimal(self, num='0'):
        """Create a new Decimal instance from num, using self as the context.
        Unlike the Decimal constructor, this function observes the context
        limits."""
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            conds = [ConversionSyntax]
            self._raise(conds)
            return _NAN
        d = Decimal(num, self)
        if d._special >= 2:
            # A payload longer than the context allows is a syntax error.
            if d._int and _n.ndigits(d._int) > self.prec - self.clamp:
                self._raise([ConversionSyntax])
                return _NAN
            return d
        if d._special:
            return d
        conds = []
        r = _fin(self, d._sign, d._int, d._exp, conds)
        self._raise(conds)
        return r

    def create_decimal_from_float(self, f):
        """Create a new Decimal from a float, rounded to this context."""
        return self.create_decimal(Decimal.from_float(f))

    def _apply(name):
        def method(self, a, *args):
            a = _convert_strict(a)
            return getattr(a, name)(*[_convert_strict(x) for x in args], context=self)
        method.__name__ = name
        return method

    add = _apply('__add__')
    subtract = _apply('__sub__')
    multiply = _apply('__mul__')
    divide = _apply('__truediv__')
    divide_int = _apply('__floordiv__')
    remainder = _apply('__mod__')
    divmod = _apply('__divmod__')
    compare = _apply('compare')
    compare_signal = _apply('compare_signal')
    max = _apply('max')
    min = _apply('min')
    max_mag = _apply('max_mag')
    min_mag = _apply('min_mag')
    quantize = _apply('quantize')
    fma = _apply('fma')
    scaleb = _apply('scaleb')
    same_quantum = _apply('same_quantum')
    copy_sign = _apply('copy_sign')
    remainder_near = _apply('remainder_near')
    sqrt = _apply('sqrt')
    exp = _apply('exp')
    ln = _apply('ln')
    log10 = _apply('log10')
    logb = _apply('logb')
    normalize = _apply('normalize')
    to_integral_exact = _apply('to_integral_exact')
    to_integral_value = _apply('to_integral_value')
    to_integral = to_integral_value
    is_normal = _apply('is_normal')
    is_subnormal = _apply('is_subnormal')
    number_class = _apply('number_class')
    next_plus = _apply('next_plus')
    next_minus = _apply('next_minus')
    del _apply

    def power(self, a, b, modulo=None):
        """Raise a to the power of b (modulo modulo)."""
        a = _convert_strict(a)
        if modulo is None:
            return a.__pow__(_convert_strict(b), context=self)
        return a.__pow__(_convert_strict(b), _convert_strict(modulo), context=self)

    def abs(self, a):
        return _convert_strict(a).__abs__(context=self)

    def plus(self, a):
        return _convert_strict(a).__pos__(context=self)

    def minus(self, a):
        return _convert_strict(a).__neg__(context=self)

    def to_sci_string(self, a):
        return _convert_strict(a).__str__(context=self)

    def to_eng_string(self, a):
        return _convert_strict(a).to_eng_string(context=self)

    def copy_abs(self, a):
        return _convert_strict(a).copy_abs()

    def copy_negate(self, a):
        return _convert_strict(a).copy_negate()

    def copy_decimal(self, a):
        return _convert_strict(a)

    def canonical(self, a):
        return _convert_strict(a)

    def is_canonical(self, a):
        return _convert_strict(a).is_canonical()

    def is_finite(self, a):
        return _convert_strict(a).is_finite()

    def is_infinite(self, a):
        return _convert_strict(a).is_infinite()

    def is_nan(self, a):
        return _convert_strict(a).is_nan()

    def is_qnan(self, a):
        return _convert_strict(a).is_qnan()

    def is_snan(self, a):
        return _convert_strict(a).is_snan()

    def is_signed(self, a):
        return _convert_strict(a).is_signed()

    def is_zero(self, a):
        return _convert_strict(a).is_zero()

    def compare_total(self, a, b):
        return _convert_strict(a).compare_total(_convert_strict(b))


class _Defaults:
    # DefaultContext's settings while DefaultContext itself is being made.
    prec = 28
    rounding = ROUND_HALF_EVEN
    Emin = -999999
    Emax = 999999
    capitals = 1
    clamp = 0
    traps = {s: s in (InvalidOperation, DivisionByZero, Overflow) for s in _SIGNALS}


def _ctx_int(v, lo, hi, name, rng):
    if not isinstance(v, int):
        raise TypeError('an integer is required')
    if not lo <= v <= hi:
        if name in ('capitals', 'clamp'):
            raise ValueError('valid values for %s are 0 or 1' % name)
        raise ValueError('valid range for %s is %s' % (name, rng))
    return v


class _ContextSlot:
    pass


_state = _ContextSlot()
_state.ctx = None


def getcontext():
    """Get the current default context."""
    c = _state.ctx
    if c is None:
        c = _state.ctx = Context()
    return c


def setcontext(context):
    """Set a new default context."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _state.ctx = context


class _LocalContext:
    def __init__(self, ctx):
        self.new = ctx

    def __enter__(self):
        self.saved = getcontext()
        setcontext(self.new)
        return self.new

    def __exit__(self, *exc):
        setcontext(self.saved)


def localcontext(ctx=None, **kwargs):
    """Return a context manager that will set the default context to a copy
    of ctx on entry to the with-statement and restore the previous default
    context when exiting the with-statement."""
    if ctx is None:
        ctx = getcontext()
    new = ctx.copy()
    for k, v in kwargs.items():
        if k not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp',
                     'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        setattr(new, k, v)
    return _LocalContext(new)


# --- Decimal -------------------------------------------------------------------------

# _special: 0 finite, 1 infinity, 2 quiet NaN, 3 signaling NaN.
_EXP_CODE = (None, 'F', 'n', 'N')


def _new(sign, c, e, special=0, cls=None):
    self = object.__new__(Decimal if cls is None else cls)
    self._sign = sign
    self._int = c
    self._exp = e
    self._special = special
    return self


def _parse(s):
    # (sign, coefficient, exponent, special) of a numeric string, or None.
    s = s.strip()
    if '_' in s:
        # CPython's C decimal drops every underscore, wherever it stands.
        s = s.replace('_', '')
    sign = 0
    i = 0
    if s[:1] in ('+', '-'):
        sign = 1 if s[0] == '-' else 0
        i = 1
    body = s[i:]
    low = body.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 'F', 1
    for prefix, special in (('snan', 3), ('nan', 2)):
        if low.startswith(prefix):
            payload = body[len(prefix):]
            if payload and not (payload.isdigit() and payload.isdecimal()):
                return None
            return sign, int(payload) if payload else 0, 'n', special
    epos = -1
    for j, ch in enumerate(body):
        if ch in 'eE':
            epos = j
            break
    mant = body if epos < 0 else body[:epos]
    exp = 0
    if epos >= 0:
        es = body[epos + 1:]
        digits = es[1:] if es[:1] in ('+', '-') else es
        if not digits or not digits.isdecimal():
            return None
        exp = int(es)
    if '.' in mant:
        ip, _, fp = mant.partition('.')
    else:
        ip, fp = mant, ''
    if not ip and not fp:
        return None
    if (ip and not ip.isdecimal()) or (fp and not fp.isdecimal()):
        return None
    return sign, int(ip + fp), exp - len(fp), 0


def _from_float(f, cls):
    if _math.isnan(f):
        return _new(1 if _math.copysign(1.0, f) < 0 else 0, 0, 'n', 2, cls)
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    if _math.isinf(f):
        return _new(sign, 0, 'F', 1, cls)
    num, den = abs(f).as_integer_ratio()
    k = den.bit_length() - 1
    return _new(sign, num * 5 ** k, -k, 0, cls)


def _convert_other(v):
    # Operand of a mixed arithmetic operation, or NotImplemented.
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return _new(1 if v < 0 else 0, abs(v), 0)
    return NotImplemented


def _convert_strict(v):
    r = _convert_other(v)
    if r is NotImplemented:
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(v).__name__)
    return r


def _ctx(context):
    return getcontext() if context is None else context


def _fin(ctx, sign, c, e, conds, rounding=None):
    """The Decimal sign * c * 10**e rounded to ctx's precision and exponent
    range; the conditions met go into conds."""
    prec = ctx.prec
    emin = ctx.Emin
    emax = ctx.Emax
    etiny = emin - prec + 1
    if rounding is None:
        rounding = ctx.rounding
    if c == 0:
        top = emax - prec + 1 if ctx.clamp else emax
        e2 = min(max(e, etiny), top)
        if e2 != e:
            conds.append(Clamped)
        return _new(sign, 0, e2)
    nd = _n.ndigits(c)
    adj = e + nd - 1
    if adj > emax:
        return _overflow(ctx, sign, rounding, conds)
    sub = adj < emin
    lowest = etiny if sub else e + nd - prec
    if e < lowest:
        c, inexact = _n.shift_round(rounding, sign, c, lowest - e)
        e = lowest
        if inexact:
            if sub:
                conds.append(Underflow)
                conds.append(Subnormal)
            conds.append(Inexact)
            conds.append(Rounded)
            if c == 0:
                conds.append(Clamped)
        else:
            if sub:
                conds.append(Subnormal)
            conds.append(Rounded)
        if c and _n.ndigits(c) > prec:
            c //= 10
            e += 1
        if e + _n.ndigits(c) - 1 > emax:
            return _overflow(ctx, sign, rounding, conds)
        return _new(sign, c, e)
    if sub:
        conds.append(Subnormal)
    if ctx.clamp:
        top = emax - prec + 1
        if e > top:
            c *= 10 ** (e - top)
            e = top
            conds.append(Clamped)
    return _new(sign, c, e)


def _overflow(ctx, sign, rounding, conds):
    conds.append(Overflow)
    conds.append(Inexact)
    conds.append(Rounded)
    if rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) \
            or (rounding == ROUND_CEILING and sign == 0) \
            or (rounding == ROUND_FLOOR and sign == 1):
        return _new(sign, 0, 'F', 1)
    return _new(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def _nan_result(a, b, ctx, conds):
    # The result of an operation on a NaN: the first signaling NaN made
    # quiet (InvalidOperation), else the first quiet NaN; None if no NaN.
    for x in (a, b):
        if x is not None and x._special == 3:
            conds.append(InvalidOperation)
            return _new(x._sign, x._int, 'n', 2)
    for x in (a, b):
        if x is not None and x._special == 2:
            return x
    return None


def _invalid(conds, cond=InvalidOperation):
    conds.append(cond)
    return _NAN


def _done(ctx, r, conds):
    if conds:
        ctx._raise(conds)
    return r


from _decimal_ops import Decimal, _NAN  # noqa: E402


DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, Emin=-999999, Emax=999999,
                       capitals=1, clamp=0, flags=[],
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped,
                              Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                          capitals=1, clamp=0, flags=[], traps=[])
