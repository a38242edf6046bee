# Covers: csv.reader over lists of lines: quoting, doublequote, escapechar, skipinitialspace, strict, QUOTE_NONNUMERIC/NONE, multi-line fields, blank lines, line_num, errors, field_size_limit
import csv
def r(lines, **kw):
    try:
        rd = csv.reader(lines, **kw)
        out = list(rd)
        return repr(out) + ' ln=%d' % rd.line_num
    except Exception as e:
        return 'ERR %s %s' % (type(e).__name__, e)
print(r(['a,b\r\n', '\n', '"x","y ""q"" z"\n', 'p,"multi\n', 'line",end\n', 'last']))
print(r(['a, b,  "c"'], skipinitialspace=True), r(['"a"b,c']), r(['"a"b,c'], strict=True), r(['"abc'], strict=True), r(['"abc']))
print(r(['a\\,b,c\\\n', 'd'], escapechar='\\'), r(['"a\\"b"'], escapechar='\\', doublequote=False), r(['"a""b"'], doublequote=False))
print(r(['1,2.5,"x",,abc'], quoting=csv.QUOTE_NONNUMERIC), r(['1,2.5,"x",,7'], quoting=csv.QUOTE_NONNUMERIC), r(['1," 2"'], quoting=csv.QUOTE_NONNUMERIC))
print(r(['"a",b'], quoting=csv.QUOTE_NONE), r(['a\x00b']), r([b'ab']), r(['a\rb']), r(['a\nb']), r(['a,b\r']), r(['"a\nb"']))
print(r(['a\tb'], dialect='excel-tab'), r(['a;b'], delimiter=';'), r(["'a;b';c"], delimiter=';', quotechar="'"))
print(r(['']), r([' ']), r([',']), r(['""']), r(['"",']), r(['a,"b,c",d\r\n', 'e,,f']), r(['x,"y"z",w']), r(['a\\\nb'], escapechar='\\'))
print(r(['"a', 'b"']), r(['"line1\r\n', 'line2"\r\n']), r(['a,b', 'c,d'], dialect=csv.unix_dialect), r(['x|y'], delimiter='|', quoting=csv.QUOTE_NONE))
print(r(['x' * 200000]), csv.field_size_limit(), csv.field_size_limit(10), r(['abcdefghijk']), r(['"abcdefghij"']), csv.field_size_limit(131072))
rd = csv.reader(['h1,h2\n', '1,2\n'])
print(next(rd), rd.line_num, next(rd), rd.line_num, type(rd).__name__, rd.dialect.delimiter, iter(rd) is rd)
for kw in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=None), dict(delimiter=1), dict(quotechar=''), dict(quotechar='ab'),
           dict(quotechar=1), dict(escapechar='ab'), dict(lineterminator=None), dict(lineterminator=1), dict(quoting=9), dict(quoting='x'),
           dict(quoting=None), dict(doublequote=0), dict(quotechar=None, quoting=csv.QUOTE_MINIMAL), dict(bogus=1), dict(dialect='nope')]:
    try:
        csv.reader([], **kw)
        print(kw, 'ok')
    except Exception as e:
        print(kw, 'ERR', type(e).__name__, e)
try:
    csv.reader(5)
except TypeError as e:
    print('TypeError', e)
try:
    csv.field_size_limit('x')
except TypeError as e:
    print('TypeError', e)
print(list(csv.reader(['a,b'], quotechar=None)), list(csv.reader(iter(['1,2', '3,4']))), list(csv.reader('ab')))
