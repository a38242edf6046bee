# datetime for weft: dates, times and durations in the proleptic Gregorian
# calendar (naive local time is UTC, which is what weft's time.localtime uses).

import time as _time

MINYEAR = 1
MAXYEAR = 9999
_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_MONTH_NAMES = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                "Sep", "Oct", "Nov", "Dec"]
_FULL_MONTHS = ["", "January", "February", "March", "April", "May", "June",
                "July", "August", "September", "October", "November", "December"]
_DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULL_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
              "Saturday", "Sunday"]


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2 and _is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(y, m):
    d = 0
    for i in range(1, m):
        d += _DAYS_IN_MONTH[i]
    if m > 2 and _is_leap(y):
        d += 1
    return d


def _ymd2ord(y, m, d):
    return _days_before_year(y) + _days_before_month(y, m) + d


def _ord2ymd(n):
    # Days since 0001-01-01 (ordinal 1) to (year, month, day).
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = 1
    while True:
        dim = _days_in_month(year, month)
        if n < dim:
            return year, month, n + 1
        n -= dim
        month += 1


def _check_date(y, m, d):
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError('year %d is out of range' % y)
    if not 1 <= m <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= d <= _days_in_month(y, m):
        raise ValueError('day is out of range for month')


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0,
                 minutes=0, hours=0, weeks=0):
        total = (((weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60 + seconds)
                 * 1000000 + milliseconds * 1000 + microseconds)
        total = round(total)
        d, rem = divmod(total, 86400 * 1000000)
        s, us = divmod(rem, 1000000)
        self._days = d
        self._seconds = s
        self._microseconds = us

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 1000000

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return timedelta(microseconds=self._us() * k)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        return timedelta(microseconds=self._us() / other)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        return timedelta(microseconds=self._us() // other)

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        return self._us() < other._us()

    def __le__(self, other):
        return self._us() <= other._us()

    def __gt__(self, other):
        return self._us() > other._us()

    def __ge__(self, other):
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0

    def __abs__(self):
        return -self if self._us() < 0 else self

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append("0")
        return "datetime.timedelta(%s)" % ", ".join(args)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "s" if abs(self._days) != 1 else "") + s
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _strftime(fmt, y, m, d, hh, mm, ss, us, wd, yd):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == "Y":
            out.append("%04d" % y)
        elif k == "m":
            out.append("%02d" % m)
        elif k == "d":
            out.append("%02d" % d)
        elif k == "H":
            out.append("%02d" % hh)
        elif k == "I":
            out.append("%02d" % (hh % 12 or 12))
        elif k == "M":
            out.append("%02d" % mm)
        elif k == "S":
            out.append("%02d" % ss)
        elif k == "f":
            out.append("%06d" % us)
        elif k == "p":
            out.append("AM" if hh < 12 else "PM")
        elif k == "y":
            out.append("%02d" % (y % 100))
        elif k == "b":
            out.append(_MONTH_NAMES[m])
        elif k == "B":
            out.append(_FULL_MONTHS[m])
        elif k == "a":
            out.append(_DAY_NAMES[wd])
        elif k == "A":
            out.append(_FULL_DAYS[wd])
        elif k == "j":
            out.append("%03d" % yd)
        elif k == "w":
            out.append("%d" % ((wd + 1) % 7))
        elif k == "%":
            out.append("%")
        elif k == "Z" or k == "z":
            pass
        else:
            out.append("%" + k)
    return "".join(out)


def _iso_week1_monday(year):
    # The Monday of ISO week 1: the week holding January 4th.
    first = _ymd2ord(year, 1, 1)
    firstweekday = (first + 6) % 7
    week1monday = first - firstweekday
    if firstweekday > 3:
        week1monday += 7
    return week1monday


class IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return ('datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)'
                % (self[0], self[1], self[2]))


def _wrap_strftime(fmt, timetuple, us=0, tz_offset=None, tz_name=''):
    # %f, %z and %Z are datetime's own; the rest is time.strftime's.
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != '%' or i >= n:
            out.append(c)
            continue
        k = fmt[i]
        i += 1
        if k == 'f':
            out.append('%06d' % us)
        elif k == 'z':
            if tz_offset is not None:
                sign = '-' if tz_offset < 0 else '+'
                total = abs(tz_offset)
                hh, rest = divmod(total, 3600)
                mm, ss = divmod(rest, 60)
                s = '%s%02d%02d' % (sign, hh, mm)
                if ss:
                    s += '%02d' % ss
                out.append(s)
        elif k == 'Z':
            out.append((tz_name or '').replace('%', '%%'))
        else:
            out.append('%' + k)
    return _time.strftime(''.join(out), timetuple)


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    @classmethod
    def today(cls):
        t = _time.time()
        return cls.fromordinal(int(t // 86400) + _EPOCH_ORD)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._year, self._month, self._day)

    def isocalendar(self):
        """Return (ISO year, ISO week number, ISO weekday) as a named tuple."""
        year = self.year
        week1monday = _iso_week1_monday(year)
        today = _ymd2ord(self.year, self.month, self.day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _iso_week1_monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _iso_week1_monday(year + 1):
                year += 1
                week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def timetuple(self):
        """Return a time.struct_time like time.localtime()."""
        yd = _days_before_month(self.year, self.month) + self.day
        return _time.struct_time((self.year, self.month, self.day, 0, 0, 0,
                                  self.weekday(), yd, -1))

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (_DAY_NAMES[self.weekday()],
                                            _MONTH_NAMES[self.month], self.day,
                                            self.year)

    def replace(self, year=None, month=None, day=None):
        return date(year or self._year, month or self._month, day or self._day)

    def strftime(self, fmt):
        return _wrap_strftime(fmt, self.timetuple())

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        return type(other) is type(self) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() - other.days)
        if isinstance(other, date):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented


_EPOCH_ORD = _ymd2ord(1970, 1, 1)


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.tzinfo = tzinfo

    def isoformat(self):
        s = "%02d:%02d:%02d" % (self.hour, self.minute, self.second)
        if self.microsecond:
            s += ".%06d" % self.microsecond
        return s

    __str__ = isoformat

    def __repr__(self):
        return "datetime.time(%d, %d)" % (self.hour, self.minute) if not self.second else \
            "datetime.time(%d, %d, %d)" % (self.hour, self.minute, self.second)


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0,
                 microsecond=0, tzinfo=None):
        super().__init__(year, month, day)
        if not 0 <= hour <= 23:
            raise ValueError('hour must be in 0..23')
        if not 0 <= minute <= 59:
            raise ValueError('minute must be in 0..59')
        if not 0 <= second <= 59:
            raise ValueError('second must be in 0..59')
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        us_total = round(t * 1000000)
        days, rem = divmod(us_total, 86400 * 1000000)
        secs, us = divmod(rem, 1000000)
        y, m, d = _ord2ymd(days + _EPOCH_ORD)
        hh, rem = divmod(secs, 3600)
        mm, ss = divmod(rem, 60)
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, d, t):
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timestamp(self):
        days = self.toordinal() - _EPOCH_ORD
        return days * 86400 + self._hour * 3600 + self._minute * 60 + self._second + self._microsecond / 1000000

    def _key(self):
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)

    def isoformat(self, sep="T"):
        s = "%04d-%02d-%02d%s%02d:%02d:%02d" % (self._year, self._month, self._day, sep,
                                               self._hour, self._minute, self._second)
        if self._microsecond:
            s += ".%06d" % self._microsecond
        return s

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        parts = [self._year, self._month, self._day, self._hour, self._minute]
        if self._second or self._microsecond:
            parts.append(self._second)
        if self._microsecond:
            parts.append(self._microsecond)
        return "datetime.datetime(%s)" % ", ".join(str(p) for p in parts)

    def strftime(self, fmt):
        tz = self._tzinfo
        off = name = None
        if tz is not None:
            o = tz.utcoffset(self)
            off = None if o is None else o.days * 86400 + o.seconds
            name = tz.tzname(self)
        yd = _days_before_month(self._year, self._month) + self._day
        tt = (self._year, self._month, self._day, self._hour, self._minute,
              self._second, self.weekday(), yd, -1)
        return _wrap_strftime(fmt, tt, self._microsecond, off, name)

    @classmethod
    def strptime(cls, date_string, format):
        """string, format -> new datetime parsed from a string (like time.strptime())."""
        import _strptime
        return _strptime._strptime_datetime(cls, date_string, format)

    def timetuple(self):
        yd = _days_before_month(self._year, self._month) + self._day
        return _time.struct_time((self._year, self._month, self._day, self._hour,
                                  self._minute, self._second, self.weekday(), yd, -1))

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None):
        return datetime(self._year if year is None else year,
                        self._month if month is None else month,
                        self._day if day is None else day,
                        self._hour if hour is None else hour,
                        self._minute if minute is None else minute,
                        self._second if second is None else second,
                        self._microsecond if microsecond is None else microsecond)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return datetime.fromtimestamp(self.timestamp() + other.total_seconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return datetime.fromtimestamp(self.timestamp() - other.total_seconds())
        if isinstance(other, datetime):
            us = round((self.timestamp() - other.timestamp()) * 1000000)
            return timedelta(microseconds=us)
        return NotImplemented


class tzinfo:
    pass


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        return self._name or "UTC"

    def __repr__(self):
        return "datetime.timezone.utc" if self._offset == timedelta(0) else \
            "datetime.timezone(%r)" % (self._offset,)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
