# Sockets on the event loop, in weft on the native reactor (src/aio/reactor.rs):
# the loop's sock_* coroutines, the socket transports, Server,
# create_connection / create_server (TCP and Unix), create_datagram_endpoint
# and getaddrinfo. The shape follows CPython 3.11's selector event loop: a
# transport registers a reader callback for its fd, calls the protocol from
# it, and buffers writes the kernel does not take at once behind a writer
# callback.

import _asyncio
import socket

import asyncio
from asyncio.transports import _FlowControlMixin, DatagramTransport
from asyncio.protocols import Protocol

_Loop = _asyncio.EventLoop
_MAX_SIZE = 256 * 1024


def _method(name):
    def deco(fn):
        _asyncio._set_class_attr(_Loop, name, fn)
        return fn
    return deco


def _os_error(errno, message):
    # OSError(errno, msg) of the subclass CPython picks for errno.
    return _asyncio._os_error(errno, message)


# ---- low-level socket operations -----------------------------------------

def _remove_reader_cb(loop, fd):
    def cb(fut):
        loop.remove_reader(fd)
    return cb


def _remove_writer_cb(loop, fd):
    def cb(fut):
        loop.remove_writer(fd)
    return cb


def _check_sock(sock):
    if sock.gettimeout() != 0:
        raise ValueError("the socket must be non-blocking")


def _sock_recv_ready(fut, sock, n):
    if fut.done():
        return
    try:
        data = sock.recv(n)
    except (BlockingIOError, InterruptedError):
        return
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result(data)


@_method("sock_recv")
async def sock_recv(self, sock, n):
    _check_sock(sock)
    try:
        return sock.recv(n)
    except (BlockingIOError, InterruptedError):
        pass
    fut = self.create_future()
    fd = sock.fileno()
    self.add_reader(fd, _sock_recv_ready, fut, sock, n)
    fut.add_done_callback(_remove_reader_cb(self, fd))
    return await fut


def _sock_recv_into_ready(fut, sock, buf):
    if fut.done():
        return
    try:
        n = sock.recv_into(buf)
    except (BlockingIOError, InterruptedError):
        return
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result(n)


@_method("sock_recv_into")
async def sock_recv_into(self, sock, buf):
    _check_sock(sock)
    try:
        return sock.recv_into(buf)
    except (BlockingIOError, InterruptedError):
        pass
    fut = self.create_future()
    fd = sock.fileno()
    self.add_reader(fd, _sock_recv_into_ready, fut, sock, buf)
    fut.add_done_callback(_remove_reader_cb(self, fd))
    return await fut


def _sock_sendall_ready(fut, sock, view, pos):
    if fut.done():
        return
    start = pos[0]
    try:
        n = sock.send(view[start:])
    except (BlockingIOError, InterruptedError):
        return
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
        return
    start += n
    if start == len(view):
        fut.set_result(None)
    else:
        pos[0] = start


@_method("sock_sendall")
async def sock_sendall(self, sock, data):
    _check_sock(sock)
    try:
        n = sock.send(data)
    except (BlockingIOError, InterruptedError):
        n = 0
    if n == len(data):
        return
    fut = self.create_future()
    fd = sock.fileno()
    self.add_writer(fd, _sock_sendall_ready, fut, sock, bytes(data), [n])
    fut.add_done_callback(_remove_writer_cb(self, fd))
    return await fut


@_method("sock_sendto")
async def sock_sendto(self, sock, data, address):
    _check_sock(sock)
    while True:
        try:
            return sock.sendto(data, address)
        except (BlockingIOError, InterruptedError):
            fut = self.create_future()
            fd = sock.fileno()
            self.add_writer(fd, _set_none, fut)
            fut.add_done_callback(_remove_writer_cb(self, fd))
            await fut


@_method("sock_recvfrom")
async def sock_recvfrom(self, sock, bufsize):
    _check_sock(sock)
    while True:
        try:
            return sock.recvfrom(bufsize)
        except (BlockingIOError, InterruptedError):
            fut = self.create_future()
            fd = sock.fileno()
            self.add_reader(fd, _set_none, fut)
            fut.add_done_callback(_remove_reader_cb(self, fd))
            await fut


def _set_none(fut):
    if not fut.done():
        fut.set_result(None)


def _sock_connect_ready(fut, sock, address):
    if fut.done():
        return
    try:
        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err != 0:
            raise _os_error(err, f'Connect call failed {address}')
    except (BlockingIOError, InterruptedError):
        pass
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result(None)


@_method("sock_connect")
async def sock_connect(self, sock, address):
    _check_sock(sock)
    if sock.family != socket.AF_UNIX:
        resolved = await self._ensure_resolved(address, family=sock.family,
                                               type=sock.type, proto=sock.proto)
        _, _, _, _, address = resolved[0]
    fut = self.create_future()
    try:
        sock.connect(address)
    except (BlockingIOError, InterruptedError):
        fd = sock.fileno()
        self.add_writer(fd, _sock_connect_ready, fut, sock, address)
        fut.add_done_callback(_remove_writer_cb(self, fd))
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result(None)
    return await fut


def _sock_accept_ready(fut, sock):
    if fut.done():
        return
    try:
        conn, address = sock.accept()
        conn.setblocking(False)
    except (BlockingIOError, InterruptedError):
        return
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        fut.set_exception(exc)
    else:
        fut.set_result((conn, address))


@_method("sock_accept")
async def sock_accept(self, sock):
    _check_sock(sock)
    fut = self.create_future()
    fd = sock.fileno()
    self.add_reader(fd, _sock_accept_ready, fut, sock)
    fut.add_done_callback(_remove_reader_cb(self, fd))
    return await fut


# ---- name resolution -----------------------------------------------------

@_method("getaddrinfo")
async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
    # Blocking resolution runs off the loop (a thread job).
    return await self.run_in_executor(None, socket.getaddrinfo, host, port,
                                      family, type, proto, flags)


@_method("getnameinfo")
async def getnameinfo(self, sockaddr, flags=0):
    raise NotImplementedError("getnameinfo is not supported by weft")


@_method("_ensure_resolved")
async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM,
                           proto=0, flags=0):
    host, port = address[:2]
    try:
        # Numeric addresses resolve without a lookup, on the loop.
        return socket.getaddrinfo(host, port, family, type, proto,
                                  flags | socket.AI_NUMERICHOST)
    except socket.gaierror:
        pass
    return await self.getaddrinfo(host, port, family=family, type=type,
                                  proto=proto, flags=flags)


# ---- the socket transport ------------------------------------------------

class _SelectorSocketTransport(_FlowControlMixin):
    max_size = _MAX_SIZE

    def __init__(self, loop, sock, protocol, waiter=None, extra=None,
                 server=None):
        super().__init__(extra, loop)
        self._extra['socket'] = sock
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol_connected = False
        self.set_protocol(protocol)
        self._server = server
        self._buffer = bytearray()
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        self._eof = False
        if self._server is not None:
            self._server._attach()
        if sock.family != socket.AF_UNIX and sock.type == socket.SOCK_STREAM:
            # CPython turns Nagle's algorithm off for every TCP transport.
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(asyncio._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        return '<{}>'.format(' '.join(info))

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop.remove_reader(self._sock_fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)

    def _add_reader(self, fd, callback, *args):
        if not self.is_reading():
            return
        self._loop.add_reader(fd, callback, *args)

    def get_write_buffer_size(self):
        return len(self._buffer)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop.remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._loop.remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop.remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            # Half-open: stop reading, keep writing.
            self._loop.remove_reader(self._sock_fd)
        else:
            self.close()

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            if self._conn_lost >= 5:
                asyncio._warn_once('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            else:
                data = data[n:]
                if not data:
                    return
            self._loop.add_writer(self._sock_fd, self._write_ready)
        self._buffer.extend(data)
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def _write_ready(self):
        if self._conn_lost:
            return
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.remove_writer(self._sock_fd)
            self._buffer.clear()
            self._fatal_error(exc, 'Fatal write error on socket transport')
        else:
            if n:
                del self._buffer[:n]
            self._maybe_resume_protocol()
            if not self._buffer:
                self._loop.remove_writer(self._sock_fd)
                if self._closing:
                    self._call_connection_lost(None)
                elif self._eof:
                    self._sock.shutdown(socket.SHUT_WR)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(socket.SHUT_WR)

    def can_write_eof(self):
        return True


class _SelectorDatagramTransport(DatagramTransport):
    def __init__(self, loop, sock, protocol, address=None, waiter=None, extra=None):
        super().__init__(extra)
        self._loop = loop
        self._extra['socket'] = sock
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._address = address
        self._buffer = []
        self._conn_lost = 0
        self._closing = False
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._loop.add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(asyncio._set_result_unless_cancelled, waiter, None)

    def get_write_buffer_size(self):
        return sum(len(data) for data, _ in self._buffer)

    def is_closing(self):
        return self._closing

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop.remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._loop.remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop.remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(_MAX_SIZE)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._force_close(exc)
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(
                    f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                self._loop.add_writer(self._sock_fd, self._sendto_ready)
            except OSError as exc:
                self._protocol.error_received(exc)
                return
        self._buffer.append((bytes(data), addr))

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.pop(0)
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.insert(0, (data, addr))
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
        if not self._buffer:
            self._loop.remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)


# ---- servers -------------------------------------------------------------

class Server:
    def __init__(self, loop, sockets, protocol_factory, backlog):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(self._protocol_factory, sock, self)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await asyncio.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except asyncio.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


def _accept_connection(loop, protocol_factory, sock, server, backlog):
    # Accept up to `backlog` connections per readiness event.
    for _ in range(backlog):
        try:
            conn, addr = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return
        except OSError as exc:
            loop.call_exception_handler({
                'message': 'socket.accept() out of system resource',
                'exception': exc,
                'socket': sock,
            })
            return
        extra = {'peername': addr}
        asyncio.ensure_future(
            _accept_connection2(loop, protocol_factory, conn, extra, server),
            loop=loop)


async def _accept_connection2(loop, protocol_factory, conn, extra, server):
    protocol = None
    transport = None
    try:
        protocol = protocol_factory()
        waiter = loop.create_future()
        transport = _SelectorSocketTransport(loop, conn, protocol, waiter, extra, server)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        loop.call_exception_handler({
            'message': 'Error on transport creation for incoming connection',
            'exception': exc,
            'protocol': protocol,
            'transport': transport,
        })


@_method("_start_serving")
def _start_serving(self, protocol_factory, sock, server, backlog=100):
    self.add_reader(sock.fileno(), _accept_connection, self, protocol_factory,
                    sock, server, backlog)


@_method("create_server")
async def create_server(self, protocol_factory, host=None, port=None, *,
                        family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE,
                        sock=None, backlog=100, ssl=None, reuse_address=None,
                        reuse_port=None, ssl_handshake_timeout=None,
                        ssl_shutdown_timeout=None, start_serving=True):
    if ssl is not None:
        raise NotImplementedError("weft has no TLS support yet")
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError(
                'host/port and sock can not be specified at the same time')
        if reuse_address is None:
            reuse_address = True
        if host == '':
            hosts = [None]
        elif isinstance(host, str) or host is None:
            hosts = [host]
        else:
            hosts = host
        infos = []
        for h in hosts:
            infos.extend(await self._ensure_resolved(
                (h if h is not None else '', port), family=family,
                type=socket.SOCK_STREAM, flags=flags))
        sockets = []
        completed = False
        try:
            seen = set()
            for af, socktype, proto, canonname, sa in infos:
                if (af, sa) in seen:
                    continue
                seen.add((af, sa))
                sock = socket.socket(af, socktype, proto)
                sockets.append(sock)
                if reuse_address:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, True)
                if af == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                try:
                    sock.bind(sa)
                except OSError as err:
                    raise _os_error(err.errno, 'error while attempting '
                                    'to bind on address %r: %s'
                                    % (sa, err.strerror.lower())) from None
            completed = True
        finally:
            if not completed:
                for s in sockets:
                    s.close()
    else:
        if sock is None:
            raise ValueError('Neither host/port nor sock were specified')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        sockets = [sock]
    for s in sockets:
        s.setblocking(False)
    server = Server(self, sockets, protocol_factory, backlog)
    if start_serving:
        server._start_serving()
        await asyncio.sleep(0)
    return server


@_method("create_unix_server")
async def create_unix_server(self, protocol_factory, path=None, *, sock=None,
                             backlog=100, ssl=None, ssl_handshake_timeout=None,
                             ssl_shutdown_timeout=None, start_serving=True):
    if ssl is not None:
        raise NotImplementedError("weft has no TLS support yet")
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(path)
        except OSError as exc:
            sock.close()
            if exc.errno == 98:
                raise _os_error(98, f'Address {path!r} is already in use') from None
            raise
        except BaseException:
            sock.close()
            raise
    elif sock is None:
        raise ValueError('path was not specified, and no sock specified')
    sock.setblocking(False)
    server = Server(self, [sock], protocol_factory, backlog)
    if start_serving:
        server._start_serving()
        await asyncio.sleep(0)
    return server


async def _connect_sock(loop, exceptions, addr_info, local_addr_infos=None):
    family, type_, proto, _, address = addr_info
    sock = None
    try:
        sock = socket.socket(family=family, type=type_, proto=proto)
        sock.setblocking(False)
        if local_addr_infos is not None:
            for lfamily, _, _, _, laddr in local_addr_infos:
                if lfamily != family:
                    continue
                sock.bind(laddr)
                break
        await loop.sock_connect(sock, address)
        return sock
    except OSError as exc:
        exceptions.append(exc)
        if sock is not None:
            sock.close()
        raise
    except BaseException:
        if sock is not None:
            sock.close()
        raise


async def _make_transport(loop, sock, protocol_factory, server_hostname=None):
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = _SelectorSocketTransport(loop, sock, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


@_method("create_connection")
async def create_connection(self, protocol_factory, host=None, port=None, *,
                            ssl=None, family=0, proto=0, flags=0, sock=None,
                            local_addr=None, server_hostname=None,
                            ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None,
                            happy_eyeballs_delay=None, interleave=None):
    if ssl is not None:
        raise NotImplementedError("weft has no TLS support yet")
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError(
                'host/port and sock can not be specified at the same time')
        infos = await self._ensure_resolved(
            (host, port), family=family, type=socket.SOCK_STREAM, proto=proto,
            flags=flags)
        if not infos:
            raise OSError('getaddrinfo() returned empty list')
        laddr_infos = None
        if local_addr is not None:
            laddr_infos = await self._ensure_resolved(
                local_addr, family=family, type=socket.SOCK_STREAM,
                proto=proto, flags=flags)
        exceptions = []
        sock = None
        for addrinfo in infos:
            try:
                sock = await _connect_sock(self, exceptions, addrinfo, laddr_infos)
                break
            except OSError:
                continue
        if sock is None:
            if len(exceptions) == 1:
                raise exceptions[0]
            model = str(exceptions[0])
            if all(str(exc) == model for exc in exceptions):
                raise exceptions[0]
            raise OSError('Multiple exceptions: {}'.format(
                ', '.join(str(exc) for exc in exceptions)))
    else:
        if sock is None:
            raise ValueError(
                'host and port was not specified and no sock specified')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        sock.setblocking(False)
    return await _make_transport(self, sock, protocol_factory)


@_method("create_unix_connection")
async def create_unix_connection(self, protocol_factory, path=None, *, ssl=None,
                                 sock=None, server_hostname=None,
                                 ssl_handshake_timeout=None,
                                 ssl_shutdown_timeout=None):
    if ssl is not None:
        raise NotImplementedError("weft has no TLS support yet")
    if path is not None:
        if sock is not None:
            raise ValueError('path and sock can not be specified at the same time')
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
        try:
            sock.setblocking(False)
            await self.sock_connect(sock, path)
        except BaseException:
            sock.close()
            raise
    else:
        if sock is None:
            raise ValueError('no path and sock were specified')
        sock.setblocking(False)
    return await _make_transport(self, sock, protocol_factory)


@_method("connect_accepted_socket")
async def connect_accepted_socket(self, protocol_factory, sock, *, ssl=None,
                                  ssl_handshake_timeout=None,
                                  ssl_shutdown_timeout=None):
    sock.setblocking(False)
    return await _make_transport(self, sock, protocol_factory)


@_method("create_datagram_endpoint")
async def create_datagram_endpoint(self, protocol_factory, local_addr=None,
                                   remote_addr=None, *, family=0, proto=0,
                                   flags=0, reuse_port=None,
                                   allow_broadcast=None, sock=None):
    if sock is not None:
        sock.setblocking(False)
        r_addr = None
    else:
        if not (local_addr or remote_addr):
            if family == 0:
                raise ValueError('unexpected address family')
            infos = [(family, proto, (None, None))]
        else:
            addr_pairs = {}
            for idx, addr in ((0, local_addr), (1, remote_addr)):
                if addr is None:
                    continue
                if family == socket.AF_UNIX:
                    addr_pairs.setdefault((family, proto), [None, None])[idx] = addr
                    continue
                for fam, _, pro, _, address in await self._ensure_resolved(
                        addr, family=family, type=socket.SOCK_DGRAM,
                        proto=proto, flags=flags):
                    key = (fam, pro)
                    if key not in addr_pairs:
                        addr_pairs[key] = [None, None]
                    if addr_pairs[key][idx] is None:
                        addr_pairs[key][idx] = address
            infos = [(k[0], k[1], tuple(v)) for k, v in addr_pairs.items()
                     if not ((local_addr and v[0] is None) or
                             (remote_addr and v[1] is None))]
            if not infos:
                raise ValueError('can not get address information')
        exceptions = []
        for fam, pro, (local_address, remote_address) in infos:
            sock = None
            r_addr = None
            try:
                sock = socket.socket(fam, socket.SOCK_DGRAM, pro)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if allow_broadcast:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                sock.setblocking(False)
                if local_address:
                    sock.bind(local_address)
                if remote_address:
                    if not allow_broadcast:
                        await self.sock_connect(sock, remote_address)
                    r_addr = remote_address
            except OSError as exc:
                if sock is not None:
                    sock.close()
                exceptions.append(exc)
            except BaseException:
                if sock is not None:
                    sock.close()
                raise
            else:
                break
        else:
            raise exceptions[0]
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _SelectorDatagramTransport(self, sock, protocol, r_addr, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol
