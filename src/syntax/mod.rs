//! Source text to AST: logos tokens, the layout pass, and the lalrpop parser.

pub mod ast;
pub mod source;
