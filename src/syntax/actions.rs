//! The grammar's actions: AST construction and the checks an LR(1) grammar
//! leaves to them (assignment targets, parameter order, call arguments,
//! string concatenation, patterns). Messages follow CPython 3.11.

use lalrpop_util::ParseError;

use super::ast::*;
use super::token::{StrLit, StrValue, Tok};
use crate::diag::SyntaxError;
use crate::source::Span;

/// What the parser returns: a module or an expression.
pub enum Top {
    Module(Module),
    Expr(Expr),
}

pub type PErr = ParseError<usize, Tok, SyntaxError>;
pub type R<T> = Result<T, PErr>;

fn err(msg: impl Into<String>, span: Span) -> PErr {
    ParseError::User {
        error: SyntaxError::syntax(msg, span),
    }
}

pub fn sp(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

// ---- argument-ish items ---------------------------------------------------

/// A call argument before validation.
pub enum Arg {
    Pos(Expr),
    /// An unparenthesized generator expression `f(x for x in y)`.
    Gen(Expr, Span),
    Kw(Name, Expr, Span),
    Star(Expr),
    StarStar(Expr, Span),
}

/// A parameter-list item before validation.
pub enum PItem {
    Param(Param),
    Slash(Span),
    /// `*` or `*args` (span of the whole item).
    Star(Option<Param>, Span),
    StarStar(Param, Span),
}

pub enum MapItem {
    Item(Expr, Pattern),
    Rest(Name, Span),
}

pub enum ClassArg {
    Pos(Pattern),
    Kw(Name, Pattern, Span),
}

// ---- statements -------------------------------------------------------------

pub fn module(stmts: Vec<Vec<Stmt>>) -> Module {
    Module {
        body: flatten(stmts),
    }
}

pub fn flatten(v: Vec<Vec<Stmt>>) -> Vec<Stmt> {
    v.into_iter().flatten().collect()
}

pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Stmt {
    Stmt::new(kind, sp(l, r))
}

fn end_of(body: &[Stmt], default: u32) -> u32 {
    body.last().map(|s| s.span.end).unwrap_or(default)
}

pub fn expr_stmt(e: Expr, l: usize, r: usize) -> Stmt {
    stmt(StmtKind::Expr(e), l, r)
}

pub fn raise(e: Option<(Expr, Option<Expr>)>, l: usize, r: usize) -> Stmt {
    let (exc, cause) = match e {
        Some((e, c)) => (Some(e), c),
        None => (None, None),
    };
    stmt(StmtKind::Raise { exc, cause }, l, r)
}

pub fn alias(name: Name, asname: Option<Name>, l: usize, r: usize) -> Alias {
    Alias {
        name,
        asname,
        span: sp(l, r),
    }
}

pub fn import_from(
    dots: Vec<u32>,
    module: Option<String>,
    names: Vec<Alias>,
    l: usize,
    r: usize,
) -> R<Stmt> {
    let level: u32 = dots.iter().sum();
    if level == 0 && module.is_none() {
        return Err(err("invalid syntax", sp(l, r)));
    }
    Ok(stmt(
        StmtKind::ImportFrom {
            module: module.map(Name::from),
            names,
            level,
        },
        l,
        r,
    ))
}

pub fn del(targets: Vec<Expr>, l: usize, r: usize) -> R<Stmt> {
    for t in &targets {
        check_target(t, Ctx::Del, true)?;
    }
    Ok(stmt(StmtKind::Del(targets), l, r))
}

pub fn assign(first: Expr, mut rest: Vec<Expr>, l: usize, r: usize) -> R<Stmt> {
    let value = rest.pop().expect("grammar gives at least one '='");
    if let ExprKind::Starred(_) = value.kind {
        return Err(err("can't use starred expression here", value.span));
    }
    let single = rest.is_empty();
    let mut targets = vec![first];
    targets.extend(rest);
    for t in &targets {
        if let ExprKind::Yield(_) | ExprKind::YieldFrom(_) = t.kind {
            return Err(err("assignment to yield expression not possible", t.span));
        }
        let ctx = if single { Ctx::Assign } else { Ctx::Chained };
        check_target(t, ctx, true)?;
    }
    Ok(stmt(StmtKind::Assign { targets, value }, l, r))
}

pub fn aug_assign(target: Expr, op: BinOp, value: Expr, l: usize, r: usize) -> R<Stmt> {
    match &target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        k => {
            return Err(err(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(k)
                ),
                target.span,
            ))
        }
    }
    Ok(stmt(StmtKind::AugAssign { target, op, value }, l, r))
}

pub fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> R<Stmt> {
    let simple = match &target.kind {
        // A parenthesized name `(x): int` starts after the statement does.
        ExprKind::Name(_) => target.span.start as usize == l,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        ExprKind::Tuple(_) => {
            return Err(err(
                "only single target (not tuple) can be annotated",
                target.span,
            ))
        }
        ExprKind::List(_) => {
            return Err(err(
                "only single target (not list) can be annotated",
                target.span,
            ))
        }
        _ => return Err(err("illegal target for annotation", target.span)),
    };
    Ok(stmt(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
        l,
        r,
    ))
}

pub fn if_stmt(
    l: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    // Build the elif chain from the inside out.
    let mut tail = orelse.unwrap_or_default();
    for (el, t, b) in elifs.into_iter().rev() {
        let end = end_of(&tail, end_of(&b, t.span.end));
        tail = vec![Stmt::new(
            StmtKind::If {
                test: t,
                body: b,
                orelse: tail,
            },
            Span::new(el, end as usize),
        )];
    }
    let end = end_of(&tail, end_of(&body, test.span.end));
    Stmt::new(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        Span::new(l, end as usize),
    )
}

pub fn while_stmt(l: usize, test: Expr, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let end = end_of(&orelse, end_of(&body, test.span.end));
    Stmt::new(
        StmtKind::While { test, body, orelse },
        Span::new(l, end as usize),
    )
}

pub fn for_stmt(
    l: usize,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
) -> R<Stmt> {
    check_target(&target, Ctx::For, true)?;
    let orelse = orelse.unwrap_or_default();
    let end = end_of(&orelse, end_of(&body, iter.span.end));
    Ok(Stmt::new(
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async: false,
        },
        Span::new(l, end as usize),
    ))
}

pub fn handler(
    l: usize,
    star: bool,
    t: Option<(Expr, Option<Name>)>,
    body: Vec<Stmt>,
) -> (ExceptHandler, bool) {
    let (typ, name) = match t {
        Some((e, n)) => (Some(e), n),
        None => (None, None),
    };
    let end = end_of(&body, l as u32);
    (
        ExceptHandler {
            typ,
            name,
            body,
            span: Span::new(l, end as usize),
        },
        star,
    )
}

pub fn try_stmt(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<(ExceptHandler, bool)>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> R<Stmt> {
    let is_star = handlers.first().is_some_and(|h| h.1);
    let mut hs = Vec::with_capacity(handlers.len());
    for (h, star) in handlers {
        if star != is_star {
            return Err(err(
                "cannot have both 'except' and 'except*' on the same 'try'",
                h.span,
            ));
        }
        if star && h.typ.is_none() {
            return Err(err("expected one or more exception types", h.span));
        }
        hs.push(h);
    }
    // A bare `except:` must be last.
    for h in hs.iter().take(hs.len().saturating_sub(1)) {
        if h.typ.is_none() {
            return Err(err("default 'except:' must be last", h.span));
        }
    }
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let mut end = end_of(&body, l as u32);
    if let Some(h) = hs.last() {
        end = h.span.end;
    }
    end = end_of(&finalbody, end_of(&orelse, end));
    Ok(Stmt::new(
        StmtKind::Try {
            body,
            handlers: hs,
            orelse,
            finalbody,
            is_star,
        },
        Span::new(l, end as usize),
    ))
}

pub fn with_item(context: Expr, target: Option<Expr>) -> R<WithItem> {
    if let Some(t) = &target {
        check_target(t, Ctx::With, true)?;
    }
    Ok(WithItem { context, target })
}

pub fn with_stmt(l: usize, items: Vec<WithItem>, body: Vec<Stmt>) -> Stmt {
    let end = end_of(&body, l as u32);
    Stmt::new(
        StmtKind::With {
            items,
            body,
            is_async: false,
        },
        Span::new(l, end as usize),
    )
}

pub fn param(
    name: Name,
    annotation: Option<Expr>,
    default: Option<Expr>,
    l: usize,
    r: usize,
) -> Param {
    Param {
        name,
        annotation,
        default,
        span: sp(l, r),
    }
}

/// Check the order of a parameter list and sort it into `Params`.
pub fn params(items: Vec<PItem>) -> R<Params> {
    let mut p = Params::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut star_span = None;
    let mut seen_default = false;
    let mut names: Vec<Name> = Vec::new();
    let n = items.len();
    let dup = |names: &mut Vec<Name>, prm: &Param| -> R<()> {
        if names.contains(&prm.name) {
            return Err(err(
                format!("duplicate argument '{}' in function definition", prm.name),
                prm.span,
            ));
        }
        names.push(prm.name.clone());
        Ok(())
    };
    for (i, item) in items.into_iter().enumerate() {
        if p.kwarg.is_some() {
            let s = match &item {
                PItem::Param(q) => q.span,
                PItem::Slash(s) | PItem::Star(_, s) | PItem::StarStar(_, s) => *s,
            };
            return Err(err("arguments cannot follow var-keyword argument", s));
        }
        match item {
            PItem::Param(q) => {
                dup(&mut names, &q)?;
                if seen_star {
                    p.kwonly.push(q);
                } else {
                    if q.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(err("non-default argument follows default argument", q.span));
                    }
                    p.args.push(q);
                }
            }
            PItem::Slash(s) => {
                if seen_slash {
                    return Err(err("/ may appear only once", s));
                }
                if seen_star {
                    return Err(err("/ must be ahead of *", s));
                }
                if p.args.is_empty() {
                    return Err(err("at least one argument must precede /", s));
                }
                seen_slash = true;
                p.posonly = std::mem::take(&mut p.args);
            }
            PItem::Star(q, s) => {
                if seen_star {
                    return Err(err("* argument may appear only once", s));
                }
                seen_star = true;
                if let Some(q) = q {
                    dup(&mut names, &q)?;
                    p.vararg = Some(q);
                } else {
                    star_span = Some(s);
                    // A bare `*` needs keyword-only parameters after it.
                    if i + 1 == n {
                        return Err(err("named arguments must follow bare *", s));
                    }
                }
            }
            PItem::StarStar(q, s) => {
                if q.default.is_some() {
                    return Err(err("var-keyword argument cannot have default value", s));
                }
                dup(&mut names, &q)?;
                if let (Some(ss), true) = (star_span, p.kwonly.is_empty()) {
                    return Err(err("named arguments must follow bare *", ss));
                }
                p.kwarg = Some(q);
            }
        }
    }
    Ok(p)
}

pub fn funcdef(
    l: usize,
    name: Name,
    items: Vec<PItem>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> R<Stmt> {
    let params = params(items)?;
    let end = end_of(&body, l as u32);
    let span = Span::new(l, end as usize);
    Ok(Stmt::new(
        StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            params,
            body,
            decorators: vec![],
            returns,
            is_async: false,
            span,
        })),
        span,
    ))
}

pub fn classdef(l: usize, name: Name, args: Option<(Vec<Arg>, usize)>, body: Vec<Stmt>) -> R<Stmt> {
    let (bases, keywords) = match args {
        Some((a, close)) => check_args(a, sp(close, close + 1))?,
        None => (vec![], vec![]),
    };
    let end = end_of(&body, l as u32);
    let span = Span::new(l, end as usize);
    Ok(Stmt::new(
        StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators: vec![],
            span,
        })),
        span,
    ))
}

pub fn decorate(decorators: Vec<Expr>, mut s: Stmt) -> Stmt {
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    s
}

pub fn make_async(mut s: Stmt, l: usize) -> Stmt {
    s.span.start = l as u32;
    match &mut s.kind {
        StmtKind::FunctionDef(f) => {
            f.is_async = true;
            f.span.start = l as u32;
        }
        StmtKind::For { is_async, .. } | StmtKind::With { is_async, .. } => *is_async = true,
        _ => {}
    }
    s
}

pub fn match_stmt(l: usize, subject: Expr, cases: Vec<MatchCase>) -> Stmt {
    let end = cases
        .last()
        .map(|c| end_of(&c.body, c.pattern.span.end))
        .unwrap_or(subject.span.end);
    Stmt::new(
        StmtKind::Match { subject, cases },
        Span::new(l, end as usize),
    )
}

// ---- targets ----------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Assign,
    /// A target of `a = b = c` (no "Maybe you meant '=='" hint).
    Chained,
    Del,
    For,
    With,
    Comp,
}

/// CPython's name for an expression kind in error messages.
fn expr_name(k: &ExprKind) -> &'static str {
    match k {
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Name(_) => "name",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Call { .. } => "function call",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Check that `e` can be assigned to (or deleted).
fn check_target(e: &Expr, ctx: Ctx, top: bool) -> R<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(v) | ExprKind::List(v) => {
            for x in v {
                check_target(x, ctx, false)?;
            }
            Ok(())
        }
        ExprKind::Starred(inner) if ctx != Ctx::Del => {
            if top && matches!(ctx, Ctx::Assign | Ctx::Chained) {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    e.span,
                ));
            }
            check_target(inner, ctx, false)
        }
        k => {
            let what = expr_name(k);
            let msg = match ctx {
                Ctx::Del => format!("cannot delete {what}"),
                Ctx::Assign
                    if top
                        && matches!(
                            k,
                            ExprKind::Constant(_)
                                | ExprKind::Call { .. }
                                | ExprKind::BinOp { .. }
                                | ExprKind::UnaryOp { .. }
                                | ExprKind::BoolOp { .. }
                                | ExprKind::Compare { .. }
                                | ExprKind::Attribute { .. }
                        )
                        && !matches!(k, ExprKind::Constant(Constant::None | Constant::Bool(_))) =>
                {
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
                }
                _ => format!("cannot assign to {what}"),
            };
            Err(err(msg, e.span))
        }
    }
}

// ---- expressions ------------------------------------------------------------

pub fn constant(c: Constant, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Constant(c), sp(l, r))
}

pub fn name(n: Name, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Name(n), sp(l, r))
}

pub fn tuple(mut v: Vec<Expr>, e: Option<Expr>, l: usize, r: usize) -> Expr {
    v.extend(e);
    Expr::new(ExprKind::Tuple(v), sp(l, r))
}

pub fn list(v: Vec<Expr>, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::List(v), sp(l, r))
}

pub fn set(v: Vec<Expr>, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Set(v), sp(l, r))
}

pub fn dict(items: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    Expr::new(ExprKind::Dict { keys, values }, sp(l, r))
}

pub fn paren(e: Expr, _l: usize, _r: usize) -> R<Expr> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(err("cannot use starred expression here", e.span));
    }
    Ok(e)
}

pub fn starred(e: Expr, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Starred(Box::new(e)), sp(l, r))
}

pub fn named(n: Name, v: Expr, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::NamedExpr {
            target: n,
            value: Box::new(v),
        },
        sp(l, r),
    )
}

pub fn ifexp(test: Expr, body: Expr, orelse: Expr, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::IfExp {
            test: Box::new(test),
            body: Box::new(body),
            orelse: Box::new(orelse),
        },
        sp(l, r),
    )
}

pub fn lambda(items: Vec<PItem>, body: Expr, l: usize, r: usize) -> R<Expr> {
    let params = params(items)?;
    Ok(Expr::new(
        ExprKind::Lambda {
            params: Box::new(params),
            body: Box::new(body),
        },
        sp(l, r),
    ))
}

pub fn boolop(op: BoolOpKind, first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    Expr::new(ExprKind::BoolOp { op, values }, sp(l, r))
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    Expr::new(
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
        sp(l, r),
    )
}

pub fn binop(a: Expr, op: BinOp, b: Expr, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::BinOp {
            left: Box::new(a),
            op,
            right: Box::new(b),
        },
        sp(l, r),
    )
}

pub fn unary(op: UnaryOp, e: Expr, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::UnaryOp {
            op,
            operand: Box::new(e),
        },
        sp(l, r),
    )
}

pub fn await_(e: Expr, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Await(Box::new(e)), sp(l, r))
}

pub fn yield_(e: Option<Expr>, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::Yield(e.map(Box::new)), sp(l, r))
}

pub fn yield_from(e: Expr, l: usize, r: usize) -> Expr {
    Expr::new(ExprKind::YieldFrom(Box::new(e)), sp(l, r))
}

pub fn attribute(v: Expr, attr: Name, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::Attribute {
            value: Box::new(v),
            attr,
        },
        sp(l, r),
    )
}

pub fn subscript(v: Expr, s: Expr, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::Subscript {
            value: Box::new(v),
            slice: Box::new(s),
        },
        sp(l, r),
    )
}

/// `a[*b]` subscripts with the tuple `(*b,)`, as CPython's AST has it.
pub fn lone_subscript(e: Expr) -> Expr {
    match e.kind {
        ExprKind::Starred(_) => {
            let span = e.span;
            Expr::new(ExprKind::Tuple(vec![e]), span)
        }
        _ => e,
    }
}

pub fn slice(lo: Option<Expr>, hi: Option<Expr>, st: Option<Expr>, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::Slice {
            lower: lo.map(Box::new),
            upper: hi.map(Box::new),
            step: st.map(Box::new),
        },
        sp(l, r),
    )
}

/// Split call arguments into positional and keyword lists, with CPython's
/// ordering checks. `close` is the closing parenthesis, where CPython
/// reports a positional argument after a keyword one (the token its parser
/// had looked at last).
fn check_args(args: Vec<Arg>, close: Span) -> R<(Vec<Expr>, Vec<Keyword>)> {
    if args.len() > 1 {
        if let Some(Arg::Gen(_, span)) = args.iter().find(|a| matches!(a, Arg::Gen(..))) {
            return Err(err("Generator expression must be parenthesized", *span));
        }
    }
    let mut pos = Vec::new();
    let mut kws: Vec<Keyword> = Vec::new();
    let mut seen_kw = false;
    let mut seen_kwunpack = false;
    for a in args {
        match a {
            Arg::Pos(e) | Arg::Gen(e, _) => {
                if seen_kwunpack {
                    return Err(err(
                        "positional argument follows keyword argument unpacking",
                        close,
                    ));
                }
                if seen_kw {
                    return Err(err("positional argument follows keyword argument", close));
                }
                pos.push(e);
            }
            Arg::Star(e) => {
                if seen_kwunpack {
                    return Err(err(
                        "iterable argument unpacking follows keyword argument unpacking",
                        e.span,
                    ));
                }
                pos.push(e);
            }
            Arg::Kw(name, value, span) => {
                if kws.iter().any(|k| k.arg.as_ref() == Some(&name)) {
                    return Err(err(format!("keyword argument repeated: {name}"), span));
                }
                seen_kw = true;
                kws.push(Keyword {
                    arg: Some(name),
                    value,
                    span,
                });
            }
            Arg::StarStar(value, span) => {
                seen_kwunpack = true;
                kws.push(Keyword {
                    arg: None,
                    value,
                    span,
                });
            }
        }
    }
    Ok((pos, kws))
}

pub fn call(f: Expr, args: Vec<Arg>, l: usize, r: usize) -> R<Expr> {
    let (args, keywords) = check_args(args, sp(r - 1, r))?;
    Ok(Expr::new(
        ExprKind::Call {
            func: Box::new(f),
            args,
            keywords,
        },
        sp(l, r),
    ))
}

pub fn comprehension(is_async: bool, target: Expr, iter: Expr, ifs: Vec<Expr>) -> R<Comprehension> {
    check_target(&target, Ctx::Comp, true)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        is_async,
    })
}

pub fn genexp(e: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::GeneratorExp {
            elt: Box::new(e),
            generators: c,
        },
        sp(l, r),
    )
}

pub fn listcomp(e: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::ListComp {
            elt: Box::new(e),
            generators: c,
        },
        sp(l, r),
    )
}

pub fn setcomp(e: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::SetComp {
            elt: Box::new(e),
            generators: c,
        },
        sp(l, r),
    )
}

pub fn dictcomp(k: Expr, v: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    Expr::new(
        ExprKind::DictComp {
            key: Box::new(k),
            value: Box::new(v),
            generators: c,
        },
        sp(l, r),
    )
}

// ---- strings ------------------------------------------------------------------

/// Join adjacent literals: str+str, bytes+bytes, f-strings with strs.
pub fn strings(parts: Vec<Box<StrLit>>, l: usize, r: usize) -> R<Expr> {
    let span = sp(l, r);
    let has_bytes = parts.iter().any(|p| matches!(p.value, StrValue::Bytes(_)));
    let all_bytes = parts.iter().all(|p| matches!(p.value, StrValue::Bytes(_)));
    if has_bytes && !all_bytes {
        return Err(err("cannot mix bytes and nonbytes literals", span));
    }
    if all_bytes {
        let mut out = Vec::new();
        for p in parts {
            if let StrValue::Bytes(b) = p.value {
                out.extend(b);
            }
        }
        return Ok(constant(Constant::Bytes(out.into()), l, r));
    }
    let any_f = parts.iter().any(|p| matches!(p.value, StrValue::F(_)));
    if !any_f {
        let mut out = String::new();
        for p in parts {
            if let StrValue::Str(s) = p.value {
                out.push_str(&s);
            }
        }
        return Ok(constant(Constant::Str(out.into()), l, r));
    }
    // An f-string: merge adjacent literal text.
    let mut values: Vec<Expr> = Vec::new();
    let mut lit = String::new();
    let mut lit_span: Option<Span> = None;
    let flush = |values: &mut Vec<Expr>, lit: &mut String, lit_span: &mut Option<Span>| {
        if let Some(s) = lit_span.take() {
            if !lit.is_empty() {
                values.push(Expr::new(
                    ExprKind::Constant(Constant::Str(std::mem::take(lit).into())),
                    s,
                ));
            }
        }
    };
    let add_lit = |s: &str, span: Span, lit: &mut String, lit_span: &mut Option<Span>| {
        lit.push_str(s);
        *lit_span = Some(lit_span.map_or(span, |x| x.to(span)));
    };
    for p in parts {
        match p.value {
            StrValue::Str(s) => add_lit(&s, p.span, &mut lit, &mut lit_span),
            StrValue::F(fparts) => {
                for part in fparts {
                    if let ExprKind::Constant(Constant::Str(s)) = &part.kind {
                        add_lit(s, part.span, &mut lit, &mut lit_span);
                    } else {
                        flush(&mut values, &mut lit, &mut lit_span);
                        values.push(part);
                    }
                }
            }
            StrValue::Bytes(_) => {}
        }
    }
    flush(&mut values, &mut lit, &mut lit_span);
    Ok(Expr::new(ExprKind::JoinedStr(values), span))
}

// ---- patterns -----------------------------------------------------------------

pub fn pattern_strings(parts: Vec<Box<StrLit>>, l: usize, r: usize) -> R<Expr> {
    let e = strings(parts, l, r)?;
    if let ExprKind::JoinedStr(_) = e.kind {
        return Err(err(
            "patterns may only match literals and attribute lookups",
            e.span,
        ));
    }
    Ok(e)
}

pub fn complex_literal(a: Expr, op: BinOp, b: Expr, l: usize, r: usize) -> R<Expr> {
    if !matches!(b.kind, ExprKind::Constant(Constant::Imaginary(_))) {
        return Err(err("imaginary number required in complex literal", b.span));
    }
    let real = match &a.kind {
        ExprKind::Constant(c) => c,
        ExprKind::UnaryOp { operand, .. } => match &operand.kind {
            ExprKind::Constant(c) => c,
            _ => &Constant::None,
        },
        _ => &Constant::None,
    };
    if matches!(real, Constant::Imaginary(_)) {
        return Err(err("real number required in complex literal", a.span));
    }
    Ok(binop(a, op, b, l, r))
}

pub fn literal_pattern(e: Expr, l: usize, r: usize) -> Pattern {
    let kind = match &e.kind {
        ExprKind::Constant(c @ (Constant::None | Constant::Bool(_))) => {
            PatternKind::Singleton(c.clone())
        }
        _ => PatternKind::Value(e),
    };
    Pattern::new(kind, sp(l, r))
}

pub fn name_pattern(e: Expr, l: usize, r: usize) -> Pattern {
    let kind = match &e.kind {
        ExprKind::Name(n) if &**n == "_" => PatternKind::As {
            pattern: None,
            name: None,
        },
        ExprKind::Name(n) => PatternKind::As {
            pattern: None,
            name: Some(n.clone()),
        },
        _ => PatternKind::Value(e),
    };
    Pattern::new(kind, sp(l, r))
}

pub fn star_pattern(n: Name, l: usize, r: usize) -> Pattern {
    let name = if &*n == "_" { None } else { Some(n) };
    Pattern::new(PatternKind::Star(name), sp(l, r))
}

pub fn seq_pattern(mut v: Vec<Pattern>, e: Option<Pattern>, l: usize, r: usize) -> R<Pattern> {
    v.extend(e);
    let stars = v
        .iter()
        .filter(|p| matches!(p.kind, PatternKind::Star(_)))
        .count();
    if stars > 1 {
        return Err(err("multiple starred names in sequence pattern", sp(l, r)));
    }
    Ok(Pattern::new(PatternKind::Sequence(v), sp(l, r)))
}

pub fn as_pattern(p: Pattern, n: Name, l: usize, r: usize) -> R<Pattern> {
    if &*n == "_" {
        return Err(err("cannot use '_' as a target", sp(l, r)));
    }
    Ok(Pattern::new(
        PatternKind::As {
            pattern: Some(Box::new(p)),
            name: Some(n),
        },
        sp(l, r),
    ))
}

pub fn or_pattern(first: Pattern, rest: Vec<Pattern>, l: usize, r: usize) -> Pattern {
    let mut v = vec![first];
    v.extend(rest);
    Pattern::new(PatternKind::Or(v), sp(l, r))
}

pub fn mapping_pattern(items: Vec<MapItem>, l: usize, r: usize) -> R<Pattern> {
    let mut keys = Vec::new();
    let mut patterns = Vec::new();
    let mut rest = None;
    for it in items {
        if rest.is_some() {
            return Err(err("invalid syntax", sp(l, r)));
        }
        match it {
            MapItem::Item(k, p) => {
                if let ExprKind::Name(_) = k.kind {
                    return Err(err("invalid syntax", k.span));
                }
                keys.push(k);
                patterns.push(p);
            }
            MapItem::Rest(n, _) => rest = Some(n),
        }
    }
    Ok(Pattern::new(
        PatternKind::Mapping {
            keys,
            patterns,
            rest,
        },
        sp(l, r),
    ))
}

pub fn class_pattern(cls: Expr, args: Vec<ClassArg>, l: usize, r: usize) -> R<Pattern> {
    let mut patterns = Vec::new();
    let mut kwd_attrs: Vec<Name> = Vec::new();
    let mut kwd_patterns = Vec::new();
    for a in args {
        match a {
            ClassArg::Pos(p) => {
                if !kwd_attrs.is_empty() {
                    return Err(err("positional patterns follow keyword patterns", p.span));
                }
                patterns.push(p);
            }
            ClassArg::Kw(n, p, s) => {
                if kwd_attrs.contains(&n) {
                    return Err(err(
                        format!("attribute name repeated in class pattern: {n}"),
                        s,
                    ));
                }
                kwd_attrs.push(n);
                kwd_patterns.push(p);
            }
        }
    }
    Ok(Pattern::new(
        PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        },
        sp(l, r),
    ))
}
