# Covers: as_completed() with a timeout. Results come in completion order;
# when the timeout expires before everything is done, the next await raises
# TimeoutError and the unfinished tasks are left running (not cancelled).
# Also: as_completed over coroutines and futures mixed, duplicates counted
# once, and an exception delivered through its awaitable.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def main():
    slow = asyncio.create_task(job("slow", 0.3))
    tasks = [asyncio.create_task(job("a", 0.06)), slow,
             asyncio.create_task(job("b", 0.0)),
             asyncio.create_task(job("c", 0.12, fail=True))]
    got = []
    try:
        for aw in asyncio.as_completed(tasks, timeout=0.2):
            try:
                got.append(await aw)
            except ValueError as e:
                got.append(f"error {e}")
    except asyncio.TimeoutError:
        got.append("TimeoutError")
    print(got)
    print("slow cancelled:", slow.cancelled(), "done:", slow.done())
    print("slow result later:", await slow)

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.06, fut.set_result, "future")
    t = asyncio.create_task(job("task", 0.12))
    order = []
    for aw in asyncio.as_completed([job("coro", 0.0), fut, t, t]):
        order.append(await aw)
    print(order)

    try:
        for aw in asyncio.as_completed([job("never", 3600)], timeout=0.05):
            await aw
    except asyncio.TimeoutError:
        print("timed out before the first result")

    its = asyncio.as_completed([])
    print("empty:", list(its))


asyncio.run(main())
