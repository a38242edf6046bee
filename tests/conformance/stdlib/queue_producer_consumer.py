# queue.Queue between threads of a plain script: producers, consumers,
# task_done/join, a bounded queue, sentinels, and the other queue kinds.
import queue
import threading
import time

q = queue.Queue()
results = []
rlock = threading.Lock()


def consumer(name):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with rlock:
            results.append((item, item * 2))
        q.task_done()


def producer(start):
    for i in range(start, start + 5):
        q.put(i)
        time.sleep(0.001)


consumers = [threading.Thread(target=consumer, args=(f"c{i}",)) for i in range(3)]
producers = [threading.Thread(target=producer, args=(i * 10,)) for i in range(2)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()
print("all processed:", sorted(results))
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print("empty:", q.empty(), q.qsize())

# A bounded queue: the producer blocks until the consumer takes.
bq = queue.Queue(maxsize=2)
seen = []


def slow_consumer():
    for _ in range(6):
        time.sleep(0.005)
        seen.append(bq.get())


t = threading.Thread(target=slow_consumer)
t.start()
for i in range(6):
    bq.put(i)
t.join()
print("bounded:", seen, bq.full())

try:
    queue.Queue(maxsize=1).get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
full = queue.Queue(maxsize=1)
full.put(1)
try:
    full.put(2, block=False)
except queue.Full:
    print("Full without blocking")

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
sq = queue.SimpleQueue()
for x in [3, 1, 2]:
    lq.put(x)
    pq.put((x, f"job{x}"))
    sq.put(x)
print([lq.get() for _ in range(3)])
print([pq.get() for _ in range(3)])
print([sq.get() for _ in range(3)], sq.empty())
