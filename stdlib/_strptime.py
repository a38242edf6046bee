# strptime for time and datetime in the C locale: each directive becomes a
# named regular-expression group; the matched fields are then combined into
# a date the way the documentation describes (defaults 1900-01-01, %I with
# %p, %j, %U/%W and %G/%V/%u weeks, %z offsets).

import re as _re

_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july',
           'august', 'september', 'october', 'november', 'december']

_DIRECTIVES = {
    'd': r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    'f': r"(?P<f>[0-9]{1,6})",
    'H': r"(?P<H>2[0-3]|[0-1]\d|\d)",
    'I': r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    'G': r"(?P<G>\d\d\d\d)",
    'j': r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    'm': r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    'M': r"(?P<M>[0-5]\d|\d)",
    'S': r"(?P<S>6[0-1]|[0-5]\d|\d)",
    'U': r"(?P<U>5[0-3]|[0-4]\d|\d)",
    'W': r"(?P<W>5[0-3]|[0-4]\d|\d)",
    'w': r"(?P<w>[0-6])",
    'u': r"(?P<u>[1-7])",
    'V': r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
    'y': r"(?P<y>\d\d)",
    'Y': r"(?P<Y>\d\d\d\d)",
    'z': r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    'A': "(?P<A>" + "|".join(_DAYS) + ")",
    'a': "(?P<a>" + "|".join(d[:3] for d in _DAYS) + ")",
    'B': "(?P<B>" + "|".join(_MONTHS) + ")",
    'b': "(?P<b>" + "|".join(m[:3] for m in _MONTHS) + ")",
    'p': "(?P<p>am|pm)",
    'Z': "(?P<Z>utc|gmt)",
    '%': "%",
}
_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
_cache = {}


def _pattern(fmt):
    out = []
    seen = set()
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == '%':
            if i + 1 >= len(fmt):
                raise ValueError("stray %% in format '%s'" % fmt)
            d = fmt[i + 1]
            i += 2
            if d in _COMPOSITE:
                out.append(_pattern(_COMPOSITE[d]))
                continue
            if d not in _DIRECTIVES:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, fmt))
            rx = _DIRECTIVES[d]
            if d != '%' and d in seen:
                # A repeated directive must match the same text again.
                rx = '(?P=%s)' % d
            seen.add(d)
            out.append(rx)
        elif c.isspace():
            while i < len(fmt) and fmt[i].isspace():
                i += 1
            out.append(r'\s+')
        else:
            out.append(_re.escape(c))
            i += 1
    return ''.join(out)


def _compile(fmt):
    rx = _cache.get(fmt)
    if rx is None:
        rx = _re.compile(_pattern(fmt), _re.IGNORECASE)
        if len(_cache) > 100:
            _cache.clear()
        _cache[fmt] = rx
    return rx


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _ordinal(y, m, d):
    # Days since 0001-01-01 (day 1), the proleptic Gregorian calendar.
    before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][m - 1]
    if m > 2 and _is_leap(y):
        before += 1
    y1 = y - 1
    return y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + before + d


def _from_ordinal(n):
    # The (year, month, day) of an ordinal.
    y = (n - 1) * 400 // 146097 + 1
    while _ordinal(y, 1, 1) > n:
        y -= 1
    while _ordinal(y + 1, 1, 1) <= n:
        y += 1
    m = 1
    while m < 12 and _ordinal(y, m + 1, 1) <= n:
        m += 1
    return y, m, n - _ordinal(y, m, 1) + 1


def _weekday(y, m, d):
    return (_ordinal(y, m, d) + 6) % 7


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg)))
    found = _compile(format).match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])
    g = found.groupdict()
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    for key, value in g.items():
        if value is None:
            continue
        if key == 'y':
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(value)
        elif key == 'G':
            iso_year = int(value)
        elif key == 'm':
            month = int(value)
        elif key == 'B':
            month = _MONTHS.index(value.lower()) + 1
        elif key == 'b':
            month = [m[:3] for m in _MONTHS].index(value.lower()) + 1
        elif key == 'd':
            day = int(value)
        elif key == 'H':
            hour = int(value)
        elif key == 'I':
            hour = int(value)
            ampm = (g.get('p') or '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif key == 'M':
            minute = int(value)
        elif key == 'S':
            second = int(value)
        elif key == 'f':
            fraction = int(value + '0' * (6 - len(value)))
        elif key == 'A':
            weekday = _DAYS.index(value.lower())
        elif key == 'a':
            weekday = [d[:3] for d in _DAYS].index(value.lower())
        elif key == 'w':
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(value) - 1
        elif key == 'j':
            julian = int(value)
        elif key in ('U', 'W'):
            week_of_year = int(value)
            week_of_year_start = 6 if key == 'U' else 0
        elif key == 'V':
            iso_week = int(value)
        elif key == 'z':
            z = value
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError("Inconsistent use of : in %s" % value)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 * 60) + (minutes * 60) + seconds
                gmtoff_remainder = z[8:]
                gmtoff_fraction = int(gmtoff_remainder + '0' * (6 - len(gmtoff_remainder))) if gmtoff_remainder else 0
                if z.startswith("-"):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == 'Z':
            tz = 0 if value.lower() in ('utc', 'gmt') else -1
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with "
                             "the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with "
                             "the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        else:
            raise ValueError("ISO week directive '%V' is incompatible with "
                             "the year directive '%Y'. Use the ISO year '%G' "
                             "instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            # Week 1 starts on the year's first Monday (%W) or Sunday (%U);
            # earlier days are week 0.
            first_wd = _weekday(year, 1, 1)
            dow = weekday
            if week_of_year_start == 6:
                first_wd = (first_wd + 1) % 7
                dow = (dow + 1) % 7
            if week_of_year == 0:
                julian = 1 + dow - first_wd
            else:
                julian = 1 + (7 - first_wd) % 7 + 7 * (week_of_year - 1) + dow
        elif iso_year is not None and iso_week is not None:
            # Monday of ISO week 1 holds January 4th; the day of the year
            # counts from the ISO year's January 1st (it may pass 366).
            jan4 = _ordinal(iso_year, 1, 4)
            week1_monday = jan4 - (jan4 + 6) % 7
            o = week1_monday + (iso_week - 1) * 7 + weekday
            year = iso_year
            julian = o - _ordinal(iso_year, 1, 1) + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        julian = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    else:
        year, month, day = _from_ordinal(_ordinal(year, 1, 1) + julian - 1)
    if weekday is None:
        weekday = _weekday(year, month, day)
    tzname = g.get('Z')
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz,
             tzname, gmtoff), fraction, gmtoff_fraction)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a time struct based on the input string and the format string."""
    import time
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt[:9] + tt[9:11])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a cls instance based on the input string and the format string."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        import datetime
        tzdelta = datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tzname:
            tz = datetime.timezone(tzdelta, tzname)
        else:
            tz = datetime.timezone(tzdelta)
        args += (tz,)
    return cls(*args)
