"""Facts about the platform the interpreter runs on, as CPython 3.11's
platform module documents them.

Written for weft on os.uname(). python_implementation() answers 'weft';
python_version() gives the CPython version weft follows.
"""

import os
import sys
import posix

__all__ = [
    "architecture", "machine", "node", "platform", "processor",
    "python_build", "python_compiler", "python_branch",
    "python_implementation", "python_revision", "python_version",
    "python_version_tuple", "release", "system", "system_alias", "uname",
    "version", "libc_ver", "freedesktop_os_release", "mac_ver", "win32_ver",
    "java_ver", "uname_result",
]


class uname_result(tuple):
    """(system, node, release, version, machine) with a processor
    attribute, as platform.uname() returns."""

    _fields = ("system", "node", "release", "version", "machine")

    def __new__(cls, system, node, release, version, machine):
        # Iteration and len() include processor (CPython 3.9+); the repr
        # shows the five named fields.
        return tuple.__new__(cls, (system, node, release, version, machine, ""))

    system = property(lambda self: self[0])
    node = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    @property
    def processor(self):
        return self[5]

    def __repr__(self):
        parts = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self[:5]))
        return f"uname_result({parts})"

    def _asdict(self):
        return dict(zip(self._fields, self[:5]))


_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        u = os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release, u.version, u.machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def system_alias(system, release, version):
    return system, release, version


def architecture(executable=sys.executable, bits="", linkage=""):
    """(bits, linkage) of the interpreter: ('64bit', 'ELF') here."""
    size = 64 if sys.maxsize > 2 ** 32 else 32
    return (bits or f"{size}bit", linkage or "ELF")


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    try:
        return ("glibc", posix._glibc_version())
    except (AttributeError, OSError):
        return (lib, version)


def platform(aliased=False, terse=False):
    """One line naming the platform, e.g. Linux-6.1.0-x86_64-with-glibc2.36."""
    u = uname()
    # On Linux the terse and aliased forms are the full one, as in CPython.
    lib, ver = libc_ver()
    text = f"{u.system}-{u.release}-{u.machine}"
    if lib:
        text += f"-with-{lib}{ver}"
    return text


def python_implementation():
    return "weft"


def python_version():
    return "%d.%d.%d" % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_branch():
    return ""


def python_revision():
    return ""


def python_build():
    return ("weft", "")


def python_compiler():
    return "rustc"


def mac_ver(release="", versioninfo=("", "", ""), machine=""):
    return release, versioninfo, machine


def win32_ver(release="", version="", csd="", ptype=""):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release="", vendor="", vminfo=("", "", ""), osinfo=("", "", "")):
    return release, vendor, vminfo, osinfo


_os_release = None


def freedesktop_os_release():
    """The fields of /etc/os-release (or /usr/lib/os-release) as a dict."""
    global _os_release
    if _os_release is None:
        errno = None
        for candidate in ("/etc/os-release", "/usr/lib/os-release"):
            try:
                with open(candidate, encoding="utf-8") as f:
                    lines = f.read().splitlines()
            except OSError as e:
                errno = e.errno
                continue
            info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
            for line in lines:
                line = line.strip()
                if not line or line.startswith("#") or "=" not in line:
                    continue
                key, _, value = line.partition("=")
                if not key.replace("_", "").isalnum():
                    continue
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1]
                    for esc in ("\\\\", "\\$", "\\\"", "\\'", "\\`"):
                        value = value.replace(esc, esc[1])
                info[key] = value
            _os_release = info
            break
        else:
            raise OSError(errno, "Unable to read files /etc/os-release, /usr/lib/os-release")
    return dict(_os_release)
