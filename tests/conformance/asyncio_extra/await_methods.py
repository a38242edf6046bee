# `await obj.method(...)` takes the same fast path as `await f(...)` in
# weft: bound methods, class/static methods, module functions.
import asyncio


class Box:
    def __init__(self):
        self.items = []

    async def put(self, x):
        self.items.append(x)
        await asyncio.sleep(0)
        return len(self.items)

    async def fail(self):
        raise KeyError("nope")

    @classmethod
    async def make(cls, n):
        b = cls()
        for i in range(n):
            await b.put(i)
        return b

    @staticmethod
    async def twice(x):
        return 2 * x

    async def deep(self, n):
        if n == 0:
            return 0
        return 1 + await self.deep(n - 1)

    async def guarded(self, log):
        try:
            await asyncio.sleep(10)
        finally:
            log.append("finally")


async def main():
    b = await Box.make(3)
    print(b.items, await b.put(9), await Box.twice(21), await b.twice(1))
    try:
        await b.fail()
    except KeyError as e:
        print("KeyError", e)
    print(await b.deep(200))
    print(await asyncio.sleep(0, "result"))
    log = []
    t = asyncio.ensure_future(b.guarded(log))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", log)
    q = asyncio.Queue()
    await q.put(1)
    print(await q.get(), q.empty())
    m = b.put
    print(await m(5), len(b.items))


asyncio.run(main())
