# Calls that leave trailing parameters to their defaults, and sleep(0)
# interleaving, both of which weft runs on fast paths.
import asyncio


def f(a, b=2, c=[]):
    c.append(a)
    return a + b, len(c)


print(f(1), f(1, 5), f(1, 2, []), f(3))
try:
    f()
except TypeError as e:
    print("TypeError", e)


async def g(a, b=10, *, k=None):
    return a + b


async def h(a, b=10):
    await asyncio.sleep(0)
    return a * b


async def ticker(name, n, log):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return name


async def main():
    print(await h(2), await h(2, 3), await g(1), await g(1, k=2))
    try:
        await h()
    except TypeError as e:
        print("TypeError", e)
    log = []
    res = await asyncio.gather(ticker("a", 3, log), ticker("b", 2, log), ticker("c", 1, log))
    print(res, log)
    print(await asyncio.sleep(0, "r"), await asyncio.sleep(0))
    loop = asyncio.get_running_loop()
    order = []
    loop.call_soon(order.append, "soon1")
    await asyncio.sleep(0)
    order.append("after sleep0")
    loop.call_soon(order.append, "soon2")
    await asyncio.sleep(0)
    print(order)


asyncio.run(main())
