# Slicing lists, tuples, strs (ASCII and not), bytes and ranges with every
# step sign and out-of-range bounds; concatenation of empty and aliased
# sequences; __index__ that resizes the list being sliced.

seqs = [
    list(range(8)),
    tuple(range(7)),
    "abcdefghij",
    "aé€𝄞bcdéf",
    b"bytes!",
    bytearray(b"xyz123"),
    range(3, 30, 4),
    [],
    "",
    (),
]
bounds = [None, -100, -9, -3, -1, 0, 1, 2, 5, 7, 8, 9, 100]
steps = [None, 1, 2, 3, -1, -2, -3, 100, -100]
for s in seqs:
    out = []
    for lo in bounds:
        for hi in bounds:
            for st in steps:
                out.append(s[lo:hi:st])
    print(type(s).__name__, len(out), repr(out[:3]), repr(out[-3:]))
    print(" ", [s[lo::-1] for lo in bounds], [s[:hi:-1] for hi in bounds])
    print(" ", hash(tuple(map(repr, out))) == hash(tuple(repr(x) for x in out)))
    print(" ", sum(len(x) for x in out), repr(s[::-1]), repr(s[::2]), repr(s[1::-2]))

for s in ["abcdefghij", "aé€𝄞bcdéf"]:
    print([s[i:i + 3] for i in range(-12, 12)])
    print([s[i::-1] for i in range(-12, 12)])

try:
    [1, 2][::0]
except ValueError as e:
    print("ValueError", e)
try:
    "ab"[1:"x"]
except TypeError as e:
    print("TypeError", e)

a = [1, 2, 3]
print(a + a, a + [], [] + a, [] + [], (a + a) is a, a[:] is a, a[:] == a)
t = (1, 2)
e = ()
print(t + t, t + (), () + t, () + (), (e + e) is e)
s = "xé"
print(s + s, s + "", "" + s, "" + "", "ab" + "cd", len(s + s))
b = a
b += a
print(a, b is a)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)

p = [3, 1, 4, 1, 5, 9, 2, 6]
for first in range(8):
    print(p[first::-1] + p[first + 1:])

lst = list(range(10))


class Shrink:
    def __index__(self):
        lst.clear()
        return 0


print(lst[Shrink():5], lst)
lst = list(range(10))
print(lst[2:Shrink()], lst)
lst = list(range(10))
print(lst[8:0:Shrink() or -1] if False else lst[Shrink():], lst)
