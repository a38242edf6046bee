"""General functions for HTML manipulation: escape and unescape (CPython 3.11).

weft note: unescape scans for character references by hand (CPython uses a
regular expression); it accepts and rewrites exactly the same references.
"""

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace &, < and > (and, if quote is true, " and ') with HTML-safe
    sequences."""
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


# Numeric references the HTML5 parser rewrites (the Windows-1252 meanings of
# 0x80-0x9F, NUL and CR), from the spec's "numeric character reference end
# state".
_invalid_charrefs = {
    0x00: '\ufffd', 0x0d: '\r', 0x80: '\u20ac', 0x81: '\x81', 0x82: '\u201a',
    0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020',
    0x87: '\u2021', 0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160',
    0x8b: '\u2039', 0x8c: '\u0152', 0x8d: '\x8d', 0x8e: '\u017d', 0x8f: '\x8f',
    0x90: '\x90', 0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c',
    0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014',
    0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a',
    0x9c: '\u0153', 0x9d: '\x9d', 0x9e: '\u017e', 0x9f: '\u0178',
}


def _is_invalid_codepoint(cp):
    # Control characters and noncharacters: the reference is dropped.
    if 0x1 <= cp <= 0x8 or cp == 0xb or 0xe <= cp <= 0x1f:
        return True
    if 0x7f <= cp <= 0x9f or 0xfdd0 <= cp <= 0xfdef:
        return True
    return (cp & 0xfffe) == 0xfffe


_DIGITS = frozenset('0123456789')
_HEX = frozenset('0123456789abcdefABCDEF')
_NAME_STOP = frozenset('\t\n\f <&#;')
_html5 = None


def _numeric(num):
    if num in _invalid_charrefs:
        return _invalid_charrefs[num]
    if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
        return '\uFFFD'
    if _is_invalid_codepoint(num):
        return ''
    return chr(num)


def _named(name):
    global _html5
    if _html5 is None:
        from html.entities import html5
        _html5 = html5
    if name in _html5:
        return _html5[name]
    # The longest prefix that is a reference allowed without ';'.
    for x in range(len(name) - 1, 1, -1):
        if name[:x] in _html5:
            return _html5[name[:x]] + name[x:]
    return '&' + name


def unescape(s):
    """Convert all named and numeric character references (e.g. &gt;, &#62;,
    &#x3e;) in s to the corresponding Unicode characters, as the HTML5
    standard does for valid and invalid references."""
    if '&' not in s:
        return s
    n = len(s)
    out = []
    pos = 0
    i = s.find('&')
    while i >= 0:
        j = i + 1
        repl = None
        if j < n and s[j] == '#':
            k = j + 1
            while k < n and s[k] in _DIGITS:
                k += 1
            if k > j + 1:
                num = int(s[j + 1:k])
                repl = _numeric(num)
            elif k < n and (s[k] == 'x' or s[k] == 'X'):
                k += 1
                while k < n and s[k] in _HEX:
                    k += 1
                if k > j + 2:
                    repl = _numeric(int(s[j + 2:k], 16))
            if repl is not None and k < n and s[k] == ';':
                k += 1
        else:
            k = j
            while k < n and k - j < 32 and s[k] not in _NAME_STOP:
                k += 1
            if k > j:
                if k < n and s[k] == ';':
                    k += 1
                repl = _named(s[j:k])
        if repl is None:
            i = s.find('&', j)
            continue
        out.append(s[pos:i])
        out.append(repl)
        pos = k
        i = s.find('&', k)
    out.append(s[pos:])
    return ''.join(out)
