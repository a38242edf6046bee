# Covers: every unicodedata property function over every code point of
# planes 0-1 and samples beyond (each checked through an md5 of the
# results, so any difference shows), names and lookup round trips,
# normalization of every character with a decomposition in all four forms,
# is_normalized, Hangul, errors and the Unicode version. Surrogates are
# left out: weft's str holds Unicode scalar values only.
import hashlib
import unicodedata as u

print(u.unidata_version)
cps = list(range(0xD800)) + list(range(0xE000, 0x20000)) + list(range(0x20000, 0x110000, 97)) + [0x10FFFF, 0xE0001, 0x3134A]


def digest(f):
    h = hashlib.md5()
    for cp in cps:
        h.update(repr(f(chr(cp))).encode())
    return h.hexdigest()


for name, f in [("category", u.category), ("bidirectional", u.bidirectional),
                ("combining", u.combining), ("mirrored", u.mirrored),
                ("east_asian_width", u.east_asian_width), ("decomposition", u.decomposition),
                ("decimal", lambda c: u.decimal(c, None)), ("digit", lambda c: u.digit(c, -1)),
                ("numeric", lambda c: u.numeric(c, None)), ("name", lambda c: u.name(c, ""))]:
    print(name, digest(f))
for c in "aA1½٣Ⅻ\u00e9\u0301\u4e00\uac00\U00020000\U0001F600€ﬁ\u2028 \x00":
    print(repr(c), u.name(c, None), u.category(c), u.bidirectional(c), u.combining(c), u.mirrored(c),
          u.east_asian_width(c), u.decimal(c, None), u.digit(c, None), u.numeric(c, None),
          repr(u.decomposition(c)))
for n in ["LATIN SMALL LETTER A", "latin small letter a", "CJK UNIFIED IDEOGRAPH-4E00",
          "HANGUL SYLLABLE GAG", "SNOWMAN", "EURO SIGN", "CJK UNIFIED IDEOGRAPH-3134A"]:
    print(n, repr(u.lookup(n)))
ok = 0
for cp in list(range(0xD800)) + list(range(0xE000, 0x30000)):
    n = u.name(chr(cp), None)
    if n is not None and u.lookup(n) == chr(cp):
        ok += 1
print("lookup round trips", ok)

decomposable = [chr(cp) for cp in range(0x30000) if u.decomposition(chr(cp))]
decomposable += [chr(cp) for cp in range(0xAC00, 0xD7A4, 7)]
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    h = hashlib.md5()
    for c in decomposable:
        h.update(u.normalize(form, c).encode("utf-8", "surrogatepass"))
        h.update(u.normalize(form, c + "\u0323\u0307").encode("utf-8", "surrogatepass"))
    print(form, len(decomposable), h.hexdigest())
samples = ["e\u0301", "\u1e9b\u0323", "Å", "\u212b", "ﬁ", "\u1100\u1161\u11a8", "각",
           "\u0041\u030a\u0327", "\u0071\u0307\u0323", "ᄀ각", "ｶﾞ", "①", "\u0f73", "Ǆ", "x\u0345\u0301"]
for s in samples:
    print([u.normalize(f, s) for f in ["NFC", "NFD", "NFKC", "NFKD"]],
          [u.is_normalized(f, s) for f in ["NFC", "NFD", "NFKC", "NFKD"]])
for f in [lambda: u.name("ab"), lambda: u.name(5), lambda: u.name("\x00"), lambda: u.lookup("nope"),
          lambda: u.decimal("a"), lambda: u.digit("a"), lambda: u.numeric("a"),
          lambda: u.normalize("X", "a"), lambda: u.category(""), lambda: u.normalize("NFC", 5),
          lambda: u.name("\x00", "dflt"), lambda: u.numeric("x", 1.5)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
