# aiohttp (client side): an aiohttp-compatible HTTP/1.1 client written in
# weft on asyncio streams. The names and behaviour follow aiohttp 3's
# documented client API: ClientSession, responses as async context managers,
# a case-insensitive multidict of headers, Content-Length and chunked bodies,
# redirects with history, keep-alive connections pooled per session
# (TCPConnector(limit=...)), ClientTimeout and the ClientError hierarchy.
# http:// only: https:// raises ClientConnectorError saying weft has no TLS.

import asyncio

from aiohttp.helpers import (URL, CIMultiDict, CIMultiDictProxy, InvalidURL,
                             ClientTimeout, BasicAuth)
from aiohttp.client_exceptions import (
    ClientError, ClientConnectionError, ClientOSError, ClientConnectorError,
    ClientResponseError, ClientPayloadError, ServerConnectionError,
    ServerDisconnectedError, ServerTimeoutError, TooManyRedirects,
    ContentTypeError, RequestInfo)

__version__ = "3.9.0"

hdrs = None

_CHUNK = 65536


class TCPConnector:
    """Keep-alive connections per (host, port), at most `limit` open
    (0: no limit), `limit_per_host` per host."""

    def __init__(self, *, limit=100, limit_per_host=0, force_close=False,
                 ssl=None, keepalive_timeout=15.0, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self.force_close = force_close
        self._idle = {}
        self._open = 0
        self._per_host = {}
        self._waiters = []
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _free(self, key):
        if self.limit and self._open >= self.limit:
            return False
        if self.limit_per_host and self._per_host.get(key, 0) >= self.limit_per_host:
            return False
        return True

    async def _acquire(self, key, timeout):
        if self._closed:
            raise ClientConnectionError("Connector is closed.")
        idle = self._idle.get(key)
        while idle:
            conn = idle.pop()
            if not conn.reader.at_eof() and not conn.writer.is_closing():
                return conn
            self._release_slot(key)
            conn.writer.close()
        while not self._free(key):
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
            idle = self._idle.get(key)
            if idle:
                return idle.pop()
        self._open += 1
        self._per_host[key] = self._per_host.get(key, 0) + 1
        try:
            connect = asyncio.open_connection(key[0], key[1])
            if timeout is not None:
                reader, writer = await asyncio.wait_for(connect, timeout)
            else:
                reader, writer = await connect
        except asyncio.TimeoutError:
            self._release_slot(key)
            raise ServerTimeoutError(
                f"Connection timeout to host {key[2]}") from None
        except OSError as exc:
            self._release_slot(key)
            raise ClientConnectorError(key, exc) from None
        except BaseException:
            self._release_slot(key)
            raise
        return _Connection(key, reader, writer)

    def _release_slot(self, key):
        self._open -= 1
        self._per_host[key] = self._per_host.get(key, 1) - 1
        self._wake()

    def _wake(self):
        while self._waiters:
            w = self._waiters.pop(0)
            if not w.done():
                w.set_result(None)
                break

    def _release(self, conn, reuse):
        if reuse and not self.force_close and not self._closed:
            self._idle.setdefault(conn.key, []).append(conn)
            self._wake()
        else:
            conn.writer.close()
            self._release_slot(conn.key)

    async def close(self):
        if self._closed:
            return
        self._closed = True
        conns = [c for idle in self._idle.values() for c in idle]
        self._idle = {}
        for c in conns:
            c.writer.close()
            self._open -= 1
        for c in conns:
            try:
                await c.writer.wait_closed()
            except OSError:
                pass


class _Connection:
    def __init__(self, key, reader, writer):
        self.key = key
        self.reader = reader
        self.writer = writer


class StreamReader:
    """A response body: reads from the connection as the caller asks,
    decoding Content-Length or chunked framing (aiohttp's resp.content)."""

    def __init__(self, response, reader, length, chunked, read_timeout):
        self._response = response
        self._reader = reader
        self._left = length
        self._chunked = chunked
        self._chunk_left = 0
        self._eof = length == 0
        self._buffer = b""
        self._timeout = read_timeout

    def at_eof(self):
        return self._eof and not self._buffer

    def is_eof(self):
        return self._eof

    async def _recv(self, coro):
        if self._timeout is None:
            return await coro
        try:
            return await asyncio.wait_for(coro, self._timeout)
        except asyncio.TimeoutError:
            raise ServerTimeoutError("Timeout on reading data from socket") from None

    async def _fill(self, n):
        # Move at most n body bytes from the connection into the buffer.
        if self._eof:
            return
        try:
            if self._chunked:
                if self._chunk_left == 0:
                    line = await self._recv(self._reader.readline())
                    if not line.endswith(b"\n"):
                        raise ClientPayloadError("Response payload is not completed")
                    size = line.split(b";")[0].strip()
                    try:
                        self._chunk_left = int(size, 16)
                    except ValueError:
                        raise ClientPayloadError(
                            f"Not enough data for satisfy transfer length header.") from None
                    if self._chunk_left == 0:
                        # Trailers end with an empty line.
                        while True:
                            t = await self._recv(self._reader.readline())
                            if t in (b"\r\n", b"\n", b""):
                                break
                        self._eof = True
                        self._response._body_done(True)
                        return
                data = await self._recv(self._reader.read(min(n, self._chunk_left)))
                if not data:
                    raise ClientPayloadError("Response payload is not completed")
                self._chunk_left -= len(data)
                if self._chunk_left == 0:
                    await self._recv(self._reader.readexactly(2))
                self._buffer += data
            elif self._left is not None:
                data = await self._recv(self._reader.read(min(n, self._left)))
                if not data:
                    raise ClientPayloadError(
                        "Response payload is not completed: "
                        "<ContentLengthError: 400, message='Not enough data "
                        "for satisfy content length header.'>")
                self._left -= len(data)
                self._buffer += data
                if self._left == 0:
                    self._eof = True
                    self._response._body_done(True)
            else:
                data = await self._recv(self._reader.read(n))
                if not data:
                    self._eof = True
                    self._response._body_done(False)
                self._buffer += data
        except asyncio.IncompleteReadError:
            raise ClientPayloadError("Response payload is not completed") from None
        except ConnectionError as exc:
            raise ClientOSError(*exc.args) from None

    async def read(self, n=-1):
        if n is None or n < 0:
            parts = [self._buffer]
            self._buffer = b""
            while not self._eof:
                await self._fill(_CHUNK)
                parts.append(self._buffer)
                self._buffer = b""
            return b"".join(parts)
        if n == 0:
            return b""
        while not self._buffer and not self._eof:
            await self._fill(n)
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    async def readany(self):
        return await self.read(_CHUNK)

    async def readexactly(self, n):
        parts = []
        got = 0
        while got < n:
            data = await self.read(n - got)
            if not data:
                raise asyncio.IncompleteReadError(b"".join(parts), n)
            parts.append(data)
            got += len(data)
        return b"".join(parts)

    async def readline(self):
        while b"\n" not in self._buffer and not self._eof:
            await self._fill(_CHUNK)
        i = self._buffer.find(b"\n")
        if i < 0:
            line, self._buffer = self._buffer, b""
        else:
            line, self._buffer = self._buffer[:i + 1], self._buffer[i + 1:]
        return line

    async def iter_chunked(self, n):
        while True:
            data = await self.read(n)
            if not data:
                return
            yield data

    async def iter_any(self):
        while True:
            data = await self.read(_CHUNK)
            if not data:
                return
            yield data

    def __aiter__(self):
        return self._iter_lines()

    async def _iter_lines(self):
        while True:
            line = await self.readline()
            if not line:
                return
            yield line


class ClientResponse:
    def __init__(self, method, url, request_info, history, session):
        self.method = method
        self.url = url
        self.real_url = url
        self.request_info = request_info
        self.history = tuple(history)
        self.status = None
        self.reason = None
        self.version = None
        self.headers = CIMultiDictProxy(CIMultiDict())
        self.raw_headers = ()
        self.content = None
        self._body = None
        self._conn = None
        self._session = session
        self._released = False
        self._reusable = False

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        ctype = self.headers.get("Content-Type", "application/octet-stream")
        return ctype.split(";")[0].strip().lower()

    @property
    def charset(self):
        ctype = self.headers.get("Content-Type", "")
        for part in ctype.split(";")[1:]:
            k, _, v = part.strip().partition("=")
            if k.lower() == "charset":
                return v.strip('"')
        return None

    @property
    def content_length(self):
        v = self.headers.get("Content-Length")
        return int(v) if v is not None else None

    @property
    def closed(self):
        return self._released

    async def _start(self, conn, read_timeout):
        self._conn = conn
        reader = conn.reader

        async def head():
            status = await reader.readline()
            if not status:
                raise ServerDisconnectedError("Server disconnected")
            parts = status.decode("latin-1").rstrip("\r\n").split(" ", 2)
            if len(parts) < 2 or not parts[0].startswith("HTTP/"):
                raise ClientResponseError(
                    self.request_info, self.history, status=400,
                    message=f"Invalid HTTP status line: {status!r}")
            headers = CIMultiDict()
            raw = []
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                name = name.strip()
                value = value.strip()
                headers.add(name, value)
                raw.append((name.encode("latin-1"), value.encode("latin-1")))
            return parts, headers, raw

        try:
            if read_timeout is not None:
                parts, headers, raw = await asyncio.wait_for(head(), read_timeout)
            else:
                parts, headers, raw = await head()
        except asyncio.TimeoutError:
            raise ServerTimeoutError("Timeout on reading data from socket") from None
        except asyncio.IncompleteReadError:
            raise ServerDisconnectedError("Server disconnected") from None
        except ConnectionError as exc:
            raise ClientOSError(*exc.args) from None
        version = parts[0][5:].split(".")
        self.version = (int(version[0]), int(version[1])) if len(version) == 2 else (1, 1)
        try:
            self.status = int(parts[1])
        except ValueError:
            raise ClientResponseError(
                self.request_info, self.history, status=400,
                message=f"Invalid HTTP status line") from None
        self.reason = parts[2] if len(parts) > 2 else ""
        self.headers = CIMultiDictProxy(headers)
        self.raw_headers = tuple(raw)
        chunked = "chunked" in headers.get("Transfer-Encoding", "").lower()
        length = None
        if self.method == "HEAD" or self.status in (204, 304) or 100 <= self.status < 200:
            length = 0
        elif not chunked and "Content-Length" in headers:
            try:
                length = int(headers["Content-Length"])
            except ValueError:
                raise ClientPayloadError("Invalid Content-Length header") from None
        keep = headers.get("Connection", "").lower() != "close" and self.version >= (1, 1)
        self._reusable = keep and (chunked or length is not None)
        self.content = StreamReader(self, reader, length, chunked, read_timeout)
        if length == 0:
            self._body_done(True)
        return self

    def _body_done(self, clean):
        # The body was read to its end: the connection may serve again.
        if self._conn is not None:
            conn, self._conn = self._conn, None
            self._session._connector._release(conn, clean and self._reusable)

    async def read(self):
        if self._body is None:
            try:
                self._body = await self.content.read()
            except BaseException:
                self.close()
                raise
        return self._body

    def get_encoding(self):
        return self.charset or "utf-8"

    async def text(self, encoding=None, errors="strict"):
        body = await self.read()
        return body.decode(encoding or self.get_encoding(), errors)

    async def json(self, *, encoding=None, loads=None, content_type="application/json"):
        body = await self.read()
        if content_type:
            ctype = self.content_type
            if content_type not in ctype:
                raise ContentTypeError(
                    self.request_info, self.history, status=self.status,
                    message=f"Attempt to decode JSON with unexpected mimetype: {ctype}",
                    headers=self.headers)
        stripped = body.strip()
        if not stripped:
            return None
        if loads is None:
            import json
            loads = json.loads
        return loads(stripped.decode(encoding or self.get_encoding()))

    def raise_for_status(self):
        if self.status >= 400:
            self.release()
            raise ClientResponseError(
                self.request_info, self.history, status=self.status,
                message=self.reason, headers=self.headers)

    def release(self):
        if self._released:
            return
        self._released = True
        if self._conn is not None:
            # Body not read to the end: the connection cannot be reused.
            conn, self._conn = self._conn, None
            self._session._connector._release(conn, False)

    def close(self):
        self.release()

    async def wait_for_close(self):
        self.release()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _RequestContextManager:
    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    def send(self, value):
        return self._coro.send(value)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


def _encode_body(data, json_data, headers, json_serialize):
    if json_data is not None:
        if json_serialize is None:
            import json
            json_serialize = json.dumps
        if data is not None:
            raise ValueError(
                "data and json parameters can not be used at the same time")
        if "Content-Type" not in headers:
            headers["Content-Type"] = "application/json"
        return json_serialize(json_data).encode("utf-8")
    if data is None:
        return None
    if isinstance(data, str):
        if "Content-Type" not in headers:
            headers["Content-Type"] = "text/plain; charset=utf-8"
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray)):
        if "Content-Type" not in headers:
            headers["Content-Type"] = "application/octet-stream"
        return bytes(data)
    if isinstance(data, dict) or isinstance(data, (list, tuple)):
        items = data.items() if isinstance(data, dict) else data
        if "Content-Type" not in headers:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        from aiohttp.helpers import quote
        return "&".join(f"{quote(str(k))}={quote(str(v))}" for k, v in items).encode()
    raise TypeError(f"data type {type(data).__name__} is not supported")


class ClientSession:
    def __init__(self, base_url=None, *, connector=None, headers=None,
                 timeout=None, raise_for_status=False, json_serialize=None,
                 auto_decompress=True, cookies=None, connector_owner=True,
                 skip_auto_headers=None, auth=None, trust_env=False, **kwargs):
        self._base_url = URL(base_url) if base_url is not None else None
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = CIMultiDict(headers or {})
        self._timeout = timeout if timeout is not None else ClientTimeout(total=300)
        self._raise_for_status = raise_for_status
        self._json_serialize = json_serialize
        self._auth = auth
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                await self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return self.request("GET", url, allow_redirects=allow_redirects, **kwargs)

    def options(self, url, *, allow_redirects=True, **kwargs):
        return self.request("OPTIONS", url, allow_redirects=allow_redirects, **kwargs)

    def head(self, url, *, allow_redirects=False, **kwargs):
        return self.request("HEAD", url, allow_redirects=allow_redirects, **kwargs)

    def post(self, url, *, data=None, **kwargs):
        return self.request("POST", url, data=data, **kwargs)

    def put(self, url, *, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, *, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    async def _request(self, method, str_or_url, *, params=None, data=None,
                       json=None, headers=None, timeout=None,
                       allow_redirects=True, max_redirects=10,
                       raise_for_status=None, auth=None, **kwargs):
        if self._closed:
            raise RuntimeError("Session is closed")
        method = method.upper()
        url = URL(str_or_url)
        if self._base_url is not None and not url.is_absolute():
            url = self._base_url.join(url)
        if params:
            url = url.update_query(params)
        all_headers = CIMultiDict(self._default_headers)
        for k, v in (headers or {}).items():
            all_headers[k] = v
        auth = auth or self._auth
        if auth is not None and "Authorization" not in all_headers:
            all_headers["Authorization"] = auth.encode()
        body = _encode_body(data, json, all_headers, self._json_serialize)
        if timeout is None:
            timeout = self._timeout
        elif not isinstance(timeout, ClientTimeout):
            timeout = ClientTimeout(total=timeout)
        if raise_for_status is None:
            raise_for_status = self._raise_for_status
        history = []
        coro = self._follow(method, url, all_headers, body, timeout,
                            allow_redirects, max_redirects, history)
        if timeout.total is not None:
            try:
                resp = await asyncio.wait_for(coro, timeout.total)
            except asyncio.TimeoutError:
                raise ServerTimeoutError(
                    f"Timeout on request {method} {url}") from None
        else:
            resp = await coro
        if raise_for_status:
            resp.raise_for_status()
        return resp

    async def _follow(self, method, url, headers, body, timeout,
                      allow_redirects, max_redirects, history):
        while True:
            resp = await self._send(method, url, headers, body, timeout, history)
            if resp.status in (301, 302, 303, 307, 308) and allow_redirects:
                location = resp.headers.get("Location")
                if location is None:
                    return resp
                await resp.read()
                resp.release()
                history.append(resp)
                if len(history) > max_redirects:
                    raise TooManyRedirects(
                        resp.request_info, tuple(history), status=resp.status,
                        message="Too many redirects", headers=resp.headers)
                if (resp.status == 303 and method != "HEAD") or (
                        resp.status in (301, 302) and method == "POST"):
                    method = "GET"
                    body = None
                    headers.pop("Content-Type", None)
                url = url.join(URL(location))
                continue
            return resp

    async def _send(self, method, url, headers, body, timeout, history):
        if url.scheme not in ("http", "https"):
            raise InvalidURL(str(url))
        if url.scheme == "https":
            raise ClientConnectorError(
                (url.host, url.port, url.host), OSError(
                    0, "https:// is not supported by weft's aiohttp (no TLS)"))
        key = (url.host, url.port, url.host)
        conn = await self._connector._acquire(key, timeout.connect or timeout.sock_connect)
        host = url.host if url.port == 80 else f"{url.host}:{url.port}"
        lines = [f"{method} {url.path_qs} HTTP/1.1", f"Host: {host}"]
        sent = {"host"}
        for k, v in headers.items():
            if k.lower() not in sent:
                lines.append(f"{k}: {v}")
        lower = {k.lower() for k in headers.keys()}
        if "accept" not in lower:
            lines.append("Accept: */*")
        if "accept-encoding" not in lower:
            lines.append("Accept-Encoding: identity")
        if "user-agent" not in lower:
            lines.append(f"User-Agent: Python/3.11 aiohttp/{__version__}")
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        elif method in ("POST", "PUT", "PATCH"):
            lines.append("Content-Length: 0")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        info = RequestInfo(url, method, CIMultiDictProxy(CIMultiDict(headers)), url)
        resp = ClientResponse(method, url, info, history, self)
        try:
            conn.writer.write(head)
            if body:
                conn.writer.write(body)
            await conn.writer.drain()
            await resp._start(conn, timeout.sock_read)
        except ConnectionError as exc:
            self._connector._release(conn, False)
            raise ClientOSError(*exc.args) from None
        except BaseException:
            self._connector._release(conn, False)
            raise
        return resp


async def request(method, url, **kwargs):
    async with ClientSession() as session:
        async with session.request(method, url, **kwargs) as resp:
            await resp.read()
            return resp
