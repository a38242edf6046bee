"""The io module: streams of text and bytes, as CPython 3.11 documents it.

Written for weft. open() is the built-in open (files are native objects);
the abstract base classes, StringIO, BytesIO, TextIOWrapper and FileIO are
written here. isinstance() of a built-in file object against the base
classes works through registration, as CPython's io module does it.
"""

import _io
from _io import UnsupportedOperation, open, DEFAULT_BUFFER_SIZE
import os as _os

__all__ = [
    "BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO",
    "BytesIO", "StringIO", "BufferedIOBase", "BufferedReader",
    "BufferedWriter", "BufferedRWPair", "BufferedRandom", "TextIOBase",
    "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR",
    "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding",
    "IncrementalNewlineDecoder",
]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

BlockingIOError = BlockingIOError

BufferedReader = _io.BufferedReader
BufferedWriter = _io.BufferedWriter
BufferedRandom = _io.BufferedRandom


def open_code(path):
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "locale"
    return encoding


class _IOMeta(type):
    # isinstance/issubclass also answer for the classes registered with
    # register() (the native file classes), as abc.ABCMeta would.
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        # A class registered with cls or with one of its subclasses.
        for owner, regs in _registry.items():
            if type.__subclasscheck__(cls, owner):
                for reg in regs:
                    if issubclass(sub, reg):
                        return True
        return False

    def register(cls, subclass):
        _registry.setdefault(cls, []).append(subclass)
        return subclass


_registry = {}


def _closed_error():
    return ValueError("I/O operation on closed file.")


class IOBase(metaclass=_IOMeta):
    """The base of every stream: closing, iteration, and the operations
    a stream does not support raising UnsupportedOperation."""

    __closed = False

    def _unsupported(self, name):
        raise UnsupportedOperation(f"{type(self).__name__}.{name}() not supported")

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def _checkReadable(self):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable.")

    def _checkWritable(self):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable.")

    def _checkSeekable(self):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable.")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        if size is None:
            size = -1
        out = []
        n = 0
        while size < 0 or n < size:
            b = self.read(1)
            if not b:
                break
            out.append(b)
            n += 1
            if b == b"\n" or b == "\n":
                break
        if out and isinstance(out[0], str):
            return "".join(out)
        return b"".join(out)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        n = 0
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)

    def __del__(self):
        pass


class RawIOBase(IOBase):
    """Raw binary streams: read() and readall() are built on readinto()."""

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size)
        n = self.readinto(b)
        if n is None:
            return None
        return bytes(b[:n])

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        return bytes(res)

    def readinto(self, b):
        self._unsupported("readinto")

    def write(self, b):
        self._unsupported("write")


class BufferedIOBase(IOBase):
    """Buffered binary streams."""

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        return self.read(size)

    def write(self, b):
        self._unsupported("write")

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readinto1(self, b):
        return self.readinto(b)

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Text streams."""

    def read(self, size=-1):
        self._unsupported("read")

    def write(self, s):
        self._unsupported("write")

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def readline(self, size=-1):
        self._unsupported("readline")

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


TextIOBase.register(_io.TextIOWrapper)
BufferedIOBase.register(_io.BufferedReader)
BufferedIOBase.register(_io.BufferedWriter)
BufferedIOBase.register(_io.BufferedRandom)
for _c in _io._stream_classes:
    TextIOBase.register(_c)
del _c


def _check_newline(newline):
    if newline is not None and not isinstance(newline, str):
        raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError(f"illegal newline value: {newline!r}")


def _split_line(text, start, newline, limit):
    # End index of the line starting at `start` (newline='' ends lines at
    # \r, \n or \r\n; otherwise at the newline string itself).
    end = len(text)
    if limit is not None and limit >= 0:
        end = min(end, start + limit)
    if newline == "":
        i = start
        while i < end:
            c = text[i]
            if c == "\n":
                return i + 1
            if c == "\r":
                if i + 1 < len(text) and text[i + 1] == "\n" and i + 1 < end:
                    return i + 2
                return i + 1
            i += 1
        return end
    sep = "\n" if newline is None else newline
    j = text.find(sep, start, end)
    if j < 0:
        return end
    return min(j + len(sep), end)


class StringIO(TextIOBase):
    """An in-memory text stream."""

    def __init__(self, initial_value="", newline="\n"):
        _check_newline(newline)
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(
                f"initial_value must be str or None, not {type(initial_value).__name__}"
            )
        self._newline = newline
        self._value = ""
        self._chunks = []
        self._len = 0
        self._pos = 0
        self._seen = set()
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _flat(self):
        if self._chunks:
            self._value = self._value + "".join(self._chunks)
            self._chunks = []
        return self._value

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            if "\r" in s:
                if "\r\n" in s:
                    self._seen.add("\r\n")
                if "\r" in s.replace("\r\n", ""):
                    self._seen.add("\r")
                s = s.replace("\r\n", "\n").replace("\r", "\n")
            if "\n" in s:
                self._seen.add("\n")
            return s
        if nl in ("\r", "\r\n"):
            return s.replace("\n", nl)
        return s

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def getvalue(self):
        self._checkClosed()
        return self._flat()

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        s = self._translate(s)
        if not s:
            return n
        if self._pos == self._len:
            self._chunks.append(s)
            self._len += len(s)
            self._pos = self._len
            return n
        text = self._flat()
        if self._pos > self._len:
            text = text + "\0" * (self._pos - self._len)
        text = text[:self._pos] + s + text[self._pos + len(s):]
        self._value = text
        self._len = len(text)
        self._pos += len(s)
        return n

    def read(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        text = self._flat()
        start = min(self._pos, self._len)
        end = self._len if size < 0 else min(self._len, start + size)
        self._pos = max(self._pos, end)
        return text[start:end]

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"integer argument expected, got '{type(size).__name__}'")
        text = self._flat()
        start = min(self._pos, self._len)
        nl = self._newline
        if nl is None:
            nl = "\n"
        end = _split_line(text, start, nl, size if size >= 0 else None)
        self._pos = max(self._pos, end)
        return text[start:end]

    def __next__(self):
        self._checkClosed()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                # (sic: CPython's StringIO names cur-relative here too)
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = self._len
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        elif not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if pos < 0:
            raise ValueError(f"Negative size value {pos}")
        if pos < self._len:
            self._value = self._flat()[:pos]
            self._len = pos
        return pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def close(self):
        self._value = ""
        self._chunks = []
        IOBase.close(self)

    @property
    def line_buffering(self):
        self._checkClosed()
        return False

    @property
    def newlines(self):
        self._checkClosed()
        if self._newline is not None or not self._seen:
            return None
        seen = [x for x in ("\r", "\n", "\r\n") if x in self._seen]
        return seen[0] if len(seen) == 1 else tuple(seen)

    def detach(self):
        raise UnsupportedOperation("detach")

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


StringIO.__module__ = "_io"


def _as_bytes(b):
    if isinstance(b, (bytes, bytearray)):
        return bytes(b)
    try:
        return bytes(memoryview(b))
    except (NameError, TypeError):
        raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'") from None


class BytesIO(BufferedIOBase):
    """An in-memory binary stream."""

    def __init__(self, initial_bytes=b""):
        self._buf = bytearray(_as_bytes(initial_bytes)) if initial_bytes else bytearray()
        self._pos = 0
        self._exports = 0

    def getvalue(self):
        self._checkClosed()
        return bytes(self._buf)

    def getbuffer(self):
        self._checkClosed()
        try:
            view = memoryview
        except NameError:
            raise NotImplementedError(
                "BytesIO.getbuffer() needs memoryview, which this weft build lacks"
            ) from None
        return view(self._buf)

    def read(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        n = len(self._buf)
        start = min(self._pos, n)
        end = n if size < 0 else min(n, start + size)
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    read1 = read

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        n = len(self._buf)
        start = min(self._pos, n)
        end = self._buf.find(b"\n", start)
        end = n if end < 0 else end + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return bytes(self._buf[start:end])

    def readinto(self, b):
        self._checkClosed()
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def write(self, b):
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = _as_bytes(b)
        n = len(data)
        if not n:
            return 0
        pos = self._pos
        if pos > len(self._buf):
            self._buf += b"\0" * (pos - len(self._buf))
        self._buf[pos:pos + n] = data
        self._pos = pos + n
        return n

    def __next__(self):
        self._checkClosed()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        elif not isinstance(size, int):
            raise TypeError(f"'{type(size).__name__}' object cannot be interpreted as an integer")
        if size < 0:
            raise ValueError(f"negative size value {size}")
        del self._buf[size:]
        return size

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def close(self):
        self._buf = bytearray()
        IOBase.close(self)

    def __getstate__(self):
        return (self.getvalue(), self._pos, None)


BytesIO.__module__ = "_io"


class FileIO(RawIOBase):
    """Raw unbuffered file I/O on an OS file descriptor."""

    def __init__(self, file, mode="r", closefd=True, opener=None):
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str) or len(set(mode)) != len(mode) or set(mode) - set("rwxab+"):
            raise ValueError(f"invalid mode: {mode}")
        kinds = sum(c in "rwxa" for c in mode)
        if kinds != 1:
            raise ValueError(
                "Must have exactly one of create/read/write/append mode and at most one plus"
            )
        self._readable = "r" in mode or "+" in mode
        self._writable = "r" not in mode or "+" in mode
        if "+" in mode:
            flags = _os.O_RDWR
        elif "r" in mode:
            flags = _os.O_RDONLY
        else:
            flags = _os.O_WRONLY
        if "w" in mode:
            flags |= _os.O_CREAT | _os.O_TRUNC
        elif "x" in mode:
            flags |= _os.O_CREAT | _os.O_EXCL
        elif "a" in mode:
            flags |= _os.O_CREAT | _os.O_APPEND
        self._appending = "a" in mode
        self._mode = mode
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            self._fd = file
            self._closefd = closefd
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            if opener is None:
                self._fd = _os.open(file, flags, 0o666)
            else:
                self._fd = opener(file, flags)
            self._closefd = True
        self.name = file

    @property
    def mode(self):
        m = self._mode.replace("b", "")
        if "+" in m:
            base = "rb+" if "r" in m else ("ab+" if "a" in m else ("xb+" if "x" in m else "rb+"))
            return base
        return m[0] + "b"

    @property
    def closefd(self):
        return self._closefd

    def fileno(self):
        self._checkClosed()
        return self._fd

    def readinto(self, b):
        self._checkClosed()
        self._checkReadable()
        data = _os.read(self._fd, len(b))
        b[:len(data)] = data
        return len(data)

    def read(self, size=-1):
        self._checkClosed()
        self._checkReadable()
        if size is None or size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        self._checkClosed()
        self._checkReadable()
        chunks = []
        while True:
            data = _os.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks)

    def write(self, b):
        self._checkClosed()
        self._checkWritable()
        return _os.write(self._fd, _as_bytes(b))

    def seek(self, pos, whence=0):
        self._checkClosed()
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._checkClosed()
        return _os.lseek(self._fd, 0, 1)

    def truncate(self, size=None):
        self._checkClosed()
        self._checkWritable()
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def readable(self):
        self._checkClosed()
        return self._readable

    def writable(self):
        self._checkClosed()
        return self._writable

    def seekable(self):
        self._checkClosed()
        try:
            _os.lseek(self._fd, 0, 1)
        except OSError:
            return False
        return True

    def isatty(self):
        self._checkClosed()
        return _os.isatty(self._fd)

    def close(self):
        if not self.closed:
            try:
                if self._closefd:
                    _os.close(self._fd)
            finally:
                IOBase.close(self)

    def __repr__(self):
        if self.closed:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self.mode!r} closefd={self._closefd!r}>"


FileIO.__module__ = "_io"


class TextIOWrapper(TextIOBase):
    """A text stream over a binary (buffered) stream: decodes what it
    reads and encodes what it writes, translating newlines."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        _check_newline(newline)
        if encoding is None or encoding == "locale":
            encoding = "UTF-8"
        if not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        "".encode(encoding)
        if errors is None:
            errors = "strict"
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._decoded = ""
        self._dpos = 0
        self._pending = b""
        self._seen = set()
        self._detached = False

    @property
    def buffer(self):
        if self._detached:
            raise ValueError("underlying buffer has been detached")
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def newlines(self):
        if not self._seen:
            return None
        seen = [x for x in ("\r", "\n", "\r\n") if x in self._seen]
        return seen[0] if len(seen) == 1 else tuple(seen)

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def flush(self):
        self.buffer.flush()

    def close(self):
        if not self._detached and not self.buffer.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    def detach(self):
        self.flush()
        buf = self._buffer
        self._detached = True
        return buf

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        if encoding is not None:
            self._encoding = encoding
            if errors is None:
                errors = "strict"
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            _check_newline(newline)
            self._newline = newline
        if line_buffering is not None:
            self._line_buffering = line_buffering
        if write_through is not None:
            self._write_through = write_through

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        n = len(s)
        nl = self._newline
        text = s
        if nl is None:
            if _os.linesep != "\n":
                text = text.replace("\n", _os.linesep)
        elif nl not in ("", "\n"):
            text = text.replace("\n", nl)
        # Unread decoded text is dropped so the write lands where the
        # reader stands.
        if self._dpos < len(self._decoded) and self.buffer.seekable():
            rest = self._decoded[self._dpos:].encode(self._encoding, self._errors)
            self.buffer.seek(-(len(rest) + len(self._pending)), 1)
        self._decoded = ""
        self._dpos = 0
        self._pending = b""
        self.buffer.write(text.encode(self._encoding, self._errors))
        if self._write_through or (self._line_buffering and ("\n" in s or "\r" in s)):
            self.buffer.flush()
        return n

    def _fill(self):
        # Decode the rest of the buffer (read in one go: simple and right
        # for files, pipes at end of input and in-memory streams).
        data = self._pending + self.buffer.read()
        self._pending = b""
        text = data.decode(self._encoding, self._errors)
        if self._newline is None:
            if "\r" in text:
                if "\r\n" in text:
                    self._seen.add("\r\n")
                if "\r" in text.replace("\r\n", ""):
                    self._seen.add("\r")
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            if "\n" in text:
                self._seen.add("\n")
        self._decoded = self._decoded[self._dpos:] + text
        self._dpos = 0

    def read(self, size=-1):
        self._checkClosed()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")
        if size is None:
            size = -1
        if self._dpos >= len(self._decoded) or size < 0:
            self._fill()
        start = self._dpos
        end = len(self._decoded) if size < 0 else min(len(self._decoded), start + size)
        self._dpos = end
        return self._decoded[start:end]

    def readline(self, size=-1):
        self._checkClosed()
        if size is None:
            size = -1
        if self._dpos >= len(self._decoded):
            self._fill()
        nl = self._newline
        if nl is None:
            nl = "\n"
        start = self._dpos
        end = _split_line(self._decoded, start, nl, size if size >= 0 else None)
        self._dpos = end
        return self._decoded[start:end]

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._checkClosed()
        pos = self.buffer.tell()
        rest = self._decoded[self._dpos:]
        if rest:
            pos -= len(rest.encode(self._encoding, self._errors)) + len(self._pending)
        return pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 1:
            if pos != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            pos = self.tell()
            whence = 0
        elif whence == 2:
            if pos != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
        elif whence == 0 and pos < 0:
            raise ValueError(f"negative seek position {pos}")
        self.flush()
        self._decoded = ""
        self._dpos = 0
        self._pending = b""
        return self.buffer.seek(pos, whence)

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)

    def __repr__(self):
        try:
            name = self.name
        except AttributeError:
            return f"<_io.TextIOWrapper encoding={self._encoding!r}>"
        return f"<_io.TextIOWrapper name={name!r} encoding={self._encoding!r}>"


TextIOWrapper.__module__ = "_io"


class BufferedRWPair(BufferedIOBase):
    """A reader and a writer joined into one stream."""

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self._reader = reader
        self._writer = writer

    def read(self, size=-1):
        return self._reader.read(size)

    def readinto(self, b):
        return self._reader.readinto(b)

    def write(self, b):
        return self._writer.write(b)

    def readable(self):
        return self._reader.readable()

    def writable(self):
        return self._writer.writable()

    def flush(self):
        return self._writer.flush()

    def close(self):
        try:
            self._writer.close()
        finally:
            self._reader.close()

    @property
    def closed(self):
        return self._writer.closed


class IncrementalNewlineDecoder:
    """Translates \\r\\n and \\r to \\n across decode() calls (universal
    newlines), wrapping another decoder or none."""

    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self._cr = False
        self._seen = set()

    def decode(self, input, final=False):
        if self.decoder is None:
            output = input
        else:
            output = self.decoder.decode(input, final=final)
        if self._cr and (output or final):
            output = "\r" + output
            self._cr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self._cr = True
        crlf = output.count("\r\n")
        cr = output.count("\r") - crlf
        lf = output.count("\n") - crlf
        if crlf:
            self._seen.add("\r\n")
        if cr:
            self._seen.add("\r")
        if lf:
            self._seen.add("\n")
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        return (b"", 1 if self._cr else 0)

    def setstate(self, state):
        self._cr = bool(state[1] & 1)

    def reset(self):
        self._seen = set()
        self._cr = False

    @property
    def newlines(self):
        if not self._seen:
            return None
        seen = [x for x in ("\r", "\n", "\r\n") if x in self._seen]
        return seen[0] if len(seen) == 1 else tuple(seen)
