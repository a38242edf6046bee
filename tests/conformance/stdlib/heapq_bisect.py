# Covers: heapq (push/pop/heapify/replace/pushpop layouts, merge, nlargest,
# nsmallest with key) and bisect (left/right, lo/hi, key=, insort).
import heapq, bisect
h = []
for x in [5, 3, 8, 1, 9, 2, 7]: heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), h)
l = [9, 8, 7, 6, 5, 4, 3, 2, 1]; heapq.heapify(l); print(l)
print([heapq.heappop(l) for _ in range(len(l))])
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([3, 2], [5, 1], reverse=True)))
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nlargest(2, ["aa", "b", "ccc"], key=len), heapq.nsmallest(1, []))
print(list(heapq.merge(["a", "bb"], ["c"], key=len)))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, 3))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [(1, "a"), (3, "b"), (5, "c")]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, "d"), key=lambda r: r[0]); print(recs)
try: heapq.heappop([])
except IndexError as e: print("IndexError", e)
try: bisect.bisect([1], 1, -1)
except ValueError as e: print("ValueError", e)

h = []
for x in [(3, "c"), (1, "a"), (2, "b"), (1, "z")]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(4)])
data = [15, 3, 99, 1, 42, 7, 7, 23, 0, -5, 64, 11]
heapq.heapify(data); print(data)
print(heapq.nlargest(4, data), heapq.nsmallest(4, data, key=lambda v: -v), list(heapq.merge([0, 5], [1, 2, 9], [])))
try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError", e)
grades = [60, 70, 80, 90]
print([("FDCBA"[bisect.bisect(grades, s)]) for s in [33, 99, 77, 70, 89, 90, 100]])
