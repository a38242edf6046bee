# Covers: calendar's helpers (isleap, leapdays, weekday, monthrange,
# monthcalendar, timegm), names, month/prmonth and calendar/prcal text as
# CPython prints it, TextCalendar with another first weekday, the
# Calendar iterators, and IllegalMonthError/IllegalWeekdayError.
import calendar

print(calendar.isleap(2000), calendar.isleap(1900), calendar.isleap(2024), calendar.leapdays(1900, 2025))
print(calendar.weekday(2024, 3, 5), calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.monthrange(2024, 12))
print(calendar.monthcalendar(2024, 3))
print(list(calendar.month_name), list(calendar.month_abbr)[1:4], list(calendar.day_name), list(calendar.day_abbr))
print(calendar.MONDAY, calendar.SUNDAY, calendar.firstweekday(), calendar.timegm((2024, 3, 5, 1, 2, 3)))
print(calendar.month(2024, 3))
calendar.prmonth(2023, 2)
print(calendar.month(2024, 2, w=3, l=2))
print(calendar.calendar(2024))
calendar.prcal(2023, w=2, l=1, c=4, m=4)
print(calendar.weekheader(3), "|", calendar.weekheader(9), "|", calendar.weekheader(1))
tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2024, 9))
print(list(tc.iterweekdays()), tc.getfirstweekday())
c = calendar.Calendar(firstweekday=2)
print(list(c.itermonthdays(2024, 2)))
print(list(c.itermonthdays2(2024, 2))[:9])
print(list(c.itermonthdays3(2024, 2))[:3], list(c.itermonthdays4(2024, 2))[-2:])
print(c.monthdays2calendar(2024, 2)[0], c.yeardayscalendar(2024, 6)[1][0][0])
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.monthcalendar(2024, 3)[0])
calendar.setfirstweekday(0)
for call in [lambda: calendar.monthrange(2024, 13), lambda: calendar.setfirstweekday(9),
             lambda: calendar.month(2024, 0)]:
    try:
        call()
    except ValueError as e:
        print(type(e).__name__, e)
