"""Pathname operations on POSIX paths (os.path).

Written for weft from the documentation of CPython 3.11's os.path. Every
function takes str, bytes or an os.PathLike and answers in the same type.
"""

import os
import stat as _stat

__all__ = [
    "normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename",
    "dirname", "commonprefix", "getsize", "getmtime", "getatime", "getctime",
    "islink", "exists", "lexists", "isdir", "isfile", "ismount", "expanduser",
    "expandvars", "normpath", "abspath", "samefile", "sameopenfile", "samestat",
    "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
    "devnull", "realpath", "supports_unicode_filenames", "relpath",
    "commonpath",
]

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


def _sep(p):
    return b"/" if isinstance(p, bytes) else "/"


def _check_join_types(funcname, *parts):
    has_str = has_bytes = False
    for p in parts:
        if isinstance(p, str):
            has_str = True
        elif isinstance(p, bytes):
            has_bytes = True
        else:
            raise TypeError(
                f"{funcname}() argument must be str, bytes, or os.PathLike object, "
                f"not '{type(p).__name__}'"
            )
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components")


def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    try:
        a = os.fspath(a)
        parts = [os.fspath(x) for x in p]
    except TypeError:
        _check_join_types("join", a, *p)
        raise
    sep = _sep(a)
    path = a
    _check_join_types("join", a, *parts)
    for b in parts:
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        sep, dot = b"/", b"."
    else:
        sep, dot = "/", "."
    sep_i = p.rfind(sep)
    dot_i = p.rfind(dot)
    if dot_i > sep_i:
        # A leading run of dots in the name is not an extension.
        i = sep_i + 1
        while i < dot_i:
            if p[i:i + 1] != dot:
                return p[:dot_i], p[dot_i:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    return p[p.rfind(_sep(p)) + 1:]


def dirname(p):
    p = os.fspath(p)
    sep = _sep(p)
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def exists(path):
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return _stat.S_ISREG(st.st_mode)


def isdir(s):
    try:
        st = os.stat(s)
    except (OSError, ValueError):
        return False
    return _stat.S_ISDIR(st.st_mode)


def islink(path):
    try:
        st = os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return _stat.S_ISLNK(st.st_mode)


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if _stat.S_ISLNK(s1.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, b".." if isinstance(path, bytes) else "..")
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    if s1.st_dev != s2.st_dev:
        return True
    return s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))


def expanduser(path):
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    tilde = b"~" if is_bytes else "~"
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if "HOME" in os.environ:
            userhome = os.environ["HOME"]
        else:
            import posix
            userhome = posix._pw_dir(os.getuid())
    else:
        name = path[1:i]
        if is_bytes:
            name = os.fsdecode(name)
        try:
            import pwd
            userhome = pwd.getpwnam(name).pw_dir
        except (ImportError, KeyError):
            return path
    if userhome is None:
        return path
    if is_bytes:
        userhome = os.fsencode(userhome)
    userhome = userhome.rstrip(sep)
    return (userhome + path[i:]) or sep


def _is_name_char(c):
    return c.isascii() and (c.isalnum() or c == "_")


def expandvars(path):
    path = os.fspath(path)
    if isinstance(path, bytes):
        if b"$" not in path:
            return path
        text = os.fsdecode(path)
        return os.fsencode(_expandvars_str(text, os.environb if hasattr(os, "environb") else None))
    if "$" not in path:
        return path
    return _expandvars_str(path, None)


def _expandvars_str(path, _unused):
    # $name and ${name}, name made of ASCII letters, digits and '_';
    # unknown variables are left as written.
    out = []
    i = 0
    n = len(path)
    env = os.environ
    while i < n:
        c = path[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == "{":
            end = path.find("}", i + 2)
            name = path[i + 2:end] if end >= 0 else ""
            if end >= 0 and name and all(_is_name_char(ch) for ch in name):
                if name in env:
                    out.append(env[name])
                else:
                    out.append(path[i:end + 1])
                i = end + 1
                continue
            out.append(c)
            i += 1
            continue
        j = i + 1
        while j < n and _is_name_char(path[j]):
            j += 1
        name = path[i + 1:j]
        if name and name in env:
            out.append(env[name])
        else:
            out.append(path[i:j])
        i = j if name else i + 1
    return "".join(out)


def normpath(path):
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b"/", b"", b".", b".."
    else:
        sep, empty, dot, dotdot = "/", "", ".", ".."
    if path == empty:
        return dot
    initial = 0
    if path.startswith(sep):
        # POSIX keeps exactly two leading slashes, folds three or more.
        initial = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    comps = path.split(sep)
    new = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if comp != dotdot or (not initial and not new) or (new and new[-1] == dotdot):
            new.append(comp)
        elif new:
            new.pop()
    path = sep.join(new)
    if initial:
        path = sep * initial + path
    return path or dot


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(path, *, strict=False):
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    if is_bytes:
        path = os.fsdecode(path)
    if not isabs(path):
        path = join(os.getcwd(), path)
    result = _resolve(path, strict, {})
    return os.fsencode(result) if is_bytes else result


def _resolve(path, strict, seen):
    # Walk the components of an absolute path from the root, resolving each
    # symlink met; `seen` maps a link being resolved to its answer (None
    # while in progress) so a loop stops instead of recursing forever.
    done = "/"
    rest = path
    while rest:
        name, _, rest = rest.partition("/")
        if not name or name == ".":
            continue
        if name == "..":
            done = dirname(done)
            continue
        newpath = join(done, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            done = newpath
            continue
        if not _stat.S_ISLNK(st.st_mode):
            done = newpath
            continue
        if newpath in seen:
            known = seen[newpath]
            if known is not None:
                done = known
                continue
            if strict:
                os.stat(newpath)
            return join(newpath, rest) if rest else newpath
        seen[newpath] = None
        target = os.readlink(newpath)
        done = _resolve(join(done, target), strict, seen)
        seen[newpath] = done
    return done


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    if isinstance(path, bytes):
        curdir_, sep_, pardir_ = b".", b"/", b".."
    else:
        curdir_, sep_, pardir_ = ".", "/", ".."
    if start is None:
        start = curdir_
    else:
        start = os.fspath(start)
    _check_join_types("relpath", path, start)
    start_list = [x for x in abspath(start).split(sep_) if x]
    path_list = [x for x in abspath(path).split(sep_) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir_] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir_
    return join(*rel_list)


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(os.fspath, paths))
    if isinstance(paths[0], bytes):
        sep_, curdir_ = b"/", b"."
    else:
        sep_, curdir_ = "/", "."
    _check_join_types("commonpath", *paths)
    split_paths = [p.split(sep_) for p in paths]
    absflags = set(p[:1] == sep_ for p in paths)
    if len(absflags) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep_ if paths[0][:1] == sep_ else sep_[:0]
    return prefix + sep_.join(common)
