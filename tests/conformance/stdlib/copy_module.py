# Covers: copy.copy and copy.deepcopy: built-in containers, shared and
# recursive structure, __copy__/__deepcopy__ with the memo, __reduce__,
# __getstate__/__setstate__, slots, subclasses of built-in types, namedtuples.
import copy
from collections import namedtuple, OrderedDict, defaultdict, deque, Counter

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a); d = copy.deepcopy(a)
s[1].append(9)
print(a, d, s is a, s[1] is a[1], d[1] is a[1], d[2]["k"] is a[2]["k"])
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
rec = [1]; rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is not rec)
t = (1, 2, (3, 4)); print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, [2])
p2 = copy.copy(p); p3 = copy.deepcopy(p)
print(p2, p3, p2.y is p.y, p3.y is p.y, type(p3).__name__)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Custom("shallow:" + str(self.v))
    def __deepcopy__(self, memo):
        print("deepcopy memo is a dict:", isinstance(memo, dict))
        return Custom("deep:" + str(self.v))
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v)
class Reduced:
    def __init__(self, a):
        self.a = a
    def __reduce__(self):
        return (Reduced, (self.a * 10,))
print(copy.copy(Reduced(3)).a, copy.deepcopy(Reduced(4)).a)
class Stateful:
    def __init__(self):
        self.secret = 1
        self.cache = "big"
    def __getstate__(self):
        return {"secret": self.secret}
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = None
c = copy.deepcopy(Stateful()); print(c.secret, c.cache)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a, self.b = 1, [2]
sl = copy.deepcopy(Slotted()); print(sl.a, sl.b)
class MyList(list):
    pass
ml = MyList([1, [2]]); ml.tag = "t"
mc = copy.deepcopy(ml); print(type(mc).__name__, mc, mc.tag, mc[1] is ml[1])
P = namedtuple("P", "x y")
np_ = copy.deepcopy(P(1, [2])); print(np_, type(np_).__name__)
print(copy.deepcopy(OrderedDict(a=[1])), copy.copy(defaultdict(list, a=[1])), copy.deepcopy(deque([1, [2]], maxlen=3)), copy.copy(Counter("aab")))
print(copy.copy({1, 2}) == {1, 2}, copy.deepcopy(frozenset([1])), copy.copy(bytearray(b"x")), copy.deepcopy(range(3)))
print(copy.copy(len) is len, copy.deepcopy(Point) is Point, copy.Error is copy.error)
