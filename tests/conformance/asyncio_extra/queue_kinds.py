# Covers: asyncio queues. A bounded Queue applies backpressure (put() blocks
# while full, in FIFO order of the blocked producers, each resuming when a
# get frees a slot); LifoQueue and PriorityQueue order; put_nowait on a full
# queue raises QueueFull, get_nowait on an empty one QueueEmpty; qsize, full,
# empty, maxsize; str(); PriorityQueue keeps heapq's order for items that
# compare equal; task_done / join; task_done too many times; a cancelled
# getter does not swallow an item.
import asyncio

log = []


async def producer(q, name, items):
    for it in items:
        log.append(f"{name} put {it} (qsize {q.qsize()})")
        await q.put(it)
        log.append(f"{name} put {it} done")


async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize:", q.maxsize, "empty:", q.empty(), "full:", q.full())
    p1 = asyncio.create_task(producer(q, "p1", ["a", "b", "c"]))
    p2 = asyncio.create_task(producer(q, "p2", ["x", "y"]))
    await asyncio.sleep(0)
    print("full after producers start:", q.full(), q.qsize())
    got = []
    while len(got) < 5:
        got.append(await q.get())
        log.append(f"got {got[-1]}")
        await asyncio.sleep(0)
    await asyncio.gather(p1, p2)
    print("got:", got)
    for line in log:
        print(" ", line)
    log.clear()

    try:
        q2 = asyncio.Queue(1)
        q2.put_nowait(1)
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull", str(q2))
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    lq = asyncio.LifoQueue()
    for i in range(5):
        lq.put_nowait(i)
    print("lifo:", [lq.get_nowait() for _ in range(lq.qsize())])

    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a0"), (5, "e"), (0, "z")]:
        pq.put_nowait(item)
    print("priority:", [pq.get_nowait() for _ in range(pq.qsize())])
    pq.put_nowait(2)
    pq.put_nowait(1)
    print("priority ints:", await pq.get(), await pq.get())

    class Job:
        # compares by priority only: equal jobs come out in heap order
        def __init__(self, prio, name):
            self.prio, self.name = prio, name

        def __lt__(self, other):
            return self.prio < other.prio

    jobs = asyncio.PriorityQueue()
    for i, prio in enumerate([1, 1, 1, 1, 0, 1, 2, 1]):
        jobs.put_nowait(Job(prio, f"j{i}"))
    print("equal priorities:", [jobs.get_nowait().name for _ in range(jobs.qsize())])
    sq = asyncio.Queue(3)
    sq.put_nowait("s")
    print(str(sq), str(asyncio.LifoQueue()))

    # join waits for task_done of every item
    jq = asyncio.Queue()
    for i in range(3):
        jq.put_nowait(i)

    async def worker():
        while True:
            item = await jq.get()
            await asyncio.sleep(0.01)
            log.append(f"processed {item}")
            jq.task_done()

    w = asyncio.create_task(worker())
    await jq.join()
    print("joined after:", log)
    w.cancel()
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError:", e)

    # a getter cancelled while waiting: the next item goes to the other getter
    cq = asyncio.Queue()
    g1 = asyncio.create_task(cq.get())
    g2 = asyncio.create_task(cq.get())
    await asyncio.sleep(0)
    g1.cancel()
    cq.put_nowait("item")
    await asyncio.sleep(0)
    print("g1 cancelled:", g1.cancelled(), "g2:", await g2, "left:", cq.qsize())

    # a putter cancelled while blocked does not add its item
    fq = asyncio.Queue(1)
    fq.put_nowait("first")
    pt = asyncio.create_task(fq.put("blocked"))
    await asyncio.sleep(0)
    pt.cancel()
    await asyncio.sleep(0)
    print("putter cancelled:", pt.cancelled(), "qsize:", fq.qsize(), fq.get_nowait())


asyncio.run(main())
