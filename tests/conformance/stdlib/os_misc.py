# Covers: os constants and small functions: name, sep, linesep, devnull,
# curdir, pardir, getpid/getppid/getuid types, cpu_count, urandom, fspath,
# PathLike, fsencode/fsdecode, strerror, error, stat_result repr fields,
# terminal_size, uname, times, umask, get_exec_path, os.environ mapping.
import os

print(os.name, repr(os.sep), repr(os.linesep), os.devnull, os.curdir, os.pardir, os.extsep, repr(os.altsep))
print(os.pathsep, os.defpath, os.error is OSError)
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, type(os.getuid()).__name__)
print(os.cpu_count() >= 1, len(os.urandom(16)), type(os.urandom(0)).__name__)


class P:
    def __fspath__(self):
        return "some/path"


print(os.fspath("a"), os.fspath(b"b"), os.fspath(P()), isinstance(P(), os.PathLike))
print(isinstance("x", os.PathLike), issubclass(P, os.PathLike))
for bad in [1, None]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print("TypeError", e)
print(os.fsencode("caf\u00e9"), ascii(os.fsdecode(b"caf\xc3\xa9")), os.fsencode(b"x"))
print(os.strerror(2), "|", os.strerror(13), "|", os.strerror(17))
ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines, ts[0], len(ts), tuple(ts))
u = os.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname)
t = os.times()
print(len(t), type(t.user).__name__, t.elapsed >= 0)
old = os.umask(0o22)
print(os.umask(old) == 0o22)
print(os.get_exec_path({"PATH": "/a:/b"}), os.get_exec_path({}))
os.environ["WEFT_X"] = "1"
print(os.environ["WEFT_X"], os.getenv("WEFT_X"), os.getenv("WEFT_NOPE", "dflt"), "WEFT_X" in os.environ)
os.environ.update({"WEFT_Y": "2"})
print(os.environ.pop("WEFT_Y"), os.environ.get("WEFT_Y"), os.environ.setdefault("WEFT_Z", "3"))
del os.environ["WEFT_X"]
print("WEFT_X" in os.environ, os.getenv("WEFT_X"))
try:
    os.environ["WEFT_X"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["A"] = 1
except TypeError as e:
    print("TypeError", e)
print(isinstance(os.environ.copy(), dict), len(os.environ) > 0)
try:
    os.kill(os.getpid(), 0)
    print("kill 0 ok")
except OSError as e:
    print(e)
print(os.WEXITSTATUS(256), os.WIFEXITED(256), os.waitstatus_to_exitcode(9), os.waitstatus_to_exitcode(768))
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK)
