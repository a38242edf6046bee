//! Codegen for `match` statements, following CPython 3.11's strategy.
//!
//! While a pattern is matched, the stack holds `[.., captures, on_top items,
//! subject]`: every sub-pattern consumes its subject; a captured value is
//! rotated beneath the items still needed (the newest capture deepest) and
//! the names are stored only once the whole case has matched. On failure the
//! code jumps to `fail_pop[n]`, which pops the `n` items pushed so far.

use std::collections::HashSet;
use std::rc::Rc;

use crate::bytecode::op::CmpKind;
use crate::bytecode::{Const, Op};
use crate::diag::SyntaxError;
use crate::syntax::ast::{Expr, ExprKind, MatchCase, Name, Pattern, PatternKind};

use super::expr::constant;
use super::{Compiler, Label, NameCtx};

struct PatternCtx {
    /// Captured names; their values are on the stack, `stores[0]` shallowest.
    stores: Vec<Name>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    /// Items above the captures that a failure must pop (besides captures).
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::As {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::Star(None))
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(
        &mut self,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> Result<(), SyntaxError> {
        self.expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let in_loop = if has_default { n - 1 } else { n };
        for (i, case) in cases[..in_loop].iter().enumerate() {
            let last = i == in_loop - 1;
            let mut pc = PatternCtx {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == n - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.set_line(case.pattern.span);
            if !last {
                self.emit(Op::Copy(1));
            }
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            for name in pc.stores.clone() {
                self.name_op(&name, NameCtx::Store);
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, false, target)?;
            }
            if !last {
                self.emit(Op::Pop);
            }
            self.stmts(&case.body)?;
            self.jump(Op::Jump, end);
            self.set_line(case.pattern.span);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let case = &cases[n - 1];
            self.set_line(case.pattern.span);
            if let Some(g) = &case.guard {
                self.jump_if(g, false, end)?;
            }
            self.stmts(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, mk: fn(u32) -> Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops];
        self.jump(mk, l);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for n in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[n]);
            self.emit(Op::Pop);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Move TOS down to depth `count` (CPython's ROT_N), with swaps.
    fn rotate(&mut self, count: usize) {
        let mut c = count;
        while c > 1 {
            self.emit(Op::Swap(c as u32));
            c -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&Name>,
        pc: &mut PatternCtx,
        p: &Pattern,
    ) -> Result<(), SyntaxError> {
        let Some(n) = name else {
            self.emit(Op::Pop);
            return Ok(());
        };
        if pc.stores.contains(n) {
            return Err(SyntaxError::syntax(
                format!("multiple assignments to name '{n}' in pattern"),
                p.span,
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.clone());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> Result<(), SyntaxError> {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> Result<(), SyntaxError> {
        self.enter_depth(p.span)?;
        let line = self.set_line(p.span);
        let r = self.pattern_inner(p, pc);
        self.restore_line(line);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> Result<(), SyntaxError> {
        match &p.kind {
            PatternKind::Value(e) => {
                self.expr(e)?;
                self.emit(Op::CompareOp(CmpKind::Eq));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::Singleton(c) => {
                self.load_const(constant(c));
                self.emit(Op::IsOp(false));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::As { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".into(),
                        };
                        return Err(SyntaxError::syntax(msg, p.span));
                    }
                    self.store_capture(name.as_ref(), pc, p)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Op::Copy(1));
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(name.as_ref(), pc, p)?;
                }
            },
            PatternKind::Star(name) => self.store_capture(name.as_ref(), pc, p)?,
            PatternKind::Sequence(pats) => self.sequence_pattern(pats, pc, p)?,
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_ref(), pc, p)?,
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                if kwd_attrs.len() != kwd_patterns.len() {
                    return Err(SyntaxError::syntax(
                        "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern",
                        p.span,
                    ));
                }
                let mut seen = HashSet::new();
                for a in kwd_attrs {
                    if !seen.insert(a.clone()) {
                        return Err(SyntaxError::syntax(
                            format!("attribute name repeated in class pattern: {a}"),
                            p.span,
                        ));
                    }
                }
                self.expr(cls)?;
                let names: Vec<Const> = kwd_attrs.iter().map(|a| Const::Str(a.clone())).collect();
                self.load_const(Const::Tuple(Rc::from(names)));
                let nargs = patterns.len();
                let total = nargs + kwd_attrs.len();
                self.emit(Op::MatchClass(nargs as u32));
                self.emit(Op::Copy(1));
                pc.on_top += 1;
                self.jump_to_fail_pop(pc, Op::PopJumpIfNone);
                self.emit(Op::UnpackSequence(total as u32));
                pc.on_top += total;
                pc.on_top -= 1;
                for sub in patterns.iter().chain(kwd_patterns) {
                    pc.on_top -= 1;
                    if is_wildcard(sub) {
                        self.emit(Op::Pop);
                        continue;
                    }
                    self.subpattern(sub, pc)?;
                }
            }
            PatternKind::Or(alts) => self.or_pattern(alts, pc, p)?,
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        pats: &'a [Pattern],
        pc: &mut PatternCtx,
        p: &Pattern,
    ) -> Result<(), SyntaxError> {
        let size = pats.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in pats.iter().enumerate() {
            if let PatternKind::Star(_) = q.kind {
                if star.is_some() {
                    return Err(SyntaxError::syntax(
                        "multiple starred names in sequence pattern",
                        q.span,
                    ));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(Op::MatchSequence);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Op::GetLen);
                self.load_const(Const::Int(size as i64));
                self.emit(Op::CompareOp(CmpKind::Eq));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen);
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Op::CompareOp(CmpKind::Ge));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::Pop);
        } else if star_wildcard {
            // `[a, *_, b]`: index the subject instead of building the star list.
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, q) in pats.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Op::Copy(1));
                if i < star {
                    self.load_const(Const::Int(i as i64));
                } else {
                    self.emit(Op::GetLen);
                    self.load_const(Const::Int((size - i) as i64));
                    self.emit(Op::BinaryOp(crate::bytecode::op::BinOpKind::Sub));
                }
                self.emit(Op::BinarySubscr);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Op::Pop);
        } else {
            match star {
                None => self.emit(Op::UnpackSequence(size as u32)),
                Some(s) => {
                    let after = size - s - 1;
                    if s >= 1 << 16 || after >= 1 << 16 {
                        return Err(SyntaxError::syntax(
                            "too many expressions in star-unpacking sequence pattern",
                            p.span,
                        ));
                    }
                    self.emit(Op::UnpackEx {
                        before: s as u16,
                        after: after as u16,
                    });
                }
            }
            pc.on_top += size;
            for q in pats {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        pats: &'a [Pattern],
        rest: Option<&Name>,
        pc: &mut PatternCtx,
        p: &Pattern,
    ) -> Result<(), SyntaxError> {
        let size = keys.len();
        if size != pats.len() {
            return Err(SyntaxError::syntax(
                "keys (%d) / patterns (%d) length mismatch in mapping pattern",
                p.span,
            ));
        }
        pc.on_top += 1;
        self.emit(Op::MatchMapping);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Op::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen);
            self.load_const(Const::Int(size as i64));
            self.emit(Op::CompareOp(CmpKind::Ge));
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Const> = Vec::new();
        for k in keys {
            match &k.kind {
                ExprKind::Constant(c) => {
                    let v = constant(c);
                    if seen.contains(&v) {
                        return Err(SyntaxError::syntax(
                            format!(
                                "mapping pattern checks duplicate key ({})",
                                crate::bytecode::disasm::const_repr(&v)
                            ),
                            k.span,
                        ));
                    }
                    seen.push(v);
                }
                ExprKind::Attribute { .. } | ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } => {}
                _ => {
                    return Err(SyntaxError::syntax(
                        "mapping pattern keys may only match literals and attribute lookups",
                        k.span,
                    ))
                }
            }
            self.expr(k)?;
        }
        self.emit(Op::BuildTuple(size as u32));
        self.emit(Op::MatchKeys);
        pc.on_top += 2;
        self.emit(Op::Copy(1));
        self.jump_to_fail_pop(pc, Op::PopJumpIfNone);
        self.emit(Op::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for q in pats {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(r) => {
                // [.., subj, keys] -> [.., subj, rest] -> [.., rest]
                self.emit(Op::CopyDictWithoutKeys);
                self.emit(Op::RotTwo);
                self.emit(Op::Pop);
                self.store_capture(Some(r), pc, p)?;
            }
            None => {
                self.emit(Op::Pop);
                self.emit(Op::Pop);
            }
        }
        Ok(())
    }

    fn or_pattern(
        &mut self,
        alts: &'a [Pattern],
        pc: &mut PatternCtx,
        p: &Pattern,
    ) -> Result<(), SyntaxError> {
        let end = self.new_label();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<Name>> = None;
        let n = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == n - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy(1));
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return Err(diff_names(p));
                    }
                    // Reorder this alternative's captures to control's order.
                    let mut ic = ctl.len();
                    while ic > 0 {
                        ic -= 1;
                        let name = &ctl[ic];
                        let Some(is) = pc.stores.iter().position(|s| s == name) else {
                            return Err(diff_names(p));
                        };
                        if is != ic {
                            let rotations = is + 1;
                            let rotated: Vec<Name> = pc.stores.drain(..rotations).collect();
                            let at = ic - is;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(ic + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail;
        pc.on_top = old_on_top;
        // No alternative matched: pop the subject and fail.
        self.emit(Op::Pop);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(SyntaxError::syntax(
                    format!("multiple assignments to name '{name}' in pattern"),
                    p.span,
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Op::Pop);
        Ok(())
    }
}

fn diff_names(p: &Pattern) -> SyntaxError {
    SyntaxError::syntax("alternative patterns bind different names", p.span)
}
