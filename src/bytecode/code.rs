//! Code objects: the compiler's output and the VM's input.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::op::Op;

/// Code-object flags (CPython's `co_flags` subset).
pub mod flags {
    /// The function takes `*args`.
    pub const VARARGS: u32 = 0x04;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x08;
    /// Calling it makes a generator.
    pub const GENERATOR: u32 = 0x20;
    /// `async def`: calling it makes a coroutine.
    pub const COROUTINE: u32 = 0x80;
    /// `async def` with `yield`: calling it makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// Module or class body: names go through the locals mapping.
    pub const NAMESPACE: u32 = 0x1000;
}

/// A compile-time constant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// Decimal digits (with optional leading '-') of an int too big for i64.
    BigInt(Rc<str>),
    Float(f64),
    /// Imaginary literal `3j` (real part 0).
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Const]>),
    Code(Rc<CodeObject>),
    Ellipsis,
}

/// The source range (byte offsets, end exclusive) an instruction belongs
/// to; `Loc::NONE` for instructions CPython gives no columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Loc {
    pub start: u32,
    pub end: u32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        start: u32::MAX,
        end: u32::MAX,
    };
    pub fn is_none(self) -> bool {
        self.start == u32::MAX
    }
}

/// Where a binary operator or a subscript splits its range (byte offsets):
/// `[left, right)` is the operator or the bracketed index, drawn `^`, the
/// rest of the range `~`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub ip: u32,
    pub left: u32,
    pub right: u32,
}

/// A compiled function, class body or module body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CodeObject {
    /// `co_name`: function name, `<module>`, `<lambda>`, `<listcomp>`, ...
    pub name: Rc<str>,
    /// `__qualname__` of functions made from this code (`A.f.<locals>.g`).
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub ops: Vec<Op>,
    /// Source line of each instruction (parallel to `ops`).
    #[serde(with = "super::serial::u32s")]
    pub lines: Vec<u32>,
    /// Source range of each instruction (parallel to `ops`): CPython 3.11's
    /// `co_positions`, kept as byte offsets into the file and turned into
    /// lines and columns only when a traceback draws its caret line.
    #[serde(with = "super::serial::locs")]
    pub locs: Vec<Loc>,
    /// Binary operators' and subscripts' anchors, sorted by instruction:
    /// what the traceback draws as `~~~^^^~~~`.
    pub anchors: Vec<Anchor>,
    pub consts: Vec<Const>,
    /// Global, attribute and import names used by the instructions.
    pub names: Vec<Rc<str>>,
    /// Local variable names; parameters first, in order:
    /// posonly, positional-or-keyword, keyword-only, *args, **kwargs.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions (each lives in a cell).
    pub cellvars: Vec<Rc<str>>,
    /// Variables captured from enclosing functions (cells passed in the closure).
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, the parameter's index in
    /// `varnames`: the VM moves the argument into the new cell at call time.
    pub cell2arg: Vec<Option<u32>>,
    /// Number of positional parameters (posonly included).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Upper bound of the operand stack depth (computed by the compiler).
    pub max_stack: u32,
    /// The docstring, if the body starts with a string literal.
    pub doc: Option<Rc<str>>,
}

impl CodeObject {
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }
    pub fn is_coroutine(&self) -> bool {
        self.flags & flags::COROUTINE != 0
    }
    pub fn is_async_generator(&self) -> bool {
        self.flags & flags::ASYNC_GENERATOR != 0
    }
    /// Total parameter slots, `*args` and `**kwargs` included.
    pub fn total_params(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
    /// Source line of instruction `ip`.
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.firstlineno)
    }
    /// Source range of instruction `ip`.
    pub fn loc_at(&self, ip: usize) -> Loc {
        self.locs.get(ip).copied().unwrap_or(Loc::NONE)
    }
    /// The operator anchor of instruction `ip`, if it has one.
    pub fn anchor_at(&self, ip: usize) -> Option<Anchor> {
        let i = self
            .anchors
            .binary_search_by_key(&(ip as u32), |a| a.ip)
            .ok()?;
        Some(self.anchors[i])
    }
    /// The instruction whose source a fault at `ip` belongs to: a fused op
    /// stands at its first op's index but can fail in a later one of its
    /// group (`BinaryOpLocals` is LoadFast, LoadFast, BinaryOp).
    pub fn fault_ip(&self, ip: usize) -> usize {
        let k = self.ops.get(ip).map_or(0, |op| op.fault_offset());
        (ip + k).min(self.ops.len().saturating_sub(1))
    }
}
