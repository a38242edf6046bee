"""A lexical analyser for shell-like syntax: split, quote, join and the
shlex class, as CPython 3.11 documents them.

Written for weft. The shlex class reads from a str or a file-like object
(anything with read(1)); source inclusion is not supported.
"""

import sys

__all__ = ["shlex", "split", "quote", "join"]


class shlex:
    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        if isinstance(instream, str):
            instream = _StrReader(instream)
        if instream is not None:
            self.instream = instream
            self.infile = infile
        else:
            self.instream = sys.stdin
            self.infile = None
        self.posix = posix
        self.eof = None if posix else ""
        self.commenters = "#"
        self.wordchars = (
            "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
        )
        if self.posix:
            self.wordchars += (
                "\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb"
                "\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f8\u00f9"
                "\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6"
                "\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3"
                "\u00d4\u00d5\u00d6\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de"
            )
        self.whitespace = " \t\r\n"
        self.whitespace_split = False
        self.quotes = "'\""
        self.escape = "\\"
        self.escapedquotes = '"'
        self.pushback = []
        self.lineno = 1
        self.debug = 0
        self.token = ""
        self.filestack = []
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ""
        elif punctuation_chars is True:
            punctuation_chars = "();<>|&"
        self._punctuation_chars = punctuation_chars
        self._chars = []
        if punctuation_chars:
            self.wordchars += "~-./*?="
            self.wordchars = "".join(c for c in self.wordchars if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        self.pushback.insert(0, tok)

    def push_source(self, newstream, newfile=None):
        if isinstance(newstream, str):
            newstream = _StrReader(newstream)
        self.filestack.insert(0, (self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1

    def pop_source(self):
        self.instream.close()
        (self.infile, self.instream, self.lineno) = self.filestack.pop(0)

    def get_token(self):
        if self.pushback:
            return self.pushback.pop(0)
        raw = self.read_token()
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        return raw

    # The reader works on one character at a time with a pushback list, and
    # builds a token in one pass: a run of punctuation characters, a single
    # character that is no word character, or a word (with quoted parts and
    # escapes in POSIX mode).

    def _getc(self):
        if self._chars:
            return self._chars.pop()
        c = self.instream.read(1)
        if c == "\n":
            self.lineno += 1
        return c

    def _ungetc(self, c):
        if c:
            self._chars.append(c)

    def _skip_line(self):
        while True:
            c = self._getc()
            if not c or c == "\n":
                return

    def _in_word(self, c):
        if c in self.wordchars:
            return True
        if self.whitespace_split:
            return c not in self._punctuation_chars and c not in self.whitespace
        return False

    def read_token(self):
        # Skip blanks and comments before the token.
        while True:
            c = self._getc()
            if not c:
                return self.eof
            if c in self.whitespace:
                continue
            if c in self.commenters:
                self._skip_line()
                continue
            break
        if c in self._punctuation_chars:
            tok = c
            while True:
                c = self._getc()
                if c and c in self._punctuation_chars:
                    tok += c
                else:
                    self._ungetc(c)
                    return tok
        posix = self.posix
        if not posix and c in self.quotes:
            return self._read_quoted_nonposix(c)
        if not (self._in_word(c) or c in self.quotes or (posix and c in self.escape)):
            return c
        tok = ""
        quoted = False
        while True:
            if not c:
                break
            if c in self.whitespace:
                break
            if posix and c in self.quotes:
                quoted = True
                tok += self._read_quoted(c)
            elif posix and c in self.escape:
                nxt = self._getc()
                if not nxt:
                    raise ValueError("No escaped character")
                tok += nxt
            elif c in self.commenters:
                self._skip_line()
                # POSIX ends the word there; the legacy mode goes on with it
                # on the next line.
                if posix:
                    break
            elif self._in_word(c) or (not posix and c in self.quotes):
                tok += c
            else:
                self._ungetc(c)
                break
            c = self._getc()
        if posix and not tok and not quoted:
            return self.eof
        return tok

    def _read_quoted(self, q):
        # POSIX: the text up to the closing quote; inside escapedquotes a
        # backslash escapes only the quote and the escape character.
        out = ""
        while True:
            c = self._getc()
            if not c:
                raise ValueError("No closing quotation")
            if c == q:
                return out
            if c in self.escape and q in self.escapedquotes:
                nxt = self._getc()
                if not nxt:
                    raise ValueError("No escaped character")
                if nxt != q and nxt != c:
                    out += c
                out += nxt
            else:
                out += c

    def _read_quoted_nonposix(self, q):
        out = q
        while True:
            c = self._getc()
            if not c:
                raise ValueError("No closing quotation")
            out += c
            if c == q:
                return out

    def sourcehook(self, newfile):
        raise NotImplementedError("shlex source inclusion is not supported by weft")

    def error_leader(self, infile=None, lineno=None):
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return f'"{infile}", line {lineno}: '

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


class _StrReader:
    # The part of a text stream shlex reads: read(1) and readline().
    def __init__(self, s):
        self._s = s
        self._i = 0

    def read(self, n=-1):
        i = self._i
        if n < 0:
            self._i = len(self._s)
            return self._s[i:]
        self._i = min(len(self._s), i + n)
        return self._s[i:self._i]

    def readline(self):
        j = self._s.find("\n", self._i)
        j = len(self._s) if j < 0 else j + 1
        line = self._s[self._i:j]
        self._i = j
        return line

    def close(self):
        pass


def split(s, comments=False, posix=True):
    """Split the string s using shell-like syntax."""
    if s is None:
        raise ValueError("s argument must not be None")
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ""
    return list(lex)


def join(split_command):
    """Return a shell-escaped string from split_command."""
    return " ".join(quote(arg) for arg in split_command)


_SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_"
)


def quote(s):
    """Return a shell-escaped version of the string s."""
    if not s:
        return "''"
    if not isinstance(s, str):
        raise TypeError(f"expected string or bytes-like object, got '{type(s).__name__}'")
    for c in s:
        if c not in _SAFE:
            break
    else:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"
