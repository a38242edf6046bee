"""Operating-system interfaces, as CPython 3.11's os module documents them.

Written for weft on its native `posix` module (the raw calls). POSIX only;
functions CPython offers only on Windows or macOS are absent. Every call
that touches the host asks the embedding host for its capability first and
raises PermissionError when it was not granted.
"""

import sys
import posix
from posix import *
from posix import _exit

name = "posix"
linesep = "\n"
error = OSError

import posixpath as path

sys.modules["os.path"] = path
from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

supports_dir_fd = set()
supports_fd = {posix.stat, posix.chmod, posix.truncate}
supports_effective_ids = set()
supports_follow_symlinks = {posix.stat}
supports_bytes_environ = True

__all__ = [
    "altsep", "curdir", "pardir", "sep", "pathsep", "linesep", "defpath",
    "name", "path", "devnull", "SEEK_SET", "SEEK_CUR", "SEEK_END", "fsencode",
    "fsdecode", "get_exec_path", "fdopen", "extsep", "environ", "getenv",
    "makedirs", "removedirs", "renames", "walk", "scandir", "DirEntry",
    "PathLike", "stat_result", "terminal_size", "error", "fspath",
]


# --- structured results (CPython's structseq: a tuple with named fields) --

class _StructSeq(tuple):
    # Subclasses set _fields (all field names) and _n_seq (how many of them
    # are in the tuple); the rest are attributes only.
    _fields = ()
    _n_seq = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        n = cls._n_seq
        if len(seq) < n:
            raise TypeError(
                f"{cls._qual}() takes an at least {n}-sequence ({len(seq)}-sequence given)"
            )
        if len(seq) > len(cls._fields):
            raise TypeError(
                f"{cls._qual}() takes an at most {len(cls._fields)}-sequence "
                f"({len(seq)}-sequence given)"
            )
        self = tuple.__new__(cls, seq[:n])
        extra = {}
        for i in range(n, len(cls._fields)):
            extra[cls._fields[i]] = seq[i] if i < len(seq) else None
        if dict:
            extra.update(dict)
        self._extra = extra
        return self

    def __getattr__(self, name):
        extra = self.__dict__.get("_extra", {})
        if name in extra:
            return extra[name]
        fields = type(self)._fields
        if name in fields[:type(self)._n_seq]:
            return self[fields.index(name)]
        raise AttributeError(
            f"'{type(self)._qual}' object has no attribute '{name}'"
        )

    def __repr__(self):
        cls = type(self)
        parts = ", ".join(f"{cls._fields[i]}={self[i]!r}" for i in range(cls._n_seq))
        return f"{cls._qual}({parts})"

    def __reduce__(self):
        return (type(self), (tuple(self), self._extra))


def _structseq(qualname, fields, n_seq, modname="os"):
    name = qualname.rpartition(".")[2]
    cls = type(name, (_StructSeq,), {
        "_fields": tuple(fields),
        "_n_seq": n_seq,
        "_qual": qualname,
        "n_sequence_fields": n_seq,
        "n_fields": len(fields),
        "n_unnamed_fields": 0,
        "__module__": modname,
    })
    for i, f in enumerate(fields[:n_seq]):
        setattr(cls, f, property(lambda self, i=i: tuple.__getitem__(self, i)))
    return cls


stat_result = _structseq(
    "os.stat_result",
    ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
     "st_atime", "st_mtime", "st_ctime", "_atime", "_mtime", "_ctime",
     "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks",
     "st_rdev"],
    10,
)
stat_result.n_unnamed_fields = 3
# Indexes 7-9 hold whole seconds; the st_*time attributes are floats.
stat_result.st_atime = property(lambda self: self._extra["_atime"])
stat_result.st_mtime = property(lambda self: self._extra["_mtime"])
stat_result.st_ctime = property(lambda self: self._extra["_ctime"])


def _stat_result(t):
    mode, ino, dev, nlink, uid, gid, size, at, mt, ct, atn, mtn, ctn, blksize, blocks, rdev = t
    return stat_result(
        (mode, ino, dev, nlink, uid, gid, size, int(at), int(mt), int(ct),
         at, mt, ct, atn, mtn, ctn, blksize, blocks, rdev)
    )


terminal_size = _structseq("os.terminal_size", ["columns", "lines"], 2)
uname_result = _structseq(
    "posix.uname_result", ["sysname", "nodename", "release", "version", "machine"], 5
)
times_result = _structseq(
    "posix.times_result",
    ["user", "system", "children_user", "children_system", "elapsed"], 5,
)
statvfs_result = _structseq(
    "os.statvfs_result",
    ["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
     "f_ffree", "f_favail", "f_flag", "f_namemax", "f_fsid"],
    10,
)


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return _stat_result(posix.stat(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    return _stat_result(posix.lstat(path, dir_fd=dir_fd))


def fstat(fd):
    return _stat_result(posix.fstat(fd))


def statvfs(path):
    return statvfs_result(posix.statvfs(path))


def get_terminal_size(fd=1):
    return terminal_size(posix.get_terminal_size(fd))


def uname():
    return uname_result(posix.uname())


def times():
    return times_result(posix.times())


# --- the environment ------------------------------------------------------

class _Environ:
    """os.environ: a mapping of str that writes through to the process
    environment (putenv/unsetenv) as CPython's does."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if key not in self._data:
            raise KeyError(key)
        unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        if key in self._data:
            return self._data[key]
        return default

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        if not self._data:
            raise KeyError("popitem(): dictionary is empty")
        key = next(reversed(list(self._data)))
        value = self._data[key]
        del self[key]
        return key, value

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def copy(self):
        return dict(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return f"environ({{{items}}})"

    def __or__(self, other):
        if not hasattr(other, "keys"):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ror__(self, other):
        if not hasattr(other, "keys"):
            return NotImplemented
        new = dict(other)
        new.update(self._data)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(posix._environ())


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get("PATH")
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# --- paths as str / bytes -------------------------------------------------

class _PathLikeMeta(type):
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        for klass in getattr(sub, "__mro__", ()):
            if "__fspath__" in klass.__dict__:
                return klass.__dict__["__fspath__"] is not None
        return False


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for objects with a file-system path
    (`__fspath__`)."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __class_getitem__(cls, item):
        return cls


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


# --- folders --------------------------------------------------------------

class DirEntry:
    """One entry of scandir(): its name, path, kind and (cached) stat."""

    __slots__ = ("name", "path", "_kind", "_ino", "_stat", "_lstat")

    def __init__(self, name, path, kind, ino):
        self.name = name
        self.path = path
        self._kind = kind
        self._ino = ino
        self._stat = None
        self._lstat = None

    def inode(self):
        return self._ino

    def is_symlink(self):
        if self._kind == 0:
            try:
                return path.islink(self.path)
            except OSError:
                return False
        return self._kind == 3

    def _test(self, kind, follow_symlinks):
        if self._kind == 3 and follow_symlinks or self._kind == 0:
            try:
                st = self.stat(follow_symlinks=follow_symlinks)
            except FileNotFoundError:
                return False
            mode = st.st_mode & 0o170000
            return mode == (0o040000 if kind == 2 else 0o100000)
        return self._kind == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._test(2, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._test(1, follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class _ScandirIterator:
    def __init__(self, entries):
        self._entries = entries
        self._i = 0
        self._closed = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed or self._i >= len(self._entries):
            raise StopIteration
        e = self._entries[self._i]
        self._i += 1
        return e

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path="."):
    if path is None:
        path = "."
    path = fspath(path)
    raw = posix._scandir(path)
    is_bytes = isinstance(path, bytes)
    s = b"/" if is_bytes else "/"
    prefix = path if path.endswith(s) else path + s
    entries = [DirEntry(name, prefix + name, kind, ino) for name, kind, ino in raw]
    return _ScandirIterator(entries)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each folder in the tree
    under top; with topdown the caller may prune dirnames in place."""
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            # A bottom-up visit whose children are done.
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        with it:
            for entry in it:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            walk_into = not entry.is_symlink()
                        except OSError:
                            walk_into = False
                    if walk_into:
                        walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, "ascii")
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


# --- processes ------------------------------------------------------------

def WIFEXITED(status):
    return status & 0x7F == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xFF


def WIFSIGNALED(status):
    return (status & 0x7F) != 0 and (status & 0x7F) != 0x7F


def WTERMSIG(status):
    return status & 0x7F


def WIFSTOPPED(status):
    return status & 0xFF == 0x7F


def WSTOPSIG(status):
    return (status >> 8) & 0xFF


def WCOREDUMP(status):
    return bool(status & 0x80)


def WIFCONTINUED(status):
    return status == 0xFFFF


def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError(f"invalid wait status: {status}")


def wait():
    return waitpid(-1, 0)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError(f"invalid fd type ({type(fd)}, expected integer)")
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def popen(cmd, mode="r", buffering=-1):
    if not isinstance(cmd, str):
        raise TypeError(f"invalid cmd type ({type(cmd)}, expected string)")
    if mode not in ("r", "w"):
        raise ValueError(f"invalid mode {mode!r}")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, text=True)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE, text=True)
    return _wrap_close(proc.stdin, proc)


class _wrap_close:
    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8 if returncode > 0 else returncode

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


# --- the rest of CPython's POSIX surface that is plain Python -------------

def fstatvfs(fd):
    return statvfs_result(posix.statvfs(f"/proc/self/fd/{fd}"))


environb = None


def getenvb(key, default=None):
    value = environ.get(fsdecode(key))
    return default if value is None else fsencode(value)


def device_encoding(fd):
    return "UTF-8" if isatty(fd) else None


_CONFSTR = {"CS_PATH": 0}


confstr_names = dict(_CONFSTR)


def confstr(name):
    if isinstance(name, str):
        if name not in _CONFSTR:
            raise ValueError("unrecognized configuration name")
        name = _CONFSTR[name]
    if name == 0:
        return defpath
    raise OSError(22, "Invalid argument")


def execl(file, *args):
    execv(file, args)


def execle(file, *args):
    execve(file, args[:-1], args[-1])


def execlp(file, *args):
    execvp(file, args)


def execlpe(file, *args):
    execvpe(file, args[:-1], args[-1])


def execvp(file, args):
    _execvpe(file, args, None)


def execvpe(file, args, env):
    _execvpe(file, args, env)


def _execvpe(file, args, env):
    if path.dirname(file):
        if env is None:
            execv(file, args)
        execve(file, args, env)
    last = None
    for d in get_exec_path(env):
        full = path.join(d, file)
        try:
            if env is None:
                execv(full, args)
            else:
                execve(full, args, env)
        except (FileNotFoundError, NotADirectoryError) as e:
            last = e
        except OSError as e:
            last = e
    if last is None:
        raise FileNotFoundError(2, "No such file or directory", file)
    raise last


_at_fork = {"before": [], "after_in_parent": [], "after_in_child": []}


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):
    """Callables to run around fork() (before: last registered first)."""
    if before is None and after_in_child is None and after_in_parent is None:
        raise TypeError("At least one argument is required.")
    for name, f in (("before", before), ("after_in_child", after_in_child),
                    ("after_in_parent", after_in_parent)):
        if f is not None:
            if not callable(f):
                raise TypeError(f"'{name}' must be callable, not {type(f).__name__}")
            _at_fork[name].append(f)


def fork():
    for f in reversed(_at_fork["before"]):
        f()
    pid = posix.fork()
    for f in _at_fork["after_in_child" if pid == 0 else "after_in_parent"]:
        f()
    return pid


def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """Like walk(), also yielding a descriptor open on each folder."""
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")
    for root, dirs, files in walk(top, topdown, onerror, follow_symlinks):
        fd = open(root, O_RDONLY | O_DIRECTORY)
        try:
            yield root, dirs, files, fd
        finally:
            close(fd)
