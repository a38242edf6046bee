# Output is collected and printed with this file's absolute path as
# FILE (tracebacks name the script by its absolute path).
import sys as _sys, io as _io
_real = _sys.stdout
_sys.stdout = _io.StringIO()
_sys.stderr = _sys.stdout
# The default output of warnings: FILE:LINE: Category: message and the
# source line, on sys.stderr (sent to stdout here so the case checks it),
# once per location; DeprecationWarning shown in __main__.
import sys
import warnings


def g(x):
    warnings.warn("deprecated x=%d" % x, DeprecationWarning, stacklevel=2)


g(1)
for i in range(2):
    g(2)
warnings.warn("too deep", stacklevel=10)
import json
warnings.warn("user")
warnings.warn("runtime", RuntimeWarning)
warnings.warn("pending", PendingDeprecationWarning)

_text = _sys.stdout.getvalue()
_sys.stdout = _sys.stderr = _real
print(_text.replace(__file__, 'FILE'), end='')
