//! str, bytes, bytearray, printf-style formatting and str.format: small
//! scripts run through the weft binary, compared with CPython 3.11's output.

mod common;

use common::check;

#[test]
fn str_methods_errors_percent_format() {
    check(
        r####"def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: ",".join([1, 2]))
t(lambda: ",".join(["a", 2]))
t(lambda: "abc".find(1))
t(lambda: "abc".split(1))
t(lambda: "abc".startswith(1))
t(lambda: "abc".startswith(("a", 1)))
t(lambda: "abc".replace(1, "b"))
t(lambda: "abc".strip(1))
t(lambda: "x".center(5, "ab"))
t(lambda: "abc".find("b", None, None))
t(lambda: "abc".find("b", -2))
t(lambda: "abc".count("", -10, 100))
t(lambda: "abc".index("z"))
t(lambda: "a" + 1)
t(lambda: "a" * 1.5)
t(lambda: "a" * "b")
t(lambda: 1 in "a")
t(lambda: ord("ab"))
t(lambda: ord(""))
t(lambda: ord(1))
t(lambda: ord(b"a"))
t(lambda: chr(-1))
t(lambda: chr(0x110000))
t(lambda: chr(1.5))
t(lambda: chr("a"))
t(lambda: str(b"abc", "ascii"))
t(lambda: str(1, "ascii"))
t(lambda: str("a", "ascii"))
t(lambda: str(b"\xff", "utf-8", "replace"))
t(lambda: str(object=5))
t(lambda: str())
t(lambda: "%s %s" % (1,))
t(lambda: "%s" % (1, 2))
t(lambda: "%d" % "x")
t(lambda: "%x" % 1.5)
t(lambda: "%f" % "x")
t(lambda: "%c" % "ab")
t(lambda: "%c" % 0x110000)
t(lambda: "%(a)s" % (1,))
t(lambda: "%(a)s %(b)s" % {"a": 1})
t(lambda: "%" % ())
t(lambda: "%(a" % {})
t(lambda: "abc" % [])
t(lambda: "abc" % 5)
t(lambda: "%s" % {"a": 1})
t(lambda: "%*s|" % (-5, "x"))
t(lambda: "%.*s|" % (2, "xyz"))
t(lambda: "%*d" % ("x", 1))
t(lambda: "%5.2s|" % "abc")
t(lambda: "%#o %#x %#X" % (8, 255, 255))
t(lambda: "%+.3e %G %g" % (1.5, 1e-10, 1e16))
t(lambda: "%d" % 2.5e20)
t(lambda: "%d" % float("nan"))
t(lambda: "%d" % float("inf"))
t(lambda: "%r %a" % ("é", "é"))
t(lambda: "%05s|%-05d|" % ("ab", 3))
t(lambda: "{0}{}".format(1, 2))
t(lambda: "{}{0}".format(1, 2))
t(lambda: "{x}".format())
t(lambda: "{5}".format(1))
t(lambda: "{!x}".format(1))
t(lambda: "{:d}".format("a"))
t(lambda: "{0.foo}".format(1))
t(lambda: "{0[5]}".format([1]))
t(lambda: "{".format())
t(lambda: "}".format())
t(lambda: "{0:{1}}".format(3.14159, ".2f"))
t(lambda: "{0!r:>10}".format("a"))
t(lambda: "{:{}{}}".format(1, ">", 4))
t(lambda: "{0[a]}".format({"a": 5}))
t(lambda: "{a.real}".format(a=3))
t(lambda: "x".format_map({"a": 1}))
t(lambda: "{a}".format_map({}))
t(lambda: str.maketrans("abc", "xyz"))
t(lambda: "abcabc".translate(str.maketrans("abc", "xyz", "c")))
t(lambda: "abc".translate({97: None, 98: "BB"}))
t(lambda: str.maketrans({"a": "b", 99: None}))
t(lambda: "a\tb".expandtabs(0))
t(lambda: "AbC".swapcase())
t(lambda: "ß".upper())
t(lambda: "ǅ".title())
t(lambda: "abc".__getitem__(slice(None, None, -1)))
t(lambda: "abc".__len__())
t(lambda: "abc".__eq__(1))
t(lambda: "abc".__lt__("abd"))
t(lambda: str.__eq__("a", "a"))
t(lambda: hash("abc") == "abc".__hash__())
t(lambda: "abc".__mul__(2))
t(lambda: "abc".__rmul__(2))
t(lambda: "a%sc".__mod__(1))
t(lambda: list("abc".__iter__()))
t(lambda: "x".__format__(">3"))
t(lambda: "abc".__contains__("b"))
t(lambda: str.upper(1))
t(lambda: str.upper())
t(lambda: "a".upper(1))
t(lambda: "a".center())
t(lambda: "a b".split(None, 0))
t(lambda: "  a b ".split(None, 0))
t(lambda: "  a b ".rsplit(None, 0))
t(lambda: "a,b".split(sep=","))
t(lambda: "abc".splitlines(keepends=True))
t(lambda: "abc".encode("latin-1"))
t(lambda: "é".encode("ascii", "xmlcharrefreplace"))
t(lambda: "é".encode("ascii", "backslashreplace"))
t(lambda: "é".encode("ascii"))
t(lambda: b"\xe9".decode("ascii"))
t(lambda: b"\xe9".decode("latin-1"))
t(lambda: "abc".removeprefix(1))
t(lambda: "12".zfill("a"))
t(lambda: "abc".isprintable())
t(lambda: "a\n".isprintable())
t(lambda: "abc"[1:2].upper())
t(lambda: "aaa".replace("a", "b", -1))
t(lambda: "aaa".replace("a", "b", 2))
t(lambda: "a".join("xyz"))
t(lambda: "".join(x for x in ["a", "b"]))
t(lambda: "{:,}".format(10**20))
t(lambda: f"{'a'!r:^7}")
t(lambda: format("abc", ""))
t(lambda: "a".__add__(1))
t(lambda: "a".__add__("b"))
"####,
        r####"TypeError sequence item 0: expected str instance, int found
TypeError sequence item 1: expected str instance, int found
TypeError must be str, not int
TypeError must be str or None, not int
TypeError startswith first arg must be str or a tuple of str, not int
True
TypeError replace() argument 1 must be str, not int
TypeError strip arg must be None or str
TypeError The fill character must be exactly one character long
1
1
4
ValueError substring not found
TypeError can only concatenate str (not "int") to str
TypeError can't multiply sequence by non-int of type 'float'
TypeError can't multiply sequence by non-int of type 'str'
TypeError 'in <string>' requires string as left operand, not int
TypeError ord() expected a character, but string of length 2 found
TypeError ord() expected a character, but string of length 0 found
TypeError ord() expected string of length 1, but int found
97
ValueError chr() arg not in range(0x110000)
ValueError chr() arg not in range(0x110000)
TypeError 'float' object cannot be interpreted as an integer
TypeError 'str' object cannot be interpreted as an integer
'abc'
TypeError decoding to str: need a bytes-like object, int found
TypeError decoding str is not supported
'�'
'5'
''
TypeError not enough arguments for format string
TypeError not all arguments converted during string formatting
TypeError %d format: a real number is required, not str
TypeError %x format: an integer is required, not float
TypeError must be real number, not str
TypeError %c requires int or char
OverflowError %c arg not in range(0x110000)
TypeError format requires a mapping
KeyError 'b'
ValueError incomplete format
ValueError incomplete format key
'abc'
TypeError not all arguments converted during string formatting
"{'a': 1}"
'x    |'
'xy|'
TypeError * wants int
'   ab|'
'0o10 0xff 0XFF'
'+1.500e+00 1E-10 1e+16'
'250000000000000000000'
ValueError cannot convert float NaN to integer
OverflowError cannot convert float infinity to integer
"'é' '\\xe9'"
'   ab|3    |'
ValueError cannot switch from manual field specification to automatic field numbering
ValueError cannot switch from automatic field numbering to manual field specification
KeyError 'x'
IndexError Replacement index 5 out of range for positional args tuple
ValueError Unknown conversion specifier x
ValueError Unknown format code 'd' for object of type 'str'
AttributeError 'int' object has no attribute 'foo'
IndexError list index out of range
ValueError Single '{' encountered in format string
ValueError Single '}' encountered in format string
'3.14'
"       'a'"
'   1'
'5'
'3'
'x'
KeyError 'a'
{97: 120, 98: 121, 99: 122}
'xyxy'
'BBc'
{97: 'b', 99: None}
'ab'
'aBc'
'SS'
'ǅ'
'cba'
3
NotImplemented
True
True
True
'abcabc'
'abcabc'
'a1c'
['a', 'b', 'c']
'  x'
True
TypeError descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
TypeError unbound method str.upper() needs an argument
TypeError str.upper() takes no arguments (1 given)
TypeError center expected at least 1 argument, got 0
['a b']
['a b ']
['  a b']
['a', 'b']
['abc']
b'abc'
b'&#233;'
b'\\xe9'
UnicodeEncodeError 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
UnicodeDecodeError 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)
'é'
TypeError removeprefix() argument must be str, not int
TypeError 'str' object cannot be interpreted as an integer
True
False
'B'
'bbb'
'bba'
'xayaz'
'ab'
'100,000,000,000,000,000,000'
"  'a'  "
'abc'
TypeError can only concatenate str (not "int") to str
'ab'
"####,
    );
}

#[test]
fn bytes_and_bytearray() {
    check(
        r####"def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: bytes(-1))
t(lambda: bytes("a"))
t(lambda: bytes(1.5))
t(lambda: bytes([1, "a"]))
t(lambda: bytes([300]))
t(lambda: bytearray([300]))
t(lambda: bytes(b"a", "utf-8"))
t(lambda: bytes(encoding="utf-8"))
t(lambda: bytes("é", "latin-1"))
t(lambda: bytes(range(3)))
t(lambda: bytes(bytearray(b"xy")))
t(lambda: bytearray("ab", "ascii"))
t(lambda: bytearray(2))
t(lambda: b"abc".find("a"))
t(lambda: b"abc".find(98))
t(lambda: b"abc".find(300))
t(lambda: b"abc".index(b"z"))
t(lambda: b"abc".split("a"))
t(lambda: b"a b  c ".split())
t(lambda: b"a b  c ".rsplit(None, 1))
t(lambda: b"a,b,c".rsplit(b",", 1))
t(lambda: b"-".join([b"a", "b"]))
t(lambda: b"-".join([b"a", bytearray(b"b")]))
t(lambda: b"abc".replace(b"", b"-"))
t(lambda: b"abc" + "a")
t(lambda: b"abc" + bytearray(b"d"))
t(lambda: bytearray(b"abc") + b"d")
t(lambda: b"ab" * 2)
t(lambda: 2 * b"ab")
t(lambda: b"ab" * 1.5)
t(lambda: b"%s %d %r %a %5.1f %c%c %x" % (b"x", 5, b"q", "é", 2.5, 65, b"B", 255))
t(lambda: b"%s" % "x")
t(lambda: b"%(a)s" % {b"a": b"z"})
t(lambda: b"abc".hex(":"))
t(lambda: b"abcdef".hex(":", 2))
t(lambda: bytes.fromhex("zz"))
t(lambda: bytearray.fromhex("0a 0b"))
t(lambda: b"hello".title())
t(lambda: b"hello World".swapcase())
t(lambda: b"hello".capitalize())
t(lambda: b"Hello World".istitle())
t(lambda: b"".isdigit())
t(lambda: b"a\nb\r\nc\rd".splitlines())
t(lambda: b"a\nb\r\n".splitlines(True))
t(lambda: b"xxaxx".strip(b"x"))
t(lambda: b"  a  ".lstrip())
t(lambda: b"ab".center(6, b"*"))
t(lambda: b"ab".ljust(4, "*"))
t(lambda: b"12".zfill(5))
t(lambda: b"abc".startswith((b"x", b"a")))
t(lambda: b"abc".startswith("a"))
t(lambda: b"abc".endswith(b"bc", 1))
t(lambda: b"abc".count(b"", 1))
t(lambda: b"a.b.c".rpartition(b"."))
t(lambda: b"abc".partition("b"))
t(lambda: b"abc".removeprefix(b"a"))
t(lambda: b"abc" < b"abd")
t(lambda: bytearray(b"a") == b"a")
t(lambda: b"a" == bytearray(b"a"))
t(lambda: b"a" < bytearray(b"b"))
t(lambda: hash(b"abc") == hash(b"abc"))
t(lambda: 97 in b"abc")
t(lambda: "a" in b"abc")
t(lambda: b"abc".decode("ascii"))
t(lambda: b"\xff".decode())
t(lambda: b"\xffab".decode("utf-8", "ignore"))
t(lambda: b"abc"[1])
t(lambda: b"abc"[-1:])
t(lambda: bytearray(b"abc")[1:])
t(lambda: str(b"abc"))
t(lambda: repr(bytearray(b"x")))
ba = bytearray(b"hello")
ba.append(33); print(ba)
t(lambda: ba.append(256))
t(lambda: ba.append("a"))
ba.extend([1, 2]); print(ba)
ba.extend(b"zz"); print(ba)
print(ba.pop(), ba.pop(0), ba)
t(lambda: bytearray().pop())
ba.insert(-1, 65); print(ba)
ba.insert(100, 66); print(ba)
ba.remove(65); print(ba)
t(lambda: ba.remove(200))
c = ba.copy(); c.clear(); print(c, ba)
ba.reverse(); print(ba)
ba[0] = 1; print(ba)
del ba[0]; print(ba)
del ba[::2]; print(ba)
ba += b"!!"; print(ba)
ba *= 2; print(ba)
t(lambda: ba.__setitem__(slice(0, 2), b"XYZ"))
print(ba)
t(lambda: ba.__setitem__(slice(0, 4, 2), b"12"))
print(ba)
t(lambda: ba.__setitem__(slice(0, 4, 2), b"123"))
print(bytearray(b"abc").upper(), bytearray(b"a b").split())
print(list(iter(b"ab")), len(bytearray(b"xyz")))
"####,
        r####"ValueError negative count
TypeError string argument without an encoding
TypeError cannot convert 'float' object to bytes
TypeError 'str' object cannot be interpreted as an integer
ValueError bytes must be in range(0, 256)
ValueError byte must be in range(0, 256)
TypeError encoding without a string argument
TypeError encoding without a string argument
b'\xe9'
b'\x00\x01\x02'
b'xy'
bytearray(b'ab')
bytearray(b'\x00\x00')
TypeError argument should be integer or bytes-like object, not 'str'
1
ValueError byte must be in range(0, 256)
ValueError subsection not found
TypeError a bytes-like object is required, not 'str'
[b'a', b'b', b'c']
[b'a b', b'c']
[b'a,b', b'c']
TypeError sequence item 1: expected a bytes-like object, str found
b'a-b'
b'-a-b-c-'
TypeError can't concat str to bytes
b'abcd'
bytearray(b'abcd')
b'abab'
b'abab'
TypeError can't multiply sequence by non-int of type 'float'
b"x 5 b'q' '\\xe9'   2.5 AB ff"
TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
b'z'
'61:62:63'
'6162:6364:6566'
ValueError non-hexadecimal number found in fromhex() arg at position 0
bytearray(b'\n\x0b')
b'Hello'
b'HELLO wORLD'
b'Hello'
True
False
[b'a', b'b', b'c', b'd']
[b'a\n', b'b\r\n']
b'a'
b'a  '
b'**ab**'
TypeError ljust() argument 2 must be a byte string of length 1, not str
b'00012'
True
TypeError startswith first arg must be bytes or a tuple of bytes, not str
True
3
(b'a.b', b'.', b'c')
TypeError a bytes-like object is required, not 'str'
b'bc'
True
True
True
True
True
True
TypeError a bytes-like object is required, not 'str'
'abc'
UnicodeDecodeError 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
'ab'
98
b'c'
bytearray(b'bc')
"b'abc'"
"bytearray(b'x')"
bytearray(b'hello!')
ValueError byte must be in range(0, 256)
TypeError 'str' object cannot be interpreted as an integer
bytearray(b'hello!\x01\x02')
bytearray(b'hello!\x01\x02zz')
122 104 bytearray(b'ello!\x01\x02z')
IndexError pop from empty bytearray
bytearray(b'ello!\x01\x02Az')
bytearray(b'ello!\x01\x02AzB')
bytearray(b'ello!\x01\x02zB')
ValueError value not found in bytearray
bytearray(b'') bytearray(b'ello!\x01\x02zB')
bytearray(b'Bz\x02\x01!olle')
bytearray(b'\x01z\x02\x01!olle')
bytearray(b'z\x02\x01!olle')
bytearray(b'\x02!le')
bytearray(b'\x02!le!!')
bytearray(b'\x02!le!!\x02!le!!')
None
bytearray(b'XYZle!!\x02!le!!')
None
bytearray(b'1Y2le!!\x02!le!!')
ValueError attempt to assign bytes of size 3 to extended slice of size 2
bytearray(b'ABC') [bytearray(b'a'), bytearray(b'b')]
[97, 98] 3
"####,
    );
}

#[test]
fn percent_and_format_edge_cases() {
    check(
        r####"def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class I:
    def __index__(self): return 7
class N:
    def __int__(self): return 9
class F:
    def __float__(self): return 2.5
class D(dict):
    def __missing__(self, k): return k.upper()
class M:
    def __getitem__(self, k): return k * 2
t(lambda: "%d %x %o" % (I(), I(), I()))
t(lambda: "%d" % N())
t(lambda: "%x" % N())
t(lambda: "%f %d" % (F(), 1))
t(lambda: "%d" % F())
t(lambda: "%f" % I())
t(lambda: "%c" % I())
t(lambda: "{x}".format_map(D()))
t(lambda: "{:{:{}}}".format(1, 2, 3))
t(lambda: "{0!s:}".format(5))
t(lambda: "{0!}".format(5))
t(lambda: "{0:}".format(5))
t(lambda: "{0.}".format(5))
t(lambda: "{0[}".format(5))
t(lambda: "{0]}".format(5))
t(lambda: "{:s}".format(5))
t(lambda: "{:=^10}".format("x"))
t(lambda: "{:^10}".format(True))
t(lambda: "%s %s" % (True, None))
t(lambda: "%.2s" % True)
t(lambda: "%5.3d|%-+6d|%x" % (5, 3, -255))
t(lambda: "%#.3g|%-8.2e|%08.3f" % (1.0, 12345.678, -3.14159))
t(lambda: "%i%%" % 3)
t(lambda: "%(a)s %s" % {"a": 1})
t(lambda: "% 5d|%+5d|%-5d|" % (-3, 3, 3))
t(lambda: "%r" % b"x")
t(lambda: "%a" % "\u20ac")
t(lambda: "%s" % ())
t(lambda: "%s" % ((),))
t(lambda: "%c" % -1)
t(lambda: "%c" % 1.5)
t(lambda: "%.1f" % 10**400)
t(lambda: "%d" % 10**30)
t(lambda: "%s %%" % "x")
t(lambda: "%-*.*f|" % (10, 2, 3.14159))
t(lambda: "%ld" % 5)
t(lambda: "{0:*<{1}}|".format("ab", 6))
t(lambda: "{:,.3f}".format(1234567.891))
t(lambda: "{a[0]}{a[1]}".format(a="xy"))
t(lambda: "{0[-1]}".format([1, 2]))
t(lambda: "{0.__class__.__name__}".format(1))
t(lambda: "{!a}".format("é"))
t(lambda: "{:>5}".format(None))
t(lambda: "{:d}".format(None))
t(lambda: "x".center(-3))
t(lambda: "x".zfill(-3))
t(lambda: "abc".rjust(5, "é"))
t(lambda: "a".join([]))
t(lambda: "abc".rfind("", 1))
t(lambda: "abc".find("", 4))
t(lambda: "abc".startswith("", 4))
t(lambda: "abc".startswith("", 3))
t(lambda: "abc".endswith(("c",), -1))
t(lambda: "abc".count("a", "x"))
t(lambda: "Hello World".istitle())
t(lambda: "HELLO".casefold())
t(lambda: "ﬁ".upper())
t(lambda: "İ".lower())
t(lambda: "ΣΑΣ".lower())
t(lambda: "x".split(""))
t(lambda: "a\x1cb\x85c\u2028d".split())
t(lambda: "a\x1cb\x85c\u2028d".splitlines())
t(lambda: "١٢٣".isdigit())
t(lambda: int("١٢٣"))
t(lambda: "Ⅻ".isnumeric())
"####,
        r####"'7 7 7'
'9'
TypeError %x format: an integer is required, not N
'2.500000 1'
TypeError %d format: a real number is required, not F
'7.000000'
'\x07'
'X'
ValueError Max string recursion exceeded
'5'
ValueError unmatched '{' in format spec
'5'
ValueError Empty attribute in format string
ValueError expected '}' before end of string
KeyError '0]'
ValueError Unknown format code 's' for object of type 'int'
'====x====='
'    1     '
'True None'
'Tr'
'  005|+3    |-ff'
'1.00|1.23e+04|-003.142'
'3%'
TypeError not enough arguments for format string
'   -3|   +3|3    |'
"b'x'"
"'\\u20ac'"
TypeError not enough arguments for format string
'()'
OverflowError %c arg not in range(0x110000)
TypeError %c requires int or char
OverflowError int too large to convert to float
'1000000000000000000000000000000'
'x %'
'3.14      |'
'5'
'ab****|'
'1,234,567.891'
'xy'
TypeError list indices must be integers or slices, not str
'int'
"'\\xe9'"
TypeError unsupported format string passed to NoneType.__format__
TypeError unsupported format string passed to NoneType.__format__
'x'
'x'
'ééabc'
''
3
-1
False
True
True
TypeError slice indices must be integers or None or have an __index__ method
True
'hello'
'FI'
'i̇'
'σας'
ValueError empty separator
['a', 'b', 'c', 'd']
['a', 'b', 'c', 'd']
True
123
True
"####,
    );
}

#[test]
fn gc_during_user_callbacks() {
    check(
        r####"class Ix:
    def __init__(self, v): self.v = v
    def __index__(self):
        junk = [[i] for i in range(300)]
        return self.v
class Map:
    def __getitem__(self, k):
        junk = [[i] for i in range(300)]
        if isinstance(k, int):
            return str(k) * 2
        return k.upper() + "!"
class S:
    def __str__(self):
        junk = [{"a": [i]} for i in range(300)]
        return "s" * 3
    def __repr__(self):
        junk = [{"a": [i]} for i in range(300)]
        return "R"
out = []
for i in range(300):
    out.append("{a}{b}{c}".format_map(Map()))
    out.append("abc".translate(Map()))
    out.append(str(S()) + repr(S()) + "%r%s%a" % (S(), S(), S()))
    out.append(bytes([Ix(65), Ix(66)]) + bytearray([Ix(67)]))
    out.append("-".join(str(S()) for _ in range(3)))
    out.append("%(x)s %(y)r" % Map())
    out.append(b"%s-%d" % (b"q", Ix(i)))
    out.append("x".center(Ix(5), "*") + "abc"[Ix(1)] + "abcdef".find("d", Ix(1)).__str__())
    out.append("{0[3]}{0[k]}".format(Map()))
print(len(out), out[-9:])
"####,
        r####"2700 ['A!B!C!', '979798989999', 'sssRRsssR', b'ABC', 'sss-sss-sss', "X! 'Y!'", b'q-299', '**x**b3', '33K!']
"####,
    );
}
