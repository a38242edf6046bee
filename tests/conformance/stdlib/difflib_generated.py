# Covers: difflib ndiff, unified_diff, context_diff and SequenceMatcher opcodes over generated line lists and strings
import difflib
seed = 777
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
pool = ['alpha\n', 'beta\n', 'gamma\n', 'alpha beta\n', 'alphabet\n', 'gamma ray\n', '\n', '  # note\n', 'delta\n', 'beta  \n', 'Alpha\n']
def mutate(lines):
    out = []
    for ln in lines:
        r = rnd(10)
        if r == 0:
            continue
        if r == 1:
            out.append(pool[rnd(len(pool))])
        if r == 2:
            k = rnd(len(ln))
            ln = ln[:k] + 'xyz'[rnd(3)] + ln[k + 1:]
        out.append(ln)
    return out
for case in range(40):
    a = [pool[rnd(len(pool))] for _ in range(rnd(12))]
    b = mutate(a)
    print('case', case, len(a), len(b))
    print(''.join(difflib.ndiff(a, b)), end='')
    print(''.join(difflib.unified_diff(a, b, n=rnd(3))), end='')
    print(''.join(difflib.context_diff(a, b, n=rnd(3))), end='')
    x = ''.join(a)[:60]
    y = ''.join(b)[:60]
    s = difflib.SequenceMatcher(difflib.IS_CHARACTER_JUNK if case % 2 else None, x, y)
    print(s.get_opcodes(), s.ratio(), s.quick_ratio())
