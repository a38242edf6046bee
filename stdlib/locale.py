"""Locale services for the C locale, as CPython 3.11's locale module
documents them.

Written for weft, which always formats numbers and compares text as the C
(and C.UTF-8) locale does: setlocale() accepts "C", "POSIX", "C.UTF-8"
and "" (the environment's choice when it is one of those) and raises
locale.Error for any other locale.
"""

import os
import sys

_str = str  # the module defines its own str() below

__all__ = [
    "getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
    "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm", "str",
    "atof", "atoi", "format", "format_string", "currency", "normalize",
    "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY", "LC_NUMERIC",
    "LC_ALL", "LC_MESSAGES", "CHAR_MAX", "getencoding",
]

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

_NAMES = {
    LC_CTYPE: "LC_CTYPE", LC_NUMERIC: "LC_NUMERIC", LC_TIME: "LC_TIME",
    LC_COLLATE: "LC_COLLATE", LC_MONETARY: "LC_MONETARY",
    LC_MESSAGES: "LC_MESSAGES",
}
# glibc's LC_ALL string also lists these categories (always "C" here).
_EXTRA = ("LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE",
          "LC_MEASUREMENT", "LC_IDENTIFICATION")


class Error(Exception):
    pass


def _supported(name):
    n = name.lower().replace("-", "").replace("_", "")
    if name in ("C", "POSIX"):
        return "C"
    if n in ("c.utf8",):
        return "C.UTF-8"
    return None


def _env_choice(category):
    for var in ("LC_ALL", _NAMES.get(category, "LC_CTYPE"), "LANG"):
        v = os.environ.get(var)
        if v:
            return v
    return "C"


# CPython sets LC_CTYPE from the environment at start-up; the rest stay C.
_current = {c: "C" for c in _NAMES}
_current[LC_CTYPE] = _supported(_env_choice(LC_CTYPE)) or "C"


def _all_string():
    values = [_current[c] for c in sorted(_NAMES)]
    if all(v == values[0] for v in values):
        return values[0]
    parts = [f"{_NAMES[c]}={_current[c]}" for c in sorted(_NAMES)]
    parts += [f"{n}=C" for n in _EXTRA]
    return ";".join(parts)


def setlocale(category, locale=None):
    """Set (or with locale None, query) the locale of a category."""
    if category not in _NAMES and category != LC_ALL:
        raise Error("unsupported locale setting")
    if locale is not None and not isinstance(locale, _str):
        locale = _build_localename(locale)
    if locale is None:
        return _all_string() if category == LC_ALL else _current[category]
    if locale == "":
        locale = _env_choice(category)
    name = _supported(locale)
    if name is None:
        raise Error("unsupported locale setting")
    if category == LC_ALL:
        for c in _NAMES:
            _current[c] = name
        return name
    _current[category] = name
    return name


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
    except (TypeError, ValueError):
        raise TypeError("Locale must be None, a string, or an iterable of two strings -- language code, encoding.") from None
    if language is None:
        language = "C"
    if encoding is None:
        return language
    return language + "." + encoding


def normalize(localename):
    """A locale name in its canonical form ('C.UTF-8' for the C locale
    with UTF-8)."""
    code = localename.lower()
    if code in ("c", "posix"):
        return "C"
    if code in ("c.utf8", "c.utf-8"):
        return "C.UTF-8"
    if "." in localename:
        lang, _, enc = localename.partition(".")
        enc_n = enc.upper().replace("UTF8", "UTF-8")
        return f"{lang}.{enc_n}"
    return localename


def _parse(name):
    if name in ("C", "POSIX"):
        return (None, None)
    if name.upper() in ("C.UTF-8", "C.UTF8"):
        # CPython's alias table maps C.UTF-8 to en_US.UTF-8.
        return ("en_US", "UTF-8")
    if "." in name:
        lang, _, enc = name.partition(".")
        return (lang, enc)
    return (name, None)


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of the category's locale."""
    if category == LC_ALL:
        raise TypeError("category LC_ALL is not supported")
    return _parse(_current[category])


def getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    for var in envvars:
        v = os.environ.get(var)
        if v:
            if var == "LANGUAGE":
                v = v.split(":")[0]
            return _parse(normalize(v))
    return (None, None)


def resetlocale(category=LC_ALL):
    setlocale(category, "")


def getpreferredencoding(do_setlocale=True):
    return "UTF-8"


def getencoding():
    return "UTF-8"


def localeconv():
    """The C locale's number and currency conventions."""
    return {
        "int_curr_symbol": "", "currency_symbol": "", "mon_decimal_point": "",
        "mon_thousands_sep": "", "mon_grouping": [], "positive_sign": "",
        "negative_sign": "", "int_frac_digits": CHAR_MAX,
        "frac_digits": CHAR_MAX, "p_cs_precedes": CHAR_MAX,
        "p_sep_by_space": CHAR_MAX, "n_cs_precedes": CHAR_MAX,
        "n_sep_by_space": CHAR_MAX, "p_sign_posn": CHAR_MAX,
        "n_sign_posn": CHAR_MAX, "decimal_point": ".", "thousands_sep": "",
        "grouping": [],
    }


def strcoll(a, b):
    if not isinstance(a, _str) or not isinstance(b, _str):
        raise TypeError("strcoll arguments must be strings")
    return (a > b) - (a < b)


def strxfrm(string):
    if not isinstance(string, _str):
        raise TypeError(f"strxfrm() argument must be str, not {type(string).__name__}")
    return string


def format_string(f, val, grouping=False, monetary=False):
    """f % val, with the locale's decimal point and grouping (the C
    locale has no grouping, so this is f % val)."""
    return f % val


def format(percent, value, grouping=False, monetary=False, *additional):
    if not percent.startswith("%") or percent.count("%") != 1 and not percent.endswith("%%"):
        raise ValueError("format() must be given exactly one %char format specifier, "
                         f"{percent!r} not valid")
    return percent % ((value,) + additional if additional else value)


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return format_string("%.12g", val)


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))


CODESET = 14
D_T_FMT = 0x20028
D_FMT = 0x20029
T_FMT = 0x2002A
RADIXCHAR = 0x10000
THOUSEP = 0x10001
YESEXPR = 0x50000
NOEXPR = 0x50001


def nl_langinfo(option):
    values = {
        CODESET: "UTF-8" if _current[LC_CTYPE] != "C" else "ANSI_X3.4-1968",
        D_T_FMT: "%a %b %e %H:%M:%S %Y", D_FMT: "%m/%d/%y", T_FMT: "%H:%M:%S",
        RADIXCHAR: ".", THOUSEP: "", YESEXPR: "^[yY]", NOEXPR: "^[nN]",
    }
    if option not in values:
        raise ValueError("unsupported langinfo constant")
    return values[option]
