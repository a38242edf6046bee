# Covers: platform (system, machine, node, release, uname, architecture,
# python_version, platform string shape, libc_ver), locale in the C locale
# (setlocale, getlocale, localeconv, format_string, getpreferredencoding,
# strcoll, Error), getpass.getuser.
import getpass
import locale
import os
import platform

u = platform.uname()
print(platform.system(), u.system == platform.system(), u[0] == u.system, len(u), type(u).__name__)
print(platform.machine() == os.uname().machine, platform.node() == os.uname().nodename, platform.release() == os.uname().release)
print(platform.python_version(), platform.python_version_tuple(), platform.architecture())
print(platform.platform().startswith("Linux-" + platform.release()), platform.platform(terse=True) == platform.platform())
print(platform.libc_ver()[0], isinstance(platform.python_implementation(), str), platform.version() == os.uname().version)
print(repr(u).startswith("uname_result(system='Linux', node="), u._asdict()["system"])
print(locale.LC_ALL, locale.LC_CTYPE, locale.LC_NUMERIC, locale.CHAR_MAX)
print(locale.setlocale(locale.LC_NUMERIC), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, "C"), locale.getlocale(), locale.setlocale(locale.LC_ALL))
print(locale.setlocale(locale.LC_CTYPE, "C.UTF-8"), locale.getlocale())
try:
    locale.setlocale(locale.LC_ALL, "xx_NOPE.UTF-8")
except locale.Error as e:
    print("Error", e)
conv = locale.localeconv()
print(conv["decimal_point"], repr(conv["thousands_sep"]), conv["grouping"], conv["frac_digits"], len(conv))
print(locale.format_string("%d items %.2f", (1234567, 1234.5), grouping=True), locale.format_string("%s", "x"))
print(locale.getpreferredencoding(), locale.getpreferredencoding(False), locale.strcoll("a", "b"), locale.strxfrm("abc"))
print(locale.atof("3.5"), locale.atoi("42"), locale.str(2.5), locale.normalize("C"))
os.environ["LOGNAME"] = "weftuser"
print(getpass.getuser())
del os.environ["LOGNAME"]
os.environ["USER"] = "other"
print(getpass.getuser(), issubclass(getpass.GetPassWarning, UserWarning))
