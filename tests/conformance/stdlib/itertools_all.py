# Covers: every itertools iterator: results, reprs of count/repeat,
# argument errors, laziness and exhaustion.
import itertools
from itertools import *
import operator

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
print(count(5), count(5, 2), count(1.5), next(count(2**70)))
c = count(3); next(c); print(c)
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(repeat("x", 3)), repeat(1, 2), repeat(1), list(repeat(1, -5)), list(map(pow, range(4), repeat(2))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=7)))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("AB", [1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(operator.add, [[1, 2]])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")], [(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
gb = groupby("aabbc"); k1, g1 = next(gb); k2, g2 = next(gb); print(k1, list(g1), k2, list(g2))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice([], 3)), list(islice(range(3), 10)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
a, b = tee(iter([1, 2, 3])); print(list(a), list(b))
a, b, c = tee(range(100), 3); print(next(a), next(a), list(islice(b, 3)), sum(c))
print(tee([1], 0), len(tee("ab")))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [2, 3], [])), list(zip_longest()))
print(list(product("AB", "xy")), list(product(range(2), repeat=2)), list(product()), list(product("a", [])))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations("A", 2)), list(permutations([], 0)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("A", 2)), list(combinations("AB", 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement("A", 0)))
print(len(list(product(range(10), repeat=3))), len(list(permutations(range(6)))), sum(1 for _ in combinations(range(20), 3)))
for bad in [lambda: islice("a", -1), lambda: islice("a", 1, 2, 0), lambda: list(permutations("a", -1)), lambda: count("a"), lambda: tee("a", -1), lambda: product("a", repeat=-1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(chain()).__name__, type(count()).__module__, isinstance(chain(), chain), iter(c) is c)
print([n for n in dir(itertools) if not n.startswith("_")])
