# Threads in a plain script (no event loop): start, join, names, counts,
# a shared counter under a Lock, and the main thread running beside them.
import threading
import time

print(threading.current_thread().name)
print(threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()))

counter = 0
lock = threading.Lock()


def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=work, args=(5000,)) for _ in range(4)]
print([t.name for t in threads])
print([t.is_alive() for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
print([t.is_alive() for t in threads])
print(threading.active_count())

named = threading.Thread(target=lambda: None, name="worker-a", daemon=True)
print(named.name, named.daemon)
print(repr(named))
named.start()
named.join()
print(named.is_alive())

# Results gathered from threads, printed in a fixed order.
results = {}


def square(i):
    time.sleep(0.01 * (5 - i))
    results[i] = i * i


ts = [threading.Thread(target=square, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))

# The main thread keeps running while a thread sleeps and ticks.
ticks = []


def ticker():
    for i in range(5):
        ticks.append(i)
        time.sleep(0.005)


t = threading.Thread(target=ticker)
t.start()
start = time.monotonic()
spins = 0
while time.monotonic() - start < 0.3 and len(ticks) < 5:
    spins += 1
print("ticks while main spun:", len(ticks), spins > 0)
t.join()

# A thread subclass with run().


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


c = Counter(1000)
c.start()
c.join()
print(c.total, c.name.startswith("Thread-"))

try:
    c.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.get_ident() == threading.main_thread().ident)
