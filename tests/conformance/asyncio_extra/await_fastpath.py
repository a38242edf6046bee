# `await f(...)` of an async def takes a fast path in weft: check that it
# behaves exactly like the general await in every corner.
import asyncio
import sys


async def leaf(x):
    return x * 2


async def with_cell(x):
    def inner():
        return x + 1
    return inner()


async def raises(n):
    if n == 0:
        raise ValueError("deep")
    return await raises(n - 1)


async def deep(n):
    if n == 0:
        return 0
    return 1 + await deep(n - 1)


async def defaults(a, b=10):
    return a + b


async def kwonly(a, *, k=1):
    return a * k


async def suspends(n):
    await asyncio.sleep(0)
    return n


async def guarded(log, n):
    try:
        if n == 0:
            await asyncio.sleep(10)
        else:
            await guarded(log, n - 1)
    finally:
        log.append(n)


class Obj:
    async def method(self, v):
        return await leaf(v)


async def main():
    print(await leaf(21))
    print(await with_cell(41))
    try:
        await raises(5)
    except ValueError as e:
        print("caught", repr(e))
    print(await deep(300))
    old = sys.getrecursionlimit()
    try:
        await deep(5000)
    except RecursionError as e:
        print("RecursionError", e)
    print(await defaults(1), await defaults(1, 2), await defaults(a=3))
    print(await kwonly(2), await kwonly(2, k=5))
    print(await suspends(7))
    print(await Obj().method(4))
    args = (3,)
    print(await leaf(*args))
    log = []
    t = asyncio.ensure_future(guarded(log, 10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", log)
    c = leaf(1)
    print(type(c).__name__, await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)
    results = await asyncio.gather(*(suspends(i) for i in range(5)))
    print(results)


asyncio.run(main())
