# Covers: glob.glob/iglob (*, ?, [..], recursive **, hidden files,
# root_dir, include_hidden, trailing slash), glob.escape, has_magic, and
# fnmatch.fnmatch/fnmatchcase/filter/translate.
import fnmatch
import glob
import os
import shutil
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
for d in ["a/b/c", "a/.h", "d"]:
    os.makedirs(d)
for f in ["x.txt", "y.txt", "z.py", ".hid.txt", "a/one.txt", "a/b/two.txt", "a/b/c/three.py", "a/.h/four.txt", "d/[x].txt"]:
    open(f, "w").close()
g = lambda *a, **k: sorted(glob.glob(*a, **k))
print(g("*.txt"), g("?.py"), g("[xy].txt"), g("[!x]*.txt"))
print(g("*"), g("*/"), g("a/*/*.txt"))
print(g("**/*.txt", recursive=True))
print(g("**/*.txt"))
print(g("a/**", recursive=True))
print(g("**/", recursive=True))
print(g("*.txt", include_hidden=True), g(".*"))
print(g("**/*.txt", recursive=True, include_hidden=True))
print(g("*.txt", root_dir="a/b"), g("nothing*"), g("x.txt"), g("missing.txt"), g("a/"))
print(sorted(glob.iglob("*.py")), type(glob.iglob("*")).__name__)
print(glob.escape("d/[x].txt"), g(glob.escape("d/[x].txt")), g("d/[x].txt"))
print(glob.has_magic("a*"), glob.has_magic("plain"), glob.escape("a?b*c"))
os.chdir("/")
shutil.rmtree(base)
names = ["a.py", "b.PY", "c.txt", ".d.py", "e"]
print(fnmatch.filter(names, "*.py"), fnmatch.filter(names, "?"), fnmatch.filter(names, "[a-c].*"))
print(fnmatch.fnmatch("B.PY", "*.PY"), fnmatch.fnmatchcase("b.PY", "*.py"), fnmatch.fnmatch("x/y", "x*"))
print(fnmatch.fnmatchcase("[", "["), fnmatch.fnmatchcase("a]", "[!]]]"), fnmatch.fnmatchcase("-", "[a-]"))
for pat in ["*.txt", "a?c", "[!a-c]x", "*a*b*", "[]]", "a[", "**", "[a-]", "a.b+c", "[^x]"]:
    print(pat, fnmatch.translate(pat))
print(fnmatch.fnmatchcase(b"a.py", b"*.py"))
try:
    fnmatch.fnmatchcase("a", b"a")
except TypeError as e:
    print("TypeError", e)
