import functools
from functools import singledispatch, singledispatchmethod, total_ordering, cached_property, lru_cache, partial, cache

@singledispatch
def describe(x):
    return 'object %r' % (x,)
@describe.register
def _(x: int):
    return 'int %d' % x
@describe.register(list)
def _(x):
    return 'list of %d' % len(x)
@describe.register
def _(x: str | bytes):
    return 'text %r' % (x,)
print(describe(1), describe([1, 2]), describe('s'), describe(b'b'), describe(2.5), describe(True))
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry if t is not object))
class Base: pass
class Derived(Base): pass
describe.register(Base, lambda x: 'a Base')
print(describe(Derived()))

class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return 'generic'
    @fmt.register
    def _(self, arg: int):
        return 'int'
    @fmt.register
    def _(self, arg: list):
        return 'list'
f = Formatter()
print(f.fmt(1), f.fmt([]), f.fmt(None))

@total_ordering
class Version:
    def __init__(self, *parts): self.parts = parts
    def __eq__(self, o): return self.parts == o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __repr__(self): return 'V%s' % '.'.join(map(str, self.parts))
v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 <= v2, v1 > v2, v1 >= v2, v2 >= v2, sorted([v2, v1]), max(v1, v2))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print('ValueError', e)

class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print('computing')
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
del c.area
print(c.area)
print(type(Circle.__dict__['area']).__name__, Circle.area.attrname if hasattr(Circle, 'area') else '')

calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print([sq(i) for i in (1, 2, 1, 3, 1, 2)], calls)
print(sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())
@lru_cache(maxsize=None, typed=True)
def ident(x):
    return type(x).__name__
print(ident(1), ident(1.0), ident.cache_info())
@cache
def cube(x):
    return x ** 3
print(cube(3), cube(3), cube.cache_info(), cube.__wrapped__(2))

def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
p = partial(power, 2, mod=7)
print(p(5), p.func is power, p.args, p.keywords)
print(repr(partial(power, 3)).replace(hex(id(power)), 'ADDR').split(' at ')[0])
pp = partial(p, 3)
print(pp(), pp.args, pp.func is power)
class Cell:
    def __init__(self): self.v = None
    def set(self, v): self.v = v
    set_on = functools.partialmethod(set, True)
cl = Cell(); cl.set_on(); print(cl.v)
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 10))
key = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=key))
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def documented(x):
    "Docs."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
