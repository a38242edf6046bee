# Covers: random's real-valued distributions draw CPython's values for a
# seed: uniform, triangular, gauss (the kept second value), normalvariate,
# lognormvariate, expovariate, vonmisesvariate, gammavariate (the three
# alpha regimes), betavariate, paretovariate, weibullvariate, SystemRandom.
import random

r = random.Random(31337)
print([round(r.uniform(-1, 1), 12) for _ in range(3)])
print(r.triangular(), r.triangular(0, 10, 3), r.triangular(5, 5))
print(r.gauss(), r.gauss(0, 1), r.gauss(10, 2))
print(r.normalvariate(), r.normalvariate(5, 2))
print(r.lognormvariate(0, 1), r.expovariate(1.5))
print(r.vonmisesvariate(1, 2), r.vonmisesvariate(0, 0))
print(r.gammavariate(2.5, 1), r.gammavariate(0.5, 1), r.gammavariate(1, 2))
print(r.betavariate(2, 3), r.paretovariate(2), r.weibullvariate(1, 2))
total = 0.0
for i in range(1000):
    total += r.gauss(0, 1)
print(round(total, 9))
try:
    r.gammavariate(0, 1)
except ValueError as e:
    print("ValueError:", e)

s = random.SystemRandom()
x = s.random()
print(0.0 <= x < 1.0, 0 <= s.randrange(10) < 10, len(s.randbytes(5)))
try:
    s.getstate()
except NotImplementedError as e:
    print("NotImplementedError:", e)
