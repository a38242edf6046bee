import collections.abc as cabc
from collections import OrderedDict, deque, defaultdict, Counter
builtins_vals = [[], (), {}, set(), frozenset(), '', b'', bytearray(), range(3), iter([]), (x for x in []),
                 {}.keys(), {}.values(), {}.items(), len, 3, 3.5, None, deque(), OrderedDict(), memoryview(b'')]
abcs = ['Container', 'Hashable', 'Iterable', 'Iterator', 'Reversible', 'Generator', 'Sized', 'Callable',
        'Collection', 'Sequence', 'MutableSequence', 'ByteString', 'Set', 'MutableSet', 'Mapping',
        'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView']
for v in builtins_vals:
    print([a for a in abcs if isinstance(v, getattr(cabc, a))])
print([a for a in abcs if issubclass(dict, getattr(cabc, a))])

async def co(): pass
c = co()
print(isinstance(c, cabc.Coroutine), isinstance(c, cabc.Awaitable))
c.close()
async def ag(): yield 1
print(isinstance(ag(), cabc.AsyncGenerator), isinstance(ag(), cabc.AsyncIterator), isinstance(ag(), cabc.AsyncIterable))

class MyList(cabc.Sequence):
    def __init__(self, *items): self._items = list(items)
    def __getitem__(self, i): return self._items[i]
    def __len__(self): return len(self._items)
ml = MyList(3, 1, 4, 1)
print(len(ml), ml[2], 1 in ml, list(reversed(ml)), ml.index(4), ml.count(1), list(ml))

class MyMap(cabc.MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
mm = MyMap()
mm['a'] = 1
mm.update(b=2, c=3)
print(dict(mm), mm.get('z', 0), 'a' in mm, sorted(mm.keys()), sorted(mm.values()), mm.pop('a'), mm.setdefault('d', 4))
print(mm.popitem(), len(mm), mm == {'c': 3, 'd': 4} or mm == dict(mm))
print(isinstance(mm.keys(), cabc.KeysView), list(mm.items()))
mm.clear()
print(len(mm))

class MySet(cabc.Set):
    def __init__(self, it): self._s = set(it)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(sorted(self._s))
    def __len__(self): return len(self._s)
a, b = MySet([1, 2, 3]), MySet([2, 3, 4])
print(list(a & b), list(a | b), list(a - b), list(a ^ b), a <= MySet([1, 2, 3, 5]), a.isdisjoint([9]))

class Seq(cabc.MutableSequence):
    def __init__(self): self.d = []
    def __getitem__(self, i): return self.d[i]
    def __setitem__(self, i, v): self.d[i] = v
    def __delitem__(self, i): del self.d[i]
    def __len__(self): return len(self.d)
    def insert(self, i, v): self.d.insert(i, v)
s = Seq()
s.append(1); s.extend([2, 3]); s.insert(0, 0); s += [4]
print(s.d, s.pop(), s.d, s.remove(2), s.d)
s.reverse()
print(s.d)

try:
    class Broken(cabc.Mapping):
        pass
    Broken()
except TypeError as e:
    print('TypeError', e)

class Duck:
    def __iter__(self): return iter([])
    def __len__(self): return 0
    def __contains__(self, x): return False
print(isinstance(Duck(), cabc.Iterable), isinstance(Duck(), cabc.Sized), isinstance(Duck(), cabc.Collection))
print(isinstance(Duck(), cabc.Sequence))
class Reg: pass
cabc.Sequence.register(Reg)
print(issubclass(Reg, cabc.Sequence), issubclass(Reg, cabc.Iterable), isinstance(Reg(), cabc.Reversible))
class H:
    __hash__ = None
print(isinstance(H(), cabc.Hashable), isinstance(object(), cabc.Hashable))
print(cabc.Sequence[int], cabc.Callable[[int], str])
