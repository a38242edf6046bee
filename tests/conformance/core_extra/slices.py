s = "hello, wörld"
a = "plain ascii text"
l = list(range(10))
t = tuple(range(10))
for lo in (None, -20, -3, 0, 2, 9, 20):
    for hi in (None, -20, -2, 0, 5, 20):
        print(lo, hi, l[lo:hi], t[lo:hi], s[lo:hi], a[lo:hi])
        for st in (None, 1, 2, -1, -3):
            print(" ", st, l[lo:hi:st], t[lo:hi:st], s[lo:hi:st], a[lo:hi:st])
class Idx:
    def __index__(self):
        return 3
print(l[Idx():], a[:Idx()], t[Idx():Idx()])
for bad in (1.5, "x"):
    try:
        l[bad:]
    except TypeError as e:
        print("TypeError", e)
try:
    a[::0]
except ValueError as e:
    print("ValueError", e)
class Sub(list):
    def __getitem__(self, k):
        return ("sub", k)
print(Sub([1, 2, 3])[1:2])
class Any:
    def __getitem__(self, k):
        return k
print(Any()[1:2], Any()[::3], Any()[1:2:3])
b = b"bytes!"
print(b[1:4], bytearray(b)[::-1], range(10)[2:8:2])
d = {"k": [1, 2, 3]}
print(d["k"][1:], [x for x in l[::3]])
