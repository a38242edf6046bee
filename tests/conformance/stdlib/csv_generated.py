# Covers: csv.Sniffer over generated samples, and reader/writer round trips of generated rows under several dialect options
import csv
seed = 31337
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
atoms = ['a', 'bc', '12', '3.5', '"q"', "'s'", ' ', '  x', ',', ';', '|', '\t', ':', '"', "'", 'word', '""', 'a b', '\n', '-', '_']
for case in range(150):
    s = ''.join(atoms[rnd(len(atoms))] for _ in range(rnd(25)))
    try:
        d = csv.Sniffer().sniff(s)
        print(case, repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace)
    except csv.Error as e:
        print(case, 'Error', e)
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
for case in range(60):
    opts = {}
    if rnd(3) == 0: opts['delimiter'] = ';|\t '[rnd(4)]
    if rnd(3) == 0: opts['quoting'] = rnd(3)
    if rnd(3) == 0: opts['escapechar'] = '\\'
    if rnd(4) == 0: opts['doublequote'] = False
    if rnd(4) == 0: opts['lineterminator'] = '\n'
    rows = [[''.join(atoms[rnd(len(atoms))] for _ in range(rnd(4))) for _ in range(rnd(4) + 1)] for _ in range(rnd(4) + 1)]
    sink = Sink()
    try:
        csv.writer(sink, **opts).writerows(rows)
        text = ''.join(sink.parts)
        back = list(csv.reader(text.splitlines(True), **opts))
        print(case, sorted(opts.items()), repr(text), back == rows if opts.get('quoting') != 2 else back)
    except Exception as e:
        print(case, sorted(opts.items()), type(e).__name__, e)
