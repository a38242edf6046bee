# Covers: asyncio.gather() given the same task, coroutine or future more than once
# (each distinct awaitable is waited for once and its result repeated in
# place), a future already done, and many distinct coroutines.
import asyncio
async def w(x):
    await asyncio.sleep(0)
    return x
async def main():
    t = asyncio.create_task(w(1))
    c = w(2)
    print(await asyncio.gather(t, t, c, c, w(3)))
    f = asyncio.get_running_loop().create_future()
    f.set_result(9)
    print(await asyncio.gather(f, w(4), f))
    print(await asyncio.gather(*[w(i) for i in range(5)]))
    t2 = asyncio.create_task(w(5)); await t2
    print(await asyncio.gather(t2, t2))
asyncio.run(main())
