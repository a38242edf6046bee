# Covers: pathlib.Path on the file system: mkdir(parents, exist_ok),
# write_text/read_text/write_bytes/read_bytes, touch, exists/is_file/
# is_dir/is_symlink, stat, iterdir, glob/rglob, rename/replace, unlink
# (missing_ok), rmdir, resolve, absolute, cwd, samefile, open, expanduser.
import os
import tempfile
from pathlib import Path

base = Path(tempfile.mkdtemp())
os.chdir(base)
root = Path("proj")
(root / "src" / "pkg").mkdir(parents=True)
(root / "src" / "pkg").mkdir(parents=True, exist_ok=True)
try:
    (root / "src").mkdir()
except FileExistsError as e:
    print("FileExistsError", e)
try:
    Path("no/such/dir").mkdir()
except FileNotFoundError as e:
    print("FileNotFoundError", e)
print((root / "README.md").write_text("# Title\nbody\n"), (root / "data.bin").write_bytes(b"\x00\x01"))
(root / "src" / "main.py").write_text("print('hi')\n")
(root / "src" / "pkg" / "__init__.py").touch()
(root / "src" / "pkg" / "util.py").write_text("X = 1\n")
(root / ".hidden.py").write_text("")
print((root / "README.md").read_text().splitlines(), (root / "data.bin").read_bytes())
print(root.exists(), root.is_dir(), (root / "README.md").is_file(), Path("nope").exists(), (root / "nope").is_file())
print((root / "README.md").stat().st_size, sorted(p.name for p in root.iterdir()))
print(sorted(str(p) for p in root.glob("*.md")), sorted(str(p) for p in root.glob("*.py")))
print(sorted(str(p) for p in root.glob("**/*.py")))
print(sorted(str(p) for p in root.rglob("*.py")))
print(sorted(str(p) for p in root.glob("src/*")), sorted(str(p) for p in root.glob("**")))
print(sorted(str(p) for p in root.glob("*/")))
try:
    list(root.glob("/abs"))
except NotImplementedError as e:
    print("NotImplementedError", e)
new = (root / "README.md").rename(root / "README.txt")
print(repr(new), new.exists(), (root / "README.md").exists())
(root / "x.txt").write_text("x")
print((root / "x.txt").replace(root / "README.txt"), (root / "README.txt").read_text())
with (root / "README.txt").open("a") as f:
    f.write("+more")
print((root / "README.txt").read_text())
(root / "README.txt").unlink()
(root / "README.txt").unlink(missing_ok=True)
try:
    (root / "README.txt").unlink()
except FileNotFoundError as e:
    print("FileNotFoundError", e)
link = root / "link"
link.symlink_to("src")
print(link.is_symlink(), link.is_dir(), str(link.readlink()), link.resolve() == (base / root / "src").resolve())
print(Path("proj/src/../src").resolve() == Path.cwd().resolve() / "proj" / "src")
print(Path("proj").absolute() == Path.cwd() / "proj", Path("proj").samefile(str(base / "proj")))
os.environ["HOME"] = "/home/someone"
print(Path("~/x").expanduser(), Path.home(), Path("/a").expanduser())
try:
    (root / "data.bin").write_text(b"x")
except TypeError as e:
    print("TypeError", e)
link.unlink()
for p in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
    p.unlink() if p.is_file() else p.rmdir()
root.rmdir()
print(list(Path(".").iterdir()))
os.chdir("/")
base.rmdir()
print(base.exists())
