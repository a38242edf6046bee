# Covers: csv.Sniffer.sniff (quote and delimiter guessing, doublequote, skipinitialspace, delimiters restriction, failures) and has_header
import csv
samples = ['a,b,c\n1,2,3\n', '"a","b"\n"1","2"\n', 'a;b;c\n1;2;3\n', 'x y z\n1 2 3\n', "'a', 'b'\n'c', 'd'\n", 'name:age\nbob:3\n',
           'one\ntwo\n', '"a ""q"" b",c\n', 'a\tb\tc\n1\t2\t3\n', '"x";"y";"z"\n"1";"2";"3"\n', '"only one column"\n"another"\n',
           'id,"name, full",score\n1,"Smith, J",3.5\n2,"Doe, A",4\n', "'a'|'b'\n'c'|'d'\n", 'k=v&k2=v2\nk=1&k2=2\n',
           '"a","b","c"\n', 'a,"b "" c",d\n', '1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n15,16\n17,18\n19,20\n21,22\n23;24\n',
           'a:b,c\nd:e,f\ng:h,i\n', 'plain text without anything', 'x, y, z\n1, 2, 3\n']
for s in samples:
    try:
        d = csv.Sniffer().sniff(s)
        print(repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace, d.quoting, repr(d.lineterminator), d.escapechar, d._name, d.__name__)
        print(list(csv.reader(s.splitlines(), d)))
    except csv.Error as e:
        print('Error', e)
print(csv.Sniffer().sniff('a;b,c\n1;2,3\n', delimiters=';').delimiter, csv.Sniffer().sniff('a;b,c\n1;2,3\n', delimiters=',').delimiter)
try:
    csv.Sniffer().sniff('a,b\n', delimiters=';')
except csv.Error as e:
    print('Error', e)
for s in ['name,age\nbob,3\nal,40\n', '1,2\n3,4\n', 'a,b\nxx,yy\nzz,ww\n', 'title,year\nJaws,1975\nAlien,1979\n', 'x,1\ny,2\nz,3\n', '"h1","h2"\n"1","2"\n']:
    print(csv.Sniffer().has_header(s))
print(csv.Sniffer().preferred)
