# Covers: csv.writer quoting rules (MINIMAL/ALL/NONNUMERIC/NONE), escapechar, doublequote, lineterminator, None and numbers, writerows, DictReader/DictWriter, dialect classes and registry
import csv
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def text(self):
        return ''.join(self.parts)
def w(row, **kw):
    s = Sink()
    try:
        r = csv.writer(s, **kw).writerow(row)
        return repr(s.text()) + ' ret=' + repr(r)
    except Exception as e:
        return 'ERR %s %s' % (type(e).__name__, e)
print(w(['a', None, 1, 2.5, True, '', 'x y', 'q"q', 'c,d', 'n\nl']))
print(w(['a', None, 1, 2.5, True, ''], quoting=csv.QUOTE_NONNUMERIC), w(['a', None, 1, ''], quoting=csv.QUOTE_ALL))
print(w(['']), w([None]), w(['', '']), w([]), w(['a\rb', 'c\nd'], lineterminator='\n'), w(['a\rb'], lineterminator='X'))
print(w([''], quoting=csv.QUOTE_NONE), w(['a,b'], quoting=csv.QUOTE_NONE), w(['a,b'], quoting=csv.QUOTE_NONE, escapechar='\\'))
print(w(['a"b']), w(['a"b'], doublequote=False), w(['a"b'], doublequote=False, escapechar='\\'), w(['a\\b'], escapechar='\\'))
print(w(['a b'], delimiter=' '), w([' a']), w(['a'], quotechar=None), w(['a,b'], quotechar=None), w([1j, 3]), w(['x'], quoting=csv.QUOTE_NONNUMERIC))
print(w(5), w('abc'), w(['a\x00b']), w(iter(['i', 'j'])), w(['x'], dialect='excel-tab'), w(['x', 'y'], dialect=csv.unix_dialect))
print(w(['a|b', "it's"], delimiter='|', quotechar="'"), w(['tab\there'], dialect=csv.excel_tab))
s = Sink()
wr = csv.writer(s, lineterminator='\n')
print(wr.writerows([['h1', 'h2'], [1, 2], (3, 'four, five')]), repr(s.text()), wr.dialect.delimiter, type(wr).__name__)
try:
    csv.writer(5)
except TypeError as e:
    print('TypeError', e)
rows = ['name,age,city\n', 'Ann,31,Oslo\n', '\n', 'Bob,27\n', 'Cy,40,Rome,extra,more\n']
dr = csv.DictReader(rows)
print(dr.fieldnames, dr.line_num)
for row in dr:
    print(row, dr.line_num)
dr = csv.DictReader(['1;2\n', '3;4;5\n'], fieldnames=['x', 'y'], restkey='rest', restval='?', delimiter=';')
print(list(dr), dr.fieldnames)
print(list(csv.DictReader(['a,b,c\n', '1\n'], restval='-')), csv.DictReader([]).fieldnames, list(csv.DictReader([])))
s = Sink()
dw = csv.DictWriter(s, fieldnames=['name', 'age'], restval='NA', lineterminator='\n')
print(dw.writeheader(), dw.writerow({'name': 'Ann', 'age': 31}), dw.writerow({'name': 'Bob'}))
dw.writerows([{'age': 5, 'name': 'Cy'}, {'name': 'D,E'}])
print(repr(s.text()))
try:
    dw.writerow({'name': 'x', 'zip': 1})
except ValueError as e:
    print('ValueError', e)
dw2 = csv.DictWriter(s, ['a'], extrasaction='ignore')
print(dw2.writerow({'a': 1, 'b': 2}))
try:
    csv.DictWriter(s, ['a'], extrasaction='bad')
except ValueError as e:
    print('ValueError', e)
print(csv.list_dialects(), csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, issubclass(csv.Error, Exception))
d = csv.get_dialect('excel')
print(d.delimiter, repr(d.quotechar), d.escapechar, d.doublequote, d.skipinitialspace, repr(d.lineterminator), d.quoting, d.strict)
print(csv.excel.delimiter, repr(csv.excel_tab.delimiter), repr(csv.unix_dialect.lineterminator), csv.unix_dialect.quoting, csv.Dialect.delimiter)
class Pipe(csv.Dialect):
    delimiter = '|'
    quotechar = "'"
    doublequote = True
    skipinitialspace = True
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('pipe', Pipe)
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
csv.register_dialect('pipe2', 'pipe', delimiter='!')
print(sorted(csv.list_dialects()), list(csv.reader(["a| 'b|c'"], 'pipe')), w(['x', 'y'], dialect='semi'), csv.get_dialect('pipe2').delimiter, csv.get_dialect('pipe2').quotechar)
csv.unregister_dialect('semi')
for f in [lambda: csv.get_dialect('semi'), lambda: csv.unregister_dialect('semi'), lambda: csv.register_dialect(1), Pipe, csv.Dialect,
          lambda: csv.register_dialect('bad', delimiter='::')]:
    try:
        print(type(f()).__name__)
    except Exception as e:
        print(type(e).__name__, e)
class Bad(csv.Dialect):
    delimiter = ','
try:
    Bad()
except csv.Error as e:
    print('Error', e)
for cls in (csv.DictReader, csv.DictWriter):
    try:
        cls[str]
    except TypeError as e:
        print('TypeError', e)
