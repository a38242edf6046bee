# Lock, RLock, Condition, Event, Semaphore, Barrier, local and Timer
# between threads of a plain script.
import threading
import time

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(blocking=False))
print(lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

rl = threading.RLock()
with rl:
    with rl:
        print("rlock reentered")

# Ordered hand-off with a Condition.
cond = threading.Condition()
items = []
log = []


def consumer():
    with cond:
        while len(items) < 3:
            cond.wait()
        log.append(("consumer saw", list(items)))


def producer():
    for i in range(3):
        time.sleep(0.01)
        with cond:
            items.append(i)
            cond.notify()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
print(log)

with cond:
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.01))

# Event.
ev = threading.Event()
seen = []


def waiter(i):
    ev.wait()
    seen.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for w in ws:
    w.start()
time.sleep(0.02)
print("before set:", seen)
ev.set()
for w in ws:
    w.join()
print("after set:", sorted(seen), ev.is_set())
ev.clear()
print(ev.wait(0.01))

# Semaphore: at most two workers inside at once.
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
mu = threading.Lock()


def limited():
    with sem:
        with mu:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.01)
        with mu:
            inside[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak:", peak[0])

bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)

# Barrier.
barrier = threading.Barrier(3)
order = []


def phase(i):
    order.append(("a", i))
    barrier.wait()
    order.append(("b", i))


ts = [threading.Thread(target=phase, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
firsts = [k for k, _ in order[:3]]
print("barrier:", firsts, sorted(i for k, i in order if k == "b"))

# local: one namespace per thread.
data = threading.local()
data.x = "main"
out = []


def use_local(i):
    data.x = i
    time.sleep(0.005)
    out.append((i, data.x))


ts = [threading.Thread(target=use_local, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out), data.x)

# Timer, and a cancelled Timer.
fired = []
t1 = threading.Timer(0.02, fired.append, args=["fired"])
t2 = threading.Timer(0.02, fired.append, args=["cancelled"])
t1.start()
t2.start()
t2.cancel()
t1.join()
t2.join()
print(fired)

# A Barrier whose parties never all arrive breaks on timeout.
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)
b2.reset()
print(b2.broken, b2.parties, b2.n_waiting)
print(threading.ThreadError is RuntimeError)
