//! weft's compiler as a library for weft's build script, which compiles the
//! stdlib modules written in weft ahead of time and embeds their bytecode in
//! the binary (src/bytecode/serial.rs; measured in the commit that added
//! this: `import asyncio` spent 88% of its instructions lexing, parsing and
//! compiling). The modules below are weft's own source files, included by
//! path, so the stdlib is compiled by exactly the compiler weft ships and
//! encoded by the same serializer its loader decodes. A module added to
//! what these files use from `crate::` must be added here too (the build
//! fails and says which).

#![allow(dead_code, unused_imports, unused_macros, clippy::all)]

#[path = "../src/bytecode/mod.rs"]
pub mod bytecode;
#[path = "../src/compile/mod.rs"]
pub mod compile;
#[path = "../src/diag.rs"]
pub mod diag;
#[path = "../src/source.rs"]
pub mod source;
#[path = "../src/stack.rs"]
pub mod stack;
#[path = "../src/syntax/mod.rs"]
pub mod syntax;
#[path = "../src/sysmem.rs"]
pub mod sysmem;
#[path = "../src/text/mod.rs"]
pub mod text;

/// The parser lalrpop generated from ../grammar for this build.
pub const PARSER: &str = include_str!(concat!(env!("OUT_DIR"), "/weft.rs"));

/// Compile module source `text` (named `name` in tracebacks) and serialize
/// its code; None if it does not compile (weft then compiles it at import
/// and reports the error there, as for any module).
pub fn compile_module(name: &str, text: &str) -> Option<Vec<u8>> {
    let file = source::SourceFile::new(name, text);
    let module = syntax::parse(text).ok()?;
    let code = compile::compile(&module, &file, compile::Mode::Module).ok()?;
    Some(bytecode::serial::encode(&code))
}
