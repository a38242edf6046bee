# Covers: os.walk top-down and bottom-up, pruning dirnames, onerror,
# os.scandir (DirEntry name/path/is_file/is_dir/is_symlink/stat, context
# manager), in a temporary folder.
import os
import shutil
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
for d in ["top/a/a1", "top/b", "top/.hidden"]:
    os.makedirs(d)
for f in ["top/x.txt", "top/a/y.py", "top/a/a1/z.py", "top/b/w.txt", "top/.hidden/h"]:
    with open(f, "w") as fh:
        fh.write(f)
os.symlink("b", "top/lnk")


def show(walker):
    for root, dirs, files in walker:
        print(root, sorted(dirs), sorted(files))


show(sorted(os.walk("top")))
print("--- bottom-up order")
order = [root for root, dirs, files in os.walk("top", topdown=False)]
print(sorted(order))
print(order.index("top/a/a1") < order.index("top/a"), order[-1])
print("--- pruned")
for root, dirs, files in os.walk("top"):
    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
    print(root, dirs, sorted(files))
print("--- followlinks")
print(sorted(r for r, d, f in os.walk("top", followlinks=True)))
errors = []
print(list(os.walk("missing", onerror=errors.append)))
print(type(errors[0]).__name__, errors[0].filename)
print("--- scandir")
with os.scandir("top") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), os.fspath(e), repr(e))
print(entries[-1].stat().st_size == len("top/x.txt"), entries[1].stat().st_ino == entries[1].inode())
print(sorted(e.name for e in os.scandir(b"top")))
print(sorted(e.path for e in os.scandir("top/a/")))
os.chdir("/")
shutil.rmtree(base)
print(os.path.exists(base))
