# Covers: time.strptime in the C locale: numeric and named directives,
# %I with %p, %j, %U/%W with a weekday, %G/%V/%u, %z, defaults, case
# folding, and the ValueErrors for mismatches and bad directives.
import time

cases = [
    ("2024-03-05 14:07:09", "%Y-%m-%d %H:%M:%S"),
    ("Tue Mar  5 14:07:09 2024", "%a %b %d %H:%M:%S %Y"),
    ("Tuesday, March 05, 24", "%A, %B %d, %y"),
    ("05/03/69", "%d/%m/%y"),
    ("2:30 pm", "%I:%M %p"),
    ("12:00 AM", "%I:%M %p"),
    ("2024 060", "%Y %j"),
    ("2024 10 3", "%Y %U %w"),
    ("2024 10 3", "%Y %W %w"),
    ("2024 00 1", "%Y %W %w"),
    ("2020-W53-5", "%G-W%V-%u"),
    ("29 feb", "%d %b"),
    ("JANUARY 1", "%B %d"),
    ("+0530", "%z"),
    ("10%", "%S%%"),
    (" 7", "%d"),
    ("Mon Jan  1 00:00:00 1900", "%c"),
    ("12/31/99 23:59:59", "%x %X"),
]
for s, f in cases:
    t = time.strptime(s, f)
    print(repr(s), f, tuple(t), t.tm_gmtoff)
print(time.strptime("Tue Mar  5 14:07:09 2024"))
for s, f in [("2024-13-01", "%Y-%m-%d"), ("2024", "%Y %m"), ("2024-01-01x", "%Y-%m-%d"),
             ("1", "%Q"), ("1", "%"), ("x", "%d")]:
    try:
        time.strptime(s, f)
    except ValueError as e:
        print("ValueError:", e)
try:
    time.strptime(5, "%d")
except TypeError as e:
    print("TypeError:", e)
