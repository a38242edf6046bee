# Covers: string.Formatter: parse (escapes, fields, conversions, errors), format/vformat, get_field/get_value, convert_field, format_field, auto numbering, subclass hooks
import string
F = string.Formatter()
for s in ['a{{b', 'a}}b', '{}', 'a{b!r:>3}c', '{a[:]}', '{a[!]}', '{a!r}', '{a:{b}}', '{a:{{}}}', '{', '}', 'a{', '{a!}', '{a!rr}', '{a!r', '{a:x', '{0.x[y].z}', '{a{b}c}', '{!r}', '{:}', 'x}}', '{a]}', '{a[}', '{a[b]c}', '{a!', '{a:', '{a!r:}', 'plain', '', '{{}}', '}}{{', '{0!s:{1}}x']:
    try:
        print(repr(s), list(F.parse(s)))
    except Exception as e:
        print(repr(s), 'ERR', type(e).__name__, e)

class O:
    x = 5
    y = [10, 20]
print(F.format('{0.x} {0.y[1]} {k[a]} {}', O(), k={'a': 'A'}) if False else F.format('{0.x} {0.y[1]} {k[a]}', O(), k={'a': 'A'}))
print(F.format('{} {} {!r:>6}', 1, 'two', 'x'))
print(F.format('{:{}} {:{}}', 'a', 4, 'b', 3), '|')
print(F.format('{0:{1}.{2}f}', 3.14159, 10, 3))
for bad in [('{}{0}', (1,)), ('{0}{}', (1,)), ('{:{:{}}}', (1, 2, 3)), ('{0!x}', (1,)), ('{a.}', ()), ('{0[}', (1,))]:
    try:
        print(F.format(bad[0], *bad[1], a=1))
    except Exception as e:
        print('ERR', type(e).__name__, e)
print(F.get_field('0.real', [3], {}))
print(F.get_value(0, [7], {}), F.get_value('k', [], {'k': 8}))
print(F.convert_field(3, 'r'), F.convert_field('\xe9', 'a'), F.format_field(3, '03d'))

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<' + key + '>'
        return super().get_value(key, args, kwargs)
    def check_unused_args(self, used, args, kwargs):
        print('used', sorted(map(str, used)))
print(Upper().format('{name} {missing} {0}', 'x', name='bob'))
print(Upper().vformat('{a}-{b}', (), {'a': 'q', 'b': 'r', 'c': 's'}))

