import bisect
a = [1, 2, 4, 4, 4, 8, 16]
for x in (0, 1, 3, 4, 5, 16, 17):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 4, lo=4, hi=6))
b = []
for x in (5, 1, 3, 3, 9, 0):
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 3)
bisect.insort_right(b, 4)
print(b)
# key= (3.10+)
recs = [('apple', 3), ('pear', 5), ('fig', 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]), bisect.bisect_right(recs, 9, key=lambda r: r[1]))
bisect.insort(recs, ('kiwi', 6), key=lambda r: r[1])
print(recs)
bisect.insort_left(recs, ('date', 3), key=lambda r: r[1])
print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print('ValueError', e)
try:
    bisect.bisect([1, 'a'], 2)
except TypeError as e:
    print('TypeError', e)
class Desc:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'D%d' % self.v
ds = [Desc(1), Desc(5)]
bisect.insort(ds, Desc(3))
print(ds, bisect.bisect(ds, Desc(5)))
print(bisect.bisect_left(range(0, 100, 5), 42), bisect.bisect_right((1, 1, 2), 1))
