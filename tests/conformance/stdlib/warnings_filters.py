import warnings, sys, io

def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)

def f():
    warnings.warn("careful")

print(warnings.filters[:2])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
    f()
    old_api()
    warnings.warn("runtime!", RuntimeWarning)
    warnings.warn(UserWarning("instance"))
    for m in w:
        print(m.category.__name__, str(m.message), m.lineno, m.filename == __file__)
    print(str(w[0]).startswith("{message : UserWarning('careful')"))
print(len(warnings.filters))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except UserWarning as e:
        print("raised", repr(e))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    warnings.warn("other")
    print([str(x.message) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3):
        f()
    print(len(w))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="ign.*", category=UserWarning)
    warnings.warn("ignore me")
    warnings.warn("Ignored too")
    warnings.warn("kept")
    print([str(x.message) for x in w])

print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "  code()  "), end='')
buf = io.StringIO()
warnings.showwarning("shown", RuntimeWarning, "x.py", 3, file=buf, line="y = 1")
print(buf.getvalue(), end='')

seen = []
def my_show(message, category, filename, lineno, file=None, line=None):
    seen.append((str(message), category.__name__, lineno))
with warnings.catch_warnings():
    warnings.simplefilter("always")
    old = warnings.showwarning
    warnings.showwarning = my_show
    f()
    warnings.showwarning = old
print(seen)

def fmt(message, category, filename, lineno, line=None):
    return "CUSTOM %s\n" % message
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.formatwarning = fmt
    sys.stderr = io.StringIO()
    f()
    out = sys.stderr.getvalue()
    sys.stderr = sys.__stderr__
    warnings.formatwarning = warnings._formatwarning_orig
print(repr(out))

with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings.warn_explicit("explicit", SyntaxWarning, "mod.py", 42, module="mod")
    print(w[0].filename, w[0].lineno, w[0].category.__name__)
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError", e)
print(repr(warnings.catch_warnings(record=True)))
# default filters: DeprecationWarning shown in __main__ once per location
sys.stderr = io.StringIO()
for i in range(2):
    warnings.warn("dep in main", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("plain user warning")
err = sys.stderr.getvalue()
sys.stderr = sys.__stderr__
print(err.replace(__file__, 'FILE'))
with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
print("done")
