# Objects die and their heap slots are reused across many collections:
# classes, attribute names built at run time, lists, and a big phase
# followed by a small one. Every lookup must see the live object.


def make_class(k):
    class C:
        tag = k

        def get(self):
            return self.tag * 2

    return C


total = 0
for k in range(3000):
    C = make_class(k)
    obj = C()
    total += obj.get() + C.tag
    junk = [[i] for i in range(20)]
print("classes", total)

total = 0
for k in range(20000):
    name = "attr" + str(k % 7)
    D = type("D", (), {name: k})
    total += getattr(D, name)
    total += hasattr(D, "attr" + str((k + 1) % 7))
print("names", total)

big = [[i, str(i)] for i in range(200000)]
keep = big[-1]
del big
acc = 0
for i in range(100000):
    p = [i, i + 1, i + 2]
    acc += (p[::-1] + p[1:])[0]
print("after big", keep, acc)


class Node:
    def __init__(self, v):
        self.v = v
        self.other = None


s = 0
for i in range(30000):
    a = Node(i)
    b = Node(-i)
    a.other = b
    b.other = a
    s += a.other.other.v
print("cycles", s)
