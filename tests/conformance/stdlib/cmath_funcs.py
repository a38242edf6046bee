# Covers: every cmath function over a grid of finite values (both sides of
# each branch cut, signed zeros, tiny and huge magnitudes) and every class
# of special value (infinities and NaNs in either part), with CPython's
# results bit for bit and its ValueError/OverflowError cases; log with a
# base, polar/rect/phase, isclose, predicates, constants, argument types.
import cmath
import math

inf, nan = math.inf, math.nan
parts = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.5, 1e-310, -1e-200, 1e-5, 1e300, -1e308,
         710.0, -710.0, 0.999999, 1.000001]
specials = [inf, -inf, nan, 0.0, -0.0, 2.5, -2.5]
names = ["sqrt", "exp", "log", "log10", "acos", "asin", "atan", "acosh", "asinh", "atanh",
         "cos", "sin", "tan", "cosh", "sinh", "tanh"]


def show(f, *a):
    try:
        r = f(*a)
    except (ValueError, OverflowError) as e:
        return type(e).__name__
    if isinstance(r, complex):
        return "(%r,%r)" % (r.real, r.imag)
    return repr(r)


for name in names:
    f = getattr(cmath, name)
    out = []
    for x in parts:
        for y in parts[:9]:
            out.append(show(f, complex(x, y)))
    print(name, " ".join(out))
    out = []
    for x in specials:
        for y in specials:
            out.append(show(f, complex(x, y)))
    print(name, "special", " ".join(out))
for r in specials + [1.0, 1e308]:
    print("rect", r, " ".join(show(cmath.rect, r, p) for p in specials + [math.pi, 1e-300]))
for z in [1, -1, 1j, -2 - 2j, complex(-0.0, -0.0), complex(inf, 1), complex(nan, 1), 1e308 + 1e308j]:
    print("polar", z, show(cmath.polar, z), show(cmath.phase, z), show(abs, z))
for z, b in [(8, 2), (2, 1), (0, 2), (1j, 0), (100, 10), (-1, 1j), (2 + 3j, -4.5), (1e308, 1e-308)]:
    print("log", z, b, show(cmath.log, z, b))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
for z in [1, inf, complex(1, nan), complex(-inf, 0), 0j]:
    print(z, cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
print(cmath.isclose(1, 1.0000000001), cmath.isclose(1j, 1.0000001j), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(inf, inf), cmath.isclose(complex(inf, 1), complex(inf, 2)),
      cmath.isclose(a=1, b=1))


class Z:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 0.25


class I:
    def __index__(self):
        return 7


print(cmath.sqrt(Z()), cmath.exp(F()), cmath.log(I()), cmath.sqrt(True), cmath.sqrt(10 ** 20))
for bad in [lambda: cmath.sqrt("x"), lambda: cmath.exp(10 ** 400), lambda: cmath.isclose(1, 2, rel_tol=-1),
            lambda: cmath.sqrt(), lambda: cmath.rect(1j, 1), lambda: cmath.sqrt(None)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
