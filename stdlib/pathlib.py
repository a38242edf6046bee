"""Object-oriented file-system paths, as CPython 3.11's pathlib documents
them.

Written for weft on os, os.path and fnmatch. The POSIX flavour is complete
(PurePath, PurePosixPath, Path, PosixPath); PureWindowsPath splits drives
and both separators but is otherwise simple, and WindowsPath cannot be
instantiated here (as on any POSIX CPython).
"""

import os
import posixpath
import fnmatch as _fnmatch
from stat import S_ISDIR, S_ISREG, S_ISLNK, S_ISSOCK, S_ISFIFO, S_ISBLK, S_ISCHR

__all__ = [
    "PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath",
    "WindowsPath",
]


def _parse_posix(text):
    # (drive, root, parts) for a POSIX path: exactly two leading slashes
    # are kept (POSIX leaves their meaning to the system), more fold to one.
    if not text:
        return "", "", []
    root = ""
    if text.startswith("/"):
        root = "//" if text.startswith("//") and not text.startswith("///") else "/"
    parts = [p for p in text.split("/") if p and p != "."]
    return "", root, parts


def _parse_windows(text):
    text = text.replace("/", "\\")
    drv = ""
    if len(text) >= 2 and text[1] == ":" and text[0].isalpha():
        drv, text = text[:2], text[2:]
    elif text.startswith("\\\\"):
        pieces = text[2:].split("\\")
        if len(pieces) >= 2 and pieces[0] and pieces[1]:
            drv = "\\\\" + pieces[0] + "\\" + pieces[1]
            text = text[len(drv):]
    root = "\\" if text.startswith("\\") else ""
    parts = [p for p in text.split("\\") if p and p != "."]
    return drv, root, parts


class _Parents:
    """The logical ancestors of a path (path.parents)."""

    __slots__ = ("_path", "_n")

    def __init__(self, path):
        self._path = path
        self._n = len(path._parts)

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(self._n)))
        if not isinstance(idx, int):
            raise TypeError(f"list indices must be integers or slices, not {type(idx).__name__}")
        if idx >= self._n or idx < -self._n:
            raise IndexError(idx)
        if idx < 0:
            idx += self._n
        p = self._path
        return p._make(p._drv, p._root, p._parts[:self._n - idx - 1])

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def __repr__(self):
        return f"<{type(self._path).__name__}.parents>"


class PurePath:
    """A path as text, with no access to the file system."""

    _sep = "/"
    _parse = staticmethod(_parse_posix)
    _case_fold = False

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._init_from(args)
        return self

    def _init_from(self, args):
        drv, root, parts = "", "", []
        for a in args:
            if isinstance(a, PurePath):
                text = str(a) if a._sep == self._sep else a.as_posix()
            else:
                text = os.fspath(a)
                if not isinstance(text, str):
                    raise TypeError(
                        "argument should be a str object or an os.PathLike object "
                        f"returning str, not {type(text)!r}"
                    )
            d, r, p = self._parse(text)
            if r:
                drv, root, parts = d or drv, r, list(p)
            elif d and d != drv:
                drv, root, parts = d, "", list(p)
            else:
                parts.extend(p)
        self._drv = drv
        self._root = root
        self._parts = parts
        self._str = None

    def _make(self, drv, root, parts):
        new = object.__new__(type(self))
        new._drv = drv
        new._root = root
        new._parts = list(parts)
        new._str = None
        return new

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    def __str__(self):
        if self._str is None:
            s = self._drv + self._root + self._sep.join(self._parts)
            self._str = s or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace(self._sep, "/")

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        path = self.as_posix()
        out = []
        for ch in path.encode("utf-8"):
            c = chr(ch)
            if c.isascii() and (c.isalnum() or c in "/-._~!$&'()*+,;=:@"):
                out.append(c)
            else:
                out.append("%%%02X" % ch)
        return "file://" + "".join(out)

    def _key(self):
        s = str(self)
        return s.lower() if self._case_fold else s

    def _cmp_parts(self):
        parts = self.parts
        return [p.lower() for p in parts] if self._case_fold else list(parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath) or self._sep != other._sep:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self._sep != other._sep:
            return NotImplemented
        return self._cmp_parts() < other._cmp_parts()

    def __le__(self, other):
        if not isinstance(other, PurePath) or self._sep != other._sep:
            return NotImplemented
        return self._cmp_parts() <= other._cmp_parts()

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self._sep != other._sep:
            return NotImplemented
        return self._cmp_parts() > other._cmp_parts()

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self._sep != other._sep:
            return NotImplemented
        return self._cmp_parts() >= other._cmp_parts()

    @property
    def drive(self):
        return self._drv

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._drv + self._root

    @property
    def parts(self):
        anchor = self._drv + self._root
        if anchor:
            return (anchor,) + tuple(self._parts)
        return tuple(self._parts)

    @property
    def name(self):
        if not self._parts:
            return ""
        return self._parts[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._make(self._drv, self._root, self._parts[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        d, r, p = self._parse(name)
        if not name or d or r or len(p) != 1 or p[0] != name:
            raise ValueError(f"Invalid name {name!r}")
        return self._make(self._drv, self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if self._sep in suffix or (suffix and (not suffix.startswith(".") or suffix == ".")):
            raise ValueError(f"Invalid suffix {suffix!r}")
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._make(self._drv, self._root, self._parts[:-1] + [name])

    def joinpath(self, *args):
        return type(self)(self, *args)

    def __truediv__(self, key):
        try:
            return type(self)(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def is_absolute(self):
        if self._sep == "\\":
            return bool(self._drv and self._root)
        return bool(self._root)

    def is_reserved(self):
        return False

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)(*other)
        n = len(base.parts)
        if base.anchor != self.anchor or self._cmp_parts()[:n] != base._cmp_parts():
            raise ValueError(
                f"{str(self)!r} is not in the subpath of {str(base)!r} OR one path "
                "is relative and the other is absolute."
            )
        return self._make("", "", list(self.parts[n:]))

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        pat = type(self)(path_pattern)
        pat_parts = pat.parts
        if not pat_parts:
            raise ValueError("empty pattern")
        parts = self.parts
        if pat.anchor:
            if len(parts) != len(pat_parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pp in zip(reversed(parts), reversed(pat_parts)):
            if self._case_fold:
                part, pp = part.lower(), pp.lower()
            if not _fnmatch.fnmatchcase(part, pp):
                return False
        return True

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class PurePosixPath(PurePath):
    """A pure path with POSIX rules."""
    __slots__ = ()


class PureWindowsPath(PurePath):
    """A pure path with Windows rules (drives, either separator,
    case-insensitive comparisons)."""

    _sep = "\\"
    _parse = staticmethod(_parse_windows)
    _case_fold = True


def _is_dir_st(st):
    return S_ISDIR(st.st_mode)


class Path(PurePath):
    """A path on the file system: PurePath plus the operations that reach
    the file system."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        if cls is WindowsPath:
            raise NotImplementedError(f"cannot instantiate {cls.__name__!r} on your system")
        self = object.__new__(cls)
        self._init_from(args)
        return self

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(os.path.realpath(self, strict=strict))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def owner(self):
        import posix
        uid = self.stat().st_uid
        name = posix._pw_name(uid)
        if name is None:
            raise KeyError(f"getpwuid(): uid not found: {uid}")
        return name

    def group(self):
        import posix
        gid = self.stat().st_gid
        name = posix._gr_name(gid)
        if name is None:
            raise KeyError(f"getgrgid(): gid not found: {gid}")
        return name

    def _mode(self, follow=True):
        try:
            return self.stat(follow_symlinks=follow).st_mode
        except (OSError, ValueError):
            return None

    def exists(self):
        return self._mode() is not None

    def is_dir(self):
        m = self._mode()
        return m is not None and S_ISDIR(m)

    def is_file(self):
        m = self._mode()
        return m is not None and S_ISREG(m)

    def is_symlink(self):
        m = self._mode(False)
        return m is not None and S_ISLNK(m)

    def is_socket(self):
        m = self._mode()
        return m is not None and S_ISSOCK(m)

    def is_fifo(self):
        m = self._mode()
        return m is not None and S_ISFIFO(m)

    def is_block_device(self):
        m = self._mode()
        return m is not None and S_ISBLK(m)

    def is_char_device(self):
        m = self._mode()
        return m is not None and S_ISCHR(m)

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = os.stat(other_path)
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode="r", encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        if isinstance(data, str):
            raise TypeError("memoryview: a bytes-like object is required, not 'str'")
        data = bytes(data)
        with self.open(mode="wb") as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError(f"data must be str, not {type(data).__name__}")
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        return type(self)(os.readlink(self))

    def iterdir(self):
        for name in os.listdir(self):
            yield self._make(self._drv, self._root, self._parts + [name])

    def _child(self, name):
        return self._make(self._drv, self._root, self._parts + [name])

    def glob(self, pattern):
        """Yield the existing paths below this one matching the relative
        pattern ('**' matches this folder and every folder below it)."""
        if not pattern:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        pat = PurePosixPath(pattern)
        if pat.anchor:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pat._parts)
        if pattern.endswith("/"):
            parts.append("")
        yield from self._select(parts, 0)

    def rglob(self, pattern):
        pat = PurePosixPath(pattern)
        if pat.anchor:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = ["**"] + list(pat._parts)
        if pattern.endswith("/"):
            parts.append("")
        yield from self._select(parts, 0)

    def _entries(self):
        try:
            with os.scandir(self) as it:
                return list(it)
        except OSError:
            return []

    def _select(self, parts, i):
        if i == len(parts):
            yield self
            return
        part = parts[i]
        if part == "":
            if self.is_dir():
                yield self
            return
        if part == "**":
            seen = set()
            for d in self._walk_dirs():
                for p in d._select(parts, i + 1):
                    key = str(p)
                    if key not in seen:
                        seen.add(key)
                        yield p
            return
        last = i == len(parts) - 1
        if part == "..":
            yield from self._child("..")._select(parts, i + 1)
            return
        if not ("*" in part or "?" in part or "[" in part):
            child = self._child(part)
            if last:
                if child.exists() or child.is_symlink():
                    yield child
            elif child.is_dir():
                yield from child._select(parts, i + 1)
            return
        for entry in self._entries():
            if not last:
                try:
                    if not entry.is_dir():
                        continue
                except OSError:
                    continue
            if _fnmatch.fnmatchcase(entry.name, part):
                yield from self._child(entry.name)._select(parts, i + 1)

    def _walk_dirs(self):
        yield self
        for entry in self._entries():
            try:
                if entry.is_dir() and not entry.is_symlink():
                    yield from self._child(entry.name)._walk_dirs()
            except OSError:
                pass

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        os.link(target, self)

    def link_to(self, target):
        os.link(self, target)

    def expanduser(self):
        if not self._drv and not self._root and self._parts and self._parts[0][:1] == "~":
            homedir = os.path.expanduser(self._parts[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return type(self)(homedir, *self._parts[1:])
        return self


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """A concrete Windows path (cannot be made on POSIX)."""
    __slots__ = ()
