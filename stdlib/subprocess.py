"""Running child processes, as CPython 3.11's subprocess module documents
it (POSIX). Blocking: waiting and communicating hold the calling thread.

Written for weft on the native `_subprocess` (spawn, communicate, wait)
and `os`. Not supported (they raise ValueError if asked for): preexec_fn,
pass_fds, and user/group/umask changes. Descriptors other than the three
standard streams are never inherited (what close_fds=True gives).
"""

import os
import time as _time
import _subprocess

__all__ = [
    "Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
    "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
    "SubprocessError", "TimeoutExpired", "CompletedProcess", "list2cmdline",
]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_SIGTERM = 15
_SIGKILL = 9


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when a process run with check=True exits with a non-zero
    status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                import signal
                name = signal.Signals(-self.returncode).name
                return f"Command '{self.cmd}' died with <Signals.{name}: {-self.returncode}>."
            except (ImportError, AttributeError, ValueError):
                return f"Command '{self.cmd}' died with unknown signal {-self.returncode}."
        return f"Command '{self.cmd}' returned non-zero exit status {self.returncode}."

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return f"Command '{self.cmd}' timed out after {self.timeout} seconds"

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: args, returncode, stdout and stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = [f"args={self.args!r}", f"returncode={self.returncode!r}"]
        if self.stdout is not None:
            args.append(f"stdout={self.stdout!r}")
        if self.stderr is not None:
            args.append(f"stderr={self.stderr!r}")
        return f"{type(self).__name__}({', '.join(args)})"

    @classmethod
    def __class_getitem__(cls, item):
        return cls

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def list2cmdline(seq):
    """A command line in the MS C runtime's quoting (kept for callers that
    build display strings with it)."""
    result = []
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(" ")
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == "\\":
                bs_buf.append(c)
            elif c == '"':
                result.append("\\" * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return "".join(result)


class Popen:
    """A child process; its pipes are file objects (stdin, stdout, stderr)
    when PIPE was asked for."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self._input_fd = None
        self._input = b""
        self._out = b""
        self._err = b""
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        if preexec_fn is not None:
            raise ValueError("preexec_fn is not supported by weft")
        if pass_fds:
            raise ValueError("pass_fds is not supported by weft")
        if user is not None or group is not None or extra_groups is not None or umask != -1:
            raise ValueError("user, group, extra_groups and umask are not supported by weft")
        if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError(
                "Cannot disambiguate when both text and universal_newlines are supplied but "
                "different. Pass one or the other."
            )
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode

        if isinstance(args, (str, bytes)) or hasattr(args, "__fspath__"):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            shell_prog = "/bin/sh"
            argv = [shell_prog, "-c"] + argv
            if executable:
                argv[0] = executable
            executable = None

        # The child's ends of its three streams; ours are kept to wrap.
        to_close = []
        child = [-1, -1, -1]
        ours = [None, None, None]
        for i, spec in enumerate((stdin, stdout, stderr)):
            if spec is None:
                continue
            if spec == PIPE:
                r, w = os.pipe()
                if i == 0:
                    child[i], ours[i] = r, w
                else:
                    child[i], ours[i] = w, r
                to_close.append(child[i])
            elif spec == DEVNULL:
                fd = os.open(os.devnull, os.O_RDWR)
                child[i] = fd
                to_close.append(fd)
            elif spec == STDOUT:
                if i != 2:
                    raise ValueError("STDOUT can only be used for stderr")
                child[2] = child[1] if child[1] >= 0 else 1
            elif isinstance(spec, int):
                if spec < 0:
                    raise ValueError(f"bad file descriptor {spec}")
                child[i] = spec
            else:
                child[i] = spec.fileno()
        try:
            self.pid = _subprocess.spawn(
                argv, executable, cwd, env, child[0], child[1], child[2],
                bool(start_new_session) or process_group == 0,
            )
        except BaseException:
            for fd in ours:
                if fd is not None:
                    os.close(fd)
            raise
        finally:
            for fd in to_close:
                os.close(fd)
        self._fds = ours
        if ours[0] is not None:
            self.stdin = self._wrap(ours[0], "wb")
        if ours[1] is not None:
            self.stdout = self._wrap(ours[1], "rb")
        if ours[2] is not None:
            self.stderr = self._wrap(ours[2], "rb")

    def _wrap(self, fd, mode):
        if self.text_mode:
            return open(fd, mode[0], encoding=self.encoding, errors=self.errors)
        return open(fd, mode)

    def __repr__(self):
        return f"<Popen: returncode: {self.returncode} args: {self.args!r}>"

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    @classmethod
    def __class_getitem__(cls, item):
        return cls

    def poll(self):
        if self.returncode is None:
            self.returncode = _subprocess.wait(self.pid, 0)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        rc = _subprocess.wait(self.pid, timeout)
        if rc is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = rc
        return rc

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(_SIGTERM)

    def kill(self):
        self.send_signal(_SIGKILL)

    def communicate(self, input=None, timeout=None):
        """Send input to stdin, read stdout and stderr to their end, wait
        for the child; returns (stdout, stderr)."""
        if self._input_fd is None:
            if input is not None and self.text_mode:
                input = input.encode(self.encoding or "utf-8", self.errors or "strict")
            fin = -1
            if self.stdin is not None and not self.stdin.closed:
                # The native loop writes to (and closes) its own copy.
                try:
                    self.stdin.flush()
                except BrokenPipeError:
                    pass
                fin = os.dup(self.stdin.fileno())
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
            elif input:
                raise ValueError("Cannot send input after starting communication")
            self._input_fd = fin
            self._input = input or b""
        deadline = None if timeout is None else _time.monotonic() + timeout
        fout = self.stdout.fileno() if self.stdout is not None and not self.stdout.closed else -1
        ferr = self.stderr.fileno() if self.stderr is not None and not self.stderr.closed else -1
        out, err, timed_out, fin, written = _subprocess.communicate(
            self._input_fd, self._input, fout, ferr, timeout
        )
        self._input_fd = fin
        self._input = self._input[written:]
        self._out += out
        self._err += err
        if timed_out:
            raise TimeoutExpired(
                self.args, timeout,
                self._out if self.stdout is not None else None,
                self._err if self.stderr is not None else None,
            )
        for f in (self.stdout, self.stderr):
            if f is not None:
                f.close()
        if deadline is None:
            self.wait()
        else:
            self.wait(timeout=max(0.0, deadline - _time.monotonic()))
        out = self._decode(self._out) if self.stdout is not None else None
        err = self._decode(self._err) if self.stderr is not None else None
        return out, err

    def _decode(self, data):
        if not self.text_mode:
            return data
        text = data.decode(self.encoding or "utf-8", self.errors or "strict")
        return text.replace("\r\n", "\n").replace("\r", "\n")


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError(f"{kw} argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        if kwargs.get("universal_newlines") or kwargs.get("text") or kwargs.get("encoding") \
                or kwargs.get("errors"):
            empty = ""
        else:
            empty = b""
        kwargs["input"] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command, wait for it, and return a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
