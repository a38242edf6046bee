# concurrent.futures for weft: ThreadPoolExecutor runs callables on weft
# threads (fibers on the VM thread, see threading), at most max_workers at
# a time; Future, wait and as_completed follow CPython's documented API.

import threading

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class Future:
    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def __repr__(self):
        if self._state == _FINISHED:
            if self._exception:
                return f'<Future at {id(self):#x} state=finished raised {type(self._exception).__name__}>'
            return f'<Future at {id(self):#x} state=finished returned {type(self._result).__name__}>'
        return f'<Future at {id(self):#x} state={self._state.lower()}>'

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                import sys
                print(f'exception calling callback for {self!r}: {exc!r}', file=sys.stderr)

    def cancel(self):
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state == _CANCELLED:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in (_CANCELLED, _FINISHED):
                self._done_callbacks.append(fn)
                return
        fn(self)

    def _wait_done(self, timeout):
        with self._condition:
            if not self.done():
                self._condition.wait(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state != _FINISHED:
                raise TimeoutError()

    def result(self, timeout=None):
        self._wait_done(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait_done(timeout)
        return self._exception

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError(f'{self._state}: {self!r}')
            self._result = result
            self._state = _FINISHED
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError(f'{self._state}: {self!r}')
            self._exception = exception
            self._state = _FINISHED
            self._condition.notify_all()
        self._invoke_callbacks()


class Executor:
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            for f in fs:
                yield f.result(timeout)
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    _counter = [0]

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = 5
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work = []
        self._threads = []
        self._idle = 0
        self._shutdown = False
        self._cond = threading.Condition()
        ThreadPoolExecutor._counter[0] += 1
        self._prefix = thread_name_prefix or f'ThreadPoolExecutor-{ThreadPoolExecutor._counter[0] - 1}'
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._cond:
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            self._work.append((f, fn, args, kwargs))
            self._cond.notify()
            # The woken worker's idle mark is used up here, so a second
            # submit before it runs starts another worker (as CPython's
            # idle semaphore does).
            spawn = self._idle == 0
            if not spawn:
                self._idle -= 1
        if spawn and len(self._threads) < self._max_workers:
            t = threading.Thread(target=self._worker,
                                 name=f'{self._prefix}_{len(self._threads)}')
            self._threads.append(t)
            t.start()
        return f

    def _worker(self):
        if self._initializer is not None:
            self._initializer(*self._initargs)
        while True:
            with self._cond:
                while not self._work and not self._shutdown:
                    self._idle += 1
                    self._cond.wait()
                if not self._work:
                    return
                f, fn, args, kwargs = self._work.pop(0)
            if not f.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:
                f.set_exception(exc)
            else:
                f.set_result(result)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._cond:
            self._shutdown = True
            if cancel_futures:
                for f, _, _, _ in self._work:
                    f.cancel()
                self._work = []
            self._cond.notify_all()
        if wait:
            for t in self._threads:
                t.join()


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = set(f for f in fs if f.done())
    not_done = fs - done
    if return_when == FIRST_COMPLETED and done:
        return DoneAndNotDoneFutures(done, not_done)
    if return_when == FIRST_EXCEPTION and any(
            not f.cancelled() and f._exception is not None for f in done):
        return DoneAndNotDoneFutures(done, not_done)
    if not not_done:
        return DoneAndNotDoneFutures(done, not_done)
    event = threading.Event()

    def on_done(f):
        if return_when == ALL_COMPLETED:
            if all(x.done() for x in fs):
                event.set()
        elif return_when == FIRST_EXCEPTION:
            if (not f.cancelled() and f._exception is not None) or all(x.done() for x in fs):
                event.set()
        else:
            event.set()

    for f in not_done:
        f.add_done_callback(on_done)
    event.wait(timeout)
    done = set(f for f in fs if f.done())
    return DoneAndNotDoneFutures(done, fs - done)


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]


def as_completed(fs, timeout=None):
    import time
    fs = list(dict.fromkeys(fs))
    end = None if timeout is None else time.monotonic() + timeout
    pending = list(fs)
    finished = [f for f in pending if f.done()]
    for f in finished:
        pending.remove(f)
        yield f
    while pending:
        left = None if end is None else end - time.monotonic()
        if left is not None and left <= 0:
            raise TimeoutError(f'{len(pending)} (of {len(fs)}) futures unfinished')
        done, _ = wait(pending, left, FIRST_COMPLETED)
        if not done:
            raise TimeoutError(f'{len(pending)} (of {len(fs)}) futures unfinished')
        for f in [f for f in pending if f in done]:
            pending.remove(f)
            yield f
