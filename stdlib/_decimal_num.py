# Integer algorithms behind weft's decimal module: rounding a coefficient,
# square roots, and correctly rounded exp/ln/log10 on (coefficient, exponent)
# pairs, plus the number layout of format(). Nothing here knows Decimal or
# Context: decimal.py calls in with plain ints and strings.

import math as _math


def ndigits(c):
    """Digits in the coefficient c (0 has one)."""
    if c < 10:
        return 1
    if c < 10 ** 18:
        return len(str(c))
    # Estimate from the bit length, then correct by one comparison.
    n = int(c.bit_length() * 0.30102999566398120) + 1
    if c >= 10 ** n:
        n += 1
    elif c < 10 ** (n - 1):
        n -= 1
    return n


def round_up(mode, sign, q, r2, p):
    """Whether dropping a remainder rounds q up (away from zero): r2 is twice
    the dropped remainder and p the unit it was taken from (r2 > 0)."""
    if mode == 'ROUND_HALF_EVEN':
        return r2 > p or (r2 == p and q & 1 == 1)
    if mode == 'ROUND_HALF_UP':
        return r2 >= p
    if mode == 'ROUND_HALF_DOWN':
        return r2 > p
    if mode == 'ROUND_DOWN':
        return False
    if mode == 'ROUND_UP':
        return True
    if mode == 'ROUND_CEILING':
        return sign == 0
    if mode == 'ROUND_FLOOR':
        return sign == 1
    # ROUND_05UP: away from zero only if the kept last digit is 0 or 5.
    return q % 5 == 0


def shift_round(mode, sign, c, drop):
    """c without its last `drop` digits, rounded: (coefficient, inexact)."""
    if drop <= 0:
        return c * 10 ** (-drop), False
    nd = ndigits(c)
    if drop > nd + 1:
        # Every digit goes: only "nonzero and below half a unit" matters.
        c = 1 if c else 0
        drop = 2
    p = 10 ** drop
    q, r = divmod(c, p)
    if r == 0:
        return q, False
    if round_up(mode, sign, q, 2 * r, p):
        q += 1
    return q, True


def isqrt(n):
    return _math.isqrt(n)


def sqrt(c, e, prec):
    """(coefficient, exponent, exact) of sqrt(c * 10**e), c > 0, with at
    least prec + 1 digits when inexact (and a sticky last digit)."""
    nd = ndigits(c)
    # Scale so that the root has prec + 1 digits and the exponent is even.
    shift = 2 * (prec + 1) - nd
    if (e - shift) % 2:
        shift += 1
    if shift >= 0:
        n = c * 10 ** shift
    else:
        n = c // 10 ** (-shift)
    exact = shift >= 0 or c % 10 ** (-shift) == 0
    r = _math.isqrt(n)
    exact = exact and r * r == n
    re = (e - shift) // 2
    if not exact and r % 5 == 0:
        r += 1
    return r, re, exact


# --- exp and ln in fixed point -------------------------------------------------
# A fixed-point value is an int V meaning V / 10**W.

def _exp_fixed(x, w):
    """exp(x / 10**w) * 10**w for |x| <= 10**w (error a few units)."""
    one = 10 ** w
    # Halve until tiny, sum the series, square back.
    k = 0
    while abs(x) > one // 1000:
        x = x // 2 if x >= 0 else -((-x) // 2)
        k += 1
    total = one
    term = one
    i = 1
    while term:
        term = term * x // (one * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one
    return total, k


_LN10_CACHE = [0, 0]


def _atanh_inv(n, one):
    # atanh(1/n) * one by its series.
    total = 0
    x = one // n
    n2 = n * n
    k = 1
    while x:
        total += x // k
        x //= n2
        k += 2
    return total


def _ln10_fixed(w):
    if _LN10_CACHE[0] >= w:
        return _LN10_CACHE[1] // 10 ** (_LN10_CACHE[0] - w)
    g = w + 10
    one = 10 ** g
    # ln 2 = 18 atanh(1/26) - 2 atanh(1/4801) + 8 atanh(1/8749);
    # ln 10 = 3 ln 2 + ln 1.25, ln 1.25 = 2 atanh(1/9).
    ln2 = 18 * _atanh_inv(26, one) - 2 * _atanh_inv(4801, one) + 8 * _atanh_inv(8749, one)
    v = 3 * ln2 + 2 * _atanh_inv(9, one)
    _LN10_CACHE[0] = g
    _LN10_CACHE[1] = v
    return v // 10 ** (g - w)


def _ln_fixed(m, w):
    """ln(m / 10**w) * 10**w for 1 <= m / 10**w < 10."""
    one = 10 ** w
    # Square roots bring m near 1, where atanh's series is quick.
    k = 0
    while m > one + one // 100 or m < one - one // 100:
        m = _math.isqrt(m * one)
        k += 1
    z = (m - one) * one // (m + one)
    z2 = z * z // one
    total = 0
    term = z
    i = 1
    while term:
        total += term // i
        term = term * z2 // one
        i += 2
    return 2 * total * (1 << k), k


def _round_check(lo, hi, prec):
    """The prec-digit half-even rounding of every value in [lo, hi] (ints,
    lo > 0) if they all round alike, as (coefficient, drop), else None."""
    nd = ndigits(hi)
    if ndigits(lo) != nd:
        return None
    drop = nd - prec
    if drop <= 0:
        return None
    a, _ = shift_round('ROUND_HALF_EVEN', 0, lo, drop)
    b, _ = shift_round('ROUND_HALF_EVEN', 0, hi, drop)
    if a != b:
        return None
    return a, drop


def exp(sign, c, e, prec):
    """(coefficient, exponent) of exp(+-c * 10**e) correctly rounded to prec
    digits, half even; c > 0 and the value not so large that it overflows."""
    extra = 6
    while True:
        # Integer digits of |x| decide how many more digits ln 10 needs.
        xd = ndigits(c) + e
        w = prec + extra + max(xd, 0) + 3
        if e >= 0:
            x = c * 10 ** (e + w)
        elif -e <= w:
            x = c * 10 ** (w + e)
        else:
            x = c // 10 ** (-e - w)
        if sign:
            x = -x
        ln10 = _ln10_fixed(w)
        n = x // ln10
        f = x - n * ln10
        v, k = _exp_fixed(f, w)
        # Each squaring doubles the relative error; ln 10's error times n
        # moves f.
        err = (10 << (k + 4)) + 10 * (abs(n) + 10)
        lo = v - err
        hi = v + err
        got = _round_check(lo, hi, prec) if lo > 0 else None
        if got is not None:
            coeff, drop = got
            return coeff, n - w + drop
        extra *= 2


def ln(c, e, prec):
    """(sign, coefficient, exponent) of ln(c * 10**e) correctly rounded, for
    c > 0 and c * 10**e != 1."""
    extra = 6
    nd = ndigits(c)
    adj = e + nd - 1
    while True:
        w = prec + extra + len(str(abs(adj))) + 2
        m = c * 10 ** w // 10 ** (nd - 1) if nd - 1 <= w else c // 10 ** (nd - 1 - w)
        v, k = _ln_fixed(m, w)
        v += adj * _ln10_fixed(w)
        sign = 0
        if v < 0:
            sign = 1
            v = -v
        err = (50 << k) + 2 * abs(adj) + 50
        got = _round_check(v - err, v + err, prec) if v > err else None
        if got is not None:
            coeff, drop = got
            return sign, coeff, drop - w
        extra *= 2


def log10(c, e, prec):
    """(sign, coefficient, exponent) of log10(c * 10**e), correctly rounded,
    for c > 0 not a power of ten."""
    extra = 6
    nd = ndigits(c)
    adj = e + nd - 1
    while True:
        w = prec + extra + len(str(abs(adj))) + 2
        m = c * 10 ** w // 10 ** (nd - 1) if nd - 1 <= w else c // 10 ** (nd - 1 - w)
        ln10 = _ln10_fixed(w)
        v, k = _ln_fixed(m, w)
        v = v * 10 ** w // ln10 + adj * 10 ** w
        sign = 0
        if v < 0:
            sign = 1
            v = -v
        err = (50 << k) + 50
        got = _round_check(v - err, v + err, prec) if v > err else None
        if got is not None:
            coeff, drop = got
            return sign, coeff, drop - w
        extra *= 2


# --- format() layout -------------------------------------------------------------

def parse_spec(spec):
    """format-spec mini-language fields as a dict (ValueError if invalid)."""
    i = 0
    n = len(spec)
    fill = ' '
    align = None
    if n >= 2 and spec[1] in '<>=^':
        fill = spec[0]
        align = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    no_neg_0 = False
    if i < n and spec[i] == 'z':
        no_neg_0 = True
        i += 1
    # CPython's C decimal refuses '#' and '_' (libmpdec has neither).
    alt = False
    zeropad = False
    if i < n and spec[i] == '0':
        zeropad = True
        if align is None:
            fill = '0'
            align = '='
        i += 1
    j = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[j:i]) if i > j else 0
    thousands = ''
    if i < n and spec[i] == ',':
        thousands = spec[i]
        i += 1
    prec = None
    if i < n and spec[i] == '.':
        i += 1
        j = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == j:
            raise ValueError('invalid format string')
        prec = int(spec[j:i])
    ftype = None
    if i < n:
        ftype = spec[i]
        i += 1
    if i != n or (ftype is not None and ftype not in 'eEfFgGn%'):
        raise ValueError('invalid format string')
    if ftype == 'n' and thousands:
        raise ValueError('invalid format string')
    if align is None:
        align = '>'
    return dict(fill=fill, align=align, sign=sign, no_neg_0=no_neg_0, alt=alt,
                zeropad=zeropad, width=width, thousands=thousands, prec=prec,
                type=ftype)


def _group(digits, sep, minwidth):
    # Insert sep every three digits from the right, padding with zeros to
    # minwidth (the zero-padded width of the integer part).
    if not sep:
        if len(digits) < minwidth:
            digits = '0' * (minwidth - len(digits)) + digits
        return digits
    groups = []
    while True:
        groups.append(digits[-3:])
        digits = digits[:-3]
        width = sum(len(g) + 1 for g in groups) - 1
        if not digits:
            if width < minwidth:
                # Pad with zero groups until the width is reached.
                last = groups[-1]
                if len(last) < 3:
                    need = min(3 - len(last), minwidth - width)
                    groups[-1] = '0' * need + last
                    width += need
                while width < minwidth:
                    need = min(3, minwidth - width - 1)
                    if need <= 0:
                        groups.append('0')
                        width += 2
                        break
                    groups.append('0' * need)
                    width += need + 1
            break
    return sep.join(reversed(groups))


def layout(sign, intpart, fracpart, exp_str, spec):
    """The formatted number: sign char, grouped integer part, point,
    fraction, exponent, then fill and alignment."""
    if sign:
        s = '-'
    elif spec['sign'] in '+ ':
        s = spec['sign'] if spec['sign'] == '+' else ' '
    else:
        s = ''
    frac = ''
    if fracpart or spec['alt']:
        frac = '.' + fracpart
    tail = frac + exp_str
    sep = spec['thousands']
    if spec['zeropad']:
        minwidth = max(spec['width'] - len(s) - len(tail), 0)
    else:
        minwidth = 0
    body = _group(intpart, sep, minwidth) + tail
    width = spec['width']
    pad = width - len(s) - len(body)
    if pad <= 0:
        return s + body
    fill = spec['fill']
    align = spec['align']
    if align == '<':
        return s + body + fill * pad
    if align == '^':
        left = pad // 2
        return fill * left + s + body + fill * (pad - left)
    if align == '=':
        return s + fill * pad + body
    return fill * pad + s + body
