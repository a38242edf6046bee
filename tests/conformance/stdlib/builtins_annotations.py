# Covers: __annotations__ of functions, classes and modules, evaluated in
# CPython's order; annotations in functions are never evaluated.
x: int = 3
y: "str"
z = 1


def f(a: int, b: str = "s", *args: float, c: bool = True, **kw: dict) -> list:
    n: undefined_name_is_fine = 1
    return n


print(f.__annotations__)
print(f(1))


def g(a, b):
    pass


print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__ = {"a": int}
print(g.__annotations__)


class C:
    """Doc."""
    first: int
    second: str = "two"
    third = 3
    if True:
        inner: float = 1.0
    __private: bytes

    def method(self) -> "C":
        return self


print(C.__annotations__)
print(list(C.__dict__)[:3])
print(C.second, C.inner, C.method.__annotations__)


class D(C):
    extra: complex


print(D.__annotations__)


class E(C):
    pass


print(E.__annotations__)
print(__annotations__)
order = []


def mark(v):
    order.append(v)
    return v


def h(p: mark("p"), q: mark("q") = mark("default")) -> mark("ret"):
    pass


print(order, h.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
