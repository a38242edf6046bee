# Writes data/unicode/ucd.txt (properties) and data/unicode/names.txt, the
# character database behind weft's unicodedata module, read off CPython
# 3.11's unicodedata (Unicode 14.0.0) for every code point. Two files, so a
# script asking for properties never touches the names. Run with python3.11
# from the repository root:
#   python3 tools/gen_unicodedata.py
#
# Format (hex code points, fields separated by ';'):
#   V <version>
#   P <first> <last>;<category>;<bidi>;<combining>;<mirrored>;<east asian
#     width>;<decimal>;<digit>;<numeric>;<decomposition>;<excluded>
#       one line per run of code points with equal properties (an empty
#       field: no value); excluded is 1 when a canonical decomposition is
#       not recomposed by NFC
#   N <cp>;<name>          one line per explicitly named code point
#   R <first> <last>;<prefix>  names made of prefix and the hex code point
import unicodedata as u

assert u.unidata_version == "14.0.0", u.unidata_version
out = open("data/unicode/ucd.txt", "w")
out.write("V %s\n" % u.unidata_version)


def props(cp):
    c = chr(cp)
    dec = u.decomposition(c)
    excluded = ""
    if dec and not dec.startswith("<"):
        excluded = "1" if u.normalize("NFC", c) != c else ""
    num = u.numeric(c, None)
    return (u.category(c), u.bidirectional(c), str(u.combining(c)), str(u.mirrored(c)),
            u.east_asian_width(c), "" if u.decimal(c, None) is None else str(u.decimal(c)),
            "" if u.digit(c, None) is None else str(u.digit(c)),
            "" if num is None else repr(num), dec, excluded)


run_start = 0
run = props(0)
for cp in range(1, 0x110000):
    p = props(cp)
    if p != run:
        out.write("P %X %X;%s\n" % (run_start, cp - 1, ";".join(run)))
        run_start = cp
        run = p
out.write("P %X %X;%s\n" % (run_start, 0x10FFFF, ";".join(run)))

out.close()
out = open("data/unicode/names.txt", "w")
# Names: runs named PREFIX-HEX compress to one line.
cp = 0
while cp < 0x110000:
    name = u.name(chr(cp), None)
    if name is None:
        cp += 1
        continue
    hexs = "%04X" % cp
    if name.endswith("-" + hexs):
        prefix = name[: -len(hexs)]
        end = cp
        while end + 1 < 0x110000 and u.name(chr(end + 1), None) == prefix + "%04X" % (end + 1):
            end += 1
        out.write("R %X %X;%s\n" % (cp, end, prefix))
        cp = end + 1
        continue
    out.write("N %X;%s\n" % (cp, name))
    cp += 1
out.close()
