"""CSV file reading and writing (CPython 3.11's csv).

reader and writer come from _csv; this module adds the Dialect classes, the
dict-based reader and writer, and the Sniffer.

weft notes: rows may come from any iterable of strings and go to any object
with a write method. Sniffer finds quotes and delimiters with hand-written
matchers equivalent to CPython's regular expressions.
"""

from _csv import (Error, __version__, writer, reader, register_dialect,
                  unregister_dialect, get_dialect, list_dialects,
                  field_size_limit,
                  QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE)
from _csv import Dialect as _Dialect

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]


class Dialect:
    """Describe a CSV dialect.

    This must be subclassed (see csv.excel). Valid attributes are:
    delimiter, quotechar, escapechar, doublequote, skipinitialspace,
    lineterminator, quoting."""
    _name = ""
    _valid = False
    # placeholders
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited
    files."""
    delimiter = '\t'


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


class DictReader:
    """Read rows as dicts keyed by the field names (the first row unless
    fieldnames is given); extra values go under restkey, missing ones get
    restval."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            # Reads the header row, if any.
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        # Blank lines are skipped, not returned as dicts of restval.
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    """Write dicts as rows in the order of fieldnames; missing keys get
    restval, extra keys raise ValueError (or are ignored with
    extrasaction='ignore')."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"
                             % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = [k for k in rowdict.keys()
                            if k not in self.fieldnames]
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


# ------------------------------------------------------------------ Sniffer

def _is_word(c):
    return c == '_' or c.isalnum()


def _is_delim_char(c):
    # [^\w\n"']
    return not (c == '\n' or c == '"' or c == "'" or _is_word(c))


def _line_start(data, p):
    return p == 0 or data[p - 1] == '\n'


def _open_quote(data, p, n):
    """The quote of a match starting at p with (?:^|\\n)["'], and the
    index after it, or None."""
    if p < n and _line_start(data, p) and data[p] in '"\'':
        return data[p], p + 1
    if p + 1 < n and data[p] == '\n' and data[p + 1] in '"\'':
        return data[p + 1], p + 2
    return None


def _delim_open(data, p, n):
    """(delim, space, quote, index after the quote) for a match starting at
    p with [^\\w\\n"'] ?["'], or None."""
    if p >= n or not _is_delim_char(data[p]):
        return None
    q = p + 1
    space = ''
    if q < n and data[q] == ' ':
        space = ' '
        q += 1
    if q < n and data[q] in '"\'':
        return data[p], space, data[q], q + 1
    return None


def _quote_matches(data, kind):
    """findall() of CPython's kind-th quote/delimiter pattern: a list of
    dicts with 'quote' and, for kinds 0-2, 'delim' and 'space'."""
    n = len(data)
    out = []
    p = 0
    while p < n:
        found = None
        if kind == 0 or kind == 2:
            opened = _delim_open(data, p, n)
            if opened is not None:
                delim, space, quote, k = opened
                while k < n:
                    if data[k] == quote:
                        if kind == 0 and k + 1 < n and data[k + 1] == delim:
                            found = ({'delim': delim, 'space': space,
                                      'quote': quote}, k + 2)
                            break
                        if kind == 2 and (k + 1 == n or data[k + 1] == '\n'):
                            found = ({'delim': delim, 'space': space,
                                      'quote': quote}, k + 1)
                            break
                    k += 1
        else:
            opened = _open_quote(data, p, n)
            if opened is not None:
                quote, k = opened
                while k < n:
                    if data[k] == quote:
                        if kind == 1 and k + 1 < n and \
                                _is_delim_char(data[k + 1]):
                            end = k + 2
                            space = ''
                            if end < n and data[end] == ' ':
                                space = ' '
                                end += 1
                            found = ({'quote': quote, 'delim': data[k + 1],
                                      'space': space}, end)
                            break
                        if kind == 3 and (k + 1 == n or data[k + 1] == '\n'):
                            found = ({'quote': quote}, k + 1)
                            break
                    k += 1
        if found is None:
            p += 1
            continue
        out.append(found[0])
        p = found[1] if found[1] > p else p + 1
    return out


def _has_double_quote(data, delim, quote):
    """Whether three quotes sit between delimiters with no delimiter or
    newline among them (CPython's dq_regexp)."""
    n = len(data)

    def before_ok(a):
        # A run of non-word characters back to a delimiter or line start.
        if not delim:
            return True
        s = a
        while True:
            if s == 0 or data[s - 1] == '\n' or data[s - 1] == delim:
                return True
            if _is_word(data[s - 1]):
                return False
            s -= 1

    def after_ok(c):
        if not delim:
            return True
        e = c + 1
        while True:
            if e == n or data[e] == '\n' or data[e] == delim:
                return True
            if _is_word(data[e]):
                return False
            e += 1

    start = 0
    while start <= n:
        end = start
        while end < n and data[end] != '\n' and \
                (not delim or data[end] != delim):
            end += 1
        quotes = [i for i in range(start, end) if data[i] == quote]
        for i in range(len(quotes)):
            if not before_ok(quotes[i]):
                continue
            for j in range(i + 2, len(quotes)):
                if after_ok(quotes[j]):
                    return True
        start = end + 1
    return False


class Sniffer:
    """"Sniffs" the format of a CSV file (i.e. delimiter, quotechar).
    Returns a Dialect object."""

    def __init__(self):
        # in case there is more than one possible delimiter
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """Returns a dialect (or None) corresponding to the sample."""
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample,
                                                                delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        # _csv.reader won't accept a quotechar of ''
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        """Looks for text enclosed between two identical quotes (the
        probable quotechar) preceded and followed by the same character
        (the probable delimiter)."""
        matches = []
        for kind in range(4):
            matches = _quote_matches(data, kind)
            if matches:
                break
        if not matches:
            return ('', False, None, 0)
        quotes = {}
        delims = {}
        spaces = 0
        for m in matches:
            key = m['quote']
            if key:
                quotes[key] = quotes.get(key, 0) + 1
            if 'delim' not in m:
                continue
            key = m['delim']
            if key and (delimiters is None or key in delimiters):
                delims[key] = delims.get(key, 0) + 1
            if m['space']:
                spaces += 1
        quotechar = max(quotes, key=quotes.get)
        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == '\n':
                delim = ''
        else:
            delim = ''
            skipinitialspace = 0
        doublequote = _has_double_quote(data, delim, quotechar)
        return (quotechar, doublequote, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        """The character that appears equally often on (almost) every
        line: frequencies are tallied per line for chunks of ten lines,
        and a character qualifies when the most common count covers 90%
        or more of the lines read."""
        data = [line for line in data.split('\n') if line]
        ascii = [chr(c) for c in range(127)]
        chunkLength = min(10, len(data))
        iteration = 0
        charFrequency = {}
        modes = {}
        delims = {}
        start, end = 0, chunkLength
        while start < len(data):
            iteration += 1
            for line in data[start:end]:
                for char in ascii:
                    metaFrequency = charFrequency.get(char, {})
                    freq = line.count(char)
                    metaFrequency[freq] = metaFrequency.get(freq, 0) + 1
                    charFrequency[char] = metaFrequency
            for char in charFrequency.keys():
                items = list(charFrequency[char].items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                if len(items) > 1:
                    best = max(items, key=lambda x: x[1])
                    items.remove(best)
                    modes[char] = (best[0],
                                   best[1] - sum([item[1] for item in items]))
                else:
                    modes[char] = items[0]
            modeList = modes.items()
            total = float(min(chunkLength * iteration, len(data)))
            consistency = 1.0
            threshold = 0.9
            while len(delims) == 0 and consistency >= threshold:
                for k, v in modeList:
                    if v[0] > 0 and v[1] > 0:
                        if ((v[1] / total) >= consistency and
                                (delimiters is None or k in delimiters)):
                            delims[k] = v
                consistency -= 0.01
            if len(delims) == 1:
                delim = list(delims.keys())[0]
                skipinitialspace = (data[0].count(delim) ==
                                    data[0].count("%c " % delim))
                return (delim, skipinitialspace)
            start = end
            end += chunkLength
        if not delims:
            return ('', 0)
        if len(delims) > 1:
            for d in self.preferred:
                if d in delims.keys():
                    skipinitialspace = (data[0].count(d) ==
                                        data[0].count("%c " % d))
                    return (d, skipinitialspace)
        items = [(v, k) for (k, v) in delims.items()]
        items.sort()
        delim = items[-1][1]
        skipinitialspace = (data[0].count(delim) ==
                            data[0].count("%c " % delim))
        return (delim, skipinitialspace)

    def has_header(self, sample):
        """Whether the first row looks like a header: columns whose values
        below are all numbers (or all one length) vote on whether the
        first row differs from them."""
        rdr = reader(_lines(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        columnTypes = {}
        for i in range(columns):
            columnTypes[i] = None
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(columnTypes.keys()):
                thisType = complex
                try:
                    thisType(row[col])
                except (ValueError, OverflowError):
                    thisType = len(row[col])
                if thisType != columnTypes[col]:
                    if columnTypes[col] is None:
                        columnTypes[col] = thisType
                    else:
                        del columnTypes[col]
        hasHeader = 0
        for col, colType in columnTypes.items():
            if isinstance(colType, int):
                if len(header[col]) != colType:
                    hasHeader += 1
                else:
                    hasHeader -= 1
            else:
                try:
                    colType(header[col])
                except (ValueError, TypeError):
                    hasHeader += 1
                else:
                    hasHeader -= 1
        return hasHeader > 0


def _lines(text):
    """text split after each '\\n', as iterating over a StringIO does."""
    out = []
    start = 0
    while True:
        i = text.find('\n', start)
        if i < 0:
            break
        out.append(text[start:i + 1])
        start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out
