# aiohttp.helpers: the small types the client needs: URL (the part of
# yarl.URL the client API exposes), CIMultiDict / CIMultiDictProxy (the
# case-insensitive multidict of headers), ClientTimeout and BasicAuth.

_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"


def quote(s, safe=""):
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in _SAFE or c in safe:
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return "".join(out)


class InvalidURL(ValueError):
    pass


class URL:
    def __init__(self, val=""):
        if isinstance(val, URL):
            self.scheme, self.host, self._port = val.scheme, val.host, val._port
            self.path, self.query_string, self.fragment = val.path, val.query_string, val.fragment
            return
        val = str(val)
        self.scheme = ""
        self.host = None
        self._port = None
        rest = val
        if "://" in val:
            self.scheme, rest = val.split("://", 1)
            self.scheme = self.scheme.lower()
            netloc, slash, rest = rest.partition("/")
            rest = slash + rest
            if "@" in netloc:
                netloc = netloc.rsplit("@", 1)[1]
            if netloc.startswith("["):
                end = netloc.find("]")
                self.host = netloc[1:end]
                port = netloc[end + 1:].lstrip(":")
            else:
                host, _, port = netloc.partition(":")
                self.host = host.lower()
            if port:
                try:
                    self._port = int(port)
                except ValueError:
                    raise InvalidURL(val) from None
            if not self.host:
                raise InvalidURL(val)
        rest, _, self.fragment = rest.partition("#")
        self.path, _, self.query_string = rest.partition("?")
        if self.scheme and not self.path:
            self.path = "/"

    @property
    def port(self):
        if self._port is not None:
            return self._port
        return {"http": 80, "https": 443}.get(self.scheme)

    def is_absolute(self):
        return self.host is not None

    @property
    def path_qs(self):
        if self.query_string:
            return f"{self.path}?{self.query_string}"
        return self.path

    @property
    def raw_path(self):
        return self.path

    @property
    def name(self):
        return self.path.rsplit("/", 1)[-1]

    @property
    def query(self):
        out = {}
        for part in self.query_string.split("&"):
            if part:
                k, _, v = part.partition("=")
                out[k] = v
        return out

    def update_query(self, params):
        items = params.items() if isinstance(params, dict) else params
        extra = "&".join(f"{quote(str(k))}={quote(str(v))}" for k, v in items)
        u = URL(self)
        u.query_string = f"{u.query_string}&{extra}" if u.query_string else extra
        return u

    def with_query(self, params):
        u = URL(self)
        u.query_string = ""
        return u.update_query(params)

    def join(self, other):
        other = URL(other)
        if other.is_absolute():
            return other
        u = URL(self)
        if other.path.startswith("/"):
            u.path = other.path
        elif other.path:
            u.path = self.path.rsplit("/", 1)[0] + "/" + other.path
        u.query_string = other.query_string if (other.path or other.query_string) else self.query_string
        u.fragment = other.fragment
        return u

    def __truediv__(self, name):
        u = URL(self)
        u.path = self.path.rstrip("/") + "/" + name
        u.query_string = ""
        return u

    def __str__(self):
        s = ""
        if self.scheme:
            host = f"[{self.host}]" if self.host and ":" in self.host else self.host
            s = f"{self.scheme}://{host}"
            if self._port is not None and self._port != {"http": 80, "https": 443}.get(self.scheme):
                s += f":{self._port}"
        s += self.path_qs
        if self.fragment:
            s += "#" + self.fragment
        return s

    def __repr__(self):
        return f"URL({str(self)!r})"

    def __eq__(self, other):
        return isinstance(other, URL) and str(self) == str(other)

    def __hash__(self):
        return hash(str(self))


class CIMultiDict:
    """A multidict whose keys compare case-insensitively and keep the
    spelling they were first added with."""

    def __init__(self, *args, **kwargs):
        self._items = []
        if args:
            src = args[0]
            if isinstance(src, (CIMultiDict, CIMultiDictProxy)):
                self._items = list(src.items())
            elif hasattr(src, "items"):
                for k, v in src.items():
                    self.add(k, v)
            else:
                for k, v in src:
                    self.add(k, v)
        for k, v in kwargs.items():
            self.add(k, v)

    def add(self, key, value):
        self._items.append((key, value))

    def __getitem__(self, key):
        low = key.lower()
        for k, v in self._items:
            if k.lower() == low:
                return v
        raise KeyError(key)

    def __setitem__(self, key, value):
        low = key.lower()
        self._items = [(k, v) for k, v in self._items if k.lower() != low]
        self._items.append((key, value))

    def __delitem__(self, key):
        low = key.lower()
        before = len(self._items)
        self._items = [(k, v) for k, v in self._items if k.lower() != low]
        if len(self._items) == before:
            raise KeyError(key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def getone(self, key, default=KeyError):
        try:
            return self[key]
        except KeyError:
            if default is KeyError:
                raise
            return default

    def getall(self, key, default=KeyError):
        low = key.lower()
        vals = [v for k, v in self._items if k.lower() == low]
        if not vals:
            if default is KeyError:
                raise KeyError(key)
            return default
        return vals

    def pop(self, key, *default):
        try:
            v = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        return v

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self.add(key, default)
        return default

    def update(self, other=(), **kwargs):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __contains__(self, key):
        if not isinstance(key, str):
            return False
        low = key.lower()
        return any(k.lower() == low for k, _ in self._items)

    def __iter__(self):
        return iter([k for k, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def copy(self):
        return CIMultiDict(self)

    def __eq__(self, other):
        if isinstance(other, (CIMultiDict, CIMultiDictProxy)):
            return self.items() == other.items()
        if isinstance(other, dict):
            return dict(self.items()) == other
        return NotImplemented

    def __repr__(self):
        body = ", ".join(f"{k!r}: {v!r}" for k, v in self._items)
        return f"<{type(self).__name__}({body})>"


class CIMultiDictProxy(CIMultiDict):
    def __init__(self, md):
        self._items = md._items

    def __setitem__(self, key, value):
        raise TypeError("'CIMultiDictProxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'CIMultiDictProxy' object does not support item deletion")

    def add(self, key, value):
        raise TypeError("'CIMultiDictProxy' object is read-only")

    def copy(self):
        return CIMultiDict(self)


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None,
                 sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return (f"ClientTimeout(total={self.total!r}, connect={self.connect!r}, "
                f"sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r}, "
                f"ceil_threshold={self.ceil_threshold!r})")


class BasicAuth:
    def __init__(self, login, password="", encoding="latin1"):
        self.login = login
        self.password = password
        self.encoding = encoding

    def encode(self):
        raw = f"{self.login}:{self.password}".encode(self.encoding)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        out = []
        for i in range(0, len(raw), 3):
            chunk = raw[i:i + 3]
            n = int.from_bytes(chunk + b"\0" * (3 - len(chunk)), "big")
            enc = [alphabet[(n >> s) & 63] for s in (18, 12, 6, 0)]
            if len(chunk) < 3:
                enc[len(chunk) + 1:] = "=" * (3 - len(chunk))
            out.extend(enc)
        return "Basic " + "".join(out)
