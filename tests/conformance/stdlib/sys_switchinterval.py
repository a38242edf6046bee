# sys.getswitchinterval / setswitchinterval: the threads' time slice.
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(2)
print(sys.getswitchinterval())
for bad in [0, -1.5]:
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)
sys.setswitchinterval(0.0005)
print(sys.getswitchinterval())

# With a short interval two CPU-bound threads still both finish.
out = []


def spin(name):
    n = 0
    for i in range(20000):
        n += i
    out.append((name, n))


ts = [threading.Thread(target=spin, args=(c,)) for c in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
