# The time and datetime classes of the datetime module (stdlib/datetime.py
# holds the calendar helpers, timedelta, date, tzinfo and timezone, and
# imports this module at its end, so the names below are its own).

import time as _time
import math as _math
from datetime import (
    date, timedelta, tzinfo, timezone, _int, _check_date, _check_time,
    _check_tzinfo, _cls_name, _offset_of, _tzname_of, _fmt_offset, _fmt_time,
    _strftime, _check_format_arg, _td_from_us, _new_date, _ymd2ord, _ord2ymd,
    _yday, _local_fields, _utc_fields, _split_timestamp, _iso_date_len,
    _parse_iso_date, _parse_iso_time, _US_PER_SEC, _US_PER_DAY, _MAX_ORDINAL,
    _EPOCH_ORD, _MONTHS, _DAYS, _UTC, _ZERO,
)


def _new_time(cls, hh, mm, ss, us, tz, fold):
    self = object.__new__(cls)
    self._hour = hh
    self._minute = mm
    self._second = ss
    self._microsecond = us
    self._tzinfo = tz
    self._fold = fold
    self._hashcode = -1
    return self


def _fold1(cls, args):
    # __reduce__ target for a time or datetime with fold=1.
    return cls(*args, fold=1)


class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object

    All arguments are optional. tzinfo may be None, or an instance of
    a tzinfo subclass. The remaining arguments may be ints.
    """

    __module__ = 'datetime'
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        hh, mm, ss, us, fold = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _new_time(cls, hh, mm, ss, us, tzinfo, fold)

    @classmethod
    def fromisoformat(cls, time_string):
        """string -> time from a string in ISO 8601 format"""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = time_string
        if s[:1] == 'T':
            s = s[1:]
        parts = _parse_iso_time(s) if s else None
        if parts is None:
            raise ValueError('Invalid isoformat string: %r' % (time_string,))
        return cls(*parts)

    hour = property(lambda self: self._hour, doc='hour (0-23)')
    minute = property(lambda self: self._minute, doc='minute (0-59)')
    second = property(lambda self: self._second, doc='second (0-59)')
    microsecond = property(lambda self: self._microsecond, doc='microsecond (0-999999)')
    tzinfo = property(lambda self: self._tzinfo, doc='timezone info object')
    fold = property(lambda self: self._fold)

    def _us(self):
        return (((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SEC
                + self._microsecond)

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        return _offset_of(self._tzinfo, 'utcoffset', None)

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        return _offset_of(self._tzinfo, 'dst', None)

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _tzname_of(self._tzinfo, None)

    def __repr__(self):
        s = '%s(%d, %d' % (_cls_name(self), self._hour, self._minute)
        if self._second or self._microsecond:
            s += ', %d' % self._second
        if self._microsecond:
            s += ', %d' % self._microsecond
        if self._fold:
            s += ', fold=1'
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        return s + ')'

    def isoformat(self, timespec='auto'):
        """Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].

        The optional argument timespec specifies the number of additional terms
        of the time to include. Valid options are 'auto', 'hours', 'minutes',
        'seconds', 'milliseconds' and 'microseconds'.
        """
        s = _fmt_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _fmt_offset(self.utcoffset(), ':')

    def __str__(self):
        return self.isoformat()

    def strftime(self, format):
        """format -> strftime() style string."""
        tt = _time.struct_time((1900, 1, 1, self._hour, self._minute, self._second,
                                0, 1, -1))
        return _strftime(self, format, tt, self._microsecond)

    def __format__(self, fmt):
        _check_format_arg(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        """Return time with new specified fields."""
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _cmp(self, other, eq):
        # -1, 0 or 1; for == and != across naive and aware: None.
        if self._tzinfo is other._tzinfo:
            a = self._us()
            b = other._us()
        else:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if (o1 is None) != (o2 is None):
                if eq:
                    return None
                raise TypeError("can't compare offset-naive and offset-aware times")
            a = self._us() - (o1._to_us() if o1 is not None else 0)
            b = other._us() - (o2._to_us() if o2 is not None else 0)
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._cmp(other, True) == 0

    def __ne__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._cmp(other, True) != 0

    def __lt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._cmp(other, False) < 0

    def __le__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._cmp(other, False) <= 0

    def __gt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._cmp(other, False) > 0

    def __ge__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._cmp(other, False) >= 0

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            us = self._us()
            if off is not None:
                us -= off._to_us()
            self._hashcode = hash(us)
        return self._hashcode

    def __bool__(self):
        return True

    def __reduce__(self):
        args = (self._hour, self._minute, self._second, self._microsecond, self._tzinfo)
        if self._fold:
            return (_fold1, (type(self), args))
        return (type(self), args)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _new_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold):
    self = object.__new__(cls)
    self._year = y
    self._month = m
    self._day = d
    self._hour = hh
    self._minute = mm
    self._second = ss
    self._microsecond = us
    self._tzinfo = tz
    self._fold = fold
    self._hashcode = -1
    return self


def _dt_from_us(cls, total, tz):
    # A datetime of type cls from microseconds since 0001-01-01T00:00.
    days, us = divmod(total, _US_PER_DAY)
    n = days + 1
    if not 1 <= n <= _MAX_ORDINAL:
        raise OverflowError('date value out of range')
    y, m, d = _ord2ymd(n)
    secs, us = divmod(us, _US_PER_SEC)
    hh, secs = divmod(secs, 3600)
    mm, ss = divmod(secs, 60)
    return _new_datetime(cls, y, m, d, hh, mm, ss, us, tz, 0)


def _local_offset(u):
    # UTC offset in seconds of the local time zone at timestamp u.
    y, m, d, hh, mm, ss = _local_fields(u)
    return (_ymd2ord(y, m, d) - _EPOCH_ORD) * 86400 + hh * 3600 + mm * 60 + ss - u


def _fromtimestamp(cls, t, utc, tz):
    secs, us = _split_timestamp(t)
    if utc:
        y, m, d, hh, mm, ss = _utc_fields(secs)
    else:
        y, m, d, hh, mm, ss = _local_fields(secs)
    self = cls(y, m, d, hh, mm, ss, us, tz)
    if tz is None and not utc:
        # PEP 495: the later of two times a wall clock shows twice has
        # fold=1. Clocks went back within the last day if the offset a day
        # ago was larger; then the same wall time also came trans earlier.
        trans = _local_offset(secs - 86400) - _local_offset(secs)
        if trans > 0:
            y2, m2, d2, hh2, mm2, ss2 = _local_fields(secs - trans)
            if (y2, m2, d2, hh2, mm2, ss2) == (y, m, d, hh, mm, ss):
                self._fold = 1
    return self


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

    The year, month and day arguments are required. tzinfo may be None, or an
    instance of a tzinfo subclass. The remaining arguments may be ints.
    """

    __module__ = 'datetime'
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month, day, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        y, m, d = _check_date(year, month, day)
        hh, mm, ss, us, fold = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _new_datetime(cls, y, m, d, hh, mm, ss, us, tzinfo, fold)

    hour = property(lambda self: self._hour, doc='hour (0-23)')
    minute = property(lambda self: self._minute, doc='minute (0-59)')
    second = property(lambda self: self._second, doc='second (0-59)')
    microsecond = property(lambda self: self._microsecond, doc='microsecond (0-999999)')
    tzinfo = property(lambda self: self._tzinfo, doc='timezone info object')
    fold = property(lambda self: self._fold)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """timestamp[, tz] -> tz's local time from POSIX timestamp."""
        _check_tzinfo(tz)
        if tz is None:
            return _fromtimestamp(cls, t, False, None)
        return tz.fromutc(_fromtimestamp(cls, t, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        return _fromtimestamp(cls, t, True, None)

    @classmethod
    def now(cls, tz=None):
        """Returns new datetime object representing current time local to tz.

          tz
            Timezone object.

        If no tz is specified, uses local timezone."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """Return a new datetime representing UTC day and time."""
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """date, time -> datetime with same date and time fields"""
        if not isinstance(date, _date_cls):
            raise TypeError('combine() argument 1 must be datetime.date, not %s'
                            % type(date).__name__)
        if not isinstance(time, _time_cls):
            raise TypeError('combine() argument 2 must be datetime.time, not %s'
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time._tzinfo
        return cls(date._year, date._month, date._day, time._hour, time._minute,
                   time._second, time._microsecond, tzinfo, fold=time._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """string -> datetime from a string in most ISO 8601 formats"""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = date_string
        n = _iso_date_len(s)
        ymd = _parse_iso_date(s[:n]) if n else None
        parts = (0, 0, 0, 0, None)
        if ymd is not None and len(s) > n:
            rest = s[n + 1:]
            parts = _parse_iso_time(rest) if rest else None
        if ymd is None or parts is None:
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        return cls(ymd[0], ymd[1], ymd[2], *parts)

    @classmethod
    def strptime(cls, date_string, format):
        """string, format -> new datetime parsed from a string (like time.strptime())."""
        import _strptime
        return _strptime._strptime_datetime(cls, date_string, format)

    def _us(self):
        # Microseconds since 0001-01-01T00:00 of the wall-clock fields.
        return ((_ymd2ord(self._year, self._month, self._day) - 1) * _US_PER_DAY
                + ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SEC
                + self._microsecond)

    def _epoch_secs(self):
        return ((_ymd2ord(self._year, self._month, self._day) - _EPOCH_ORD) * 86400
                + (self._hour * 60 + self._minute) * 60 + self._second)

    def _mktime(self):
        # The timestamp of this naive local time, following PEP 495: of two
        # candidates (a time repeated when clocks go back) fold picks the
        # later; of none (a time skipped when they go forward) fold picks
        # the offset in force before (fold=0) or after (fold=1).
        t = self._epoch_secs()
        a = _local_offset(t)
        u1 = t - a
        t1 = u1 + _local_offset(u1)
        if t1 == t:
            u2 = u1 + (86400 if self._fold else -86400)
            b = _local_offset(u2)
            if a == b:
                return u1
        else:
            b = t1 - u1
        u2 = t - b
        t2 = u2 + _local_offset(u2)
        if t2 == t:
            return u2
        if t1 == t:
            return u1
        return max(u1, u2) if self._fold else min(u1, u2)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._mktime()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        tm = _time.localtime(ts)
        return timezone(timedelta(seconds=tm.tm_gmtoff), tm.tm_zone)

    def timestamp(self):
        """Return POSIX timestamp as float."""
        if self._tzinfo is None:
            return self._mktime() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        return _offset_of(self._tzinfo, 'utcoffset', self)

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        return _offset_of(self._tzinfo, 'dst', self)

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _tzname_of(self._tzinfo, self)

    def date(self):
        """Return date object with same year, month and day."""
        return _new_date(_date_cls, self._year, self._month, self._day)

    def time(self):
        """Return time object with same time but with tzinfo=None."""
        return _new_time(_time_cls, self._hour, self._minute, self._second,
                         self._microsecond, None, self._fold)

    def timetz(self):
        """Return time object with same time and tzinfo."""
        return _new_time(_time_cls, self._hour, self._minute, self._second,
                         self._microsecond, self._tzinfo, self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        """Return datetime with new specified fields."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        """tz -> convert to local time in new timezone tz"""
        if tz is None:
            tz = self._local_timezone()
        else:
            _check_tzinfo(tz)
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            off = mytz.utcoffset(self)
        else:
            off = self.utcoffset()
            if off is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                off = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = _dt_from_us(type(self), self._us() - off._to_us(), tz)
        return tz.fromutc(utc)

    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        y, m, d = self._year, self._month, self._day
        return _time.struct_time((y, m, d, self._hour, self._minute, self._second,
                                  (_ymd2ord(y, m, d) + 6) % 7, _yday(y, m, d), isdst))

    def utctimetuple(self):
        """Return UTC time tuple, compatible with time.localtime()."""
        off = self.utcoffset()
        dt = self
        if off:
            # Out of range at the ends of time is allowed here, as in CPython:
            # the fields then wrap past year 1 or 9999.
            total = self._us() - off._to_us()
            days, us = divmod(total, _US_PER_DAY)
            if 1 <= days + 1 <= _MAX_ORDINAL:
                dt = _dt_from_us(_datetime_cls, total, None)
        y, m, d = dt._year, dt._month, dt._day
        return _time.struct_time((y, m, d, dt._hour, dt._minute, dt._second,
                                  (_ymd2ord(y, m, d) + 6) % 7, _yday(y, m, d), 0))

    def ctime(self):
        """Return ctime() style string."""
        wd = (_ymd2ord(self._year, self._month, self._day) + 6) % 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (
            _DAYS[wd], _MONTHS[self._month], self._day, self._hour, self._minute,
            self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        """[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].
        sep is used to separate the year from the time, and defaults to 'T'.
        The optional argument timespec specifies the number of additional terms
        of the time to include. Valid options are 'auto', 'hours', 'minutes',
        'seconds', 'milliseconds' and 'microseconds'.
        """
        if not isinstance(sep, str) or len(sep) != 1:
            what = ('a unicode character, not str' if isinstance(sep, str)
                    else 'a unicode character, not %s' % type(sep).__name__)
            raise TypeError('isoformat() argument 1 must be ' + what)
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep)
        s += _fmt_time(self._hour, self._minute, self._second, self._microsecond,
                       timespec)
        return s + _fmt_offset(self.utcoffset(), ':')

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        s = '%s(%d, %d, %d, %d, %d' % (_cls_name(self), self._year, self._month,
                                       self._day, self._hour, self._minute)
        if self._second or self._microsecond:
            s += ', %d' % self._second
        if self._microsecond:
            s += ', %d' % self._microsecond
        if self._fold:
            s += ', fold=1'
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        return s + ')'

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(self, format, self.timetuple(), self._microsecond)

    def __format__(self, fmt):
        _check_format_arg(fmt)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def _fold_matters(self):
        # True when this aware time's offset depends on fold (a repeated or
        # skipped wall time): such times never equal a time in another zone.
        tz = self._tzinfo
        if tz is None or type(tz) is timezone:
            return False
        flip = self.replace(fold=1 - self._fold)
        return flip.utcoffset() != self.utcoffset()

    def _cmp(self, other, eq):
        # -1, 0 or 1; None for == and != that must say "not equal".
        if self._tzinfo is other._tzinfo:
            a = self._us()
            b = other._us()
        else:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if eq and (self._fold_matters() or other._fold_matters()):
                return None
            if (o1 is None) != (o2 is None):
                if eq:
                    return None
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            a = self._us() - (o1._to_us() if o1 is not None else 0)
            b = other._us() - (o2._to_us() if o2 is not None else 0)
        return 0 if a == b else (1 if a > b else -1)

    def _other(self, other, op):
        # None when other is a datetime; else what the comparison returns.
        if isinstance(other, datetime):
            return None
        if isinstance(other, _date_cls):
            if op == '==':
                return False
            if op == '!=':
                return True
            raise TypeError("can't compare %s to %s"
                            % (_cls_name(self), _cls_name(other)))
        return NotImplemented

    def __eq__(self, other):
        r = self._other(other, '==')
        if r is None:
            return self._cmp(other, True) == 0
        return r

    def __ne__(self, other):
        r = self._other(other, '!=')
        if r is None:
            return self._cmp(other, True) != 0
        return r

    def __lt__(self, other):
        r = self._other(other, '<')
        if r is None:
            return self._cmp(other, False) < 0
        return r

    def __le__(self, other):
        r = self._other(other, '<=')
        if r is None:
            return self._cmp(other, False) <= 0
        return r

    def __gt__(self, other):
        r = self._other(other, '>')
        if r is None:
            return self._cmp(other, False) > 0
        return r

    def __ge__(self, other):
        r = self._other(other, '>=')
        if r is None:
            return self._cmp(other, False) >= 0
        return r

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            us = self._us()
            if off is not None:
                us -= off._to_us()
            self._hashcode = hash(us)
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _dt_from_us(type(self), self._us() + other._to_us(), self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _dt_from_us(type(self), self._us() - other._to_us(), self._tzinfo)
        if isinstance(other, datetime):
            a = self._us()
            b = other._us()
            if self._tzinfo is not other._tzinfo:
                o1 = self.utcoffset()
                o2 = other.utcoffset()
                if (o1 is None) != (o2 is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
                if o1 is not None:
                    a -= o1._to_us()
                    b -= o2._to_us()
            return _td_from_us(a - b)
        return NotImplemented

    def __reduce__(self):
        args = (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond, self._tzinfo)
        if self._fold:
            return (_fold1, (type(self), args))
        return (type(self), args)


_date_cls = date
_time_cls = time
_datetime_cls = datetime

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
