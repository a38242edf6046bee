# Covers: shutil.copyfile/copy/copy2/copymode/copystat/copyfileobj,
# copytree (ignore_patterns, dirs_exist_ok), rmtree (onerror, ignore_errors),
# move (file, folder, into a folder), which, disk_usage, get_terminal_size,
# SameFileError and Error, in a temporary folder.
import io
import os
import shutil
import stat
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
os.makedirs("src/sub")
for name, text in [("src/a.txt", "A"), ("src/b.py", "B"), ("src/sub/c.txt", "C"), ("src/sub/d.pyc", "D")]:
    with open(name, "w") as f:
        f.write(text)
os.chmod("src/a.txt", 0o600)
os.utime("src/a.txt", (1000, 2000))
print(shutil.copyfile("src/a.txt", "a1.txt"), open("a1.txt").read(), oct(os.stat("a1.txt").st_mode & 0o777) != "0o600")
print(shutil.copy("src/a.txt", "."), oct(stat.S_IMODE(os.stat("a.txt").st_mode)))
print(shutil.copy2("src/a.txt", "a2.txt"), os.stat("a2.txt").st_mtime, oct(stat.S_IMODE(os.stat("a2.txt").st_mode)))
shutil.copymode("src/b.py", "a2.txt")
shutil.copystat("src/a.txt", "a1.txt")
print(os.stat("a1.txt").st_mtime == 2000.0)
try:
    shutil.copyfile("a.txt", "a.txt")
except shutil.SameFileError as e:
    print("SameFileError", e)
try:
    shutil.copyfile("missing", "x")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
out = io.BytesIO()
with open("src/b.py", "rb") as f:
    shutil.copyfileobj(f, out, 1)
print(out.getvalue())
print(shutil.copytree("src", "dst", ignore=shutil.ignore_patterns("*.pyc", "b*")))
print(sorted(os.path.relpath(os.path.join(r, f), "dst") for r, d, fs in os.walk("dst") for f in fs))
try:
    shutil.copytree("src", "dst")
except FileExistsError as e:
    print("FileExistsError", e)
shutil.copytree("src", "dst", dirs_exist_ok=True)
print(sorted(os.listdir("dst/sub")))
print(shutil.move("a1.txt", "moved.txt"), os.path.exists("a1.txt"), open("moved.txt").read())
os.mkdir("into")
print(shutil.move("moved.txt", "into"), os.listdir("into"))
print(shutil.move("dst", "dst2"), sorted(os.listdir("dst2")))
with open("into/moved2.txt", "w") as f:
    f.write("x")
shutil.copy("into/moved2.txt", "moved.txt")
try:
    shutil.move("moved.txt", "into")
except shutil.Error as e:
    print("Error", e)
errors = []
shutil.rmtree("missing-tree", onerror=lambda fn, p, info: errors.append((fn.__name__, p, info[0].__name__)))
print(errors)
shutil.rmtree("missing-tree", ignore_errors=True)
try:
    shutil.rmtree("missing-tree")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
shutil.rmtree("dst2")
print(os.path.exists("dst2"), issubclass(shutil.Error, OSError))
print(shutil.which("sh") is not None, shutil.which("no-such-program-weft"), shutil.which("sh", path=""))
u = shutil.disk_usage(".")
print(type(u).__name__, len(u), u.total >= u.used >= 0, u.free >= 0)
os.environ["COLUMNS"], os.environ["LINES"] = "100", "40"
print(shutil.get_terminal_size(), tuple(shutil.get_terminal_size((1, 2))))
os.chdir("/")
shutil.rmtree(base)
print(os.path.exists(base))
