//! Front-end tests: layout tokens, strings, precedence, errors, limits, and
//! the conformance corpus.

use weft::diag::SyntaxKind;
use weft::syntax::{self, ast::*};

/// Every case of a conformance folder parses: the crate's own copy (which
/// must exist) and ../shared's when that is present.
fn corpus(folder: &str) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let own = root.join("tests/conformance").join(folder);
    assert!(own.is_dir(), "{} is missing", own.display());
    for dir in [own, root.join("../shared/conformance").join(folder)] {
        if dir.is_dir() {
            corpus_dir(&dir);
        }
    }
}

fn corpus_dir(dir: &std::path::Path) {
    let rd = std::fs::read_dir(dir).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in rd.flatten() {
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        n += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        if let Err(e) = syntax::parse(&text) {
            let line = text[..(e.span.start as usize).min(text.len())]
                .matches('\n')
                .count()
                + 1;
            failures.push(format!("{}:{line}: {e}", p.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{n} files, failures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn corpus_core() {
    corpus("core");
}

#[test]
fn corpus_asyncio() {
    corpus("asyncio");
}

// ---- a compact s-expression printer ------------------------------------------

fn c(k: &Constant) -> String {
    match k {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(s) => s.to_string(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Imaginary(f) => format!("{f:?}j"),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Ellipsis => "...".into(),
    }
}

fn list(v: &[Expr]) -> String {
    v.iter().map(e).collect::<Vec<_>>().join(" ")
}

fn comps(g: &[Comprehension]) -> String {
    g.iter()
        .map(|c| {
            let ifs: String = c.ifs.iter().map(|i| format!(" (if {})", e(i))).collect();
            let a = if c.is_async { "async-for" } else { "for" };
            format!("({a} {} {}{ifs})", e(&c.target), e(&c.iter))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn opt(x: &Option<Box<Expr>>) -> String {
    x.as_ref().map(|x| e(x)).unwrap_or_else(|| "_".into())
}

fn params(p: &Params) -> String {
    let one = |p: &Param| {
        let mut s = p.name.to_string();
        if let Some(a) = &p.annotation {
            s += &format!(":{}", e(a));
        }
        if let Some(d) = &p.default {
            s += &format!("={}", e(d));
        }
        s
    };
    let mut parts: Vec<String> = p.posonly.iter().map(one).collect();
    if !p.posonly.is_empty() {
        parts.push("/".into());
    }
    parts.extend(p.args.iter().map(one));
    if let Some(v) = &p.vararg {
        parts.push(format!("*{}", one(v)));
    } else if !p.kwonly.is_empty() {
        parts.push("*".into());
    }
    parts.extend(p.kwonly.iter().map(one));
    if let Some(k) = &p.kwarg {
        parts.push(format!("**{}", one(k)));
    }
    format!("[{}]", parts.join(" "))
}

fn e(x: &Expr) -> String {
    match &x.kind {
        ExprKind::Constant(k) => c(k),
        ExprKind::Name(n) => n.to_string(),
        ExprKind::BoolOp { op, values } => format!("({op:?} {})", list(values)),
        ExprKind::NamedExpr { target, value } => format!("(:= {target} {})", e(value)),
        ExprKind::BinOp { left, op, right } => format!("({op:?} {} {})", e(left), e(right)),
        ExprKind::UnaryOp { op, operand } => format!("({op:?} {})", e(operand)),
        ExprKind::Lambda { params: p, body } => format!("(lambda {} {})", params(p), e(body)),
        ExprKind::IfExp { test, body, orelse } => {
            format!("(ifexp {} {} {})", e(test), e(body), e(orelse))
        }
        ExprKind::Dict { keys, values } => {
            let items: Vec<String> = keys
                .iter()
                .zip(values)
                .map(|(k, v)| match k {
                    Some(k) => format!("{}:{}", e(k), e(v)),
                    None => format!("**{}", e(v)),
                })
                .collect();
            format!("(dict {})", items.join(" "))
        }
        ExprKind::Set(v) => format!("(set {})", list(v)),
        ExprKind::ListComp { elt, generators } => {
            format!("(listcomp {} {})", e(elt), comps(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("(setcomp {} {})", e(elt), comps(generators))
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("(genexp {} {})", e(elt), comps(generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            format!("(dictcomp {} {} {})", e(key), e(value), comps(generators))
        }
        ExprKind::Await(v) => format!("(await {})", e(v)),
        ExprKind::Yield(v) => format!("(yield {})", opt(v)),
        ExprKind::YieldFrom(v) => format!("(yield-from {})", e(v)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let rest: Vec<String> = ops
                .iter()
                .zip(comparators)
                .map(|(o, x)| format!("{o:?} {}", e(x)))
                .collect();
            format!("(cmp {} {})", e(left), rest.join(" "))
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut parts: Vec<String> = vec![e(func)];
            parts.extend(args.iter().map(e));
            parts.extend(keywords.iter().map(|k| match &k.arg {
                Some(a) => format!("{a}={}", e(&k.value)),
                None => format!("**{}", e(&k.value)),
            }));
            format!("(call {})", parts.join(" "))
        }
        ExprKind::JoinedStr(v) => format!("(f {})", list(v)),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            let conv = conversion.map(|c| format!(" !{c}")).unwrap_or_default();
            let spec = format_spec
                .as_ref()
                .map(|s| format!(" :{}", e(s)))
                .unwrap_or_default();
            format!("(fv {}{conv}{spec})", e(value))
        }
        ExprKind::Attribute { value, attr } => format!("(. {} {attr})", e(value)),
        ExprKind::Subscript { value, slice } => format!("([] {} {})", e(value), e(slice)),
        ExprKind::Starred(v) => format!("(* {})", e(v)),
        ExprKind::List(v) => format!("(list {})", list(v)),
        ExprKind::Tuple(v) => format!("(tuple {})", list(v)),
        ExprKind::Slice { lower, upper, step } => {
            format!("(slice {} {} {})", opt(lower), opt(upper), opt(step))
        }
    }
}

fn pat(p: &Pattern) -> String {
    match &p.kind {
        PatternKind::Value(v) => format!("(value {})", e(v)),
        PatternKind::Singleton(k) => c(k),
        PatternKind::Sequence(v) => {
            format!("(seq {})", v.iter().map(pat).collect::<Vec<_>>().join(" "))
        }
        PatternKind::Star(n) => format!("(star {})", n.as_deref().unwrap_or("_")),
        PatternKind::Mapping {
            keys,
            patterns,
            rest,
        } => {
            let mut items: Vec<String> = keys
                .iter()
                .zip(patterns)
                .map(|(k, p)| format!("{}:{}", e(k), pat(p)))
                .collect();
            if let Some(r) = rest {
                items.push(format!("**{r}"));
            }
            format!("(map {})", items.join(" "))
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        } => {
            let mut items: Vec<String> = patterns.iter().map(pat).collect();
            items.extend(
                kwd_attrs
                    .iter()
                    .zip(kwd_patterns)
                    .map(|(a, p)| format!("{a}={}", pat(p))),
            );
            format!("(class {} {})", e(cls), items.join(" "))
        }
        PatternKind::As { pattern, name } => match (pattern, name) {
            (None, None) => "_".into(),
            (None, Some(n)) => format!("(capture {n})"),
            (Some(p), n) => format!("(as {} {})", pat(p), n.as_deref().unwrap_or("_")),
        },
        PatternKind::Or(v) => format!("(or {})", v.iter().map(pat).collect::<Vec<_>>().join(" ")),
    }
}

fn body(v: &[Stmt]) -> String {
    v.iter().map(s).collect::<Vec<_>>().join(" ")
}

fn s(x: &Stmt) -> String {
    match &x.kind {
        StmtKind::Expr(v) => e(v),
        StmtKind::Assign { targets, value } => format!("(= {} {})", list(targets), e(value)),
        StmtKind::AugAssign { target, op, value } => {
            format!("({op:?}= {} {})", e(target), e(value))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => format!(
            "(ann{} {} {} {})",
            if *simple { "" } else { "-complex" },
            e(target),
            e(annotation),
            value.as_ref().map(e).unwrap_or_else(|| "_".into())
        ),
        StmtKind::Del(v) => format!("(del {})", list(v)),
        StmtKind::Pass => "pass".into(),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::Return(v) => format!(
            "(return {})",
            v.as_ref().map(e).unwrap_or_else(|| "_".into())
        ),
        StmtKind::Raise { exc, cause } => format!(
            "(raise {} {})",
            exc.as_ref().map(e).unwrap_or_else(|| "_".into()),
            cause.as_ref().map(e).unwrap_or_else(|| "_".into())
        ),
        StmtKind::Global(v) => format!("(global {})", v.join(" ")),
        StmtKind::Nonlocal(v) => format!("(nonlocal {})", v.join(" ")),
        StmtKind::Assert { test, msg } => {
            format!(
                "(assert {} {})",
                e(test),
                msg.as_ref().map(e).unwrap_or_else(|| "_".into())
            )
        }
        StmtKind::Import(v) => format!("(import {})", aliases(v)),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => {
            format!(
                "(from {level} {} {})",
                module.as_deref().unwrap_or("_"),
                aliases(names)
            )
        }
        StmtKind::If {
            test,
            body: b,
            orelse,
        } => format!("(if {} [{}] [{}])", e(test), body(b), body(orelse)),
        StmtKind::While {
            test,
            body: b,
            orelse,
        } => {
            format!("(while {} [{}] [{}])", e(test), body(b), body(orelse))
        }
        StmtKind::For {
            target,
            iter,
            body: b,
            orelse,
            is_async,
        } => format!(
            "({} {} {} [{}] [{}])",
            if *is_async { "async-for" } else { "for" },
            e(target),
            e(iter),
            body(b),
            body(orelse)
        ),
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
            is_star,
        } => {
            let hs: Vec<String> = handlers
                .iter()
                .map(|h| {
                    format!(
                        "(except {} {} [{}])",
                        h.typ.as_ref().map(e).unwrap_or_else(|| "_".into()),
                        h.name.as_deref().unwrap_or("_"),
                        body(&h.body)
                    )
                })
                .collect();
            format!(
                "({} [{}] {} [{}] [{}])",
                if *is_star { "try*" } else { "try" },
                body(b),
                hs.join(" "),
                body(orelse),
                body(finalbody)
            )
        }
        StmtKind::With {
            items,
            body: b,
            is_async,
        } => {
            let it: Vec<String> = items
                .iter()
                .map(|i| match &i.target {
                    Some(t) => format!("({} as {})", e(&i.context), e(t)),
                    None => e(&i.context),
                })
                .collect();
            format!(
                "({} {} [{}])",
                if *is_async { "async-with" } else { "with" },
                it.join(" "),
                body(b)
            )
        }
        StmtKind::FunctionDef(f) => format!(
            "({}def {} {}{}{} [{}])",
            if f.is_async { "async-" } else { "" },
            f.name,
            params(&f.params),
            f.returns
                .as_ref()
                .map(|r| format!(" -> {}", e(r)))
                .unwrap_or_default(),
            f.decorators
                .iter()
                .map(|d| format!(" @{}", e(d)))
                .collect::<String>(),
            body(&f.body)
        ),
        StmtKind::ClassDef(k) => {
            let mut parts: Vec<String> = k.bases.iter().map(e).collect();
            parts.extend(k.keywords.iter().map(|kw| match &kw.arg {
                Some(a) => format!("{a}={}", e(&kw.value)),
                None => format!("**{}", e(&kw.value)),
            }));
            format!(
                "(class {} ({}){} [{}])",
                k.name,
                parts.join(" "),
                k.decorators
                    .iter()
                    .map(|d| format!(" @{}", e(d)))
                    .collect::<String>(),
                body(&k.body)
            )
        }
        StmtKind::Match { subject, cases } => {
            let cs: Vec<String> = cases
                .iter()
                .map(|c| {
                    format!(
                        "(case {}{} [{}])",
                        pat(&c.pattern),
                        c.guard
                            .as_ref()
                            .map(|g| format!(" if {}", e(g)))
                            .unwrap_or_default(),
                        body(&c.body)
                    )
                })
                .collect();
            format!("(match {} {})", e(subject), cs.join(" "))
        }
    }
}

fn aliases(v: &[Alias]) -> String {
    v.iter()
        .map(|a| match &a.asname {
            Some(n) => format!("{} as {n}", a.name),
            None => a.name.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parse a module and print it as s-expressions, one statement a line.
fn sx(src: &str) -> String {
    match syntax::parse(src) {
        Ok(m) => m.body.iter().map(s).collect::<Vec<_>>().join("\n"),
        Err(err) => panic!("parse failed for {src:?}: {err} at {:?}", err.span),
    }
}

fn ex(src: &str) -> String {
    sx(src)
}

/// The error for `src`: (kind, message).
fn er(src: &str) -> (SyntaxKind, String) {
    match syntax::parse(src) {
        Ok(m) => panic!("expected an error for {src:?}, got {}", body(&m.body)),
        Err(err) => (err.kind, err.msg),
    }
}

fn msg(src: &str) -> String {
    er(src).1
}

// ---- layout -------------------------------------------------------------------

fn toks(src: &str) -> String {
    let lexed = syntax::lexer::tokenize(src, 0, src.len(), syntax::lexer::Mode::Module);
    let mut out: Vec<String> = lexed.toks.iter().skip(1).map(|t| t.1.describe()).collect();
    if let Some(f) = lexed.error {
        out.push(format!("ERROR({})", f.err.msg));
    }
    out.join(" ")
}

#[test]
fn layout_tokens() {
    assert_eq!(toks("x = 1\n"), "NAME(x) Equal INT(1) NEWLINE");
    assert_eq!(toks("x"), "NAME(x) NEWLINE");
    assert_eq!(
        toks("if a:\n    b\n\n  # c\n    c\nd\n"),
        "If NAME(a) Colon NEWLINE INDENT NAME(b) NEWLINE NAME(c) NEWLINE DEDENT NAME(d) NEWLINE"
    );
    assert_eq!(
        toks("f(1,\n  2)\n"),
        "NAME(f) LPar INT(1) Comma INT(2) RPar NEWLINE"
    );
    assert_eq!(
        toks("x = 1 + \\\n  2\n"),
        "NAME(x) Equal INT(1) Plus INT(2) NEWLINE"
    );
    assert_eq!(
        toks("def f():\n  if x:\n    pass"),
        "Def NAME(f) LPar RPar Colon NEWLINE INDENT If NAME(x) Colon NEWLINE INDENT Pass NEWLINE DEDENT DEDENT"
    );
    assert_eq!(toks("\n\n# only comments\n   \n"), "");
    assert_eq!(
        toks("a\r\nb\rc\n"),
        "NAME(a) NEWLINE NAME(b) NEWLINE NAME(c) NEWLINE"
    );
    assert_eq!(toks("x := ... -> **= //= @= != <<= >>="), "NAME(x) ColonEqual Ellipsis RArrow DoubleStarEqual DoubleSlashEqual AtEqual NotEqual LeftShiftEqual RightShiftEqual NEWLINE");
    assert_eq!(toks("0x_ff 0o17 0b101 1_000 1. .5 1e10 1_0.5 3j 1.5J"), "INT(255) INT(15) INT(5) INT(1000) FLOAT(1.0) FLOAT(0.5) FLOAT(10000000000.0) FLOAT(10.5) IMAG(3.0) IMAG(1.5) NEWLINE");
    assert_eq!(
        toks("99999999999999999999"),
        "INT(99999999999999999999) NEWLINE"
    );
    assert_eq!(
        toks("0xffffffffffffffffff"),
        "INT(4722366482869645213695) NEWLINE"
    );
    assert_eq!(toks("héllo = 1"), "NAME(héllo) Equal INT(1) NEWLINE");
    // Form feed resets the indentation column.
    assert_eq!(
        toks("if a:\n  b\n\x0cc\n"),
        "If NAME(a) Colon NEWLINE INDENT NAME(b) NEWLINE DEDENT NAME(c) NEWLINE"
    );
}

#[test]
fn soft_keywords() {
    assert_eq!(
        sx("match = 3\nmatch(x)\nmatch.a = 1\nprint(match)"),
        "(= match 3)\n(call match x)\n(= (. match a) 1)\n(call print match)"
    );
    assert_eq!(sx("case = 1\n_ = case"), "(= case 1)\n(= _ case)");
    assert_eq!(
        sx("match x:\n    case 1:\n        pass\n    case _:\n        case = 2\n"),
        "(match x (case (value 1) [pass]) (case _ [(= case 2)]))"
    );
}

// ---- expressions ------------------------------------------------------------------

#[test]
fn precedence() {
    assert_eq!(ex("-2**2"), "(USub (Pow 2 2))");
    assert_eq!(ex("2**-1"), "(Pow 2 (USub 1))");
    assert_eq!(ex("2**3**2"), "(Pow 2 (Pow 3 2))");
    assert_eq!(ex("a + b * c - d"), "(Sub (Add a (Mult b c)) d)");
    assert_eq!(
        ex("a | b ^ c & d << e + f"),
        "(BitOr a (BitXor b (BitAnd c (LShift d (Add e f)))))"
    );
    assert_eq!(ex("not a == b"), "(Not (cmp a Eq b))");
    assert_eq!(ex("a or b and not c"), "(Or a (And b (Not c)))");
    assert_eq!(
        ex("a < b <= c is not d not in e"),
        "(cmp a Lt b LtE c IsNot d NotIn e)"
    );
    assert_eq!(ex("lambda: a if b else c"), "(lambda [] (ifexp b a c))");
    assert_eq!(ex("a if b else c if d else e"), "(ifexp b a (ifexp d c e))");
    assert_eq!(ex("await a ** b"), "(Pow (await a) b)");
    assert_eq!(ex("-await a"), "(USub (await a))");
    assert_eq!(
        ex("~a @ b // c % d / e"),
        "(Div (Mod (FloorDiv (MatMult (Invert a) b) c) d) e)"
    );
    assert_eq!(ex("a.b(c)[d].e"), "(. ([] (call (. a b) c) d) e)");
    assert_eq!(ex("x, y"), "(tuple x y)");
    assert_eq!(ex("x,"), "(tuple x)");
    assert_eq!(ex("()"), "(tuple )");
    assert_eq!(ex("(x)"), "x");
    assert_eq!(ex("(x,)"), "(tuple x)");
    assert_eq!(ex("..."), "...");
}

#[test]
fn displays_and_calls() {
    assert_eq!(ex("[1, *a, 2,]"), "(list 1 (* a) 2)");
    assert_eq!(ex("{1: 2, **d, 3: 4}"), "(dict 1:2 **d 3:4)");
    assert_eq!(ex("{1, *s}"), "(set 1 (* s))");
    assert_eq!(ex("{}"), "(dict )");
    assert_eq!(
        ex("[x for x in y if x if z for w in x]"),
        "(listcomp x (for x y (if x) (if z)) (for w x))"
    );
    assert_eq!(
        ex("{k: v for k, v in d}"),
        "(dictcomp k v (for (tuple k v) d))"
    );
    assert_eq!(ex("{x async for x in y}"), "(setcomp x (async-for x y))");
    assert_eq!(ex("(x for x in y)"), "(genexp x (for x y))");
    assert_eq!(ex("f(x for x in y)"), "(call f (genexp x (for x y)))");
    assert_eq!(ex("f(a, *b, c=1, **d)"), "(call f a (* b) c=1 **d)");
    assert_eq!(ex("f(a,)"), "(call f a)");
    assert_eq!(ex("f(x := 1)"), "(call f (:= x 1))");
    assert_eq!(
        ex("a[1:2, ::3]"),
        "([] a (tuple (slice 1 2 _) (slice _ _ 3)))"
    );
    assert_eq!(ex("a[:]"), "([] a (slice _ _ _))");
    assert_eq!(ex("a[1,]"), "([] a (tuple 1))");
    assert_eq!(ex("a[*b]"), "([] a (tuple (* b)))");
    assert_eq!(
        ex("lambda a, b=1, *c, d, e=2, **f: 0"),
        "(lambda [a b=1 *c d e=2 **f] 0)"
    );
    assert_eq!(ex("lambda a, /, b, *, c: 0"), "(lambda [a / b * c] 0)");
    assert_eq!(ex("lambda *a: 0"), "(lambda [*a] 0)");
    assert_eq!(ex("[y := 1, 2]"), "(list (:= y 1) 2)");
}

#[test]
fn statements() {
    assert_eq!(sx("a = b = 1"), "(= a b 1)");
    assert_eq!(sx("a, *b = c"), "(= (tuple a (* b)) c)");
    assert_eq!(sx("[a, b] = x, y = z"), "(= (list a b) (tuple x y) z)");
    assert_eq!(sx("a.b[1:2] += 3"), "(Add= ([] (. a b) (slice 1 2 _)) 3)");
    assert_eq!(
        sx("x: int = 3\n(y): int\na.b: str"),
        "(ann x int 3)\n(ann-complex y int _)\n(ann-complex (. a b) str _)"
    );
    assert_eq!(
        sx("del a, b[0]\ndel (a, b)"),
        "(del a ([] b 0))\n(del (tuple a b))"
    );
    assert_eq!(sx("pass; break; continue;"), "pass\nbreak\ncontinue");
    assert_eq!(sx("return 1, *rest"), "(return (tuple 1 (* rest)))");
    assert_eq!(
        sx("raise\nraise E\nraise E from c"),
        "(raise _ _)\n(raise E _)\n(raise E c)"
    );
    assert_eq!(sx("global a, b\nnonlocal c"), "(global a b)\n(nonlocal c)");
    assert_eq!(sx("assert x, 'm'"), "(assert x \"m\")");
    assert_eq!(sx("import a.b.c as d, e"), "(import a.b.c as d, e)");
    assert_eq!(
        sx("from . import x\nfrom ...a.b import (c as d, e,)\nfrom .... import *\nfrom m import a, b"),
        "(from 1 _ x)\n(from 3 a.b c as d, e)\n(from 4 _ *)\n(from 0 m a, b)"
    );
    assert_eq!(
        sx("if a: b\nelif c: d\nelif e: f\nelse: g"),
        "(if a [b] [(if c [d] [(if e [f] [g])])])"
    );
    assert_eq!(
        sx("while x := f(): pass\nelse: y"),
        "(while (:= x (call f)) [pass] [y])"
    );
    assert_eq!(
        sx("for a, b in c, d: pass\nelse: e"),
        "(for (tuple a b) (tuple c d) [pass] [e])"
    );
    assert_eq!(
        sx("try:\n a\nexcept E as e:\n b\nexcept (F, G):\n c\nexcept:\n d\nelse:\n e\nfinally:\n f"),
        "(try [a] (except E e [b]) (except (tuple F G) _ [c]) (except _ _ [d]) [e] [f])"
    );
    assert_eq!(
        sx("try:\n a\nexcept* E:\n b"),
        "(try* [a] (except E _ [b]) [] [])"
    );
    assert_eq!(sx("try: a\nfinally: b"), "(try [a]  [] [b])");
    assert_eq!(sx("with a as b, c: pass"), "(with (a as b) c [pass])");
    assert_eq!(
        sx("with (a as b, c as d,): pass"),
        "(with (a as b) (c as d) [pass])"
    );
    assert_eq!(
        sx("with (a, b) as c: pass"),
        "(with ((tuple a b) as c) [pass])"
    );
    assert_eq!(sx("with (a): pass"), "(with a [pass])");
    assert_eq!(
        sx("@d\n@e.f(1)\nasync def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw) -> R:\n    await x"),
        "(async-def f [a b:int=1 / c=2 *args:str d e=3 **kw] -> R @d @(call (. e f) 1) [(await x)])"
    );
    assert_eq!(
        sx("class A(B, metaclass=M): pass"),
        "(class A (B metaclass=M) [pass])"
    );
    assert_eq!(sx("class A: x = 1"), "(class A () [(= x 1)])");
    assert_eq!(
        sx("async def f():\n async for x in y: pass\n async with a as b: pass"),
        "(async-def f [] [(async-for x y [pass] []) (async-with (a as b) [pass])])"
    );
    assert_eq!(
        sx("def g():\n x = yield\n yield from y\n z = yield 1, 2"),
        "(def g [] [(= x (yield _)) (yield-from y) (= z (yield (tuple 1 2)))])"
    );
    assert_eq!(sx("if x:\n\n  # c\n  a\n\n  b\nc"), "(if x [a b] [])\nc");
}

#[test]
fn match_statement() {
    let src = "match p:
    case 0 | -1 | 1.5 | -1+2j | 'a' 'b' | None | True:
        pass
    case [a, *rest, _] if a > 0:
        pass
    case (x, y) | (x,) | ():
        pass
    case {'k': v, 1: _, **others}:
        pass
    case Point(1, y=2) as pt:
        pass
    case a.b.c:
        pass
    case (z):
        pass
    case *_, last:
        pass
";
    assert_eq!(
        sx(src),
        "(match p \
(case (or (value 0) (value (USub 1)) (value 1.5) (value (Add (USub 1) 2.0j)) (value \"ab\") None True) [pass]) \
(case (seq (capture a) (star rest) _) if (cmp a Gt 0) [pass]) \
(case (or (seq (capture x) (capture y)) (seq (capture x)) (seq )) [pass]) \
(case (map \"k\":(capture v) 1:_ **others) [pass]) \
(case (as (class Point (value 1) y=(value 2)) pt) [pass]) \
(case (value (. (. a b) c)) [pass]) \
(case (capture z) [pass]) \
(case (seq (star _) (capture last)) [pass]))"
    );
    assert_eq!(
        sx("match a, b:\n case 1, 2: pass"),
        "(match (tuple a b) (case (seq (value 1) (value 2)) [pass]))"
    );
}

// ---- strings --------------------------------------------------------------------------

#[test]
fn string_literals() {
    assert_eq!(
        ex(r#"'a\tb\n\\\'\"\a\b\f\v\0\101\x41\u0041\U00000041\N{BULLET}'"#),
        "\"a\\tb\\n\\\\'\\\"\\u{7}\\u{8}\\u{c}\\u{b}\\0AAAA•\""
    );
    assert_eq!(ex(r"'\d\w'"), "\"\\\\d\\\\w\"");
    assert_eq!(ex(r"r'\n\d'"), "\"\\\\n\\\\d\"");
    assert_eq!(ex("'a' \"b\" '''c''' \"\"\"d\"\"\""), "\"abcd\"");
    assert_eq!(ex("b'a\\x00' B'c'"), "b\"a\\0c\"");
    assert_eq!(ex("rb'\\n' Br'x'"), "b\"\\\\nx\"");
    assert_eq!(ex("u'x' U'y'"), "\"xy\"");
    assert_eq!(ex("'a\\\nb'"), "\"ab\"");
    assert_eq!(ex("'''a\nb'''"), "\"a\\nb\"");
    assert_eq!(ex("'''a\r\nb'''"), "\"a\\nb\"");
    assert_eq!(msg("'a' b'b'"), "cannot mix bytes and nonbytes literals");
    assert_eq!(
        msg("b'é'"),
        "bytes can only contain ASCII literal characters"
    );
}

#[test]
fn fstrings() {
    assert_eq!(ex("f'a{b}c'"), "(f \"a\" (fv b) \"c\")");
    assert_eq!(
        ex("f'{x!r} {y!s:>10} {z!a}'"),
        "(f (fv x !r) \" \" (fv y !s :(f \">10\")) \" \" (fv z !a))"
    );
    assert_eq!(
        ex("f'{x:{w}.{p}f}'"),
        "(f (fv x :(f (fv w) \".\" (fv p) \"f\")))"
    );
    assert_eq!(ex("f'{x=}'"), "(f \"x=\" (fv x !r))");
    assert_eq!(ex("f'{x = :>4}'"), "(f \"x = \" (fv x :(f \">4\")))");
    assert_eq!(ex("f'{x=!s}'"), "(f \"x=\" (fv x !s))");
    assert_eq!(ex("f'{{a}} }}'"), "(f \"{a} }\")");
    assert_eq!(
        ex("f'{a[\"k\"]}' 'x' f'{b}'"),
        "(f (fv ([] a \"k\")) \"x\" (fv b))"
    );
    assert_eq!(ex("f'{a, b}'"), "(f (fv (tuple a b)))");
    assert_eq!(
        ex("f'{a != b}{c == d}{e <= f}'"),
        "(f (fv (cmp a NotEq b)) (fv (cmp c Eq d)) (fv (cmp e LtE f)))"
    );
    assert_eq!(ex("f'{(lambda: 1)}'"), "(f (fv (lambda [] 1)))");
    assert_eq!(msg("f'{lambda: 1}'"), "f-string: invalid syntax");
    assert_eq!(ex("f''"), "(f )");
    assert_eq!(ex("rf'\\n{x}'"), "(f \"\\\\n\" (fv x))");
    assert_eq!(ex("f'\\n{x}'"), "(f \"\\n\" (fv x))");
    assert_eq!(ex("f'''{\nx\n}'''"), "(f (fv x))");
    assert_eq!(
        ex("f'{d[\"a\"]:{\"x\"}}'"),
        "(f (fv ([] d \"a\") :(f (fv \"x\"))))"
    );
    // spans of inner expressions are absolute
    let m = syntax::parse("f'ab{cd}'").unwrap();
    let StmtKind::Expr(x) = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::JoinedStr(parts) = &x.kind else {
        panic!()
    };
    let ExprKind::FormattedValue { value, .. } = &parts[1].kind else {
        panic!()
    };
    assert_eq!((value.span.start, value.span.end), (5, 7));
    assert_eq!(msg("f'{}'"), "f-string: empty expression not allowed");
    assert_eq!(
        msg("f'{a!x}'"),
        "f-string: invalid conversion character: expected 's', 'r', or 'a'"
    );
    assert_eq!(msg("f'}'"), "f-string: single '}' is not allowed");
    assert_eq!(msg("f'{a'"), "f-string: expecting '}'");
    assert_eq!(msg("f'{a b}'"), "f-string: invalid syntax");
    assert_eq!(
        msg("f'{a\\n}'"),
        "f-string: expression part cannot include a backslash"
    );
}

#[test]
fn parse_expr_api() {
    let x = syntax::parse_expr("  1 +\n 2  ").unwrap();
    assert_eq!(e(&x), "(Add 1 2)");
    assert!(syntax::parse_expr("x = 1").is_err());
}

// ---- errors ---------------------------------------------------------------------------

#[test]
fn target_errors() {
    let here = "here. Maybe you meant '==' instead of '='?";
    assert_eq!(msg("1 = x"), format!("cannot assign to literal {here}"));
    assert_eq!(
        msg("f() = 1"),
        format!("cannot assign to function call {here}")
    );
    assert_eq!(
        msg("a + 1 = 2"),
        format!("cannot assign to expression {here}")
    );
    assert_eq!(msg("(a, 1) = 2"), "cannot assign to literal");
    assert_eq!(msg("for 1 in x: pass"), "cannot assign to literal");
    assert_eq!(msg("del f()"), "cannot delete function call");
    assert_eq!(
        msg("[*a] += 1"),
        "'list' is an illegal expression for augmented assignment"
    );
    assert_eq!(
        msg("a, b += 1"),
        "'tuple' is an illegal expression for augmented assignment"
    );
    assert_eq!(
        msg("*a = 1"),
        "starred assignment target must be in a list or tuple"
    );
    assert_eq!(msg("with a as 1: pass"), "cannot assign to literal");
    assert_eq!(msg("[x for 1 in y]"), "cannot assign to literal");
    let e = syntax::parse("x = 1\nf() = 2").unwrap_err();
    assert_eq!((e.span.start, e.span.end), (6, 9));
}

#[test]
fn argument_errors() {
    assert_eq!(msg("f(a=1, a=2)"), "keyword argument repeated: a");
    assert_eq!(
        msg("f(a=1, b)"),
        "positional argument follows keyword argument"
    );
    assert_eq!(
        msg("f(**a, *b)"),
        "iterable argument unpacking follows keyword argument unpacking"
    );
    assert_eq!(
        msg("f(x for x in y, 1)"),
        "Generator expression must be parenthesized"
    );
    assert_eq!(
        msg("def f(a=1, b): pass"),
        "non-default argument follows default argument"
    );
    assert_eq!(msg("def f(*): pass"), "named arguments must follow bare *");
    assert_eq!(
        msg("def f(*, **k): pass"),
        "named arguments must follow bare *"
    );
    assert_eq!(msg("lambda *: 0"), "named arguments must follow bare *");
    assert_eq!(
        msg("def f(a, a): pass"),
        "duplicate argument 'a' in function definition"
    );
    let e = syntax::parse("f(a=1, a=2)").unwrap_err();
    assert_eq!((e.span.start, e.span.end), (7, 10));
}

#[test]
fn layout_errors() {
    assert_eq!(
        er("if x:\n"),
        (
            SyntaxKind::IndentationError,
            "expected an indented block after 'if' statement on line 1".into()
        )
    );
    assert_eq!(
        er("x = 1\ndef f():\nreturn 1"),
        (
            SyntaxKind::IndentationError,
            "expected an indented block after function definition on line 2".into()
        )
    );
    assert_eq!(
        er("class A:\n\n  # c\npass"),
        (
            SyntaxKind::IndentationError,
            "expected an indented block after class definition on line 1".into()
        )
    );
    assert_eq!(
        er("try:\n  a\nexcept E:\nb"),
        (
            SyntaxKind::IndentationError,
            "expected an indented block after 'except' statement on line 3".into()
        )
    );
    assert_eq!(
        er("x = 1\n  y"),
        (SyntaxKind::IndentationError, "unexpected indent".into())
    );
    assert_eq!(
        er("if x:\n    a\n  b"),
        (
            SyntaxKind::IndentationError,
            "unindent does not match any outer indentation level".into()
        )
    );
    assert_eq!(
        er("if x:\n        a\n\tb"),
        (
            SyntaxKind::TabError,
            "inconsistent use of tabs and spaces in indentation".into()
        )
    );
    // Tabs consistently: fine.
    sx("if x:\n\ta\n\tif y:\n\t\tb\n");
    // 100 levels are fine, 101 are not.
    let deep = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s += &" ".repeat(i);
            s += "if x:\n";
        }
        s += &" ".repeat(n);
        s += "pass\n";
        s
    };
    sx(&deep(99));
    assert_eq!(
        er(&deep(101)),
        (
            SyntaxKind::IndentationError,
            "too many levels of indentation".into()
        )
    );
    assert_eq!(msg("if x\n  pass"), "expected ':'");
    assert_eq!(msg("class A\n"), "expected ':'");
    assert_eq!(msg("while x y:\n  pass"), "invalid syntax");
}

#[test]
fn token_errors() {
    assert_eq!(
        msg("\"abc"),
        "unterminated string literal (detected at line 1)"
    );
    assert_eq!(
        msg("x = 1\ny = 'abc\n"),
        "unterminated string literal (detected at line 2)"
    );
    assert_eq!(
        msg("'''abc\n\n"),
        "unterminated triple-quoted string literal (detected at line 2)"
    );
    assert_eq!(msg("(1,\n2"), "'(' was never closed");
    assert_eq!(msg("x = [1, {2: (3\n"), "'(' was never closed");
    assert_eq!(msg(")"), "unmatched ')'");
    assert_eq!(
        msg("(]"),
        "closing parenthesis ']' does not match opening parenthesis '('"
    );
    assert_eq!(
        msg("(\n]"),
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
    );
    assert_eq!(msg("$"), "invalid syntax");
    assert_eq!(msg("a ? b"), "invalid syntax");
    assert_eq!(msg("a = €"), "invalid character '€' (U+20AC)");
    assert_eq!(msg("a\0"), "source code cannot contain null bytes");
    assert_eq!(msg("x = \\"), "unexpected EOF while parsing");
    assert_eq!(
        msg("x = 1 \\ 2"),
        "unexpected character after line continuation character"
    );
    assert_eq!(msg("from x import a,"), "invalid syntax");
    assert_eq!(msg("'\\x4'"), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape");
    let big = "1".repeat(4301);
    assert_eq!(
        msg(&big),
        "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
    );
    assert_eq!(ex(&"1".repeat(4300)), "1".repeat(4300));
    let hex = format!("0x{}", "f".repeat(5000));
    syntax::parse(&hex).unwrap();
    assert_eq!(msg("0777"), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    assert_eq!(msg("1a"), "invalid decimal literal");
    assert_eq!(msg("0x1g"), "invalid hexadecimal literal");
    assert_eq!(ex("1if x else 2"), "(ifexp x 1 2)");
    assert_eq!(ex("00"), "0");
    assert_eq!(msg("f(a b)"), "invalid syntax. Perhaps you forgot a comma?");
    assert_eq!(msg("try:\n  x\n"), "expected 'except' or 'finally' block");
    assert_eq!(msg("x = *a"), "can't use starred expression here");
    assert_eq!(
        msg("x = yield = 1"),
        "assignment to yield expression not possible"
    );
    assert_eq!(
        msg("(a for a in b) = 1"),
        "cannot assign to generator expression"
    );
    let e = syntax::parse("x = 1 +* 2").unwrap_err();
    assert_eq!((e.span.start, e.span.end), (7, 8));
}

#[test]
fn source_forms() {
    assert_eq!(
        sx("\u{feff}x = 1\r\nif x:\r\n  y\r\n"),
        "(= x 1)\n(if x [y] [])"
    );
    assert_eq!(sx("if x:\r  y\r"), "(if x [y] [])");
    assert_eq!(
        sx("x = 1; y = 2;\nif a: b; c"),
        "(= x 1)\n(= y 2)\n(if a [b c] [])"
    );
}

#[test]
fn incomplete_input() {
    for src in [
        "if x:",
        "if x:\n",
        "def f():\n  ",
        "x = (1,",
        "'''abc",
        "x = [\n1,\n",
        "x = \\",
        "class A:\n",
    ] {
        assert!(syntax::is_incomplete(src), "{src:?} should be incomplete");
    }
    for src in [
        "x = 1",
        "x = )",
        "if x:\n  pass\n",
        "1 +",
        "'abc",
        "x = 1 +* 2",
    ] {
        assert!(!syntax::is_incomplete(src), "{src:?} should be complete");
    }
}

// ---- limits: nothing may overflow the Rust stack -----------------------------------------

#[test]
fn deep_parentheses() {
    let src = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    assert_eq!(msg(&src), "too many nested parentheses");
    let ok = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    assert_eq!(ex(&ok), "1");
    let lists = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(msg(&lists), "too many nested parentheses");
}

#[test]
fn deep_unary() {
    let src = format!("{}1", "-".repeat(100_000));
    assert_eq!(er(&src).0, SyntaxKind::MemoryError);
    let src = format!("{}1", "-".repeat(1000));
    syntax::parse(&src).unwrap();
    let src = format!("x = {}y", "not ".repeat(100_000));
    assert_eq!(er(&src).0, SyntaxKind::MemoryError);
}

#[test]
fn long_sum() {
    let src = format!("1{}", "+1".repeat(100_000));
    let m = syntax::parse(&src).unwrap();
    drop(m);
    let src = format!("x = a{}", ".b".repeat(100_000));
    syntax::parse(&src).unwrap();
    // An error after a deep tree drops the parser's partial tree.
    let src = format!("1{} +", "+1".repeat(100_000));
    assert_eq!(msg(&src), "invalid syntax");
}

#[test]
fn drop_million_deep_binop() {
    let mut x = Expr::new(ExprKind::Constant(Constant::Int(1)), Default::default());
    for _ in 0..1_000_000 {
        x = Expr::new(
            ExprKind::BinOp {
                left: Box::new(x),
                op: BinOp::Add,
                right: Box::new(Expr::new(
                    ExprKind::Constant(Constant::Int(1)),
                    Default::default(),
                )),
            },
            Default::default(),
        );
    }
    drop(x);
    let mut y = Expr::new(ExprKind::Name("a".into()), Default::default());
    for _ in 0..1_000_000 {
        y = Expr::new(
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: Box::new(y),
            },
            Default::default(),
        );
    }
    drop(y);
}
