# Covers: asyncio.sleep(0) yields to the loop exactly once: two tasks that
# alternate sleep(0) interleave strictly (A0 B0 A1 B1 ...); a task doing two
# sleep(0) in a row lets a call_soon callback scheduled before it run exactly
# once in between; awaiting a coroutine that does not suspend does not yield
# at all; sleep(0, result) returns the result; a negative delay behaves like 0.
import asyncio

order = []


async def worker(name, n):
    for i in range(n):
        order.append(f"{name}{i}")
        await asyncio.sleep(0)


async def no_suspend():
    return "no yield"


async def counter_task(counts):
    while True:
        counts[0] += 1
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(worker("A", 4))
    b = asyncio.create_task(worker("B", 4))
    await asyncio.gather(a, b)
    print(" ".join(order))

    # How many times does another task run while we do k sleep(0)s?
    counts = [0]
    t = asyncio.create_task(counter_task(counts))
    await asyncio.sleep(0)          # t runs once
    base = counts[0]
    for k in (1, 2, 3):
        before = counts[0]
        for _ in range(k):
            await asyncio.sleep(0)
        print(f"{k} x sleep(0): other task ran {counts[0] - before} times")
    before = counts[0]
    print(await no_suspend())
    print("awaiting a plain coroutine yields:", counts[0] != before)
    print("sleep(0, result):", await asyncio.sleep(0, "res"))
    before = counts[0]
    await asyncio.sleep(-1)
    print("sleep(-1) yields once:", counts[0] - before)
    t.cancel()
    print("base:", base)

    log = []
    loop = asyncio.get_running_loop()
    loop.call_soon(log.append, "cb1")
    log.append("before sleep")
    await asyncio.sleep(0)
    log.append("after first sleep")
    loop.call_soon(log.append, "cb2")
    loop.call_soon(log.append, "cb3")
    await asyncio.sleep(0)
    log.append("after second sleep")
    print(log)


asyncio.run(main())
