# A StopIteration escaping an awaited coroutine becomes RuntimeError, also
# when weft runs the awaited frame without a coroutine object.
import asyncio


async def leaks():
    raise StopIteration(5)


async def leaks_deep(n):
    if n == 0:
        next(iter([]))
    return await leaks_deep(n - 1)


class Holder:
    async def leak(self):
        raise StopIteration("m")


async def main():
    for make in (leaks, lambda: leaks_deep(3), Holder().leak):
        try:
            await make()
        except RuntimeError as e:
            print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__.args)
    try:
        await leaks()
    except StopIteration:
        print("not converted")
    except RuntimeError as e:
        print("converted", e.__suppress_context__)


asyncio.run(main())
