//! Conformance: every `NAME.py` under tests/conformance/<folder>/ (and
//! ../shared/conformance/<folder>/ when present) runs as a process and its
//! stdout must equal `NAME.out` byte for byte, with exit code 0.
//!
//! Cases listed in tests/conformance/expected_failures.txt may fail while
//! their issue is open; such a case that passes is an error too, so the list
//! only shrinks.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

mod common;

struct Case {
    /// `folder/name`, the key used by the expected-failures list
    /// (`folder/name@virtual` for the virtual-time run of asyncio and io cases).
    key: String,
    /// Extra interpreter flags.
    flags: Vec<&'static str>,
    py: PathBuf,
    out: PathBuf,
}

fn collect(root: &Path, out: &mut Vec<Case>, seen: &mut BTreeSet<(String, Vec<u8>)>) {
    let Ok(folders) = std::fs::read_dir(root) else {
        return;
    };
    let mut folders: Vec<PathBuf> = folders
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let fname = folder.file_name().unwrap().to_string_lossy().to_string();
        let Ok(files) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut files: Vec<PathBuf> = files.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for py in files {
            let name = py.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".py") || name.starts_with('_') || !py.is_file() {
                continue;
            }
            let outp = py.with_extension("out");
            if !outp.is_file() {
                continue;
            }
            let key = format!("{fname}/{}", name.trim_end_matches(".py"));
            let content = std::fs::read(&py).unwrap_or_default();
            // The same case in both trees (identical source) runs once.
            if !seen.insert((key.clone(), content)) {
                continue;
            }
            let io_virtual = fname == "io"
                && [
                    "streams_",
                    "protocol_",
                    "sock_",
                    "subprocess_",
                    "to_thread_",
                ]
                .iter()
                .any(|p| name.starts_with(p));
            if fname == "asyncio" || io_virtual {
                // Every asyncio case also passes on the virtual clock, and
                // so do the socket, stream and subprocess I/O cases (the
                // clock jumps only when nothing is ready on the reactor).
                out.push(Case {
                    key: format!("{key}@virtual"),
                    flags: vec!["--virtual-time"],
                    py: py.clone(),
                    out: outp.clone(),
                });
            }
            out.push(Case {
                key,
                flags: Vec::new(),
                py,
                out: outp,
            });
        }
    }
}

fn run_case(bin: &Path, case: &Case) -> Result<(), String> {
    let expected = std::fs::read(&case.out).map_err(|e| e.to_string())?;
    let dir = case.py.parent().unwrap();
    let child = Command::new(bin)
        .args(&case.flags)
        .arg(case.py.file_name().unwrap())
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let output = common::finish_bytes(child, Duration::from_secs(60));
    if output.timed_out {
        return Err("timed out after 60 s".into());
    }
    let code = output.code;
    if output.stdout == expected && code == Some(0) {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let got = String::from_utf8_lossy(&output.stdout);
    let want = String::from_utf8_lossy(&expected);
    let first_diff = got
        .lines()
        .zip(want.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
    Err(format!(
        "exit {:?}; first differing line {}:\n  want: {:?}\n  got:  {:?}\n  stderr (tail): {}",
        code,
        first_diff + 1,
        want.lines().nth(first_diff).unwrap_or("<end>"),
        got.lines().nth(first_diff).unwrap_or("<end>"),
        stderr
            .lines()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" | ")
    ))
}

#[test]
fn conformance() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_weft"));
    let mut cases = Vec::new();
    let mut seen = BTreeSet::new();
    collect(&manifest.join("tests/conformance"), &mut cases, &mut seen);
    collect(
        &manifest.join("../shared/conformance"),
        &mut cases,
        &mut seen,
    );
    assert!(!cases.is_empty(), "no conformance cases found");
    let expected_failures: BTreeSet<String> =
        std::fs::read_to_string(manifest.join("tests/conformance/expected_failures.txt"))
            .unwrap_or_default()
            .lines()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.to_string())
            .collect();
    let filter = std::env::var("WEFT_CASE").ok();
    let cases: Vec<Case> = cases
        .into_iter()
        .filter(|c| filter.as_ref().is_none_or(|f| c.key.contains(f.as_str())))
        .collect();
    let results: Mutex<Vec<(String, Result<(), String>)>> = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    let i = *n;
                    *n += 1;
                    i
                };
                let Some(case) = cases.get(i) else { break };
                let r = run_case(&bin, case);
                results.lock().unwrap().push((case.key.clone(), r));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut failed = Vec::new();
    let mut unexpected_pass = Vec::new();
    let mut passed = 0;
    for (key, r) in &results {
        let listed = expected_failures.contains(key);
        match (r, listed) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => unexpected_pass.push(key.clone()),
            (Err(e), false) => failed.push(format!("{key}: {e}")),
            (Err(_), true) => {}
        }
    }
    let listed_failing = results
        .iter()
        .filter(|(k, r)| r.is_err() && expected_failures.contains(k))
        .count();
    eprintln!(
        "conformance: {} cases, {} passed, {} expected failures, {} unexpected failures, {} now passing but listed",
        results.len(),
        passed,
        listed_failing,
        failed.len(),
        unexpected_pass.len()
    );
    if std::env::var("WEFT_LIST_FAILING").is_ok() {
        for (k, r) in &results {
            if r.is_err() {
                println!("{k}");
            }
        }
    }
    let mut msg = String::new();
    for f in &failed {
        msg.push_str(f);
        msg.push('\n');
    }
    for u in &unexpected_pass {
        msg.push_str(&format!(
            "{u}: passes now; remove it from tests/conformance/expected_failures.txt\n"
        ));
    }
    assert!(msg.is_empty(), "\n{msg}");
}
