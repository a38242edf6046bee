//! argparse through the real process boundary: tests/argparse_cli/tool.py
//! run with each command line of cases.txt must exit with python3's status
//! and print python3's stdout and stderr (usage errors exit 2 with the
//! usage and "error:" lines on stderr). Expected output: N.out, written by
//! tests/argparse_cli/gen.py from python3.

use std::path::Path;
use std::process::Command;

#[test]
fn argparse_cli() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/argparse_cli");
    let cases = std::fs::read_to_string(dir.join("cases.txt")).expect("cases.txt exists");
    let lines: Vec<&str> = cases.split('\n').collect();
    let lines = &lines[..lines.len().saturating_sub(1)];
    assert!(!lines.is_empty(), "cases.txt has cases");
    let mut failures = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let expected = std::fs::read_to_string(dir.join(format!("{n}.out")))
            .unwrap_or_else(|e| panic!("{n}.out: {e}"));
        let out = Command::new(env!("CARGO_BIN_EXE_weft"))
            .arg("tool.py")
            .args(line.split_whitespace())
            .current_dir(&dir)
            .env_remove("COLUMNS")
            .output()
            .expect("run weft");
        let got = format!(
            "{}\n--- stdout\n{}--- stderr\n{}",
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if got != expected {
            failures.push(format!(
                "case {n} ({line:?}):\n want:\n{expected}\n got:\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
