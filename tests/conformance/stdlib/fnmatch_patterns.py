import fnmatch
names = ['a.py', 'b.PY', 'test_x.py', 'data.csv', '.hidden', 'x1.txt', 'x[1].txt', 'dir/file.py']
for pat in ['*.py', '*.[pP][yY]', 'test_*', '?.py', '[!a-c]*', 'x[[]1].txt', '*', '.*', '*/*.py', '[a-b].py', 'x?.txt']:
    print(pat, fnmatch.filter(names, pat), [fnmatch.fnmatchcase(n, pat) for n in names[:3]])
print(fnmatch.fnmatch('A.PY', '*.py'), fnmatch.fnmatchcase('A.PY', '*.py'))
for pat in ['*.py', '[!x]?', 'a[]]b', '[^a]', 'a\\*', '[a-', 'x**y']:
    print(repr(pat), repr(fnmatch.translate(pat)))
print(fnmatch.fnmatch('a]b', 'a[]]b'), fnmatch.fnmatch('[a-', '[a-'), fnmatch.fnmatch('^', '[^a]'))
