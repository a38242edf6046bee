# Covers: string.Template substitute/safe_substitute/is_valid/get_identifiers, identifier rules, invalid placeholder positions, custom delimiters; capwords and the constants
import string
T = string.Template
print(T('$who likes $what').substitute(who='tim', what='kung pao'))
print(T('${x}y $$ $x').substitute({'x': 1}))
print(T('$a $b').substitute({'a': 1}, a=2, b=3))
for t in ['abc $', '$1', 'x\ny ${a', '${ a}', '$$$', '${}', '\xe9$\xe9', '\n\n  $']:
    try:
        print(repr(T(t).substitute(a=1)))
    except Exception as e:
        print(repr(t), 'ERR', type(e).__name__, e)
    print(repr(T(t).safe_substitute(a=1)), T(t).is_valid(), T(t).get_identifiers())
try:
    T('$missing').substitute()
except KeyError as e:
    print('KeyError', e)
print(T('$a ${b} $c $a ${a} $$d').safe_substitute(c='C'))
print(T('$a ${b} $c $a ${a} $$d').get_identifiers())
print(T('$_x9 $X_Y9z').substitute(_x9=1, X_Y9z=2))

class Pct(string.Template):
    delimiter = '%'
print(Pct('%who %% %{x}').substitute(who='me', x='X'))
class Multi(string.Template):
    delimiter = '<<'
print(Multi('<<a <<<<b <<{c}').safe_substitute(a=1, c=3))
print(string.capwords(' hello   world  foo '), string.capwords('a-b-c', '-'), string.capwords('aBC dEF'))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable))
print(string.Template.delimiter, string.Template.idpattern, string.Template.braceidpattern, string.Template.flags == 2)
print(sorted(n for n in dir(string) if not n.startswith('_')))
