"""Regenerates tests/text_cases/spec.txt (expected format() results) from the running CPython."""
import itertools
import sys

ints = [0, 1, -1, 7, 42, -42, 255, -255, 1234, -1234, 1234567, 10**20, -(10**25) + 7, 65, 0x10FFFF, 0x110000]
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 1.25, 2.675, 100.0, 123.456, -123.456, 1234.5, 12345.678,
          1234567.891, 1e15, 1e16, 1e20, 1.5e300, 1e-5, 0.0001, 0.00012345, 1e-300, -1e-300, 5e-324, 1/3,
          float("inf"), float("-inf"), float("nan"), 9.995, 99.5, 0.05, 1e22, 123456789.0]
strs = ["", "a", "abc", "héllo", "日本語", "x" * 12]
specs = ["", "d", "5", "<5", ">5", "^5", "^6", "=8", "*^9", "0", "05", "010", "+", "-", " ", "+08", " 08",
         "x", "X", "#x", "#X", "#010x", "#o", "o", "b", "#b", "_b", "_x", "#012_x", ",", "_", "010,", "08,",
         "0=10,", "*<010,", ",d", "c", ">5c", "+c", "#c", ",c", "n", ",n", "z", "zf", "z.1f", "z.0f",
         "e", "E", ".0e", ".3e", "#.0e", "f", "F", ".0f", ".2f", "#.0f", ".1f", ",.2f", "012,.1f", "_.3f",
         "g", "G", ".0g", ".1g", ".3g", ".10g", "#g", "#.3g", "%", ".1%", ".0%", ".3", ".1", ".2", ".10",
         "#", "#.3", "s", ".2s", ".0", "10.2", "<10.2", "^10.3", "=10", "+10", "#10", "abc", ",,", ",_", "_,",
         "__", ".", "q", "-^+10.3e", "012.3", "=^10", "x<", "<<<", "\u00e9^7", ".2d", "99999999999999999999",
         ".99999999999999999999", "!", "0x", "00", "+.3%", "12.4G", "-010.2F", " .1e"]


def run(v, s):
    try:
        return format(v, s)
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def lit(x):
    return '"' + x.encode("unicode_escape").decode("ascii").replace('"', '\\"').replace("\\x", "\\u{").replace("\\u{", "\\u{") + '"'


def rs(x):
    out = []
    for ch in x:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            out.append("\\u{%x}" % ord(ch))
    return "".join(out)


rows = []
for v, s in itertools.product(ints, specs):
    rows.append(("int", str(v), s, run(v, s)))
for v, s in itertools.product(floats, specs):
    rows.append(("float", repr(v), s, run(v, s)))
for v, s in itertools.product(strs, specs):
    rows.append(("str", v, s, run(v, s)))
import random, struct
rnd = random.Random(1234)
rspecs = ["", "e", ".3e", "f", ".2f", ".0f", "g", ".3g", ".12g", "#g", ".1", ".5", "%", ",.3f", "r"[:0], ".17g", "+.4", "010.3"]
for _ in range(3000):
    kind = rnd.random()
    if kind < 0.3:
        v = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if v != v:
            continue
    elif kind < 0.7:
        v = rnd.uniform(-1, 1) * 10 ** rnd.randint(-20, 25)
    else:
        v = round(rnd.uniform(-1000, 1000), rnd.randint(0, 4))
    s = rnd.choice(rspecs)
    rows.append(("float", repr(v), s, run(v, s)))
rows = [r for r in rows if len(r[3]) < 400]
with open(sys.argv[1] if len(sys.argv) > 1 else "tests/text_cases/spec.txt", "w") as f:
    f.write("# format() results from CPython 3.11, made by tools/gen_spec_cases.py; do not edit.\n")
    f.write("# One case per line: kind (int, float, str), value, format spec, expected text or \"Kind: message\";\n")
    f.write("# tab-separated, each field escaped as a Rust string body (\\\\, \\\", \\u{X}).\n")
    for k, v, s, r in rows:
        f.write("\t".join([rs(k), rs(v), rs(s), rs(r)]) + "\n")
print(len(rows))
