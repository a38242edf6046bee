//! weft: a Python-like interpreter with native coroutines.
//!
//! Source flows one way: `syntax` (tokens, layout, parser) -> `compile`
//! (scopes, bytecode) -> `vm` (heap frames, dispatch loop) -> `builtins` and
//! `modules` (native functions and the import system). `embed` is the host
//! API; `main.rs` is the CLI.

pub mod aio;
pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod diag;
pub mod embed;
#[doc(hidden)]
pub mod fuzzing;
pub mod modules;
pub mod object;
pub mod repl;
pub mod source;
pub mod stack;
pub mod syntax;
pub mod sysmem;
pub mod text;
pub mod vm;

pub use embed::Interpreter;
