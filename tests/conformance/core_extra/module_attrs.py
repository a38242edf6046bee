# Module attribute sites (math.sqrt, mod.f()) are cached by weft; rebinding,
# deleting and re-adding module attributes must be seen at once.
import math
import sys

mod = sys.modules[__name__]


def f():
    return "f1"


def call():
    return mod.f()


def read():
    return mod.value


value = 1
print(call(), read(), math.sqrt(16.0), math.pi)
for i in range(3):
    value = i * 10
    print(read(), end=" ")
print()


def f():
    return "f2"


print(call())
del mod.f
try:
    call()
except AttributeError as e:
    print("AttributeError", e)
mod.f = lambda: "f3"
print(call())
for k in range(3):
    setattr(mod, "extra%d" % k, k)
print(call(), read(), mod.extra2)
orig = math.sqrt
math.sqrt = lambda x: "patched"
print(math.sqrt(4.0))
math.sqrt = orig
print(math.sqrt(4.0))
