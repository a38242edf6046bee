"""Cache lines from source files, as CPython 3.11's linecache module
documents it: getline, getlines, clearcache, checkcache, updatecache,
lazycache.

Written for weft: a file on disk is read as UTF-8; a name in angle
brackets (`<weft stdlib json>`, `<string>`...) has the lines the
interpreter compiled under that name, when it has them.
"""

import os as _os
import sys as _sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache, updating the
    cache if it doesn't contain an entry for this file already."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache, updating
    the cache if it doesn't contain an entry for this file already."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date."""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for filename in filenames:
        entry = cache[filename]
        if len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            stat = _os.stat(fullname)
        except OSError:
            cache.pop(filename, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(filename, None)


def _compiled_lines(filename):
    from _traceback import getline as _getline
    lines = []
    while True:
        line = _getline(filename, len(lines) + 1)
        if not line:
            return lines
        lines.append(line)


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename:
        return []
    if filename.startswith('<') and filename.endswith('>'):
        lines = _compiled_lines(filename)
        if lines:
            cache[filename] = (len(''.join(lines)), None, lines, filename)
        return lines
    fullname = filename
    try:
        stat = _os.stat(fullname)
    except OSError:
        basename = filename
        for dirname in _sys.path:
            try:
                fullname = _os.path.join(dirname, basename)
            except (TypeError, AttributeError):
                continue
            try:
                stat = _os.stat(fullname)
                break
            except OSError:
                pass
        else:
            return []
    try:
        with open(fullname, encoding='utf-8', errors='replace') as fp:
            lines = fp.readlines()
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = stat.st_size, stat.st_mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals (weft has no
    loaders to read lazily from: always False)."""
    return False
