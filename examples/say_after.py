# Shows: the difference between awaiting coroutines one after the other and
# wrapping them in tasks first. Awaited directly, each say_after() finishes
# before the next starts and the delays add up; with asyncio.create_task()
# both are scheduled at once and the total is the longest delay. Elapsed time
# is measured with time.monotonic() and printed as a yes/no answer.
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()


async def sequential():
    start = time.monotonic()
    print("sequential: started")
    await say_after(0.15, "hello")
    await say_after(0.3, "world")
    elapsed = time.monotonic() - start
    print("sequential: finished")
    print("took about 0.45 s:", 0.43 < elapsed < 0.65)


async def concurrent():
    task1 = asyncio.create_task(say_after(0.15, "hello"))
    task2 = asyncio.create_task(say_after(0.3, "world"))
    start = time.monotonic()
    print("concurrent: started")
    # Wait until both tasks are completed (about 0.3 s).
    r1 = await task1
    r2 = await task2
    elapsed = time.monotonic() - start
    print("concurrent: finished with", r1, r2)
    print("took about 0.3 s:", 0.28 < elapsed < 0.41)


asyncio.run(sequential())
asyncio.run(concurrent())
