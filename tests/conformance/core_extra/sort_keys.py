# Sorting with keys made of numbers, strs and tuples (weft sorts these
# without calling back into the VM when no comparison can raise).


words = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "an", "el", "é", "ß", "z", "Z", ""]
items = []
x = 12345
for i in range(300):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    items.append((words[x % len(words)], (x >> 8) % 7, words[(x >> 12) % len(words)]))

print(sorted(items)[:12])
print(sorted(items, key=lambda t: (-t[1], t[0]))[:12])
print(sorted(items, key=lambda t: (t[1], (t[2], t[0])), reverse=True)[:12])
print(sorted([(1, "b"), (1.0, "a"), (0.5, "z"), (True, "c"), (-0.0, "d"), (0, "e")]))
print(sorted([(1,), (1, 2), (), (0, 5, 6), (1, 1)]))
print(sorted([("a", 1), ("a", 1.5), ("a", -2), ("b", 0)]))
print(sorted([2**60, 2**60 + 1, 1.5, 3]))
print(sorted([(2**60 + 1, "x"), (2**60, "y"), (1.5, "z")]))
print(sorted([(float("nan"), 1), (1.0, 2)])[1])
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([("a",), (1,)])
except TypeError as e:
    print("TypeError", e)
print(sorted([(1, "a"), (2, 2)]))
stable = sorted([(k % 3, i) for i, k in enumerate(range(20))], key=lambda t: (t[0],))
print(stable)
print(sorted(["b", "a", ("x",)] [:2]))
l = [(3, "c"), (1, "a"), (2, "b")]
l.sort(key=lambda t: (t[1],), reverse=True)
print(l)
print(max([(1, "a"), (1, "b")]), min([(0.5, "q"), (0, "r")]))
