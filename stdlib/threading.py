# threading for weft: threads are fibers on the VM thread (DESIGN decision
# 6). A Thread's target runs as a thread-job task: on the running event
# loop when there is one, else on a private loop that runs while some
# thread blocks (join, Lock.acquire, Event.wait...). Fibers are preempted
# every switch interval, and blocking calls inside them (time.sleep, these
# waits) suspend only that fiber. Blocking the event loop's own thread on a
# weft thread raises RuntimeError instead of deadlocking.

import _asyncio
import asyncio

TIMEOUT_MAX = 9223372036.0

_private = [None]
_threads = {}
_ident_counter = [1]
_name_counter = [0]


def _loop():
    loop = asyncio._get_running_loop()
    if loop is not None:
        return loop
    p = _private[0]
    if p is None or p.is_closed():
        p = asyncio.new_event_loop()
        _private[0] = p
        # The main thread lends this loop its time at safepoints and in
        # time.sleep, so threads run beside it as under CPython's GIL.
        _asyncio._set_threads_loop(p)
    return p


def _wait(fut, timeout=None):
    """Block the calling thread until `fut` is done or `timeout` passes;
    True if it is done."""
    if fut.done():
        return True
    if timeout is not None and timeout <= 0:
        return False
    running = asyncio._get_running_loop()
    if running is not None:
        if timeout is None:
            _asyncio._block_on(fut)
        else:
            waiter = asyncio.ensure_future(asyncio.wait([fut], timeout=timeout),
                                           loop=running)
            _asyncio._block_on(waiter)
        return fut.done()
    loop = _loop()
    if timeout is None:
        loop.run_until_complete(asyncio.wait([fut]))
    else:
        loop.run_until_complete(asyncio.wait([fut], timeout=timeout))
    return fut.done()


def get_ident():
    task = asyncio._get_running_loop() and asyncio.current_task()
    t = _threads.get(task) if task is not None else None
    return t.ident if t is not None else _main.ident


get_native_id = get_ident


def current_thread():
    task = asyncio._get_running_loop() and asyncio.current_task()
    t = _threads.get(task) if task is not None else None
    return t if t is not None else _main


currentThread = current_thread


def main_thread():
    return _main


def active_count():
    return 1 + sum(1 for t in _threads.values() if t.is_alive())


def enumerate():
    return [_main] + [t for t in _threads.values() if t.is_alive()]


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None,
                 *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = kwargs or {}
        if name is None:
            _name_counter[0] += 1
            name = f"Thread-{_name_counter[0]}"
            if target is not None and hasattr(target, "__name__"):
                name += f" ({target.__name__})"
        self._name = name
        self._daemon = bool(daemon) if daemon is not None else False
        self._started = False
        self._task = None
        self.ident = None
        self.native_id = None

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._task is not None and self._task.done():
            status = "stopped"
        if self._daemon:
            status += " daemon"
        return f"<{type(self).__name__}({self._name}, {status})>"

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, value):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemon = bool(value)

    def isDaemon(self):
        return self._daemon

    def setDaemon(self, value):
        self.daemon = value

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as exc:
            try:
                excepthook(ExceptHookArgs(
                    (type(exc), exc, exc.__traceback__, self)))
            except BaseException as hook_exc:
                import sys
                print("Exception in threading.excepthook:", file=sys.stderr)
                print(_asyncio._format_exception(hook_exc), end="",
                      file=sys.stderr)

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        _ident_counter[0] += 1
        self.ident = _ident_counter[0]
        self.native_id = self.ident
        loop = _loop()
        self._task = loop.create_task(
            _asyncio._mark_thread_job(_run_thread(self)))
        _threads[self._task] = self
        self._task.add_done_callback(_forget)

    def is_alive(self):
        return self._started and self._task is not None and not self._task.done()

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        _wait(self._task, timeout)


async def _run_thread(thread):
    thread._bootstrap()


def _forget(task):
    _threads.pop(task, None)


class ExceptHookArgs(tuple):
    # CPython's structseq: (exc_type, exc_value, exc_traceback, thread).
    n_fields = 4

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]


def excepthook(args, /):
    """Handle uncaught Thread.run() exception."""
    if args.exc_type is SystemExit:
        return
    import sys
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=sys.stderr)
    print(_asyncio._format_exception(args.exc_value), end="", file=sys.stderr)


__excepthook__ = excepthook


def _shutdown():
    # CPython's threading._shutdown: at exit the interpreter waits for
    # every non-daemon thread (daemon threads are dropped).
    while True:
        alive = [t for t in list(_threads.values())
                 if t.is_alive() and not t.daemon]
        if not alive:
            return
        for t in alive:
            t.join()


class _MainThread(Thread):
    def __init__(self):
        super().__init__(name="MainThread")
        self._started = True
        self.ident = 1
        self.native_id = 1

    def is_alive(self):
        return True


_main = _MainThread()


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = []

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object>"

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        fut = _loop().create_future()
        self._waiters.append(fut)
        if _wait(fut, None if timeout < 0 else timeout):
            return True
        self._waiters.remove(fut)
        fut.cancel()
        return False

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        while self._waiters:
            w = self._waiters.pop(0)
            if not w.done():
                # Ownership passes to the first waiter.
                w.set_result(True)
                return
        self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()


class RLock:
    def __init__(self):
        self._lock = Lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if self._lock.acquire(blocking, timeout):
            self._owner = me
            self._count = 1
            return True
        return False

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._lock.release()

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        fut = _loop().create_future()
        self._waiters.append(fut)
        self._lock.release()
        try:
            return _wait(fut, timeout)
        finally:
            if fut in self._waiters:
                self._waiters.remove(fut)
            self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            if not self.wait(timeout):
                return predicate()
            result = predicate()
        return result

    def notify(self, n=1):
        while self._waiters and n > 0:
            w = self._waiters.pop(0)
            if not w.done():
                w.set_result(True)
                n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value
        self._waiters = []

    def acquire(self, blocking=True, timeout=None):
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        fut = _loop().create_future()
        self._waiters.append(fut)
        if _wait(fut, timeout):
            return True
        self._waiters.remove(fut)
        fut.cancel()
        return False

    __enter__ = acquire

    def release(self, n=1):
        for _ in range(n):
            while self._waiters:
                w = self._waiters.pop(0)
                if not w.done():
                    w.set_result(True)
                    break
            else:
                self._value += 1

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self._initial = value

    def release(self, n=1):
        if self._value + n > self._initial:
            raise ValueError("Semaphore released too many times")
        super().release(n)


class Event:
    def __init__(self):
        self._flag = False
        self._waiters = []

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True
        for w in self._waiters:
            if not w.done():
                w.set_result(True)
        self._waiters = []

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        fut = _loop().create_future()
        self._waiters.append(fut)
        _wait(fut, timeout)
        return self._flag


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    # CPython's states: filling (0), draining (1), resetting (-1),
    # broken (-2).
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        if self.broken:
            return f"<{type(self).__module__}.{type(self).__qualname__} object: broken>"
        return (f"<{type(self).__module__}.{type(self).__qualname__} object:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


ThreadError = RuntimeError

_stack_size = [0]


def stack_size(size=0, /):
    # Threads are fibers on the VM thread: the size is kept and reported
    # as CPython does, but no fiber needs it.
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    old = _stack_size[0]
    _stack_size[0] = size
    return old


class local:
    # One namespace per thread, chosen by get_ident() on every access.
    def __init__(self):
        object.__setattr__(self, "_weft_locals", {})

    def _ns(self):
        spaces = object.__getattribute__(self, "_weft_locals")
        return spaces.setdefault(get_ident(), {})

    def __getattr__(self, name):
        ns = self._ns()
        if name in ns:
            return ns[name]
        raise AttributeError(
            f"'{type(self).__name__}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        self._ns()[name] = value

    def __delattr__(self, name):
        ns = self._ns()
        if name not in ns:
            raise AttributeError(name)
        del ns[name]


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        super().__init__()
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()
