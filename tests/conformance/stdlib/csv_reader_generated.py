# Covers: csv.reader over generated lines mixing quotes, doubled quotes, delimiters, line breaks and numbers, under QUOTE_NONNUMERIC, QUOTE_NONE, doublequote=False, strict and another delimiter (the fast paths against the state machine)
import csv
seed = 99
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
atoms = ['a', '1', '2.5', '"', '""', ',', ';', ' ', 'x y', '\r\n', '\n', '"q"', "'", '-3', '\t', '"a,b"', '"1"']
for case in range(400):
    lines = [''.join(atoms[rnd(len(atoms))] for _ in range(rnd(8))) for _ in range(rnd(4) + 1)]
    opts = {}
    r = rnd(6)
    if r == 0: opts['quoting'] = csv.QUOTE_NONNUMERIC
    if r == 1: opts['doublequote'] = False
    if r == 2: opts['strict'] = True
    if r == 3: opts['delimiter'] = ';'
    if r == 4: opts['quoting'] = csv.QUOTE_NONE
    try:
        rd = csv.reader(lines, **opts)
        out = list(rd)
        print(case, repr(out), rd.line_num)
    except Exception as e:
        print(case, type(e).__name__, e)
