"""Common string operations: constants, Template and Formatter (CPython 3.11).

weft notes: Template's default identifier rules are matched by a hand-written
scanner, so `import string` needs no regular-expression engine; a subclass that
overrides `idpattern`, `braceidpattern`, `flags` or `pattern` is compiled with
`re` as CPython does.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s by sep, capitalize each word, and join them with sep (a space
    when sep is None)."""
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


# ---------------------------------------------------------------- Template

_ID_START = frozenset('_' + ascii_letters)
_ID_REST = frozenset('_' + ascii_letters + digits)
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_RE_IGNORECASE = 2  # re.IGNORECASE, so `flags` has CPython's value without re


class _Sentinel:
    __slots__ = ()


_sentinel_dict = {}


class _ChainKw:
    """Keyword arguments looked up before the positional mapping."""
    __slots__ = ('kws', 'mapping')

    def __init__(self, kws, mapping):
        self.kws = kws
        self.mapping = mapping

    def __getitem__(self, key):
        if key in self.kws:
            return self.kws[key]
        return self.mapping[key]


def _compile_pattern(cls):
    import re
    own = cls.__dict__.get('pattern')
    if own is not None and not isinstance(own, _PatternAttr):
        pat = own
    else:
        delim = re.escape(cls.delimiter)
        ident = cls.idpattern
        bident = cls.braceidpattern or cls.idpattern
        pat = r"""
        %s(?:
          (?P<escaped>%s) |
          (?P<named>%s)      |
          {(?P<braced>%s)}   |
          (?P<invalid>)
        )
        """ % (delim, delim, ident, bident)
    if isinstance(pat, str):
        return re.compile(pat, cls.flags | re.VERBOSE)
    return pat


class _PatternAttr:
    """`Template.pattern`: the compiled regular expression, built on first use
    (the scanner below does not need it)."""

    def __get__(self, inst, owner):
        cache = owner.__dict__.get('_compiled')
        if cache is None:
            cache = _compile_pattern(owner)
            owner._compiled = cache
        return cache


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _RE_IGNORECASE
    pattern = _PatternAttr()
    _uses_re = False

    def __init_subclass__(cls):
        super().__init_subclass__()
        # The scanner knows only the default identifier rules: anything
        # else, here or inherited, is compiled with re.
        custom = (cls.idpattern != _DEFAULT_IDPATTERN or
                  cls.braceidpattern is not None or
                  cls.flags != _RE_IGNORECASE)
        for klass in cls.__mro__:
            if klass is not Template and 'pattern' in klass.__dict__:
                custom = True
        cls._uses_re = custom
        cls._compiled = None
        if custom:
            cls._compiled = _compile_pattern(cls)
            cls.pattern = cls._compiled

    def __init__(self, template):
        self.template = template

    # Each item of _scan is (start, end, kind, name): kind is 'escaped',
    # 'named', 'braced' or 'invalid' (for 'invalid', start is where the
    # placeholder's text begins after the delimiter, as CPython reports it).
    def _scan(self):
        if self._uses_re:
            for mo in self.pattern.finditer(self.template):
                g = mo.groupdict()
                if g.get('escaped') is not None:
                    yield mo.start(), mo.end(), 'escaped', None
                elif g.get('named') is not None:
                    yield mo.start(), mo.end(), 'named', g['named']
                elif g.get('braced') is not None:
                    yield mo.start(), mo.end(), 'braced', g['braced']
                elif g.get('invalid') is not None:
                    yield mo.start('invalid'), mo.end(), 'invalid', None
                else:
                    raise ValueError('Unrecognized named group in pattern',
                                     self.pattern)
            return
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(s)
        i = s.find(delim)
        while i >= 0:
            j = i + dl
            if s.startswith(delim, j):
                yield i, j + dl, 'escaped', None
                i = s.find(delim, j + dl)
                continue
            if j < n and s[j] in _ID_START:
                k = j + 1
                while k < n and s[k] in _ID_REST:
                    k += 1
                yield i, k, 'named', s[j:k]
                i = s.find(delim, k)
                continue
            if j < n and s[j] == '{' and j + 1 < n and s[j + 1] in _ID_START:
                k = j + 2
                while k < n and s[k] in _ID_REST:
                    k += 1
                if k < n and s[k] == '}':
                    yield i, k + 1, 'braced', s[j + 1:k]
                    i = s.find(delim, k + 1)
                    continue
            yield j, j, 'invalid', None
            i = s.find(delim, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _render(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainKw(kws, mapping)
        s = self.template
        out = []
        pos = 0
        for start, end, kind, name in self._scan():
            if kind == 'invalid':
                if safe:
                    continue
                self._invalid(start)
            out.append(s[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[start:end])
            else:
                out.append(str(mapping[name]))
        out.append(s[pos:])
        return ''.join(out)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._render(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._render(mapping, kws, True)

    def is_valid(self):
        for item in self._scan():
            if item[2] == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for item in self._scan():
            name = item[3]
            if name is not None and name not in ids:
                ids.append(name)
        return ids


# --------------------------------------------------------------- Formatter

def _parse_format(s):
    """The (literal, field_name, format_spec, conversion) items of a format
    string, with str.format's escapes and error messages."""
    n = len(s)
    i = 0
    while i < n:
        lit_start = i
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        if not markup:
            yield s[lit_start:i], None, None, None
            return
        if c == '}' and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        if s[i] == c:
            # A doubled brace: the literal keeps one of them.
            i += 1
            yield s[lit_start:i - 1], None, None, None
            continue
        literal = s[lit_start:i - 1]
        # The field name runs to '}', ':' or '!'; '[...]' may hold any of them.
        name_start = i
        name_end = -1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
            elif c == '}' or c == ':' or c == '!':
                name_end = i - 1
                break
        if name_end < 0:
            raise ValueError("expected '}' before end of string")
        field = s[name_start:name_end]
        conversion = None
        if c == '!' or c == ':':
            if c == '!':
                if i >= n:
                    raise ValueError(
                        'end of string while looking for conversion specifier')
                conversion = s[i]
                i += 1
                if i < n:
                    c = s[i]
                    i += 1
                    if c == '}':
                        yield literal, field, '', conversion
                        continue
                    if c != ':':
                        raise ValueError(
                            "expected ':' after conversion specifier")
            spec_start = i
            depth = 1
            while i < n:
                c = s[i]
                i += 1
                if c == '{':
                    depth += 1
                elif c == '}':
                    depth -= 1
                    if depth == 0:
                        break
            if depth != 0:
                raise ValueError("unmatched '{' in format spec")
            yield literal, field, s[spec_start:i - 1], conversion
        else:
            yield literal, field, '', None


def _as_index(text):
    if text and text.isdecimal():
        return int(text)
    return text


def _field_rest(name, i):
    n = len(name)
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and name[i] != '.' and name[i] != '[':
                i += 1
            if i == start:
                raise ValueError('Empty attribute in format string')
            yield True, name[start:i]
        elif c == '[':
            start = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            if i == start:
                raise ValueError('Empty attribute in format string')
            key = name[start:i]
            i += 1
            if i < n and name[i] != '.' and name[i] != '[':
                raise ValueError("Only '.' or '[' may follow ']' in format "
                                 "field specifier")
            yield False, _as_index(key)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field "
                             "specifier")


def _split_field_name(name):
    i = 0
    n = len(name)
    while i < n and name[i] != '.' and name[i] != '[':
        i += 1
    return _as_index(name[:i]), _field_rest(name, i)


class Formatter:
    """The str.format machinery, with each step a method to override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
