//! weft: a Python-like interpreter with native coroutines.

pub mod bytecode;
pub mod compile;
pub mod diag;
pub mod syntax;
pub mod text;
