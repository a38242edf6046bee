# Covers: pathlib pure paths: parts, parent(s), name, stem, suffix(es),
# with_name/with_stem/with_suffix, joinpath and /, is_absolute,
# relative_to/is_relative_to, match, as_posix, str/repr, comparisons,
# hashing, PureWindowsPath basics.
from pathlib import PurePath, PurePosixPath, PureWindowsPath, Path

p = PurePosixPath("/usr/lib/python3.11/os.tar.gz")
print(p, repr(p), p.parts, p.name, p.stem, p.suffix, p.suffixes, p.anchor, p.root, repr(p.drive))
print(p.parent, list(p.parents), p.parents[0], p.parents[-1], len(p.parents))
print(p.parents[1:3])
for s in ["", ".", "a", "a/b/", "//x", "///x", "a/./b/../c", ".bashrc", "x.", "..", "a..b"]:
    q = PurePosixPath(s)
    print(repr(s), repr(q), q.parts, repr(q.name), repr(q.suffix), q.suffixes, repr(q.stem), q.parent)
print(PurePath("a") / "b" / "c", "x" / PurePosixPath("y"), PurePosixPath("a").joinpath("b", "/c", "d"))
print(PurePosixPath("a", PurePosixPath("b"), "c"), type(PurePath("x")).__name__)
print(p.with_name("x.py"), p.with_stem("lib"), p.with_suffix(".bz2"), p.with_suffix(""))
for bad in [lambda: p.with_suffix("gz"), lambda: p.with_name(""), lambda: PurePosixPath("/").with_name("x"),
            lambda: p.with_suffix("."), lambda: p.with_name("a/b")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
print(p.is_absolute(), PurePosixPath("a/b").is_absolute())
print(p.relative_to("/usr"), p.relative_to("/usr/lib/python3.11/os.tar.gz"), p.is_relative_to("/usr"), p.is_relative_to("/etc"))
try:
    PurePosixPath("a/b").relative_to("/a")
except ValueError as e:
    print("ValueError", e)
print(p.match("*.gz"), p.match("python3.11/*.gz"), p.match("/*.gz"), p.match("/usr/*/*/*.gz"), p.match("*.GZ"))
print(PurePosixPath("a/b") == PurePosixPath("a//b/"), PurePosixPath("a") == "a", PurePosixPath("a") < PurePosixPath("b"))
print(sorted([PurePosixPath("b"), PurePosixPath("a/c"), PurePosixPath("a")]))
print(len({PurePosixPath("x/y"), PurePosixPath("x//y"), PurePosixPath("x/z")}))
print(PurePosixPath("a\\b").parts, PurePosixPath("/a/b").as_posix(), PurePosixPath("/a b/c").as_uri())
try:
    PurePosixPath("a").as_uri()
except ValueError as e:
    print("ValueError", e)
try:
    PurePosixPath("a") < PureWindowsPath("b")
except TypeError as e:
    print("TypeError", e)
w = PureWindowsPath("c:/Users/Me/file.TXT")
print(w, repr(w), w.parts, w.drive, w.root, w.anchor, w.suffix, w.parent, w.as_posix())
print(w == PureWindowsPath("C:\\users\\me\\FILE.txt"), w.is_absolute(), PureWindowsPath("c:x").is_absolute())
print(bytes(PurePosixPath("a/b")), str(Path("a") / "b"), Path("a/b").parts)
