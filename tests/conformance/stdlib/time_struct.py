# Covers: time.gmtime/struct_time (fields, repr, indexing, tm_zone,
# tm_gmtoff), mktime round trip, asctime/ctime formats, strftime directives
# (C locale) and its range checks, calendar.timegm, the clocks' types.
import calendar
import time

t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[:3], len(t), tuple(t), t.tm_zone, t.tm_gmtoff, isinstance(t, tuple))
print(time.gmtime(0), time.gmtime(-86400.5)[:6], time.gmtime(951782400)[:8])
print(calendar.timegm(t), calendar.timegm((2000, 2, 29, 12, 0, 0)))
print(time.asctime(t), time.asctime((2024, 3, 5, 7, 8, 9, 1, 65, 0)))
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %A %b %B %p %I %y %w %U %W %%", t))
print(time.strftime("%c | %x | %X | %D | %e | %G-%V-%u | %C | %h | %n%t|", t))
print(time.strftime("%Y", (1, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("", t) == "")
s = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))
print(s, s.tm_zone)
lt = time.localtime(1700000000)
print(type(lt).__name__, len(lt), time.mktime(lt) == 1700000000.0)
print(time.localtime(time.mktime((2021, 6, 15, 12, 30, 0, 0, 0, -1)))[:6])
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0),
            (2020, 1, 1, 24, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0),
            (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [(1, 2, 3), "x"]:
    try:
        time.strftime("%Y", bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print("TypeError:", e)
print(type(time.process_time()).__name__, type(time.thread_time()).__name__, type(time.perf_counter_ns()).__name__)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, type(time.process_time_ns()).__name__)
print(type(time.timezone).__name__, type(time.altzone).__name__, type(time.daylight).__name__, len(time.tzname))
