import contextlib, io, os, sys, tempfile, asyncio

@contextlib.contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)

with tag('a') as t:
    print('inside', t)
try:
    with tag('b'):
        raise ValueError('x')
except ValueError as e:
    print('caught', e)

@contextlib.contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))
with swallow():
    raise KeyError('k')
print('after swallow')

@tag('deco')
def decorated():
    print('in decorated')
decorated()

with contextlib.suppress(FileNotFoundError, KeyError):
    {}['missing']
print('suppressed')
try:
    with contextlib.suppress(KeyError):
        raise IndexError('not suppressed')
except IndexError as e:
    print('IndexError', e)

class Res:
    def __init__(self, n): self.n = n
    def close(self): print('closing', self.n)
with contextlib.closing(Res(1)) as r:
    print('using', r.n)

with contextlib.nullcontext(42) as v:
    print('null', v)
with contextlib.nullcontext() as v:
    print('null', v)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured')
    print('twice')
print(repr(buf.getvalue()))
ebuf = io.StringIO()
with contextlib.redirect_stderr(ebuf):
    print('to err', file=sys.stderr)
print(repr(ebuf.getvalue()))

with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.enter_context(tag('s%d' % i))
    stack.callback(print, 'callback ran')
    @stack.push
    def exit_cb(*exc):
        print('exit cb', exc[0])
    print('body')

with contextlib.ExitStack() as stack:
    stack.enter_context(tag('moved'))
    new = stack.pop_all()
print('after pop_all')
new.close()

try:
    with contextlib.ExitStack() as stack:
        stack.push(lambda *e: print('sees', e[0].__name__) or True)
        raise RuntimeError('boom')
    print('exception suppressed by stack')
except RuntimeError:
    print('not suppressed')

class CM(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        print('CM exit')
with CM() as c:
    print(type(c).__name__)

class Dec(contextlib.ContextDecorator):
    def __enter__(self):
        print('enter dec')
        return self
    def __exit__(self, *exc):
        print('exit dec')
        return False
@Dec()
def f():
    print('f body')
f()

d = tempfile.mkdtemp()
here = os.getcwd()
with contextlib.chdir(d):
    print(os.path.samefile(os.getcwd(), d))
print(os.getcwd() == here)
os.rmdir(d)

@contextlib.asynccontextmanager
async def atag(n):
    print('async enter', n)
    try:
        yield n * 2
    finally:
        print('async exit', n)

class AR:
    async def aclose(self):
        print('aclosed')

async def main():
    async with atag(5) as v:
        print('async body', v)
    async with contextlib.AsyncExitStack() as st:
        v = await st.enter_async_context(atag(1))
        st.enter_context(tag('sync-in-async'))
        async def acb(x):
            print('async callback', x)
        st.push_async_callback(acb, 7)
        st.callback(print, 'sync callback')
        print('stack body', v)
    async with contextlib.aclosing(AR()):
        print('aclosing body')
    async with contextlib.nullcontext('anull') as n:
        print(n)
asyncio.run(main())


@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError', e)

@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
