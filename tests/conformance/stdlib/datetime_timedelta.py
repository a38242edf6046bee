# Covers: timedelta construction from ints and floats (CPython's exact
# rounding), normalisation, repr/str, every arithmetic operator, comparisons,
# hashing, min/max/resolution, errors and subclasses.
from datetime import timedelta
import copy

cases = [
    (), (1,), (0, 1), (0, 0, 1), (-1,), (0, -1), (0, 0, -1),
    (1, 86400), (0, 86401, 1000001), (0, 0, 0, 1500), (0, 0, 0, 0, 61, 25, 2),
    (0.5,), (0, 0.1), (0, 0, 0.5), (0, 0, 1.5), (0, 0, 2.5), (0, 0, -0.5),
    (0, 0, -1.5), (0.1, 0.3), (1e-6,), (0, 1e-6), (0, 0, 0, 0.0005),
    (0, 0, 0, 0, 1.1), (0, 0, 0, 0, 0, 1e-9), (0, 0, 0, 0, 0, 0, 0.3),
    (-0.1, -0.2, -0.3), (999999999,), (-999999999,), (3.0000005,),
]
for args in cases:
    td = timedelta(*args)
    print(args, repr(td), str(td), td.days, td.seconds, td.microseconds,
          td.total_seconds())
print(timedelta(weeks=1, days=-1, hours=-23, minutes=-59, seconds=-59,
                milliseconds=-999, microseconds=-1000))
print(repr(timedelta(minutes=0.5, microseconds=0.25, milliseconds=0.0005)))
print(timedelta.min, timedelta.max, timedelta.resolution, repr(timedelta.min))

a = timedelta(days=2, hours=3, microseconds=7)
b = timedelta(hours=-5, seconds=30)
print(a + b, a - b, b - a, -a, +b, abs(b), abs(-a))
print(a * 3, 3 * a, a * -1, a * 0.5, 0.5 * a, a * 1.1, b * 2.5, a * 0)
print(a / b, a / 3, a / -7, a / 2.5, a / 0.1, b / 4)
print(a // b, a // 3, a // -7, b // 4, a % b, b % a, divmod(a, b), divmod(b, a))
print(timedelta(microseconds=1) / 2, timedelta(microseconds=3) / 2,
      timedelta(microseconds=-1) / 2, timedelta(microseconds=5) * 0.5,
      timedelta(microseconds=7) * 0.5)
print(a == a, a == b, a != b, a < b, a > b, a <= a, a >= b, a == 5, a != "x")
print(sorted([a, b, -a, timedelta(0), timedelta(1)]))
print(hash(timedelta(1)) == hash(timedelta(hours=24)), bool(timedelta(0)),
      bool(timedelta(microseconds=1)), len({timedelta(1), timedelta(hours=24)}))
print(copy.copy(a) == a, copy.deepcopy(b) == b, type(copy.copy(a)).__name__)


class TD(timedelta):
    pass


t = TD(1, 2)
print(repr(t), t, type(t + t).__name__, type(-t).__name__, type(t * 2).__name__,
      isinstance(t, timedelta))

for f in [lambda: timedelta("1"), lambda: timedelta(seconds=[]),
          lambda: timedelta(1e9), lambda: timedelta(-1e9),
          lambda: timedelta(float("inf")), lambda: timedelta(float("nan")),
          lambda: timedelta.max + timedelta.resolution,
          lambda: timedelta.min - timedelta.resolution,
          lambda: a / 0, lambda: a / 0.0, lambda: a // 0,
          lambda: a // timedelta(0), lambda: a % timedelta(0),
          lambda: a + 1 if 0 else 0,
          ]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
