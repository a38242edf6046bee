"""Unix shell-style wildcards: *, ?, [seq] and [!seq].

Written for weft from CPython 3.11's fnmatch documentation. Matching runs
on a small compiled form of the pattern (no regular expressions needed);
translate() still returns the regular expression CPython gives.
"""

import os
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_STAR = 0
_ANY = 1
_cache = {}


def fnmatch(name, pat):
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    pat = os.path.normcase(pat)
    tokens = _compile(pat)
    return [name for name in names if _match(tokens, os.path.normcase(name))]


def fnmatchcase(name, pat):
    if isinstance(name, bytes) != isinstance(pat, bytes):
        if isinstance(pat, bytes):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        raise TypeError("cannot use a string pattern on a bytes-like object")
    return _match(_compile(pat), name)


def _compile(pat):
    key = (type(pat), pat)
    tokens = _cache.get(key)
    if tokens is None:
        if isinstance(pat, bytes):
            tokens = [_as_bytes_token(t) for t in _parse(pat.decode("latin-1"))]
        else:
            tokens = _parse(pat)
        if len(_cache) >= 256:
            _cache.clear()
        _cache[key] = tokens
    return tokens


def _as_bytes_token(t):
    # Tokens over bytes compare ints (iterating bytes gives ints).
    if isinstance(t, str):
        return ord(t)
    if isinstance(t, tuple):
        negate, items = t
        return (negate, [(ord(lo), ord(hi)) for lo, hi in items])
    return t


def _parse_set(pat, i):
    # pat[i] is just after '['; returns (token, next index) or None when the
    # bracket is not closed (then '[' is a literal).
    n = len(pat)
    j = i
    if j < n and pat[j] == "!":
        j += 1
    if j < n and pat[j] == "]":
        j += 1
    while j < n and pat[j] != "]":
        j += 1
    if j >= n:
        return None
    body = pat[i:j]
    negate = body.startswith("!")
    if negate:
        body = body[1:]
    items = []
    k = 0
    while k < len(body):
        c = body[k]
        if k + 2 < len(body) and body[k + 1] == "-":
            lo, hi = c, body[k + 2]
            if lo <= hi:
                items.append((lo, hi))
            k += 3
        else:
            items.append((c, c))
            k += 1
    return (negate, items), j + 1


def _parse(pat):
    tokens = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif c == "?":
            tokens.append(_ANY)
        elif c == "[":
            r = _parse_set(pat, i)
            if r is None:
                tokens.append("[")
            else:
                tokens.append(r[0])
                i = r[1]
        else:
            tokens.append(c)
    return tokens


def _one(tok, ch):
    if tok is _ANY:
        return True
    if type(tok) is tuple:
        negate, items = tok
        for lo, hi in items:
            if lo <= ch <= hi:
                return not negate
        return negate
    return tok == ch


def _match(tokens, s):
    # Greedy match with backtracking to the last star: O(len(s) * tokens).
    ti = si = 0
    nt = len(tokens)
    ns = len(s)
    star = -1
    mark = 0
    while si < ns:
        if ti < nt:
            tok = tokens[ti]
            if tok is _STAR:
                star = ti
                ti += 1
                mark = si
                continue
            if _one(tok, s[si]):
                ti += 1
                si += 1
                continue
        if star < 0:
            return False
        ti = star + 1
        mark += 1
        si = mark
    while ti < nt and tokens[ti] is _STAR:
        ti += 1
    return ti == nt


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def _escape(s):
    return "".join("\\" + c if c in _SPECIAL else c for c in s)


def _translate_set(negate, body, items):
    if not items:
        return "." if negate and not body else "(?!)"
    out = []
    for k, (lo, hi) in enumerate(items):
        if lo == hi:
            c = lo
            if c in "\\-&~|" or (k == 0 and c in "^["):
                out.append("\\" + c)
            else:
                out.append(c)
        else:
            parts = []
            for c in (lo, hi):
                parts.append("\\" + c if c in "\\-&~|" else c)
            if k == 0 and parts[0] in ("^", "["):
                parts[0] = "\\" + parts[0]
            out.append(parts[0] + "-" + parts[1])
    return "[" + ("^" if negate else "") + "".join(out) + "]"


def translate(pat):
    """The regular expression (as a str) that matches what pat matches."""
    chunks = [[]]
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            # A run of stars is one star.
            if chunks[-1] or len(chunks) == 1:
                chunks.append([])
        elif c == "?":
            chunks[-1].append(".")
        elif c == "[":
            r = _parse_set(pat, i)
            if r is None:
                chunks[-1].append("\\[")
            else:
                j = r[1]
                body = pat[i:j - 1]
                negate, items = r[0]
                if negate:
                    body = body[1:]
                chunks[-1].append(_translate_set(negate, body, items))
                i = j
        else:
            chunks[-1].append(_escape(c))
    parts = ["".join(ch) for ch in chunks]
    if len(parts) == 1:
        res = parts[0]
    else:
        res = parts[0]
        for mid in parts[1:-1]:
            res += "(?>.*?" + mid + ")"
        res += ".*" + parts[-1]
    return f"(?s:{res})\\Z"
