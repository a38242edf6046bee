# Covers: datetime.strptime, strftime with every time.strftime directive
# plus %f/%z/%Z, date.isocalendar (named tuple, year boundaries),
# timetuple, ctime, and date/datetime min, max and resolution.
from datetime import date, datetime, timedelta, timezone

dt = datetime.strptime("2024-03-05 14:07:09.123", "%Y-%m-%d %H:%M:%S.%f")
print(dt, repr(dt), dt.microsecond)
print(datetime.strptime("05/03/24 2PM", "%d/%m/%y %I%p"), datetime.strptime("2024 060", "%Y %j"))
print(datetime.strptime("Tue Mar  5 14:07:09 2024", "%c"))
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %U %W %w %y %p %I %%"))
print(dt.strftime("%c | %x | %X | %G-W%V-%u | %e | %C"), dt.strftime("[%z][%Z]"))
aware = datetime(2024, 3, 5, 14, 7, 9, tzinfo=timezone(timedelta(hours=5, minutes=30)))
print(aware.strftime("%H:%M %z"), datetime(2024, 1, 1, tzinfo=timezone.utc).strftime("%z %Z"))
d = date(2024, 3, 5)
print(d.strftime("%A %d %B %Y, day %j"), d.timetuple()[:9])
for y, m, dd in [(2024, 3, 5), (2021, 1, 1), (2020, 12, 31), (2019, 12, 30), (2026, 12, 31), (2027, 1, 3)]:
    ic = date(y, m, dd).isocalendar()
    print(y, m, dd, ic, ic.year, ic.week, ic.weekday, tuple(ic))
print(date(2024, 3, 5).ctime(), date.min, date.max, date.resolution)
print(datetime.min, datetime.max, datetime.resolution)
for s, f in [("2024-02-30", "%Y-%m-%d"), ("nope", "%Y")]:
    try:
        datetime.strptime(s, f)
    except ValueError as e:
        print("ValueError:", e)
