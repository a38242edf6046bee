//! The instruction set.
//!
//! weft's bytecode is a stack machine close to CPython 3.11's, with a block
//! stack for exception handlers instead of an exception table. Each variant
//! documents its operands and its stack effect as `[.., before] -> [.., after]`
//! (top of stack on the right). Jump targets are absolute instruction indices.
//!
//! Frame layout on the fiber's value stack:
//! `[locals (varnames) | cells (cellvars then freevars) | operand stack]`.
//! `Undefined` in a local slot means "unbound".

use serde::{Deserialize, Serialize};

/// Binary operators, shared by `BinaryOp` and `InplaceOp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum BinOpKind {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

/// Rich comparisons for `CompareOp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum CmpKind {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u8)]
pub enum UnaryKind {
    Neg,
    Pos,
    Invert,
    Not,
}

/// Conversion for `FormatValue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u8)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// Does nothing. `[..] -> [..]`
    Nop,

    // ---- stack manipulation ----
    /// `[.., a] -> [..]`
    Pop,
    /// `[.., a] -> [.., a, a]`
    DupTop,
    /// `[.., a, b] -> [.., a, b, a, b]`
    DupTop2,
    /// `[.., a, b] -> [.., b, a]`
    RotTwo,
    /// `[.., a, b, c] -> [.., c, a, b]`
    RotThree,
    /// `[.., a, b, c, d] -> [.., d, a, b, c]`
    RotFour,
    /// Push a copy of the n-th item from the top (1 = TOS). `[.., x, ..(n-1)] -> [.., x, ..(n-1), x]`
    Copy(u32),
    /// Swap TOS with the n-th item from the top (n >= 2).
    Swap(u32),

    // ---- superinstructions ----
    // Written over the first instruction of a common pair after compilation
    // (see compile::fuse); the pair's second instruction stays in place, so
    // a jump to it still works, and the fused op skips it.
    /// `LoadFast(a); LoadFast(b)`. `[..] -> [.., a, b]`
    LoadFastLoadFast(u16, u16),
    /// `LoadFast(a); LoadConst(c)`. `[..] -> [.., a, consts[c]]`
    LoadFastLoadConst(u16, u16),
    /// `Jump(t)` where the op at t is a ForIter or ForIterStore (a for
    /// loop's back edge): jumps and, when the iterator steps inline (range,
    /// list, tuple), does that step too. Stack as the ForIter at t.
    JumpForIter(u32),
    /// `LoadFast(a); LoadAttr(n)` (`self.x`). `[..] -> [.., a.names[n]]`
    LoadFastAttr(u16, u16),
    /// `LoadFast(a); LoadMethod(n)` (`self.f(...)`). `[..] -> [.., f, a]`
    /// or `[.., f, <no receiver>]`, as LoadMethod.
    LoadFastMethod(u16, u16),
    /// `CompareOp(k); PopJumpIfFalse(t)`. `[.., a, b] -> [..]`, jump to t if
    /// `a k b` is falsy.
    CompareJumpIfFalse(CmpKind, u32),
    /// `CompareOp(k); PopJumpIfTrue(t)`. `[.., a, b] -> [..]`, jump to t if
    /// `a k b` is truthy.
    CompareJumpIfTrue(CmpKind, u32),
    /// `LoadFast(s); LoadFast(i); BinarySubscr` (three ops: the two after it
    /// stay in place). `[..] -> [.., s[i]]`
    SubscrLocals(u16, u16),
    /// `DupTop2; BinarySubscr` (the load of `c[k] op= v`).
    /// `[.., c, k] -> [.., c, k, c[k]]`
    DupTop2Subscr,
    /// `InplaceOp(k); RotThree; StoreSubscr` (the store of `c[i] op= v`,
    /// three ops). `[.., c, i, old, v] -> [..]`, `c[i] = old op v`
    InplaceStoreSubscr(BinOpKind),
    /// `BinaryOp(k); StoreFast(x)`. `[.., a, b] -> [..]`, x = a k b.
    BinaryOpStoreFast(BinOpKind, u16),
    /// `InplaceOp(k); StoreFast(x)` (`x op= v` on a local).
    /// `[.., a, b] -> [..]`, `x = a op= b`
    InplaceOpStoreFast(BinOpKind, u16),
    /// `LoadFast(a); LoadFast(b); CompareOp(k); PopJumpIfFalse(t)` (four
    /// ops): jump to t unless `a k b`.
    CmpLocalsJump { kind: CmpKind, a: u8, b: u8, t: u32 },
    /// `LoadFast(a); LoadConst(c); CompareOp(k); PopJumpIfFalse(t)` (four
    /// ops): jump to t unless `a k consts[c]`.
    CmpLocalConstJump { kind: CmpKind, a: u8, c: u8, t: u32 },
    /// `LoadFast(x); ReturnValue`.
    ReturnLocal(u16),
    /// `ForIter(t); StoreFast(x)`: the next item goes straight into x.
    ForIterStore(u32, u16),
    /// `LoadFast(a); LoadFast(b); BinaryOp(k)` (three ops).
    /// `[..] -> [.., a k b]`
    BinaryOpLocals(BinOpKind, u16, u16),
    /// `LoadFast(a); LoadConst(c); BinaryOp(k)` (three ops).
    /// `[..] -> [.., a k consts[c]]`
    BinaryOpLocalConst(BinOpKind, u16, u16),

    // ---- constants and names ----
    /// Push `consts[i]`. `[..] -> [.., c]`
    LoadConst(u32),
    /// Push local `varnames[i]`; UnboundLocalError if unbound. `[..] -> [.., v]`
    LoadFast(u32),
    /// `[.., v] -> [..]`, local `i` = v.
    StoreFast(u32),
    /// Like LoadFast, for the target of `x += y` on a local: the VM may then
    /// append to a str that only this local references instead of copying it
    /// (CPython's in-place concatenation). `[..] -> [.., v]`
    LoadFastInplace(u32),
    /// Unbind local `i` (UnboundLocalError if unbound). `[..] -> [..]`
    DeleteFast(u32),
    /// Push the contents of cell `i` (index into cellvars ++ freevars).
    /// Unbound: UnboundLocalError for a cellvar, NameError ("free variable 'x'
    /// referenced before assignment in enclosing scope") for a freevar. `[..] -> [.., v]`
    LoadDeref(u32),
    /// `[.., v] -> [..]`, cell `i` contents = v.
    StoreDeref(u32),
    /// Unbind cell `i`. `[..] -> [..]`
    DeleteDeref(u32),
    /// Push the cell object `i` itself (to build a closure tuple). `[..] -> [.., cell]`
    LoadClosure(u32),
    /// Class bodies only: look `freevars`-name up in the class namespace first,
    /// then in cell `i`. `[..] -> [.., v]`
    LoadClassDeref(u32),
    /// Global `names[i]`, then builtins; NameError "name 'x' is not defined". `[..] -> [.., v]`
    LoadGlobal(u32),
    /// `[.., v] -> [..]`, globals[names[i]] = v.
    StoreGlobal(u32),
    /// `[..] -> [..]`, del globals[names[i]] (NameError if absent).
    DeleteGlobal(u32),
    /// Module and class bodies: frame locals mapping, then globals, then builtins. `[..] -> [.., v]`
    LoadName(u32),
    /// `[.., v] -> [..]`, locals mapping[names[i]] = v.
    StoreName(u32),
    /// `[..] -> [..]`, del locals mapping[names[i]] (NameError if absent).
    DeleteName(u32),

    // ---- attributes and items ----
    /// `[.., obj] -> [.., getattr(obj, names[i])]`
    LoadAttr(u32),
    /// `[.., value, obj] -> [..]`, setattr(obj, names[i], value).
    StoreAttr(u32),
    /// `[.., obj] -> [..]`, delattr(obj, names[i]).
    DeleteAttr(u32),
    /// Method-call fast path, paired with `CallMethod`:
    /// `[.., obj] -> [.., func, obj]` when names[i] is a plain function found on
    /// the type (no bound method is allocated), else `[.., obj] -> [.., attr, Undefined]`.
    LoadMethod(u32),
    /// `[.., obj, key] -> [.., obj[key]]`
    BinarySubscr,
    /// `[.., value, obj, key] -> [..]`, obj[key] = value.
    StoreSubscr,
    /// `[.., obj, key] -> [..]`, del obj[key].
    DeleteSubscr,
    /// `[.., lower, upper] -> [.., slice]` for n = 2, `[.., lower, upper, step] -> [.., slice]` for n = 3.
    BuildSlice(u32),

    // ---- operators ----
    /// `[.., a, b] -> [.., a op b]` (`__op__`, then reflected `__rop__`).
    BinaryOp(BinOpKind),
    /// Augmented assignment: `[.., a, b] -> [.., a op= b]` (`__iop__` first).
    InplaceOp(BinOpKind),
    /// `[.., a] -> [.., op a]`
    UnaryOp(UnaryKind),
    /// `[.., a, b] -> [.., a cmp b]`
    CompareOp(CmpKind),
    /// `[.., a, b] -> [.., a is b]` (`a is not b` when the flag is true).
    IsOp(bool),
    /// `[.., a, b] -> [.., a in b]` (`a not in b` when the flag is true).
    ContainsOp(bool),

    // ---- control flow ----
    /// Jump to the absolute target. `[..] -> [..]`
    Jump(u32),
    /// `[.., v] -> [..]`, jump if v is falsy.
    PopJumpIfFalse(u32),
    /// `[.., v] -> [..]`, jump if v is truthy.
    PopJumpIfTrue(u32),
    /// If v is falsy jump keeping it, else pop it. `[.., v] -> [.., v] | [..]`
    JumpIfFalseOrPop(u32),
    /// If v is truthy jump keeping it, else pop it. `[.., v] -> [.., v] | [..]`
    JumpIfTrueOrPop(u32),
    /// `[.., v] -> [..]`, jump if v is None (match statements).
    PopJumpIfNone(u32),
    /// `[.., v] -> [..]`, jump if v is not None.
    PopJumpIfNotNone(u32),
    /// `[.., iterable] -> [.., iter(iterable)]`
    GetIter,
    /// `[.., it] -> [.., it, next(it)]`; when exhausted pop `it` and jump to the target.
    ForIter(u32),

    // ---- building ----
    /// `[.., a1, .., an] -> [.., (a1, .., an)]`
    BuildTuple(u32),
    /// `[.., a1, .., an] -> [.., [a1, .., an]]`
    BuildList(u32),
    /// `[.., a1, .., an] -> [.., {a1, .., an}]`
    BuildSet(u32),
    /// `[.., k1, v1, .., kn, vn] -> [.., {k1: v1, ..}]`
    BuildMap(u32),
    /// Concatenate n strings (f-strings). `[.., s1, .., sn] -> [.., s]`
    BuildString(u32),
    /// f-string field: `[.., value] -> [.., str]`, or with a spec
    /// `[.., value, spec] -> [.., str]`; applies the conversion, then `format()`.
    FormatValue { conv: Conversion, has_spec: bool },
    /// Pop v, append it to the list at depth i counted after the pop (1 = TOS).
    /// `[.., list, ..(i-1), v] -> [.., list, ..(i-1)]`
    ListAppend(u32),
    /// Like ListAppend for a set.
    SetAdd(u32),
    /// Pop v then k, set dict[k] = v for the dict at depth i after the pops.
    /// `[.., dict, ..(i-1), k, v] -> [.., dict, ..(i-1)]`
    MapAdd(u32),
    /// Pop an iterable and extend the list at depth i. `[.., list, .., it] -> [.., list, ..]`
    ListExtend(u32),
    /// Pop an iterable and add its items to the set at depth i.
    SetUpdate(u32),
    /// Pop a mapping and update the dict at depth i (`{**m}`).
    DictUpdate(u32),
    /// Like DictUpdate for call keywords: TypeError on a duplicate key
    /// ("f() got multiple values for keyword argument 'x'").
    DictMerge(u32),
    /// `[.., list] -> [.., tuple(list)]`
    ListToTuple,
    /// `[.., seq] -> [.., vn, .., v1]` (v1 on top); ValueError on a length mismatch.
    UnpackSequence(u32),
    /// Starred unpacking `a, *b, c = seq`:
    /// `[.., seq] -> [.., c(after..), b_list, a(before..)]` with the first item on top.
    UnpackEx { before: u16, after: u16 },

    // ---- functions and calls ----
    /// Build a function from the code object on top:
    /// `[.., defaults?, kwdefaults?, annotations?, closure?, code] -> [.., function]`;
    /// each optional input is present when its flag bit is set (see `make_fn` consts).
    MakeFunction(u32),
    /// `[.., callable, a1, .., an] -> [.., result]`
    Call(u32),
    /// `[.., callable, a1, .., an, kwnames] -> [.., result]`: the last
    /// len(kwnames) of the n arguments are keyword arguments named by the tuple.
    CallKw(u32),
    /// `[.., callable, args_tuple] -> [.., result]` or, with the flag,
    /// `[.., callable, args_tuple, kwargs_dict] -> [.., result]`.
    CallEx(bool),
    /// After `LoadMethod`: `[.., func, self_or_Undefined, a1, .., an] -> [.., result]`.
    CallMethod(u32),
    /// `[.., v] -> return v to the caller`
    ReturnValue,
    /// Create a class: `[.., body_fn, name, base1, .., basen, kwnames?] -> [.., class]`.
    /// The VM runs `body_fn` with a fresh namespace as its locals mapping, then
    /// calls the metaclass (keyword `metaclass`, default `type`) with
    /// (name, bases, namespace) and sets the `__classcell__` cell if present.
    /// `nargs` counts bases plus keyword values; with `has_kw` the top is a
    /// tuple naming the trailing keyword values.
    BuildClass { nargs: u16, has_kw: bool },

    // ---- exceptions ----
    /// Push a handler block: if an exception is raised before the matching
    /// `PopBlock`, the stack is cut back to its depth at this instruction, the
    /// exception is pushed and control jumps to the target. `[..] -> [..]`
    SetupExcept(u32),
    /// Pop the innermost handler block. `[..] -> [..]`
    PopBlock,
    /// Enter a handler: `[.., exc] -> [.., prev_exc_or_None, exc]`; the
    /// handled exception (sys.exc_info) becomes exc.
    PushExcInfo,
    /// Leave a handler: `[.., prev] -> [..]`; the handled exception becomes prev.
    PopExcept,
    /// `[.., exc] -> raise exc` without adding a traceback entry. The
    /// exception is not popped: when the innermost active handler was set up
    /// with the exception on the stack (no handler of a `try` matched, a
    /// `with` exit returned false), unwinding cuts the stack back to that
    /// depth and pushes the exception again.
    Reraise,
    /// `raise` (n = 0: re-raise the handled exception), `raise x` (n = 1:
    /// `[.., x]`), `raise x from y` (n = 2: `[.., x, y]`).
    RaiseVarargs(u32),
    /// `[.., exc, typ] -> [.., exc, isinstance-match(exc, typ)]`; TypeError if
    /// typ is not an exception class or tuple of them.
    CheckExcMatch,
    /// `except*`: `[.., eg, typ] -> [.., rest, match]` where match is the
    /// split-off part (None if nothing matched) and rest what remains (None if
    /// all matched). A bare exception is wrapped in an ExceptionGroup first.
    CheckEgMatch,
    /// End of a `try/except*`: `[.., orig, raised_list] -> [.., exc_or_None]`:
    /// the exception to re-raise, merging what was re-raised and raised anew.
    PrepReraiseStar,
    /// `[..] -> [.., AssertionError]`
    LoadAssertionError,
    /// `with`: `[.., mgr] -> [.., exit_bound, enter, self_or_Undefined]`,
    /// followed by `CallMethod(0)`, so a weft `__enter__` runs as a frame of
    /// this fiber (a blocking acquire inside it can suspend a thread fiber).
    BeforeWith,
    /// `async with`: `[.., mgr] -> [.., aexit_bound, aenter, self_or_Undefined]`,
    /// followed by `CallMethod(0)` and an await.
    BeforeAsyncWith,
    /// Exceptional `with` exit, followed by `Call(3)`:
    /// `[.., exit, prev, exc, x] -> [.., exit, prev, exc, x, exit, type(exc), exc, tb]`.
    WithExceptStart,

    // ---- generators and coroutines ----
    /// `[.., v] -> suspend yielding v`; on resume `[.., sent]`.
    YieldValue,
    /// `[.., iterable] -> [.., iter]` for `yield from` (generators and
    /// coroutines pass through; a coroutine in a non-coroutine generator is a TypeError).
    GetYieldFromIter,
    /// `[.., obj] -> [.., awaitable_iter]`: a coroutine passes through, otherwise
    /// `obj.__await__()`; TypeError "object int can't be used in 'await' expression".
    GetAwaitable,
    /// Delegate: `[.., iter, sent] -> [.., result]`. Sends `sent` into iter; if it
    /// yields, this frame yields the same value and re-runs this instruction
    /// with the next sent value; when it finishes, its return value is the result.
    YieldFrom,
    /// `[.., obj] -> [.., obj.__aiter__()]`
    GetAIter,
    /// `[.., aiter] -> [.., aiter, awaitable(aiter.__anext__())]`
    GetANext,
    /// Handler of an `async for`: `[.., aiter, exc] -> [..]` if exc is
    /// StopAsyncIteration (then falls through to after the loop), else re-raise.
    EndAsyncFor,

    // ---- import ----
    /// `[.., level, fromlist] -> [.., module]` importing names[i].
    ImportName(u32),
    /// `[.., module] -> [.., module, module.names[i]]` (ImportError if missing).
    ImportFrom(u32),
    /// `[.., module] -> [..]`, copy public names into the locals mapping.
    ImportStar,

    // ---- pattern matching (CPython 3.11 semantics) ----
    /// `[.., obj] -> [.., obj, len(obj)]`
    GetLen,
    /// `[.., subj] -> [.., subj, is_mapping]`
    MatchMapping,
    /// `[.., subj] -> [.., subj, is_sequence]` (str, bytes, bytearray are not).
    MatchSequence,
    /// `[.., subj, keys] -> [.., subj, keys, values_tuple_or_None]`
    MatchKeys,
    /// `[.., subj, cls, kwnames] -> [.., attrs_tuple_or_None]` with n positional sub-patterns.
    MatchClass(u32),
    /// `[.., subj, keys] -> [.., subj, rest_dict]`
    CopyDictWithoutKeys,

    // ---- misc ----
    /// `[..] -> [..]`: module and class bodies create `__annotations__` if missing.
    SetupAnnotations,
    /// REPL expression statements: `[.., v] -> [..]`, print repr(v) if not None and set `_`.
    PrintExpr,
}

/// Flag bits of `MakeFunction`.
pub mod make_fn {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

impl Op {
    /// How many instructions this op covers: 2 for superinstructions (they
    /// continue after their pair's second op), 1 otherwise.
    pub fn width(self) -> usize {
        match self {
            Op::LoadFastLoadFast(..)
            | Op::LoadFastLoadConst(..)
            | Op::LoadFastAttr(..)
            | Op::LoadFastMethod(..)
            | Op::CompareJumpIfFalse(..)
            | Op::CompareJumpIfTrue(..)
            | Op::BinaryOpStoreFast(..)
            | Op::InplaceOpStoreFast(..)
            | Op::ForIterStore(..)
            | Op::ReturnLocal(..)
            | Op::DupTop2Subscr => 2,
            Op::SubscrLocals(..)
            | Op::BinaryOpLocals(..)
            | Op::BinaryOpLocalConst(..)
            | Op::InplaceStoreSubscr(..) => 3,
            Op::CmpLocalsJump { .. } | Op::CmpLocalConstJump { .. } => 4,
            _ => 1,
        }
    }

    /// For a superinstruction, which op of its group a fault inside it
    /// belongs to (the traceback's caret range is that op's): the binary
    /// op, subscript or compare of a triple, the attribute of a pair.
    pub fn fault_offset(self) -> usize {
        match self {
            Op::LoadFastAttr(..) | Op::LoadFastMethod(..) | Op::DupTop2Subscr => 1,
            Op::SubscrLocals(..)
            | Op::BinaryOpLocals(..)
            | Op::BinaryOpLocalConst(..)
            | Op::CmpLocalsJump { .. }
            | Op::CmpLocalConstJump { .. } => 2,
            _ => 0,
        }
    }

    /// The jump target of a jump instruction, if it is one.
    pub fn jump_target(self) -> Option<u32> {
        match self {
            Op::Jump(t)
            | Op::JumpForIter(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::PopJumpIfNone(t)
            | Op::PopJumpIfNotNone(t)
            | Op::ForIter(t)
            | Op::ForIterStore(t, _)
            | Op::SetupExcept(t)
            | Op::CompareJumpIfFalse(_, t)
            | Op::CompareJumpIfTrue(_, t)
            | Op::CmpLocalsJump { t, .. }
            | Op::CmpLocalConstJump { t, .. } => Some(t),
            _ => None,
        }
    }

    /// Rewrite the jump target (used by the compiler when patching labels).
    pub fn set_jump_target(&mut self, target: u32) {
        match self {
            Op::Jump(t)
            | Op::JumpForIter(t)
            | Op::PopJumpIfFalse(t)
            | Op::PopJumpIfTrue(t)
            | Op::JumpIfFalseOrPop(t)
            | Op::JumpIfTrueOrPop(t)
            | Op::PopJumpIfNone(t)
            | Op::PopJumpIfNotNone(t)
            | Op::ForIter(t)
            | Op::ForIterStore(t, _)
            | Op::SetupExcept(t)
            | Op::CompareJumpIfFalse(_, t)
            | Op::CompareJumpIfTrue(_, t)
            | Op::CmpLocalsJump { t, .. }
            | Op::CmpLocalConstJump { t, .. } => *t = target,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn op_is_small() {
        assert!(std::mem::size_of::<super::Op>() <= 8);
    }
}
