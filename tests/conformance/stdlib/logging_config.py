# Covers: logging.basicConfig options (format, style, level by name, stream, handlers, force, errors for bad arguments), Formatter validation, LogRecord fields and getMessage, makeLogRecord, exc_info/exception through formatException, extra-key clashes, log() level checks, setLevel errors
import logging
import sys
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
    def text(self):
        t = ''.join(self.parts)
        self.parts = []
        return t
out = Sink()
logging.basicConfig(stream=out, level='INFO', format='%(levelname)s %(name)s %(message)s')
logging.debug('hidden')
logging.info('shown %s', 'yes')
logging.basicConfig(stream=out, format='ignored %(message)s')
logging.warning('second basicConfig ignored')
logging.basicConfig(stream=out, format='{levelname}|{message}', style='{', force=True)
logging.warning('forced %s', 'braces')
logging.error('%d%% done', 50)
print(repr(out.text()), logging.root.level, len(logging.root.handlers))
h2 = logging.StreamHandler(out)
logging.basicConfig(handlers=[h2], force=True, format='$levelname:$message', style='$', level=logging.DEBUG)
logging.debug('template')
print(repr(out.text()), h2.formatter._fmt)
for kw in [dict(stream=out, filename='x.log'), dict(handlers=[h2], stream=out), dict(style='!'), dict(bogus=1, force=True, handlers=[h2]), dict(level='NOPE', force=True, handlers=[h2])]:
    try:
        logging.basicConfig(**kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for args in [('%(message)s',), ('no fields',), ('{message}', None, '{'), ('{0}', None, '{'), ('{message!x}', None, '{'), ('{message:zz}', None, '{'), ('plain', None, '{'),
             ('$message', None, '$'), ('$ bare', None, '$'), ('none', None, '$'), ('%(message)s', None, '?'), ('%(name)-10.3s', None, '%'), ('{message:>10}', None, '{'),
             ('{a.b[1]}', None, '{'), ('%(x)z', None, '%')]:
    try:
        f = logging.Formatter(*args)
        print('ok', repr(f._fmt), f.usesTime())
    except ValueError as e:
        print('ValueError', e)
print(logging.Formatter('%(asctime)s').usesTime(), logging.Formatter('{asctime}', style='{').usesTime(), logging.Formatter('${asctime}', style='$').usesTime())
r = logging.LogRecord('lg', logging.INFO, '/path/to/mod.py', 42, 'hello %s and %s', ('a', 'b'), None, func='fn')
print(r, r.getMessage(), r.name, r.levelno, r.levelname, r.pathname, r.filename, r.module, r.lineno, r.funcName, r.exc_info, r.exc_text, r.stack_info, r.processName, r.threadName)
r2 = logging.LogRecord('lg', 20, 'p', 1, 'x=%(x)s y=%(y)s', ({'x': 1, 'y': 2},), None)
print(r2.getMessage(), r2.args, logging.LogRecord('lg', 20, 'p', 1, 'plain', (), None).getMessage(), logging.LogRecord('lg', 20, 'p', 1, 42, None, None).getMessage())
m = logging.makeLogRecord({'msg': 'made %d', 'args': (7,), 'levelno': 40, 'custom': 'c'})
print(m.getMessage(), m.levelno, m.custom, m.name, m.levelname)
class LastLine(logging.Formatter):
    def formatException(self, ei):
        return 'EXC %s: %s' % (ei[0].__name__, ei[1])
h2.setFormatter(LastLine('%(levelname)s %(message)s'))
lg = logging.getLogger('errs')
try:
    1 / 0
except ZeroDivisionError:
    lg.exception('division failed')
    lg.error('with exc_info', exc_info=True)
lg.error('no exception active', exc_info=False)
lg.warning('instance', exc_info=ValueError('bad value'))
lg.warning('tuple', exc_info=(KeyError, KeyError('k'), None))
print(repr(out.text()))
for f in [lambda: lg.info('x', extra={'message': 1}), lambda: lg.info('x', extra={'name': 1}), lambda: lg.log('INFO', 'x'), lambda: lg.setLevel('LOUD'),
          lambda: lg.setLevel(None), lambda: logging.getLogger(5), lambda: logging.Formatter('%(message)s', style='%', validate=False).format(logging.makeLogRecord({'msg': '%(nope)s'}))]:
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
h2.setFormatter(logging.Formatter('%(message)s %(missing)s'))
err = Sink()
sys.stderr = err
lg.warning('bad format')
text = err.text()
sys.stderr = sys.__stderr__
print(text.splitlines()[0], [l for l in text.splitlines() if l.startswith(('Message', 'Arguments'))])
print(logging.BASIC_FORMAT, logging.raiseExceptions, logging.lastResort.level, type(logging.lastResort).__name__)
print(logging.getLoggerClass().__name__, logging.root.name, logging.Logger.manager.root is logging.root)
class MyLogger(logging.Logger):
    pass
logging.setLoggerClass(MyLogger)
print(type(logging.getLogger('custom.one')).__name__, type(logging.getLogger('errs')).__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print('TypeError', e)
