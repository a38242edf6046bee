# PEP 479 also applies to an exception thrown into a generator that has
# not started or is suspended; super() checks its second argument.
def g():
    yield 1
    raise StopIteration
try:
    print(list(g()))
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def h():
    yield 1
for started in (False, True):
    x = h()
    if started:
        next(x)
    try:
        x.throw(StopIteration)
    except RuntimeError as e:
        print("RuntimeError:", e, started)
    print(list(x))
x = h()
try:
    x.throw(ValueError("v"))
except ValueError as e:
    print("ValueError:", e)
for args in [(int, "x"), (str, 1), (5, 1)]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError:", e)
class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B>" + super().f()
    @classmethod
    def c(cls):
        return super(B, cls).__name__ if False else super(B, cls).f(B())
print(B().f(), B.c(), super(B, B()).f(), super(B, B).f(B()))
