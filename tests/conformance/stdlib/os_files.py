# Covers: os.mkdir/makedirs(exist_ok)/listdir/rename/replace/remove/rmdir/
# removedirs/stat/lstat/utime/chmod/access/link/symlink/readlink/getcwd/
# chdir in a temporary folder, and the OSError subclasses with CPython's
# "[Errno N] message: 'name'" text.
import os
import stat
import tempfile

base = tempfile.mkdtemp()
start = os.getcwd()
os.chdir(base)
print(os.getcwd() == os.path.realpath(base), os.listdir("."))
os.mkdir("d")
os.makedirs("d/e/f")
os.makedirs("d/e/f", exist_ok=True)
try:
    os.makedirs("d/e/f")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, "|", e)
try:
    os.mkdir("d")
except OSError as e:
    print(type(e).__name__, e)
with open("d/a.txt", "w") as f:
    f.write("hello\n")
print(sorted(os.listdir("d")), os.listdir(b"d/e"))
st = os.stat("d/a.txt")
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat("d").st_mode))
print(st[stat.ST_SIZE], len(st), type(st.st_mtime).__name__, type(st[8]).__name__)
print(st.st_mtime_ns // 10**9 == int(st.st_mtime), st == os.stat("d/a.txt"))
os.utime("d/a.txt", (1000000000, 1200000000))
st = os.stat("d/a.txt")
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
os.utime("d/a.txt", ns=(5 * 10**9, 7 * 10**9 + 5))
print(os.stat("d/a.txt").st_mtime_ns)
os.chmod("d/a.txt", 0o640)
print(oct(stat.S_IMODE(os.stat("d/a.txt").st_mode)), stat.filemode(os.stat("d/a.txt").st_mode))
print(os.access("d/a.txt", os.R_OK), os.access("nope", os.F_OK))
os.rename("d/a.txt", "d/b.txt")
print(sorted(os.listdir("d")))
try:
    os.rename("missing", "other")
except FileNotFoundError as e:
    print(e, "|", e.filename, e.filename2)
with open("c.txt", "w") as f:
    f.write("c")
os.replace("c.txt", "d/b.txt")
print(open("d/b.txt").read())
os.symlink("b.txt", "d/link")
print(os.readlink("d/link"), os.path.islink("d/link"), stat.S_ISLNK(os.lstat("d/link").st_mode))
os.link("d/b.txt", "d/hard")
print(os.stat("d/hard").st_nlink, os.path.samefile("d/hard", "d/b.txt"))
for name in ["d/link", "d/hard", "d/b.txt"]:
    os.remove(name)
try:
    os.remove("d/b.txt")
except FileNotFoundError as e:
    print(e)
try:
    os.rmdir("d")
except OSError as e:
    print(type(e).__name__, e.errno == 39)
try:
    os.listdir("nope")
except FileNotFoundError as e:
    print(e)
try:
    os.stat("d/e/f/g/h")
except FileNotFoundError as e:
    print(e)
try:
    open("d", "r")
except IsADirectoryError as e:
    print(e)
os.removedirs("d/e/f")
print(os.listdir("."), os.path.exists("d"))
os.chdir(start)
os.rmdir(base)
print(os.path.exists(base))
