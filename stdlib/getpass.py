"""Reading a password without echo, and the login name, as CPython 3.11's
getpass module documents them.

Written for weft: getpass() turns echo off on the controlling terminal
(/dev/tty) through the native posix module; without a terminal it warns
and reads standard input, as CPython does.
"""

import os
import sys
import posix

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def getuser():
    """The login name: LOGNAME, USER, LNAME or USERNAME, else the password
    database's name for the user id."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    name = posix._pw_name(os.getuid())
    if name is None:
        raise OSError(f"No username set in the environment and no password entry for uid {os.getuid()}")
    return name


def fallback_getpass(prompt="Password: ", stream=None):
    """Read a password from standard input with echo on, after a
    GetPassWarning and a notice on stream (where echo cannot be turned
    off)."""
    import warnings
    warnings.warn("Can not control echo on the terminal.", GetPassWarning,
                  stacklevel=2)
    if not stream:
        stream = sys.stderr
    print("Warning: Password input may be echoed.", file=stream)
    stream.write(prompt)
    stream.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    if line.endswith("\n"):
        line = line[:-1]
    return line


def unix_getpass(prompt="Password: ", stream=None):
    """Prompt for a password with echo turned off."""
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return fallback_getpass(prompt, stream)
    try:
        try:
            old = posix._set_echo(fd, False)
        except OSError:
            return fallback_getpass(prompt, stream)
        try:
            os.write(fd, prompt.encode())
            chunks = []
            while True:
                b = os.read(fd, 1)
                if not b or b == b"\n":
                    break
                chunks.append(b)
            os.write(fd, b"\n")
        finally:
            posix._set_echo(fd, old)
        return b"".join(chunks).decode("utf-8", "replace")
    finally:
        os.close(fd)


getpass = unix_getpass
