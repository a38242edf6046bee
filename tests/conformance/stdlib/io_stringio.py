# Covers: io.StringIO: write/read/readline/readlines/seek/tell/truncate/
# getvalue/iteration/writelines/context manager/closed, newline modes,
# print(file=...), errors on a closed stream and bad arguments.
import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()), repr(s.read()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(2)
s.write("LL")
print(repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10)
s.write("x")
print(repr(s.getvalue()))
s = io.StringIO("a\nb\nc")
print([line for line in s], s.tell())
s = io.StringIO("one\ntwo\n")
print(s.read(), s.tell(), s.seek(0, 2), s.seek(0, 0))
for whence, off in [(1, 1), (2, -1)]:
    try:
        s.seek(off, whence)
    except OSError as e:
        print(type(e).__name__, e)
try:
    s.seek(-1)
except ValueError as e:
    print("ValueError", e)
s.writelines(["x\n", "y\n"])
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)
with io.StringIO() as out:
    print("via print", 1, 2, sep="-", file=out)
    print(repr(out.getvalue()))
print(out.closed)
for op in [out.getvalue, out.read, lambda: out.write("x")]:
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    io.StringIO(5)
except TypeError as e:
    print("TypeError", e)
s = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(s.getvalue()), s.newlines)
s = io.StringIO("a\r\nb\rc\n", newline="")
print(s.readlines())
s = io.StringIO(newline="\r\n")
s.write("p\nq\n")
print(repr(s.getvalue()))
s = io.StringIO("abc")
print(repr(s.readline(2)), repr(s.readline(5)), repr(s.readline()))
try:
    io.StringIO(newline="x")
except ValueError as e:
    print("ValueError", e)
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), isinstance(s, io.BufferedIOBase))
try:
    s.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", isinstance(e, OSError), isinstance(e, ValueError))
try:
    s.detach()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
print(type(s).__name__, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
