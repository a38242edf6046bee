def g():
    yield 1
    return 5
it = g()
print(next(it, "d"), next(it, "d"), next(it, "d"))
def h():
    yield 1
    raise StopIteration
it = h()
print(next(it, 0))
try:
    print(next(it, 0))
except RuntimeError as e:
    print("RuntimeError", e)
def k():
    for i in range(3):
        yield i
print([next(x, None) for x in [k(), iter([]), k()]])
gen = k()
print(list(gen), next(gen, [1, 2]))
