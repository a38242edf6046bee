# Making generators, coroutines and async generators from plain calls:
# arguments land in the right slots, closures' free variables, cells of
# their own, defaults, and the objects' names.
import asyncio


def count(a, b):
    while a < b:
        yield a
        a += 1


def outer(k):
    def scaled(xs):
        for x in xs:
            yield x * k
    return scaled


def with_cell(n):
    def get():
        return n
    yield get()
    n += 1
    yield get()


def with_default(a, b=3):
    yield a + b


def no_args():
    yield "only"


g = count(2, 5)
print(g.__name__, g.__qualname__, list(g), list(g))
print(list(outer(10)([1, 2, 3])), outer(2).__qualname__)
print(list(with_cell(5)), list(with_default(1)), list(with_default(1, 1)), list(no_args()))
print(outer(3)([4]).__qualname__)


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def agen(n):
    for i in range(n):
        yield i * i


async def main():
    c = add(1, 2)
    print(type(c).__name__, c.__qualname__)
    r = await c
    xs = [x async for x in agen(4)]
    return r, xs, await asyncio.gather(*(add(i, i) for i in range(3)))


print(asyncio.run(main()))
