# Covers: re.findall/finditer/sub/subn/split/escape: group shapes of
# findall, Python 3.7+ empty-match rules, templates (\1, \g<name>, \g<0>,
# escapes), function replacements, count and maxsplit, bytes patterns.
import re

print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1b2c3"), re.findall(r"(a)|b", "ab"))
print([m.span() for m in re.finditer(r"x*", "axxb")], [m.group() for m in re.finditer(r"\w+", "hi there")])
print(re.findall(r"|a", "a"), re.findall(r"a??", "aa"), re.findall(r"\b", "ab cd"))
print(re.sub(r"x*", "-", "abxd"), re.sub("", "-", "abc"), re.subn(r"\s+", " ", "a  b   c"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1 [\g<0>] \g<1>", "joe@home"))
print(re.sub(r"(?P<n>\d)", lambda m: str(int(m["n"]) * 2), "a1b2c3"), re.sub("a", "b", "aaa", count=2))
print(re.sub("(a)|b", r"[\1]", "ab"), re.sub("a", r"\n\t\\", "a") == "\n\t\\", re.sub("a", r"\.", "a"))
print(re.sub(r"(\d)", r"\g<1>0", "1 2"), re.subn("a", "b", "xyz"), re.sub("a", "b", "aaa", 0))
print(re.sub(r"[\w.]+@[\w.]+\.\w+", lambda mm: mm.group(0)[0] + "***", "mail u3@example.org now"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", 1), re.split(r"x*", "axbc"), re.split("[:;]", "a:b;c", maxsplit=1))
print(re.split("", "abc"), re.split(r"(a)|b", "xaybz"), re.split("x", "abc"), re.split(r"\s", "a b", -1))
print(re.escape("a.b*c?d(e)[f]{g}^$|\\+ -#&~_!"), re.escape(b"a.b"), re.escape("\t\n"))
print(re.findall(r"[\w.]+@[\w.]+\.\w+", "x u1@example.org y"), re.findall("[]a]", "]a"), re.findall("[^]a]", "]ab"))
print(re.findall("[a-]", "a-b"), re.findall(r"[\d-]+", "1-2 x"), re.findall("[\\[]", "a[b"))
print(re.findall(r"a{2,3}", "aaaa"), re.findall("a{,2}", "aaa"), re.findall("a{", "a{"), re.findall("x{2}", "xxxxx"))
print(re.findall(r"(\w)\1", "aabbcd"), re.findall(r"(?P<x>\w)(?P=x)", "xxyz"), re.findall(r"\w+(?=!)", "hi! yo!"))
print(re.findall(r"(?<=\$)\d+", "$10 $20 30"), re.findall(r"(?<!-)\b\d+", "-1 2 -3 4"), re.findall(r"(?>a+)b", "aab"))
print(re.findall(r"\d+?", "123"), re.findall(r"a*+", "aa"), re.findall(r"(?:ab)+", "ababxab"))
print(re.match(b"(\\d+)", b"123abc").group(1), re.findall(rb"\w", b"a\xe9b"), re.sub(b"a", b"\\\\", b"aba"))
print(re.split(rb",", b"a,b"), re.sub(rb"(b)", rb"<\1>", b"abc"), re.search(rb"\xe9", b"caf\xe9").span())
print(re.sub("(?i)x", "y", "xXx"), re.sub(r"^", ">", "a\nb", flags=re.M), re.sub(r"$", "<", "a\nb\n"))
try:
    re.sub("(a)", r"\g<x>", "a")
except IndexError as e:
    print("IndexError:", e)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("error:", e)
print(re.sub("a", lambda m: None, "bab"))
try:
    re.sub("a", lambda m: 5, "a")
except TypeError as e:
    print("TypeError:", e)
for p, s in [("a$", "a\n"), ("a$", "a\nb"), ("a$", "a\n\n"), (r"(\d+)(?=/|$)", "/x/12/34"), ("$", "ab\n"), ("x$", "x\ny\nx")]:
    print(p, repr(s), [m.span() for m in re.finditer(p, s)])
