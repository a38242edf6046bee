# Covers: cancellation never loses a finally. A task suspended at the bottom
# of 10 nested awaits, each level inside try/finally (every third level also
# inside an `async with` whose __aexit__ awaits), is cancelled: every finally
# and every __aexit__ runs exactly once, innermost first, and the task ends
# cancelled. Then the same chain under a TaskGroup nested in a TaskGroup
# (cancelled from outside), and under wait_for timing out.
import asyncio

log = []


class Resource:
    def __init__(self, level):
        self.level = level

    async def __aenter__(self):
        log.append(f"enter {self.level}")
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, et, exc, tb):
        log.append(f"aexit-start {self.level}")
        # Awaiting inside __aexit__ while a cancellation unwinds.
        await asyncio.sleep(0)
        log.append(f"aexit {self.level} {et.__name__ if et else None}")
        return False


async def level(n, started):
    try:
        if n == 0:
            started.set()
            await asyncio.sleep(3600)
            log.append("bottom woke up (wrong)")
        elif n % 3 == 0:
            async with Resource(n):
                await level(n - 1, started)
        else:
            await level(n - 1, started)
        log.append(f"after await {n} (wrong)")
    finally:
        log.append(f"finally {n}")


def report(title):
    print(title)
    finals = [x for x in log if x.startswith("finally")]
    print("  finally count:", len(finals), "unique:", len(set(finals)))
    print("  order:", [int(x.split()[1]) for x in finals])
    print("  aexits:", [x for x in log if x.startswith("aexit ")])
    print("  wrong:", [x for x in log if "wrong" in x])
    print("  sequence:", ", ".join(x for x in log if not x.startswith("enter")))
    log.clear()


async def plain_cancel():
    started = asyncio.Event()
    task = asyncio.create_task(level(9, started))
    await started.wait()
    print("cancel:", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("caught CancelledError")
    print("cancelled:", task.cancelled())
    report("plain cancel")


async def in_taskgroups():
    started = asyncio.Event()

    async def outer_body():
        try:
            async with asyncio.TaskGroup() as outer:
                async def inner_group():
                    try:
                        async with asyncio.TaskGroup() as inner:
                            inner.create_task(level(9, started))
                            inner.create_task(asyncio.sleep(3600))
                    finally:
                        log.append("finally inner-group")
                outer.create_task(inner_group())
        finally:
            log.append("finally outer-group")

    task = asyncio.create_task(outer_body())
    await started.wait()
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("taskgroup: caught CancelledError")
    print("cancelled:", task.cancelled())
    print("group finallies:", [x for x in log if "group" in x])
    log[:] = [x for x in log if "group" not in x]
    report("nested TaskGroups")


async def in_wait_for():
    started = asyncio.Event()
    try:
        await asyncio.wait_for(level(9, started), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("wait_for: TimeoutError, cause is CancelledError:",
              isinstance(e.__cause__, asyncio.CancelledError))
    report("wait_for timeout")


async def twice_cancelled():
    # A second cancel() while the first is unwinding (inside an awaiting
    # __aexit__) does not run any finally twice.
    started = asyncio.Event()
    task = asyncio.create_task(level(9, started))
    await started.wait()
    task.cancel()
    await asyncio.sleep(0)
    print("second cancel:", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("caught CancelledError")
    report("cancelled twice")


async def main():
    await plain_cancel()
    await in_taskgroups()
    await in_wait_for()
    await twice_cancelled()


asyncio.run(main())
