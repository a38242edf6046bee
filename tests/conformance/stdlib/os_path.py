# Covers: os.path string functions (join, split, splitext, basename,
# dirname, normpath, isabs, commonprefix, commonpath, relpath, expandvars,
# expanduser with HOME, splitdrive) on str and bytes.
import os
import os.path
import posixpath

print(os.path is posixpath, os.path.sep, os.path.pathsep, os.path.extsep, repr(os.path.altsep))
for a in [("a", "b"), ("/a", "b/"), ("a", "/b", "c"), ("", "x"), ("a/", "")]:
    print(a, os.path.join(*a))
for p in ["a/b/c.txt", "/", "a/", "//x", "///y/z", "noext", ".bashrc", "a.b/c", "x.tar.gz", "..a", "a/b.", ""]:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)),
          repr(os.path.dirname(p)), os.path.isabs(p))
for p in ["a/./b/../c", "/../x", "//a//b", "///a", "", ".", "a/..", "../../a", "a//b/"]:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/libexec"]))
print(os.path.commonprefix([]), os.path.commonprefix([[1, 2], [1, 3]]))
print(os.path.commonpath(["/usr/lib", "/usr/local/lib", "/usr/lib/x"]))
print(os.path.commonpath(["a/b", "a/c"]), os.path.commonpath(["a/./b", "a/b/c"]))
try:
    os.path.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError", e)
try:
    os.path.commonpath([])
except ValueError as e:
    print("ValueError", e)
print(os.path.relpath("/a/b/c", "/a"), os.path.relpath("/a", "/a/b/c"), os.path.relpath("/x", "/x"))
print(os.path.relpath("a/b", "a/c/d"))
try:
    os.path.relpath("")
except ValueError as e:
    print("ValueError", e)
os.environ["WEFT_T1"] = "one"
os.environ["HOME"] = "/home/tester"
print(os.path.expandvars("$WEFT_T1/${WEFT_T1}x/$NOPE_NOT_SET/${NOPE}/$/a$"))
print(os.path.expanduser("~/docs"), os.path.expanduser("~"), os.path.expanduser("x/~"))
print(os.path.splitdrive("/a/b"), os.path.normcase("A/B"))
print(os.path.join(b"a", b"b"), os.path.split(b"/x/y"), os.path.splitext(b"f.py"))
print(os.path.normpath(b"a//b/../c"), os.path.basename(b"a/b"), os.path.dirname(b"a/b"))
try:
    os.path.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
try:
    os.path.join("a", 1)
except TypeError as e:
    print("TypeError", e)
print(os.path.abspath("/a/./b/../c"), os.path.isabs(b"/x"))
print(os.path.exists("/definitely/not/here"), os.path.isdir("/"), os.path.isfile("/"))
print(os.path.lexists("/"), os.path.islink("/nope"), os.path.ismount("/"))
