//! Any bytes -> the parser: a syntax tree or a SyntaxError, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        weft::fuzzing::parse(text);
    }
});
