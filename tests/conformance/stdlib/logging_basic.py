# Covers: logging basics: module-level calls with the automatic basicConfig, lastResort for unconfigured loggers, levels and getLevelName/addLevelName, logger hierarchy and propagation, handlers on a stream, formatters (%-, {- and $-style), filters, LoggerAdapter, disable
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
err = Sink()
sys.stderr = err
logging.getLogger('quiet').warning('no handlers anywhere: %s', 'lastResort')
logging.getLogger('quiet').info('below lastResort level')
print(repr(err.text()))
logging.warning('root warning %d', 1)
logging.info('not shown')
logging.error('an error')
print(repr(err.text()))
print(logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(15), logging.getLevelName('X'), logging.WARN, logging.FATAL)
logging.addLevelName(15, 'VERBOSE')
print(logging.getLevelName(15), logging.getLevelName('VERBOSE'), sorted(logging.getLevelNamesMapping().items())[:3])
out = Sink()
app = logging.getLogger('app')
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(levelname)-8s|%(name)s|%(message)s'))
app.addHandler(h)
app.setLevel(logging.DEBUG)
db = logging.getLogger('app.db')
db.debug('query %s took %.1f ms', 'SELECT', 2.54)
db.log(15, 'custom level')
db.propagate = False
db.warning('not propagated')
db.propagate = True
logging.getLogger('app.db.pool.conn').info('deep child')
print(repr(out.text()))
print(repr(err.text()))
print(db.parent is app, app.parent is logging.root, logging.getLogger('app.db') is db, db.getEffectiveLevel(), db.isEnabledFor(5), app.hasHandlers())
print(logging.getLogger('app').getChild('db') is db, logging.getLogger() is logging.root, logging.getLogger('root') is logging.root)
print(repr(app), repr(db), repr(logging.root), repr(logging.getLogger('zzz')))
for style, fmt in [('{', '{levelname}:{name}:{message!r:>12}'), ('$', '$levelname - ${name} - $message')]:
    h.setFormatter(logging.Formatter(fmt, style=style))
    app.info('styled %s', style)
print(repr(out.text()))
h.setFormatter(logging.Formatter('%(message)s [%(extra_key)s]', defaults={'extra_key': 'dflt'}))
app.info('with default')
app.info('with extra', extra={'extra_key': 'given'})
print(repr(out.text()))
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1
h.setFormatter(logging.Formatter('%(message)s'))
h.addFilter(OnlyOdd())
for i in range(5):
    app.info('n=%d', i)
h.filters.clear()
app.addFilter(logging.Filter('app.db'))
app.info('filtered out by name')
db.info('db passes')
app.filters.clear()
app.addFilter(lambda r: 'secret' not in r.getMessage())
app.info('a secret')
app.info('public')
app.filters.clear()
print(repr(out.text()))
ad = logging.LoggerAdapter(app, {'user': 'ann'})
h.setFormatter(logging.Formatter('%(user)s: %(message)s'))
ad.info('adapter %s', 'call')
ad.warning('warn')
print(repr(out.text()), repr(ad), ad.name, ad.isEnabledFor(10))
logging.disable(logging.INFO)
app.info('disabled')
app.warning('still on')
logging.disable(logging.NOTSET)
app.info('enabled again')
print(repr(out.text()))
app.removeHandler(h)
print(app.handlers, repr(h), repr(logging.NullHandler()), repr(logging.Handler(logging.ERROR)))
print(logging.StreamHandler[int], logging.FileHandler[str], logging.LoggerAdapter[int])
