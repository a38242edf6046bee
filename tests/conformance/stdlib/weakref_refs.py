import gc, weakref, sys

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'Obj(%s)' % self.name
    def method(self):
        return 'method of ' + self.name

a = Obj('a')
r = weakref.ref(a)
print(r() is a, weakref.getweakrefcount(a), r is weakref.ref(a), r.__callback__)
def cb(wr):
    print('callback: dead ref', wr() is None, wr is r2)
r2 = weakref.ref(a, cb)
print(weakref.getweakrefcount(a), r2.__callback__ is cb, len(weakref.getweakrefs(a)))
print(r == r2, hash(r) == hash(a) if hasattr(type(a), '__hash__') else None)
del a
gc.collect()
print('after collect', r(), r2(), r2.__callback__)
try:
    weakref.ref(1)
except TypeError as e:
    print('TypeError', e)
try:
    weakref.ref([1])
except TypeError as e:
    print('TypeError', e)
class L(list): pass
print(weakref.ref(L([1]))() is None or True)

# proxy
b = Obj('b')
p = weakref.proxy(b)
print(p.name, p.method(), type(p).__name__)
p.extra = 5
print(b.extra)
del b
gc.collect()
try:
    p.name
except ReferenceError as e:
    print('ReferenceError', e)
f = lambda x: x * 2
cp = weakref.proxy(f)
print(cp(21), type(cp).__name__)

# WeakValueDictionary
d = weakref.WeakValueDictionary()
objs = [Obj(str(i)) for i in range(5)]
for o in objs:
    d[o.name] = o
print(len(d), sorted(d.keys()), d['2'], '3' in d, d.get('9', 'none'))
del objs[1:3]
gc.collect()
print(len(d), sorted(d.keys()), sorted(v.name for v in d.values()))
try:
    d['1']
except KeyError as e:
    print('KeyError', e)

# WeakKeyDictionary
k = weakref.WeakKeyDictionary()
keys = [Obj('k%d' % i) for i in range(3)]
for i, o in enumerate(keys):
    k[o] = i
print(len(k), sorted(k.values()), keys[0] in k, k[keys[1]])
del keys[0]
gc.collect()
print(len(k), sorted(o.name for o in k.keys()))

# WeakSet
s = weakref.WeakSet()
items = [Obj('s%d' % i) for i in range(4)]
for o in items:
    s.add(o)
print(len(s), items[0] in s, Obj('x') in s)
items.pop()
gc.collect()
print(len(s), sorted(o.name for o in s))

# finalize
class Res: pass
res = Res()
def done(tag):
    print('finalized', tag)
    return tag
fin = weakref.finalize(res, done, 'res')
print(fin.alive, fin.atexit, fin.peek()[1] is done)
del res
gc.collect()
print(fin.alive, fin())
res2 = Res()
fin2 = weakref.finalize(res2, done, 'called early')
print(fin2(), fin2.alive, fin2())
res3 = Res()
fin3 = weakref.finalize(res3, done, 'detached')
print(fin3.detach()[0] is res3, fin3.alive)
keep = Res()
weakref.finalize(keep, print, 'at exit, finalizer runs')
# WeakMethod
m = Obj('m')
wm = weakref.WeakMethod(m.method)
print(wm()(), weakref.ref(m.method)() is None or True)
del m
gc.collect()
print(wm())
# callback raising
def bad(wr):
    raise ValueError('boom')
t = Obj('t')
rt = weakref.ref(t, bad)
del t
gc.collect()
print('still running')
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType), weakref.ReferenceType is weakref.ref)
