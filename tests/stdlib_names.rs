//! `dir(X)` of every standard-library module lists the public names its
//! CPython 3.11 documentation lists. One data file per module under
//! tests/stdlib_names/: `MODULE.txt` (e.g. `os.path.txt`), one name per
//! line; `#` starts a comment (say there why a documented name is left out).

use std::path::Path;
use std::process::Command;

#[test]
fn stdlib_names() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stdlib_names");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/stdlib_names exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        // The folder holds a README until the first module lands.
        assert!(dir.join("README.md").is_file());
        return;
    }
    let mut script = String::new();
    let mut expected = Vec::new();
    for f in &files {
        let module = f.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(f).unwrap();
        let names: Vec<String> = text
            .lines()
            .map(|l| l.split('#').next().unwrap().trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        script.push_str(&format!(
            "import {module}\nprint({module:?}, *sorted(set({names:?}) - set(dir({module}))))\n"
        ));
        expected.push(module);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_weft"))
        .arg("-c")
        .arg(&script)
        .output()
        .expect("run weft");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "importing the modules failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut missing = Vec::new();
    for line in stdout.lines() {
        let mut parts = line.split(' ');
        let module = parts.next().unwrap_or("");
        let names: Vec<&str> = parts.collect();
        if !names.is_empty() {
            missing.push(format!("{module}: {}", names.join(", ")));
        }
    }
    assert_eq!(
        stdout.lines().count(),
        expected.len(),
        "one line per module expected:\n{stdout}"
    );
    assert!(
        missing.is_empty(),
        "names missing from dir():\n{}",
        missing.join("\n")
    );
}
