# Covers: argparse parsing: nargs (?, *, +, N, REMAINDER), actions (store_const/true/false, append, append_const, count, extend, BooleanOptionalAction, version, help), abbreviations, -xyz, =values, --, negative numbers, defaults, set_defaults, parse_known_args, errors with exit code 2 and stderr text
import argparse
import sys
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
def run(parser, args, known=False):
    err, out = Sink(), Sink()
    old_err, old_out = sys.stderr, sys.stdout
    sys.stderr, sys.stdout = err, out
    try:
        res = parser.parse_known_args(args) if known else parser.parse_args(args)
    except SystemExit as e:
        res = 'exit %r' % (e.code,)
    finally:
        sys.stderr, sys.stdout = old_err, old_out
    print(args, '->', res)
    if out.parts:
        print('  stdout:', repr(''.join(out.parts)))
    if err.parts:
        print('  stderr:', repr(''.join(err.parts)))
p = argparse.ArgumentParser(prog='prog')
p.add_argument('pos', nargs='?', default='dflt')
p.add_argument('rest', nargs='*', type=int)
p.add_argument('-a', action='store_true')
p.add_argument('-b', action='store_false')
p.add_argument('-c', action='count')
p.add_argument('-n', '--num', type=int, default=7)
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('--app', action='append', type=int)
p.add_argument('--const', action='append_const', const='K', dest='consts')
p.add_argument('--ext', action='extend', nargs='+')
p.add_argument('--two', nargs=2)
p.add_argument('--choice', choices=['x', 'y'])
p.add_argument('--flag', action=argparse.BooleanOptionalAction)
p.add_argument('--verbose', action='store_const', const=2, default=0)
p.add_argument('--version', action='version', version='%(prog)s 2.0')
for args in [[], ['p', '1', '2'], ['-abcc'], ['-ac', '-c'], ['-n5', '--num=6'], ['--nu', '8'], ['--opt'], ['--opt', 'v'], ['--opt=w'],
             ['--app', '1', '--app', '2'], ['--const', '--const'], ['--ext', 'a', 'b', '--ext', 'c'], ['--two', 'x', 'y'], ['--choice', 'x'],
             ['--flag'], ['--no-flag'], ['--verb'], ['--', '-x', '1'], ['p', '--', '3'], ['-n', '-3'], ['x', '-5'], ['--version'],
             ['--num', 'x'], ['--choice', 'z'], ['--two', 'a'], ['--bogus'], ['a', '1', 'z'], ['-n'], ['--v'], ['--app', 'q'],
             ['-q'], ['--flag=1'], ['-a=1'], ['--opt', '1', '2', '3'], ['-h']]:
    run(p, args)
run(p, ['x', '--bogus', '1', '-z', '--num', '3'], known=True)
r = argparse.ArgumentParser(prog='req')
r.add_argument('src')
r.add_argument('dst', nargs='+')
r.add_argument('--must', required=True)
g = r.add_mutually_exclusive_group(required=True)
g.add_argument('--left', action='store_true')
g.add_argument('--right', action='store_true')
for args in [[], ['s'], ['s', 'd', '--must', 'm'], ['s', 'd', '--must', 'm', '--left'], ['s', 'd', '--must', 'm', '--left', '--right']]:
    run(r, args)
d = argparse.ArgumentParser(prog='defs', argument_default=argparse.SUPPRESS)
d.add_argument('--x', type=int)
d.add_argument('--y', default='5', type=int)
d.set_defaults(z=3, x=9)
run(d, [])
run(d, ['--x', '1'])
print(d.get_default('x'), d.get_default('z'), d.get_default('nope'))
neg = argparse.ArgumentParser(prog='neg')
neg.add_argument('-1', dest='one', action='store_true')
neg.add_argument('vals', nargs='*')
run(neg, ['-1', 'a'])
run(neg, ['-2'])
pc = argparse.ArgumentParser(prog='pc', prefix_chars='+/')
pc.add_argument('+f', action='store_true')
pc.add_argument('//long')
run(pc, ['+f', '//long', 'v'])
ab = argparse.ArgumentParser(prog='ab', allow_abbrev=False)
ab.add_argument('--foobar')
run(ab, ['--foo', 'x'])
amb = argparse.ArgumentParser(prog='amb')
amb.add_argument('--foo1')
amb.add_argument('--foo2')
run(amb, ['--foo', 'x'])
ns = argparse.Namespace(a=1, b='x')
print(ns, 'a' in ns, ns == argparse.Namespace(a=1, b='x'), vars(ns))
print(p.parse_args(['--num', '3'], namespace=argparse.Namespace(extra=True)))
run(argparse.ArgumentParser(prog='noargs'), ['x'])
sub = argparse.ArgumentParser(prog='top')
sp = sub.add_subparsers(dest='cmd', required=True)
sp.add_parser('go').add_argument('--speed', type=int, default=1)
run(sub, [])
run(sub, ['stop'])
run(sub, ['go', '--speed', '3', '--extra'])
run(sub, ['go', '--speed', '3', '--extra'], known=True)
e = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
e.add_argument('--n', type=int)
try:
    e.parse_args(['--n', 'x'])
except argparse.ArgumentError as ex:
    print('ArgumentError', ex, '|', ex.argument_name, '|', ex.message)
