"""Regenerates tests/text_cases/strops.txt (expected str method results) from the running CPython."""
import sys

SEP = "\x01"
samples = ["", "a", "abc", "  a  b  c  ", "hello world", "Hello World", "HELLO", "a,b,,c", ",a,", "aaa", "abcabcabc",
           "\tx\ty\n\tz", "ß", "straße", "ǆemal", "ΣΑΣ ΣΑΣ", "Σ", "ὈΔΥΣΣΕΎΣ", "they're bill's", "i̇stanbul", "İstanbul",
           "ﬁne", "a\r\nb\rc\n\nd\u2028e\x1cf", "١٢٣", "²³", "½", "一二", "Ⅻ", "x\u00a0y\u2003z", "\x1c\x1d a",
           "héllo wörld", "日本語テキスト", "+42", "-7", "abc_1", "1abc", "_", "", "ǅungla", "ﬀ", "Abc Def", "abc Def",
           "A1b2", "x\x00y", "ab\tcd\tef", "\u0130", "MiXeD CaSe 123"]

calls = []
for s in samples:
    for op in ["upper", "lower", "casefold", "capitalize", "title", "swapcase", "isalpha", "isalnum", "isdecimal",
               "isdigit", "isnumeric", "isspace", "isupper", "islower", "istitle", "isidentifier", "isascii",
               "isprintable", "splitlines0", "splitlines1", "strip", "lstrip", "rstrip"]:
        calls.append((op, s, []))
    for w in [0, 5, 10, 11, 12, 13]:
        for fill in [" ", "*"]:
            calls.append(("center", s, [w, fill]))
        calls.append(("ljust", s, [w, "-"]))
        calls.append(("rjust", s, [w, "-"]))
        calls.append(("zfill", s, [w]))
    for t in [8, 4, 0, -1, 1]:
        calls.append(("expandtabs", s, [t]))
    for sep in [None, ",", "a", "b", "ab", " ", ""]:
        for m in [-1, 0, 1, 2]:
            calls.append(("split", s, [sep, m]))
            calls.append(("rsplit", s, [sep, m]))
    for sub in ["", "a", "b", "bc", "ß", "語", "xyz", ","]:
        for st, en in [(None, None), (1, None), (-2, None), (0, -1), (3, 2), (5, None), (len(s), None),
                       (len(s) + 1, None), (-100, 100), (2, 4)]:
            for op in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
                calls.append((op, s, [sub, st, en]))
        calls.append(("partition", s, [sub]))
        calls.append(("rpartition", s, [sub]))
        calls.append(("removeprefix", s, [sub]))
        calls.append(("removesuffix", s, [sub]))
        for new in ["", "XY"]:
            for c in [-1, 0, 1, 2]:
                calls.append(("replace", s, [sub, new, c]))
    for chars in ["a", "ab ", " \t", "ßé", ""]:
        for op in ["strip", "lstrip", "rstrip"]:
            calls.append((op, s, [chars]))


def canon(r):
    if isinstance(r, bool):
        return "True" if r else "False"
    if isinstance(r, int):
        return str(r)
    if isinstance(r, list):
        return "[" + SEP.join(r) + "]"
    if isinstance(r, tuple):
        return "(" + SEP.join(r) + ")"
    return r


def call(op, s, args):
    try:
        if op.startswith("splitlines"):
            return canon(s.splitlines(op.endswith("1")))
        if op == "split":
            return canon(s.split(args[0], args[1]))
        if op == "rsplit":
            return canon(s.rsplit(args[0], args[1]))
        return canon(getattr(s, op)(*[a for a in args]))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def enc_arg(a):
    if a is None:
        return "N"
    if isinstance(a, int):
        return "i" + str(a)
    return "s" + a


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


with open(sys.argv[1] if len(sys.argv) > 1 else "tests/text_cases/strops.txt", "w") as f:
    f.write("# str method results from CPython 3.11, made by tools/gen_strops_cases.py; do not edit.\n")
    f.write("# One case per line: method, receiver, arguments (joined by \\u{1}: N, iINT or sSTR), expected\n")
    f.write("# canonical result; tab-separated, each field escaped as a Rust string body (\\\\, \\\", \\u{X}).\n")
    seen = set()
    for op, s, args in calls:
        # the cut-down args are what the call receives (None end == omitted)
        key = (op, s, tuple(args))
        if key in seen:
            continue
        seen.add(key)
        a = SEP.join(enc_arg(x) for x in args)
        f.write("\t".join([rs(op), rs(s), rs(a), rs(call(op, s, args))]) + "\n")
print(len(seen))
