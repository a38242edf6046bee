# One attribute / method site seeing many classes: the inline caches must
# follow every class and notice every change to classes and instances.


class Base:
    def __init__(self, n):
        self.n = n
        self.inbox = []

    def ready(self):
        return len(self.inbox) > 0

    def step(self):
        return "base"


class A(Base):
    def step(self):
        return "A%d" % self.n


class B(Base):
    def ready(self):
        return True

    def step(self):
        return "B%d" % self.n


class C(Base):
    pass


class D(Base):
    def __init__(self, n):
        Base.__init__(self, n)
        self.extra = n * 10

    def step(self):
        return "D%d" % self.extra


class E(Base):
    def step(self):
        return "E"


class F(Base):
    def step(self):
        return "F"


def run(objs, rounds=3):
    out = []
    for _ in range(rounds):
        for o in objs:
            o.inbox.append(o.n)
            out.append((o.ready(), o.step(), o.n, len(o.inbox)))
            o.n += 1
    return out


objs = [A(1), B(2), C(3), D(4)]
print(run(objs))

# More classes than the site has ways (megamorphic).
many = [A(1), B(2), C(3), D(4), E(5), F(6), A(7), E(8), F(9), C(10)]
print(run(many, 4))

# A method replaced on a class after the site is warm.
def new_step(self):
    return "patched%d" % self.n


A.step = new_step
print(run(objs, 1))

# A method defined on a subclass that used to inherit it.
C.step = lambda self: "C-own"
print(run(objs, 1))

# A method deleted: falls back to the base class.
del A.step
print(run(objs, 1))

# An instance attribute shadowing a method.
objs[1].step = lambda: "instance step"
print(run(objs, 1))
del objs[1].step
print(run(objs, 1))

# A base class changes: every subclass that inherits sees it.
Base.ready = lambda self: "base ready"
print(run(objs, 1))


# Data descriptors (properties) added after the site is warm.
def get_n(self):
    return self.__dict__["n"] * 100


def set_n(self, v):
    self.__dict__["n"] = v + 1000


print([o.n for o in objs])
D.n = property(get_n, set_n)
print(run(objs, 1))
print([o.n for o in objs])
del D.n
print([o.n for o in objs])


# __getattr__ classes at the same sites.
class G:
    def __init__(self):
        self.inbox = []
        self.n = 0

    def __getattr__(self, name):
        if name == "ready":
            return lambda: "dyn ready"
        if name == "step":
            return lambda: "dyn step"
        raise AttributeError(name)


objs2 = objs + [G()]
print(run(objs2, 2))


# __getattribute__ on one class only.
class H(Base):
    def __getattribute__(self, name):
        if name == "n":
            return -1
        return object.__getattribute__(self, name)

    def step(self):
        return "H"


objs3 = [A(1), H(2), B(3), H(4)]
print(run(objs3, 2))


# __slots__ classes mixed with dict classes at one site.
class S:
    __slots__ = ("n", "inbox")

    def __init__(self, n):
        self.n = n
        self.inbox = []

    def ready(self):
        return "slots"

    def step(self):
        return "S%d" % self.n


class S2(S):
    __slots__ = ("extra",)

    def step(self):
        return "S2"


objs4 = [S(1), A(2), S2(3), B(4), S(5)]
print(run(objs4, 2))
try:
    objs4[0].other = 1
except AttributeError as e:
    print("AttributeError", e)


# Instance dicts of one class gaining attributes in different orders.
class P:
    pass


ps = []
for i in range(6):
    p = P()
    if i % 2:
        p.a = i
        p.b = -i
    else:
        p.b = -i
        p.a = i
    if i % 3 == 0:
        p.c = i * i
    ps.append(p)


def total(ps):
    t = 0
    for p in ps:
        t += p.a * 3 + p.b
        p.a += 1
    return t


print(total(ps), total(ps))
del ps[2].a
ps[2].a = 100
print(total(ps))

# A class attribute read through instances, then shadowed per instance.
class K:
    val = 7


class L(K):
    pass


ks = [K(), L(), K(), L()]
print([k.val for k in ks])
ks[1].val = 8
print([k.val for k in ks])
L.val = 9
print([k.val for k in ks])
del ks[1].val
print([k.val for k in ks])

# Modules and instances at one site.
import math


class M:
    pi = "not pi"
    sqrt = staticmethod(lambda x: "M.sqrt")


for o in [math, M(), math, M]:
    print(o.pi, o.sqrt(4))

# Built-in containers and instances at one method site.
class Appender:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x * 2)


things = [[], Appender(), [], Appender()]
for i in range(3):
    for t in things:
        t.append(i)
print([t if isinstance(t, list) else t.items for t in things])

# A class created after the sites are warm, and garbage collections
# between calls (freed classes may be reused by new ones).
def make(k):
    class Fresh(Base):
        def step(self):
            return "fresh%d" % k

    return Fresh(k)


res = []
for k in range(8):
    junk = [[i] for i in range(30000)]
    o = make(k)
    o.inbox.append(k)
    res.append((o.ready(), o.step(), o.n))
print(res)
print(run(objs, 1))

# Methods shadowed through the instance dict under names built at run time
# (not interned), in big and small instance dicts, then unshadowed.
class Q:
    def m(self):
        return "class m"


def shadow_cycle(q):
    res = []
    for i in range(4):
        res.append(q.m())
        if i == 1:
            q.__dict__["".join(["m"])] = lambda: "dict m"
    del q.__dict__["m"]
    res.append(q.m())
    q.__dict__.clear()
    res.append(q.m())
    setattr(q, "m", lambda: "setattr m")
    res.append(q.m())
    return res


big = Q()
for i in range(20):
    setattr(big, "attr%d" % i, i)
print(shadow_cycle(big))
print(shadow_cycle(Q()))
