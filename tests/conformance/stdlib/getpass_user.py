import getpass, os, io
os.environ['LOGNAME'] = 'alice'
print(getpass.getuser())
os.environ.pop('LOGNAME')
os.environ['USER'] = 'bob'
print(getpass.getuser())
print(issubclass(getpass.GetPassWarning, UserWarning))
import sys
sys.stdin = io.StringIO('secret\nnext\n')
out = io.StringIO()
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    pw = getpass.fallback_getpass('Password: ', stream=out) if hasattr(getpass, 'fallback_getpass') else 'secret'
print(repr(pw), repr(out.getvalue()), [str(x.message) for x in w])
