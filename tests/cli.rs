//! The command line as a user touches it: arguments, sources (file, -c,
//! stdin), usage errors, exit codes, tracebacks on stderr, output ordering,
//! broken pipes, `--dis` and `--virtual-time`. Every child runs under a
//! timeout so nothing can hang the suite; expected texts come from CPython
//! 3.11 (`python3`).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

use common::{finish as finish_with, Run};

fn finish(child: Child) -> Run {
    finish_with(child, TIMEOUT)
}

fn weft() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_weft"));
    c.env_remove("PYTHONUNBUFFERED").env("NO_COLOR", "1");
    c
}

fn run_cmd(mut cmd: Command, stdin: Option<&str>) -> Run {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn weft");
    if let Some(s) = stdin {
        let mut i = child.stdin.take().unwrap();
        i.write_all(s.as_bytes()).expect("write stdin");
    }
    finish(child)
}

fn run(args: &[&str]) -> Run {
    let mut c = weft();
    c.args(args);
    run_cmd(c, None)
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("weft-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[track_caller]
fn assert_exit(r: &Run, code: i32) {
    assert!(!r.timed_out, "timed out; stderr: {}", r.stderr);
    assert_eq!(
        r.code,
        Some(code),
        "exit status (None = signal); stdout: {:?}; stderr: {}",
        r.stdout,
        r.stderr
    );
}

#[test]
fn file_args_set_sys_argv() {
    let d = scratch("argv");
    let p = write(&d, "a.py", "import sys\nprint(sys.argv)\n");
    let r = run(&[p.to_str().unwrap(), "1", "two", "-c", "--x"]);
    assert_exit(&r, 0);
    assert_eq!(
        r.stdout,
        format!("['{}', '1', 'two', '-c', '--x']\n", p.display())
    );
    assert_eq!(r.stderr, "");
    // Options before the file are the interpreter's; after it, the script's.
    let r = run(&["-u", p.to_str().unwrap(), "-u"]);
    assert_exit(&r, 0);
    assert_eq!(r.stdout, format!("['{}', '-u']\n", p.display()));
}

#[test]
fn dash_c_runs_a_string() {
    let r = run(&["-c", "import sys; print(sys.argv); print(6 * 7)", "a", "b"]);
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "['-c', 'a', 'b']\n42\n");
    let r = run(&["-c"]);
    assert_exit(&r, 2);
    assert!(r.stderr.contains("Argument expected for the -c option"));
}

#[test]
fn dash_reads_stdin() {
    let mut c = weft();
    c.args(["-", "x", "y"]);
    let r = run_cmd(
        c,
        Some("import sys\nprint(sys.argv)\nfor i in range(3):\n    print(i)\n"),
    );
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "['-', 'x', 'y']\n0\n1\n2\n");
    // input() reads the rest of stdin when the program is a file.
    let d = scratch("stdin");
    let p = write(
        &d,
        "i.py",
        "a = input('>')\nb = input()\nprint(repr(a), repr(b))\n",
    );
    let mut c = weft();
    c.arg(&p);
    let r = run_cmd(c, Some("first\nsecond\n"));
    assert_exit(&r, 0);
    assert_eq!(r.stdout, ">'first' 'second'\n");
}

#[test]
fn version_and_help() {
    let r = run(&["--version"]);
    assert_exit(&r, 0);
    assert!(r.stdout.starts_with("weft "), "{}", r.stdout);
    let r = run(&["-V"]);
    assert_exit(&r, 0);
    for flag in ["--help", "-h"] {
        let r = run(&[flag]);
        assert_exit(&r, 0);
        assert!(r.stdout.starts_with("usage: weft"), "{}", r.stdout);
        for opt in ["-c cmd", "--dis", "--virtual-time", "--version"] {
            assert!(r.stdout.contains(opt), "help lacks {opt}: {}", r.stdout);
        }
    }
}

#[test]
fn missing_file_exits_2() {
    let d = scratch("missing");
    let p = d.join("nofile.py");
    let r = run(&[p.to_str().unwrap()]);
    assert_exit(&r, 2);
    // python3: /path/to/python3: can't open file '/abs/nofile.py': [Errno 2] No such file or directory
    assert!(
        r.stderr.ends_with(&format!(
            ": can't open file '{}': [Errno 2] No such file or directory\n",
            p.display()
        )),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
    // A directory is not a script either.
    let r = run(&[d.to_str().unwrap()]);
    assert_exit(&r, 2);
    assert!(r.stderr.contains("can't open file"), "{}", r.stderr);
    let r = run(&["--dis", p.to_str().unwrap()]);
    assert_exit(&r, 2);
}

#[test]
fn unknown_option_and_no_program_exit_2() {
    for args in [&["--bogus"][..], &["-Q", "x.py"], &["-m"], &["--dis"]] {
        let r = run(args);
        assert_exit(&r, 2);
        assert!(r.stderr.contains("usage: weft"), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
    }
    let r = run(&["--bogus"]);
    assert!(r.stderr.contains("unknown option --bogus"), "{}", r.stderr);
}

#[test]
fn no_program_with_stdin_not_a_terminal_runs_stdin() {
    let r = run_cmd(weft(), Some("print(6*7)\n"));
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "42\n");
    // An empty stdin is an empty program, as for python3.
    let r = run(&[]);
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "");
}

#[test]
fn accepted_and_ignored_options() {
    let r = run(&["-E", "-s", "-u", "-q", "-c", "print(1)"]);
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "1\n");
    let r = run(&["-X", "dev", "-c", "print(2)"]);
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "2\n");
    assert!(r.stderr.contains("-X dev is ignored"), "{}", r.stderr);
}

#[test]
fn dash_m_runs_a_module_from_the_current_folder() {
    let d = scratch("dashm");
    write(&d, "tool.py", "import sys\nprint(__name__, sys.argv[1:])\n");
    let mut c = weft();
    c.current_dir(&d).args(["-m", "tool", "a", "b"]);
    let r = run_cmd(c, None);
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "__main__ ['a', 'b']\n");
    let mut c = weft();
    c.current_dir(&d).args(["-m", "no_such_module"]);
    let r = run_cmd(c, None);
    assert_exit(&r, 1);
    assert!(
        r.stderr.contains("No module named no_such_module"),
        "{}",
        r.stderr
    );
}

#[test]
fn dash_i_reads_the_prompt_from_stdin_after_the_script() {
    let d = scratch("dashi");
    let p = write(&d, "s.py", "x = 20\nraise ValueError('boom')\n");
    let mut c = weft();
    c.args(["-i", p.to_str().unwrap()]);
    let r = run_cmd(c, Some("x + 22\nexit(4)\n"));
    assert_exit(&r, 4);
    assert_eq!(r.stdout, "42\n");
    assert!(r.stderr.contains("ValueError: boom"), "{}", r.stderr);
}

/// CPython 3.11's stderr for `python3 DIR/tb.py` (its lines need no carets)
/// (`{}` is the script's absolute path).
const TB_SCRIPT: &str = "import sys
def f(x):
    g(x)

def g(x):
    raise ValueError('bad ' + x)

print('before')
f('y')
print('not reached')
";

const TB_EXPECTED: &str = "Traceback (most recent call last):
  File \"{}\", line 9, in <module>
    f('y')
  File \"{}\", line 3, in f
    g(x)
  File \"{}\", line 6, in g
    raise ValueError('bad ' + x)
ValueError: bad y
";

#[test]
fn uncaught_exception_prints_traceback_and_exits_1() {
    let d = scratch("tb");
    let p = write(&d, "tb.py", TB_SCRIPT);
    let r = run(&[p.to_str().unwrap()]);
    assert_exit(&r, 1);
    assert_eq!(r.stdout, "before\n");
    assert_eq!(
        r.stderr,
        TB_EXPECTED.replace("{}", &p.display().to_string()),
        "traceback differs from CPython's"
    );
    // A relative path on the command line is shown absolute, like CPython's.
    let mut c = weft();
    c.current_dir(&d).arg("tb.py");
    let r = run_cmd(c, None);
    assert_exit(&r, 1);
    assert_eq!(
        r.stderr,
        TB_EXPECTED.replace("{}", &p.display().to_string())
    );
}

#[test]
fn traceback_for_dash_c_and_stdin_has_no_source_lines() {
    // CPython 3.11 cannot show lines of `<string>` / `<stdin>` code.
    let r = run(&["-c", "def f():\n    1/0\nf()"]);
    assert_exit(&r, 1);
    assert_eq!(
        r.stderr,
        "Traceback (most recent call last):
  File \"<string>\", line 3, in <module>
  File \"<string>\", line 2, in f
ZeroDivisionError: division by zero
"
    );
    let mut c = weft();
    c.arg("-");
    let r = run_cmd(c, Some("x = {}\nx['k']\n"));
    assert_exit(&r, 1);
    assert_eq!(
        r.stderr,
        "Traceback (most recent call last):
  File \"<stdin>\", line 2, in <module>
KeyError: 'k'
"
    );
}

#[test]
fn chained_exceptions_and_recursion_traceback() {
    let d = scratch("chain");
    let p = write(
        &d,
        "c.py",
        "try:
    {}['a']
except KeyError as e:
    raise RuntimeError('wrapped') from e
",
    );
    let r = run(&[p.to_str().unwrap()]);
    assert_exit(&r, 1);
    let f = p.display().to_string();
    assert_eq!(
        r.stderr,
        format!(
            "Traceback (most recent call last):
  File \"{f}\", line 2, in <module>
    {{}}['a']
    ~~^^^^^
KeyError: 'a'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File \"{f}\", line 4, in <module>
    raise RuntimeError('wrapped') from e
RuntimeError: wrapped
"
        )
    );
    // Repeated frames collapse like CPython's traceback printer.
    let p = write(&d, "r.py", "def f(n): return f(n+1)\nf(0)\n");
    let r = run(&[p.to_str().unwrap()]);
    assert_exit(&r, 1);
    let f = p.display().to_string();
    let frame = format!(
        "  File \"{f}\", line 1, in f\n    def f(n): return f(n+1)\n                     ^^^^^^\n"
    );
    assert_eq!(
        r.stderr,
        format!(
            "Traceback (most recent call last):
  File \"{f}\", line 2, in <module>
    f(0)
{frame}{frame}{frame}  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded
"
        )
    );
}

#[test]
fn sys_exit_codes() {
    let cases: &[(&str, i32, &str)] = &[
        ("import sys; sys.exit(3)", 3, ""),
        ("import sys; sys.exit(0)", 0, ""),
        ("import sys; sys.exit()", 0, ""),
        ("import sys; sys.exit(None)", 0, ""),
        ("import sys; sys.exit('msg')", 1, "msg\n"),
        ("import sys; sys.exit(True)", 1, ""),
        ("raise SystemExit(7)", 7, ""),
        ("raise SystemExit", 0, ""),
        ("raise SystemExit(-1)", 255, ""),
        ("raise SystemExit(256)", 0, ""),
        ("raise SystemExit([1])", 1, "[1]\n"),
        (
            "try:\n    raise SystemExit(4)\nfinally:\n    print('fin')",
            4,
            "",
        ),
    ];
    for &(code, status, err) in cases {
        let r = run(&["-c", code]);
        assert_exit(&r, status);
        assert_eq!(r.stderr, err, "{code}");
    }
    // Output printed before the exit is flushed.
    let r = run(&["-c", "print('a'); import sys; sys.exit('b')"]);
    assert_exit(&r, 1);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("a\n", "b\n"));
}

/// Runs `bash -c SCRIPT` with `$WEFT` set to the binary.
fn shell(script: &str) -> Run {
    let mut c = Command::new("bash");
    c.arg("-c")
        .arg(script)
        .env("WEFT", env!("CARGO_BIN_EXE_weft"))
        .env_remove("PYTHONUNBUFFERED");
    run_cmd(c, None)
}

#[test]
fn stdout_is_flushed_before_stderr_output() {
    // Both streams into one pipe: stdout's buffer is written out before
    // anything goes to stderr (print to sys.stderr, the traceback), so the
    // merged text reads in program order.
    let r = shell(
        "\"$WEFT\" -c 'import sys
print(\"out1\")
print(\"err\", file=sys.stderr)
print(\"out2\")
1/0' 2>&1; echo \"status $?\"",
    );
    assert_exit(&r, 0);
    assert_eq!(
        r.stdout,
        "out1
err
out2
Traceback (most recent call last):
  File \"<string>\", line 5, in <module>
ZeroDivisionError: division by zero
status 1
"
    );
    // Separate pipes: each stream is complete.
    let r = run(&["-c", "for i in range(20000): print(i)\nraise KeyError(1)"]);
    assert_exit(&r, 1);
    assert_eq!(r.stdout.lines().count(), 20000);
    assert!(r.stdout.ends_with("19999\n"));
    assert!(r.stderr.ends_with("KeyError: 1\n"), "{}", r.stderr);
}

#[test]
fn broken_pipe_exits_1_not_panic() {
    for code in [
        "while True: print(1)",
        "while True: print('x' * 10000)",
        "import sys\nwhile True: sys.stdout.write('y\\n')",
    ] {
        let mut child = weft()
            .args(["-c", code])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let out = child.stdout.take().unwrap();
        let mut first = String::new();
        BufReader::new(out).read_line(&mut first).unwrap();
        // The read end is closed here (dropped with the BufReader).
        assert!(!first.is_empty());
        let r = finish(child);
        assert_exit(&r, 1);
        assert!(
            r.stderr
                .ends_with("BrokenPipeError: [Errno 32] Broken pipe\n"),
            "{code}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    }
    // `| head -1` the way a user writes it.
    let r =
        shell("\"$WEFT\" -c 'while True: print(1)' | head -1; echo \"status ${PIPESTATUS[0]}\"");
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "1\nstatus 1\n");
    assert!(
        r.stderr
            .ends_with("BrokenPipeError: [Errno 32] Broken pipe\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn dis_every_conformance_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut files = Vec::new();
    for folder in ["core", "asyncio"] {
        for e in std::fs::read_dir(root.join(folder)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "py") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() > 10);
    let files = std::sync::Mutex::new(files);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| loop {
                let Some(p) = files.lock().unwrap().pop() else {
                    break;
                };
                let r = run(&["--dis", p.to_str().unwrap()]);
                if r.code != Some(0) || r.stdout.trim().is_empty() {
                    failures.lock().unwrap().push(format!(
                        "{}: {:?} {}",
                        p.display(),
                        r.code,
                        r.stderr.lines().last().unwrap_or("")
                    ));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "--dis failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn dis_reports_syntax_errors() {
    let d = scratch("dis");
    let p = write(&d, "bad.py", "def f(:\n    pass\n");
    let r = run(&["--dis", p.to_str().unwrap()]);
    assert_exit(&r, 1);
    assert!(r.stderr.contains("SyntaxError"), "{}", r.stderr);
}

#[test]
fn virtual_time_skips_sleeps() {
    let code = "import asyncio, time
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(30)
    print(round(loop.time() - t0))
asyncio.run(main())
asyncio.run(asyncio.sleep(30))
print('done')
";
    let start = Instant::now();
    let r = run(&["--virtual-time", "-c", code]);
    let took = start.elapsed();
    assert_exit(&r, 0);
    assert_eq!(r.stdout, "30\ndone\n");
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
fn syntax_error_in_file_exits_1() {
    let d = scratch("syn");
    let p = write(&d, "s.py", "print('ok')\nx = (1,\n");
    let r = run(&[p.to_str().unwrap()]);
    assert_exit(&r, 1);
    assert_eq!(r.stdout, "", "nothing runs before a syntax error");
    assert!(
        r.stderr
            .starts_with(&format!("  File \"{}\", line 2\n", p.display())),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("SyntaxError: '(' was never closed"));
}
