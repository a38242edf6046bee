//! Any bytes -> parse -> compile -> run, in a sandbox (no capabilities:
//! no files, network, processes or environment) under a step budget and a
//! wall-time deadline, with output discarded. A Python exception is a
//! fine outcome; a Rust panic, abort, stack overflow or hang is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = weft::fuzzing::run_sandboxed(text);
});
