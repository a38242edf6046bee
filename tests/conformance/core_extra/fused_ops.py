# Covers the SubscrLocals (s[i] with both names local) and BinaryOpStoreFast
# (x = a op b) superinstructions on their fast and slow paths: lists,
# tuples, negative and out-of-range indexes, other containers, ints that
# overflow to bigints, floats, strs, errors with the right message.
def subscr(s, i):
    v = s[i]
    return v


def arith(a, b):
    x = a + b
    y = a * b
    z = a - b
    w = x // 1 if isinstance(x, int) else x
    return x, y, z, w


def concat(a, b):
    c = a + b
    return c


def locals_ops(a, b):
    out = [a + b, a - b, a * b, a / b if b else None, a // b if b else None,
           a % b if b else None, a ** 2, a + 1, a - 1, a * 3, a % 7, a // 2]
    c = a * b
    return out, c


def divide(a, b):
    return a / b


def unbound_b(flag):
    a = 1
    if flag:
        b = 2
    return a + b


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def gen(n):
    for i in range(n):
        yield i * i


def loops():
    out = []
    for x in [1, 2, 3]:
        out.append(x)
    for x in (4, 5):
        out.append(x)
    for x in range(10, 0, -3):
        out.append(x)
    for x in Countdown(3):
        out.append(x)
    for x in gen(4):
        out.append(x)
    for x in "ab":
        out.append(x)
    for x in []:
        out.append("never")
    else:
        out.append("else")
    lst = [1, 2]
    for x in lst:
        if len(lst) < 5:
            lst.append(x * 10)
    out.append(lst)
    return out, x


def compares(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= 2:
        out.append("le2")
    if a == b:
        out.append("eq")
    if a != 3:
        out.append("ne3")
    if a > b:
        out.append("gt")
    if a >= -1:
        out.append("ge-1")
    n = 0
    i = 0
    while i < 5:
        i += 1
        n += i
    out.append(n)
    return out


def unbound_cmp(flag):
    if flag:
        a = 1
    if a < 2:
        return "small"
    return "big"


def ret_local(flag):
    if flag:
        r = 5
    return r


def gen_ret(n):
    total = 0
    for i in range(n):
        total += yield i
    return total


def unbound(flag):
    if flag:
        s = [1, 2]
    i = 0
    return s[i]


def main():
    lst = [10, 20, 30]
    tup = ("a", "b")
    for i in range(-3, 3):
        print(subscr(lst, i), end=" ")
    print()
    print(subscr(tup, -1), subscr("xyz", 1), subscr({1: "one"}, 1), subscr(range(5), 2))
    print(subscr([[1, 2], [3]], 0), subscr(lst, True), subscr(b"ab", 0))
    for bad in (5, -4, "x", 1.5):
        try:
            subscr(lst, bad)
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        subscr({}, "k")
    except KeyError as e:
        print("KeyError", e)
    print(arith(3, 4), arith(2.5, 0.5), arith(2**62, 2**62))
    print(arith(-(2**63), -1))
    print(concat("ab", "cd"), concat([1], [2]), concat((1,), ()))
    try:
        arith("a", 1)
    except TypeError as e:
        print("TypeError", e)
    acc = 0
    for i in range(10):
        t = acc + i
        acc = t
    print(acc)
    s = ""
    for ch in "hello":
        s = s + ch
    print(s)
    try:
        unbound(False)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    print(unbound(True))
    print(locals_ops(7, 3))
    print(locals_ops(-7.5, 2.0))
    print(locals_ops(2**62, 3))
    print(locals_ops(True, 2))
    try:
        locals_ops("s", 2)
    except TypeError as e:
        print("TypeError", e)
    for b in (0, 0.0):
        try:
            divide(1, b)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
    try:
        unbound_b(False)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    print(unbound_b(True))
    print(loops())
    for a, b in [(1, 2), (2, 2), (3, 1), (-5, 0), (2**70, 2**70), (1.5, 2), (2, 1.5),
                 ("a", "b"), ([1], [1]), (True, 2), (None, None)]:
        try:
            print(a, b, compares(a, b))
        except TypeError as e:
            print("TypeError", e)
    try:
        unbound_cmp(False)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    print(unbound_cmp(True))
    print(ret_local(True))
    try:
        ret_local(False)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    g = gen_ret(3)
    next(g)
    g.send(10)
    g.send(20)
    try:
        g.send(30)
    except StopIteration as e:
        print("StopIteration", e.value)


main()
