# Covers: pprint.pformat/pprint/pp layouts of nested dicts, lists, tuples, sets, strings and bytes under width, indent, depth, compact and sort_dicts; saferepr, isreadable, isrecursive
import pprint
stuff = ['spam', 'eggs', 'lumberjack', 'knights', 'ni']
stuff.insert(0, stuff[:])
pprint.pprint(stuff)
pprint.pprint(stuff, indent=4)
pprint.pprint(stuff, width=41, compact=True)
tup = ('spam', ('eggs', ('lumberjack', ('knights', ('ni', ('dead', ('parrot', ('fresh fruit',))))))))
pprint.pprint(tup, depth=6)
pprint.pprint(tup, width=20)
data = {'name': 'weft', 'version': (3, 11, 7), 'tags': {'fast'}, 'nested': {'a': [1, 2, 3] * 8,
        'b': {'x': None, 'y': True, 'z': 1.5}}, 'empty': [], 'e2': {}, 'e3': (), 'e4': set(), 'one': (1,), 'fs': frozenset({7})}
print(pprint.pformat(data))
print(pprint.pformat(data, width=40, indent=2))
print(pprint.pformat(data, depth=1), pprint.pformat(data, depth=2, width=200))
print(pprint.pformat(data, sort_dicts=False, width=60))
pprint.pp({'z': 1, 'a': [list(range(30))]})
long = 'The quick brown fox jumps over the lazy dog. ' * 4
print(pprint.pformat(long))
print(pprint.pformat([long, {'k': long}], width=50))
print(pprint.pformat('line one\nline two is a little longer\n' * 3, width=30))
print(pprint.pformat(['x' * 100]), pprint.pformat(('averyveryverylongwordwithoutanyspacesinsideofit' * 2,), width=30))
print(pprint.pformat(bytes(range(40)), width=30))
print(pprint.pformat([bytes(range(40))], width=30), pprint.pformat(bytearray(b'abcdefgh' * 8), width=40))
print(pprint.pformat(list(range(60)), compact=True, width=50))
print(pprint.pformat([[1, 2], [3, 4] * 20, 'abc', (5,)] * 2, compact=True, width=30))
print(pprint.pformat({(1, 2): 'tuple key', 3: 'int', 2.5: 'float'}), pprint.pformat({'b': 1, 'a': 2, 'c': {3: 4, 1: 2}}, width=10))
print(pprint.pformat(12345678901234567890, underscore_numbers=True), pprint.pformat([10 ** 10, True, 2.5], underscore_numbers=True))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r), pprint.isreadable(r), pprint.saferepr(r)[:22])
print(pprint.saferepr({'a': [1, (2, 3)], 'b': None}), pprint.isreadable([1, 'a', {2: 3}]), pprint.isreadable(object()), pprint.isrecursive([[]]))
print(pprint.saferepr(long)[:30], pprint.isreadable(pprint), pprint.saferepr({3: 1, 1: 2}))
class L(list):
    pass
class R(list):
    def __repr__(self):
        return 'R!'
print(pprint.pformat(L(range(40))), pprint.pformat(R(range(40))))
pp = pprint.PrettyPrinter(indent=2, width=30, depth=3)
print(pp.pformat([[[[1]]], {'k': [[2]]}]), pp.isreadable([1]), pp.isrecursive([1]))
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError', e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
pprint.pprint({'a': 1}, stream=w)
print(repr(''.join(w.parts)))
print(pprint.pformat({'a': [1] * 30, 'b': 'x' * 70}, width=1))
print(pprint.pformat([1, [2, [3, [4, [5]]]]], width=5))
print(pprint.pformat(set(range(30, 0, -1)), width=40))
print(pprint.pformat(frozenset(['pear', 'apple', 'fig', 'banana', 'cherry', 'date', 'elderberry']), width=30))
print(pprint.pformat({'k': {'zeta', 'alpha', 'mid', 'beta', 'omega', 'delta', 'gamma', 'epsilon'}}, width=25))
