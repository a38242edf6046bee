//! Stack independence (issue 12): weft runs through the library on a thread
//! spawned with Rust's default 2 MiB stack, for the whole conformance corpus
//! and for the deepest recursion a script can ask for (repr, ==, hash and
//! sort keys to the recursion limit, deeply nested source).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use weft::embed::{Interpreter, RunError};

const SMALL_STACK: usize = 2 * 1024 * 1024;

/// A writer into a shared buffer (the interpreter owns its sink).
struct Capture(Rc<RefCell<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Run `source` (named `path`) on a fresh 2 MiB thread; its stdout, and
/// the error text if the run did not end normally.
fn run_small(path: PathBuf, source: String, virtual_time: bool) -> (String, Option<String>) {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || {
            let buf = Rc::new(RefCell::new(Vec::new()));
            let mut interp = Interpreter::new();
            interp.vm.caps = weft::vm::Caps::all();
            interp.vm.virtual_time = virtual_time;
            interp.vm.stdout.set_sink(Box::new(Capture(buf.clone())));
            let name = path.display().to_string();
            interp.set_script(&name, &[]);
            let r = interp.run_source(&name, &source);
            // As the CLI ends a script: exit handlers (and the wait for
            // non-daemon threads), then the last collection, then a flush.
            if !matches!(r, Err(RunError::Internal { .. })) {
                interp.run_atexit();
            }
            interp.finish();
            interp.flush();
            let err = match r {
                Ok(()) | Err(RunError::Exit(0)) => None,
                Err(RunError::Exit(n)) => Some(format!("exit {n}")),
                Err(RunError::Exception { text, .. }) => Some(text),
                Err(RunError::Syntax(e, _)) => Some(format!("syntax error: {}", e.msg)),
                Err(RunError::Internal { message, traceback }) => {
                    Some(format!("internal error: {message}\n{traceback}"))
                }
            };
            let out = String::from_utf8_lossy(&buf.borrow()).into_owned();
            (out, err)
        })
        .expect("spawn a 2 MiB thread")
        .join()
        .expect("the interpreter thread must not die")
}

fn cases(folder: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".py") && !n.starts_with('_') && p.with_extension("out").is_file()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn conformance_on_a_2mib_thread() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let expected_failures: BTreeSet<String> =
        std::fs::read_to_string(root.join("expected_failures.txt"))
            .expect("tests/conformance/expected_failures.txt")
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
    let mut failures = Vec::new();
    let mut ran = 0;
    // io/ needs the event loop's I/O and child processes in the right
    // folder; it is covered by the process-level runner.
    for folder in ["core", "core_extra", "asyncio", "asyncio_extra", "stdlib"] {
        let dir = root.join(folder);
        if folder == "stdlib" && !dir.is_dir() {
            continue;
        }
        for py in cases(&dir) {
            let key = format!("{folder}/{}", py.file_stem().unwrap().to_string_lossy());
            if expected_failures.contains(&key) {
                continue;
            }
            let source = std::fs::read_to_string(&py).unwrap();
            // Cases about the process itself (exit handlers, a child
            // interpreter) are covered by the process-level runner.
            if source.contains("\n# Needs its own process:") {
                continue;
            }
            let want = std::fs::read_to_string(py.with_extension("out")).unwrap();
            let (got, err) = run_small(py.clone(), source, folder.starts_with("asyncio"));
            ran += 1;
            if got != want || err.is_some() {
                let line = got
                    .lines()
                    .zip(want.lines())
                    .position(|(a, b)| a != b)
                    .map_or("at the end".to_string(), |i| format!("line {}", i + 1));
                failures.push(format!("{key}: stdout differs {line}; {err:?}"));
            }
        }
    }
    assert!(ran > 200, "only {ran} cases found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each snippet's stdout on a 2 MiB thread.
fn expect(src: &str, want: &str) {
    let (got, err) = run_small(PathBuf::from("<limits>"), src.to_string(), false);
    assert_eq!(err, None, "{src}");
    assert_eq!(got, want, "{src}");
}

#[test]
fn recursion_to_the_limit_on_a_2mib_thread() {
    expect(
        r#"import sys
class R:
    def __init__(self, c): self.c = c
    def __repr__(self): return "R(" + repr(self.c) + ")"
    def __eq__(self, o): return self.c == o.c
    def __hash__(self): return hash(self.c)
    def __lt__(self, o): return self.c < o.c
def chain(n):
    r = None
    for i in range(n):
        r = R(r)
    return r
deep = chain(100000)
for name, fn in [("repr", lambda: repr(deep)), ("eq", lambda: deep == chain(100000)),
                 ("hash", lambda: hash(deep)), ("lt", lambda: deep < deep),
                 ("dict", lambda: {deep: 1}[deep])]:
    try:
        fn()
        print(name, "ok")
    except RecursionError:
        print(name, "RecursionError")
ok = chain(300)
print(len(repr(ok)), ok == chain(300), hash(ok) == hash(chain(300)))
x = []
for i in range(100000):
    x = [x]
for name, fn in [("list repr", lambda: repr(x)), ("list eq", lambda: x == [x[0]])]:
    try:
        fn()
        print(name, "ok")
    except RecursionError:
        print(name, "RecursionError")
t = 1
for i in range(100000):
    t = (t,)
print("tuple hash", hash(t) == hash(t))
def key(v):
    return sorted([v - 1, v], key=key)[0] if v > 0 else 0
try:
    sorted([5000, 3], key=key)
except RecursionError as e:
    print("sort key", e)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("plain", e)
sys.setrecursionlimit(100000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(90000))
def g(n):
    return list(map(g, [n + 1]))
try:
    g(0)
except RecursionError as e:
    print("map", e)
"#,
        "repr RecursionError
eq RecursionError
hash RecursionError
lt RecursionError
dict RecursionError
904 True True
list repr RecursionError
list eq ok
tuple hash True
sort key maximum recursion depth exceeded
plain maximum recursion depth exceeded
90000
map maximum recursion depth exceeded
",
    );
}

#[test]
fn deep_sources_on_a_2mib_thread() {
    let n = 100_000;
    let cases = [
        (format!("x = 1{}\n", "+1".repeat(n)), "during compilation"),
        (format!("x = {}b\n", "a.".repeat(n)), "during compilation"),
        (format!("x = f{}\n", "()".repeat(n)), "during compilation"),
        (format!("x = 1{}\n", "[0]".repeat(n)), "during compilation"),
        (format!("x = 2{}\n", "**2".repeat(n)), ""),
        (format!("x = 1{}\n", " if 1 else 1".repeat(n)), ""),
        (format!("f = {}1\n", "lambda: ".repeat(10_000)), ""),
        (format!("x = {}1\n", "-".repeat(n)), ""),
        (
            format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n)),
            "too many nested parentheses",
        ),
    ];
    for (src, want) in cases {
        let (out, err) = run_small(PathBuf::from("<deep>"), src.clone(), false);
        assert_eq!(out, "");
        let err = err.unwrap_or_else(|| panic!("{}...: no error", &src[..40]));
        assert!(
            !err.starts_with("internal error"),
            "{}...: {err}",
            &src[..40]
        );
        assert!(err.contains(want), "{}...: {err}", &src[..40]);
    }
    // Long but flat input works.
    expect(
        &format!("x = [{}]\nprint(len(x))\n", "1,".repeat(1_000_000)),
        "1000000\n",
    );
}
