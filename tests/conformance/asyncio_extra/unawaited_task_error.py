# Covers: a task that raises while nobody awaits it does not stop the loop:
# the other tasks keep running and printing, and main finishes normally. The
# "Task exception was never retrieved" report goes to stderr (not compared).
# Also: an exception in a plain loop callback (call_soon) goes to the loop's
# exception handler and the loop keeps going; a custom handler sees the
# context dict; a task's exception retrieved later through result().
import asyncio


async def crasher(n):
    await asyncio.sleep(0.12 * n - 0.06 if n else 0)
    print(f"crasher {n} raising")
    raise ValueError(f"boom {n}")


async def ticker(name, count):
    for i in range(count):
        print(f"{name} tick {i}")
        await asyncio.sleep(0.12)
    return name


def bad_callback():
    print("bad callback runs")
    raise RuntimeError("callback failed")


async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(crasher(1))
    t2 = asyncio.create_task(crasher(2))
    res = await ticker("main", 3)
    print("ticker returned:", res)
    print("crashers done:", t1.done(), t2.done())
    print("t1 exception:", repr(t1.exception()))
    del t1
    # t2 is never looked at: its report goes to stderr at garbage collection.

    seen = []

    def handler(lp, ctx):
        seen.append((lp is loop, ctx["message"], type(ctx["exception"]).__name__))

    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("handler saw:", [(a, m.startswith("Exception in callback"), e) for a, m, e in seen])
    loop.set_exception_handler(None)

    t3 = asyncio.create_task(crasher(0))
    await asyncio.sleep(0.01)
    try:
        t3.result()
    except ValueError as e:
        print("result() re-raises:", e)
    print("main finished")


asyncio.run(main())
print("after run")
