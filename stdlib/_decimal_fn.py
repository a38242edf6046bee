# The functions of weft's decimal module that are more than one rounding:
# power, sqrt, exp, ln/log10 and next_plus/next_minus, on Decimals, with
# CPython's special values and signals. Imported on first use.

import _decimal_num as _n
from decimal import (
    _new, _fin, _nan_result, _invalid, _done, InvalidOperation, Inexact,
    Rounded, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
)
from _decimal_ops import Decimal, _adjusted, _div


def _is_one(x):
    # Whether the finite x equals 1 (any exponent).
    return x._sign == 0 and x._exp <= 0 and x._int == 10 ** (-x._exp)


def _integral(x):
    # Whether the finite x is an integer.
    if x._exp >= 0 or not x._int:
        return True
    return x._int % 10 ** (-x._exp) == 0


def _one_rounded(ctx, conds, below):
    # 1 rounded from just above (or below) to prec digits: 1.000...0.
    p = ctx.prec + 3
    v = 10 ** p + (-1 if below else 1)
    conds.append(Inexact)
    conds.append(Rounded)
    return _fin(ctx, 0, v, -p, conds, ROUND_HALF_EVEN)


def _exp_of(ctx, sign, c, e, conds):
    # exp(+-c * 10**e), c > 0, rounded to ctx with its signals.
    prec = ctx.prec
    adj = e + _n.ndigits(c) - 1
    if adj < -(prec + 2):
        return _one_rounded(ctx, conds, sign == 1)
    # Past these bounds the result over- or underflows whatever its digits.
    limit = (max(ctx.Emax, prec - ctx.Etiny()) + 2) * 3
    if adj >= len(str(limit)):
        if sign == 0:
            return _fin(ctx, 0, 1, ctx.Emax + 1, conds)
        return _fin(ctx, 0, 1, ctx.Etiny() - 2, conds)
    rc, re = _n.exp(sign, c, e, prec)
    conds.append(Inexact)
    conds.append(Rounded)
    return _fin(ctx, 0, rc, re, conds, ROUND_HALF_EVEN)


def exp(x, ctx):
    conds = []
    r = _nan_result(x, None, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    if x._special:
        return _new(0, 0, 0) if x._sign else x
    if not x._int:
        return _new(0, 1, 0)
    return _done(ctx, _exp_of(ctx, x._sign, x._int, x._exp, conds), conds)


def ln(x, ctx, base10):
    conds = []
    r = _nan_result(x, None, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    if x._special:
        if x._sign:
            return _done(ctx, _invalid(conds), conds)
        return x
    if not x._int:
        return _new(1, 0, 'F', 1)
    if x._sign:
        return _done(ctx, _invalid(conds), conds)
    if _is_one(x):
        return _new(0, 0, 0)
    if base10:
        c = x._int
        while c % 10 == 0:
            c //= 10
        if c == 1:
            # An exact power of ten has an exact integer logarithm.
            adj = _adjusted(x)
            return _done(ctx, _fin(ctx, 1 if adj < 0 else 0, abs(adj), 0, conds), conds)
        sign, c, e = _n.log10(x._int, x._exp, ctx.prec)
    else:
        sign, c, e = _n.ln(x._int, x._exp, ctx.prec)
    conds.append(Inexact)
    conds.append(Rounded)
    return _done(ctx, _fin(ctx, sign, c, e, conds, ROUND_HALF_EVEN), conds)


def sqrt(x, ctx):
    conds = []
    r = _nan_result(x, None, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    if x._special:
        if x._sign:
            return _done(ctx, _invalid(conds), conds)
        return x
    ideal = x._exp // 2
    if not x._int:
        return _done(ctx, _fin(ctx, x._sign, 0, ideal, conds), conds)
    if x._sign:
        return _done(ctx, _invalid(conds), conds)
    c, e, exact = _n.sqrt(x._int, x._exp, ctx.prec)
    if exact:
        while e < ideal and c % 10 == 0:
            c //= 10
            e += 1
    else:
        conds.append(Inexact)
        conds.append(Rounded)
    return _done(ctx, _fin(ctx, 0, c, e, conds, ROUND_HALF_EVEN), conds)


def _int_power(a, n, ctx, conds):
    # a ** n for a finite nonzero a and an int n != 0, exact then rounded.
    sign = a._sign if n & 1 else 0
    k = abs(n)
    c = a._int
    nd = _n.ndigits(c)
    if nd * k > 4 * ctx.prec + 200:
        stripped = c
        tz = 0
        while stripped % 10 == 0:
            stripped //= 10
            tz += 1
        if stripped != 1:
            return None
        # A power of ten stays exact: only its exponent grows.
        pc, pe = 1, (a._exp + tz) * k
    else:
        pc, pe = c ** k, a._exp * k
    if n > 0:
        return _fin(ctx, sign, pc, pe, conds)
    return _div(_new(sign, 1, 0), _new(0, pc, pe), ctx)


def power(a, b, modulo, ctx):
    conds = []
    if modulo is not None:
        return _mod_power(a, b, modulo, ctx)
    r = _nan_result(a, b, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    b_int = not b._special and _integral(b)
    odd = b_int and int(b) & 1 == 1
    if a._special or b._special:
        if b._special:
            if a._sign and (a._special or a._int):
                return _done(ctx, _invalid(conds), conds)
            mag = _cmp_one(a)
            if mag == 0:
                return _one_rounded(ctx, conds, False)
            big = (mag > 0) == (b._sign == 0)
            return _new(0, 0, 'F', 1) if big else _new(0, 0, 0)
        sign = a._sign if odd else 0
        if not b._int:
            return _new(0, 1, 0)
        if b._sign:
            return _new(sign, 0, 0)
        return _new(sign, 0, 'F', 1)
    if not a._int:
        if not b._int:
            return _done(ctx, _invalid(conds), conds)
        sign = a._sign if odd else 0
        if b._sign:
            return _new(sign, 0, 'F', 1)
        return _new(sign, 0, 0)
    if not b._int:
        return _new(0, 1, 0)
    if b_int:
        n = int(b)
        res = _int_power(a, n, ctx, conds)
        if res is not None:
            return _done(ctx, res, conds)
    elif a._sign:
        return _done(ctx, _invalid(conds), conds)
    if _is_one(a.copy_abs()):
        return _done(ctx, _one_rounded(ctx, conds, False), conds)
    # exp(b * ln|a|) with ln carried to more digits than the result needs.
    w = ctx.prec + 10 + len(str(abs(_adjusted(b)))) + len(str(abs(_adjusted(a))))
    ls, lc, le = _n.ln(a._int, a._exp, w)
    sign = a._sign if odd else 0
    res = _exp_of(ctx, ls ^ b._sign, lc * b._int, le + b._exp, conds)
    if sign:
        res = _new(1, res._int, res._exp, res._special)
    return _done(ctx, res, conds)


def _cmp_one(a):
    # Compare |a| with 1: -1, 0, 1 (a not NaN).
    if a._special:
        return 1
    if not a._int:
        return -1
    adj = _adjusted(a)
    if adj != 0:
        return 1 if adj > 0 else -1
    return 0 if _is_one(a.copy_abs()) else 1


def _mod_power(a, b, m, ctx):
    conds = []
    for x in (a, b, m):
        if x._special == 3:
            conds.append(InvalidOperation)
            return _done(ctx, _new(x._sign, x._int, 'n', 2), conds)
    for x in (a, b, m):
        if x._special == 2:
            return x
    if any(x._special or not _integral(x) for x in (a, b, m)) or b._sign \
            or not m._int or (not a._int and not b._int):
        return _done(ctx, _invalid(conds), conds)
    mi = int(m.copy_abs())
    if _n.ndigits(mi) > ctx.prec:
        return _done(ctx, _invalid(conds), conds)
    v = pow(abs(int(a)), int(b), mi)
    sign = a._sign if int(b) & 1 else 0
    return _done(ctx, _fin(ctx, sign, v, 0, conds), conds)


def next_toward(x, direction, ctx):
    conds = []
    r = _nan_result(x, None, ctx, conds)
    if r is not None:
        return _done(ctx, r, conds)
    if x._special:
        if (x._sign == 0) == (direction > 0):
            return x
        big = 10 ** ctx.prec - 1
        return _new(x._sign, big, ctx.Emax - ctx.prec + 1)
    etiny = ctx.Etiny()
    adj = x._exp + _n.ndigits(x._int) - 1 if x._int else x._exp
    low = min(x._exp, max(adj - ctx.prec - 1, etiny - 1)) if x._int else etiny - 1
    v = x._int * 10 ** (x._exp - low)
    if x._sign:
        v = -v
    v += direction
    sign = 1 if v < 0 else 0
    ignored = []
    rounding = ROUND_CEILING if direction > 0 else ROUND_FLOOR
    return _fin(ctx, sign, abs(v), low, ignored, rounding)
