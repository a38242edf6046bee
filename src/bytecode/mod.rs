//! Bytecode: instructions, code objects and the disassembler.

pub mod code;
pub mod disasm;
pub mod op;
pub mod serial;

pub use code::{CodeObject, Const};
pub use op::Op;
