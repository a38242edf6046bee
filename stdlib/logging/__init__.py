"""Logging package (CPython 3.11's logging).

Loggers in a dotted-name hierarchy with levels and propagation, handlers
(stream, file, null), formatters with %-, {- and $-style record fields,
filters, LoggerAdapter, basicConfig and the module-level shortcuts.

weft notes: weft runs one OS thread, so locks are no-ops and record.thread
is None (threadName 'MainThread'). The caller's file, line and function
(%(filename)s, %(lineno)d, %(funcName)s, %(module)s, %(pathname)s) come from
sys._getframe when the runtime has it; until then they are CPython's
"unknown" values. Times use time.localtime/strftime when the time module
has them, else the datetime module. Tracebacks are formatted by the
traceback module when it can be imported, else as the exception's last line.
"""

import sys
import time

__all__ = ['BASIC_FORMAT', 'BufferingFormatter', 'CRITICAL', 'DEBUG', 'ERROR',
           'FATAL', 'FileHandler', 'Filter', 'Formatter', 'Handler', 'INFO',
           'LogRecord', 'Logger', 'LoggerAdapter', 'NOTSET', 'NullHandler',
           'StreamHandler', 'WARN', 'WARNING', 'addLevelName', 'basicConfig',
           'captureWarnings', 'critical', 'debug', 'disable', 'error',
           'exception', 'fatal', 'getLevelName', 'getLogger', 'getLoggerClass',
           'info', 'log', 'makeLogRecord', 'setLoggerClass', 'shutdown',
           'warn', 'warning', 'getLogRecordFactory', 'setLogRecordFactory',
           'lastResort', 'raiseExceptions', 'getLevelNamesMapping']

__author__ = "Vinay Sajip <vinay_sajip@red-dove.com>"
__status__ = "production"
__version__ = "0.5.1.2"
__date__ = "07 February 2010"

_startTime = time.time()

# Whether exceptions during handling propagate (True for development).
raiseExceptions = True
logThreads = True
logMultiprocessing = True
logProcesses = True

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {
    CRITICAL: 'CRITICAL',
    ERROR: 'ERROR',
    WARNING: 'WARNING',
    INFO: 'INFO',
    DEBUG: 'DEBUG',
    NOTSET: 'NOTSET',
}
_nameToLevel = {
    'CRITICAL': CRITICAL,
    'FATAL': FATAL,
    'ERROR': ERROR,
    'WARN': WARNING,
    'WARNING': WARNING,
    'INFO': INFO,
    'DEBUG': DEBUG,
    'NOTSET': NOTSET,
}


def getLevelNamesMapping():
    return _nameToLevel.copy()


def getLevelName(level):
    """Return the textual or numeric representation of logging level
    'level' ("Level %s" for an unregistered number)."""
    result = _levelToName.get(level)
    if result is not None:
        return result
    result = _nameToLevel.get(level)
    if result is not None:
        return result
    return "Level %s" % level


def addLevelName(level, levelName):
    """Associate 'levelName' with 'level'."""
    _levelToName[level] = levelName
    _nameToLevel[levelName] = level


def currentframe():
    getframe = getattr(sys, '_getframe', None)
    return None if getframe is None else getframe(1)


# Set to None to skip finding the caller's file, line and function (they
# are then CPython's "unknown" values).
_srcfile = getLevelName.__code__.co_filename


def _checkLevel(level):
    if isinstance(level, int):
        rv = level
    elif str(level) == level:
        if level not in _nameToLevel:
            raise ValueError("Unknown level: %r" % level)
        rv = _nameToLevel[level]
    else:
        raise TypeError("Level not an integer or a valid string: %r"
                        % (level,))
    return rv


class _NoLock:
    """weft has one OS thread: locking is a no-op."""

    def acquire(self, blocking=True, timeout=-1):
        return True

    def release(self):
        pass

    def __enter__(self):
        return True

    def __exit__(self, *exc):
        return False


_lock = _NoLock()


def _acquireLock():
    pass


def _releaseLock():
    pass


def _basename(path):
    i = path.rfind('/')
    return path[i + 1:] if i >= 0 else path


def _splitext_root(name):
    i = name.rfind('.')
    if i <= 0:
        return name
    return name[:i]


try:
    from os import getpid as _getpid
except ImportError:
    _getpid = None


def _is_mapping(x):
    if isinstance(x, dict):
        return True
    abc = sys.modules.get('collections.abc')
    return abc is not None and isinstance(x, abc.Mapping)


# ---------------------------------------------------------------- records

class LogRecord(object):
    """A LogRecord instance represents an event being logged: the message,
    its arguments, where and when it was logged."""

    def __init__(self, name, level, pathname, lineno,
                 msg, args, exc_info, func=None, sinfo=None, **kwargs):
        ct = time.time()
        self.name = name
        self.msg = msg
        # logger.debug("a %(a)d b %(b)s", {'a': 1, 'b': 2}): the mapping
        # itself is the argument.
        if (args and len(args) == 1 and _is_mapping(args[0])
                and args[0]):
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        try:
            self.filename = _basename(pathname)
            self.module = _splitext_root(self.filename)
        except (TypeError, ValueError, AttributeError):
            self.filename = pathname
            self.module = "Unknown module"
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = ct
        self.msecs = int((ct - int(ct)) * 1000) + 0.0
        self.relativeCreated = (self.created - _startTime) * 1000
        if logThreads:
            self.thread = None
            self.threadName = 'MainThread'
        else:
            self.thread = None
            self.threadName = None
        if not logMultiprocessing:
            self.processName = None
        else:
            self.processName = 'MainProcess'
        if logProcesses and _getpid is not None:
            self.process = _getpid()
        else:
            self.process = None

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (
            self.name, self.levelno, self.pathname, self.lineno, self.msg)

    def getMessage(self):
        """Return the message for this LogRecord: msg % args."""
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


_logRecordFactory = LogRecord


def setLogRecordFactory(factory):
    """Set the factory to be used when instantiating a log record."""
    global _logRecordFactory
    _logRecordFactory = factory


def getLogRecordFactory():
    """Return the factory to be used when instantiating a log record."""
    return _logRecordFactory


def makeLogRecord(dict):
    """Make a LogRecord whose attributes are defined by the specified
    dictionary."""
    rv = _logRecordFactory(None, None, "", 0, "", (), None, None)
    rv.__dict__.update(dict)
    return rv


# ------------------------------------------------------------ formatters

def _percent_style_valid(fmt):
    """Whether fmt has a %(name)... conversion (CPython checks with
    %\\(\\w+\\)[#0+ -]*(\\*|\\d+)?(\\.(\\*|\\d+))?[diouxefgcrsa%])."""
    n = len(fmt)
    i = fmt.find('%(')
    while i >= 0:
        j = i + 2
        k = j
        while k < n and (fmt[k] == '_' or fmt[k].isalnum()):
            k += 1
        if k > j and k < n and fmt[k] == ')':
            k += 1
            while k < n and fmt[k] in '#0+ -':
                k += 1
            if k < n and fmt[k] == '*':
                k += 1
            else:
                while k < n and fmt[k].isdecimal():
                    k += 1
            if k < n and fmt[k] == '.':
                if k + 1 < n and fmt[k + 1] == '*':
                    k += 2
                elif k + 1 < n and fmt[k + 1].isdecimal():
                    k += 1
                    while k < n and fmt[k].isdecimal():
                        k += 1
            if k < n and fmt[k] in 'diouxefgcrsa%':
                return True
        i = fmt.find('%(', i + 1)
    return False


class PercentStyle(object):

    default_format = '%(message)s'
    asctime_format = '%(asctime)s'
    asctime_search = '%(asctime)'

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self._fmt.find(self.asctime_search) >= 0

    def validate(self):
        """Validate the input format, ensure it matches the correct style"""
        if not _percent_style_valid(self._fmt):
            raise ValueError("Invalid format '%s' for '%s' style"
                             % (self._fmt, self.default_format[0]))

    def _values(self, record):
        defaults = self._defaults
        if defaults:
            values = dict(defaults)
            values.update(record.__dict__)
            return values
        return record.__dict__

    def _format(self, record):
        return self._fmt % self._values(record)

    def format(self, record):
        try:
            return self._format(record)
        except KeyError as e:
            raise ValueError('Formatting field not found in record: %s' % e)


def _is_word(c):
    return c == '_' or c.isalnum()


def _valid_field_name(name):
    # ^(\d+|\w+)(\.\w+|\[[^]]+\])*$
    n = len(name)
    i = 0
    while i < n and _is_word(name[i]):
        i += 1
    if i == 0:
        return False
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and _is_word(name[j]):
                j += 1
            if j == i + 1:
                return False
            i = j
        elif name[i] == '[':
            j = name.find(']', i + 1)
            if j <= i + 1:
                return False
            i = j + 1
        else:
            return False
    return True


def _valid_format_spec(spec):
    # ^(.?[<>=^])?[+ -]?#?0?(\d+|{\w+})?[,_]?(\.(\d+|{\w+}))?[bcdefgnosx%]?$
    # (case-insensitive), tried with and without a fill character.
    def rest(i):
        n = len(spec)
        if i < n and spec[i] in '+ -':
            i += 1
        if i < n and spec[i] == '#':
            i += 1
        if i < n and spec[i] == '0':
            i += 1
        i = width(i)
        if i < n and spec[i] in ',_':
            i += 1
        if i < n and spec[i] == '.':
            j = width(i + 1)
            if j == i + 1:
                return False
            i = j
        if i < n and spec[i].lower() in 'bcdefgnosx%':
            i += 1
        return i == n

    def width(i):
        n = len(spec)
        if i < n and spec[i] == '{':
            j = i + 1
            while j < n and _is_word(spec[j]):
                j += 1
            if j > i + 1 and j < n and spec[j] == '}':
                return j + 1
            return i
        j = i
        while j < n and spec[j].isdecimal():
            j += 1
        return j

    if len(spec) >= 2 and spec[1] in '<>=^' and rest(2):
        return True
    if len(spec) >= 1 and spec[0] in '<>=^' and rest(1):
        return True
    return rest(0)


class StrFormatStyle(PercentStyle):
    default_format = '{message}'
    asctime_format = '{asctime}'
    asctime_search = '{asctime'

    def _format(self, record):
        return self._fmt.format(**self._values(record))

    def validate(self):
        """Validate the input format, ensure it is the correct string
        formatting style"""
        import string
        fields = set()
        try:
            for _, fieldname, spec, conversion in \
                    string.Formatter().parse(self._fmt):
                if fieldname:
                    if not _valid_field_name(fieldname):
                        raise ValueError('invalid field name/expression: %r'
                                         % fieldname)
                    fields.add(fieldname)
                if conversion and conversion not in 'rsa':
                    raise ValueError('invalid conversion: %r' % conversion)
                if spec and not _valid_format_spec(spec):
                    raise ValueError('bad specifier: %r' % spec)
        except ValueError as e:
            raise ValueError('invalid format: %s' % e)
        if not fields:
            raise ValueError('invalid format: no fields')


class StringTemplateStyle(PercentStyle):
    default_format = '${message}'
    asctime_format = '${asctime}'
    asctime_search = '${asctime}'

    def __init__(self, *args, **kwargs):
        PercentStyle.__init__(self, *args, **kwargs)
        import string
        self._tpl = string.Template(self._fmt)

    def usesTime(self):
        fmt = self._fmt
        return fmt.find('$asctime') >= 0 or fmt.find(self.asctime_search) >= 0

    def validate(self):
        fields = set()
        for _start, _end, kind, name in self._tpl._scan():
            if kind == 'named' or kind == 'braced':
                fields.add(name)
            elif kind == 'invalid':
                raise ValueError('invalid format: bare \'$\' not allowed')
        if not fields:
            raise ValueError('invalid format: no fields')

    def _format(self, record):
        return self._tpl.substitute(**self._values(record))


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

_STYLES = {
    '%': (PercentStyle, BASIC_FORMAT),
    '{': (StrFormatStyle, '{levelname}:{name}:{message}'),
    '$': (StringTemplateStyle, '${levelname}:${name}:${message}'),
}


def _localtime(t=None):
    lt = getattr(time, 'localtime', None)
    if lt is not None and hasattr(time, 'strftime'):
        return lt(t)
    import datetime
    return datetime.datetime.fromtimestamp(time.time() if t is None else t)


def _strftime(fmt, tm):
    if hasattr(tm, 'strftime'):
        return tm.strftime(fmt)
    return time.strftime(fmt, tm)


def _format_exception(ei):
    """The traceback text of exc_info ei, without the final newline."""
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None:
        lines = traceback.format_exception(ei[0], ei[1], ei[2])
        s = ''.join(lines)
    else:
        # Without the traceback module: the header and the last line.
        etype, value, tb = ei[0], ei[1], ei[2]
        s = 'Traceback (most recent call last):\n' if tb is not None else ''
        if etype is None:
            s += 'NoneType: None\n'
        else:
            text = str(value)
            s += etype.__name__ + (': ' + text if text else '') + '\n'
    if s[-1:] == "\n":
        s = s[:-1]
    return s


class Formatter(object):
    """Formatter instances are used to convert a LogRecord to text.

    The format string names record attributes: %(name)s, %(levelno)s,
    %(levelname)s, %(pathname)s, %(filename)s, %(module)s, %(funcName)s,
    %(lineno)d, %(created)f, %(msecs)d, %(relativeCreated)d, %(asctime)s,
    %(thread)d, %(threadName)s, %(process)d, %(processName)s, %(message)s
    (or their {}- and $-style forms)."""

    converter = staticmethod(_localtime)

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *,
                 defaults=None):
        if style not in _STYLES:
            raise ValueError('Style must be one of: %s' % ','.join(
                _STYLES.keys()))
        self._style = _STYLES[style][0](fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def formatTime(self, record, datefmt=None):
        """Return the creation time of the specified LogRecord as formatted
        text (datefmt, else ISO8601-like with milliseconds)."""
        ct = self.converter(record.created)
        if datefmt:
            s = _strftime(datefmt, ct)
        else:
            s = _strftime(self.default_time_format, ct)
            if self.default_msec_format:
                s = self.default_msec_format % (s, record.msecs)
        return s

    def formatException(self, ei):
        """Format and return the specified exception information as a
        string."""
        return _format_exception(ei)

    def usesTime(self):
        """Check if the format uses the creation time of the record."""
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        """Format the specified record as text: the message, then the
        traceback and stack text if there are any."""
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            # The traceback text is kept on the record: it is the same for
            # every handler.
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + record.exc_text
        if record.stack_info:
            if s[-1:] != "\n":
                s = s + "\n"
            s = s + self.formatStack(record.stack_info)
        return s


_defaultFormatter = Formatter()


class BufferingFormatter(object):
    """A formatter suitable for formatting a number of records."""

    def __init__(self, linefmt=None):
        if linefmt:
            self.linefmt = linefmt
        else:
            self.linefmt = _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        rv = ""
        if len(records) > 0:
            rv = rv + self.formatHeader(records)
            for record in records:
                rv = rv + self.linefmt.format(record)
            rv = rv + self.formatFooter(records)
        return rv


# --------------------------------------------------------------- filters

class Filter(object):
    """Filter instances pass records from a logger and its descendants:
    Filter('A.B') passes 'A.B' and 'A.B.C' but not 'A.BB'."""

    def __init__(self, name=''):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if self.nlen == 0:
            return True
        elif self.name == record.name:
            return True
        elif record.name.find(self.name, 0, self.nlen) != 0:
            return False
        return (record.name[self.nlen] == ".")


class Filterer(object):
    """A base class for loggers and handlers which allows them to share
    common code."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if not (filter in self.filters):
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        """Whether every filter passes the record (a filter is an object
        with a filter method or a callable)."""
        rv = True
        if not self.filters:
            return rv
        for f in self.filters:
            if hasattr(f, 'filter'):
                result = f.filter(record)
            else:
                result = f(record)
            if not result:
                rv = False
                break
        return rv


from logging._handlers import (  # noqa: E402
    _handlers, _handlerList, Handler, StreamHandler, FileHandler,
    _StderrHandler, NullHandler, lastResort, shutdown)
from logging._loggers import (  # noqa: E402
    PlaceHolder, setLoggerClass, getLoggerClass, Manager, Logger,
    RootLogger, root, LoggerAdapter, basicConfig, getLogger, critical,
    fatal, error, exception, warning, warn, info, debug, log, disable,
    captureWarnings)
