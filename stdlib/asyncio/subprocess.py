# asyncio.subprocess: child processes on the event loop. The child is
# spawned by the native core (_asyncio._spawn), its pipes are non-blocking
# fds read and written by the pipe transports below, and its exit arrives
# through a pidfd on the reactor (loop._watch_child), which also reaps it.
# Process, create_subprocess_exec/shell and the transport/protocol layering
# (loop.subprocess_exec with a SubprocessProtocol) follow CPython 3.11.

import _asyncio
import asyncio
from asyncio import streams
from asyncio.protocols import Protocol, SubprocessProtocol
from asyncio.transports import (_FlowControlMixin, ReadTransport,
                                SubprocessTransport)

PIPE = -1
STDOUT = -2
DEVNULL = -3

_Loop = _asyncio.EventLoop
_MAX_SIZE = 256 * 1024


def _method(name):
    def deco(fn):
        _asyncio._set_class_attr(_Loop, name, fn)
        return fn
    return deco


def _fileno(pipe):
    return pipe if isinstance(pipe, int) else pipe.fileno()


# ---- pipe transports -----------------------------------------------------

class _ReadPipeTransport(ReadTransport):
    max_size = _MAX_SIZE

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None, own=True):
        super().__init__(extra)
        self._extra['pipe'] = pipe
        self._loop = loop
        self._pipe = pipe
        self._fileno = _fileno(pipe)
        self._own = own
        self._protocol = protocol
        self._closing = False
        self._paused = False
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._fileno, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(asyncio._set_result_unless_cancelled, waiter, None)

    def _add_reader(self, fd, callback):
        if not self.is_reading():
            return
        self._loop.add_reader(fd, callback)

    def is_reading(self):
        return not self._paused and not self._closing

    def _read_ready(self):
        try:
            data = _asyncio._fd_read(self._fileno, self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._fatal_error(exc, 'Fatal read error on pipe transport')
            return
        if data is None:
            return
        if data:
            self._protocol.data_received(data)
        else:
            self._closing = True
            self._loop.remove_reader(self._fileno)
            self._loop.call_soon(self._protocol.eof_received)
            self._loop.call_soon(self._call_connection_lost, None)

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop.remove_reader(self._fileno)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop.add_reader(self._fileno, self._read_ready)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if not self._closing:
            self._close(None)

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc):
        self._closing = True
        self._loop.remove_reader(self._fileno)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            _close_pipe(self)


def _close_pipe(transport):
    pipe = transport._pipe
    if pipe is None:
        return
    transport._pipe = None
    if isinstance(pipe, int):
        if transport._own:
            _asyncio._fd_close(pipe)
    else:
        pipe.close()
    transport._protocol = None
    transport._loop = None


class _WritePipeTransport(_FlowControlMixin):
    def __init__(self, loop, pipe, protocol, waiter=None, extra=None, own=True):
        super().__init__(extra, loop)
        self._extra['pipe'] = pipe
        self._pipe = pipe
        self._fileno = _fileno(pipe)
        self._own = own
        self._protocol = protocol
        self._buffer = bytearray()
        self._conn_lost = 0
        self._closing = False
        self._loop.call_soon(self._protocol.connection_made, self)
        if waiter is not None:
            self._loop.call_soon(asyncio._set_result_unless_cancelled, waiter, None)

    def get_write_buffer_size(self):
        return len(self._buffer)

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if isinstance(data, bytearray):
            data = bytes(data)
        if not data:
            return
        if self._conn_lost or self._closing:
            if self._conn_lost >= 5:
                asyncio._warn_once('pipe closed by peer or os.write(pipe, data) raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = _asyncio._fd_write(self._fileno, data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._conn_lost += 1
                self._fatal_error(exc, 'Fatal write error on pipe transport')
                return
            if n == len(data):
                return
            elif n > 0:
                data = data[n:]
            self._loop.add_writer(self._fileno, self._write_ready)
        self._buffer += data
        self._maybe_pause_protocol()

    def _write_ready(self):
        try:
            n = _asyncio._fd_write(self._fileno, self._buffer)
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._buffer.clear()
            self._conn_lost += 1
            self._loop.remove_writer(self._fileno)
            self._fatal_error(exc, 'Fatal write error on pipe transport')
        else:
            if n == len(self._buffer):
                self._buffer.clear()
                self._loop.remove_writer(self._fileno)
                self._maybe_resume_protocol()
                if self._closing:
                    self._call_connection_lost(None)
                return
            elif n > 0:
                del self._buffer[:n]

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._loop.call_soon(self._call_connection_lost, None)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if self._pipe is not None and not self._closing:
            self.write_eof()

    def abort(self):
        self._close(None)

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc=None):
        self._closing = True
        if self._buffer:
            self._loop.remove_writer(self._fileno)
        self._buffer.clear()
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._pipe is None:
            return
        try:
            self._protocol.connection_lost(exc)
        finally:
            _close_pipe(self)


@_method("connect_read_pipe")
async def connect_read_pipe(self, protocol_factory, pipe):
    protocol = protocol_factory()
    waiter = self.create_future()
    _asyncio._set_nonblocking(_fileno(pipe))
    transport = _ReadPipeTransport(self, pipe, protocol, waiter, own=False)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


@_method("connect_write_pipe")
async def connect_write_pipe(self, protocol_factory, pipe):
    protocol = protocol_factory()
    waiter = self.create_future()
    _asyncio._set_nonblocking(_fileno(pipe))
    transport = _WritePipeTransport(self, pipe, protocol, waiter, own=False)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


# ---- the subprocess transport ----------------------------------------------

class _PipeProto(Protocol):
    def __init__(self, proc, fd):
        self.proc = proc
        self.fd = fd
        self.pipe = None
        self.disconnected = False

    def connection_made(self, transport):
        self.pipe = transport

    def connection_lost(self, exc):
        self.disconnected = True
        self.proc._pipe_connection_lost(self.fd, exc)
        self.proc = None

    def pause_writing(self):
        self.proc._protocol.pause_writing()

    def resume_writing(self):
        self.proc._protocol.resume_writing()

    def data_received(self, data):
        self.proc._pipe_data_received(self.fd, data)


class _SubprocessTransport(SubprocessTransport):
    def __init__(self, loop, protocol, args, shell, stdin, stdout, stderr,
                 bufsize, waiter=None, extra=None, cwd=None, env=None, **kwargs):
        super().__init__(extra)
        self._closed = False
        self._protocol = protocol
        self._loop = loop
        self._returncode = None
        self._exit_waiters = []
        self._pending_calls = []
        self._pipes = {}
        self._finished = False
        if shell:
            args = ('/bin/sh', '-c', args)
        else:
            args = tuple(args)
        if env is not None:
            env = tuple((str(k), str(v)) for k, v in env.items())
        if cwd is not None:
            cwd = str(cwd)
        pid, in_fd, out_fd, err_fd = _asyncio._spawn(
            args, cwd, env, stdin, stdout, stderr)
        self._pid = pid
        self._fds = {0: in_fd, 1: out_fd, 2: err_fd}
        for fd, pipe in self._fds.items():
            if pipe is not None:
                self._pipes[fd] = None
        self._extra['subprocess'] = self
        loop._watch_child(pid, self._child_exited)
        loop.create_task(self._connect_pipes(waiter))

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._closed:
            info.append('closed')
        if self._pid is not None:
            info.append(f'pid={self._pid}')
        if self._returncode is not None:
            info.append(f'returncode={self._returncode}')
        elif self._pid is not None:
            info.append('running')
        return '<{}>'.format(' '.join(info))

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        for proto in self._pipes.values():
            if proto is None:
                continue
            proto.pipe.close()
        if self._returncode is None:
            try:
                _asyncio._kill(self._pid, 9)
            except ProcessLookupError:
                pass

    def get_pid(self):
        return self._pid

    def get_returncode(self):
        return self._returncode

    def get_pipe_transport(self, fd):
        if fd in self._pipes and self._pipes[fd] is not None:
            return self._pipes[fd].pipe
        return None

    def send_signal(self, signal):
        if self._returncode is not None:
            # The child was reaped: like Popen.send_signal, do nothing.
            return
        _asyncio._kill(self._pid, signal)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    async def _connect_pipes(self, waiter):
        try:
            loop = self._loop
            for fd in (0, 1, 2):
                pipe = self._fds[fd]
                if pipe is None:
                    continue
                proto = _PipeProto(self, fd)
                w = loop.create_future()
                if fd == 0:
                    _WritePipeTransport(loop, pipe, proto, w)
                else:
                    _ReadPipeTransport(loop, pipe, proto, w)
                await w
                self._pipes[fd] = proto
            loop.call_soon(self._protocol.connection_made, self)
            for callback, data in self._pending_calls:
                loop.call_soon(callback, *data)
            self._pending_calls = None
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if waiter is not None and not waiter.cancelled():
                waiter.set_exception(exc)
        else:
            if waiter is not None and not waiter.cancelled():
                waiter.set_result(None)

    def _call(self, cb, *data):
        if self._pending_calls is not None:
            self._pending_calls.append((cb, data))
        else:
            self._loop.call_soon(cb, *data)

    def _pipe_connection_lost(self, fd, exc):
        self._call(self._protocol.pipe_connection_lost, fd, exc)
        self._try_finish()

    def _pipe_data_received(self, fd, data):
        self._call(self._protocol.pipe_data_received, fd, data)

    def _child_exited(self, pid, returncode):
        self._process_exited(returncode)

    def _process_exited(self, returncode):
        self._returncode = returncode
        self._call(self._protocol.process_exited)
        self._try_finish()
        for waiter in self._exit_waiters:
            if not waiter.cancelled():
                waiter.set_result(returncode)
        self._exit_waiters = None

    async def _wait(self):
        if self._returncode is not None:
            return self._returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def _try_finish(self):
        if self._returncode is None:
            return
        if all(p is not None and p.disconnected for p in self._pipes.values()):
            self._finished = True
            self._call(self._call_connection_lost, None)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._loop = None
            self._protocol = None


@_method("subprocess_exec")
async def subprocess_exec(self, protocol_factory, program, *args, stdin=PIPE,
                          stdout=PIPE, stderr=PIPE, universal_newlines=False,
                          shell=False, bufsize=0, encoding=None, errors=None,
                          text=None, **kwargs):
    if universal_newlines:
        raise ValueError("universal_newlines must be False")
    if shell:
        raise ValueError("shell must be False")
    if bufsize != 0:
        raise ValueError("bufsize must be 0")
    if text:
        raise ValueError("text must be False")
    if encoding is not None:
        raise ValueError("encoding must be None")
    if errors is not None:
        raise ValueError("errors must be None")
    popen_args = (program,) + args
    protocol = protocol_factory()
    waiter = self.create_future()
    transp = _SubprocessTransport(self, protocol, popen_args, False, stdin,
                                  stdout, stderr, bufsize, waiter=waiter, **kwargs)
    try:
        await waiter
    except BaseException:
        transp.close()
        await transp._wait()
        raise
    return transp, protocol


@_method("subprocess_shell")
async def subprocess_shell(self, protocol_factory, cmd, *, stdin=PIPE,
                           stdout=PIPE, stderr=PIPE, universal_newlines=False,
                           shell=True, bufsize=0, encoding=None, errors=None,
                           text=None, **kwargs):
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    if universal_newlines:
        raise ValueError("universal_newlines must be False")
    if not shell:
        raise ValueError("shell must be True")
    if bufsize != 0:
        raise ValueError("bufsize must be 0")
    if text:
        raise ValueError("text must be False")
    if encoding is not None:
        raise ValueError("encoding must be None")
    if errors is not None:
        raise ValueError("errors must be None")
    if isinstance(cmd, bytes):
        cmd = cmd.decode()
    protocol = protocol_factory()
    waiter = self.create_future()
    transp = _SubprocessTransport(self, protocol, cmd, True, stdin, stdout,
                                  stderr, bufsize, waiter=waiter, **kwargs)
    try:
        await waiter
    except BaseException:
        transp.close()
        await transp._wait()
        raise
    return transp, protocol


# ---- the streams layer -----------------------------------------------------

class SubprocessStreamProtocol(streams.FlowControlMixin, SubprocessProtocol):
    def __init__(self, limit, loop):
        super().__init__(loop=loop)
        self._limit = limit
        self.stdin = self.stdout = self.stderr = None
        self._transport = None
        self._process_exited = False
        self._pipe_fds = []
        self._stdin_closed = self._loop.create_future()

    def __repr__(self):
        info = [self.__class__.__name__]
        if self.stdin is not None:
            info.append(f'stdin={self.stdin!r}')
        if self.stdout is not None:
            info.append(f'stdout={self.stdout!r}')
        if self.stderr is not None:
            info.append(f'stderr={self.stderr!r}')
        return '<{}>'.format(' '.join(info))

    def connection_made(self, transport):
        self._transport = transport
        stdout_transport = transport.get_pipe_transport(1)
        if stdout_transport is not None:
            self.stdout = streams.StreamReader(limit=self._limit, loop=self._loop)
            self.stdout.set_transport(stdout_transport)
            self._pipe_fds.append(1)
        stderr_transport = transport.get_pipe_transport(2)
        if stderr_transport is not None:
            self.stderr = streams.StreamReader(limit=self._limit, loop=self._loop)
            self.stderr.set_transport(stderr_transport)
            self._pipe_fds.append(2)
        stdin_transport = transport.get_pipe_transport(0)
        if stdin_transport is not None:
            self.stdin = streams.StreamWriter(stdin_transport, protocol=self,
                                              reader=None, loop=self._loop)

    def pipe_data_received(self, fd, data):
        if fd == 1:
            reader = self.stdout
        elif fd == 2:
            reader = self.stderr
        else:
            reader = None
        if reader is not None:
            reader.feed_data(data)

    def pipe_connection_lost(self, fd, exc):
        if fd == 0:
            pipe = self.stdin
            if pipe is not None:
                pipe.close()
            self.connection_lost(exc)
            if exc is None:
                self._stdin_closed.set_result(None)
            else:
                self._stdin_closed.set_exception(exc)
                self._stdin_closed.exception()
            return
        if fd == 1:
            reader = self.stdout
        elif fd == 2:
            reader = self.stderr
        else:
            reader = None
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if fd in self._pipe_fds:
            self._pipe_fds.remove(fd)
        self._maybe_close_transport()

    def process_exited(self):
        self._process_exited = True
        self._maybe_close_transport()

    def _maybe_close_transport(self):
        if len(self._pipe_fds) == 0 and self._process_exited:
            self._transport.close()
            self._transport = None

    def _get_close_waiter(self, stream):
        if stream is self.stdin:
            return self._stdin_closed


class Process:
    def __init__(self, transport, protocol, loop):
        self._transport = transport
        self._protocol = protocol
        self._loop = loop
        self.stdin = protocol.stdin
        self.stdout = protocol.stdout
        self.stderr = protocol.stderr
        self.pid = transport.get_pid()

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._transport.get_returncode()

    async def wait(self):
        return await self._transport._wait()

    def send_signal(self, signal):
        self._transport.send_signal(signal)

    def terminate(self):
        self._transport.terminate()

    def kill(self):
        self._transport.kill()

    async def _feed_stdin(self, input):
        self.stdin.write(input)
        try:
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, fd):
        transport = self._transport.get_pipe_transport(fd)
        if fd == 2:
            stream = self.stderr
        else:
            stream = self.stdout
        output = await stream.read()
        transport.close()
        return output

    async def communicate(self, input=None):
        if input is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        if self.stdout is not None:
            stdout = self._read_stream(1)
        else:
            stdout = self._noop()
        if self.stderr is not None:
            stderr = self._read_stream(2)
        else:
            stderr = self._noop()
        stdin, stdout, stderr = await asyncio.gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=streams._DEFAULT_LIMIT, **kwds):
    loop = asyncio.get_running_loop()
    protocol_factory = lambda: SubprocessStreamProtocol(limit=limit, loop=loop)
    transport, protocol = await loop.subprocess_shell(
        protocol_factory, cmd, stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(transport, protocol, loop)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None,
                                 stderr=None, limit=streams._DEFAULT_LIMIT, **kwds):
    loop = asyncio.get_running_loop()
    protocol_factory = lambda: SubprocessStreamProtocol(limit=limit, loop=loop)
    transport, protocol = await loop.subprocess_exec(
        protocol_factory, program, *args, stdin=stdin, stdout=stdout,
        stderr=stderr, **kwds)
    return Process(transport, protocol, loop)
