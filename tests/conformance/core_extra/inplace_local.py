# x op= v on locals (InplaceOpStoreFast): numbers, strs grown in place
# while no alias sees them, aliases that must not change, lists, __iadd__.
def strs():
    s = ""
    seen = []
    for i in range(5):
        s += str(i)
        if i == 2:
            seen.append(s)
    t = s
    s += "!"
    return s, t, seen


print(strs())


def nums():
    a, b, c = 7, 2.5, 10**20
    a += 3
    a -= 1
    a *= 2
    a //= 3
    a %= 4
    a **= 3
    a <<= 2
    a >>= 1
    a |= 8
    a &= 13
    a ^= 5
    b += 1
    b /= 2
    c += 1
    c *= c
    return a, b, c


print(nums())


def lists():
    xs = [1]
    ys = xs
    xs += [2, 3]
    t = (1,)
    u = t
    t += (2,)
    return xs, ys, xs is ys, t, u


print(lists())


class Acc:
    def __init__(self):
        self.n = 0

    def __iadd__(self, k):
        self.n += k
        return self


def custom():
    a = Acc()
    for i in range(4):
        a += i
    return a.n


print(custom())


def errors():
    s = "a"
    try:
        s += 1
    except TypeError as e:
        print(e)
    n = 5
    try:
        n /= 0
    except ZeroDivisionError as e:
        print(e)
    return s, n


print(errors())


def closure_alias():
    s = "ab"
    get = lambda: s
    s += "c"
    return s, get()


print(closure_alias())
