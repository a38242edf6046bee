# For-loop back edges (JumpForIter): every kind of iterator, continue,
# break/else, nested loops, a list growing while iterated, closures in loops.
def kinds():
    out = []
    for i in range(3):
        out.append(i)
    for x in [10, 20]:
        out.append(x)
    for t in ("a", "b"):
        out.append(t)
    for k in {"p": 1, "q": 2}:
        out.append(k)
    for g in (n * n for n in range(3)):
        out.append(g)
    for c in "hi":
        out.append(c)
    for i in range(10, 0, -3):
        out.append(i)
    return out


print(kinds())


def control():
    out = []
    for i in range(10):
        if i % 2:
            continue
        if i > 6:
            break
        out.append(i)
    else:
        out.append("no break")
    for i in range(3):
        pass
    else:
        out.append("else ran")
    return out, i


print(control())


def growing():
    xs = [1, 2, 3]
    for x in xs:
        if x < 5:
            xs.append(x + 3)
    return xs


print(growing())


def nested():
    total = 0
    for i in range(4):
        for j in range(i):
            for k in [i, j]:
                total += k
    return total


print(nested())


def closures():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i * 10)
    return [f() for f in fs]


print(closures())


def unpack():
    out = []
    for a, b in [(1, 2), (3, 4)]:
        out.append(a + b)
    for i, (a, b) in enumerate(zip("xy", "uv")):
        out.append(f"{i}{a}{b}")
    return out


print(unpack())
i = 0
for i in range(5):
    pass
print("module loop", i)
