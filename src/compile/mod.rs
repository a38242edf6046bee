//! AST -> bytecode.
//!
//! Two passes: `scope` builds the symbol table (CPython's symtable rules),
//! then codegen (`stmt`, `expr`, `pattern`) walks the tree once per code
//! object, emitting `Op`s with label placeholders that `finish_unit` patches
//! to absolute indices. `stack` verifies the stack discipline of every code
//! object and computes `max_stack`.
//!
//! Exception handling uses the VM's block stack (`SetupExcept`/`PopBlock`);
//! `return`/`break`/`continue` unwind the compiler's "fblock" stack the way
//! CPython's `compiler_unwind_fblock` does.

mod expr;
mod fuse;
mod pattern;
pub mod scope;
pub mod stack;
mod stmt;

use std::rc::Rc;

use crate::bytecode::code::{flags, Anchor, Loc};
use crate::bytecode::{CodeObject, Const, Op};
use crate::diag::SyntaxError;
use crate::source::{SourceFile, Span};
use crate::syntax::ast::{self, Expr, Name, Stmt};

use scope::{mangle, NameScope, ScopeId, ScopeKind, SymbolTable};

/// What the compiled module code does with expression statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A file: expression statements discard their value.
    Module,
    /// The REPL: expression statements emit `PrintExpr`; top-level `await` is allowed.
    Interactive,
    /// A single expression statement whose value is returned.
    Eval,
}

/// Compile a parsed module to its code object.
pub fn compile(
    module: &ast::Module,
    file: &SourceFile,
    mode: Mode,
) -> Result<Rc<CodeObject>, SyntaxError> {
    compile_with(module, file, mode, false)
}

/// `compile` with `from __future__ import annotations` already in effect
/// (the flag `compile()` passes); the module's own future import also
/// turns it on.
pub fn compile_with(
    module: &ast::Module,
    file: &SourceFile,
    mode: Mode,
    future_annotations: bool,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let future = future_annotations || has_future_annotations(&module.body);
    let st = scope::build(&module.body, mode == Mode::Interactive, future)?;
    let mut c = Compiler::new(file, st, mode);
    c.future_annotations = future;
    c.module(&module.body)
}

/// Whether the module's leading `from __future__ import ...` statements
/// (after the docstring) name `annotations`.
fn has_future_annotations(body: &[Stmt]) -> bool {
    let rest = match docstring(body) {
        Some(_) => &body[1..],
        None => body,
    };
    for s in rest {
        match &s.kind {
            ast::StmtKind::ImportFrom {
                module: Some(m),
                names,
                level: 0,
            } if &**m == "__future__" => {
                if names.iter().any(|a| &*a.name == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Compile a lone expression (for `eval()`): the code returns its value.
pub fn compile_expr(expr: &Expr, file: &SourceFile) -> Result<Rc<CodeObject>, SyntaxError> {
    let st = scope::build_expr(expr)?;
    let mut c = Compiler::new(file, st, Mode::Eval);
    c.enter_unit(0, "<module>".into(), "<module>".into(), expr.span);
    c.expr(expr)?;
    c.emit(Op::ReturnValue);
    Ok(Rc::new(c.finish_unit()?))
}

/// Whether a module or class body holds an annotated assignment (outside
/// nested functions and classes): it then starts with SetupAnnotations.
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    use ast::StmtKind as K;
    body.iter().any(|s| match &s.kind {
        K::AnnAssign { .. } => true,
        K::For { body, orelse, .. } | K::While { body, orelse, .. } => {
            find_ann(body) || find_ann(orelse)
        }
        K::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        K::With { body, .. } => find_ann(body),
        K::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            find_ann(body)
                || handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(orelse)
                || find_ann(finalbody)
        }
        K::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// A jump target placeholder; `finish_unit` replaces it by an instruction index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// The compiler's record of an enclosing construct that `return`, `break` and
/// `continue` must unwind (CPython's fblockinfo).
#[derive(Debug, Clone)]
pub(crate) enum FBlock<'a> {
    While {
        start: Label,
        end: Label,
    },
    /// `for` and `async for`: the iterator is on the stack.
    For {
        start: Label,
        end: Label,
    },
    /// Body of a `try` with an active handler block.
    TryExcept,
    /// Body of a `try` with a `finally`: the finally body is inlined on exit.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// The finally body running on the exception path: `[.., prev, exc]` + block.
    FinallyEnd,
    /// Body of a `with`: `[.., exit]` + block.
    With {
        is_async: bool,
    },
    /// Body of an `except` handler: `[.., prev]` + block; the name is cleared on exit.
    Handler {
        name: Option<Name>,
    },
    /// Body of an `except*` handler: leaving it with break/continue/return is an error.
    StarHandler,
    /// A return value kept on the stack while a finally body is inlined.
    PopValue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub code: CodeObject,
    pub labels: Vec<u32>,
    pub fblocks: Vec<FBlock<'a>>,
    pub line: u32,
    /// The source range the next instructions belong to (the innermost
    /// statement or expression being compiled, as CPython's SET_LOC).
    pub loc: Span,
}

/// A unit's saved line and range, restored after a nested node.
#[derive(Clone, Copy)]
pub(crate) struct SavedLoc {
    line: u32,
    loc: Span,
}

pub(crate) struct Compiler<'a> {
    pub file: &'a SourceFile,
    pub st: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub depth: u32,
    pub mode: Mode,
    /// Interactive mode used `await`, `async for` or `async with` at top level.
    pub top_await: bool,
    /// `from __future__ import annotations`: annotations are stored as
    /// their source text, never evaluated.
    pub future_annotations: bool,
}

const UNBOUND: u32 = u32::MAX;

impl<'a> Compiler<'a> {
    fn new(file: &'a SourceFile, st: SymbolTable, mode: Mode) -> Compiler<'a> {
        Compiler {
            file,
            st,
            units: Vec::new(),
            depth: 0,
            mode,
            top_await: false,
            future_annotations: false,
        }
    }

    fn module(&mut self, body: &'a [Stmt]) -> Result<Rc<CodeObject>, SyntaxError> {
        let span = body.first().map(|s| s.span).unwrap_or_default();
        self.enter_unit(0, "<module>".into(), "<module>".into(), span);
        if self.mode == Mode::Eval {
            match body {
                [Stmt {
                    kind: ast::StmtKind::Expr(e),
                    ..
                }] => {
                    self.expr(e)?;
                    self.emit(Op::ReturnValue);
                    return Ok(Rc::new(self.finish_unit()?));
                }
                _ => {
                    return Err(SyntaxError::syntax("invalid syntax", span));
                }
            }
        }
        let mut rest = body;
        if find_ann(body) {
            self.emit(Op::SetupAnnotations);
        }
        if let Some(doc) = docstring(body) {
            if self.mode == Mode::Module {
                self.set_line(body[0].span);
                let c = self.add_const(Const::Str(doc.clone()));
                self.emit(Op::LoadConst(c));
                self.store_name_raw("__doc__");
                self.unit().code.doc = Some(doc);
                rest = &body[1..];
            }
        }
        self.stmts(rest)?;
        self.emit_none();
        self.emit(Op::ReturnValue);
        if self.st.scopes[0].is_coroutine || self.top_await {
            self.unit().code.flags |= flags::COROUTINE;
        }
        Ok(Rc::new(self.finish_unit()?))
    }

    // ---- units ----------------------------------------------------------

    pub(crate) fn enter_unit(&mut self, scope: ScopeId, name: Name, qualname: Name, span: Span) {
        let s = &self.st.scopes[scope];
        let mut code = CodeObject {
            name,
            qualname,
            filename: self.file.name.as_str().into(),
            firstlineno: self.file.line_of(span.start),
            ..Default::default()
        };
        code.cellvars = s.cellvars();
        code.freevars = s.freevars();
        let mut fl = 0;
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => fl |= flags::NAMESPACE,
            _ => {
                code.varnames = s.params.clone();
                if s.has_varargs {
                    fl |= flags::VARARGS;
                }
                if s.has_varkw {
                    fl |= flags::VARKEYWORDS;
                }
                let gen = s.is_generator;
                let asy = s.is_async || s.is_coroutine;
                fl |= match (gen, asy) {
                    (true, true) => flags::ASYNC_GENERATOR,
                    (true, false) => flags::GENERATOR,
                    (false, true) => flags::COROUTINE,
                    (false, false) => 0,
                };
            }
        }
        code.flags = fl;
        code.cell2arg = code
            .cellvars
            .iter()
            .map(|c| code.varnames.iter().position(|v| v == c).map(|i| i as u32))
            .collect();
        let line = code.firstlineno;
        self.units.push(Unit {
            scope,
            code,
            labels: Vec::new(),
            fblocks: Vec::new(),
            line,
            loc: span,
        });
    }

    /// Patch labels, verify the stack and return the finished code object.
    pub(crate) fn finish_unit(&mut self) -> Result<CodeObject, SyntaxError> {
        let unit = self.units.pop().expect("unit");
        let mut code = unit.code;
        for op in code.ops.iter_mut() {
            if let Some(l) = op.jump_target() {
                let t = unit.labels[l as usize];
                debug_assert!(t != UNBOUND, "unbound label");
                op.set_jump_target(t);
            }
        }
        match stack::verify(&code) {
            Ok(m) => code.max_stack = m,
            Err(e) => {
                debug_assert!(false, "stack check failed: {e}");
                code.max_stack = 1024;
            }
        }
        fuse::fuse(&mut code.ops);
        Ok(code)
    }

    pub(crate) fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit")
    }

    pub(crate) fn cur_scope(&self) -> &scope::Scope {
        &self.st.scopes[self.units.last().expect("unit").scope]
    }

    // ---- emission -------------------------------------------------------

    pub(crate) fn emit(&mut self, op: Op) {
        let u = self.unit();
        let line = u.line;
        let loc = Loc {
            start: u.loc.start,
            end: u.loc.end,
        };
        u.code.ops.push(op);
        u.code.lines.push(line);
        u.code.locs.push(loc);
    }

    /// The following instructions belong to `span` (its first line and its
    /// range); returns what to restore after it.
    pub(crate) fn set_line(&mut self, span: Span) -> SavedLoc {
        let line = self.file.line_of(span.start);
        let u = self.unit();
        let old = SavedLoc {
            line: u.line,
            loc: u.loc,
        };
        u.line = line;
        u.loc = span;
        old
    }

    pub(crate) fn restore_line(&mut self, saved: SavedLoc) {
        let u = self.unit();
        u.line = saved.line;
        u.loc = saved.loc;
    }

    /// Record the operator anchor of the instruction just emitted: the
    /// first non-blank character after `left_end` (two if the operator is
    /// two characters), as CPython 3.11's traceback finds a BinOp's.
    pub(crate) fn anchor_binop(&mut self, left_end: u32, right_start: u32) {
        let text = self.file.text.as_bytes();
        let mut i = left_end as usize;
        let stop = (right_start as usize).min(text.len());
        while i < stop {
            let c = text[i];
            if c == b' ' || c == b'\t' || c == b'\x0c' || c == b'\n' || c == b'\r' || c == b'\\' {
                i += 1;
                continue;
            }
            let mut right = i + 1;
            if right < stop && !matches!(text[right], b' ' | b'\t' | b'\x0c' | b'\n' | b'\r') {
                right += 1;
            }
            // A ')' closing the left operand is not the operator.
            if c == b')' {
                i += 1;
                continue;
            }
            self.push_anchor(i as u32, right as u32);
            return;
        }
    }

    /// Record a subscript's anchor for the instruction just emitted: from
    /// the `[` after the value to the `]` after the index, inclusive.
    pub(crate) fn anchor_subscr(&mut self, value_end: u32, slice_end: u32, end: u32) {
        let text = self.file.text.as_bytes();
        let end = (end as usize).min(text.len());
        let mut l = value_end as usize;
        while l < end && text[l] != b'[' {
            l += 1;
        }
        // CPython starts one past the index's end (so `a[b[i]]` finds no
        // second `]` and runs to the end of the range).
        let mut r = slice_end as usize + 1;
        while r < end && text[r] != b']' {
            r += 1;
        }
        if r < end {
            r += 1;
        }
        self.push_anchor(l as u32, r as u32);
    }

    fn push_anchor(&mut self, left: u32, right: u32) {
        let code = &mut self.unit().code;
        let ip = code.ops.len().saturating_sub(1) as u32;
        code.anchors.push(Anchor { ip, left, right });
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(UNBOUND);
        Label(u.labels.len() as u32 - 1)
    }

    pub(crate) fn bind(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = u.code.ops.len() as u32;
    }

    /// Emit a jump-family op to a label (`mk` builds the op from the label id).
    pub(crate) fn jump(&mut self, mk: fn(u32) -> Op, l: Label) {
        self.emit(mk(l.0));
    }

    pub(crate) fn add_const(&mut self, c: Const) -> u32 {
        let consts = &mut self.unit().code.consts;
        if !matches!(c, Const::Code(_)) {
            if let Some(i) = consts.iter().position(|x| const_same(x, &c)) {
                return i as u32;
            }
        }
        consts.push(c);
        consts.len() as u32 - 1
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst(i));
    }

    pub(crate) fn emit_none(&mut self) {
        self.load_const(Const::None);
    }

    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        let names = &mut self.unit().code.names;
        if let Some(i) = names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        names.push(name.into());
        names.len() as u32 - 1
    }

    fn varname_index(&mut self, name: &Name) -> u32 {
        let v = &mut self.unit().code.varnames;
        if let Some(i) = v.iter().position(|n| n == name) {
            return i as u32;
        }
        v.push(name.clone());
        v.len() as u32 - 1
    }

    fn cell_index(&mut self, name: &str) -> Option<u32> {
        let code = &self.unit().code;
        if let Some(i) = code.cellvars.iter().position(|n| &**n == name) {
            return Some(i as u32);
        }
        code.freevars
            .iter()
            .position(|n| &**n == name)
            .map(|i| (i + code.cellvars.len()) as u32)
    }

    pub(crate) fn mangle(&self, name: &Name) -> Name {
        mangle(self.cur_scope().private.as_ref(), name)
    }

    /// `StoreName` of a compiler-chosen name (`__doc__`, `__module__`, ...).
    pub(crate) fn store_name_raw(&mut self, name: &str) {
        let i = self.name_index(name);
        self.emit(Op::StoreName(i));
    }

    /// Load, store or delete a variable by the scope rules.
    pub(crate) fn name_op(&mut self, name: &Name, ctx: NameCtx) {
        let name = self.mangle(name);
        let s = self.cur_scope();
        let kind = s.kind;
        let sc = s.scope_of(&name);
        #[derive(PartialEq)]
        enum K {
            Fast,
            Deref,
            Global,
            Name,
        }
        let k = match sc {
            Some(NameScope::Free) | Some(NameScope::Cell) => K::Deref,
            Some(NameScope::Local) if kind.is_function() => K::Fast,
            Some(NameScope::GlobalImplicit) if kind.is_function() => K::Global,
            Some(NameScope::GlobalExplicit) => K::Global,
            None if kind.is_function() => K::Global,
            _ => K::Name,
        };
        let op = match k {
            K::Fast => {
                let i = self.varname_index(&name);
                match ctx {
                    NameCtx::Load => Op::LoadFast(i),
                    NameCtx::Store => Op::StoreFast(i),
                    NameCtx::Del => Op::DeleteFast(i),
                }
            }
            K::Deref => {
                let i = self.cell_index(&name).expect("cell or free variable");
                match ctx {
                    NameCtx::Load if kind == ScopeKind::Class => Op::LoadClassDeref(i),
                    NameCtx::Load => Op::LoadDeref(i),
                    NameCtx::Store => Op::StoreDeref(i),
                    NameCtx::Del => Op::DeleteDeref(i),
                }
            }
            K::Global => {
                let i = self.name_index(&name);
                match ctx {
                    NameCtx::Load => Op::LoadGlobal(i),
                    NameCtx::Store => Op::StoreGlobal(i),
                    NameCtx::Del => Op::DeleteGlobal(i),
                }
            }
            K::Name => {
                let i = self.name_index(&name);
                match ctx {
                    NameCtx::Load => Op::LoadName(i),
                    NameCtx::Store => Op::StoreName(i),
                    NameCtx::Del => Op::DeleteName(i),
                }
            }
        };
        self.emit(op);
    }

    /// Recursion guard shared by statements and expressions.
    pub(crate) fn enter_depth(&mut self, span: Span) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > scope::MAX_DEPTH {
            return Err(scope::recursion_error(span));
        }
        Ok(())
    }

    /// `__qualname__` of a function or class defined in the current unit.
    pub(crate) fn qualname_for(&self, name: &Name) -> Name {
        if self.units.len() <= 1 {
            return name.clone();
        }
        let parent = self.units.last().expect("unit");
        let ps = &self.st.scopes[parent.scope];
        let mangled = mangle(ps.private.as_ref(), name);
        if ps.scope_of(&mangled) == Some(NameScope::GlobalExplicit) {
            return name.clone();
        }
        if ps.kind.is_function() {
            format!("{}.<locals>.{}", parent.code.qualname, name).into()
        } else {
            format!("{}.{}", parent.code.qualname, name).into()
        }
    }

    /// Push a closure (if the code has free variables) and make the function.
    pub(crate) fn make_closure(&mut self, code: CodeObject, mut fn_flags: u32) {
        if !code.freevars.is_empty() {
            for fv in &code.freevars {
                let i = self
                    .cell_index(fv)
                    .expect("closure variable in enclosing scope");
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            fn_flags |= crate::bytecode::op::make_fn::CLOSURE;
        }
        self.load_const(Const::Code(Rc::new(code)));
        self.emit(Op::MakeFunction(fn_flags));
    }

    /// Whether `await` (and async for/with) is allowed here; else the error text.
    pub(crate) fn check_await(&mut self, what: &str, span: Span) -> Result<(), SyntaxError> {
        let s = self.cur_scope();
        let top_level = self.mode == Mode::Interactive && s.kind == ScopeKind::Module;
        if top_level {
            self.top_await = true;
            return Ok(());
        }
        let s = self.cur_scope();
        match s.kind {
            ScopeKind::Function if s.is_async => Ok(()),
            ScopeKind::Comprehension(_) if what == "await" => Ok(()),
            ScopeKind::Comprehension(_) if self.comprehension_in_async() => Ok(()),
            ScopeKind::Module | ScopeKind::Class if what == "await" => {
                Err(SyntaxError::syntax("'await' outside function", span))
            }
            _ => Err(SyntaxError::syntax(
                format!("'{what}' outside async function"),
                span,
            )),
        }
    }

    fn comprehension_in_async(&self) -> bool {
        for u in self.units.iter().rev() {
            let s = &self.st.scopes[u.scope];
            match s.kind {
                ScopeKind::Comprehension(_) => continue,
                ScopeKind::Function => return s.is_async,
                ScopeKind::Module => return self.mode == Mode::Interactive,
                _ => return false,
            }
        }
        false
    }
}

/// Const identity for de-duplication: floats compare by bits (so `0.0` and
/// `-0.0` stay distinct), and `1`, `1.0` and `True` are different variants.
fn const_same(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Complex(a1, a2), Const::Complex(b1, b2)) => {
            a1.to_bits() == b1.to_bits() && a2.to_bits() == b2.to_bits()
        }
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_same(p, q))
        }
        (Const::Code(_), _) | (_, Const::Code(_)) => false,
        _ => a == b,
    }
}

/// The docstring of a body: its first statement, if a plain string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<Name> {
    match body.first().map(|s| &s.kind) {
        Some(ast::StmtKind::Expr(Expr {
            kind: ast::ExprKind::Constant(ast::Constant::Str(s)),
            ..
        })) => Some(s.clone()),
        _ => None,
    }
}
