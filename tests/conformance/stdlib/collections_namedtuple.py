# Covers: collections.namedtuple: fields by name and index, _make, _asdict,
# _replace, _fields, _field_defaults, defaults, rename, errors, module,
# subclassing and unpacking.
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p), p + (3,), p * 2, hash(p) == hash((1, 2)))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3._field_defaults, P3.__doc__, P3(1, 2, 3) == (1, 2, 3))
R = namedtuple("R", "a def a _x", rename=True)
print(R._fields)
Comma = namedtuple("Comma", "a, b,c")
print(Comma(1, 2, 3), Comma._fields)
for bad in [("1x", "a"), ("T", "a a"), ("T", "_a"), ("T", "class"), ("T", ["a", "b"], [1, 2, 3])]:
    try:
        if len(bad) == 3:
            namedtuple(bad[0], bad[1], defaults=bad[2])
        else:
            namedtuple(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for call in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point._make([1])]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError", e)
print(Point.__module__, type(p).__name__, Point.__qualname__, Point.x.__doc__)
class Vec(namedtuple("Vec", "dx dy")):
    __slots__ = ()

    def length(self):
        return (self.dx ** 2 + self.dy ** 2) ** 0.5

    def __add__(self, other):
        return Vec(self.dx + other.dx, self.dy + other.dy)
v = Vec(3, 4)
print(v, v.length(), v + Vec(1, 1), Vec._make((5, 12)).length())
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError")
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(0, 9), Point(1, 0)))
Empty = namedtuple("Empty", [])
print(Empty(), Empty._fields, namedtuple("One", "only")(7))
