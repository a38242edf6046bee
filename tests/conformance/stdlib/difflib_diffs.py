# Covers: difflib text diffs: ndiff with intraline '?' hints, Differ with junk, restore, unified_diff and context_diff (headers, dates, n, lineterm, empty inputs), diff_bytes, IS_LINE_JUNK/IS_CHARACTER_JUNK, type errors
import difflib
import sys
text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
result = list(difflib.Differ().compare(text1, text2))
print(''.join(result), end='')
diff = list(difflib.ndiff('one\ntwo\nthree\n'.splitlines(keepends=True), 'ore\ntree\nemu\n'.splitlines(keepends=True)))
print(''.join(diff), end="")
print(''.join(difflib.restore(diff, 1)), end="")
print(''.join(difflib.restore(diff, 2)), end="")
try:
    list(difflib.restore(diff, 3))
except ValueError as e:
    print('ValueError', e)
print(list(difflib.ndiff(['abcDefghiJkl\n'], ['jkl\n', 'abcdefGhijkl\n', 'xyz\n'])))
print(list(difflib.ndiff(['\tindented  line\n', 'same\n'], ['  indented line\n', 'same\n'])))
print(list(difflib.ndiff(['a\n', '#\n', 'b\n'], ['a\n', 'c\n', '#\n', 'b\n'], linejunk=difflib.IS_LINE_JUNK)))
print(list(difflib.Differ(charjunk=None).compare(['private  x\n'], ['private y\n'])))
print(list(difflib.ndiff(['x\n'] * 3, ['y\n'] * 2)), list(difflib.ndiff(['kitten\n', 'sitting\n'], ['sitting\n', 'kitten\n'])))
s1 = ['bacon\n', 'eggs\n', 'ham\n', 'guido\n']
s2 = ['python\n', 'eggy\n', 'hamster\n', 'guido\n']
print(''.join(difflib.context_diff(s1, s2, fromfile='before.py', tofile='after.py')), end='')
print(''.join(difflib.unified_diff(s1, s2, fromfile='before.py', tofile='after.py')), end='')
for line in difflib.unified_diff(['a', 'b', 'c'], ['a', 'B', 'c', 'd'], 'f1', 'f2', '2024-01-01', '2024-01-02', n=0, lineterm=''):
    print(line)
for line in difflib.context_diff(['a', 'b', 'c'], ['a', 'c', 'd'], 'f1', 'f2', 'd1', 'd2', n=1, lineterm=''):
    print(line)
old = ['line %d\n' % i for i in range(1, 30)]
new = old[:]
new[2] = 'changed 3\n'
new[20:22] = ['inserted\n']
del new[10]
print(''.join(difflib.unified_diff(old, new)), end='')
print(''.join(difflib.context_diff(old, new, n=2)), end='')
print(list(difflib.unified_diff([], [])), list(difflib.unified_diff([], ['x\n'])), list(difflib.context_diff(['x\n'], [])))
print(list(difflib.unified_diff(['same\n'], ['same\n'])))
print(list(difflib.diff_bytes(difflib.unified_diff, [b'a\n', b'b\xff\n'], [b'a\n', b'c\n'], b'x', b'y')))
for bad in [lambda: list(difflib.unified_diff([b'a'], ['b'])), lambda: list(difflib.context_diff(['a'], ['b'], fromfile=1)),
            lambda: list(difflib.diff_bytes(difflib.unified_diff, ['a'], [b'b']))]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print([difflib.IS_LINE_JUNK(x) for x in ['\n', '  #   \n', 'x\n', '##\n', '', ' # x']], [difflib.IS_CHARACTER_JUNK(c) for c in ' \tx\n'])
