"""Filename pattern expansion (glob), as CPython 3.11 documents it.

Written for weft on os.scandir and fnmatch. Results come in the order the
file system lists entries (unsorted, as in CPython). Names starting with
'.' match only a pattern part starting with '.', unless include_hidden.
"""

import os
import fnmatch

__all__ = ["glob", "iglob", "escape"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # The tree's own root comes first as ''; CPython leaves it out.
        for first in it:
            if first:
                yield first
            break
    yield from it


def _join(a, b):
    return os.path.join(a, b) if a else b


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname)):
                yield pathname
        elif _isdir(_join(root_dir, dirname)):
            yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for d in dirs:
        for name in glob_in_dir(_join(root_dir, d), basename, dironly, include_hidden):
            yield os.path.join(d, name)


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = [x for x in names if not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if _lexists(_join(dirname, basename)):
            return [basename]
    elif _isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _entries(dirname):
    try:
        with os.scandir(dirname or (b"." if isinstance(dirname, bytes) else ".")) as it:
            return list(it)
    except OSError:
        return []


def _listdir(dirname, dironly):
    out = []
    for entry in _entries(dirname):
        if dironly:
            try:
                if not entry.is_dir():
                    continue
            except OSError:
                continue
        out.append(entry.name)
    return out


def _rlistdir(dirname, dironly, include_hidden):
    for entry in _entries(dirname):
        name = entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if dironly and not is_dir:
            continue
        if include_hidden or not _ishidden(name):
            yield name
            if is_dir:
                path = _join(dirname, name)
                for y in _rlistdir(path, dironly, include_hidden):
                    yield os.path.join(name, y)


def _lexists(pathname):
    return os.path.lexists(pathname)


def _isdir(pathname):
    return os.path.isdir(pathname)


def has_magic(s):
    if isinstance(s, bytes):
        return b"*" in s or b"?" in s or b"[" in s
    return "*" in s or "?" in s or "[" in s


def _ishidden(path):
    return path[:1] in (".", b".")


def _isrecursive(pattern):
    return pattern == b"**" if isinstance(pattern, bytes) else pattern == "**"


def escape(pathname):
    """Escape the magic characters (*, ? and [) of a path."""
    if isinstance(pathname, bytes):
        out = bytearray()
        for b in pathname:
            if b in b"*?[":
                out += b"[" + bytes([b]) + b"]"
            else:
                out.append(b)
        return bytes(out)
    return "".join("[" + c + "]" if c in "*?[" else c for c in pathname)

