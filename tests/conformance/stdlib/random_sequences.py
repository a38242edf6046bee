# Covers: random's sequence functions on seeded generators: choice, shuffle,
# sample (small and large populations, counts=), choices (weights,
# cum_weights, k), and a subclass overriding random().
import random

r = random.Random(99)
print([r.choice("abcdef") for _ in range(10)])
deck = list(range(20))
r.shuffle(deck)
print(deck)
print(r.sample(range(1000), 10))
print(r.sample(range(100000), 5))
print(r.sample(["a", "b", "c"], k=6, counts=[1, 2, 3]))
print(r.sample(range(30), 25))
print(r.choices(range(10), k=8))
print(r.choices(range(10), weights=range(1, 11), k=8))
print(r.choices("abc", cum_weights=[1, 5, 6], k=8))

random.seed(2024)
print(random.choice([10, 20, 30]), random.sample("xyz", 2))


class Half(random.Random):
    def random(self):
        return 0.5


h = Half()
print(h.randrange(100), h.choice([1, 2, 3]), h.randint(1, 10))

for call in [lambda: r.choice([]), lambda: r.sample([1, 2], 3),
             lambda: r.choices("ab", weights=[1], k=2),
             lambda: r.choices("ab", [1, 2], cum_weights=[1, 2])]:
    try:
        call()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    r.sample({1, 2}, 1)
except TypeError as e:
    print("TypeError", e)
