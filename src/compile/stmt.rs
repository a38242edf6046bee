//! Codegen for statements: assignments, control flow, exception handling,
//! `with`, imports, and function and class definitions.

use std::rc::Rc;

use crate::bytecode::{Const, Op};
use crate::diag::SyntaxError;
use crate::source::Span;
use crate::syntax::ast::{
    self, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Name, Stmt, StmtKind, WithItem,
};

use super::expr::binop_kind;
use super::scope::{node_key, ScopeKind};
use super::{docstring, Compiler, FBlock, Label, Mode, NameCtx};

impl<'a> Compiler<'a> {
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        self.enter_depth(s.span)?;
        self.set_line(s.span);
        let r = crate::stack::guard(|| self.stmt_inner(s));
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        let span = s.span;
        match &s.kind {
            StmtKind::Expr(e) => {
                let top = self.units.len() == 1;
                if self.mode == Mode::Interactive && top {
                    self.expr(e)?;
                    self.emit(Op::PrintExpr);
                } else if let ExprKind::Constant(_) = e.kind {
                    // A constant statement has no effect (CPython drops it too).
                } else {
                    self.expr(e)?;
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                let (last, init) = targets.split_last().expect("assignment target");
                for t in init {
                    self.emit(Op::DupTop);
                    self.store_target(t)?;
                }
                self.store_target(last)?;
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                } else {
                    match &target.kind {
                        ExprKind::Attribute { value, .. } => {
                            self.expr(value)?;
                            self.emit(Op::Pop);
                        }
                        ExprKind::Subscript { value, slice } => {
                            self.expr(value)?;
                            self.emit(Op::Pop);
                            self.expr(slice)?;
                            self.emit(Op::Pop);
                        }
                        _ => {}
                    }
                }
                self.ann_assign_annotation(target, annotation, *simple)?;
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.break_continue(true, span)?,
            StmtKind::Continue => self.break_continue(false, span)?,
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), span)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs(n));
            }
            StmtKind::Assert { test, msg } => {
                let ok = self.new_label();
                self.jump_if(test, true, ok)?;
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::RaiseVarargs(1));
                self.bind(ok);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.load_const(Const::Int(0));
                    self.emit_none();
                    let i = self.name_index(&a.name);
                    self.emit(Op::ImportName(i));
                    match &a.asname {
                        Some(asname) => {
                            for part in a.name.split('.').skip(1) {
                                let i = self.name_index(part);
                                self.emit(Op::LoadAttr(i));
                            }
                            self.name_op(asname, NameCtx::Store);
                        }
                        None => {
                            let top: Name = a.name.split('.').next().unwrap_or("").into();
                            self.name_op(&top, NameCtx::Store);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(Const::Int(*level as i64));
                let fromlist: Vec<Const> =
                    names.iter().map(|a| Const::Str(a.name.clone())).collect();
                self.load_const(Const::Tuple(Rc::from(fromlist)));
                let m = module.clone().unwrap_or_else(|| "".into());
                let i = self.name_index(&m);
                self.emit(Op::ImportName(i));
                if names.len() == 1 && &*names[0].name == "*" {
                    self.emit(Op::ImportStar);
                } else {
                    for a in names {
                        let i = self.name_index(&a.name);
                        self.emit(Op::ImportFrom(i));
                        let store = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.name_op(&store, NameCtx::Store);
                    }
                    self.emit(Op::Pop);
                }
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.jump_if(test, false, end)?;
                    self.stmts(body)?;
                } else {
                    let els = self.new_label();
                    self.jump_if(test, false, els)?;
                    self.stmts(body)?;
                    self.jump(Op::Jump, end);
                    self.bind(els);
                    self.stmts(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.new_label();
                let els = self.new_label();
                let end = self.new_label();
                self.bind(start);
                if !is_const_true(test) {
                    self.jump_if(test, false, els)?;
                }
                self.unit().fblocks.push(FBlock::While { start, end });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.set_line(span);
                self.jump(Op::Jump, start);
                self.bind(els);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => self.for_stmt(target, iter, body, orelse, *is_async, span)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *is_star)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star)?;
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.check_await("async with", span)?;
                }
                self.with_stmt(items, 0, body, *is_async, span)?;
            }
            StmtKind::FunctionDef(fd) => self.function_def(fd)?,
            StmtKind::ClassDef(cd) => self.class_def(cd)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
        }
        Ok(())
    }

    // ---- assignment -------------------------------------------------------

    pub(crate) fn store_target(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        self.enter_depth(t.span)?;
        let line = self.set_line(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Store),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let a = self.mangle(attr);
                let i = self.name_index(&a);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::StoreSubscr);
                self.anchor_subscr(value.span.end, slice.span.end, t.span.end);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let stars: Vec<usize> = items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| matches!(i.kind, ExprKind::Starred(_)))
                    .map(|(k, _)| k)
                    .collect();
                match stars[..] {
                    [] => self.emit(Op::UnpackSequence(items.len() as u32)),
                    [k] => {
                        let after = items.len() - k - 1;
                        if k >= 1 << 16 || after >= 1 << 16 {
                            return Err(SyntaxError::syntax(
                                "too many expressions in star-unpacking assignment",
                                t.span,
                            ));
                        }
                        self.emit(Op::UnpackEx {
                            before: k as u16,
                            after: after as u16,
                        });
                    }
                    _ => {
                        return Err(SyntaxError::syntax(
                            "multiple starred expressions in assignment",
                            t.span,
                        ))
                    }
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(i)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(SyntaxError::syntax(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ))
            }
            _ => {
                return Err(SyntaxError::syntax("cannot assign to expression", t.span));
            }
        }
        self.restore_line(line);
        self.depth -= 1;
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        self.set_line(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Del),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let a = self.mangle(attr);
                let i = self.name_index(&a);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
            }
            _ => return Err(SyntaxError::syntax("cannot delete expression", t.span)),
        }
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: ast::BinOp,
        value: &'a Expr,
    ) -> Result<(), SyntaxError> {
        let k = binop_kind(op);
        match &target.kind {
            ExprKind::Name(n) => {
                // The name's loads and stores are the target's range; the
                // operation is the statement's.
                let saved = self.set_line(target.span);
                self.name_op(n, NameCtx::Load);
                self.restore_line(saved);
                if op == ast::BinOp::Add {
                    // `x += y` on a fast local may append in place (str).
                    let u = self.unit();
                    if let Some(last) = u.code.ops.last_mut() {
                        if let Op::LoadFast(i) = *last {
                            *last = Op::LoadFastInplace(i);
                        }
                    }
                }
                self.expr(value)?;
                self.emit(Op::InplaceOp(k));
                let saved = self.set_line(target.span);
                self.name_op(n, NameCtx::Store);
                self.restore_line(saved);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::DupTop);
                let a = self.mangle(attr);
                let i = self.name_index(&a);
                let saved = self.set_line(target.span);
                self.emit(Op::LoadAttr(i));
                self.restore_line(saved);
                self.expr(value)?;
                self.emit(Op::InplaceOp(k));
                self.emit(Op::RotTwo);
                let saved = self.set_line(target.span);
                self.emit(Op::StoreAttr(i));
                self.restore_line(saved);
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Op::DupTop2);
                let saved = self.set_line(target.span);
                self.emit(Op::BinarySubscr);
                self.anchor_subscr(obj.span.end, slice.span.end, target.span.end);
                self.restore_line(saved);
                self.expr(value)?;
                self.emit(Op::InplaceOp(k));
                self.emit(Op::RotThree);
                let saved = self.set_line(target.span);
                self.emit(Op::StoreSubscr);
                self.anchor_subscr(obj.span.end, slice.span.end, target.span.end);
                self.restore_line(saved);
            }
            _ => {
                return Err(SyntaxError::syntax(
                    "'expression' is an illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    // ---- unwinding --------------------------------------------------------

    /// Emit the exit code of one fblock (CPython's compiler_unwind_fblock).
    /// `preserve`: a return value is on top of the stack and must survive.
    fn unwind_fblock(
        &mut self,
        fb: &FBlock<'a>,
        preserve: bool,
        span: Span,
    ) -> Result<(), SyntaxError> {
        match fb {
            FBlock::While { .. } => {}
            FBlock::For { .. } | FBlock::PopValue => {
                if preserve {
                    self.emit(Op::RotTwo);
                }
                self.emit(Op::Pop);
            }
            FBlock::TryExcept => self.emit(Op::PopBlock),
            FBlock::FinallyTry { body } => {
                self.emit(Op::PopBlock);
                if preserve {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve {
                    self.unit().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                self.emit(Op::PopBlock);
                if preserve {
                    self.emit(Op::RotThree);
                }
                self.emit(Op::Pop);
                self.emit(Op::PopExcept);
            }
            FBlock::With { is_async } => {
                self.emit(Op::PopBlock);
                if preserve {
                    self.emit(Op::RotTwo);
                }
                self.emit_exit_call(*is_async);
            }
            FBlock::Handler { name } => {
                self.emit(Op::PopBlock);
                if preserve {
                    self.emit(Op::RotTwo);
                }
                self.emit(Op::PopExcept);
                if let Some(n) = name {
                    self.clear_name(n);
                }
            }
            FBlock::StarHandler => {
                return Err(SyntaxError::syntax(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    span,
                ))
            }
        }
        Ok(())
    }

    /// `exit(None, None, None)` on `[.., exit]`, leaving `[..]`.
    fn emit_exit_call(&mut self, is_async: bool) {
        self.emit_none();
        self.emit(Op::DupTop);
        self.emit(Op::DupTop);
        self.emit(Op::Call(3));
        if is_async {
            self.emit_await();
        }
        self.emit(Op::Pop);
    }

    /// `e = None; del e` at the end of `except E as e`.
    fn clear_name(&mut self, n: &Name) {
        self.emit_none();
        self.name_op(n, NameCtx::Store);
        self.name_op(n, NameCtx::Del);
    }

    fn return_stmt(&mut self, v: Option<&'a Expr>, span: Span) -> Result<(), SyntaxError> {
        let s = self.cur_scope();
        if !s.kind.is_function() {
            return Err(SyntaxError::syntax("'return' outside function", span));
        }
        if v.is_some() && s.is_async && s.is_generator {
            return Err(SyntaxError::syntax(
                "'return' with value in async generator",
                span,
            ));
        }
        if let Some(v) = v {
            self.expr(v)?;
        }
        let saved = self.unit().fblocks.clone();
        let r = (|| {
            while let Some(fb) = self.unit().fblocks.pop() {
                self.unwind_fblock(&fb, v.is_some(), span)?;
            }
            Ok(())
        })();
        self.unit().fblocks = saved;
        r?;
        self.set_line(span);
        if v.is_none() {
            self.emit_none();
        }
        self.emit(Op::ReturnValue);
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, span: Span) -> Result<(), SyntaxError> {
        let saved = self.unit().fblocks.clone();
        let mut found = None;
        let r = (|| {
            while let Some(fb) = self.unit().fblocks.pop() {
                match fb {
                    FBlock::While { start, end } => {
                        found = Some((start, end, false));
                        break;
                    }
                    FBlock::For { start, end } => {
                        found = Some((start, end, true));
                        break;
                    }
                    other => self.unwind_fblock(&other, false, span)?,
                }
            }
            Ok(())
        })();
        self.unit().fblocks = saved;
        r?;
        let Some((start, end, is_for)) = found else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(SyntaxError::syntax(msg, span));
        };
        self.set_line(span);
        if is_break {
            if is_for {
                self.emit(Op::Pop);
            }
            self.jump(Op::Jump, end);
        } else {
            self.jump(Op::Jump, start);
        }
        Ok(())
    }

    // ---- loops --------------------------------------------------------------

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<(), SyntaxError> {
        if is_async {
            self.check_await("async for", span)?;
        }
        let start = self.new_label();
        let exhausted = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.set_line(span);
        if is_async {
            self.emit(Op::GetAIter);
            self.bind(start);
            self.jump(Op::SetupExcept, exhausted);
            self.emit(Op::GetANext);
            self.emit_none();
            self.emit(Op::YieldFrom);
            self.emit(Op::PopBlock);
        } else {
            self.emit(Op::GetIter);
            self.bind(start);
            self.jump(Op::ForIter, exhausted);
        }
        self.store_target(target)?;
        self.unit().fblocks.push(FBlock::For { start, end });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.set_line(span);
        self.jump(Op::Jump, start);
        self.bind(exhausted);
        if is_async {
            self.emit(Op::EndAsyncFor);
        }
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    // ---- exceptions ---------------------------------------------------------

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        is_star: bool,
    ) -> Result<(), SyntaxError> {
        let h = self.new_label();
        let end = self.new_label();
        self.jump(Op::SetupExcept, h);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        self.jump(Op::Jump, end);
        self.bind(h);
        if is_star {
            self.star_handlers(handlers, end)?;
        } else {
            self.handlers(handlers, end)?;
        }
        self.bind(end);
        Ok(())
    }

    /// The handler chain of a plain `try/except`, entered with `[.., exc]`.
    ///
    /// ```text
    ///     PushExcInfo; SetupExcept(CLEANUP)             # [.., prev, exc]
    ///     per handler: <type>; CheckExcMatch; PopJumpIfFalse(NEXT)
    ///                  PopBlock; store e | Pop          # [.., prev]
    ///                  SetupExcept(HC); <body>; PopBlock; PopExcept; [e = None; del e]; Jump END
    ///              HC: [e = None; del e]; RotTwo; PopExcept; Reraise   # [.., prev, exc2]
    ///            NEXT:
    ///     Reraise                                       # to CLEANUP
    /// CLEANUP: RotThree; Pop; PopExcept; Reraise        # [.., prev, exc, exc2]
    /// ```
    /// The handler body runs under its own block set up at depth `[.., prev]`
    /// so that the VM's cut-back depth always matches the stack there.
    fn handlers(&mut self, handlers: &'a [ExceptHandler], end: Label) -> Result<(), SyntaxError> {
        let cleanup = self.new_label();
        self.emit(Op::PushExcInfo);
        self.jump(Op::SetupExcept, cleanup);
        for (i, hd) in handlers.iter().enumerate() {
            self.set_line(hd.span);
            let next = self.new_label();
            match &hd.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Op::CheckExcMatch);
                    self.jump(Op::PopJumpIfFalse, next);
                }
                None if i + 1 != handlers.len() => {
                    return Err(SyntaxError::syntax(
                        "default 'except:' must be last",
                        hd.span,
                    ));
                }
                None => {}
            }
            self.emit(Op::PopBlock);
            match &hd.name {
                Some(n) => self.name_op(n, NameCtx::Store),
                None => self.emit(Op::Pop),
            }
            let hc = self.new_label();
            self.jump(Op::SetupExcept, hc);
            self.unit().fblocks.push(FBlock::Handler {
                name: hd.name.clone(),
            });
            self.stmts(&hd.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.emit(Op::PopExcept);
            if let Some(n) = &hd.name {
                self.clear_name(n);
            }
            self.jump(Op::Jump, end);
            self.bind(hc);
            if let Some(n) = &hd.name {
                self.clear_name(n);
            }
            self.emit(Op::RotTwo);
            self.emit(Op::PopExcept);
            self.emit(Op::Reraise);
            self.bind(next);
        }
        self.emit(Op::Reraise);
        self.bind(cleanup);
        self.emit(Op::RotThree);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        Ok(())
    }

    /// `except*` handlers, entered with `[.., exc]`. The stack while matching
    /// is `[.., prev, orig, raised_list, rest]`.
    fn star_handlers(
        &mut self,
        handlers: &'a [ExceptHandler],
        end: Label,
    ) -> Result<(), SyntaxError> {
        let cleanup = self.new_label();
        self.emit(Op::PushExcInfo);
        self.jump(Op::SetupExcept, cleanup);
        self.emit(Op::DupTop);
        self.emit(Op::BuildList(0));
        self.emit(Op::RotTwo);
        for hd in handlers {
            self.set_line(hd.span);
            let next = self.new_label();
            let nomatch = self.new_label();
            let herr = self.new_label();
            let Some(t) = &hd.typ else {
                return Err(SyntaxError::syntax(
                    "expected one or more exception types",
                    hd.span,
                ));
            };
            self.emit(Op::DupTop);
            self.jump(Op::PopJumpIfNone, next);
            self.expr(t)?;
            self.emit(Op::CheckEgMatch);
            self.emit(Op::DupTop);
            self.jump(Op::PopJumpIfNone, nomatch);
            match &hd.name {
                Some(n) => self.name_op(n, NameCtx::Store),
                None => self.emit(Op::Pop),
            }
            self.jump(Op::SetupExcept, herr);
            self.unit().fblocks.push(FBlock::StarHandler);
            self.stmts(&hd.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            if let Some(n) = &hd.name {
                self.clear_name(n);
            }
            self.jump(Op::Jump, next);
            self.bind(herr);
            if let Some(n) = &hd.name {
                self.clear_name(n);
            }
            self.emit(Op::ListAppend(2));
            self.jump(Op::Jump, next);
            self.bind(nomatch);
            self.emit(Op::Pop);
            self.bind(next);
        }
        // [.., prev, orig, raised, rest] -> re-raise what is left, if anything.
        let reraise = self.new_label();
        self.emit(Op::ListAppend(1));
        self.emit(Op::PrepReraiseStar);
        self.emit(Op::PopBlock);
        self.emit(Op::DupTop);
        self.jump(Op::PopJumpIfNotNone, reraise);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.jump(Op::Jump, end);
        self.bind(reraise);
        self.emit(Op::RotTwo);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.bind(cleanup);
        self.emit(Op::RotThree);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> Result<(), SyntaxError> {
        let f = self.new_label();
        let fc = self.new_label();
        let end = self.new_label();
        self.jump(Op::SetupExcept, f);
        self.unit()
            .fblocks
            .push(FBlock::FinallyTry { body: finalbody });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse, is_star)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        self.jump(Op::Jump, end);
        self.bind(f);
        self.emit(Op::PushExcInfo);
        self.jump(Op::SetupExcept, fc);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::RotTwo);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.bind(fc);
        self.emit(Op::RotThree);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.bind(end);
        Ok(())
    }

    /// `with` items nest: one block per item.
    fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        i: usize,
        body: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let item = &items[i];
        let w = self.new_label();
        let wc = self.new_label();
        let sup = self.new_label();
        let end = self.new_label();
        self.expr(&item.context)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit(Op::CallMethod(0));
            self.emit_await();
        } else {
            self.emit(Op::BeforeWith);
            self.emit(Op::CallMethod(0));
        }
        // The target is stored before the block is set up, so the handler's
        // cut-back depth is `[.., exit]`.
        match &item.target {
            Some(t) => self.store_target(t)?,
            None => self.emit(Op::Pop),
        }
        self.jump(Op::SetupExcept, w);
        self.unit().fblocks.push(FBlock::With { is_async });
        if i + 1 < items.len() {
            self.with_stmt(items, i + 1, body, is_async, span)?;
        } else {
            self.stmts(body)?;
        }
        self.unit().fblocks.pop();
        self.set_line(span);
        self.emit(Op::PopBlock);
        self.emit_exit_call(is_async);
        self.jump(Op::Jump, end);
        self.bind(w);
        self.emit(Op::PushExcInfo);
        self.jump(Op::SetupExcept, wc);
        self.emit(Op::WithExceptStart);
        self.emit(Op::Call(3));
        if is_async {
            self.emit_await();
        }
        self.jump(Op::PopJumpIfTrue, sup);
        self.emit(Op::Reraise);
        self.bind(sup);
        self.emit(Op::PopBlock);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.jump(Op::Jump, end);
        self.bind(wc);
        self.emit(Op::RotThree);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.bind(end);
        Ok(())
    }

    // ---- definitions ----------------------------------------------------------

    fn function_def(&mut self, fd: &'a FunctionDef) -> Result<(), SyntaxError> {
        for d in &fd.decorators {
            self.expr(d)?;
        }
        self.set_line(fd.span);
        let mut fl = self.defaults(&fd.params)?;
        fl |= self.annotations(&fd.params, fd.returns.as_ref())?;
        let id = self.st.by_node[&node_key(fd)];
        let qn = self.qualname_for(&fd.name);
        self.enter_unit(id, fd.name.clone(), qn, fd.span);
        self.set_arg_counts(&fd.params);
        let mut body = &fd.body[..];
        if let Some(doc) = docstring(body) {
            self.unit().code.doc = Some(doc);
            body = &body[1..];
        }
        self.stmts(body)?;
        self.emit_none();
        self.emit(Op::ReturnValue);
        let code = self.finish_unit()?;
        self.set_line(fd.span);
        self.make_closure(code, fl);
        for _ in &fd.decorators {
            self.emit(Op::Call(1));
        }
        self.name_op(&fd.name, NameCtx::Store);
        Ok(())
    }

    /// Push a function's annotations as a dict (parameters in order, then
    /// `return`); returns the MakeFunction flag for it, or 0 when there
    /// are none.
    fn annotations(
        &mut self,
        p: &'a ast::Params,
        returns: Option<&'a Expr>,
    ) -> Result<u32, SyntaxError> {
        let all = p.posonly.iter().chain(&p.args).chain(&p.vararg);
        let mut n = 0;
        for par in all.chain(&p.kwonly).chain(&p.kwarg) {
            if let Some(a) = &par.annotation {
                let name = self.mangle(&par.name);
                self.load_const(Const::Str(name));
                self.annotation_value(a)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str("return".into()));
            self.annotation_value(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Op::BuildMap(n));
        Ok(crate::bytecode::op::make_fn::ANNOTATIONS)
    }

    /// Push an annotation's value: the evaluated expression, or its source
    /// text under `from __future__ import annotations`.
    fn annotation_value(&mut self, a: &'a Expr) -> Result<(), SyntaxError> {
        if self.future_annotations {
            // A string annotation shows as its repr (ast.unparse's quotes).
            let text = match &a.kind {
                ExprKind::Constant(ast::Constant::Str(s)) => crate::text::repr::str_repr(s),
                _ => annotation_text(&self.file.text, a.span),
            };
            self.load_const(Const::Str(text.into()));
            Ok(())
        } else {
            self.expr(a)
        }
    }

    /// The annotation part of `target: annotation [= value]`: stored in
    /// `__annotations__` for a simple name in a module or class body,
    /// evaluated and dropped for other targets there, ignored in functions.
    fn ann_assign_annotation(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        simple: bool,
    ) -> Result<(), SyntaxError> {
        let kind = self.cur_scope().kind;
        if !matches!(kind, ScopeKind::Module | ScopeKind::Class) {
            return Ok(());
        }
        match &target.kind {
            ExprKind::Name(n) if simple => {
                self.annotation_value(annotation)?;
                let i = self.name_index("__annotations__");
                self.emit(Op::LoadName(i));
                let name = self.mangle(n);
                self.load_const(Const::Str(name));
                self.emit(Op::StoreSubscr);
            }
            _ if !self.future_annotations => {
                self.expr(annotation)?;
                self.emit(Op::Pop);
            }
            _ => {}
        }
        Ok(())
    }

    fn class_def(&mut self, cd: &'a ClassDef) -> Result<(), SyntaxError> {
        for d in &cd.decorators {
            self.expr(d)?;
        }
        self.set_line(cd.span);
        let id = self.st.by_node[&node_key(cd)];
        let qn = self.qualname_for(&cd.name);
        self.enter_unit(id, cd.name.clone(), qn.clone(), cd.span);
        let i = self.name_index("__name__");
        self.emit(Op::LoadName(i));
        self.store_name_raw("__module__");
        self.load_const(Const::Str(qn));
        self.store_name_raw("__qualname__");
        if super::find_ann(&cd.body) {
            self.emit(Op::SetupAnnotations);
        }
        let mut body = &cd.body[..];
        if let Some(doc) = docstring(body) {
            self.load_const(Const::Str(doc.clone()));
            self.store_name_raw("__doc__");
            self.unit().code.doc = Some(doc);
            body = &body[1..];
        }
        self.stmts(body)?;
        if self.cur_scope().needs_class_closure {
            self.emit(Op::LoadClosure(0));
            self.store_name_raw("__classcell__");
        }
        self.emit_none();
        self.emit(Op::ReturnValue);
        let code = self.finish_unit()?;
        self.set_line(cd.span);
        self.make_closure(code, 0);
        self.load_const(Const::Str(cd.name.clone()));
        for b in &cd.bases {
            if let ExprKind::Starred(_) = b.kind {
                return Err(SyntaxError::syntax(
                    "starred base classes are not supported",
                    b.span,
                ));
            }
            self.expr(b)?;
        }
        let mut names = Vec::new();
        for k in &cd.keywords {
            let Some(n) = &k.arg else {
                return Err(SyntaxError::syntax(
                    "'**' in class keywords is not supported",
                    k.span,
                ));
            };
            self.expr(&k.value)?;
            names.push(Const::Str(n.clone()));
        }
        let has_kw = !names.is_empty();
        let nargs = (cd.bases.len() + names.len()) as u16;
        if has_kw {
            self.load_const(Const::Tuple(Rc::from(names)));
        }
        self.emit(Op::BuildClass { nargs, has_kw });
        for _ in &cd.decorators {
            self.emit(Op::Call(1));
        }
        self.name_op(&cd.name, NameCtx::Store);
        Ok(())
    }
}

/// An annotation's source text as `from __future__ import annotations`
/// keeps it (CPython unparses the tree; the source text with its line
/// breaks folded is the same for annotations written on one line).
fn annotation_text(src: &str, span: Span) -> String {
    let text = src
        .get(span.start as usize..span.end as usize)
        .unwrap_or("");
    if !text.contains('\n') {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_const_true(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(ast::Constant::Bool(b)) => *b,
        ExprKind::Constant(ast::Constant::Int(i)) => *i != 0,
        _ => false,
    }
}
