# Covers: pprint.pformat over generated nested structures at many widths, indents and depths (compact and not)
import pprint
seed = 4242
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
words = ['a', 'bb', 'spam', 'eggs and ham', 'x' * 30, 'two words', 'line\nbreak', '', 'tab\there', 'long sentence with many words in it']
def gen(d):
    k = rnd(10)
    if d > 3 or k < 3:
        c = rnd(6)
        if c == 0: return rnd(10 ** (rnd(15) + 1))
        if c == 1: return words[rnd(len(words))]
        if c == 2: return rnd(1000) / 8
        if c == 3: return None if rnd(2) else True
        if c == 4: return bytes(range(rnd(30)))
        return -rnd(100)
    n = rnd(7)
    if k < 6: return [gen(d + 1) for _ in range(n)]
    if k < 8: return tuple(gen(d + 1) for _ in range(n))
    return {words[rnd(len(words))] + str(i): gen(d + 1) for i in range(n)}
for case in range(30):
    obj = gen(0)
    width = rnd(70) + 5
    kw = {}
    if rnd(3) == 0: kw['indent'] = rnd(4)
    if rnd(3) == 0: kw['compact'] = True
    if rnd(4) == 0: kw['depth'] = rnd(3) + 1
    if rnd(4) == 0: kw['sort_dicts'] = False
    print(case, width, sorted(kw.items()))
    print(pprint.pformat(obj, width=width, **kw))
