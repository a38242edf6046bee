# Covers: difflib.SequenceMatcher (find_longest_match, matching blocks, opcodes, grouped opcodes, ratios, junk and autojunk), get_close_matches
import difflib
s = difflib.SequenceMatcher(None, " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9), s.find_longest_match())
s = difflib.SequenceMatcher(lambda x: x == " ", " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
a, b = "qabxcd", "abycdf"
s = difflib.SequenceMatcher(None, a, b)
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print('{:7}   a[{}:{}] --> b[{}:{}] {!r:>8} --> {!r}'.format(tag, i1, i2, j1, j2, a[i1:i2], b[j1:j2]))
s = difflib.SequenceMatcher(lambda x: x in " \t", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_opcodes())
m = s.find_longest_match(0, 10, 0, 10)
print(m, m.a, m.b, m.size, m._asdict(), tuple(m) == (m.a, m.b, m.size), type(m).__name__)
a = list(range(1, 40))
b = a[:]
b[8:8] = ['i']
b[20] += 100
b[30:33] = []
s = difflib.SequenceMatcher(None, a, b)
print(list(s.get_grouped_opcodes()))
print(list(s.get_grouped_opcodes(1)), s.get_opcodes()[:2])
print(list(difflib.SequenceMatcher(None, 'abc', 'abc').get_grouped_opcodes()), list(difflib.SequenceMatcher(None, '', '').get_grouped_opcodes()))
print(difflib.SequenceMatcher(None, '', '').ratio(), difflib.SequenceMatcher(None, 'a', '').get_opcodes(), difflib.SequenceMatcher(None, '', 'ab').get_opcodes())
big_a = 'x' * 100 + 'abc' + 'y' * 150
big_b = 'y' * 100 + 'abc' + 'x' * 150
s = difflib.SequenceMatcher(None, big_a, big_b)
print(sorted(s.bpopular), sorted(s.bjunk), s.get_matching_blocks(), round(s.ratio(), 4))
s = difflib.SequenceMatcher(None, big_a, big_b, autojunk=False)
print(sorted(s.bpopular), s.get_matching_blocks()[:3], round(s.ratio(), 4))
s = difflib.SequenceMatcher(lambda c: c == 'a', 'banana', 'bandana')
print(sorted(s.bjunk), s.get_opcodes(), sorted(s.b2j.items()))
s.set_seq1('cabana')
print(s.get_opcodes())
s.set_seqs('abc', 'xyz')
print(s.get_opcodes(), s.ratio())
words = ['ape', 'apple', 'peach', 'puppy', 'apply', 'happy', 'appel', 'applesauce']
print(difflib.get_close_matches('appel', words), difflib.get_close_matches('appel', words, n=5, cutoff=0.3))
print(difflib.get_close_matches('wheel', ['while', 'for', 'with', 'whale', 'wheat', 'heel']), difflib.get_close_matches('zzz', ['a', 'b']))
for bad in [dict(n=0), dict(cutoff=1.5)]:
    try:
        difflib.get_close_matches('x', ['x'], **bad)
    except ValueError as e:
        print('ValueError', e)
lines1 = ['one\n', 'two\n', 'three\n', 'four\n'] * 3
lines2 = ['one\n', 'TWO\n', 'three\n', 'four\n', 'five\n'] * 3
s = difflib.SequenceMatcher(None, lines1, lines2)
print(s.get_opcodes(), round(s.ratio(), 5))
print(difflib.SequenceMatcher[str])
