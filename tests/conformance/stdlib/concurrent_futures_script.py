# concurrent.futures.ThreadPoolExecutor in a plain script: map, submit,
# as_completed, wait, exceptions, and shutdown through `with`.
import concurrent.futures as cf
import threading
import time


def slow_square(x):
    time.sleep(0.002 * (5 - x % 5))
    return x * x


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(slow_square, range(10))))

with cf.ThreadPoolExecutor(max_workers=3) as ex:
    futs = {ex.submit(slow_square, i): i for i in range(8)}
    done = []
    for f in cf.as_completed(futs):
        done.append((futs[f], f.result()))
    print(sorted(done))


def fail(x):
    raise KeyError(x)


with cf.ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(fail, "missing")
    try:
        f.result()
    except KeyError as e:
        print("KeyError:", e)
    print(type(f.exception()).__name__, f.done())
    fs = [ex.submit(slow_square, i) for i in range(4)]
    d, nd = cf.wait(fs)
    print(len(d), len(nd), sorted(x.result() for x in d))
    first = [ex.submit(time.sleep, 0.2), ex.submit(slow_square, 3)]
    d, nd = cf.wait(first, return_when=cf.FIRST_COMPLETED)
    print([x.result() for x in d], len(nd))

# Workers run beside the main thread: a shared counter under a lock.
total = [0]
lock = threading.Lock()


def add(n):
    for _ in range(n):
        with lock:
            total[0] += 1
    return n


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(sum(ex.map(add, [1000] * 8)), total[0])

ex = cf.ThreadPoolExecutor(max_workers=1)
f = ex.submit(pow, 2, 10)
print(f.result(timeout=1))
ex.shutdown(wait=True)
try:
    ex.submit(pow, 2, 3)
except RuntimeError as e:
    print("RuntimeError:", e)
