"""Fast implementation of the datetime type.

weft's datetime: dates, times, durations and fixed-offset time zones in the
proleptic Gregorian calendar, with CPython 3.11's exact integer arithmetic
(every value is whole microseconds; nothing goes through a float timestamp).
Naive local time is the C library's local time, as in CPython. Differences:
no C API (datetime_CAPI), and objects copy through __reduce__ without pickle.
"""

import time as _time
import math as _math
import sys

MINYEAR = 1
MAXYEAR = 9999

# Days before each month in a common year, index 1..12 (index 13: the year).
_DBM = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365)
_DIM = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTHS = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
           "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_US_PER_SEC = 1000000
_US_PER_DAY = 86400000000
_MAX_ORDINAL = 3652059          # date(9999, 12, 31).toordinal()
_EPOCH_ORD = 719163             # date(1970, 1, 1).toordinal()


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _dim(y, m):
    if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        return 29
    return _DIM[m]


def _ymd2ord(y, m, d):
    # Day 1 is 0001-01-01.
    p = y - 1
    n = p * 365 + p // 4 - p // 100 + p // 400 + _DBM[m] + d
    if m > 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        n += 1
    return n


def _ord2ymd(n):
    # Count whole 400-, 100-, 4- and 1-year blocks from 0001-01-01; the
    # last day of a 4-year (or 400-year) block is the 366th of a leap year.
    n -= 1
    q400, n = divmod(n, 146097)
    q100, n = divmod(n, 36524)
    q4, n = divmod(n, 1461)
    q1, n = divmod(n, 365)
    y = q400 * 400 + q100 * 100 + q4 * 4 + q1 + 1
    if q1 == 4 or q100 == 4:
        return y - 1, 12, 31
    leap = q1 == 3 and (q4 != 24 or q100 == 3)
    m = (n + 50) >> 5
    before = _DBM[m] + (1 if leap and m > 2 else 0)
    if before > n:
        m -= 1
        before = _DBM[m] + (1 if leap and m > 2 else 0)
    return y, m, n - before + 1


def _yday(y, m, d):
    n = _DBM[m] + d
    if m > 2 and _is_leap(y):
        n += 1
    return n


def _int(v):
    # The C implementation takes C ints: __index__, never __int__.
    if type(v) is int:
        return v
    try:
        f = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__) from None
    return f(v)


def _check_date(y, m, d):
    if type(y) is not int or type(m) is not int or type(d) is not int:
        y = _int(y)
        m = _int(m)
        d = _int(d)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError('year %d is out of range' % y)
    if not 1 <= m <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= d <= _dim(y, m):
        raise ValueError('day is out of range for month')
    return y, m, d


def _check_time(hh, mm, ss, us, fold):
    if type(hh) is not int or type(mm) is not int or type(ss) is not int \
            or type(us) is not int:
        hh = _int(hh)
        mm = _int(mm)
        ss = _int(ss)
        us = _int(us)
    if not 0 <= hh <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= mm <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= ss <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= us <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hh, mm, ss, us, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % type(tz).__name__)


def _cls_name(obj):
    # CPython's reprs use the C type name: "datetime.date" for the built-in
    # classes, the bare class name for a subclass.
    cls = type(obj)
    if cls.__module__ == 'datetime':
        return 'datetime.' + cls.__name__
    return cls.__name__


def _offset_of(tz, meth, arg):
    # tz.utcoffset(arg) or tz.dst(arg), checked as CPython checks them.
    if tz is None:
        return None
    if meth == 'utcoffset':
        off = tz.utcoffset(arg)
    else:
        off = tz.dst(arg)
    if off is None:
        return None
    if not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (meth, type(off).__name__))
    if not -_DAY < off < _DAY:
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return off


def _tzname_of(tz, arg):
    if tz is None:
        return None
    name = tz.tzname(arg)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % type(name).__name__)
    return name


def _fmt_offset(off, sep):
    # +HH:MM, with :SS and .ffffff only when they are not zero.
    if off is None:
        return ''
    us = off._to_us()
    sign = '+'
    if us < 0:
        sign = '-'
        us = -us
    ss, us = divmod(us, _US_PER_SEC)
    mm, ss = divmod(ss, 60)
    hh, mm = divmod(mm, 60)
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or us:
        s += '%s%02d' % (sep, ss)
        if us:
            s += '.%06d' % us
    return s


def _fmt_time(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'hours':
        return '%02d' % hh
    raise ValueError('Unknown timespec value')


def _strftime(obj, fmt, tt, us):
    # %f, %z and %Z are datetime's own; the rest goes to time.strftime.
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % type(fmt).__name__)
    if '%' not in fmt:
        return _time.strftime(fmt, tt)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        j = fmt.find('%', i)
        if j < 0 or j + 1 >= n:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        k = fmt[j + 1]
        i = j + 2
        if k == 'f':
            out.append('%06d' % us)
        elif k == 'z':
            if obj is not None:
                out.append(_fmt_offset(obj.utcoffset(), ''))
        elif k == 'Z':
            if obj is not None:
                name = obj.tzname()
                if name is not None:
                    out.append(name.replace('%', '%%'))
        else:
            out.append('%' + k)
    return _time.strftime(''.join(out), tt)


def _check_format_arg(fmt):
    if not isinstance(fmt, str):
        raise TypeError("format() argument 2 must be str, not %s"
                        % type(fmt).__name__)


def _num_name(v):
    return type(v).__name__


# --- timedelta ---------------------------------------------------------

# Factors in microseconds, in the order CPython accumulates the arguments
# (the order fixes how float fractions add up).
_TD_PARTS = (('microseconds', 1), ('milliseconds', 1000),
             ('seconds', 1000000), ('minutes', 60000000),
             ('hours', 3600000000), ('days', 86400000000),
             ('weeks', 604800000000))


def _td_from_us(us):
    days, rem = divmod(us, _US_PER_DAY)
    if not -999999999 <= days <= 999999999:
        raise OverflowError('days=%d; must have magnitude <= 999999999' % days)
    secs, us = divmod(rem, _US_PER_SEC)
    self = object.__new__(timedelta)
    self._days = days
    self._seconds = secs
    self._microseconds = us
    self._hashcode = -1
    return self


def _round_half_even(num, den):
    # num / den rounded to the nearest int, ties to even; den > 0.
    q, r = divmod(num, den)
    r2 = r * 2
    if r2 > den or (r2 == den and q & 1):
        q += 1
    return q


class timedelta:
    """Difference between two datetime values.

    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)

    All arguments are optional and default to 0.
    Arguments may be integers or floats, and may be positive or negative."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        vals = (microseconds, milliseconds, seconds, minutes, hours, days, weeks)
        total = 0
        left = 0.0
        i = 0
        for v in vals:
            factor = _TD_PARTS[i][1]
            if isinstance(v, int):
                total += v * factor
            elif isinstance(v, float):
                # Whole part exactly; the fraction times the factor splits
                # again into whole microseconds and a float leftover.
                frac, whole = _math.modf(v)
                total += int(whole) * factor
                if frac:
                    frac, whole = _math.modf(frac * factor)
                    total += int(whole)
                    left += frac
            else:
                raise TypeError('unsupported type for timedelta %s component: %s'
                                % (_TD_PARTS[i][0], type(v).__name__))
            i += 1
        if left:
            w = _math.floor(left)
            rest = left - w
            w = int(w)
            if rest > 0.5 or (rest == 0.5 and (total + w) & 1):
                w += 1
            total += w
        days, rem = divmod(total, _US_PER_DAY)
        if not -999999999 <= days <= 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % days)
        secs, us = divmod(rem, _US_PER_SEC)
        self = object.__new__(cls)
        self._days = days
        self._seconds = secs
        self._microseconds = us
        self._hashcode = -1
        return self

    @property
    def days(self):
        """Number of days."""
        return self._days

    @property
    def seconds(self):
        """Number of seconds (>= 0 and less than 1 day)."""
        return self._seconds

    @property
    def microseconds(self):
        """Number of microseconds (>= 0 and less than 1 second)."""
        return self._microseconds

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SEC + self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        return '%s(%s)' % (_cls_name(self), ', '.join(args) or '0')

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            s = '%d day%s, %s' % (self._days, plural, s)
        if self._microseconds:
            s += '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us(other._to_us() - self._to_us())
        return NotImplemented

    def __neg__(self):
        return _td_from_us(-self._to_us())

    def __pos__(self):
        return _td_from_us(self._to_us())

    def __abs__(self):
        us = self._to_us()
        return _td_from_us(-us if us < 0 else us)

    def __mul__(self, other):
        if isinstance(other, int):
            return _td_from_us(self._to_us() * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _td_from_us(_round_half_even(self._to_us() * num, den))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            if other < 0:
                return _td_from_us(_round_half_even(-self._to_us(), -other))
            return _td_from_us(_round_half_even(self._to_us(), other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            if num == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            if num < 0:
                num, den = -num, -den
            return _td_from_us(_round_half_even(self._to_us() * den, num))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return self._to_us() // d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return _td_from_us(self._to_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError('integer modulo by zero')
            return _td_from_us(self._to_us() % d)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            d = other._to_us()
            if d == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(self._to_us(), d)
            return q, _td_from_us(r)
        return NotImplemented

    def _cmp(self, other):
        a = self._to_us()
        b = other._to_us()
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() == other._to_us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() != other._to_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() < other._to_us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() <= other._to_us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() > other._to_us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() >= other._to_us()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)
_DAY = timedelta(1)
_ZERO = timedelta(0)


# --- ISO 8601 parsing ----------------------------------------------------

def _digits(s, i, n):
    # The int of s[i:i+n] if it is n ASCII digits, else None.
    part = s[i:i + n]
    if len(part) != n or not part.isdigit() or not part.isascii():
        return None
    return int(part)


def _iso_date_len(s):
    # Length of the date at the start of s: YYYY-MM-DD, YYYYMMDD, YYYY-Www,
    # YYYY-Www-D, YYYYWww or YYYYWwwD (0: not a date).
    if len(s) < 7:
        return 0
    if s[4] == '-':
        if s[5] == 'W':
            return 10 if len(s) > 8 and s[8] == '-' else 8
        return 10
    if s[4] == 'W':
        return 8 if len(s) > 7 and s[7].isdigit() and s[7].isascii() else 7
    return 8


def _parse_iso_date(s):
    # (year, month, day) of a whole ISO date string, or None if malformed.
    n = len(s)
    y = _digits(s, 0, 4)
    if y is None:
        return None
    if n == 10 and s[4] == '-' and s[7] == '-' and s[5] != 'W':
        m = _digits(s, 5, 2)
        d = _digits(s, 8, 2)
    elif n == 8 and s[4] != 'W' and s[4] != '-':
        m = _digits(s, 4, 2)
        d = _digits(s, 6, 2)
    else:
        if n in (8, 10) and s[4:6] == '-W':
            w = _digits(s, 6, 2)
            wd = 1 if n == 8 else (_digits(s, 9, 1) if s[8] == '-' else None)
        elif n in (7, 8) and s[4] == 'W':
            w = _digits(s, 5, 2)
            wd = 1 if n == 7 else _digits(s, 7, 1)
        else:
            return None
        if w is None or wd is None:
            return None
        try:
            return _isocal_to_ymd(y, w, wd)
        except ValueError:
            return None
    if m is None or d is None:
        return None
    return y, m, d


def _parse_hms(s):
    # HH[:MM[:SS[.f+]]] or HH[MM[SS[.f+]]] -> (h, m, s, us), or None.
    n = len(s)
    h = _digits(s, 0, 2)
    if h is None:
        return None
    vals = [h, 0, 0]
    i = 2
    ext = n > 2 and s[2] == ':'
    k = 1
    while k < 3 and i < n:
        if ext:
            if s[i] != ':':
                break
            i += 1
        v = _digits(s, i, 2)
        if v is None:
            return None
        vals[k] = v
        i += 2
        k += 1
    us = 0
    if i < n:
        if k < 3 or s[i] not in '.,':
            return None
        frac = s[i + 1:]
        if not frac or not frac.isdigit() or not frac.isascii():
            return None
        us = int((frac[:6] + '00000')[:6])
    return vals[0], vals[1], vals[2], us


def _parse_iso_time(s):
    # Time with an optional offset (Z, +HH[:MM[:SS[.f]]]) -> (h, m, s, us, tz).
    tzpos = -1
    for i in range(len(s)):
        if s[i] in '+-Z':
            tzpos = i
            break
    tz = None
    if tzpos >= 0:
        t = s[tzpos:]
        s = s[:tzpos]
        if t == 'Z':
            tz = timezone.utc
        else:
            hms = _parse_hms(t[1:]) if len(t) > 1 else None
            if hms is None or len(t) == 4 or len(t) == 2:
                return None
            off = timedelta(hours=hms[0], minutes=hms[1], seconds=hms[2],
                            microseconds=hms[3])
            if t[0] == '-':
                off = -off
            tz = timezone(off)
        if s.endswith(' '):
            s = s.rstrip(' ')
    hms = _parse_hms(s)
    if hms is None:
        return None
    return hms[0], hms[1], hms[2], hms[3], tz


def _isocal_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('Year is out of range: %d' % year)
    if not 0 < week < 53:
        ok = False
        if week == 53:
            # Week 53 exists when the year starts on a Thursday, or on a
            # Wednesday in a leap year.
            first = (_ymd2ord(year, 1, 1) + 6) % 7
            ok = first == 3 or (first == 2 and _is_leap(year))
        if not ok:
            raise ValueError('Invalid week: %d' % week)
    if not 0 < day < 8:
        raise ValueError('Invalid day: %d (range is [1, 7])' % day)
    n = _iso_week1_monday(year) + (week - 1) * 7 + (day - 1)
    if not 1 <= n <= _MAX_ORDINAL:
        raise ValueError('Year is out of range: %d' % year)
    return _ord2ymd(n)


def _iso_week1_monday(year):
    # Week 1 holds the year's first Thursday (and so January 4th).
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


class IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return ('%s(year=%d, week=%d, weekday=%d)'
                % (_cls_name(self), self[0], self[1], self[2]))


# --- date ------------------------------------------------------------------

def _new_date(cls, y, m, d):
    self = object.__new__(cls)
    self._year = y
    self._month = m
    self._day = d
    self._hashcode = -1
    return self


def _local_fields(t):
    # (y, m, d, hh, mm, ss) of whole seconds t in the C library's local time.
    try:
        tm = _time.localtime(t)
    except (OverflowError, OSError, ValueError):
        raise OverflowError('timestamp out of range for platform time_t') from None
    return tm[0], tm[1], tm[2], tm[3], tm[4], min(tm[5], 59)


def _utc_fields(t):
    days, secs = divmod(t, 86400)
    n = days + _EPOCH_ORD
    if not 1 <= n <= _MAX_ORDINAL:
        y = _ord2ymd(n)[0] if n > 0 else 0
        raise ValueError('year %d is out of range' % y)
    y, m, d = _ord2ymd(n)
    hh, rem = divmod(secs, 3600)
    mm, ss = divmod(rem, 60)
    return y, m, d, hh, mm, ss


def _split_timestamp(t):
    # Seconds and microseconds of a timestamp, rounded half to even.
    if not isinstance(t, float):
        t = _int(t)
        if not -2 ** 63 <= t < 2 ** 63:
            raise OverflowError('timestamp out of range for platform time_t')
        return t, 0
    if t != t:
        raise ValueError('Invalid value NaN (not a number)')
    if t in (float('inf'), float('-inf')):
        raise OverflowError('timestamp out of range for platform time_t')
    if not -9.223372036854776e18 <= t < 9.223372036854776e18:
        raise OverflowError('timestamp out of range for platform time_t')
    frac, whole = _math.modf(t)
    us = round(frac * 1e6)
    secs = int(whole)
    if us >= 1000000:
        secs += 1
        us -= 1000000
    elif us < 0:
        secs -= 1
        us += 1000000
    return secs, int(us)


class date:
    """date(year, month, day) --> date object"""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month, day):
        y, m, d = _check_date(year, month, day)
        return _new_date(cls, y, m, d)

    @classmethod
    def fromtimestamp(cls, t):
        """Create a date from a POSIX timestamp.

        The timestamp is a number, e.g. created via time.time(), that is interpreted
        as local time."""
        secs, _ = _split_timestamp(t)
        if isinstance(t, float):
            secs = _math.floor(t)
        y, m, d, _, _, _ = _local_fields(secs)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        """Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        n = _int(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        if n > _MAX_ORDINAL:
            raise ValueError('year %d is out of range' % _ord2ymd(n)[0])
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        """str -> Construct a date from a string in ISO 8601 format."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = None
        if len(date_string) in (7, 8, 10):
            ymd = _parse_iso_date(date_string)
        if ymd is None:
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """int, int, int -> Construct a date from the ISO year, week number and weekday.

        This is the inverse of the date.isocalendar() function"""
        return cls(*_isocal_to_ymd(_int(year), _int(week), _int(day)))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_cls_name(self), self._year, self._month, self._day)

    def isoformat(self):
        """Return string in ISO 8601 format, YYYY-MM-DD."""
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        """Return ctime() style string."""
        wd = (_ymd2ord(self._year, self._month, self._day) + 6) % 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYS[wd], _MONTHS[self._month],
                                            self._day, self._year)

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(None, format, self.timetuple(), 0)

    def __format__(self, fmt):
        _check_format_arg(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        y, m, d = self._year, self._month, self._day
        return _time.struct_time((y, m, d, 0, 0, 0, (_ymd2ord(y, m, d) + 6) % 7,
                                  _yday(y, m, d), -1))

    def toordinal(self):
        """Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."""
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        """Return the day of the week represented by the date.
        Monday == 0 ... Sunday == 6"""
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7

    def isoweekday(self):
        """Return the day of the week represented by the date.
        Monday == 1 ... Sunday == 7"""
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7 + 1

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday."""
        year = self._year
        today = _ymd2ord(year, self._month, self._day)
        monday = _iso_week1_monday(year)
        week, day = divmod(today - monday, 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _iso_week1_monday(year), 7)
        elif week >= 52 and today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        """Return date with new specified fields."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def _ord(self):
        return _ymd2ord(self._year, self._month, self._day)

    def _cmp_other(self, other, op):
        # None: compare as dates; else the result to return.
        if isinstance(other, datetime):
            if op == '==':
                return False
            if op == '!=':
                return True
            raise TypeError("can't compare datetime.datetime to datetime.date")
        if isinstance(other, date):
            return None
        return NotImplemented

    def __eq__(self, other):
        r = self._cmp_other(other, '==')
        if r is None:
            return self._ord() == other._ord()
        return r

    def __ne__(self, other):
        r = self._cmp_other(other, '!=')
        if r is None:
            return self._ord() != other._ord()
        return r

    def __lt__(self, other):
        r = self._cmp_other(other, '<')
        if r is None:
            return self._ord() < other._ord()
        return r

    def __le__(self, other):
        r = self._cmp_other(other, '<=')
        if r is None:
            return self._ord() <= other._ord()
        return r

    def __gt__(self, other):
        r = self._cmp_other(other, '>')
        if r is None:
            return self._ord() > other._ord()
        return r

    def __ge__(self, other):
        r = self._cmp_other(other, '>=')
        if r is None:
            return self._ord() >= other._ord()
        return r

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self._ord() + other._days
            if not 1 <= n <= _MAX_ORDINAL:
                raise OverflowError('date value out of range')
            y, m, d = _ord2ymd(n)
            return _new_date(type(self), y, m, d)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            n = self._ord() - other._days
            if not 1 <= n <= _MAX_ORDINAL:
                raise OverflowError('date value out of range')
            y, m, d = _ord2ymd(n)
            return _new_date(type(self), y, m, d)
        if isinstance(other, date) and not isinstance(other, datetime):
            return _td_from_us((self._ord() - other._ord()) * _US_PER_DAY)
        return NotImplemented

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# --- tzinfo and timezone -------------------------------------------------------

class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        """datetime -> string name of time zone."""
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        """datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"""
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        """datetime -> DST offset as timedelta positive east of UTC."""
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt._tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        off = _offset_of(self, 'utcoffset', dt)
        if off is None:
            raise ValueError('fromutc: non-None utcoffset() result required')
        dst = _offset_of(self, 'dst', dt)
        if dst is None:
            raise ValueError('fromutc: non-None dst() result required')
        # The standard offset moves UTC to standard local time; the DST of
        # that local time then finishes the move.
        delta = off - dst
        if delta:
            dt = dt + delta
            dst = _offset_of(self, 'dst', dt)
            if dst is None:
                raise ValueError('fromutc: tz.dst() gave inconsistent results; '
                                 'cannot convert')
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, '__getinitargs__', None)
        args = getinitargs() if getinitargs else ()
        state = getattr(self, '__dict__', None)
        if state:
            return (type(self), args, state)
        return (type(self), args)


class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be datetime.timedelta, not %s'
                            % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError('timezone() argument 2 must be str, not %s'
                            % type(name).__name__)
        if name is None and not offset and _UTC is not None:
            return _UTC
        if not -_DAY < offset < _DAY:
            raise ValueError('offset must be a timedelta strictly between '
                             '-timedelta(hours=24) and timedelta(hours=24), not %r.'
                             % (offset,))
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __init_subclass__(cls, **kw):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (timezone, self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return 'datetime.timezone.utc'
        if self._name is None:
            return 'datetime.timezone(%r)' % (self._offset,)
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def _check_arg(self, dt, meth):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError('%s(dt) argument must be a datetime instance or None, not %s'
                            % (meth, type(dt).__name__))

    def utcoffset(self, dt):
        """If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."""
        self._check_arg(dt, 'utcoffset')
        return self._offset

    def tzname(self, dt):
        """If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."""
        self._check_arg(dt, 'tzname')
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _fmt_offset(self._offset, ':')

    def dst(self, dt):
        """Return None."""
        self._check_arg(dt, 'dst')
        return None

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt._tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC

from _datetime_time import time, datetime, _EPOCH  # noqa: E402
