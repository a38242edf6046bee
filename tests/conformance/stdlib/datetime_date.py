# Covers: date construction and validation, ordinals (checked day by day
# against a counter), weekday/isoweekday/isocalendar, fromisoformat forms,
# fromisocalendar, replace, arithmetic with timedelta, comparisons, hashing,
# strftime/ctime/format, reprs of subclasses, copies, min/max/resolution.
from datetime import date, timedelta, datetime
import copy

d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.toordinal(), d.weekday(), d.isoweekday())
print(date.min, date.max, date.resolution, date.min.toordinal(), date.max.toordinal())

# Every day of some years: the ordinal goes up by one and round-trips.
n = date(1899, 12, 25).toordinal()
count = 0
for year in (1900, 2000, 2023, 2024, 2100):
    day = date(year, 1, 1)
    n = day.toordinal()
    while day.year == year:
        if date.fromordinal(n) != day or day.toordinal() != n:
            print("mismatch", day, n)
        day = day + timedelta(1)
        n += 1
        count += 1
print("days checked", count)
for n in (1, 365, 366, 730119, 730120, 146097, 146096, 3652059, 1461, 36524, 36525):
    print(n, date.fromordinal(n))

for y in range(1999, 2031):
    print(y, date(y, 1, 1).isocalendar(), date(y, 12, 28).isocalendar(),
          date(y, 12, 31).isocalendar(), date(y, 1, 1).weekday())
ic = date(2020, 12, 31).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic[0], tuple(ic), ic == (2020, 53, 4))
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2004, 1, 1),
      date.fromisocalendar(9999, 52, 5), date.fromisocalendar(1, 1, 1))

for s in ["2020-01-02", "20200102", "2020-W01", "2020W01", "2020-W01-3", "2020W013",
          "2020-W53-7", "2021-W53", "2020-02-30", "0000-01-01", "2020-1-2",
          "2020-01-02T00:00", "", "2020-013", "20200102 ", "2020/01/02"]:
    try:
        print(repr(s), repr(date.fromisoformat(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)

print(d.replace(year=2023, day=28), d.replace(month=3), d.replace())
for kw in [dict(year=2023), dict(month=13), dict(day=0)]:
    try:
        d.replace(**kw)
    except ValueError as e:
        print("ValueError", e)

print(d + timedelta(1), d - timedelta(60), timedelta(366) + d, d - date(2000, 1, 1),
      date(2000, 1, 1) - d, d + timedelta(hours=47), d - timedelta(seconds=1))
print(d == date(2024, 2, 29), d != date(2024, 2, 29), d < date(2024, 3, 1),
      d >= date(2025, 1, 1), d == "2024-02-29", d == datetime(2024, 2, 29))
print(sorted([date(2020, 5, 1), date(1999, 1, 1), d, date(2020, 4, 30)]))
print(hash(d) == hash(date(2024, 2, 29)), len({d, date(2024, 2, 29), date(2024, 3, 1)}))
print(d.ctime(), d.strftime("%Y/%m/%d %a %j"), f"{d}", f"{d:%d.%m.%Y}", format(d, ""))
print(d.timetuple(), d.timetuple().tm_yday, date(2023, 12, 31).timetuple()[7])
print(copy.copy(d), copy.deepcopy(d) == d)


class D(date):
    def __str__(self):
        return "D:" + self.isoformat()


x = D(2021, 3, 4)
print(repr(x), x, type(x + timedelta(1)).__name__, type(x - timedelta(1)).__name__,
      type(x.replace(day=5)).__name__, type(D.fromordinal(5)).__name__,
      type(D.fromisoformat("2020-01-01")).__name__, x - date(2021, 3, 1))

for f in [lambda: date(2020, 13, 1), lambda: date(2020, 2, 30), lambda: date(0, 1, 1),
          lambda: date(10000, 1, 1), lambda: date(2019, 2, 29), lambda: date(2020, 0, 1),
          lambda: date(2020.0, 1, 1), lambda: date("2020", 1, 1),
          lambda: date.fromordinal(0), lambda: date.fromordinal(3652060),
          lambda: date.fromisocalendar(2020, 54, 1), lambda: date.fromisocalendar(2021, 53, 1),
          lambda: date.fromisocalendar(2020, 1, 8), lambda: date.fromisocalendar(0, 1, 1),
          lambda: date.fromisocalendar(10000, 1, 1),
          lambda: date.max + timedelta(1), lambda: date.min - timedelta(1),
          lambda: date.fromisoformat(5), lambda: d.strftime(5), lambda: format(d, 5),
          lambda: d < datetime(2020, 1, 1), lambda: date(2020, 1, True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
