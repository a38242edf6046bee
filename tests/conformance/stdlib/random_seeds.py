# Covers: random's Mersenne Twister reproduces CPython's streams: int (any
# size, negative), str, bytes and float seeds, random(), getrandbits(),
# randint/randrange, getstate/setstate and seed version 1.
import random

for seed in [0, 1, 42, 12345, -7, 2**32, 2**100 + 17, "hello", b"bytes", "", 3.5]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(31), random.randint(0, 10**12))

r = random.Random(2024)
print([r.random() for _ in range(4)])
print([r.getrandbits(k) for k in (1, 7, 32, 33, 64, 65, 100)])
print(r.getrandbits(0))
print([r.randint(1, 6) for _ in range(20)])
print([r.randrange(0, 100, 7) for _ in range(10)])
print([r.randrange(-50, 50) for _ in range(10)], r.randrange(10**30))
print([r.randrange(10, 0, -3) for _ in range(8)])

state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
print(a == [r.random() for _ in range(3)], state[0], len(state[1]), state[2])

r.seed(7, version=1)
print(r.random())
r.seed("seven", version=1)
print(r.random())
print(random.Random(5).randbytes(12))

for bad in [(0,), (5, 5), (0, 10, 0)]:
    try:
        r.randrange(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    r.getrandbits(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    random.seed([1, 2])
except TypeError as e:
    print("TypeError")
try:
    r.setstate((3, (1, 2), None))
except ValueError as e:
    print("ValueError:", e)
