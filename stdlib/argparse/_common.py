"""argparse internals: constants, ArgumentError and the text and nargs
helpers the formatters and the parser share."""

import sys as _sys

SUPPRESS = '==SUPPRESS=='

OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'
_UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args'


def _(message):
    # The messages are not translated.
    return message


def ngettext(singular, plural, n):
    return singular if n == 1 else plural


class _AttributeHolder(object):
    """Abstract base class that provides __repr__: the constructor's
    arguments as they would be written."""

    def __repr__(self):
        type_name = type(self).__name__
        arg_strings = []
        star_args = {}
        for arg in self._get_args():
            arg_strings.append(repr(arg))
        for name, value in self._get_kwargs():
            if name.isidentifier():
                arg_strings.append('%s=%r' % (name, value))
            else:
                star_args[name] = value
        if star_args:
            arg_strings.append('**%s' % repr(star_args))
        return '%s(%s)' % (type_name, ', '.join(arg_strings))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


def _get_action_name(argument):
    if argument is None:
        return None
    elif argument.option_strings:
        return '/'.join(argument.option_strings)
    elif argument.metavar not in (None, SUPPRESS):
        return argument.metavar
    elif argument.dest not in (None, SUPPRESS):
        return argument.dest
    elif argument.choices:
        return '{' + ','.join(argument.choices) + '}'
    else:
        return None


class ArgumentError(Exception):
    """An error from creating or using an argument (optional or
    positional); str() gives the argument's name and the message."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            format = '%(message)s'
        else:
            format = _('argument %(argument_name)s: %(message)s')
        return format % dict(message=self.message,
                             argument_name=self.argument_name)


class ArgumentTypeError(Exception):
    """An error from trying to convert a command line string to a type."""
    pass


ArgumentError.__module__ = 'argparse'
ArgumentTypeError.__module__ = 'argparse'


# ------------------------------------------------------------ text helpers

_ASCII_SPACE = ' \t\n\r\x0b\x0c'


def _collapse_space(text):
    """Runs of ASCII whitespace as one space (re.sub(r'\\s+', ' ', text,
    flags=re.ASCII))."""
    out = []
    in_space = False
    for c in text:
        if c in _ASCII_SPACE:
            if not in_space:
                out.append(' ')
                in_space = True
        else:
            out.append(c)
            in_space = False
    return ''.join(out)


def _squeeze_blank_lines(text):
    """Three or more newlines in a row become two."""
    while '\n\n\n' in text:
        text = text.replace('\n\n\n', '\n\n')
    return text


def _usage_parts(text):
    """The wrappable parts of a usage string: a bracketed or parenthesised
    group (up to a closing bracket followed by a space or the end), or a
    run of non-space characters."""
    parts = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        end = -1
        if c == '(' or c == '[':
            close = ')' if c == '(' else ']'
            k = i + 1
            while k < n and text[k] != '\n':
                if text[k] == close:
                    m = k
                    while m < n and text[m] == close:
                        m += 1
                    if m == n or text[m].isspace():
                        end = m
                        break
                    k = m
                    continue
                k += 1
        if end < 0:
            end = i + 1
            while end < n and not text[end].isspace():
                end += 1
        parts.append(text[i:end])
        i = end
    return parts


def _clean_group_marks(text):
    """Tidy the brackets of groups in a usage string: no space after an
    opening or before a closing mark, and no empty pairs."""
    opens = '[('
    closes = '])'
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        out.append(c)
        if c in opens and i + 1 < n and text[i + 1] == ' ':
            i += 2
            continue
        i += 1
    text = ''.join(out)
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] == ' ' and i + 1 < n and text[i + 1] in closes:
            i += 1
            continue
        out.append(text[i])
        i += 1
    text = ''.join(out)
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] in opens:
            j = i + 1
            while j < n and text[j] == ' ':
                j += 1
            if j < n and text[j] in closes:
                i = j + 1
                continue
        out.append(text[i])
        i += 1
    return ''.join(out).strip()


def _looks_negative(s):
    """'-5', '-.5', '-1.25' (CPython's ^-\\d+$|^-\\d*\\.\\d+$)."""
    if s.endswith('\n'):
        s = s[:-1]
    if len(s) < 2 or s[0] != '-':
        return False
    body = s[1:]
    if body.isdecimal():
        return True
    head, dot, tail = body.partition('.')
    return bool(dot) and (not head or head.isdecimal()) and \
        bool(tail) and tail.isdecimal()


def _terminal_width():
    try:
        import shutil
        return shutil.get_terminal_size().columns
    except Exception:
        pass
    try:
        import os
        columns = int(os.environ['COLUMNS'])
        if columns > 0:
            return columns
    except Exception:
        pass
    return 80


def _basename(path):
    try:
        import os.path
        return os.path.basename(path)
    except ImportError:
        return path.rsplit('/', 1)[-1]


# ----------------------------------------------------------- nargs matcher

_INF = 1 << 30


def _nargs_tokens(nargs, optional):
    """The pattern CPython writes as a regular expression over 'A' (an
    argument), 'O' (an option) and '-' ('--'), as (charset, min, max)
    tokens."""
    dashes = ('-', 0, _INF)
    if nargs is None:
        toks = [dashes, ('A', 1, 1), dashes]
    elif nargs == OPTIONAL:
        toks = [dashes, ('A', 0, 1), dashes]
    elif nargs == ZERO_OR_MORE:
        toks = [dashes, ('A-', 0, _INF)]
    elif nargs == ONE_OR_MORE:
        toks = [dashes, ('A', 1, 1), ('A-', 0, _INF)]
    elif nargs == REMAINDER:
        toks = [('-AO', 0, _INF)]
    elif nargs == PARSER:
        toks = [dashes, ('A', 1, 1), ('-AO', 0, _INF)]
    elif nargs == SUPPRESS:
        toks = [dashes, dashes]
    else:
        toks = [dashes]
        for _i in range(nargs):
            toks.append(('A', 1, 1))
            toks.append(dashes)
    if optional:
        # An option's arguments never include '--'.
        kept = []
        for charset, lo, hi in toks:
            charset = charset.replace('-', '')
            if charset:
                kept.append((charset, lo, hi))
        toks = kept
    return toks


def _match_groups(groups, s):
    """Match the token groups at the start of s, greedily with
    backtracking as re.match does; the length each group matched, or
    None."""
    tokens = []
    for g, toks in enumerate(groups):
        for charset, lo, hi in toks:
            tokens.append((charset, lo, hi, g))
    counts = [0] * len(tokens)
    n = len(s)

    def rec(ti, pos):
        if ti == len(tokens):
            return True
        charset, lo, hi, _g = tokens[ti]
        k = 0
        while k < hi and pos + k < n and s[pos + k] in charset:
            k += 1
        while k >= lo:
            counts[ti] = k
            if rec(ti + 1, pos + k):
                return True
            k -= 1
        return False

    if not rec(0, 0):
        return None
    lengths = [0] * len(groups)
    for ti in range(len(tokens)):
        lengths[tokens[ti][3]] += counts[ti]
    return lengths
