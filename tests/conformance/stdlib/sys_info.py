# Covers: sys.version_info (named tuple, comparisons), version, platform,
# byteorder, maxsize, float_info, int_info, hash_info, flags, getsizeof,
# exc_info, intern, encodings, the absence of sys.exception in 3.11, and
# the standard streams' attributes and buffer.
import sys

vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi.releaselevel, vi >= (3, 8), vi < (4,), len(vi), type(vi).__name__)
print(sys.version.startswith("3.11"), sys.platform, sys.byteorder, sys.maxsize == 2**63 - 1)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.float_info[0])
print(sys.int_info, sys.hash_info.modulus, sys.hash_info.width, sys.hash_info.inf)
print(sys.flags.optimize, sys.flags.verbose, type(sys.flags).__name__, sys.flags[0])
print(sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str),
      isinstance(sys.implementation.name, str), len(sys.implementation.version) == 5)
for obj in [0, 1, 2**40, 1.5, "", "abc", b"xy", (), (1, 2), [], [1], {}, None, True]:
    n = sys.getsizeof(obj)
    print(type(obj).__name__, type(n).__name__, n > 0)
print(sys.getsizeof(object(), 5) > 0)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
print(sys.exc_info()[0])
print(hasattr(sys, "exception"), sys.exception())
a = sys.intern("hello world")
print(a == "hello world", sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.stdout.encoding.lower(), sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.writable(), sys.stdin.readable())
print(sys.stdout.write("written\n"))
sys.stdout.buffer.write(b"raw bytes\n")
sys.stdout.flush()
print(sys.stdin.read(), sys.stdin.readline(), sys.stdin.readlines(), list(sys.stdin))
print(sys.__stdout__ is sys.stdout, isinstance(sys.argv, list), isinstance(sys.path, list))
print(isinstance(sys.executable, str), isinstance(sys.orig_argv, list), "sys" in sys.modules)
print(sys.getrecursionlimit() > 0, hex(sys.hexversion)[:6], sys.maxunicode)
