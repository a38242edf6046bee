# Covers: the built-in open in text and binary modes (write, read,
# readline, readlines, writelines, seek/tell, truncate, append, 'x' mode,
# newline= on input and output, encoding/errors, with), io.open, fileno,
# and isinstance against the io base classes.
import io
import os
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
with open("t.txt", "w") as f:
    print(f.write("alpha\nbeta\n"), f.writelines(["gamma\n", "delta"]))
    print(f.name, f.mode, f.closed, f.writable(), f.readable())
print(f.closed)
with open("t.txt") as f:
    print(repr(f.readline()), f.tell(), repr(f.read(4)), f.readlines())
    f.seek(0)
    print([line.rstrip() for line in f])
with open("t.txt", "a") as f:
    f.write("\nepsilon\n")
print(open("t.txt").read().splitlines())
with open("t.txt", "r+") as f:
    f.seek(6)
    print(f.truncate(), repr(f.read()))
    print(f.truncate(2))
print(repr(open("t.txt").read()), os.path.getsize("t.txt"))
try:
    open("t.txt", "x")
except FileExistsError as e:
    print(e)
with open("b.bin", "wb") as f:
    print(f.write(b"\x00\x01\x02abc"), f.mode)
with open("b.bin", "rb") as f:
    print(f.read(2), f.tell(), f.read(), f.seek(-3, 2), f.read(), f.seek(1), f.read(1))
with open("b.bin", "r+b") as f:
    f.seek(1)
    f.write(b"Z")
    f.seek(0)
    print(f.read(), f.mode)
with open("n.txt", "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open("n.txt", "rb").read(), repr(open("n.txt").read()), repr(open("n.txt", newline="").read()))
with open("e.txt", "w", encoding="latin-1") as f:
    f.write("caf\u00e9")
print(open("e.txt", "rb").read(), ascii(open("e.txt", encoding="latin-1").read()))
print(ascii(open("e.txt", encoding="utf-8", errors="replace").read()))
try:
    open("e.txt", encoding="utf-8").read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", type(e).__name__)
with io.open("t.txt") as f:
    print(isinstance(f, io.TextIOBase), isinstance(f, io.IOBase), isinstance(f, io.RawIOBase))
    print(type(f.fileno()).__name__, f.fileno() > 2)
with open("b.bin", "rb") as f:
    print(isinstance(f, io.BufferedIOBase), isinstance(f, io.IOBase), isinstance(f, io.TextIOBase))
with open("t.txt", "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
for name in os.listdir("."):
    os.remove(name)
os.chdir("/")
os.rmdir(base)
