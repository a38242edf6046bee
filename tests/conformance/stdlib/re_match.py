# Covers: re.match/search/fullmatch and the Match object: group with several
# args and names, m[1], groups(default), groupdict, start/end/span,
# lastindex/lastgroup, pos/endpos, re, string, regs, expand, repr; Pattern
# methods with pos/endpos; flags and inline flags; code-point offsets.
import re

m = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Isaac Newton, physicist")
print(m, m.group(0), m.group(1, 2), m["first"], m[2], m.group("last", 1))
print(m.groups(), m.groupdict(), m.span(), m.start(2), m.end("last"))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re, m.string, m.regs)
print(re.search(r"\d+", "abc 123 def 45").group(), re.fullmatch(r"a|ab", "ab"), re.fullmatch("a", "ab"))
print(re.match("((a)b)", "ab").lastindex, re.match("(a)(b)", "ab").lastindex,
      re.match("(a)(b)?", "a").lastindex, re.match("a", "a").lastindex, re.match("(a)()", "a").lastindex)
m2 = re.match(r"(a)|(b)", "b")
print(m2.groups(), m2.groups("-"), m2.span(1), m2.start(1), m2.group(1), m2.groupdict())
print(re.match("(a)(?P<x>b)", "ab").expand(r"<\2\1\g<x>\g<1>>"))

p = re.compile("a")
print(p.search("xxa", 1), p.search("xxa", 0, 2), p.match("ba", 1), p.fullmatch("xax", 1, 2))
print(re.compile("^a").search("ba", 1), re.compile("a$").search("ab", 0, 1), re.compile(r"\Ab").search("ab", 1))
print(re.search(r"^b", "a\nb", re.M), re.search(r"^b", "a\nb"), re.search("a$", "a\n"), re.search(r"a\Z", "a\n"))
print(re.search(r"a.c", "a\nc"), re.search(r"a.c", "a\nc", re.S), re.search("(?s)a.c", "a\nc"))
print(re.search("(?i)hello", "HeLLo"), re.match("[a-z]+", "ABC", re.I), re.match("(?i:A)b", "ab"), re.match("(?i:A)b", "aB"))
print(re.match(r"""(?x) \d+  # digits
   \s* [a-z]+ """, "12 abc"))
print(re.match(r"\d+ [a-z]+", "12 abc", re.VERBOSE), re.match(r"a\ b", "a b", re.X))

print(re.search("\u00e9+", "caf\u00e9\u00e9").span(), re.search("(\u00e9)(x)", "\u00e9\u00e9x").span(2))
print([m.span() for m in re.finditer("\u00f6", "\u00f6a\u00f6")], re.compile("b").search("\u00e9\u00e9b\u00e9", 1).span())
print(re.search(r"\d", "x\u0663").span(), re.search(r"\d", "x\u0663", re.A), re.search(r"\w+", "\u00e9t\u00e9", re.ASCII))
print(re.search(r"\s", "a\x1cb").span(), re.search(r"\S+", " \u00e9a ").span())

p2 = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)", re.I | re.M)
print(p2, p2.pattern, p2.flags, p2.groups, p2.groupindex, p2 == re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)", re.I | re.M))
print(re.compile("abc"), re.compile(b"x"), re.compile("a", re.A), re.compile("a").flags, re.compile("(?i)a").flags)
print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.L), int(re.NOFLAG), int(re.I | re.S))
print(bool(re.match("", "")), re.match("x", "y") is None)
try:
    m.group(3)
except IndexError as e:
    print("IndexError:", e)
try:
    m.group("nope")
except IndexError as e:
    print("IndexError:", e)
