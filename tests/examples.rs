//! Every `examples/*.py` runs through the binary (on the virtual clock, so
//! the sleeps cost nothing) and must exit 0. An example with an
//! `examples/NAME.out` beside it must print exactly that: python3's output
//! for the ordinary ones, a hand-written expectation for the legacy
//! (`@asyncio.coroutine`) ones, whose first line says so.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

fn run(py: &Path) -> Result<(), String> {
    let output = Command::new(env!("CARGO_BIN_EXE_weft"))
        .arg("--virtual-time")
        .arg(py.file_name().expect("a file name"))
        .current_dir(py.parent().expect("a folder"))
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!(
            "exit {:?}; stderr:\n{stderr}",
            output.status.code()
        ));
    }
    let outp = py.with_extension("out");
    let Ok(want) = std::fs::read_to_string(&outp) else {
        return Ok(());
    };
    let got = String::from_utf8_lossy(&output.stdout);
    if got == want {
        return Ok(());
    }
    let line = got
        .lines()
        .zip(want.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
    Err(format!(
        "first differing line {}:\n  want: {:?}\n  got:  {:?}\n  stderr: {stderr}",
        line + 1,
        want.lines().nth(line).unwrap_or("<end>"),
        got.lines().nth(line).unwrap_or("<end>"),
    ))
}

#[test]
fn examples_run_and_print_what_python_prints() {
    let files = examples();
    assert!(files.len() >= 10, "expected the seed tutorials' examples");
    let failures: Vec<String> = files
        .iter()
        .filter_map(|py| run(py).err().map(|e| format!("{}: {e}", py.display())))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_async_example_has_expected_output() {
    // The asyncio examples are the seed tutorials; each pins its output.
    for py in examples() {
        let src = std::fs::read_to_string(&py).unwrap_or_default();
        if src.contains("import asyncio") {
            assert!(
                py.with_extension("out").is_file(),
                "{} has no .out file",
                py.display()
            );
        }
    }
}
