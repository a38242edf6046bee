"""CSV parsing and writing: the core under csv (CPython's _csv, in weft).

The reader is CPython's state machine run per character, with a fast path
for the common line that has no quote or escape character in it; the writer
quotes and escapes fields by the same rules as CPython 3.11.
"""

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_dialects = {}
_field_limit = 128 * 1024


class Error(Exception):
    pass


Error.__module__ = '_csv'

_DIALECT_KEYS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
                 'quotechar', 'quoting', 'skipinitialspace', 'strict')
_MISSING = object()


def _char(name, src, dflt):
    if src is _MISSING:
        return dflt
    if not isinstance(src, str):
        raise TypeError('"%s" must be string, not %s' %
                        (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


def _char_or_none(name, src, dflt):
    if src is _MISSING:
        return dflt
    if src is None:
        return None
    if not isinstance(src, str):
        raise TypeError('"%s" must be string or None, not %s' %
                        (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


def _flag(src, dflt):
    if src is _MISSING:
        return dflt
    return bool(src)


class Dialect:
    """CSV dialect: the formatting parameters of a reader or writer,
    validated and read-only."""

    __slots__ = ('_delimiter', '_doublequote', '_escapechar',
                 '_lineterminator', '_quotechar', '_quoting',
                 '_skipinitialspace', '_strict')

    def __new__(cls, dialect=None, **kwargs):
        for key in kwargs:
            if key not in _DIALECT_KEYS:
                raise TypeError("'%s' is an invalid keyword argument for "
                                "this function" % key)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if type(dialect) is Dialect and not kwargs:
                return dialect
        params = {}
        for key in _DIALECT_KEYS:
            v = kwargs.get(key, _MISSING)
            if v is _MISSING and dialect is not None:
                v = getattr(dialect, key, _MISSING)
            params[key] = v
        self = object.__new__(cls)
        self._delimiter = _char('delimiter', params['delimiter'], ',')
        self._doublequote = _flag(params['doublequote'], True)
        self._escapechar = _char_or_none('escapechar', params['escapechar'],
                                         None)
        lt = params['lineterminator']
        if lt is _MISSING:
            lt = '\r\n'
        elif lt is not None and not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string')
        self._lineterminator = lt
        self._quotechar = _char_or_none('quotechar', params['quotechar'], '"')
        quoting = params['quoting']
        if quoting is _MISSING:
            quoting = QUOTE_MINIMAL
        elif not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        self._skipinitialspace = _flag(params['skipinitialspace'], False)
        self._strict = _flag(params['strict'], False)
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC,
                           QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        if params['quotechar'] is None and params['quoting'] is _MISSING:
            quoting = QUOTE_NONE
        self._quoting = quoting
        if quoting != QUOTE_NONE and self._quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if lt is None:
            raise TypeError("lineterminator must be set")
        return self

    @property
    def delimiter(self):
        return self._delimiter

    @property
    def doublequote(self):
        return self._doublequote

    @property
    def escapechar(self):
        return self._escapechar

    @property
    def lineterminator(self):
        return self._lineterminator

    @property
    def quotechar(self):
        return self._quotechar

    @property
    def quoting(self):
        return self._quoting

    @property
    def skipinitialspace(self):
        return self._skipinitialspace

    @property
    def strict(self):
        return self._strict


Dialect.__module__ = '_csv'


def _call_dialect(dialect, kwargs):
    if dialect is not None:
        return Dialect(dialect, **kwargs)
    return Dialect(**kwargs)


def register_dialect(name, dialect=None, **fmtparams):
    """Create a mapping from a string name to a dialect class."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _call_dialect(dialect, fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """Return the dialect instance associated with name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    """Return a list of all know dialect names."""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields; returns the old limit."""
    global _field_limit
    if len(args) + len(kwargs) > 1:
        raise TypeError('field_size_limit expected at most 1 argument, got %d'
                        % (len(args) + len(kwargs)))
    old = _field_limit
    new = args[0] if args else kwargs.get('new_limit', _MISSING)
    if kwargs and 'new_limit' not in kwargs:
        raise TypeError("field_size_limit() got an unexpected keyword "
                        "argument '%s'" % next(iter(kwargs)))
    if new is not _MISSING:
        if not isinstance(new, int):
            raise TypeError("limit must be an integer")
        _field_limit = new
    return old


# Reader states (CPython's names).
_START_RECORD = 0
_START_FIELD = 1
_ESCAPED_CHAR = 2
_IN_FIELD = 3
_IN_QUOTED_FIELD = 4
_ESCAPE_IN_QUOTED_FIELD = 5
_QUOTE_IN_QUOTED_FIELD = 6
_EAT_CRNL = 7
_AFTER_ESCAPED_CRNL = 8


class reader:
    """CSV reader: iterates over the rows (lists of strings) of an
    iterable of lines."""

    def __init__(self, csvfile, dialect=None, **fmtparams):
        self._input = iter(csvfile)
        self.dialect = _call_dialect(dialect, fmtparams)
        self.line_num = 0
        d = self.dialect
        self._delim = d.delimiter
        self._quote = d.quotechar if d.quoting != QUOTE_NONE else None
        self._esc = d.escapechar
        self._numeric = d.quoting == QUOTE_NONNUMERIC
        self._simple = not d.skipinitialspace and d.delimiter != d.quotechar
        self._doublequote = d.doublequote

    def __iter__(self):
        return self

    def _reset(self):
        self._fields = []
        self._field = []
        self._flen = 0
        self._state = _START_RECORD
        self._numeric_field = False

    def _save_field(self):
        field = ''.join(self._field)
        self._field = []
        self._flen = 0
        if self._numeric_field:
            self._numeric_field = False
            field = float(field)
        self._fields.append(field)

    def __next__(self):
        line = next(self._input)
        if not isinstance(line, str):
            raise Error("iterator should return strings, not %s (the "
                        "file should be opened in text mode)" %
                        type(line).__name__)
        self.line_num += 1
        if self._simple:
            # The common line: no escape character and no line break inside
            # it. Without quotes, splitting at the delimiter is the answer;
            # with them, each quoted field is found with str.find.
            q = self._quote
            e = self._esc
            if e is None or e not in line:
                body = line.rstrip('\r\n')
                if '\r' not in body and '\n' not in body:
                    if q is None or q not in body:
                        if not body:
                            return []
                        fields = body.split(self._delim)
                        if len(body) > _field_limit:
                            _check_limit(fields)
                        if self._numeric:
                            fields = [float(f) if f else f for f in fields]
                        return fields
                    if self._doublequote:
                        if len(body) > _field_limit:
                            # Let the state machine report the long field.
                            return self._read_record(line)
                        fields = _split_quoted(body, self._delim, q,
                                               self._numeric)
                        if fields is not None:
                            return fields
        return self._read_record(line)

    def _read_record(self, line):
        """The state machine over this line and as many more as the record
        needs."""
        self._reset()
        while True:
            self._feed(line)
            self._end_line()
            if self._state == _START_RECORD:
                break
            try:
                line = next(self._input)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s (the "
                            "file should be opened in text mode)" %
                            type(line).__name__)
            self.line_num += 1
        fields = self._fields
        self._fields = []
        return fields

    def _add_text(self, text):
        self._flen += len(text)
        if self._flen > _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(text)

    def _feed(self, line):
        """Run the state machine over one line's characters, copying runs
        of ordinary characters with str.find instead of one at a time (the
        reader's state lives in locals until the end of the line)."""
        d = self.dialect
        delim = self._delim
        quote = self._quote
        esc = self._esc
        skipspace = d.skipinitialspace
        numeric = self._numeric
        limit = _field_limit
        fields = self._fields
        parts = self._field
        flen = self._flen
        numf = self._numeric_field
        state = self._state
        n = len(line)
        i = 0
        while i < n:
            c = line[i]
            if state == _START_RECORD:
                if c == '\n' or c == '\r':
                    state = _EAT_CRNL
                    i += 1
                    continue
                state = _START_FIELD
            if state == _START_FIELD:
                if c == '\n' or c == '\r':
                    f = ''.join(parts)
                    parts = []
                    flen = 0
                    if numf:
                        numf = False
                        f = float(f)
                    fields.append(f)
                    state = _EAT_CRNL
                    i += 1
                    continue
                if c == quote:
                    state = _IN_QUOTED_FIELD
                    i += 1
                    continue
                if c == esc:
                    state = _ESCAPED_CHAR
                    i += 1
                    continue
                if c == ' ' and skipspace:
                    i += 1
                    continue
                if c == delim:
                    f = ''.join(parts)
                    parts = []
                    flen = 0
                    if numf:
                        numf = False
                        f = float(f)
                    fields.append(f)
                    i += 1
                    continue
                if numeric:
                    numf = True
                # An ordinary character starts an unquoted field: it is
                # copied below, as in IN_FIELD.
                state = _IN_FIELD
            elif state == _ESCAPED_CHAR:
                flen += len(c)
                if flen > limit:
                    raise Error("field larger than field limit (%d)" % limit)
                parts.append(c)
                state = _AFTER_ESCAPED_CRNL if c == '\n' or c == '\r' \
                    else _IN_FIELD
                i += 1
                continue
            elif state == _AFTER_ESCAPED_CRNL:
                state = _IN_FIELD
            elif state == _ESCAPE_IN_QUOTED_FIELD:
                flen += len(c)
                if flen > limit:
                    raise Error("field larger than field limit (%d)" % limit)
                parts.append(c)
                state = _IN_QUOTED_FIELD
                i += 1
                continue
            elif state == _QUOTE_IN_QUOTED_FIELD:
                if c == quote:
                    flen += len(c)
                    if flen > limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    parts.append(c)
                    state = _IN_QUOTED_FIELD
                elif c == delim:
                    f = ''.join(parts)
                    parts = []
                    flen = 0
                    if numf:
                        numf = False
                        f = float(f)
                    fields.append(f)
                    state = _START_FIELD
                elif c == '\n' or c == '\r':
                    f = ''.join(parts)
                    parts = []
                    flen = 0
                    if numf:
                        numf = False
                        f = float(f)
                    fields.append(f)
                    state = _EAT_CRNL
                elif not d.strict:
                    flen += len(c)
                    if flen > limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    parts.append(c)
                    state = _IN_FIELD
                else:
                    raise Error("'%s' expected after '%s'" %
                                (d.delimiter, d.quotechar))
                i += 1
                continue
            elif state == _EAT_CRNL:
                if c == '\n' or c == '\r':
                    i += 1
                    continue
                raise Error("new-line character seen in unquoted field - do "
                            "you need to open the file in universal-newline "
                            "mode?")
            if state == _IN_FIELD:
                j = _find_first(line, i, n, delim, esc, '\n', '\r')
                if j > i:
                    t = line[i:j]
                    flen += len(t)
                    if flen > limit:
                        raise Error("field larger than field limit (%d)" % limit)
                    parts.append(t)
                    i = j
                    if i >= n:
                        break
                c = line[i]
                if c == '\n' or c == '\r':
                    f = ''.join(parts)
                    parts = []
                    flen = 0
                    if numf:
                        numf = False
                        f = float(f)
                    fields.append(f)
                    state = _EAT_CRNL
                elif c == esc:
                    state = _ESCAPED_CHAR
                else:
                    f = ''.join(parts)
                    parts = []
                    flen = 0
                    if numf:
                        numf = False
                        f = float(f)
                    fields.append(f)
                    state = _START_FIELD
                i += 1
                continue
            # IN_QUOTED_FIELD: newlines are part of the field here.
            j = _find_first(line, i, n, quote, esc, None, None)
            if j > i:
                t = line[i:j]
                flen += len(t)
                if flen > limit:
                    raise Error("field larger than field limit (%d)" % limit)
                parts.append(t)
                i = j
                if i >= n:
                    break
            c = line[i]
            if c == esc:
                state = _ESCAPE_IN_QUOTED_FIELD
            elif d.doublequote:
                state = _QUOTE_IN_QUOTED_FIELD
            else:
                state = _IN_FIELD
            i += 1
        self._field = parts
        self._flen = flen
        self._numeric_field = numf
        self._state = state

    def _end_line(self):
        """The end of a line (CPython's EOL pseudo-character)."""
        state = self._state
        if state == _START_RECORD or state == _IN_QUOTED_FIELD or \
                state == _AFTER_ESCAPED_CRNL:
            return
        if state == _ESCAPED_CHAR:
            self._add_text('\n')
            self._state = _IN_FIELD
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            self._add_text('\n')
            self._state = _IN_QUOTED_FIELD
        elif state == _EAT_CRNL:
            self._state = _START_RECORD
        else:
            # START_FIELD, IN_FIELD, QUOTE_IN_QUOTED_FIELD end the record.
            self._save_field()
            self._state = _START_RECORD


def _split_quoted(body, delim, quote, numeric):
    """The fields of one line with quoted fields (doubled quotes inside
    them), or None when the state machine must read it: a quoted field
    that goes on to the next line, or text after a closing quote. With
    numeric (QUOTE_NONNUMERIC), unquoted non-empty fields become floats."""
    fields = []
    n = len(body)
    i = 0
    while True:
        if i < n and body[i] == quote:
            j = i + 1
            pieces = []
            while True:
                k = body.find(quote, j)
                if k < 0:
                    return None
                pieces.append(body[j:k])
                if k + 1 < n and body[k + 1] == quote:
                    pieces.append(quote)
                    j = k + 2
                    continue
                break
            fields.append(''.join(pieces))
            i = k + 1
            if i == n:
                break
            if body[i] != delim:
                return None
            i += 1
        else:
            k = body.find(delim, i)
            f = body[i:] if k < 0 else body[i:k]
            if numeric and f:
                f = float(f)
            fields.append(f)
            if k < 0:
                break
            i = k + 1
    return fields


def _check_limit(fields):
    for f in fields:
        if len(f) > _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)


def _find_first(line, i, n, a, b, c, d):
    """The index of the first of the characters a, b, c, d (None for
    unused) in line[i:], or n."""
    best = n
    for ch in (a, b, c, d):
        if ch is not None:
            j = line.find(ch, i, best)
            if j >= 0:
                best = j
    return best


reader.__module__ = '_csv'


def _is_number(x):
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__float__') or
            hasattr(t, '__int__'))


class writer:
    """CSV writer: formats rows (iterables of values) as delimited lines
    and writes them to an object with a write method."""

    def __init__(self, fileobj, dialect=None, **fmtparams):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = _call_dialect(dialect, fmtparams)
        d = self.dialect
        special = set(d.lineterminator)
        special.add(d.delimiter)
        if d.quotechar is not None:
            special.add(d.quotechar)
        if d.escapechar is not None:
            special.add(d.escapechar)
        self._special = special

    def _field(self, field, quoted):
        """The text of one field: (text, quoted)."""
        d = self.dialect
        special = self._special
        plain = True
        for c in field:
            if c in special:
                plain = False
                break
        if plain:
            if quoted:
                return d.quotechar + field + d.quotechar
            return field
        out = []
        for c in field:
            if c in special:
                want_escape = False
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        text = ''.join(out)
        if quoted:
            return d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        """Write the row (an iterable of strings or numbers) to the file,
        formatted by the dialect; return what the file's write returned."""
        try:
            it = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        d = self.dialect
        parts = []
        for field in it:
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = d.quoting == QUOTE_ALL
            if field is None:
                text = ''
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            parts.append(self._field(text, quoted))
        if len(parts) == 1 and parts[0] == '':
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d.quotechar * 2
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def writerows(self, rows):
        """Write each row of an iterable of rows."""
        for row in rows:
            self.writerow(row)


writer.__module__ = '_csv'
