import types, sys

def f(): pass
async def co(): pass
def gen(): yield 1
async def agen(): yield 1
class C:
    def m(self): pass
    @classmethod
    def cm(cls): pass
print(type(f) is types.FunctionType, type(lambda: 0) is types.LambdaType)
print(type(gen()) is types.GeneratorType, type(C().m) is types.MethodType)
c = co()
print(type(c) is types.CoroutineType)
c.close()
print(type(agen()) is types.AsyncGeneratorType, type(len) is types.BuiltinFunctionType)
print(type(sys) is types.ModuleType, type(f.__code__) is types.CodeType)
print(types.NoneType is type(None), types.EllipsisType is type(...), types.NotImplementedType is type(NotImplemented))

m = types.ModuleType('mymod', 'My doc')
m.x = 1
print(m.__name__, m.__doc__, m.x, repr(m))

ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='two', c=[3]))
del ns.a
print(ns, sorted(vars(ns)))

mp = types.MappingProxyType({'k': 1})
print(mp['k'], len(mp), list(mp), 'k' in mp, mp.get('z', 0))
try:
    mp['k'] = 2
except TypeError as e:
    print('TypeError', e)

def add(self, n): return self.v + n
class V:
    v = 10
bound = types.MethodType(add, V())
print(bound(5), bound.__func__ is add)

Dyn = types.new_class('Dyn', (object,), {}, lambda ns: ns.update({'z': 26}))
print(Dyn.__name__, Dyn.z, Dyn.__mro__[1] is object)
meta, ns, kwds = types.prepare_class('P', (), {'metaclass': type})
print(meta is type, ns, kwds)
print(types.resolve_bases((int, str)))

ga = types.GenericAlias(list, (int,))
print(ga, ga.__origin__, ga.__args__, list[int] == ga)
print(int | str, type(int | str) is types.UnionType)

@types.coroutine
def legacy():
    yield
print(callable(legacy))

class D:
    @types.DynamicClassAttribute
    def name(self):
        return 'dyn'
print(D().name)
print(types.get_original_bases(D) if hasattr(types, 'get_original_bases') else (object,))
