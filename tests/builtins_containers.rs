//! list, tuple, range, slice, dict, set and the iteration built-ins: small
//! scripts run through the weft binary, compared with CPython 3.11's output.

mod common;

use common::check;

#[test]
fn subclasses_ranges_slices_views_sets() {
    check(
        r####"class L(list):
    pass
x = L([3,1,2])
print(x, len(x), type(x).__name__, x[0], x[1:], sorted(x))
x.append(5); x.sort(); print(x, isinstance(x, list))
print(x == [1,2,3,5], [1,2,3,5] == x)
class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
print(d, d['a'], d['zz'], len(d), list(d.items()))
class S(set): pass
s = S([1,2,3])
print(sorted(s), type(s).__name__, 2 in s, len(s))
class T(tuple): pass
t = T((1,2))
print(t, len(t), t[0], type(t).__name__)
print(list(reversed(range(10, 0, -3))), list(range(-5)), range(1, 10, 2)[::-1])
print(slice(1, 2).indices(10), slice(None, None, -1).indices(5), slice(3))
print(slice(1,2) == slice(1,2), slice(1,2) < slice(1,3))
try: range(1.5)
except TypeError as e: print(e)
try: range(1, 2, 0)
except ValueError as e: print(e)
try: reversed(5)
except TypeError as e: print(e)
try: reversed({1,2})
except TypeError as e: print(e)
try: dict([(1,2,3)])
except ValueError as e: print(e)
try: dict([1])
except TypeError as e: print(e)
try: {}.popitem()
except KeyError as e: print(e)
try: set().pop()
except KeyError as e: print(e)
try: [1].index(3)
except ValueError as e: print(e)
try: (1,).index(3)
except ValueError as e: print(e)
try: range(3).index(7)
except ValueError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: [1].pop(3)
except IndexError as e: print(e)
try: [1, 'a'].sort()
except TypeError as e: print(e)
a = [1,2,3]
a[1:2] = [7,8,9]
print(a)
del a[::2]
print(a)
a *= 2
print(a)
print(list(zip([1,2],[3,4],strict=True)))
try: list(zip([1,2],[3],strict=True))
except ValueError as e: print(e)
print(list(enumerate([5,6], 1)))
print(dict.fromkeys(range(3), 'x'))
print({1:2}.keys() | {5}, {1:2}.items() & {(1,2)}, {'a':1}.keys() - ['a'])
print({1,2} - {1:2}.keys())
print(frozenset({1,2}) | {3}, sorted({3} | frozenset({1})))
fs = frozenset([1,2])
print(hash(fs) == hash(frozenset([2,1])))
print(list(reversed({'a':1,'b':2}.items())), list(reversed({'a':1}.values())))
print(sorted([3,1,2], reverse=True), sorted("hello", key=lambda c: -ord(c)))
class R:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(R())))
l = [5, 3, 8]
l.sort(key=lambda v: -v)
print(l)
m = {'a': 1}
m |= [('b', 2)]
print(m, m | {'c': 3}, {'z': 0} | m)
print(list(map(lambda a, b: a + b, [1,2], [3,4,5])))
print(list(filter(None, [0, 1, '', 'a'])))
print(tuple(range(3)) + (1,), (1,2) * 2, 2 * (1,))
print([1,2].__add__([3]), [1].__mul__(3), list.__len__([1,2]))
print(range(0, 10, 3) == range(0, 11, 3), hash(range(3)) == hash(range(0,3)))
e = {}
e.update({'x': 1}, y=2)
print(e, e.copy() == e, {'a': 1}.get('b', 5))
print({1,2}.union([3], (4,)), {1,2,3}.intersection([2,3], {3}), {1,2}.symmetric_difference({2,3}))
print({1,2}.issubset({1,2,3}), {1,2} >= {1}, {1} < {1,2})
"####,
        r####"[3, 1, 2] 3 L 3 [1, 2] [1, 2, 3]
[1, 2, 3, 5] True
True True
{'a': 1} 1 zzzz 1 [('a', 1)]
[1, 2, 3] S True 3
(1, 2) 2 1 T
[1, 4, 7, 10] [] range(9, -1, -2)
(1, 2, 1) (4, -1, -1) slice(None, 3, None)
True True
'float' object cannot be interpreted as an integer
range() arg 3 must not be zero
'int' object is not reversible
'set' object is not reversible
dictionary update sequence element #0 has length 3; 2 is required
cannot convert dictionary update sequence element #0 to a sequence
'popitem(): dictionary is empty'
'pop from an empty set'
3 is not in list
tuple.index(x): x not in tuple
7 is not in range
pop from empty list
pop index out of range
'<' not supported between instances of 'str' and 'int'
[1, 7, 8, 9, 3]
[7, 9]
[7, 9, 7, 9]
[(1, 3), (2, 4)]
zip() argument 2 is shorter than argument 1
[(1, 5), (2, 6)]
{0: 'x', 1: 'x', 2: 'x'}
{1, 5} {(1, 2)} set()
{2}
frozenset({1, 2, 3}) [1, 3]
True
[('b', 2), ('a', 1)] [1]
[3, 2, 1] ['o', 'l', 'l', 'h', 'e']
[20, 10, 0]
[8, 5, 3]
{'a': 1, 'b': 2} {'a': 1, 'b': 2, 'c': 3} {'z': 0, 'a': 1, 'b': 2}
[4, 6]
[1, 'a']
(0, 1, 2, 1) (1, 2, 1, 2) (1, 1)
[1, 2, 3] [1, 1, 1] 2
True True
{'x': 1, 'y': 2} True 5
{1, 2, 3, 4} {3} {1, 3}
True True True
"####,
    );
}

#[test]
fn error_messages() {
    check(
        r####"def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: [].append())
t(lambda: [].append(1, 2))
t(lambda: [].insert(1))
t(lambda: [].pop(1, 2))
t(lambda: [].index())
t(lambda: [].sort(1))
t(lambda: [].sort(foo=1))
t(lambda: sorted())
t(lambda: sorted([], foo=1))
t(lambda: [1].extend(5))
t(lambda: list(5))
t(lambda: list([1], [2]))
t(lambda: tuple(5))
t(lambda: [1] + (1,))
t(lambda: (1,) + [1])
t(lambda: [1] * 'a')
t(lambda: [1] * 2.0)
t(lambda: {}.get())
t(lambda: {}.pop())
t(lambda: dict(1))
t(lambda: dict([[1, 2], "ab", (3, 4)]))
t(lambda: dict(["abc"]))
t(lambda: {1} | [2])
t(lambda: {1} - 1)
t(lambda: set(1))
t(lambda: frozenset([1]).add(2))
t(lambda: {}.keys() & 1)
t(lambda: range())
t(lambda: range(1, 2, 3, 4))
t(lambda: range('a'))
t(lambda: range(5)[10])
t(lambda: range(5)['a'])
t(lambda: zip(1))
t(lambda: map(len))
t(lambda: filter(len))
t(lambda: enumerate())
t(lambda: enumerate([], 'a'))
t(lambda: list(zip([1], [2, 3], strict=True)))
t(lambda: list(zip([1, 2], [2], [3, 4], strict=True)))
t(lambda: slice())
t(lambda: slice(1, 2, 0).indices(3))
t(lambda: slice(1).indices(-1))
t(lambda: [1, 2, 3].index(2, -1))
t(lambda: [1, 2, 3].index(2, 0, 1))
t(lambda: {1: 2}.setdefault())
t(lambda: {}.update(1))
t(lambda: {}.update([1]))
t(lambda: {}.update({}, {}))
t(lambda: {1, 2}.remove([1]))
t(lambda: reversed([], []))
t(lambda: [3, 1, 2].sort(key=1))
t(lambda: dict.fromkeys())
t(lambda: list.append(1, 2))
a = [1]
a.extend(a); a.append(a); print(a)
x = [3, 1, 2]
print(x.sort(key=None, reverse=0), x)
print(list(range(10))[slice(2, 8, 3)], "abcdef"[slice(None, None, 2)])
print(range(10)[2:8:3], range(10)[::-1], range(0, 10, 2)[-1:0:-2])
print([1, 2] < [1, 2, 3], (1, 2) >= (1, 2), [] == (), [1] != [1.0])
print({1: 'a'}.keys(), {1: 'a'}.values(), {1: 'a'}.items())
"####,
        r####"TypeError list.append() takes exactly one argument (0 given)
TypeError list.append() takes exactly one argument (2 given)
TypeError insert expected 2 arguments, got 1
TypeError pop expected at most 1 argument, got 2
TypeError index expected at least 1 argument, got 0
TypeError sort() takes no positional arguments
TypeError 'foo' is an invalid keyword argument for sort()
TypeError sorted expected 1 argument, got 0
TypeError 'foo' is an invalid keyword argument for sort()
TypeError 'int' object is not iterable
TypeError 'int' object is not iterable
TypeError list expected at most 1 argument, got 2
TypeError 'int' object is not iterable
TypeError can only concatenate list (not "tuple") to list
TypeError can only concatenate tuple (not "list") to tuple
TypeError can't multiply sequence by non-int of type 'str'
TypeError can't multiply sequence by non-int of type 'float'
TypeError get expected at least 1 argument, got 0
TypeError pop expected at least 1 argument, got 0
TypeError 'int' object is not iterable
{1: 2, 'a': 'b', 3: 4}
ValueError dictionary update sequence element #0 has length 3; 2 is required
TypeError unsupported operand type(s) for |: 'set' and 'list'
TypeError unsupported operand type(s) for -: 'set' and 'int'
TypeError 'int' object is not iterable
AttributeError 'frozenset' object has no attribute 'add'
TypeError 'int' object is not iterable
TypeError range expected at least 1 argument, got 0
TypeError range expected at most 3 arguments, got 4
TypeError 'str' object cannot be interpreted as an integer
IndexError range object index out of range
TypeError range indices must be integers or slices, not str
TypeError 'int' object is not iterable
TypeError map() must have at least two arguments.
TypeError filter expected 2 arguments, got 1
TypeError enumerate() missing required argument 'iterable'
TypeError 'str' object cannot be interpreted as an integer
ValueError zip() argument 2 is longer than argument 1
ValueError zip() argument 2 is shorter than argument 1
TypeError slice expected at least 1 argument, got 0
ValueError slice step cannot be zero
ValueError length should not be negative
ValueError 2 is not in list
ValueError 2 is not in list
TypeError setdefault expected at least 1 argument, got 0
TypeError 'int' object is not iterable
TypeError cannot convert dictionary update sequence element #0 to a sequence
TypeError update expected at most 1 argument, got 2
TypeError unhashable type: 'list'
TypeError reversed expected 1 argument, got 2
TypeError 'int' object is not callable
TypeError fromkeys expected at least 1 argument, got 0
TypeError descriptor 'append' for 'list' objects doesn't apply to a 'int' object
[1, 1, [...]]
None [1, 2, 3]
[2, 5] ace
range(2, 8, 3) range(9, -1, -1) range(8, 0, -4)
True True False False
dict_keys([1]) dict_values(['a']) dict_items([(1, 'a')])
"####,
    );
}

#[test]
fn repetition_and_slice_assignment() {
    check(
        r####"def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: 2.0 * [1])
t(lambda: 'a' * [1])
t(lambda: [1] * True)
t(lambda: (1,) * 'x')
t(lambda: 'ab' * 2.5)
class M:
    def __rmul__(self, o): return "rmul"
t(lambda: [1] * M())
t(lambda: dict([iter("ab"), "cd"]))
t(lambda: dict([{1, 2}]))
l = [1,2,3]
l[::2] = 'ab'
print(l)
t(lambda: l.__setitem__(slice(None, None, 2), [1]))
l[5:] = [9]
print(l)
l[1:1] = (7, 7)
print(l)
l[-1:0] = [0]
print(l)
del l[1:3]
print(l)
del l[::-2]
print(l)
print([1,2,3][::-1], [1,2,3][-10:10], [][5:])
"####,
        r####"TypeError can't multiply sequence by non-int of type 'float'
TypeError can't multiply sequence by non-int of type 'list'
[1]
TypeError can't multiply sequence by non-int of type 'str'
TypeError can't multiply sequence by non-int of type 'float'
'rmul'
{'a': 'b', 'c': 'd'}
{1: 2}
['a', 2, 'b']
ValueError attempt to assign sequence of size 1 to extended slice of size 2
['a', 2, 'b', 9]
['a', 7, 7, 2, 'b', 9]
['a', 7, 7, 2, 'b', 0, 9]
['a', 2, 'b', 0, 9]
[2, 0]
[3, 2, 1] [1, 2, 3] []
"####,
    );
}

#[test]
fn big_ranges() {
    check(
        r####"r = range(10 ** 31)
print(r, 10 ** 30 in r, 10**31 in r, -1 in r, 5 in r, 2.0 in range(5), 10**30 in range(5))
print(r[10**30], r[-1], r.index(7), r.count(10**30), bool(r), r == range(0, 10**31), r == range(5))
try: len(r)
except OverflowError as e: print(e)
b = range(10**20, 10**20 + 3)
print(list(b), len(b), list(reversed(b)), b.start, b.stop, b.step, type(b).__name__)
print(range(2**63 - 2, 2**63 + 2, 2), list(range(2**63 - 2, 2**63 + 2, 2)))
try: r[10**31]
except IndexError as e: print(e)
try: range(3.0)
except TypeError as e: print(e)
"####,
        r####"range(0, 10000000000000000000000000000000) True False False True True False
1000000000000000000000000000000 9999999999999999999999999999999 7 1 True True False
Python int too large to convert to C ssize_t
[100000000000000000000, 100000000000000000001, 100000000000000000002] 3 [100000000000000000002, 100000000000000000001, 100000000000000000000] 100000000000000000000 100000000000000000003 1 range
range(9223372036854775806, 9223372036854775810, 2) [9223372036854775806, 9223372036854775808]
range object index out of range
'float' object cannot be interpreted as an integer
"####,
    );
}

#[test]
fn bytearray_slices() {
    check(
        r####"def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray(b"hello")
ba[1:3] = b"EE"; print(ba)
ba[::2] = [65, 66, 67]; print(ba)
ba[0:0] = bytearray(b"xy"); print(ba)
def f1(): ba[0:1] = 5
def f2(): ba[0:1] = "ab"
def f3(): ba[0:1] = [300]
def f4(): ba[::2] = b"a"
for f in (f1, f2, f3, f4): t(f)
l = [1, 2, 3, 4]
def g():
    l.clear()
    yield 9
l[1:3] = g(); print(l)
"####,
        r####"bytearray(b'hEElo')
bytearray(b'AEBlC')
bytearray(b'xyAEBlC')
TypeError can assign only bytes, buffers, or iterables of ints in range(0, 256)
TypeError can assign only bytes, buffers, or iterables of ints in range(0, 256)
ValueError byte must be in range(0, 256)
ValueError attempt to assign bytes of size 1 to extended slice of size 4
[9]
"####,
    );
}

/// Key functions, __hash__ and __eq__ that allocate enough to run the
/// collector in the middle of sorts, set algebra and dict building.
#[test]
fn collector_during_callbacks() {
    check(
        r####"def churn():
    x = None
    for i in range(3000):
        x = [i, str(i)]
    return x
def key(v):
    churn()
    return str(v)
print(sorted([[i] for i in range(60)], key=lambda v: (churn(), v[0])[1])[:5])
print(sorted((str(i) for i in range(50)), key=key)[:5])
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): churn(); return hash(self.v % 7)
    def __eq__(self, o): churn(); return self.v == o.v
    def __repr__(self): return "K(%d)" % self.v
a = set(K(i) for i in range(30))
b = set(K(i) for i in range(15, 45))
print(sorted(x.v for x in a | b)[:3], len(a & b), len(a - b), len(a ^ b))
print(sorted(x.v for x in a.union([K(100)], (K(i) for i in range(50, 53)))))
d = dict(((str(i), [churn(), i]) for i in range(40)))
print(len(d), d['39'][1])
print(dict.fromkeys((K(i) for i in range(10)), []))
m = {}
for i in range(20):
    m[K(i)] = [i]
m2 = m | {K(100): 'x'}
print(len(m2), m2[K(3)])
l = [[i] for i in range(40)]
l.sort(key=lambda v: (churn(), -v[0])[1])
print(l[:3])
print(list(reversed(range(10**20, 10**20 + 3))))
"####,
        r####"[[0], [1], [2], [3], [4]]
['0', '1', '10', '11', '12']
[0, 1, 2] 15 15 30
[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 50, 51, 52, 100]
40 39
{K(0): [], K(1): [], K(2): [], K(3): [], K(4): [], K(5): [], K(6): [], K(7): [], K(8): [], K(9): []}
21 [3]
[[39], [38], [37]]
[100000000000000000002, 100000000000000000001, 100000000000000000000]
"####,
    );
}
