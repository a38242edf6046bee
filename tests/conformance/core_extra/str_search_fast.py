# find/count/startswith/split/replace on ASCII and non-ASCII text, with
# one-byte and longer needles, start/end bounds and maxsplit/count limits.

texts = ["k1=7;k2=14;;k3=21;", "aé;€𝄞;;b=c;é", "", ";", "==", "abcabcabc"]
needles = [";", "=", "é", "€𝄞", "abc", "", "zz", ";;", "c"]
for t in texts:
    for n in needles:
        row = [t.find(n), t.rfind(n), t.count(n), t.startswith(n), t.endswith(n)]
        for lo in (None, -3, 0, 1, 4, 50):
            for hi in (None, -1, 2, 5, 50):
                row.append(t.find(n, lo, hi))
                row.append(t.rfind(n, lo, hi))
                row.append(t.count(n, lo, hi))
                row.append(t.startswith(n, lo, hi))
                row.append(t.endswith(n, lo, hi))
        print(repr(t), repr(n), row)
        if n:
            print("  ", t.split(n), t.split(n, 0), t.split(n, 1), t.split(n, 2), t.rsplit(n, 1))
        print("  ", repr(t.replace(n, "<>")), repr(t.replace(n, "", 1)), repr(t.replace(n, "é", 2)))
        print("  ", repr(t.replace(n, "x", 0)), repr(t.replace(n, "XY", -1)))
        try:
            print("  ", t.index(n), t.rindex(n))
        except ValueError as e:
            print("   ValueError", e)

print("x".startswith(("a", "x")), "x".endswith(("a", "b")), "é".startswith("é", 0, 1))
try:
    "abc".find(1)
except TypeError as e:
    print("TypeError", e)
try:
    "abc".startswith(1)
except TypeError as e:
    print("TypeError", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
line = ";".join("k" + str(i) + "=" + str(i * 7 % 1000) for i in range(50))
print(sum(len(f.split("=")[0]) + int(f.split("=")[1]) for f in line.split(";")))
print(line.upper().replace("K", "key_")[:60])


class S(str):
    pass


for sep in ["", ";", "é€", "--"]:
    print(repr(sep.join([])), repr(sep.join(["a"])), repr(sep.join(["a", "é", ""])))
    print(repr(sep.join(("x", "y"))), repr(sep.join(c for c in "abc")), repr(sep.join([S("s"), "t"])))
    try:
        sep.join(["a", 1])
    except TypeError as e:
        print("TypeError", e)
    try:
        sep.join(("a", None))
    except TypeError as e:
        print("TypeError", e)
print(str(0), str(-7), str(2**63 - 1), str(-2**63), f"{-3}|{10**20}|{True}", len(str(-123)), str(5)[::-1])
print(S("a;é;b").split(";"), S("a b").split(), "x;y".split(sep=";", maxsplit=0), "é€ a".rsplit(None, 1))
