# Covers: asyncio.Queue task_done()/join() (several joiners, join returning
# at once when nothing is unfinished, join after refilling, the ValueError
# for too many task_done calls), str() and repr() text of Queue,
# LifoQueue and PriorityQueue in each state (repr without its address),
# maxsize <= 0 meaning unbounded, put()/get() being coroutines, a
# PriorityQueue given incomparable items, and a queue used from a second
# event loop.
import asyncio


def bare_repr(q):
    r = repr(q)
    at = r.index(" at 0x")
    rest = r.index(" ", at + 4)
    return r[:at] + r[rest:]


async def joiner(q, name, log):
    await q.join()
    log.append(name)


async def main():
    q = asyncio.Queue()
    print(str(q), bare_repr(q))
    await q.join()
    print("join on a fresh queue returns at once")
    for i in range(3):
        q.put_nowait(i)
    log = []
    js = [asyncio.create_task(joiner(q, "j%d" % i, log)) for i in range(3)]
    await asyncio.sleep(0)
    print(str(q), bare_repr(q))
    for i in range(3):
        q.get_nowait()
        q.task_done()
        await asyncio.sleep(0)
        print("after task_done", i, log, q._unfinished_tasks)
    await asyncio.gather(*js)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q.put_nowait("again")
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print("join waits after refill:", j.done())
    q.get_nowait()
    q.task_done()
    await j
    print("joined:", j.done(), j.result())

    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls(3)
        g = asyncio.create_task(q.get())
        await asyncio.sleep(0)
        print(str(q))
        q.put_nowait(3)
        q.put_nowait(1)
        q.put_nowait(2)
        print(bare_repr(q))
        p = asyncio.create_task(q.put(0))
        await asyncio.sleep(0)
        print(str(q), "got", await g)
        await p
        print(str(q), q.qsize(), q.full(), q.maxsize)

    for m in (0, -1):
        q = asyncio.Queue(m)
        for i in range(100):
            await q.put(i)
        print("maxsize", m, q.full(), q.qsize(), q.maxsize)

    c = q.get()
    print("get() is a coroutine:", asyncio.iscoroutine(c))
    c.close()
    c = q.put(1)
    print("put() is a coroutine:", asyncio.iscoroutine(c))
    c.close()

    pq = asyncio.PriorityQueue()
    pq.put_nowait(1)
    try:
        pq.put_nowait("a")
    except TypeError:
        print("TypeError; qsize", pq.qsize(), "unfinished", pq._unfinished_tasks)
    print("get:", pq.get_nowait(), pq.qsize())
    print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))
    return asyncio.Queue()


shared = asyncio.run(main())


async def bind():
    t = asyncio.create_task(shared.get())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("bound to the first loop that waited")


async def second():
    shared.put_nowait(1)
    print("second loop get without waiting:", await shared.get())
    try:
        await shared.get()
    except RuntimeError as e:
        print("RuntimeError:", str(e).endswith("is bound to a different event loop"))


asyncio.run(bind())
asyncio.run(second())
