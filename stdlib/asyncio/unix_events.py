# loop.add_signal_handler / remove_signal_handler on the signal module: the
# Python-level handler schedules the callback on the loop (call_soon), so it
# runs as a loop callback, as in CPython's Unix event loop.

import _asyncio
import signal

import asyncio

_Loop = _asyncio.EventLoop
_signal_handlers = {}


def _method(name):
    def deco(fn):
        _asyncio._set_class_attr(_Loop, name, fn)
        return fn
    return deco


def _check_signal(sig):
    if not isinstance(sig, int):
        raise TypeError(f'sig must be an int, not {sig!r}')
    if not (1 <= sig < signal.NSIG):
        raise ValueError(f'sig {sig} out of range(1, {signal.NSIG})')


def _dispatch(signum, frame):
    for loop, handlers in list(_signal_handlers.items()):
        entry = handlers.get(signum)
        if entry is not None and not loop.is_closed():
            loop.call_soon(entry[0], *entry[1])


@_method("add_signal_handler")
def add_signal_handler(self, sig, callback, *args):
    if asyncio.iscoroutine(callback) or asyncio.iscoroutinefunction(callback):
        raise TypeError("coroutines cannot be used with add_signal_handler()")
    _check_signal(sig)
    if self.is_closed():
        raise RuntimeError('Event loop is closed')
    handlers = _signal_handlers.setdefault(self, {})
    handlers[sig] = (callback, args)
    try:
        signal.signal(sig, _dispatch)
    except OSError as exc:
        del handlers[sig]
        if exc.errno == 22:
            raise RuntimeError(f'sig {sig:d} cannot be caught')
        raise


@_method("remove_signal_handler")
def remove_signal_handler(self, sig):
    _check_signal(sig)
    handlers = _signal_handlers.get(self, {})
    if sig not in handlers:
        return False
    del handlers[sig]
    if not handlers:
        _signal_handlers.pop(self, None)
    if sig == signal.SIGINT:
        handler = signal.default_int_handler
    else:
        handler = signal.SIG_DFL
    try:
        signal.signal(sig, handler)
    except OSError as exc:
        if exc.errno == 22:
            raise RuntimeError(f'sig {sig:d} cannot be caught')
        raise
    return True


def _close_signal_handlers(loop):
    for sig in list(_signal_handlers.get(loop, {})):
        remove_signal_handler(loop, sig)
