# Covers: tzinfo subclasses (a zone with daylight saving time: the
# generic fromutc, dst, tzname, fold in the repeated hour), timezone
# (names, offsets with seconds and microseconds, utc/min/max, equality,
# errors), astimezone between them, and checks on what a tzinfo returns.
from datetime import datetime, time, timedelta, timezone, tzinfo
import datetime as dtmod

HOUR = timedelta(hours=1)


class Eastern(tzinfo):
    """UTC-5, UTC-4 from the second Sunday of March 2:00 to the first
    Sunday of November 2:00 (local standard time)."""

    def _bounds(self, year):
        start = datetime(year, 3, 8, 2)
        start += timedelta(days=(6 - start.weekday()) % 7)
        end = datetime(year, 11, 1, 1)
        end += timedelta(days=(6 - end.weekday()) % 7)
        return start, end

    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return timedelta(0)
        start, end = self._bounds(dt.year)
        naive = dt.replace(tzinfo=None)
        if start + HOUR <= naive < end - HOUR:
            return HOUR
        if end - HOUR <= naive < end:
            return timedelta(0) if dt.fold else HOUR
        if start <= naive < start + HOUR:
            return HOUR if dt.fold else timedelta(0)
        return timedelta(0)

    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"

    def __repr__(self):
        return "Eastern()"


east = Eastern()
for h in range(3, 9):
    u = datetime(2024, 11, 3, h, 30, tzinfo=timezone.utc)
    loc = u.astimezone(east)
    print(u.time(), repr(loc), loc.tzname(), loc.utcoffset(), loc.dst(), loc.fold,
          loc.astimezone(timezone.utc) == u)
for h in range(5, 9):
    u = datetime(2024, 3, 10, h, 30, tzinfo=timezone.utc)
    loc = u.astimezone(east)
    print(u.time(), loc, loc.tzname(), loc.timetuple().tm_isdst)
amb0 = datetime(2024, 11, 3, 1, 30, tzinfo=east)
amb1 = amb0.replace(fold=1)
print(amb0.utcoffset(), amb1.utcoffset(), amb0 == amb1, amb0 - amb1,
      amb0.astimezone(timezone.utc), amb1.astimezone(timezone.utc))
print(amb0 == amb0.astimezone(timezone.utc), amb1 == amb1.astimezone(timezone.utc),
      datetime(2024, 7, 1, 12, tzinfo=east) == datetime(2024, 7, 1, 16, tzinfo=timezone.utc))
print(datetime(2024, 7, 4, 9, tzinfo=east).strftime("%Y-%m-%d %H:%M %Z %z"),
      datetime(2024, 1, 4, 9, tzinfo=east).isoformat(), time(1, tzinfo=east).tzname())
print(datetime.fromtimestamp(1720000000, east), datetime.now(east).tzinfo)

for off, name in [(timedelta(0), None), (timedelta(0), "Z0"), (HOUR, None),
                  (-HOUR, "minus"), (timedelta(hours=5, minutes=30), None),
                  (timedelta(seconds=-3601, microseconds=-5), None),
                  (timedelta(hours=23, minutes=59, seconds=59, microseconds=999999), None),
                  (timedelta(minutes=-90), None)]:
    tz = timezone(off) if name is None else timezone(off, name)
    print(repr(tz), str(tz), tz.utcoffset(None), tz.tzname(None), tz.dst(None),
          datetime(2020, 1, 1, tzinfo=tz).strftime("%z|%Z"),
          datetime(2020, 1, 1, tzinfo=tz).isoformat())
print(timezone.utc, repr(timezone.min), repr(timezone.max), dtmod.UTC is timezone.utc,
      timezone(timedelta(0)) is timezone.utc, timezone(HOUR) == timezone(HOUR, "x"),
      timezone(HOUR) == HOUR, hash(timezone(HOUR)) == hash(timezone(HOUR, "y")))
plus1 = timezone(HOUR)
print(timezone.utc.fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc)),
      plus1.fromutc(datetime(2020, 1, 1, tzinfo=plus1)))


class Bad(tzinfo):
    def __init__(self, off=None, name=None):
        self.off = off
        self.name = name

    def utcoffset(self, dt):
        return self.off

    def tzname(self, dt):
        return self.name

    def dst(self, dt):
        return self.off


print(datetime(2020, 1, 1, tzinfo=Bad()).utcoffset(), datetime(2020, 1, 1, tzinfo=Bad()).tzname(),
      datetime(2020, 1, 1, tzinfo=Bad()).isoformat(), datetime(2020, 1, 1, tzinfo=Bad()).strftime("[%z%Z]"))
for f in [lambda: datetime(2020, 1, 1, tzinfo=Bad(5)).utcoffset(),
          lambda: datetime(2020, 1, 1, tzinfo=Bad(timedelta(days=1))).utcoffset(),
          lambda: datetime(2020, 1, 1, tzinfo=Bad(-timedelta(days=1))).dst(),
          lambda: datetime(2020, 1, 1, tzinfo=Bad(name=5)).tzname(),
          lambda: datetime(2020, 1, 1, tzinfo=Bad()).astimezone(timezone.utc).tzinfo,
          lambda: Bad().fromutc(datetime(2020, 1, 1, tzinfo=Bad())),
          lambda: tzinfo().utcoffset(None), lambda: tzinfo().tzname(None),
          lambda: tzinfo().dst(None), lambda: tzinfo().fromutc(5),
          lambda: timezone(5), lambda: timezone(HOUR, 5), lambda: timezone(timedelta(days=1)),
          lambda: timezone(timedelta(hours=-24)), lambda: timezone.utc.utcoffset(5),
          lambda: timezone.utc.tzname("x"), lambda: timezone.utc.fromutc(datetime(2020, 1, 1)),
          lambda: timezone.utc.fromutc(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
