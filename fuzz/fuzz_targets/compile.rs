//! Any bytes -> parse -> compile: bytecode or a SyntaxError, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = weft::source::SourceFile::new("<fuzz>", text);
    if let Ok(m) = weft::syntax::parse(text) {
        let _ = weft::compile::compile(&m, &file, weft::compile::Mode::Module);
    }
});
