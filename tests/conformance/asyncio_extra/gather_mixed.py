# Covers: gather(return_exceptions=True) with a mix of results, exceptions
# and a child that is cancelled: the result list keeps argument order, holds
# the exception objects, and a CancelledError for the cancelled child (the
# outer gather is not cancelled). The same coroutine object passed twice runs
# once. Without return_exceptions the first exception propagates while the
# other children keep running. Cancelling the gather future cancels children.
import asyncio


async def value(v, delay=0.01):
    await asyncio.sleep(delay)
    return v


async def fail(exc, delay=0.01):
    await asyncio.sleep(delay)
    raise exc


async def forever(log):
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.append("forever cancelled")
        raise


async def main():
    log = []
    victim = asyncio.create_task(forever(log))
    shared = asyncio.ensure_future(value("shared"))
    g = asyncio.gather(
        value(1),
        fail(ValueError("bad value")),
        victim,
        value("two", 0.02),
        fail(KeyError("k")),
        shared,
        shared,
        return_exceptions=True,
    )
    await asyncio.sleep(0)
    victim.cancel()
    results = await g
    for r in results:
        if isinstance(r, BaseException):
            print("  exception:", type(r).__name__, repr(str(r)))
        else:
            print("  result:", r)
    print("log:", log)
    print("gather cancelled:", g.cancelled(), "victim cancelled:", victim.cancelled())

    # cancelled child with a message
    t = asyncio.create_task(forever(log))
    g2 = asyncio.gather(t, value("ok"), return_exceptions=True)
    await asyncio.sleep(0)
    t.cancel("stop now")
    r = await g2
    print("with message:", type(r[0]).__name__, r[0].args, r[1])

    # without return_exceptions: the first error propagates, others go on
    slow = asyncio.create_task(value("slow", 0.05))
    try:
        await asyncio.gather(fail(RuntimeError("first"), 0.01),
                             fail(RuntimeError("second"), 0.02), slow)
    except RuntimeError as e:
        print("propagated:", e, "slow done:", slow.done())
    print("slow still finishes:", await slow)
    await asyncio.sleep(0.03)

    # cancelling the gather cancels its children
    log.clear()
    a = asyncio.create_task(forever(log))
    b = asyncio.create_task(forever(log))
    outer = asyncio.gather(a, b)
    await asyncio.sleep(0)
    print("outer.cancel():", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer raised CancelledError")
    print("children cancelled:", a.cancelled(), b.cancelled(), log)

    print("empty gather:", await asyncio.gather())


asyncio.run(main())
