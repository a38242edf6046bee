//! Error reports against CPython 3.11: every case in tests/diagnostics/ (a
//! copy of ../shared/diagnostics, see its README) runs through the built
//! binary with NO_COLOR set, stdin empty and stderr a pipe; its stderr (with
//! the absolute folder prefix dropped) and exit code must equal CPython's.
//!
//! Runtime cases compare the whole traceback text. Syntax cases (`syntax_*`)
//! compare CPython's exact lines (`  File "x.py", line N`, the source line,
//! the caret line, `SyntaxError: msg`), which weft prints when stderr is not
//! a terminal; the miette report follows them only on a terminal.
//!
//! `asyncio_run_task_chain` may show weft's own frames for the lines inside
//! asyncio.run: CPython's three `<stdlib>/` frames are dropped from the
//! expected text and frames from weft's embedded stdlib (`<weft stdlib NAME>`)
//! from ours.
//!
//! `WEFT_DIAG=NAME cargo test --test diagnostics` runs one case.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Cases that do not pass yet (the list only shrinks), with the reason.
const EXPECTED_FAILURES: &[(&str, &str)] = &[];

/// Drop traceback entries (the `File` line and its indented source and caret
/// lines) whose file satisfies `drop`.
fn drop_frames(text: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("  File \"") {
            let file = rest.split('"').next().unwrap_or("");
            skipping = drop(file);
        } else if !line.starts_with("    ") {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
        }
    }
    out
}

fn run_case(dir: &Path, name: &str) -> Result<(), String> {
    let want_err = std::fs::read_to_string(dir.join(format!("{name}.stderr")))
        .map_err(|e| format!("{name}.stderr: {e}"))?;
    let want_rc: i32 = std::fs::read_to_string(dir.join(format!("{name}.rc")))
        .map_err(|e| format!("{name}.rc: {e}"))?
        .trim()
        .parse()
        .map_err(|e| format!("{name}.rc: {e}"))?;
    let child = Command::new(env!("CARGO_BIN_EXE_weft"))
        .arg(format!("{name}.py"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn weft: {e}"))?;
    let run = common::finish(child, Duration::from_secs(60));
    if run.timed_out {
        return Err(format!("{name}: timed out"));
    }
    let prefix = format!("{}/", dir.display());
    let mut got = run.stderr.replace(&prefix, "");
    let mut want = want_err;
    if name == "asyncio_run_task_chain" {
        want = drop_frames(&want, |f| f.starts_with("<stdlib>/"));
        got = drop_frames(&got, |f| f.starts_with("<weft stdlib "));
    }
    let mut problems = Vec::new();
    if !run.stdout.is_empty() {
        problems.push(format!("wrote to stdout: {:?}", run.stdout));
    }
    if run.code != Some(want_rc) {
        problems.push(format!("exit code {:?}, want {want_rc}", run.code));
    }
    if got != want {
        problems.push(format!("stderr differs\n--- want\n{want}--- got\n{got}---"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("\n")))
    }
}

#[test]
fn diagnostics_match_cpython() {
    check_folder("tests/diagnostics", 42, EXPECTED_FAILURES);
}

/// tests/diagnostics_syntax/: the syntax errors people make most, beyond
/// the shared corpus's 13 (same layout; `_regen.py` there writes the
/// `.stderr` and `.rc` files from python3). weft prints CPython's exact
/// text when stderr is not a terminal, so the whole stderr must match.
#[test]
fn common_syntax_errors_match_cpython() {
    check_folder("tests/diagnostics_syntax", 15, &[]);
}

fn check_folder(folder: &str, at_least: usize, expected_failures: &[(&str, &str)]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{folder} is missing: {e}"))
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|f| f.ends_with(".py") && !f.starts_with('_'))
        .map(|f| f.trim_end_matches(".py").to_string())
        .collect();
    names.sort();
    assert!(
        names.len() >= at_least,
        "{folder} holds {} cases, want {at_least}",
        names.len()
    );
    if let Ok(only) = std::env::var("WEFT_DIAG") {
        names.retain(|n| n == &only);
    }
    let mut failed = Vec::new();
    let mut passed_but_listed = Vec::new();
    let mut passed = 0;
    for name in &names {
        let listed = expected_failures.iter().any(|(n, _)| n == name);
        match run_case(&dir, name) {
            Ok(()) if listed => passed_but_listed.push(name.clone()),
            Ok(()) => passed += 1,
            Err(e) if !listed => failed.push(e),
            Err(_) => {}
        }
    }
    eprintln!(
        "{folder}: {passed} passed, {} expected failures",
        expected_failures.len()
    );
    let mut msg = String::new();
    for f in &failed {
        msg.push_str(f);
        msg.push_str("\n\n");
    }
    for n in &passed_but_listed {
        msg.push_str(&format!(
            "{n}: passes now; remove it from the expected failures in tests/diagnostics.rs\n"
        ));
    }
    assert!(msg.is_empty(), "{msg}");
}
