# Covers: re.error for invalid patterns (CPython's messages, pos, lineno,
# colno), TypeErrors for mixing str and bytes, and the compile cache.
import re

bad = ["(", ")", "a**", "*a", "+", "a|*", "[a", r"\q", "(?P<1>a)", r"(a)\2",
       "(?P=x)", "a{3,2}", "(?<x>a)", "(?z)", "(?P<a>x)(?P<a>y)", "[z-a]",
       r"(a\1)", "x(?i)y", "(?#unclosed", "abc\n(", r"\x4", "a)b", "(?P<>x)"]
for p in bad:
    try:
        re.compile(p)
        print("no error", ascii(p))
    except re.error as e:
        print(ascii(p), "|", e, "|", e.msg, e.pos, e.lineno, e.colno)

for call in [lambda: re.search("a", b"a"), lambda: re.search(b"a", "a"),
             lambda: re.search("a", 5), lambda: re.compile(5),
             lambda: re.compile(re.compile("a"), re.I)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

p = re.compile(r"\d+")
print(re.compile(r"\d+") is p, re.compile(p) is p)
re.purge()
print(re.compile(r"\d+").pattern, isinstance(p, re.Pattern), isinstance(p.match("1"), re.Match))
print(re.error("boom"), re.error("boom", "pat", 1), issubclass(re.error, Exception))
