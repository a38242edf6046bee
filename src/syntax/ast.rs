//! The abstract syntax tree: plain data with byte spans.
//!
//! The grammar's actions build these through the small constructor helpers at
//! the bottom of this file, so the grammar stays one line per action. Nothing
//! here knows about scopes or bytecode; `compile` reads the tree, the VM never
//! does.

use crate::source::Span;

/// A name as written in the source (identifiers are short; `Rc<str>` keeps
/// clones of the tree cheap for the compiler's two passes).
pub type Name = std::rc::Rc<str>;

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: every target receives the same value, left to right.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `x: int = 3`; `value` is None for a bare annotation.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        /// True for a plain name target not in parentheses (CPython stores
        /// those in `__annotations__` at module and class level).
        simple: bool,
    },
    Del(Vec<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b.c as d, e`
    Import(Vec<Alias>),
    /// `from ..pkg.mod import a as b, c` (`level` = number of leading dots;
    /// `module` is None for `from . import x`; names = [`*`] for star import).
    ImportFrom {
        module: Option<Name>,
        names: Vec<Alias>,
        level: u32,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        /// `except*` handlers (all handlers of one try are the same kind).
        is_star: bool,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Dotted name for `import`, plain name for `from ... import`, `*` for star.
    pub name: Name,
    pub asname: Option<Name>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// None for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: Name,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub name: Name,
    pub bases: Vec<Expr>,
    /// `metaclass=...` and other class keywords.
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub span: Span,
}

/// A parameter list: `def f(a, b=1, /, c=2, *args, d, e=3, **kw)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    pub posonly: Vec<Param>,
    /// Positional-or-keyword parameters.
    pub args: Vec<Param>,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: Name,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    /// A literal or dotted-name value pattern, compared with `==`
    /// (`None`/`True`/`False` compare with `is`, see `Singleton`).
    Value(Expr),
    Singleton(Constant),
    /// `[a, *rest, b]` / `(a, b)`; at most one `Star`.
    Sequence(Vec<Pattern>),
    /// `*rest` inside a sequence pattern (None for `*_`).
    Star(Option<Name>),
    /// `{"k": p, **rest}`
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Name>,
    },
    /// `Point(x, y=0)`
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Name>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `p as name`, or a bare capture `name` (pattern None), or `_` (both None).
    As {
        pattern: Option<Box<Pattern>>,
        name: Option<Name>,
    },
    Or(Vec<Pattern>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Constant(Constant),
    Name(Name),
    /// `a and b and c` / `a or b`
    BoolOp {
        op: BoolOpKind,
        values: Vec<Expr>,
    },
    /// `(x := value)`
    NamedExpr {
        target: Name,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **other}`: a None key marks a `**other` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await(Box<Expr>),
    /// `yield` / `yield value`
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `a < b <= c`: `ops.len() == comparators.len()`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// Positional args may contain `Starred`; keywords with `arg: None` are `**kw`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// An f-string: literal parts and `FormattedValue`s, concatenated.
    JoinedStr(Vec<Expr>),
    /// `{value!conversion:format_spec}`; `format_spec` is a `JoinedStr`.
    FormattedValue {
        value: Box<Expr>,
        /// b's', b'r', b'a' or None.
        conversion: Option<char>,
        format_spec: Option<Box<Expr>>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
    },
    Starred(Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `lower:upper:step`, only inside a subscript (possibly inside a Tuple).
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// Fits in i64.
    Int(i64),
    /// Decimal digits of an integer literal too big for i64 (already
    /// stripped of `_` and converted to base 10).
    BigInt(Name),
    Float(f64),
    /// The imaginary part of a complex literal `3j`.
    Imaginary(f64),
    Str(Name),
    Bytes(std::rc::Rc<[u8]>),
    Ellipsis,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// None for `**mapping`.
    pub arg: Option<Name>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOpKind {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

// ---- constructors used by the grammar's actions -------------------------

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt { kind, span }
    }
}

impl Pattern {
    pub fn new(kind: PatternKind, span: Span) -> Pattern {
        Pattern { kind, span }
    }
}

// ---- dropping deep trees -------------------------------------------------

/// Dropping an expression never recurses: a left-nested `1+1+...+1` of a
/// million terms (or a long attribute/call chain) is a million-deep Box
/// chain, and the derived drop glue would overflow the Rust stack. Children
/// are moved onto an explicit work stack instead (STYLE habit 12).
impl Drop for Expr {
    fn drop(&mut self) {
        if matches!(self.kind, ExprKind::Constant(_) | ExprKind::Name(_)) {
            return;
        }
        let mut stack: Vec<Expr> = Vec::new();
        take_children(&mut self.kind, &mut stack);
        while let Some(mut e) = stack.pop() {
            take_children(&mut e.kind, &mut stack);
            // `e` now has no children and drops shallowly here.
        }
    }
}

fn take_params(p: Params, out: &mut Vec<Expr>) {
    let Params {
        posonly,
        args,
        vararg,
        kwonly,
        kwarg,
    } = p;
    for prm in posonly
        .into_iter()
        .chain(args)
        .chain(vararg)
        .chain(kwonly)
        .chain(kwarg)
    {
        out.extend(prm.annotation);
        out.extend(prm.default);
    }
}

fn take_comps(gens: Vec<Comprehension>, out: &mut Vec<Expr>) {
    for c in gens {
        out.push(c.target);
        out.push(c.iter);
        out.extend(c.ifs);
    }
}

/// Move the child expressions of `kind` onto `out`, leaving a leaf behind.
fn take_children(kind: &mut ExprKind, out: &mut Vec<Expr>) {
    if matches!(kind, ExprKind::Constant(_) | ExprKind::Name(_)) {
        return;
    }
    let k = std::mem::replace(kind, ExprKind::Constant(Constant::None));
    match k {
        ExprKind::Constant(_) | ExprKind::Name(_) => {}
        ExprKind::BoolOp { values, .. } => out.extend(values),
        ExprKind::NamedExpr { value, .. } => out.push(*value),
        ExprKind::BinOp { left, right, .. } => {
            out.push(*left);
            out.push(*right);
        }
        ExprKind::UnaryOp { operand, .. } => out.push(*operand),
        ExprKind::Lambda { params, body } => {
            take_params(*params, out);
            out.push(*body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push(*test);
            out.push(*body);
            out.push(*orelse);
        }
        ExprKind::Dict { keys, values } => {
            out.extend(keys.into_iter().flatten());
            out.extend(values);
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => {
            out.extend(v)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            out.push(*elt);
            take_comps(generators, out);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push(*key);
            out.push(*value);
            take_comps(generators, out);
        }
        ExprKind::Await(e) | ExprKind::YieldFrom(e) | ExprKind::Starred(e) => out.push(*e),
        ExprKind::Yield(e) => out.extend(e.map(|b| *b)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            out.push(*left);
            out.extend(comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            out.push(*func);
            out.extend(args);
            out.extend(keywords.into_iter().map(|k| k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            out.push(*value);
            out.extend(format_spec.map(|b| *b));
        }
        ExprKind::Attribute { value, .. } => out.push(*value),
        ExprKind::Subscript { value, slice } => {
            out.push(*value);
            out.push(*slice);
        }
        ExprKind::Slice { lower, upper, step } => {
            out.extend(lower.map(|b| *b));
            out.extend(upper.map(|b| *b));
            out.extend(step.map(|b| *b));
        }
    }
}
