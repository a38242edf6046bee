class A: pass
try:
    A(1)
except TypeError as e:
    print(e)
class B:
    def __init__(self, x): self.x = x
print(B(3).x)
try:
    B()
except TypeError as e:
    print(e)
try:
    B(1, 2)
except TypeError as e:
    print(e)
class C:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, a): print("init", a)
C(5)
class D(B):
    def __init__(self, x, y=2):
        super().__init__(x)
        self.y = y
d = D(1)
print(d.x, d.y)
class E:
    def __init__(self):
        return 5
try:
    E()
except TypeError as e:
    print(e)
class F:
    def __init__(self, *args, **kw):
        self.args, self.kw = args, kw
f = F(1, 2, k=3)
print(f.args, f.kw)
class G:
    def __init__(self, a, b=10, *, c=20):
        self.t = (a, b, c)
print(G(1).t, G(1, 2).t, G(1, c=5).t)
def make():
    n = 7
    class H:
        def __init__(self):
            self.n = n
    return H
print(make()().n)
class Meta(type):
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(M(4).v)
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
try:
    Deep(5000)
except RecursionError as e:
    print("RecursionError", e)
d = Deep(50)
k = 0
while d:
    d = d.child
    k += 1
print(k)
class S:
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
print(S(9).a)
try:
    object(1)
except TypeError as e:
    print(e)
