# Covers: datetime and time construction, fromisoformat (every 3.11 form:
# T or any separator, basic and extended, week dates, fractions, Z and
# offsets), isoformat with timespec and sep, reprs, exact arithmetic,
# naive/aware comparisons and their errors, hashing, combine, replace,
# timestamps in UTC, utctimetuple, copies and subclasses.
from datetime import datetime, date, time, timedelta, timezone
import copy

dt = datetime(2024, 3, 5, 14, 7, 9, 123456)
print(dt, repr(dt), dt.date(), dt.time(), dt.timetz(), repr(dt.date()), repr(dt.time()))
for spec in ["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]:
    print(spec, dt.isoformat(timespec=spec), datetime(2024, 3, 5).isoformat(" ", spec),
          time(1, 2, 3).isoformat(spec))
print(dt.isoformat("x"), dt.isoformat(sep="\u00e9"), str(time(0)), repr(time(0)))
for t in [time(), time(1), time(1, 2, 3), time(1, 2, 0, 5), time(23, 59, 59, 999999, fold=1),
          time(5, tzinfo=timezone.utc), time(5, 6, 7, 8, timezone(timedelta(hours=-3)))]:
    print(repr(t), t, t.isoformat(), t.utcoffset(), t.tzname(), t.dst(), bool(t))
print(repr(datetime(2020, 1, 1, fold=1)), repr(datetime(2020, 1, 1, 0, 0, 0, 1, timezone.utc)))

for s in ["2020-01-02", "20200102", "2020-W01", "2020W013T10", "2020-01-02T10",
          "2020-01-02 10:11", "2020-01-02x10:11:12", "2020-01-02T1011", "2020-01-02T101112",
          "2020-01-02T10:11:12.5", "2020-01-02T10:11:12,123456789",
          "2020-01-02T10:11:12.1234567", "2020-01-02T10:11:12Z",
          "2020-01-02T10:11:12+05", "2020-01-02T10:11:12+0530",
          "2020-01-02T10:11:12+05:30:15.5", "2020-01-02T10:11:12-05:30:15.000001",
          "20200102T101112Z", "2020-01-02T", "2020-01-02T10:1", "2020-01-02T10:11:1",
          "2020-01-02T10:11:12.", "2020-01-02T24:00", "2020-1-2", "2020-01-02T10:11:12+5",
          "2020-01-02T10:11:12.123+05:00", "2020-01-02T10:11+05:00", "2020-01-02T10+05:00",
          "2020-01-02T10:11:12-00:00", "2020-01-02T10:11:12+24:00",
          "2020-01-02T10:11:12+23:59", "2020-01-02T10:11:12Z+01", "2020W01T10",
          "2020-01-02T101112.5", "2020-01-0210:11", "2020-01-02T10:11:12.1Z",
          "2020-01-02 ", "2024-03-05T14:07:09.123456+01:00"]:
    try:
        print(repr(s), repr(datetime.fromisoformat(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for s in ["10", "10:11", "1011", "101112", "10:11:12.5", "T10:11", "10:11:12Z",
          "10:11:12+01:00", "T101112", "10:11:12,5", "10:11:12.1234567", "24:00",
          "10:11:12.", "T", "", "10:11:12+01:00:00.000001", "1", "10:11:12-0130"]:
    try:
        print(repr(s), repr(time.fromisoformat(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
print(datetime.fromisoformat(dt.isoformat()) == dt,
      time.fromisoformat(time(4, 5, 6, 7).isoformat()) == time(4, 5, 6, 7))

a = datetime(2020, 2, 28, 23, 30)
print(a + timedelta(hours=1), a + timedelta(days=1, microseconds=1), a - timedelta(days=59),
      timedelta(minutes=-31) + a, a - datetime(2019, 2, 28), datetime(2019, 2, 28) - a,
      a + timedelta(microseconds=-1), a - a, datetime.max - datetime.min)
print(datetime(2000, 1, 1) + timedelta(seconds=0.5), datetime(1, 1, 1) + timedelta(days=3652058))

utc = timezone.utc
est = timezone(timedelta(hours=-5), "EST")
ist = timezone(timedelta(hours=5, minutes=30))
x = datetime(2024, 1, 1, 12, tzinfo=utc)
y = datetime(2024, 1, 1, 7, tzinfo=est)
z = datetime(2024, 1, 1, 17, 30, tzinfo=ist)
print(x == y, y == z, x - y, z - y, x < z, x.isoformat(), y.isoformat(), str(z))
print(hash(x) == hash(y) == hash(z), len({x, y, z}), x.utcoffset(), y.tzname(), z.tzname())
print(y.astimezone(utc), z.astimezone(est), x.astimezone(ist), repr(y.astimezone(ist)))
print(x.astimezone(utc) is x, x.timestamp(), y.timestamp(), datetime(1970, 1, 1, tzinfo=utc).timestamp())
print(datetime.utcfromtimestamp(0), datetime.utcfromtimestamp(1700000000.5),
      datetime.utcfromtimestamp(-1.25), datetime.utcfromtimestamp(1.0000005),
      datetime.utcfromtimestamp(2.5e-6), datetime.fromtimestamp(86400 * 365, utc),
      datetime.fromtimestamp(1e9, est), repr(datetime.fromtimestamp(0, ist)))
print(x.utctimetuple(), y.utctimetuple()[:6], y.timetuple(), datetime(2020, 5, 6).timetuple())
naive = datetime(2024, 1, 1, 12)
print(naive == x, naive != x)
for f in [lambda: naive < x, lambda: naive - x, lambda: time(1) < time(1, tzinfo=utc),
          lambda: x > date(2024, 1, 1), lambda: date(2024, 1, 1) <= x]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
print(time(1, tzinfo=utc) == time(2, tzinfo=timezone(timedelta(hours=1))),
      time(1) == time(1, tzinfo=utc), time(3) > time(2, 59), time(1) == 1)

c = datetime.combine(date(2020, 1, 2), time(3, 4, 5, 6, est))
print(repr(c), repr(datetime.combine(date(2020, 1, 2), time(3), utc)),
      repr(datetime.combine(dt, time(1), tzinfo=None)))
print(repr(dt.replace(year=2000, microsecond=0)), repr(c.replace(tzinfo=None)),
      repr(dt.replace(tzinfo=utc, fold=1)), repr(time(1).replace(minute=5, tzinfo=utc)))
print(dt.ctime(), datetime(2020, 1, 1, 1, 2, 3).ctime(), dt.weekday(), dt.isocalendar(),
      dt.toordinal(), datetime.fromordinal(738000), datetime.fromisocalendar(2020, 1, 1))
print(copy.copy(dt) == dt, copy.deepcopy(c) == c, repr(copy.deepcopy(datetime(2020, 1, 1, fold=1))),
      repr(copy.copy(time(1, fold=1))), copy.deepcopy(est) == est, repr(copy.copy(utc)))
print(datetime.min, datetime.max, datetime.resolution, time.min, time.max, time.resolution)
print(hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1)),
      datetime(2020, 1, 1, fold=1) == datetime(2020, 1, 1))


class DT(datetime):
    pass


class T(time):
    pass


e = DT(2021, 1, 2, 3)
print(repr(e), type(e + timedelta(1)).__name__, type(e - timedelta(1)).__name__,
      type(e.replace(hour=1)).__name__, type(DT.combine(date(2020, 1, 1), time())).__name__,
      type(DT.fromisoformat("2020-01-01")).__name__, type(e.astimezone(utc)).__name__,
      type(e.date()).__name__, type(e - e).__name__, repr(T(1, 2)), type(T(1).replace()).__name__)

for f in [lambda: datetime(2020, 1, 1, 24), lambda: datetime(2020, 1, 1, 0, 60),
          lambda: datetime(2020, 1, 1, 0, 0, 60), lambda: datetime(2020, 1, 1, 0, 0, 0, 10**6),
          lambda: datetime(2020, 1, 1, fold=2), lambda: datetime(2020, 1, 1, tzinfo=1),
          lambda: time(-1), lambda: time(tzinfo="x"), lambda: dt.isoformat(sep="ab"),
          lambda: dt.isoformat(timespec="x"), lambda: time(1).isoformat("days"),
          lambda: datetime.max + timedelta(microseconds=1),
          lambda: datetime.min - timedelta(microseconds=1),
          lambda: datetime.combine(5, time()), lambda: datetime.combine(date(2020, 1, 1), 5),
          lambda: datetime.fromisoformat(None), lambda: dt.astimezone(5),
          lambda: datetime.utcfromtimestamp(1e20), lambda: datetime.utcfromtimestamp("x"),
          lambda: datetime.utcfromtimestamp(float("nan"))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
