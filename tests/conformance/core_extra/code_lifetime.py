# A running frame keeps its code alive even when nothing else refers to the
# function any more (weft's dispatch loop relies on that).


def f(n):
    global f
    del f
    junk = [[i, str(i)] for i in range(100000)]
    total = 0
    for pair in junk:
        total += pair[0]
    return total + n


print(f(1))
print("f" in globals())


def gen():
    global gen
    del gen
    for i in range(3):
        junk = [str(j) for j in range(50000)]
        yield len(junk) + i


print(list(gen()))


class K:
    def method(self):
        del K.method
        junk = {i: [i] for i in range(50000)}
        return len(junk)


print(K().method(), hasattr(K, "method"))


def outer():
    def inner(k):
        if k == 0:
            return "done"
        return inner(k - 1)
    r = inner(50)
    return r


print(outer())
