# Covers: queue.Queue between a producer and a consumer thread (FIFO order,
# a None sentinel), task_done/join, get with a timeout raising queue.Empty,
# put_nowait on a full bounded queue raising queue.Full, LifoQueue and
# PriorityQueue order.
import queue
import threading

q = queue.Queue()
out = []


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.append(item)
        q.task_done()


def producer():
    for i in range(5):
        q.put(i)
    q.put(None)


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
q.join()
p.join()
c.join()
print("consumed:", out)

try:
    queue.Queue().get(timeout=0.05)
except queue.Empty:
    print("get timeout: Empty")

small = queue.Queue(maxsize=1)
small.put_nowait("a")
try:
    small.put_nowait("b")
except queue.Full:
    print("full:", small.full(), small.qsize())

lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
for x in (3, 1, 2):
    lifo.put(x)
    prio.put(x)
print("lifo:", [lifo.get() for _ in range(3)])
print("priority:", [prio.get() for _ in range(3)])
