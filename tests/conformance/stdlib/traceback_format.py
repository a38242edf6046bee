# Output is collected and printed with this file's absolute path as
# FILE (tracebacks name the script by its absolute path).
import sys as _sys, io as _io
_real = _sys.stdout
_sys.stdout = _io.StringIO()
import traceback, sys, io

def inner(d):
    return d["missing"] + 1

def middle(d):
    return inner(d) * 2

def outer():
    middle({})

try:
    outer()
except KeyError:
    print(traceback.format_exc(), end='')
    t, v, tb = sys.exc_info()
    print(traceback.format_exception_only(t, v))
    print(traceback.format_exception_only(v))
    for fs in traceback.extract_tb(tb):
        print(fs.filename == __file__, fs.lineno, fs.name, repr(fs.line))
    print(traceback.format_tb(tb, limit=1))
    print(len(traceback.format_tb(tb, limit=-2)))
    s = traceback.extract_tb(tb)
    print(type(s).__name__, len(s), repr(s[0]).startswith('<FrameSummary file'), s[1][2], tuple(s[2])[1:3])
    for frame, lineno in traceback.walk_tb(tb):
        print(frame.f_code.co_name, lineno)

def risky():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad value") from e

try:
    risky()
except ValueError as e:
    lines = traceback.format_exception(e)
    print(''.join(lines), end='')
    print(len(lines))
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    print(buf.getvalue() == ''.join(lines))
    print(''.join(traceback.format_exception(type(e), e, e.__traceback__, chain=False)), end='')

try:
    try:
        [][1]
    except IndexError:
        {}['k']
except KeyError as e:
    traceback.print_exc(file=sys.stdout)
    te = traceback.TracebackException.from_exception(e)
    print(type(te.__context__).__name__, te.__cause__, te.exc_type.__name__, str(te))
    print(''.join(te.format_exception_only()), end='')
    print(list(te.format(chain=False))[-1], end='')

def show_stack():
    traceback.print_stack(file=sys.stdout)
    return traceback.format_stack()

def caller():
    x = show_stack()
    return x

st = caller()
print(len(st), st[-1].splitlines()[0].split(', ')[-1])
stack = traceback.extract_stack()
print(stack[-1].name, stack[-1].lineno)
print(traceback.format_list([('f.py', 3, 'fn', 'x = 1'), ('g.py', 7, 'gn', None)]))
print(traceback.format_exception_only(None))
class MyErr(Exception):
    pass
try:
    raise MyErr("mine")
except MyErr as e:
    print(traceback.format_exception_only(e))
try:
    undefined_name_here
except NameError as e:
    print(traceback.format_exception_only(e))
def rec(n):
    if n == 0:
        raise RuntimeError("deep")
    rec(n - 1)
try:
    rec(10)
except RuntimeError:
    print(traceback.format_exc(), end='')
try:
    exec("x = (1,\n")
except SyntaxError as e:
    print(traceback.format_exception_only(e))
fs = traceback.FrameSummary('a.py', 1, 'f', line='  y = 2  ')
print(fs.line, fs == ('a.py', 1, 'f', 'y = 2'), len(fs))
print(traceback.StackSummary.from_list([fs]).format())
try:
    raise TypeError
except TypeError as e:
    print(traceback.format_exception_only(e))
    e.add_note("a note") if hasattr(e, 'add_note') else None
    print(traceback.format_exception_only(e))

_text = _sys.stdout.getvalue()
_sys.stdout = _real
print(_text.replace(__file__, 'FILE'), end='')
