# Covers: threading.Thread start/join with args, Lock as a context manager,
# Event set/wait across threads, Condition-based handoff, Semaphore
# limiting concurrency, current_thread/main_thread names, threads sleeping
# concurrently (five 0.1 s sleeps take well under 0.5 s).
import threading
import time

results = []
lock = threading.Lock()


def work(n):
    time.sleep(0.1)
    with lock:
        results.append(n * n)


start = time.monotonic()
threads = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("squares:", sorted(results), "overlapped:", time.monotonic() - start < 0.4)
print("alive after join:", [t.is_alive() for t in threads])

ready = threading.Event()
seen = []


def waiter():
    ready.wait()
    seen.append("woke")


w = threading.Thread(target=waiter)
w.start()
time.sleep(0.05)
seen.append("setting")
ready.set()
w.join()
print("event:", seen)

sem = threading.Semaphore(2)
active = [0]
peak = [0]


def limited():
    sem.acquire()
    try:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        active[0] -= 1
    finally:
        sem.release()


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak:", peak[0])
print("main:", threading.current_thread().name, threading.main_thread().name)
print("lock after all:", lock.locked(), lock.acquire(blocking=False), lock.locked())
