# Covers: asyncio.Queue, LifoQueue and PriorityQueue under a long
# deterministic pseudo-random mix of put_nowait/get_nowait, blocking put/get
# from tasks, cancellations of waiting tasks and task_done, including
# PriorityQueue items with equal priorities (heap order, as heapq gives it)
# and the repr-visible _queue order after every round; a PriorityQueue
# subclass overriding _put must behave the same.
import asyncio

seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


async def getter(q, log, name):
    try:
        log.append((name, "got", await q.get()))
    except asyncio.CancelledError:
        log.append((name, "cancelled"))


async def putter(q, log, name, item):
    try:
        await q.put(item)
        log.append((name, "put", item))
    except asyncio.CancelledError:
        log.append((name, "cancelled"))


async def run(cls):
    q = cls(maxsize=5)
    log = []
    tasks = []
    for step in range(300):
        op = rnd(8)
        item = (rnd(4), rnd(3))
        if op == 0:
            try:
                q.put_nowait(item)
            except asyncio.QueueFull:
                log.append(("full",))
        elif op == 1:
            try:
                log.append(("nowait", q.get_nowait()))
            except asyncio.QueueEmpty:
                log.append(("empty",))
        elif op == 2:
            tasks.append(asyncio.create_task(getter(q, log, "g%d" % step)))
        elif op == 3:
            tasks.append(asyncio.create_task(putter(q, log, "p%d" % step, item)))
        elif op == 4 and tasks:
            tasks[rnd(len(tasks))].cancel()
        elif op == 5:
            await asyncio.sleep(0)
        elif op == 6:
            try:
                q.task_done()
            except ValueError:
                log.append(("too many task_done",))
        else:
            log.append(("state", q.qsize(), q.empty(), q.full(), str(q)))
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(cls.__name__, len(log), str(q))
    for i in range(0, len(log), 6):
        print(" ", log[i:i + 6])


class PlainPriority(asyncio.PriorityQueue):
    # Overriding a hook: runs the Python-level queue code.
    def _put(self, item):
        super()._put(item)


for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue, PlainPriority):
    asyncio.run(run(cls))
