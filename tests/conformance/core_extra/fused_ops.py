# Pairs of instructions that weft runs as one (superinstructions) must keep
# every error and protocol detail of the separate instructions.


def second_unbound(flag):
    if flag:
        b = 1
    a = 2
    return a + b


def first_unbound(flag):
    if flag:
        a = 1
    b = 2
    return a + b


for f in (second_unbound, first_unbound):
    try:
        f(False)
    except UnboundLocalError as e:
        print(type(e).__name__, e)


class Weird:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return Truthy(self.v < other)


class Truthy:
    def __init__(self, t):
        self.t = t

    def __bool__(self):
        print("bool called", self.t)
        return self.t


class Bad:
    def __lt__(self, other):
        return Boom()


class Boom:
    def __bool__(self):
        raise RuntimeError("no truth")


w = Weird(3)
if w < 5:
    print("lt true")
if not (w < 1):
    print("lt false")
while w < 4:
    w.v += 1
    print("loop", w.v)
try:
    if Bad() < 1:
        pass
except RuntimeError as e:
    print("RuntimeError", e)
try:
    if 1 < "x":
        pass
except TypeError as e:
    print("TypeError", e)
x, y = 2.5, 2
print(x < y, x > y, 1 < 2 < 3, 3 > 2 > 5)
if 2 ** 70 > 2 ** 69:
    print("big")
for a, b in ((1, 1.0), ("a", "b"), ((1, 2), (1, 3)), (None, None)):
    if a == b:
        print(repr(a), "==", repr(b))
    elif a != b:
        print(repr(a), "!=", repr(b))


def loops(n):
    i = 0
    total = 0
    while i < n:
        j = 0
        while j < i:
            total += i * j
            j += 1
        i += 1
    return total


print(loops(50))
