# Covers: logging.FileHandler (modes a/w, delay, encoding, close), basicConfig(filename=, filemode=, force=), records written to a file in a temporary folder
import logging
import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'app.log')
    logging.basicConfig(filename=path, filemode='w', level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s')
    logging.debug('first %d', 1)
    logging.getLogger('sub').info('second')
    for h in logging.root.handlers:
        h.flush()
    with open(path) as f:
        print(repr(f.read()))
    h = logging.root.handlers[0]
    print(type(h).__name__, h.baseFilename == path, h.mode, h.encoding, h.delay, repr(h) == '<FileHandler %s (NOTSET)>' % path)
    logging.basicConfig(filename=path, filemode='a', format='%(message)s', force=True)
    logging.warning('appended')
    logging.root.handlers[0].close()
    with open(path) as f:
        print(f.read().splitlines())
    lazy = logging.FileHandler(os.path.join(d, 'lazy.log'), delay=True, encoding='utf-8')
    print(lazy.stream, os.path.exists(lazy.baseFilename), lazy.encoding)
    lg = logging.getLogger('lazy')
    lg.propagate = False
    lg.addHandler(lazy)
    lg.warning('caf\u00e9 \u2603')
    lazy.close()
    print(lazy.stream, os.path.exists(lazy.baseFilename))
    with open(lazy.baseFilename, encoding='utf-8') as f:
        print(ascii(f.read()))
    w = logging.FileHandler(os.path.join(d, 'w.log'), mode='w')
    w.close()
    lg2 = logging.getLogger('closed')
    lg2.propagate = False
    lg2.addHandler(w)
    lg2.warning('after close in w mode is dropped')
    print(os.path.getsize(w.baseFilename), w.stream)
    logging.root.handlers.clear()
