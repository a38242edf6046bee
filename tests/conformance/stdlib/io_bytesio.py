# Covers: io.BytesIO: write/read/read1/readline/readlines/readinto/seek
# (all whences, past the end)/tell/truncate/getvalue/iteration/closed, and
# TextIOWrapper over a BytesIO (encoding, newline translation, detach).
import io

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.tell(), b.readline(), b.readlines(), b.read())
b.seek(0)
print(list(b), b.seek(-2, 2), b.read(), b.seek(1, 0), b.seek(1, 1), b.read(1))
b = io.BytesIO()
print(b.write(b"hello"), b.write(bytearray(b" you")), b.getvalue())
b.seek(8)
b.write(b"!")
print(b.getvalue(), b.tell())
print(b.truncate(3), b.getvalue(), b.tell())
buf = bytearray(2)
b.seek(0)
print(b.readinto(buf), buf, b.read1(5), b.read1())
print(b.readable(), b.writable(), b.seekable(), b.closed)
try:
    b.write("text")
except TypeError as e:
    print("TypeError", e)
try:
    b.seek(-1)
except ValueError as e:
    print("ValueError", e)
with io.BytesIO(b"xyz") as c:
    print(c.read())
print(c.closed)
try:
    c.read()
except ValueError as e:
    print("ValueError", e)
print(isinstance(c, io.BufferedIOBase), isinstance(c, io.IOBase), isinstance(c, io.TextIOBase))
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8", newline="\r\n")
print(t.write("line1\nline2\n"), t.encoding)
t.flush()
print(raw.getvalue())
raw = io.BytesIO(b"a\r\nb\rc\nd")
t = io.TextIOWrapper(raw, encoding="ascii")
print(t.readline().encode(), t.read().encode(), repr(t.read()))
raw = io.BytesIO("caf\u00e9\n".encode("utf-8"))
t = io.TextIOWrapper(raw, encoding="utf-8")
print(ascii(t.read()), t.buffer is raw)
raw = io.BytesIO("x\ny\n".encode("latin-1"))
t = io.TextIOWrapper(raw, encoding="latin-1", newline="")
print(list(t))
d = t.detach()
print(d is raw)
