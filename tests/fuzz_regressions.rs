//! Replays every input in tests/fuzz_regressions/ (crashes the fuzz
//! targets found, and the crash reports of issue 12) through the three
//! fuzz targets' code paths, on a thread with Rust's default 2 MiB stack:
//! parse, compile, and a sandboxed run under the step budget. Each must end
//! in a result or a Python exception, never a panic.

use std::path::Path;

#[test]
fn fuzz_regressions_replay_without_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz_regressions exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the regression corpus is missing");
    let mut failures = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).expect("read input");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let result = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let Ok(text) = std::str::from_utf8(&bytes) else {
                    return Ok(());
                };
                weft::fuzzing::parse(text);
                weft::fuzzing::compile(text);
                weft::fuzzing::run_sandboxed(text)
            })
            .expect("spawn")
            .join();
        match result {
            Ok(Ok(())) => {}
            Ok(Err(internal)) => failures.push(format!("{name}: internal error: {internal}")),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
