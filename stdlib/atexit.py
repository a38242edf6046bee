"""Functions run when the interpreter exits, as CPython 3.11's atexit
documents it: last registered, first run; also after an uncaught
exception or sys.exit(), not after os._exit().

Written for weft: the interpreter's exit path pops and calls the handlers
kept here, printing "Exception ignored in atexit callback" with the
traceback for one that raises, and going on with the rest.
"""

__all__ = ["register", "unregister"]

_handlers = []


def register(func, *args, **kwargs):
    """Register func to run at exit with the given arguments; returns func
    so it can be used as a decorator."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Remove every registration of func."""
    _handlers[:] = [h for h in _handlers if not (h[0] == func)]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    # Used when a script asks for it itself; the interpreter's own exit
    # path does the same from Rust.
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
