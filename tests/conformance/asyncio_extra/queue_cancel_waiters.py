# Covers: cancelling tasks blocked in asyncio.Queue.get()/put(): the
# cancelled waiter leaves the queue's waiter list, FIFO fairness of the
# remaining waiters, a getter woken by put_nowait() but cancelled before it
# ran passes the wake-up on to the next getter (and the same for putters),
# and wait_for() timeouts on get()/put().
import asyncio


def state(q):
    return "qsize=%d getters=%d putters=%d" % (q.qsize(), len(q._getters), len(q._putters))


async def getter(q, name, log):
    try:
        item = await q.get()
        log.append("%s got %r" % (name, item))
    except asyncio.CancelledError:
        log.append("%s cancelled" % name)
        raise


async def putter(q, name, item, log):
    try:
        await q.put(item)
        log.append("%s put %r" % (name, item))
    except asyncio.CancelledError:
        log.append("%s cancelled" % name)
        raise


async def main():
    log = []
    q = asyncio.Queue()
    ts = [asyncio.create_task(getter(q, "g%d" % i, log)) for i in range(4)]
    await asyncio.sleep(0)
    print("4 getters waiting:", state(q))
    ts[1].cancel()
    await asyncio.sleep(0)
    print("after cancelling g1:", state(q), log)
    # Wake g0, then cancel it before it runs: g2 must get the item.
    q.put_nowait("x")
    ts[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("woken-then-cancelled:", state(q), log)
    q.put_nowait("y")
    await asyncio.sleep(0)
    print("fifo:", state(q), log)
    results = await asyncio.gather(*ts, return_exceptions=True)
    print("results:", [type(r).__name__ for r in results])

    log = []
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("full")
    ps = [asyncio.create_task(putter(q, "p%d" % i, i, log)) for i in range(4)]
    await asyncio.sleep(0)
    print("4 putters waiting:", state(q))
    ps[2].cancel()
    await asyncio.sleep(0)
    print("after cancelling p2:", state(q), log)
    print("get:", q.get_nowait())
    ps[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("woken-then-cancelled:", state(q), log, list(q._queue))
    while q.qsize() or q._putters:
        print("drain:", await q.get())
        await asyncio.sleep(0)
    print("final:", state(q), log)
    await asyncio.gather(*ps, return_exceptions=True)

    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print("get timed out:", state(q))
    q = asyncio.Queue(1)
    await q.put(1)
    try:
        await asyncio.wait_for(q.put(2), 0.01)
    except asyncio.TimeoutError:
        print("put timed out:", state(q), q.get_nowait(), q.empty())
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t.cancel()
    q.put_nowait("late")
    try:
        await t
    except asyncio.CancelledError:
        print("getter cancelled after the put:", state(q))
    print("unfinished:", q._unfinished_tasks)


asyncio.run(main())
