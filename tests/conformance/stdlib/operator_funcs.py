# Covers: operator functions and their dunder names, itemgetter, attrgetter,
# methodcaller (calls, reprs, types), length_hint, call.
import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(1, 2), operator.__add__(3, 4), operator.mul("a", 3), operator.truediv(1, 4))
print(operator.lt(1, 2), operator.eq([1], [1]), operator.not_(0), operator.truth([]))
print(operator.is_(None, None), operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
print(operator.neg(5), operator.inv(5), operator.invert(0), operator.index(7), operator.abs(-3))
l = [1, 2, 3]
operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.getitem(l, slice(0, 1)))
print(operator.iadd([1], [2]), operator.concat("a", "b"), operator.length_hint(iter([1, 2])), operator.length_hint(5, 3))
try: operator.concat(1, 2)
except TypeError as e: print(e)
g = itemgetter(1); print(g([1, 2]), g, itemgetter(0, 2)("abc"), itemgetter("k")({"k": 5}))
class P:
    def __init__(s): s.a = 1; s.b = self_b = type("B", (), {"c": 3})()
p = P()
print(attrgetter("a")(p), attrgetter("b.c")(p), attrgetter("a", "b.c")(p), attrgetter("a", "b.c"))
print(methodcaller("upper")("x"), methodcaller("split", ",", maxsplit=1)("a,b,c"), methodcaller("split", ",", maxsplit=1))
print(type(g), isinstance(g, itemgetter), operator.call(len, "abc"))
print(sorted([(2, "b"), (1, "a")], key=itemgetter(0)))
print(operator.ipow(2, 5), operator.matmul.__name__, operator.xor(6, 3), operator.pow(2, 10))
print(sorted(n for n in dir(operator) if not n.startswith("_"))[:10])
