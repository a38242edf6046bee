//! The symbol table: which names are local, global, free or cells in each
//! scope, computed in two passes like CPython's `symtable.c`.
//!
//! Pass one walks the tree and records, per scope, how each name is used
//! (assigned, parameter, declared global/nonlocal, read). Pass two walks the
//! scope tree top-down with the set of names bound in enclosing function
//! scopes, decides each name's scope, and bottom-up turns locals captured by
//! inner functions into cells.

use std::collections::{HashMap, HashSet};

use crate::diag::{SyntaxError, SyntaxKind};
use crate::source::Span;
use crate::syntax::ast::{self, Expr, ExprKind, Name, Pattern, PatternKind, Stmt, StmtKind};

pub type ScopeId = usize;

/// Nesting limit of the compiler's recursive walks (CPython raises
/// RecursionError "maximum recursion depth exceeded during compilation").
pub const MAX_DEPTH: u32 = 900;

pub(crate) fn recursion_error(span: Span) -> SyntaxError {
    SyntaxError::new(
        SyntaxKind::RecursionError,
        "maximum recursion depth exceeded during compilation",
        span,
    )
}

/// The kind of a comprehension scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    /// `def` or `async def` (see `Scope::is_async`).
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    /// CPython's `FunctionBlock`: everything that gets fast locals.
    pub fn is_function(self) -> bool {
        !matches!(self, ScopeKind::Module | ScopeKind::Class)
    }
}

/// Where a name lives, from the point of view of one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

// Use flags of pass one.
pub const DEF_LOCAL: u32 = 1;
pub const DEF_GLOBAL: u32 = 2;
pub const DEF_NONLOCAL: u32 = 4;
pub const DEF_PARAM: u32 = 8;
pub const USE: u32 = 16;
/// A class-local name that methods also see as a free variable.
pub const DEF_FREE_CLASS: u32 = 32;
pub const DEF_COMP_ITER: u32 = 64;
pub const DEF_ANNOT: u32 = 128;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: Name,
    /// `async def`.
    pub is_async: bool,
    /// Names in first-use order, with their use flags.
    pub order: Vec<Name>,
    pub flags: HashMap<Name, u32>,
    /// Where each name was first used (or declared global/nonlocal), for errors.
    pub spans: HashMap<Name, Span>,
    /// Pass two's decision for each name in `order`.
    pub resolved: HashMap<Name, NameScope>,
    /// Parameter names in varnames order.
    pub params: Vec<Name>,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub children: Vec<ScopeId>,
    pub parent: Option<ScopeId>,
    /// Contains `yield` (or `yield from`).
    pub is_generator: bool,
    /// Comprehensions: contains `await`/`async for` (or such a nested list,
    /// set or dict comprehension). Module: uses top-level await.
    pub is_coroutine: bool,
    /// Class bodies: some method uses `super` or `__class__`.
    pub needs_class_closure: bool,
    /// Class name used for private-name mangling inside this scope.
    pub private: Option<Name>,
}

impl Scope {
    fn new(kind: ScopeKind, name: Name, parent: Option<ScopeId>, private: Option<Name>) -> Scope {
        Scope {
            kind,
            name,
            is_async: false,
            order: Vec::new(),
            flags: HashMap::new(),
            spans: HashMap::new(),
            resolved: HashMap::new(),
            params: Vec::new(),
            has_varargs: false,
            has_varkw: false,
            children: Vec::new(),
            parent,
            is_generator: false,
            is_coroutine: false,
            needs_class_closure: false,
            private,
        }
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.flags.get(name).copied().unwrap_or(0)
    }

    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.resolved.get(name).copied()
    }

    /// Sorted cell variables (`__class__` first for class bodies).
    pub fn cellvars(&self) -> Vec<Name> {
        let mut v: Vec<Name> = self
            .order
            .iter()
            .filter(|n| self.resolved.get(*n) == Some(&NameScope::Cell))
            .cloned()
            .collect();
        v.sort();
        if self.needs_class_closure {
            v.insert(0, Name::from("__class__"));
        }
        v
    }

    /// Sorted free variables (including class-local names that methods see as free).
    pub fn freevars(&self) -> Vec<Name> {
        let mut v: Vec<Name> = self
            .order
            .iter()
            .filter(|n| {
                self.resolved.get(*n) == Some(&NameScope::Free)
                    || self.flags_of(n) & DEF_FREE_CLASS != 0
            })
            .cloned()
            .collect();
        v.sort();
        v
    }
}

#[derive(Debug, Default)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address (FunctionDef, ClassDef, Lambda or comprehension Expr) -> scope.
    pub by_node: HashMap<usize, ScopeId>,
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Private-name mangling: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(private: Option<&Name>, name: &Name) -> Name {
    let Some(p) = private else {
        return name.clone();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.clone();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.clone();
    }
    format!("_{stripped}{name}").into()
}

/// Build and analyse the symbol table of a module.
/// `future_annotations`: annotations are kept as strings, never evaluated
/// (`from __future__ import annotations`), so their names are not uses.
pub fn build(
    body: &[Stmt],
    interactive: bool,
    future_annotations: bool,
) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        st: SymbolTable::default(),
        cur: 0,
        depth: 0,
        interactive,
        future_annotations,
    };
    b.st.scopes
        .push(Scope::new(ScopeKind::Module, "<module>".into(), None, None));
    for s in body {
        b.stmt(s)?;
    }
    b.finish()
}

/// Build the symbol table of a lone expression (`eval`).
pub fn build_expr(e: &Expr) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        st: SymbolTable::default(),
        cur: 0,
        depth: 0,
        interactive: false,
        future_annotations: false,
    };
    b.st.scopes
        .push(Scope::new(ScopeKind::Module, "<module>".into(), None, None));
    b.expr(e)?;
    b.finish()
}

struct Builder {
    st: SymbolTable,
    cur: ScopeId,
    depth: u32,
    interactive: bool,
    future_annotations: bool,
}

impl Builder {
    fn finish(mut self) -> Result<SymbolTable, SyntaxError> {
        let mut free = HashSet::new();
        analyze(
            &mut self.st,
            0,
            &HashSet::new(),
            &mut HashSet::new(),
            &mut free,
        )?;
        Ok(self.st)
    }

    fn cur_flags(&self, n: &Name) -> u32 {
        let s = &self.st.scopes[self.cur];
        s.flags_of(&mangle(s.private.as_ref(), n))
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.st.scopes[self.cur]
    }

    fn add_def_in(
        &mut self,
        id: ScopeId,
        name: &Name,
        flag: u32,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let s = &mut self.st.scopes[id];
        let name = mangle(s.private.as_ref(), name);
        let old = s.flags.get(&name).copied();
        if flag & DEF_PARAM != 0 {
            if let Some(o) = old {
                if o & DEF_PARAM != 0 {
                    return Err(SyntaxError::syntax(
                        format!("duplicate argument '{name}' in function definition"),
                        span,
                    ));
                }
            }
        }
        if old.is_none() || flag & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
            s.spans.insert(name.clone(), span);
        }
        match old {
            Some(o) => {
                s.flags.insert(name, o | flag);
            }
            None => {
                s.order.push(name.clone());
                s.flags.insert(name, flag);
            }
        }
        Ok(())
    }

    fn add_def(&mut self, name: &Name, flag: u32, span: Span) -> Result<(), SyntaxError> {
        self.add_def_in(self.cur, name, flag, span)
    }

    fn enter(&mut self, kind: ScopeKind, name: Name, key: usize) -> ScopeId {
        let private = if let ScopeKind::Class = kind {
            Some(name.clone())
        } else {
            self.st.scopes[self.cur].private.clone()
        };
        let id = self.st.scopes.len();
        self.st
            .scopes
            .push(Scope::new(kind, name, Some(self.cur), private));
        self.st.scopes[self.cur].children.push(id);
        self.st.by_node.insert(key, id);
        self.cur = id;
        id
    }

    fn guard(&mut self, span: Span) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error(span));
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        self.guard(s.span)?;
        let r = crate::stack::guard(|| self.stmt_inner(s));
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        let span = s.span;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.add_def(n, DEF_LOCAL | USE, target.span)?;
                } else {
                    self.target(target)?;
                }
            }
            StmtKind::AnnAssign {
                target,
                value,
                simple,
                annotation,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                // Module and class bodies evaluate annotations (functions
                // never do).
                let k = self.scope().kind;
                if !self.future_annotations && matches!(k, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(annotation)?;
                }
                match &target.kind {
                    ExprKind::Name(n) => {
                        let cur = self.cur_flags(n);
                        if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && *simple {
                            let what = if cur & DEF_GLOBAL != 0 {
                                "global"
                            } else {
                                "nonlocal"
                            };
                            return Err(SyntaxError::syntax(
                                format!("annotated name '{n}' can't be {what}"),
                                target.span,
                            ));
                        }
                        let f = if *simple {
                            DEF_LOCAL | DEF_ANNOT
                        } else {
                            DEF_LOCAL
                        };
                        self.add_def(n, f, target.span)?;
                    }
                    _ => self.target(target)?,
                }
            }
            StmtKind::Del(ts) => {
                for t in ts {
                    self.target(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let cur = self.cur_flags(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else {
                            format!("name '{n}' is assigned to before global declaration")
                        };
                        return Err(SyntaxError::syntax(msg, span));
                    }
                    self.add_def(n, DEF_GLOBAL, span)?;
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scope().kind == ScopeKind::Module {
                    return Err(SyntaxError::syntax(
                        "nonlocal declaration not allowed at module level",
                        span,
                    ));
                }
                for n in names {
                    let cur = self.cur_flags(n);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be nonlocal")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        return Err(SyntaxError::syntax(msg, span));
                    }
                    self.add_def(n, DEF_NONLOCAL, span)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let stored: Name = match &a.asname {
                        Some(x) => x.clone(),
                        None => a.name.split('.').next().unwrap_or("").into(),
                    };
                    self.add_def(&stored, DEF_LOCAL, a.span)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(SyntaxError::syntax(
                                "import * only allowed at module level",
                                span,
                            ));
                        }
                        continue;
                    }
                    let stored = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add_def(&stored, DEF_LOCAL, a.span)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context)?;
                    if let Some(t) = &it.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::FunctionDef(fd) => {
                for d in &fd.decorators {
                    self.expr(d)?;
                }
                self.param_defaults(&fd.params)?;
                self.param_annotations(&fd.params, fd.returns.as_ref())?;
                self.add_def(&fd.name, DEF_LOCAL, fd.span)?;
                let outer = self.cur;
                self.enter(ScopeKind::Function, fd.name.clone(), node_key(&**fd));
                self.scope().is_async = fd.is_async;
                self.params(&fd.params)?;
                self.stmts(&fd.body)?;
                self.cur = outer;
            }
            StmtKind::ClassDef(cd) => {
                for d in &cd.decorators {
                    self.expr(d)?;
                }
                for b in &cd.bases {
                    self.expr(b)?;
                }
                for k in &cd.keywords {
                    self.expr(&k.value)?;
                }
                self.add_def(&cd.name, DEF_LOCAL, cd.span)?;
                let outer = self.cur;
                self.enter(ScopeKind::Class, cd.name.clone(), node_key(&**cd));
                self.stmts(&cd.body)?;
                self.cur = outer;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> Result<(), SyntaxError> {
        self.guard(p.span)?;
        match &p.kind {
            PatternKind::Value(e) => self.expr(e)?,
            PatternKind::Singleton(_) => {}
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => {
                for q in ps {
                    self.pattern(q)?;
                }
            }
            PatternKind::Star(n) => {
                if let Some(n) = n {
                    self.add_def(n, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                for k in keys {
                    self.expr(k)?;
                }
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.span)?;
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q)?;
                }
            }
            PatternKind::As { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.span)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// A function's annotations are evaluated where it is defined, as its
    /// defaults are (unless they are kept as strings).
    fn param_annotations(
        &mut self,
        p: &ast::Params,
        returns: Option<&Expr>,
    ) -> Result<(), SyntaxError> {
        if self.future_annotations {
            return Ok(());
        }
        let all = p.posonly.iter().chain(&p.args).chain(&p.vararg);
        for par in all.chain(&p.kwonly).chain(&p.kwarg) {
            if let Some(a) = &par.annotation {
                self.expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    /// Defaults are evaluated in the enclosing scope.
    fn param_defaults(&mut self, p: &ast::Params) -> Result<(), SyntaxError> {
        for par in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &par.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Params) -> Result<(), SyntaxError> {
        let add = |b: &mut Builder, par: &ast::Param| -> Result<(), SyntaxError> {
            b.add_def(&par.name, DEF_PARAM, par.span)?;
            let m = mangle(b.scope().private.as_ref(), &par.name);
            b.scope().params.push(m);
            Ok(())
        };
        for par in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            add(self, par)?;
        }
        if let Some(v) = &p.vararg {
            add(self, v)?;
            self.scope().has_varargs = true;
        }
        if let Some(k) = &p.kwarg {
            add(self, k)?;
            self.scope().has_varkw = true;
        }
        Ok(())
    }

    /// An assignment (or `del`) target.
    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        self.guard(t.span)?;
        match &t.kind {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL, t.span)?,
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
            }
            ExprKind::Starred(inner) => self.target(inner)?,
            _ => self.expr(t)?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        self.guard(e.span)?;
        let r = crate::stack::guard(|| self.expr_inner(e));
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Constant(_) => {}
            ExprKind::Name(n) => {
                self.add_def(n, USE, e.span)?;
                if &**n == "super" && self.scope().kind.is_function() {
                    self.add_def(&Name::from("__class__"), USE, e.span)?;
                }
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.named_target(target, e.span)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { params, body } => {
                self.param_defaults(params)?;
                let outer = self.cur;
                self.enter(ScopeKind::Lambda, "<lambda>".into(), node_key(e));
                self.params(params)?;
                self.expr(body)?;
                self.cur = outer;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                for i in items {
                    self.expr(i)?;
                }
            }
            ExprKind::JoinedStr(items) => {
                for i in items {
                    self.expr(i)?;
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
                self.expr(v)?;
                let interactive = self.interactive;
                let s = self.scope();
                match s.kind {
                    ScopeKind::Comprehension(_) => s.is_coroutine = true,
                    ScopeKind::Module if interactive => s.is_coroutine = true,
                    _ => {}
                }
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                self.mark_yield(e.span)?;
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.mark_yield(e.span)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, span: Span) -> Result<(), SyntaxError> {
        let s = self.scope();
        let msg = match s.kind {
            ScopeKind::Module | ScopeKind::Class => "'yield' outside function",
            ScopeKind::Comprehension(CompKind::List) => "'yield' inside list comprehension",
            ScopeKind::Comprehension(CompKind::Set) => "'yield' inside set comprehension",
            ScopeKind::Comprehension(CompKind::Dict) => "'yield' inside dict comprehension",
            ScopeKind::Comprehension(CompKind::Gen) => "'yield' inside generator expression",
            _ => {
                s.is_generator = true;
                return Ok(());
            }
        };
        Err(SyntaxError::syntax(msg, span))
    }

    /// `(x := v)`: inside comprehensions the name binds in the nearest
    /// enclosing function (or module) scope.
    fn named_target(&mut self, name: &Name, span: Span) -> Result<(), SyntaxError> {
        if !matches!(self.scope().kind, ScopeKind::Comprehension(_)) {
            return self.add_def(name, DEF_LOCAL, span);
        }
        let mut id = self.cur;
        loop {
            let s = &self.st.scopes[id];
            match s.kind {
                ScopeKind::Comprehension(_) => {
                    if s.flags_of(name) & DEF_COMP_ITER != 0 {
                        return Err(SyntaxError::syntax(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{name}'"
                            ),
                            span,
                        ));
                    }
                    id = s.parent.unwrap_or(0);
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    self.add_def(name, DEF_NONLOCAL, span)?;
                    return self.add_def_in(id, name, DEF_LOCAL, span);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, span)?;
                    return self.add_def_in(id, name, DEF_LOCAL, span);
                }
                ScopeKind::Class => {
                    return Err(SyntaxError::syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                        span,
                    ));
                }
            }
        }
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<(), SyntaxError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let outer = self.cur;
        let id = self.enter(ScopeKind::Comprehension(kind), name.into(), node_key(e));
        self.add_def(&Name::from(".0"), DEF_PARAM, e.span)?;
        self.scope().params.push(".0".into());
        if kind == CompKind::Gen {
            self.scope().is_generator = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                self.scope().is_coroutine = true;
            }
            self.comp_target(&g.target)?;
            if i > 0 {
                self.expr(&g.iter)?;
            }
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        self.expr(elt)?;
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.cur = outer;
        // An awaiting list/set/dict comprehension makes the enclosing
        // comprehension await too.
        if kind != CompKind::Gen && self.st.scopes[id].is_coroutine {
            if let ScopeKind::Comprehension(_) = self.scope().kind {
                self.scope().is_coroutine = true;
            }
        }
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL | DEF_COMP_ITER, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.comp_target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.comp_target(inner),
            _ => self.expr(t),
        }
    }
}

/// Pass two (CPython's `analyze_block`). `bound`: names bound in enclosing
/// function scopes; `global`: names declared global in enclosing scopes;
/// `free` collects this block's free names for the parent.
fn analyze(
    st: &mut SymbolTable,
    id: ScopeId,
    bound: &HashSet<Name>,
    global: &mut HashSet<Name>,
    free: &mut HashSet<Name>,
) -> Result<(), SyntaxError> {
    let mut bound = bound.clone();
    let mut local: HashSet<Name> = HashSet::new();
    let kind = st.scopes[id].kind;
    let names = st.scopes[id].order.clone();
    let mut newglobal = HashSet::new();
    let mut newbound = HashSet::new();
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        newbound.extend(bound.iter().cloned());
    }
    for n in &names {
        let flags = st.scopes[id].flags_of(n);
        let span = st.scopes[id].spans.get(n).copied().unwrap_or_default();
        let sc = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(SyntaxError::syntax(
                    format!("name '{n}' is nonlocal and global"),
                    span,
                ));
            }
            global.insert(n.clone());
            bound.remove(n);
            NameScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.contains(n) {
                return Err(SyntaxError::syntax(
                    format!("no binding for nonlocal '{n}' found"),
                    span,
                ));
            }
            free.insert(n.clone());
            NameScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(n.clone());
            global.remove(n);
            NameScope::Local
        } else if bound.contains(n) {
            free.insert(n.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        st.scopes[id].resolved.insert(n.clone(), sc);
    }
    if kind != ScopeKind::Class {
        if kind.is_function() {
            newbound.extend(local.iter().cloned());
        }
        newbound.extend(bound.iter().cloned());
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".into());
    }
    let mut newfree = HashSet::new();
    let children = st.scopes[id].children.clone();
    for c in children {
        let mut g = newglobal.clone();
        let mut child_free = HashSet::new();
        analyze(st, c, &newbound, &mut g, &mut child_free)?;
        newfree.extend(child_free);
    }
    let scope = &mut st.scopes[id];
    if kind.is_function() {
        // Locals captured by inner scopes become cells.
        for n in &names {
            if scope.resolved.get(n) == Some(&NameScope::Local) && newfree.remove(n) {
                scope.resolved.insert(n.clone(), NameScope::Cell);
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        scope.needs_class_closure = true;
    }
    // Free names of children that pass through this scope.
    let mut pass: Vec<Name> = newfree.iter().cloned().collect();
    pass.sort();
    for n in pass {
        if let Some(f) = scope.flags.get_mut(&n) {
            if kind == ScopeKind::Class && *f & (DEF_BOUND | DEF_GLOBAL) != 0 {
                *f |= DEF_FREE_CLASS;
            }
            if scope.resolved.get(&n) == Some(&NameScope::GlobalImplicit) && bound.contains(&n) {
                scope.resolved.insert(n.clone(), NameScope::Free);
            }
            continue;
        }
        if !bound.contains(&n) {
            continue;
        }
        scope.order.push(n.clone());
        scope.flags.insert(n.clone(), 0);
        scope.resolved.insert(n.clone(), NameScope::Free);
    }
    free.extend(newfree);
    Ok(())
}
