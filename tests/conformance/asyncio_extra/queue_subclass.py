# Covers: user subclasses of asyncio.Queue: overriding the _init/_put/_get
# hooks (a set-like dedup queue, a sorted-list queue), overriding qsize()
# (which full() consults), put_nowait()/get_nowait() overrides that
# put()/get() go through, a subclass that only adds methods and state,
# subclasses of PriorityQueue and LifoQueue, blocking get/put on a
# hook-overriding subclass, str() of each, and Queue[int] in annotations.
import asyncio


class DedupQueue(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = []
        self.seen = set()

    def _put(self, item):
        if item not in self.seen:
            self.seen.add(item)
            self._queue.append(item)

    def _get(self):
        return self._queue.pop(0)


class SortedQueue(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)
        self._queue.sort(reverse=True)

    def _get(self):
        return self._queue.pop()


class HalfFull(asyncio.Queue):
    def qsize(self):
        return 2 * len(self._queue)


class Logged(asyncio.Queue):
    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self.log = []

    def put_nowait(self, item):
        self.log.append("put %r" % (item,))
        super().put_nowait(item)

    def get_nowait(self):
        item = super().get_nowait()
        self.log.append("get %r" % (item,))
        return item

    def peek(self):
        return list(self._queue)[0]


class Counting(asyncio.PriorityQueue):
    count = 0

    def _put(self, item):
        Counting.count += 1
        super()._put(item)


def typed(q: asyncio.Queue[int], p: asyncio.PriorityQueue[tuple]) -> int:
    return q.qsize() + p.qsize()


class Stack(asyncio.LifoQueue):
    def top(self):
        return self._queue[-1]


async def main():
    q = DedupQueue()
    for x in [3, 1, 3, 2, 1]:
        await q.put(x)
    print("dedup:", q.qsize(), [q.get_nowait() for _ in range(q.qsize())], str(q))
    print("unfinished:", q._unfinished_tasks)

    s = SortedQueue(maxsize=3)
    waiter = asyncio.create_task(s.get())
    await asyncio.sleep(0)
    print("getter waiting:", str(s))
    await s.put(5)
    print("woken getter:", await waiter)
    for x in [9, 4, 7]:
        s.put_nowait(x)
    blocked = asyncio.create_task(s.put(1))
    await asyncio.sleep(0)
    print("putter blocked:", blocked.done(), str(s))
    print("smallest:", await s.get())
    await blocked
    print("sorted:", [s.get_nowait() for _ in range(s.qsize())])

    h = HalfFull(maxsize=4)
    h.put_nowait("a")
    print("half full:", h.full(), h.qsize(), h.empty())
    h.put_nowait("b")
    print("half full:", h.full(), h.qsize())
    try:
        h.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull at 2 items")

    lg = Logged(2)
    await lg.put("x")
    await lg.put("y")
    print("peek:", lg.peek())
    t = asyncio.create_task(lg.put("z"))
    await asyncio.sleep(0)
    print("got:", await lg.get(), await lg.get(), await lg.get())
    await t
    print("log:", lg.log, isinstance(lg, asyncio.Queue))

    c = Counting()
    for item in [(2, "b"), (1, "a"), (3, "c")]:
        await c.put(item)
    print("counting:", Counting.count, await c.get(), str(c))

    st = Stack()
    for i in range(3):
        st.put_nowait(i)
    print("stack top:", st.top(), await st.get(), str(st))
    print("mro:", [k.__name__ for k in type(st).__mro__])
    print("annotated with Queue[int]:", typed(st, c))


asyncio.run(main())
