# Covers: functools: reduce, partial, lru_cache/cache with cache_info and
# methods, wraps, total_ordering, cmp_to_key, singledispatch (annotations,
# unions), cached_property, partialmethod, singledispatchmethod.
import functools
from functools import *
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10))
try: reduce(max, [])
except TypeError as e: print(e)
p = partial(int, base=2); print(p("101"), p.func, p.args, p.keywords, p)
def f(a, b, c=3): return (a, b, c)
p2 = partial(f, 1); print(p2(2), p2(2, c=9), partial(p2, 5)(), partial(p2, 5).args)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info(), fib.cache_parameters())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x): print("compute", x); return x * x
sq(1); sq(2); sq(1); sq(3); sq(2); print(sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)
@cache
def kw(a, *, b=1): return a + b
print(kw(1, b=2), kw(1, b=2), kw.cache_info())
@lru_cache
def plain(x): return x
print(plain(3), plain.cache_info().maxsize)
def deco(fn):
    @wraps(fn)
    def inner(*a, **k): return fn(*a, **k)
    return inner
@deco
def documented(x: int) -> int:
    "Doc here."
    return x
print(documented.__name__, documented.__doc__, documented.__annotations__, documented.__wrapped__ is not None, documented(5))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) >= V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@singledispatch
def show(x): return f"obj {x!r}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return f"list of {len(x)}"
@show.register
def _(x: str | bytes): return f"text {x!r}"
print(show(1), show([1, 2]), show("s"), show(b"b"), show(2.5), show(True))
print(show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), "__name__") else "", sorted(t.__name__ for t in show.registry))
class C:
    def __init__(self): self.calls = 0
    @cached_property
    def val(self):
        self.calls += 1
        return 42
    def meth(self, a, b): return (a, b)
    pm = partialmethod(meth, 1)
    @singledispatchmethod
    def g(self, arg): return "default"
    @g.register
    def _(self, arg: int): return "int"
c = C(); print(c.val, c.val, c.calls, c.pm(2), c.g(1), c.g("x"))
class Account:
    @lru_cache(maxsize=None)
    def balance(self, n): return n * 2
print(Account().balance(4))
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
