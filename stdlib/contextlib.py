"""Utilities for with-statement contexts: contextmanager and
asynccontextmanager, ExitStack and AsyncExitStack, suppress, closing,
aclosing, nullcontext, redirect_stdout/redirect_stderr, chdir, and the
ContextDecorator bases.

weft note: written for weft from the documentation.
"""

import sys
from collections import deque
from functools import wraps
from _weft_types import GenericAlias
import abc as _abc

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


def _has_methods(C, *names):
    for name in names:
        for klass in C.__mro__:
            ns = vars(klass)
            if name in ns:
                if ns[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(_abc.ABC):
    """An abstract base class for context managers: __enter__ returns self
    unless overridden, __exit__ is abstract."""

    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        return self

    @_abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _has_methods(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(_abc.ABC):
    """An abstract base class for asynchronous context managers."""

    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        return self

    @_abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _has_methods(C, "__aenter__", "__aexit__")
        return NotImplemented


class ContextDecorator:
    """Base for context managers that also work as function decorators:
    the function's body then runs inside the context."""

    def _recreate_cm(self):
        # The manager to use for one call of the decorated function (the
        # generator-based managers make a fresh one per call).
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator:
    """Base for asynchronous context managers that also decorate
    coroutine functions."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _GeneratorCM:
    # Shared by the synchronous and asynchronous generator-based managers.

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return type(self)(self.func, self.args, self.kwds)


class _GeneratorContextManager(_GeneratorCM, AbstractContextManager, ContextDecorator):
    """Helper for @contextmanager."""

    def __enter__(self):
        # The arguments are only needed to make another manager.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as stop:
            # The generator swallowed the exception (or the exception was
            # a StopIteration it let through unchanged).
            return stop is not value
        except RuntimeError as err:
            if err is value:
                err.__traceback__ = traceback
                return False
            # A StopIteration raised inside the generator came out as a
            # RuntimeError (PEP 479): that is still the same exception.
            if isinstance(value, StopIteration) and err.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as err:
            if err is not value:
                raise
            err.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorCM, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager."""

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as stop:
            return stop is not value
        except RuntimeError as err:
            if err is value:
                err.__traceback__ = traceback
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and err.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as err:
            if err is not value:
                raise
            err.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """Decorator making a generator function a context manager factory:
    the code before its single yield is the __enter__, the value yielded
    is bound by `as`, and the code after it the __exit__ (an exception in
    the with block is raised at the yield)."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """contextmanager for an async generator function, used with
    `async with`."""
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """Call thing.close() on leaving: with closing(thing) as t: ..."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Await thing.aclose() on leaving: async with aclosing(agen) as g: ..."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._saved = []

    def __enter__(self):
        self._saved.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._saved.pop())


class redirect_stdout(_RedirectStream):
    """Send sys.stdout somewhere else for the duration of the block."""
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Send sys.stderr somewhere else for the duration of the block."""
    _stream = "stderr"


class suppress(AbstractContextManager):
    """Swallow the given exception types raised in the block; execution
    continues after the with statement."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager that does nothing: `with nullcontext(x) as y`
    binds x (a stand-in where a manager is optional)."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Change the working directory for the duration of the block."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old_cwd.pop())


# ---- ExitStack / AsyncExitStack ----

def _chain_onto(new, old, stop):
    """Make `old` the context of `new`: at the end of new's __context__
    chain, or where that chain reaches `stop` (the exception being handled
    around the with statement)."""
    link = new
    while True:
        ctx = link.__context__
        if ctx is old:
            return
        if ctx is None or ctx is stop:
            break
        link = ctx
    link.__context__ = old


def _exit_args(exc):
    if exc is None:
        return (None, None, None)
    return (type(exc), exc, exc.__traceback__)


def _cm_kind(cm, sync):
    cls = type(cm)
    names = ("__enter__", "__exit__") if sync else ("__aenter__", "__aexit__")
    try:
        return getattr(cls, names[0]), getattr(cls, names[1])
    except AttributeError:
        what = "context manager" if sync else "asynchronous context manager"
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not "
                        f"support the {what} protocol") from None


class _BaseExitStack:
    # The callbacks are (is_sync, callable(exc_type, exc, tb)) pairs, run
    # last-in first-out when the stack closes.

    def __init__(self):
        self._exit_callbacks = deque()

    def pop_all(self):
        """Move every callback to a new stack of the same type, and return
        it; this one is left empty."""
        other = type(self)()
        other._exit_callbacks, self._exit_callbacks = self._exit_callbacks, deque()
        return other

    def push(self, exit):
        """Add a callback with the signature of __exit__: a context
        manager's __exit__ (given the manager), or any such callable.
        Returns exit, so push can decorate."""
        method = getattr(type(exit), "__exit__", None)
        if method is None:
            self._exit_callbacks.append((True, exit))
        else:
            bound = lambda *details: method(exit, *details)
            bound.__self__ = exit
            self._exit_callbacks.append((True, bound))
        return exit

    def enter_context(self, cm):
        """Enter a context manager and push its __exit__; returns what its
        __enter__ returned."""
        enter, exit = _cm_kind(cm, True)
        result = enter(cm)
        bound = lambda *details: exit(cm, *details)
        bound.__self__ = cm
        self._exit_callbacks.append((True, bound))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Add callback(*args, **kwds) to run on exit (it cannot suppress
        exceptions). Returns callback, so it can decorate."""
        def call(exc_type, exc, tb):
            callback(*args, **kwds)
        call.__wrapped__ = callback
        self._exit_callbacks.append((True, call))
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager that holds other context managers and cleanup
    callbacks, and exits them all (last in, first out) when it exits, as if
    they were nested with statements."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        had_exc = exc_details[1] is not None
        outer = sys.exc_info()[1]
        current = exc_details[1]
        raised = False
        while self._exit_callbacks:
            _, cb = self._exit_callbacks.pop()
            try:
                if cb(*_exit_args(current)):
                    current = None
                    raised = False
            except BaseException as new:
                if current is not None:
                    _chain_onto(new, current, outer)
                current = new
                raised = True
        if raised:
            # Raising here would make the exception being handled its
            # context; keep the one worked out above.
            ctx = current.__context__
            try:
                raise current
            except BaseException:
                current.__context__ = ctx
                raise
        return had_exc and current is None

    def close(self):
        """Exit every context and run every callback now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for asynchronous context managers and coroutine callbacks
    (it also takes synchronous ones)."""

    async def enter_async_context(self, cm):
        """Enter an asynchronous context manager and push its __aexit__;
        returns what its __aenter__ returned."""
        enter, exit = _cm_kind(cm, False)
        result = await enter(cm)
        bound = lambda *details: exit(cm, *details)
        bound.__self__ = cm
        self._exit_callbacks.append((False, bound))
        return result

    def push_async_exit(self, exit):
        """Add a coroutine function with the signature of __aexit__ (or an
        asynchronous context manager, for its __aexit__)."""
        method = getattr(type(exit), "__aexit__", None)
        if method is None:
            self._exit_callbacks.append((False, exit))
        else:
            bound = lambda *details: method(exit, *details)
            bound.__self__ = exit
            self._exit_callbacks.append((False, bound))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Add `await callback(*args, **kwds)` to run on exit."""
        async def call(exc_type, exc, tb):
            await callback(*args, **kwds)
        call.__wrapped__ = callback
        self._exit_callbacks.append((False, call))
        return callback

    async def aclose(self):
        """Exit every context and run every callback now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        had_exc = exc_details[1] is not None
        outer = sys.exc_info()[1]
        current = exc_details[1]
        raised = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    suppress = cb(*_exit_args(current))
                else:
                    suppress = await cb(*_exit_args(current))
                if suppress:
                    current = None
                    raised = False
            except BaseException as new:
                if current is not None:
                    _chain_onto(new, current, outer)
                current = new
                raised = True
        if raised:
            ctx = current.__context__
            try:
                raise current
            except BaseException:
                current.__context__ = ctx
                raise
        return had_exc and current is None
