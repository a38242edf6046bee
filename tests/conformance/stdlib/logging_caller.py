# Covers: logging records the caller's file, line, function and module (through sys._getframe), stacklevel, LoggerAdapter calls, records made by handlers of parent loggers, LogRecord fields seen by a handler
import logging
import sys
logging.basicConfig(format='%(filename)s:%(lineno)d:%(funcName)s:%(module)s:%(levelname)s:%(message)s', stream=sys.stdout)
def work():
    logging.warning('in work')
    logging.getLogger('x').error('named')
work()
logging.info('skip')
logging.warning('top level')
class C:
    def m(self):
        logging.getLogger('c').warning('method %s', 1)
    def helper(self):
        logging.getLogger('c').warning('reported for the caller', stacklevel=2)
C().m()
def outer():
    C().helper()
outer()
ad = logging.LoggerAdapter(logging.getLogger('ad'), {'k': 1})
def via_adapter():
    ad.warning('adapter call')
via_adapter()
class Keep(logging.Handler):
    def emit(self, record):
        print('handler saw', record.name, record.levelname, record.lineno, record.funcName, record.filename, record.module, record.getMessage())
lg = logging.getLogger('keep')
lg.addHandler(Keep())
lg.propagate = False
def deep(n):
    if n:
        return deep(n - 1)
    lg.warning('from deep')
deep(3)
lg.log(25, 'level 25 at line %d', 34)
