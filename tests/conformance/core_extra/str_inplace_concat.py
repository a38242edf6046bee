# Covers: x += y on str locals: appending in place must never be visible through
# another reference (aliases, locals(), self-append, values kept in a list).
def f():
    acc = ""
    for i in range(10):
        acc += str(i)
    b = acc
    acc += "x"
    print(b, acc)
    c = ""
    for i in range(3):
        c += "ab"
        d = c
        c += "!"
        print(c, d)
    e = "q"
    e += e
    print(e)
    s = "z"
    s += "1"
    t = locals()["s"]
    s += "2"
    print(t, s)
    g = "k"
    lst = []
    for i in range(3):
        g += "m"
        lst.append(g)
    print(lst)
f()
acc = ""
for i in range(5):
    acc += str(i)
print(acc)
