//! A `dis`-like listing of code objects, for `weft --dis FILE`.
//!
//! ```text
//!   3           0 LoadFast             0 (x)
//!         >>    1 ForIter              7 (to 7)
//! ```
//! Line numbers appear when they change, `>>` marks jump targets, operands
//! are resolved to names and constants; nested code objects follow.

use std::fmt::Write;

use super::code::{CodeObject, Const};
use super::op::Op;

/// Disassemble a code object and, recursively, the code objects in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    one(code, &mut out);
    out
}

fn one(code: &CodeObject, out: &mut String) {
    let targets: Vec<bool> = {
        let mut t = vec![false; code.ops.len() + 1];
        for op in &code.ops {
            if let Some(j) = op.jump_target() {
                if let Some(slot) = t.get_mut(j as usize) {
                    *slot = true;
                }
            }
        }
        t
    };
    let mut last_line = None;
    for (ip, op) in code.ops.iter().enumerate() {
        let line = code.line_at(ip);
        if last_line != Some(line) {
            if last_line.is_some() {
                out.push('\n');
            }
            let _ = write!(out, "{line:>4}  ");
            last_line = Some(line);
        } else {
            out.push_str("      ");
        }
        out.push_str(if targets[ip] { "  >> " } else { "     " });
        let _ = write!(out, "{ip:>5} {:<20}", op_name(op));
        if let Some(arg) = operand(code, *op) {
            let _ = write!(out, " {arg}");
        }
        // Trim padding of operand-less instructions.
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('\n');
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            let _ = write!(
                out,
                "\nDisassembly of <code object {} at file \"{}\", line {}>:\n",
                inner.name, inner.filename, inner.firstlineno
            );
            one(inner, out);
        }
    }
}

fn op_name(op: &Op) -> String {
    let dbg = format!("{op:?}");
    let end = dbg.find(['(', ' ']).unwrap_or(dbg.len());
    dbg[..end].to_string()
}

fn name_at(v: &[std::rc::Rc<str>], i: u32) -> String {
    v.get(i as usize)
        .map(|s| s.to_string())
        .unwrap_or_else(|| "?".into())
}

fn cell_name(code: &CodeObject, i: u32) -> String {
    let i = i as usize;
    if i < code.cellvars.len() {
        code.cellvars[i].to_string()
    } else {
        code.freevars
            .get(i - code.cellvars.len())
            .map(|s| s.to_string())
            .unwrap_or_else(|| "?".into())
    }
}

/// Python-like repr of a constant.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.to_string(),
        Const::Float(f) => {
            if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                format!("{f}")
            }
        }
        Const::Complex(_, im) => format!("{im}j"),
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => {
            let mut s = String::from("b'");
            for &x in b.iter() {
                match x {
                    b'\'' => s.push_str("\\'"),
                    b'\\' => s.push_str("\\\\"),
                    b'\n' => s.push_str("\\n"),
                    b'\t' => s.push_str("\\t"),
                    b'\r' => s.push_str("\\r"),
                    0x20..=0x7e => s.push(x as char),
                    _ => {
                        let _ = write!(s, "\\x{x:02x}");
                    }
                }
            }
            s.push('\'');
            s
        }
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::Code(code) => format!("<code object {}>", code.name),
        Const::Ellipsis => "Ellipsis".into(),
    }
}

fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn operand(code: &CodeObject, op: Op) -> Option<String> {
    use Op::*;
    Some(match op {
        LoadConst(i) => format!(
            "{i} ({})",
            code.consts
                .get(i as usize)
                .map(const_repr)
                .unwrap_or_else(|| "?".into())
        ),
        LoadFast(i) | LoadFastInplace(i) | StoreFast(i) | DeleteFast(i) => {
            format!("{i} ({})", name_at(&code.varnames, i))
        }
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) | LoadClassDeref(i) => {
            format!("{i} ({})", cell_name(code, i))
        }
        LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i)
        | DeleteName(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
        | ImportName(i) | ImportFrom(i) => format!("{i} ({})", name_at(&code.names, i)),
        Jump(t) | JumpForIter(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
        | JumpIfTrueOrPop(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t) | ForIter(t)
        | SetupExcept(t) => format!("{t} (to {t})"),
        CmpLocalsJump { kind, a, b, t } => format!(
            "{kind:?} {a} {b} {t} ({}, {}, to {t})",
            local(code, a),
            local(code, b)
        ),
        CmpLocalConstJump { kind, a, c, t } => format!(
            "{kind:?} {a} {c} {t} ({}, {}, to {t})",
            local(code, a),
            konst(code, c)
        ),
        ReturnLocal(x) => format!("{x} ({})", local(code, x)),
        ForIterStore(t, x) => format!("{t} {x} (to {t}, {})", local(code, x)),
        Copy(n) | Swap(n) | BuildSlice(n) | BuildTuple(n) | BuildList(n) | BuildSet(n)
        | BuildMap(n) | BuildString(n) | ListAppend(n) | SetAdd(n) | MapAdd(n) | ListExtend(n)
        | SetUpdate(n) | DictUpdate(n) | DictMerge(n) | UnpackSequence(n) | Call(n) | CallKw(n)
        | CallMethod(n) | RaiseVarargs(n) | MatchClass(n) => n.to_string(),
        MakeFunction(f) => {
            let mut parts = Vec::new();
            for (bit, name) in [
                (1, "defaults"),
                (2, "kwdefaults"),
                (4, "annotations"),
                (8, "closure"),
            ] {
                if f & bit != 0 {
                    parts.push(name);
                }
            }
            if parts.is_empty() {
                "0".into()
            } else {
                format!("{f} ({})", parts.join(", "))
            }
        }
        BinaryOp(k) | InplaceOp(k) | InplaceStoreSubscr(k) => format!("{k:?}"),
        CompareOp(k) => format!("{k:?}"),
        LoadFastLoadFast(a, b) => format!("{a} {b} ({}, {})", local(code, a), local(code, b)),
        LoadFastLoadConst(a, c) => format!("{a} {c} ({}, {})", local(code, a), konst(code, c)),
        LoadFastAttr(a, n) | LoadFastMethod(a, n) => {
            format!(
                "{a} {n} ({}.{})",
                local(code, a),
                name_at(&code.names, n.into())
            )
        }
        CompareJumpIfFalse(k, t) | CompareJumpIfTrue(k, t) => format!("{k:?} {t} (to {t})"),
        SubscrLocals(a, b) => format!("{a} {b} ({}[{}])", local(code, a), local(code, b)),
        BinaryOpLocals(k, a, b) => {
            format!("{k:?} {a} {b} ({}, {})", local(code, a), local(code, b))
        }
        BinaryOpLocalConst(k, a, c) => {
            format!("{k:?} {a} {c} ({}, {})", local(code, a), konst(code, c))
        }
        BinaryOpStoreFast(k, x) | InplaceOpStoreFast(k, x) => {
            format!("{k:?} {x} ({})", local(code, x))
        }
        UnaryOp(k) => format!("{k:?}"),
        IsOp(b) | ContainsOp(b) | CallEx(b) => (b as u8).to_string(),
        FormatValue { conv, has_spec } => {
            format!("{conv:?}{}", if has_spec { ", with spec" } else { "" })
        }
        UnpackEx { before, after } => format!("{before}, {after}"),
        BuildClass { nargs, has_kw } => {
            format!("{nargs}{}", if has_kw { ", kw" } else { "" })
        }
        _ => return None,
    })
}

/// The name of local slot `i` (superinstruction operands).
fn local(code: &CodeObject, i: impl Into<u32>) -> String {
    name_at(&code.varnames, i.into())
}

/// The repr of constant `i` (superinstruction operands).
fn konst(code: &CodeObject, i: impl Into<u32>) -> String {
    code.consts
        .get(i.into() as usize)
        .map(const_repr)
        .unwrap_or_else(|| "?".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_ops_and_targets() {
        let code = CodeObject {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: "t.py".into(),
            firstlineno: 1,
            ops: vec![
                Op::LoadConst(0),
                Op::PopJumpIfFalse(3),
                Op::Nop,
                Op::LoadConst(0),
                Op::ReturnValue,
            ],
            lines: vec![1, 1, 2, 3, 3],
            consts: vec![Const::Str("a'b".into())],
            ..Default::default()
        };
        let text = disassemble(&code);
        assert!(text.contains("LoadConst"));
        assert!(text.contains(">>"));
        assert!(text.contains("(to 3)"));
    }
}
