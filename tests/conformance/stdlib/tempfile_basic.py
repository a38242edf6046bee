# Covers: tempfile.TemporaryDirectory (context manager, cleanup, name),
# NamedTemporaryFile (delete, name, read back), TemporaryFile,
# SpooledTemporaryFile (rollover), mkstemp, mkdtemp (prefix/suffix/dir),
# gettempdir, gettempprefix.
import os
import tempfile

print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix(), os.path.isabs(tempfile.gettempdir()))
with tempfile.TemporaryDirectory(prefix="pre_", suffix="_suf") as d:
    name = os.path.basename(d)
    print(name.startswith("pre_"), name.endswith("_suf"), os.path.isdir(d))
    fd, path = tempfile.mkstemp(suffix=".txt", dir=d)
    print(type(fd).__name__, os.path.dirname(path) == d, path.endswith(".txt"), oct(os.stat(path).st_mode & 0o777))
    os.write(fd, b"data")
    os.close(fd)
    print(open(path, "rb").read())
    sub = tempfile.mkdtemp(prefix="x", dir=d)
    print(os.path.dirname(sub) == d, os.path.basename(sub)[0], oct(os.stat(sub).st_mode & 0o777))
    with tempfile.NamedTemporaryFile("w+", dir=d, suffix=".log") as f:
        print(f.write("line1\nline2\n"), f.name.endswith(".log"), os.path.exists(f.name))
        f.seek(0)
        print(f.read().split(), f.readable())
        kept = f.name
    print(os.path.exists(kept))
    f = tempfile.NamedTemporaryFile(dir=d, delete=False)
    f.write(b"keep")
    f.close()
    print(os.path.exists(f.name), open(f.name, "rb").read())
    with tempfile.TemporaryFile("w+") as t:
        t.write("anonymous")
        t.seek(0)
        print(t.read(), sorted(os.listdir(d)) == sorted([os.path.basename(path), os.path.basename(sub), os.path.basename(f.name)]))
    s = tempfile.SpooledTemporaryFile(max_size=10, mode="w+")
    s.write("short")
    print(s._rolled, s.tell())
    s.write(" and now long enough")
    print(s._rolled)
    s.seek(0)
    print(s.read())
    s.close()
print(os.path.exists(d))
t = tempfile.TemporaryDirectory()
print(repr(t).startswith("<TemporaryDirectory "), os.path.isdir(t.name))
t.cleanup()
t.cleanup()
print(os.path.exists(t.name))
try:
    tempfile.mkstemp(prefix=b"x", suffix="y")
except TypeError as e:
    print("TypeError", e)
