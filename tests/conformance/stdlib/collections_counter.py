# Covers: collections.Counter: counting, most_common, elements, update and
# subtract, arithmetic and comparisons, missing keys, repr order, total.
from collections import Counter

c = Counter("abracadabra")
print(c, c.most_common(2), c.most_common(), c["z"], sorted(c.elements()), c.total())
c2 = Counter(a=1, b=5)
print(c + c2, c - c2, c & c2, c | c2, +Counter(a=-1, b=2), -Counter(a=-1, b=3))
c.update("aaz"); c.subtract({"a": 2}); print(c, c == Counter(c))
print(Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2), Counter(a=3) >= Counter(a=1, b=0))
del c["zz"]; del c["z"]; print(c, Counter(), Counter({"x": 3}))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3), list(wc), len(wc), wc["the"], wc.get("dog"))
wc["dog"] += 2; wc["cat"] -= 1; print(wc)
c3 = Counter(x=3, y=-2); c3 += Counter(); print(c3)
c4 = Counter(a=5, b=2); c4 -= Counter(a=1, b=3); print(c4)
c5 = Counter(a=1); c5 |= Counter(a=4, b=1); print(c5)
c6 = Counter(a=4, b=1); c6 &= Counter(a=2); print(c6)
c7 = Counter(); c7.update({"a": 2}); c7.update({"a": 3}, b=1); print(c7)
c7.subtract(["a", "a", "c"]); print(c7, c7.total())
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError", e)
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter("ab") == "ab", dict(Counter("aab")))
print(Counter("aabbbc").most_common(1), Counter({"a": 1, "b": 1}).most_common())
class Tally(Counter):
    pass
print(Tally("xxy"), type(Tally("x").copy()).__name__)
print(sorted(Counter("mississippi").items()), Counter("").most_common(2))
