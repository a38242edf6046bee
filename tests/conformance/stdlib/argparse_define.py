# Covers: argparse definition errors, conflict handlers, parents, argument group titles, parse_intermixed_args, repr of parser/actions/Namespace, ArgumentTypeError from a type, FileType repr, metavar tuple checks, print_help/print_usage/exit/error
import argparse
import sys
def attempt(f):
    try:
        r = f()
        print('ok', r if not isinstance(r, argparse.Action) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
p = argparse.ArgumentParser(prog='defs')
attempt(lambda: p.add_argument('x', dest='y'))
attempt(lambda: p.add_argument('pos', required=True))
attempt(lambda: p.add_argument('+bad'))
attempt(lambda: p.add_argument('--'))
attempt(lambda: p.add_argument('--x', action='nope'))
attempt(lambda: p.add_argument('--x', type='nope'))
attempt(lambda: p.add_argument('--x', type=argparse.FileType))
attempt(lambda: p.add_argument('--x', nargs=0))
attempt(lambda: p.add_argument('--x', const=1))
attempt(lambda: p.add_argument('--x', action='append', nargs=0))
attempt(lambda: p.add_argument('--x', nargs=2, metavar=('A', 'B', 'C')))
attempt(lambda: p.add_argument('--x', nargs='bad'))
attempt(lambda: p.add_argument('-h'))
attempt(lambda: p.add_argument('--help', '-h'))
attempt(lambda: argparse.ArgumentParser(conflict_handler='nope'))
m = p.add_mutually_exclusive_group()
attempt(lambda: m.add_argument('req'))
r = argparse.ArgumentParser(prog='resolve', conflict_handler='resolve')
r.add_argument('-f', '--foo', help='old foo')
r.add_argument('--foo', help='new foo')
r.add_argument('-h', action='store_true', help='my h')
print(r.format_help())
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--parent-opt', type=int, default=4)
pg = parent.add_argument_group('shared', 'from the parent')
pg.add_argument('--shared-x')
parent.set_defaults(origin='parent')
child = argparse.ArgumentParser(prog='child', parents=[parent])
child.add_argument('thing')
print(child.format_help(), child.parse_args(['t', '--shared-x', 's']))
im = argparse.ArgumentParser(prog='im')
im.add_argument('--foo')
im.add_argument('cmd')
im.add_argument('rest', nargs='*', type=int)
print(im.parse_intermixed_args('doit 1 --foo bar 2 3'.split()))
print(im.parse_known_intermixed_args('doit 1 --foo bar 2 --zz 3'.split()))
def even(s):
    v = int(s)
    if v % 2:
        raise argparse.ArgumentTypeError('%r is not even' % s)
    return v
ty = argparse.ArgumentParser(prog='ty', exit_on_error=False)
ty.add_argument('n', type=even)
for args in [['4'], ['3'], ['x']]:
    try:
        print(ty.parse_args(args))
    except argparse.ArgumentError as e:
        print('ArgumentError', e)
print(repr(argparse.ArgumentParser(prog='rp', description='d')).replace('<class ', '').replace("'>", ''))
a = ty._actions[-1]
print(repr(argparse.Namespace(a=1, **{'not valid': 2})), repr(argparse.FileType('w', encoding='utf-8')), repr(argparse.FileType()))
print(repr(argparse.Action(['-x'], 'x', nargs='?', const=1, default=2, help='h')))
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
s = Sink()
child.print_usage(s)
child.print_help(s)
print(''.join(s.parts))
old = sys.stderr
sys.stderr = s = Sink()
try:
    child.error('something bad')
except SystemExit as e:
    print('exit', e.code)
try:
    child.exit(3, 'bye\n')
except SystemExit as e:
    print('exit', e.code)
try:
    child.exit()
except SystemExit as e:
    print('exit', e.code)
sys.stderr = old
print(repr(''.join(s.parts)))
print(argparse.SUPPRESS, argparse.OPTIONAL, argparse.ZERO_OR_MORE, argparse.ONE_OR_MORE, argparse.PARSER, argparse.REMAINDER)
print(issubclass(argparse.ArgumentError, Exception), argparse.ArgumentTypeError.__mro__[1].__name__)
