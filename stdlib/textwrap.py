"""Text wrapping and filling (CPython 3.11's textwrap).

weft note: CPython splits text into chunks with regular expressions
(`wordsep_re`, `wordsep_simple_re`, `sentence_end_re`); here a hand-written
scanner finds the same chunks, so `import textwrap` needs no regex engine and
TextWrapper has no such attributes to override.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only ASCII whitespace separates words (a no-break space does not).
_whitespace = '\t\n\x0b\x0c\r '
_WS = frozenset(_whitespace)


def _is_word(c):
    return c == '_' or c.isalnum()


def _is_letter(c):
    # A word character that is not a decimal digit.
    return (c == '_' or c.isalnum()) and not c.isdecimal()


def _is_word_punct(c):
    return c in '!"\'&.,?' or c == '_' or c.isalnum()


def _dash_run(text, i, n):
    j = i
    while j < n and text[j] == '-':
        j += 1
    return j - i


def _em_dash_at(text, i, n):
    """Two or more '-' at i followed by a word character."""
    d = _dash_run(text, i, n)
    return d >= 2 and i + d < n and _is_word(text[i + d])


def _hyphen_break_at(text, q, n):
    """A break after the '-' at q inside a hyphenated word: two letters (or
    letter-hyphen-letter) before it, and letter, optional '-', letter after."""
    if not ((q >= 2 and _is_letter(text[q - 2]) and _is_letter(text[q - 1]))
            or (q >= 3 and _is_letter(text[q - 3]) and text[q - 2] == '-'
                and _is_letter(text[q - 1]))):
        return False
    if q + 1 >= n or not _is_letter(text[q + 1]):
        return False
    if q + 2 < n and _is_letter(text[q + 2]):
        return True
    return q + 3 < n and text[q + 2] == '-' and _is_letter(text[q + 3])


def _split_words(text):
    """Chunks at whitespace runs, em-dashes and the hyphens of hyphenated
    words (what CPython's wordsep_re finds)."""
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        c = text[p]
        if c in _WS:
            q = p + 1
            while q < n and text[q] in _WS:
                q += 1
        elif c == '-' and p > 0 and _is_word_punct(text[p - 1]) and \
                _em_dash_at(text, p, n):
            q = p + _dash_run(text, p, n)
        else:
            q = p + 1
            while True:
                if q >= n or text[q] in _WS:
                    break
                if text[q] == '-':
                    if _hyphen_break_at(text, q, n):
                        q += 1
                        break
                    if _is_word_punct(text[q - 1]) and _em_dash_at(text, q, n):
                        break
                q += 1
        chunks.append(text[p:q])
        p = q
    return chunks


def _split_simple(text):
    """Chunks at whitespace runs only."""
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        ws = text[p] in _WS
        q = p + 1
        while q < n and (text[q] in _WS) == ws:
            q += 1
        chunks.append(text[p:q])
        p = q
    return chunks


def _sentence_end(chunk):
    # A lowercase ASCII letter, then '.', '!' or '?', then an optional quote.
    if chunk and chunk[-1] in '"\'':
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


_unicode_whitespace_trans = {}
for _c in _whitespace:
    _unicode_whitespace_trans[ord(_c)] = ' '
del _c


class TextWrapper:
    """Object for wrapping/filling text. The public interface consists of
    the wrap() and fill() methods; the other methods are overridable steps."""

    unicode_whitespace_trans = _unicode_whitespace_trans

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Break after the last hyphen that fits, unless only
                # hyphens come before it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)
            if width < 0 and not chunks[-1]:
                # An indent wider than the width leaves empty chunks behind
                # a broken word; CPython loops forever on them.
                del chunks[-1]
                continue
            # A line never starts with whitespace (but the first may).
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                    (not chunks or
                     self.drop_whitespace and len(chunks) == 1 and
                     not chunks[0].strip()) and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last allowed line: end it with the placeholder.
            while cur_line:
                if (cur_line[-1].strip() and
                        cur_len + len(self.placeholder) <= width):
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if (len(prev_line) + len(self.placeholder) <=
                            self.width):
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """Wrap the single paragraph in text into a list of lines of at most
        self.width characters, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap the single paragraph in text and return one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text into a list of lines of at most width
    characters; keyword arguments are TextWrapper's options."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text: wrap() joined with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate text to fit in width characters, ending with
    the placeholder if anything was dropped."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _leading_blank(line):
    # The run of spaces and tabs that starts line.
    i = 0
    n = len(line)
    while i < n and (line[i] == ' ' or line[i] == '\t'):
        i += 1
    return line[:i]


def dedent(text):
    """Remove any common leading whitespace (spaces and tabs) from every
    line; lines of only spaces and tabs become empty and do not count."""
    lines = text.split('\n')
    margin = None
    for idx in range(len(lines)):
        line = lines[idx]
        lead = _leading_blank(line)
        if len(lead) == len(line):
            lines[idx] = ''
            continue
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            for i in range(min(len(margin), len(lead))):
                if margin[i] != lead[i]:
                    margin = margin[:i]
                    break
    if margin:
        m = len(margin)
        for idx in range(len(lines)):
            if lines[idx].startswith(margin):
                lines[idx] = lines[idx][m:]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate is true (by
    default, the lines that are not only whitespace)."""
    out = []
    for line in text.splitlines(True):
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
