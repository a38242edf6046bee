# Covers: collections.deque: maxlen, appends and pops at both ends, rotate,
# extend/extendleft, indexing, insert/remove/del, comparisons, copy, repr,
# errors, mutation during iteration.
from collections import deque

d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, len(d), d[0], d[-1], d.maxlen, 3 in d)
d.rotate(2); print(d); d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d, list(reversed(d)), d.count(3), d.index(3))
d.extend([7, 8]); d.extendleft([9, 10]); print(d)
d2 = deque(); print(d2, bool(d2), deque("abc") == deque("abc"), deque([1]) < deque([2]))
for op in (d2.pop, d2.popleft):
    try:
        op()
    except IndexError as e:
        print("IndexError", e)
d3 = deque(range(5)); d3.insert(2, "x"); d3.remove(3); del d3[0]; d3[0] = "y"
print(d3, d3 * 2, d3 + deque([1]), 2 * deque([0]))
d3.reverse(); print(d3, d3.copy(), deque(maxlen=0), deque([1, 2]).maxlen)
w = deque(maxlen=3)
for i in range(10):
    w.append(i)
print(w, sum(w), list(w), w.maxlen)
w.extendleft([100, 200]); print(w)
d4 = deque([1, 2, 3]); d4 += [4]; d4 *= 2; print(d4)
try:
    deque([1]).remove(5)
except ValueError as e:
    print("ValueError", e)
try:
    deque([1, 2], maxlen=-1)
except ValueError as e:
    print("ValueError", e)
try:
    deque([1, 2])[5]
except IndexError as e:
    print("IndexError", e)
d5 = deque([1, 2, 3])
try:
    for x in d5:
        d5.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
d6 = deque([1, 2, 3, 4, 5, 6])
d6.rotate(); print(d6); d6.rotate(-2); print(d6); d6.rotate(12); print(d6)
d6.clear(); print(d6, len(d6))
class MyDeque(deque):
    def total(self):
        return sum(self)
md = MyDeque([1, 2, 3], maxlen=4); md.append(9)
print(md, md.total(), type(md.copy()).__name__, isinstance(md, deque))
print(deque[int], deque("ab") != deque("ab"), deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]))
print(deque([deque([1])]), deque([1, 2, 3]).index(3, 1), deque(iter(range(3))))
