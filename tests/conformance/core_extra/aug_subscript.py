# c[k] op= v (DupTop2Subscr / InplaceStoreSubscr): lists, negative and
# out-of-range indexes, dicts, user containers, str/list in-place ops,
# overflow to bigint, errors.
xs = [1, 2, 3]
xs[0] += 10
xs[-1] *= 4
xs[1] -= 0.5
print(xs)
big = [2 ** 62]
big[0] += 2 ** 62
big[0] *= big[0]
print(big)
ss = ["a", "b"]
ss[0] += "x"
ss[1] *= 3
print(ss)
ll = [[1], [2]]
alias = ll[0]
ll[0] += [9]
print(ll, alias, ll[0] is alias)
d = {"k": 1}
d["k"] += 5
d["k"] //= 2
print(d)
t = (1, 2)
try:
    t[0] += 1
except TypeError as e:
    print(e)
try:
    xs[10] += 1
except IndexError as e:
    print(e)
try:
    d["missing"] += 1
except KeyError as e:
    print("KeyError", e)
try:
    ss[0] -= 1
except TypeError as e:
    print(e)


class Box:
    def __init__(self):
        self.data = {}

    def __getitem__(self, k):
        print("get", k)
        return self.data.get(k, 0)

    def __setitem__(self, k, v):
        print("set", k, v)
        self.data[k] = v


b = Box()
b["a"] += 3
b["a"] **= 2
print(b.data)


class Num:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, o):
        self.v += o
        return self


ns = [Num(1)]
ns[0] += 5
print(ns[0].v)


def f(v, i, j):
    for _ in range(3):
        v[i] += v[j]
        v[j] ^= 1
    return v


print(f([1, 2, 3], 0, 2), f([1.5, 2], -2, -1))
m = [[0] * 3 for _ in range(2)]
for i in range(2):
    for j in range(3):
        m[i][j] += i * 3 + j
print(m)
