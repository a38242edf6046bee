//! Codegen for expressions.

use std::rc::Rc;

use crate::bytecode::op::{make_fn, BinOpKind, CmpKind, Conversion, UnaryKind};
use crate::bytecode::{Const, Op};
use crate::diag::SyntaxError;
use crate::syntax::ast::{
    self, BinOp, BoolOpKind, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Name,
};

use super::scope::{node_key, CompKind, ScopeKind};
use super::{Compiler, Label, NameCtx};

pub(crate) fn binop_kind(op: BinOp) -> BinOpKind {
    match op {
        BinOp::Add => BinOpKind::Add,
        BinOp::Sub => BinOpKind::Sub,
        BinOp::Mult => BinOpKind::Mul,
        BinOp::MatMult => BinOpKind::MatMul,
        BinOp::Div => BinOpKind::TrueDiv,
        BinOp::Mod => BinOpKind::Mod,
        BinOp::Pow => BinOpKind::Pow,
        BinOp::LShift => BinOpKind::LShift,
        BinOp::RShift => BinOpKind::RShift,
        BinOp::BitOr => BinOpKind::Or,
        BinOp::BitXor => BinOpKind::Xor,
        BinOp::BitAnd => BinOpKind::And,
        BinOp::FloorDiv => BinOpKind::FloorDiv,
    }
}

pub(crate) fn constant(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt(s) => Const::BigInt(s.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Imaginary(f) => Const::Complex(0.0, *f),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
        Constant::Ellipsis => Const::Ellipsis,
    }
}

/// The constant value of an expression that is a literal (or a tuple of them).
fn const_value(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant(c) => Some(constant(c)),
        ExprKind::Tuple(items) => {
            let v: Option<Vec<Const>> = items.iter().map(const_value).collect();
            v.map(|v| Const::Tuple(Rc::from(v)))
        }
        _ => None,
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}

#[derive(Clone, Copy, PartialEq)]
enum Seq {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    pub(crate) fn expr(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        self.enter_depth(e.span)?;
        let line = self.set_line(e.span);
        let r = crate::stack::guard(|| self.expr_inner(e));
        self.restore_line(line);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Constant(c) => self.load_const(constant(c)),
            ExprKind::Name(n) => self.name_op(n, NameCtx::Load),
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let (last, init) = values.split_last().expect("bool op operands");
                for v in init {
                    self.expr(v)?;
                    match op {
                        BoolOpKind::And => self.jump(Op::JumpIfFalseOrPop, end),
                        BoolOpKind::Or => self.jump(Op::JumpIfTrueOrPop, end),
                    }
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::DupTop);
                self.name_op(target, NameCtx::Store);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Op::BinaryOp(binop_kind(*op)));
                self.anchor_binop(left.span.end, right.span.start);
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (ast::UnaryOp::USub, ExprKind::Constant(c)) = (op, &operand.kind) {
                    match c {
                        Constant::Int(i) if *i != i64::MIN => {
                            self.load_const(Const::Int(-i));
                            return Ok(());
                        }
                        Constant::Float(f) => {
                            self.load_const(Const::Float(-f));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                self.expr(operand)?;
                self.emit(Op::UnaryOp(match op {
                    ast::UnaryOp::Invert => UnaryKind::Invert,
                    ast::UnaryOp::Not => UnaryKind::Not,
                    ast::UnaryOp::UAdd => UnaryKind::Pos,
                    ast::UnaryOp::USub => UnaryKind::Neg,
                }));
            }
            ExprKind::Lambda { params, body } => {
                let fl = self.defaults(params)?;
                let id = self.st.by_node[&node_key(e)];
                let qn = self.qualname_for(&"<lambda>".into());
                self.enter_unit(id, "<lambda>".into(), qn, e.span);
                self.set_arg_counts(params);
                self.expr(body)?;
                self.emit(Op::ReturnValue);
                let code = self.finish_unit()?;
                self.make_closure(code, fl);
            }
            ExprKind::IfExp { test, body, orelse } => {
                let els = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, els)?;
                self.expr(body)?;
                self.jump(Op::Jump, end);
                self.bind(els);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Set(items) => self.seq_display(items, Seq::Set)?,
            ExprKind::List(items) => self.seq_display(items, Seq::List)?,
            ExprKind::Tuple(items) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                } else {
                    self.seq_display(items, Seq::Tuple)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CompKind::Dict, generators, key, Some(value))?,
            ExprKind::Await(v) => {
                self.check_await("await", e.span)?;
                self.expr(v)?;
                self.emit_await();
            }
            ExprKind::Yield(v) => {
                self.check_yield(e)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.emit_none(),
                }
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e)?;
                if self.cur_scope().is_async {
                    return Err(SyntaxError::syntax(
                        "'yield from' inside async function",
                        e.span,
                    ));
                }
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter);
                self.emit_none();
                self.emit(Op::YieldFrom);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::JoinedStr(parts) => {
                if parts.is_empty() {
                    self.load_const(Const::Str("".into()));
                } else if let [p @ Expr {
                    kind: ExprKind::Constant(_),
                    ..
                }] = &parts[..]
                {
                    self.expr(p)?;
                } else {
                    for p in parts {
                        self.expr(p)?;
                    }
                    if parts.len() > 1 {
                        self.emit(Op::BuildString(parts.len() as u32));
                    }
                }
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
                let conv = match conversion {
                    Some('s') => Conversion::Str,
                    Some('r') => Conversion::Repr,
                    Some('a') => Conversion::Ascii,
                    _ => Conversion::None,
                };
                self.emit(Op::FormatValue {
                    conv,
                    has_spec: format_spec.is_some(),
                });
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let a = self.mangle(attr);
                let i = self.name_index(&a);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::BinarySubscr);
                self.anchor_subscr(value.span.end, slice.span.end, e.span.end);
            }
            ExprKind::Starred(_) => {
                return Err(SyntaxError::syntax(
                    "can't use starred expression here",
                    e.span,
                ))
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => self.emit_none(),
                    }
                }
                if let Some(s) = step {
                    self.expr(s)?;
                    self.emit(Op::BuildSlice(3));
                } else {
                    self.emit(Op::BuildSlice(2));
                }
            }
        }
        Ok(())
    }

    fn check_yield(&self, e: &Expr) -> Result<(), SyntaxError> {
        let s = self.cur_scope();
        if matches!(s.kind, ScopeKind::Module | ScopeKind::Class) {
            return Err(SyntaxError::syntax("'yield' outside function", e.span));
        }
        Ok(())
    }

    pub(crate) fn emit_await(&mut self) {
        self.emit(Op::GetAwaitable);
        self.emit_none();
        self.emit(Op::YieldFrom);
    }

    /// Jump to `target` if the truth of `e` equals `cond`; else fall through.
    pub(crate) fn jump_if(
        &mut self,
        e: &'a Expr,
        cond: bool,
        target: Label,
    ) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: ast::UnaryOp::Not,
                operand,
            } => {
                self.enter_depth(e.span)?;
                let r = self.jump_if(operand, !cond, target);
                self.depth -= 1;
                r
            }
            ExprKind::BoolOp { op, values } => {
                self.enter_depth(e.span)?;
                let is_and = *op == BoolOpKind::And;
                let (last, init) = values.split_last().expect("bool op operands");
                // `a and b` jumping on false: each operand jumps to target on false.
                // `a and b` jumping on true: early operands skip on false.
                if is_and != cond {
                    for v in init {
                        self.jump_if(v, cond, target)?;
                    }
                    self.jump_if(last, cond, target)?;
                } else {
                    let skip = self.new_label();
                    for v in init {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(last, cond, target)?;
                    self.bind(skip);
                }
                self.depth -= 1;
                Ok(())
            }
            _ => {
                self.expr(e)?;
                let line = self.set_line(e.span);
                if cond {
                    self.jump(Op::PopJumpIfTrue, target);
                } else {
                    self.jump(Op::PopJumpIfFalse, target);
                }
                // CPython 3.11 leaves a tested comparison's range in place
                // for what follows in the statement: a failing `assert x <
                // 0` underlines `x < 0`, a failing `assert x` nothing.
                if !matches!(e.kind, ExprKind::Compare { .. }) {
                    self.restore_line(line);
                }
                Ok(())
            }
        }
    }

    fn cmp_op(&mut self, op: CmpOp) {
        self.emit(match op {
            CmpOp::Eq => Op::CompareOp(CmpKind::Eq),
            CmpOp::NotEq => Op::CompareOp(CmpKind::Ne),
            CmpOp::Lt => Op::CompareOp(CmpKind::Lt),
            CmpOp::LtE => Op::CompareOp(CmpKind::Le),
            CmpOp::Gt => Op::CompareOp(CmpKind::Gt),
            CmpOp::GtE => Op::CompareOp(CmpKind::Ge),
            CmpOp::Is => Op::IsOp(false),
            CmpOp::IsNot => Op::IsOp(true),
            CmpOp::In => Op::ContainsOp(false),
            CmpOp::NotIn => Op::ContainsOp(true),
        });
    }

    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comps: &'a [Expr],
    ) -> Result<(), SyntaxError> {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comps[0])?;
            self.cmp_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        let n = ops.len();
        for i in 0..n - 1 {
            self.expr(&comps[i])?;
            self.emit(Op::DupTop);
            self.emit(Op::RotThree);
            self.cmp_op(ops[i]);
            self.jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&comps[n - 1])?;
        self.cmp_op(ops[n - 1]);
        self.jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::RotTwo);
        self.emit(Op::Pop);
        self.bind(end);
        Ok(())
    }

    /// List, tuple and set displays, with `*iterable` items.
    fn seq_display(&mut self, items: &'a [Expr], kind: Seq) -> Result<(), SyntaxError> {
        let build = |n| match kind {
            Seq::List => Op::BuildList(n),
            Seq::Tuple => Op::BuildTuple(n),
            Seq::Set => Op::BuildSet(n),
        };
        if !items.iter().any(is_starred) {
            for i in items {
                self.expr(i)?;
            }
            self.emit(build(items.len() as u32));
            return Ok(());
        }
        let lead = items.iter().take_while(|i| !is_starred(i)).count();
        for i in &items[..lead] {
            self.expr(i)?;
        }
        self.emit(if kind == Seq::Set {
            Op::BuildSet(lead as u32)
        } else {
            Op::BuildList(lead as u32)
        });
        for i in &items[lead..] {
            if let ExprKind::Starred(inner) = &i.kind {
                self.expr(inner)?;
                self.emit(if kind == Seq::Set {
                    Op::SetUpdate(1)
                } else {
                    Op::ListExtend(1)
                });
            } else {
                self.expr(i)?;
                self.emit(if kind == Seq::Set {
                    Op::SetAdd(1)
                } else {
                    Op::ListAppend(1)
                });
            }
        }
        if kind == Seq::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn dict_display(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
    ) -> Result<(), SyntaxError> {
        let mut pending = 0u32;
        let mut have = false;
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have {
                        self.emit(Op::BuildMap(pending));
                        if have {
                            self.emit(Op::DictUpdate(1));
                        }
                        have = true;
                        pending = 0;
                    }
                    self.expr(v)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        if pending > 0 || !have {
            self.emit(Op::BuildMap(pending));
            if have {
                self.emit(Op::DictUpdate(1));
            }
        }
        Ok(())
    }

    pub(crate) fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), SyntaxError> {
        check_keywords(keywords)?;
        if let ExprKind::Attribute { value, attr } = &func.kind {
            if keywords.is_empty() && !args.iter().any(is_starred) {
                self.expr(value)?;
                let line = self.set_line(func.span);
                let a = self.mangle(attr);
                let i = self.name_index(&a);
                self.emit(Op::LoadMethod(i));
                self.restore_line(line);
                for a in args {
                    self.expr(a)?;
                }
                self.emit(Op::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        self.call_args(args, keywords)
    }

    /// Arguments after the callable is pushed, and the call itself.
    pub(crate) fn call_args(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), SyntaxError> {
        let star = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        if !star {
            for a in args {
                self.expr(a)?;
            }
            if keywords.is_empty() {
                self.emit(Op::Call(args.len() as u32));
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    names.push(Const::Str(k.arg.clone().expect("named keyword")));
                }
                self.load_const(Const::Tuple(Rc::from(names)));
                self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
            }
            return Ok(());
        }
        self.seq_display(args, Seq::Tuple)?;
        if keywords.is_empty() {
            self.emit(Op::CallEx(false));
            return Ok(());
        }
        let mut pending = 0u32;
        let mut have = false;
        for k in keywords {
            match &k.arg {
                Some(n) => {
                    self.load_const(Const::Str(n.clone()));
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have {
                        self.emit(Op::BuildMap(pending));
                        if have {
                            self.emit(Op::DictMerge(1));
                        }
                        have = true;
                        pending = 0;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge(1));
                }
            }
        }
        if pending > 0 {
            self.emit(Op::BuildMap(pending));
            if have {
                self.emit(Op::DictMerge(1));
            }
        }
        self.emit(Op::CallEx(true));
        Ok(())
    }

    /// Push default values; returns the MakeFunction flags for them.
    pub(crate) fn defaults(&mut self, p: &'a ast::Params) -> Result<u32, SyntaxError> {
        let mut fl = 0;
        let pos: Vec<&Expr> = p
            .posonly
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_ref())
            .collect();
        if !pos.is_empty() {
            for d in &pos {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(pos.len() as u32));
            fl |= make_fn::DEFAULTS;
        }
        let mut nkw = 0;
        for a in &p.kwonly {
            if let Some(d) = &a.default {
                let n = self.mangle(&a.name);
                self.load_const(Const::Str(n));
                self.expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Op::BuildMap(nkw));
            fl |= make_fn::KWDEFAULTS;
        }
        Ok(fl)
    }

    pub(crate) fn set_arg_counts(&mut self, p: &ast::Params) {
        let c = &mut self.unit().code;
        c.posonlyargcount = p.posonly.len() as u32;
        c.argcount = (p.posonly.len() + p.args.len()) as u32;
        c.kwonlyargcount = p.kwonly.len() as u32;
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<(), SyntaxError> {
        let id = self.st.by_node[&node_key(e)];
        let is_coro = self.st.scopes[id].is_coroutine;
        if is_coro && kind != CompKind::Gen {
            let s = self.cur_scope();
            let ok = (s.kind == ScopeKind::Function && s.is_async)
                || matches!(s.kind, ScopeKind::Comprehension(_))
                || (s.kind == ScopeKind::Module && self.mode == super::Mode::Interactive);
            if s.kind == ScopeKind::Module && ok {
                self.top_await = true;
            }
            if !ok {
                return Err(SyntaxError::syntax(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                ));
            }
        }
        let name: Name = self.st.scopes[id].name.clone();
        let qn = self.qualname_for(&name);
        self.enter_unit(id, name, qn, e.span);
        self.unit().code.argcount = 1;
        match kind {
            CompKind::List => self.emit(Op::BuildList(0)),
            CompKind::Set => self.emit(Op::BuildSet(0)),
            CompKind::Dict => self.emit(Op::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_generator(kind, generators, 0, elt, value)?;
        if kind == CompKind::Gen {
            self.emit_none();
        }
        self.emit(Op::ReturnValue);
        let code = self.finish_unit()?;
        self.make_closure(code, 0);
        let first = &generators[0];
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if is_coro && kind != CompKind::Gen {
            self.emit_await();
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        kind: CompKind,
        gens: &'a [Comprehension],
        i: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<(), SyntaxError> {
        let g = &gens[i];
        let start = self.new_label();
        let next = self.new_label();
        let end = self.new_label();
        if i == 0 {
            let zero: Name = ".0".into();
            self.name_op(&zero, NameCtx::Load);
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        self.bind(start);
        if g.is_async {
            self.jump(Op::SetupExcept, end);
            self.emit(Op::GetANext);
            self.emit_none();
            self.emit(Op::YieldFrom);
            self.emit(Op::PopBlock);
        } else {
            self.jump(Op::ForIter, end);
        }
        self.store_target(&g.target)?;
        for c in &g.ifs {
            self.jump_if(c, false, next)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(kind, gens, i + 1, elt, value)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend(depth));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.expect("dict comprehension value"))?;
                    self.emit(Op::MapAdd(depth));
                }
            }
        }
        self.bind(next);
        self.jump(Op::Jump, start);
        self.bind(end);
        if g.is_async {
            self.emit(Op::EndAsyncFor);
        }
        Ok(())
    }
}

fn check_keywords(keywords: &[Keyword]) -> Result<(), SyntaxError> {
    for (i, k) in keywords.iter().enumerate() {
        if let Some(n) = &k.arg {
            if keywords[..i].iter().any(|o| o.arg.as_ref() == Some(n)) {
                return Err(SyntaxError::syntax(
                    format!("keyword argument repeated: {n}"),
                    k.span,
                ));
            }
        }
    }
    Ok(())
}
