//! Limits: bad or extreme input never panics (exit 101), never dies of a
//! signal (stack overflow, abort) and never hangs; it exits 1 with a clean
//! Python error on stderr, or runs like CPython 3.11. Expected texts come from
//! `python3` (3.11). Run in the debug build on purpose: the limits must hold
//! without optimizations. Every child runs under a timeout.

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);

use common::{finish as finish_with, Run};

fn finish(child: Child) -> Run {
    finish_with(child, TIMEOUT)
}

/// Writes `src` to a scratch file named `name.py` and runs it.
fn run_file(name: &str, src: &[u8]) -> (Run, PathBuf) {
    let dir = std::env::temp_dir().join(format!("weft-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_weft"))
        .arg(&path)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn weft");
    (finish(child), path)
}

/// The run ended by itself, with no Rust panic, abort or signal.
#[track_caller]
fn assert_clean(name: &str, r: &Run) {
    assert!(!r.timed_out, "{name}: timed out");
    assert!(
        !r.stderr.contains("panicked") && !r.stderr.contains("stack overflow"),
        "{name}: Rust failure:\n{}",
        tail(&r.stderr)
    );
    assert!(
        r.code.is_some(),
        "{name}: killed by a signal:\n{}",
        tail(&r.stderr)
    );
    assert_ne!(
        r.code,
        Some(101),
        "{name}: panic exit:\n{}",
        tail(&r.stderr)
    );
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(12)..]
        .iter()
        .map(|l| l.chars().take(200).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Syntax reports are miette boxes that wrap long messages: compare with
/// the frame characters dropped and whitespace collapsed.
fn flat(s: &str) -> String {
    s.chars()
        .map(|c| {
            if "│×╭╰─┬·".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The script fails before or while running: exit 1, nothing on stdout,
/// and `error` (CPython's last stderr line, `Type: message`) on stderr.
#[track_caller]
fn expect_error(name: &str, src: &[u8], error: &str) {
    let (r, _) = run_file(name, src);
    assert_clean(name, &r);
    assert_eq!(
        r.code,
        Some(1),
        "{name}: exit code; stderr:\n{}",
        tail(&r.stderr)
    );
    assert_eq!(r.stdout, "", "{name}: stdout");
    assert!(
        flat(&r.stderr).contains(&flat(error)),
        "{name}: expected {error:?} on stderr, got:\n{}",
        tail(&r.stderr)
    );
}

/// The script runs to the end (exit 0) and prints exactly `expected`.
#[track_caller]
fn expect_stdout(name: &str, src: &str, expected: &str) {
    let (r, _) = run_file(name, src.as_bytes());
    assert_clean(name, &r);
    assert_eq!(
        r.code,
        Some(0),
        "{name}: exit code; stderr:\n{}",
        tail(&r.stderr)
    );
    if r.stdout != expected {
        for (i, (g, e)) in r.stdout.lines().zip(expected.lines()).enumerate() {
            assert_eq!(g, e, "{name}: stdout line {} differs", i + 1);
        }
        panic!(
            "{name}: stdout has {} lines, expected {}",
            r.stdout.lines().count(),
            expected.lines().count()
        );
    }
}

// ---- the tokenizer and parser ----

#[test]
fn unterminated_strings() {
    expect_error(
        "str1",
        b"x = 'abc\nprint(x)\n",
        "SyntaxError: unterminated string literal (detected at line 1)",
    );
    expect_error(
        "str3",
        b"x = 1\ny = \"\"\"abc\n\nz\n",
        "SyntaxError: unterminated triple-quoted string literal (detected at line 4)",
    );
    expect_error(
        "fstr",
        b"x = f'{1 + }'\n",
        "SyntaxError: f-string: invalid syntax",
    );
}

#[test]
fn brackets() {
    expect_error(
        "unclosed",
        b"x = (1, 2\n",
        "SyntaxError: '(' was never closed",
    );
    expect_error(
        "unclosed_nested",
        b"f([1, {2: (3,\n",
        "SyntaxError: '(' was never closed",
    );
    expect_error(
        "mismatched",
        b"x = (1, 2]\n",
        "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('",
    );
    expect_error("unmatched", b"x = 1)\n", "SyntaxError: unmatched ')'");
}

#[test]
fn indentation() {
    expect_error(
        "dedent",
        b"if 1:\n        a = 1\n    b = 2\n",
        "IndentationError: unindent does not match any outer indentation level",
    );
    expect_error(
        "unexpected_indent",
        b"x = 1\n    y = 2\n",
        "IndentationError: unexpected indent",
    );
    expect_error(
        "expected_indent",
        b"if 1:\nx = 1\n",
        "IndentationError: expected an indented block after 'if' statement on line 1",
    );
    expect_error(
        "tabs",
        b"if 1:\n\ta = 1\n        b = 2\n",
        "TabError: inconsistent use of tabs and spaces in indentation",
    );
    // CPython's MAXINDENT: 99 levels work, 100 do not.
    let nest = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&format!("{}if 1:\n", " ".repeat(i)));
        }
        s.push_str(&format!("{}print(1)\n", " ".repeat(n)));
        s
    };
    expect_stdout("indent99", &nest(99), "1\n");
    expect_error(
        "indent100",
        nest(100).as_bytes(),
        "IndentationError: too many levels of indentation",
    );
}

#[test]
fn bad_source_bytes() {
    expect_error(
        "utf8",
        b"x = 1\ny = '\xff\xfe'\n",
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file",
    );
    let (r, path) = run_file("utf8b", b"# \xc3\x28\n");
    assert_clean("utf8b", &r);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\xc3' in file {} on line 1, \
             but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
            path.display()
        )
    );
    expect_error(
        "nul",
        b"x = 1\x00\nprint(x)\n",
        "SyntaxError: source code cannot contain null bytes",
    );
    expect_error(
        "nul_in_string",
        b"x = '\x00'\n",
        "SyntaxError: source code cannot contain null bytes",
    );
}

/// `prefix + unit * n + suffix` as source bytes.
fn repeat(prefix: &str, unit: &str, n: usize, suffix: &str) -> Vec<u8> {
    let mut s = String::with_capacity(prefix.len() + unit.len() * n + suffix.len());
    s.push_str(prefix);
    for _ in 0..n {
        s.push_str(unit);
    }
    s.push_str(suffix);
    s.into_bytes()
}

#[test]
fn deep_nesting_in_source() {
    let parens = {
        let mut s = repeat("x = ", "(", 100_000, "1");
        s.extend(repeat("", ")", 100_000, "\n"));
        s
    };
    expect_error(
        "parens",
        &parens,
        "SyntaxError: too many nested parentheses",
    );
    let lists = {
        let mut s = repeat("x = ", "[", 10_000, "");
        s.extend(repeat("", "]", 10_000, "\n"));
        s
    };
    expect_error("lists", &lists, "SyntaxError: too many nested parentheses");
    let braces = {
        let mut s = repeat("x = ", "{", 10_000, "");
        s.extend(repeat("", "}", 10_000, "\n"));
        s
    };
    expect_error(
        "braces",
        &braces,
        "SyntaxError: too many nested parentheses",
    );
    expect_error("unary", &repeat("x = ", "-", 100_000, "1\n"), "MemoryError");
    expect_error(
        "nots",
        &repeat("x = ", "not ", 100_000, "1\n"),
        "MemoryError",
    );
    // CPython prints the bare class name for this MemoryError.
    let (r, _) = run_file("unary_bare", &repeat("x = ", "-", 100_000, "1\n"));
    assert!(!r.stderr.contains("MemoryError:"), "{}", tail(&r.stderr));
    let during = "RecursionError: maximum recursion depth exceeded during compilation";
    expect_error(
        "sum",
        &repeat("x = 1", "+1", 100_000, "\nprint(x)\n"),
        during,
    );
    expect_error("attrs", &repeat("x = ", "a.", 100_000, "b\n"), during);
    expect_error("subscripts", &repeat("x = 1", "[0]", 100_000, "\n"), during);
    expect_error("calls", &repeat("x = f", "()", 100_000, "\n"), during);
    // CPython reports MemoryError for these (its parser stack); either is a
    // clean error.
    for (name, src) in [
        ("lambdas", repeat("f = ", "lambda: ", 10_000, "1\n")),
        ("ifexp", repeat("x = 1", " if 1 else 1", 100_000, "\n")),
        ("pows", repeat("x = 2", "**2", 100_000, "\n")),
    ] {
        let (r, _) = run_file(name, &src);
        assert_clean(name, &r);
        assert_eq!(r.code, Some(1), "{name}");
        assert!(
            r.stderr.contains("MemoryError") || r.stderr.contains(during),
            "{name}: {}",
            tail(&r.stderr)
        );
    }
    // Long but flat input works.
    expect_stdout(
        "long_compare",
        &String::from_utf8(repeat("x = ", "1 < ", 100_000, "2\nprint(x)\n")).unwrap(),
        "False\n",
    );
    expect_stdout(
        "big_list_display",
        &String::from_utf8(repeat("x = [", "1,", 1_000_000, "]\nprint(len(x))\n")).unwrap(),
        "1000000\n",
    );
}

#[test]
fn int_literal_digit_limit() {
    let digits = "1234567890".repeat(400);
    expect_stdout(
        "int4000",
        &format!("x = {digits}\nprint(x)\nprint(-x + x)\n"),
        &format!("{digits}\n0\n"),
    );
    let digits = "1".repeat(4301);
    expect_error(
        "int4301",
        format!("x = {digits}\n").as_bytes(),
        "SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: \
         value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit \
         - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
    );
    expect_error(
        "int_str",
        b"int('1' * 5000)\n",
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: \
         value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
    );
}

// ---- run time ----

#[test]
fn recursion_uncaught() {
    let (r, path) = run_file("recu", b"def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_clean("recu", &r);
    assert_eq!(r.code, Some(1));
    let f = path.display();
    let frame = format!("  File \"{f}\", line 2, in f\n    return f(n + 1)\n           ^^^^^^^^\n");
    assert_eq!(
        r.stderr,
        format!(
            "Traceback (most recent call last):\n  File \"{f}\", line 3, in <module>\n    \
             f(0)\n{frame}{frame}{frame}  [Previous line repeated 996 more times]\n\
             RecursionError: maximum recursion depth exceeded\n"
        )
    );
}

#[test]
fn deep_repr_uncaught() {
    let (r, path) = run_file(
        "deeprepr",
        b"x = []\nfor i in range(10000):\n    x = [x]\nprint(\"built\")\nprint(x)\n",
    );
    assert_clean("deeprepr", &r);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stdout, "built\n");
    assert_eq!(
        r.stderr,
        format!(
            "Traceback (most recent call last):\n  File \"{}\", line 5, in <module>\n    \
             print(x)\nRecursionError: maximum recursion depth exceeded while getting the \
             repr of an object\n",
            path.display()
        )
    );
}

#[test]
fn high_recursion_limit() {
    // CPython itself segfaults on the repr and comparison here; weft must
    // raise instead (nested native recursion is capped).
    expect_stdout(
        "highlimit",
        r###"import sys
sys.setrecursionlimit(100000)
def depth(n): return 0 if n == 0 else 1 + depth(n - 1)
print(depth(90000))
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("f", e)
x = []
for i in range(200000):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError as e:
    print("repr", e)
try:
    print(x == x[0])
except RecursionError as e:
    print("eq", e)
class R:
    def __init__(self, c): self.c = c
    def __repr__(self): return "R(" + repr(self.c) + ")"
    def __lt__(self, o): return self.c < o.c
r = None
for i in range(200000):
    r = R(r)
for name, fn in [("repr", lambda: repr(r)), ("lt", lambda: r < r),
                 ("sorted", lambda: sorted([r, r])), ("max", lambda: max(r, r))]:
    try:
        fn()
        print(name, "ok")
    except RecursionError:
        print(name, "RecursionError")
sys.setrecursionlimit(10 ** 7)
print(depth(1000000))
def g(n): return list(map(g, [n + 1]))
try:
    g(0)
except RecursionError as e:
    print("map", e)
"###,
        "90000
f maximum recursion depth exceeded
repr maximum recursion depth exceeded while getting the repr of an object
eq maximum recursion depth exceeded in comparison
repr RecursionError
lt RecursionError
sorted RecursionError
max RecursionError
1000000
map maximum recursion depth exceeded
",
    );
}

#[test]
fn million_deep_containers() {
    // Far past the recursion limit: every walk raises (or works), nothing
    // overflows the Rust stack or runs for minutes.
    let src = r###"import sys
def mk(f, n):
    x = 1
    for i in range(n):
        x = f(x)
    return x
kinds = [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {1: x}),
         ("frozenset", lambda x: frozenset([x]))]
for name, f in kinds:
    x, y = mk(f, 1000000), mk(f, 1000000)
    for op, fn in [("repr", lambda: repr(x)), ("eq", lambda: x == y), ("in", lambda: x in [y]),
                   ("hash", lambda: hash(x))]:
        try:
            fn()
            r = "ok"
        except RecursionError:
            r = "RecursionError"
        except TypeError:
            r = "TypeError"
        print(name, op, r)
    del x, y
"###;
    let expected = "list repr RecursionError
list eq RecursionError
list in RecursionError
list hash TypeError
tuple repr RecursionError
tuple eq RecursionError
tuple in RecursionError
tuple hash ok
dict repr RecursionError
dict eq RecursionError
dict in RecursionError
dict hash TypeError
frozenset repr RecursionError
frozenset eq RecursionError
frozenset in RecursionError
frozenset hash ok
";
    expect_stdout("million_deep", src, expected);
}

#[test]
fn runtime_containers() {
    expect_stdout(
        "containers",
        r###"def mk(f, n):
    x = 1
    for i in range(n):
        x = f(x)
    return x
kinds = [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {1: x}),
         ("frozenset", lambda x: frozenset([x]))]
for name, f in kinds:
    x, y = mk(f, 100000), mk(f, 100000)
    tests = [("repr", lambda: repr(x)), ("str", lambda: str(x)), ("ascii", lambda: ascii(x)),
             ("format", lambda: f"{x}"), ("eq", lambda: x == y), ("ne", lambda: x != y),
             ("in", lambda: x in [y]), ("index", lambda: [y].index(x)), ("count", lambda: [y].count(x))]
    if name in ("list", "tuple"):
        tests.append(("lt", lambda: x < y))
    for op, fn in tests:
        try:
            r = fn()
            print(name, op, "ok", type(r).__name__)
        except RecursionError as e:
            print(name, op, "RecursionError", e)
small = mk(lambda x: [x], 50)
print(len(repr(small)), small == mk(lambda x: [x], 50))
"###,
        r###"list repr RecursionError maximum recursion depth exceeded while getting the repr of an object
list str RecursionError maximum recursion depth exceeded while getting the repr of an object
list ascii RecursionError maximum recursion depth exceeded while getting the repr of an object
list format RecursionError maximum recursion depth exceeded while getting the repr of an object
list eq RecursionError maximum recursion depth exceeded in comparison
list ne RecursionError maximum recursion depth exceeded in comparison
list in RecursionError maximum recursion depth exceeded in comparison
list index RecursionError maximum recursion depth exceeded in comparison
list count RecursionError maximum recursion depth exceeded in comparison
list lt RecursionError maximum recursion depth exceeded in comparison
tuple repr RecursionError maximum recursion depth exceeded while getting the repr of an object
tuple str RecursionError maximum recursion depth exceeded while getting the repr of an object
tuple ascii RecursionError maximum recursion depth exceeded while getting the repr of an object
tuple format RecursionError maximum recursion depth exceeded while getting the repr of an object
tuple eq RecursionError maximum recursion depth exceeded in comparison
tuple ne RecursionError maximum recursion depth exceeded in comparison
tuple in RecursionError maximum recursion depth exceeded in comparison
tuple index RecursionError maximum recursion depth exceeded in comparison
tuple count RecursionError maximum recursion depth exceeded in comparison
tuple lt RecursionError maximum recursion depth exceeded in comparison
dict repr RecursionError maximum recursion depth exceeded while getting the repr of an object
dict str RecursionError maximum recursion depth exceeded while getting the repr of an object
dict ascii RecursionError maximum recursion depth exceeded while getting the repr of an object
dict format RecursionError maximum recursion depth exceeded while getting the repr of an object
dict eq RecursionError maximum recursion depth exceeded in comparison
dict ne RecursionError maximum recursion depth exceeded in comparison
dict in RecursionError maximum recursion depth exceeded in comparison
dict index RecursionError maximum recursion depth exceeded in comparison
dict count RecursionError maximum recursion depth exceeded in comparison
frozenset repr RecursionError maximum recursion depth exceeded while getting the repr of an object
frozenset str RecursionError maximum recursion depth exceeded while getting the repr of an object
frozenset ascii RecursionError maximum recursion depth exceeded while getting the repr of an object
frozenset format RecursionError maximum recursion depth exceeded while getting the repr of an object
frozenset eq RecursionError maximum recursion depth exceeded in comparison
frozenset ne RecursionError maximum recursion depth exceeded in comparison
frozenset in RecursionError maximum recursion depth exceeded in comparison
frozenset index RecursionError maximum recursion depth exceeded in comparison
frozenset count RecursionError maximum recursion depth exceeded in comparison
101 True
"###,
    );
}

#[test]
fn runtime_userrec() {
    expect_stdout(
        "userrec",
        r###"class R:
    def __init__(self, child): self.child = child
    def __repr__(self): return "R(" + repr(self.child) + ")"
class E:
    def __init__(self, child): self.child = child
    def __eq__(self, o): return self.child == o.child
    def __hash__(self): return 0
def chain(cls, n):
    x = None
    for i in range(n):
        x = cls(x)
    return x
for what, fn in [("repr", lambda: repr(chain(R, 10000))), ("str", lambda: str(chain(R, 10000))),
                 ("print", lambda: print(chain(R, 10000))),
                 ("eq", lambda: chain(E, 10000) == chain(E, 10000)),
                 ("dict", lambda: {chain(E, 10000): 1}[chain(E, 10000)])]:
    try:
        fn()
        print(what, "ok")
    except RecursionError:
        print(what, "RecursionError")
def key(x):
    return sorted([x - 1, x], key=key)[0] if x > 0 else 0
try:
    print(sorted([5000, 3], key=key))
except RecursionError as e:
    print("sort key", e)
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("plain", e)
def g(n): return list(map(g, [n + 1]))
try:
    g(0)
except RecursionError as e:
    print("map", type(e).__name__)
print(repr(chain(R, 3)), chain(E, 3) == chain(E, 3))
"###,
        r###"repr RecursionError
str RecursionError
print RecursionError
eq RecursionError
dict RecursionError
sort key maximum recursion depth exceeded
plain maximum recursion depth exceeded
map RecursionError
R(R(R(None))) True
"###,
    );
}

#[test]
fn runtime_gens() {
    expect_stdout(
        "gens",
        r###"import asyncio
def gen(n):
    if n == 0:
        yield 1
    else:
        yield from gen(n - 1)
for n in (500, 10000):
    try:
        print(n, list(gen(n)))
    except RecursionError as e:
        print(n, "yield from:", e)
g = iter([1, 2, 3])
for i in range(10000):
    g = (x for x in g)
try:
    print(list(g))
except RecursionError as e:
    print("genexpr chain:", e)
g = iter([1, 2, 3])
for i in range(500):
    g = (x + 1 for x in g)
print(list(g))
async def co(n):
    if n == 0:
        return 0
    return 1 + await co(n - 1)
for n in (500, 10000):
    try:
        print(n, asyncio.run(co(n)))
    except RecursionError as e:
        print(n, "await:", e)
"###,
        r###"500 [1]
10000 yield from: maximum recursion depth exceeded
genexpr chain: maximum recursion depth exceeded
[501, 502, 503]
500 500
10000 await: maximum recursion depth exceeded
"###,
    );
}

#[test]
fn runtime_ints() {
    expect_stdout(
        "ints",
        r###"try:
    int('1' * 5000)
except ValueError as e:
    print(e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
x = int('7' * 4300)
print(len(str(x)), x % 1000)
print(len(hex(1 << 100000)))
"###,
        r###"Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
4300 777
25003
"###,
    );
}

#[test]
fn runtime_deepdrop() {
    expect_stdout(
        "deepdrop",
        r###"x = []
for i in range(1000000):
    x = [x]
del x
d = None
for i in range(300000):
    d = {"k": d, "t": (d,)}
del d
junk = []
for i in range(200000):
    junk.append([i, str(i), {i: (i,)}])
print(len(junk))
y = []
for i in range(10000):
    y = [y]
try:
    print(len(str(y)))
except RecursionError as e:
    print("str:", e)
del y
print("dropped")
"###,
        r###"200000
str: maximum recursion depth exceeded while getting the repr of an object
dropped
"###,
    );
}
