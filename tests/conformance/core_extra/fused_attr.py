# Superinstructions LoadFastAttr / LoadFastMethod: cache hits, misses and
# the slow paths behind them.
import math


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def twice(self):
        return self.get() * 2


class Q(P):
    @property
    def x(self):
        return "prop"

    @x.setter
    def x(self, v):
        pass


def read_all(objs):
    out = []
    for o in objs:
        out.append(o.x)
        out.append(o.get())
    return out


print(read_all([P(1), P(2), Q(3), P(4), Q(5)]))
print(P(7).twice())


def shadow():
    p = P(1)
    p.get = lambda: "instance attr"
    return p.get()


print(shadow())


def module_attr(m):
    return m.sqrt(16.0), m.pi > 3


print(module_attr(math))


def missing(o):
    try:
        return o.nope
    except AttributeError as e:
        return str(e)


print(missing(P(1)))


def missing_method(o):
    try:
        return o.nope()
    except AttributeError as e:
        return str(e)


print(missing_method(P(1)))


def unbound():
    try:
        return z.x
    except UnboundLocalError as e:
        return str(e)
    z = P(1)


print(unbound())


def unbound_method():
    try:
        return z.get()
    except UnboundLocalError as e:
        return str(e)
    z = P(1)


print(unbound_method())


def builtin_method(s):
    return s.upper(), s.count("a")


print(builtin_method("banana"))


def polymorphic(items):
    return [i.real for i in items]


print(polymorphic([1, 2.5, True, 3 + 4j]))


class G:
    def __getattr__(self, name):
        return "dyn:" + name


def dynamic(g):
    return g.anything, g.other


print(dynamic(G()))
