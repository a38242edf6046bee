//! Compiler tests: the conformance corpus compiles, every code object passes
//! the stack verifier, scope decisions, SyntaxError messages, depth guard.

use std::path::Path;
use std::rc::Rc;

use weft::bytecode::disasm::disassemble;
use weft::bytecode::{CodeObject, Const, Op};
use weft::compile::{compile, stack, Mode};
use weft::diag::SyntaxKind;
use weft::source::{SourceFile, Span};
use weft::syntax::ast;
use weft::syntax::parse;

fn compile_src(src: &str, mode: Mode) -> Result<Rc<CodeObject>, weft::diag::SyntaxError> {
    let file = SourceFile::new("t.py", src);
    let m = parse(src)?;
    compile(&m, &file, mode)
}

fn ok(src: &str) -> Rc<CodeObject> {
    match compile_src(src, Mode::Module) {
        Ok(c) => {
            verify_all(&c);
            c
        }
        Err(e) => panic!("compile failed: {e:?}\n{src}"),
    }
}

fn err(src: &str) -> String {
    match compile_src(src, Mode::Module) {
        Ok(c) => panic!("expected an error for:\n{src}\n{}", disassemble(&c)),
        Err(e) => e.msg,
    }
}

fn verify_all(code: &CodeObject) {
    if let Err(e) = stack::verify(code) {
        panic!("{e}\n{}", disassemble(code));
    }
    assert_eq!(code.ops.len(), code.lines.len());
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify_all(inner);
        }
    }
}

/// The nested code object with this qualname.
fn find<'c>(code: &'c CodeObject, qualname: &str) -> &'c CodeObject {
    fn go<'c>(code: &'c CodeObject, q: &str) -> Option<&'c CodeObject> {
        if &*code.qualname == q {
            return Some(code);
        }
        code.consts.iter().find_map(|c| match c {
            Const::Code(inner) => go(inner, q),
            _ => None,
        })
    }
    go(code, qualname).unwrap_or_else(|| panic!("no code {qualname}\n{}", disassemble(code)))
}

/// Op names with their resolved name operand, e.g. "LoadFast x".
fn ops(code: &CodeObject) -> Vec<String> {
    code.ops
        .iter()
        .map(|op| {
            let name = |v: &[Rc<str>], i: u32| v[i as usize].to_string();
            let cell = |i: u32| {
                let i = i as usize;
                if i < code.cellvars.len() {
                    code.cellvars[i].to_string()
                } else {
                    code.freevars[i - code.cellvars.len()].to_string()
                }
            };
            match *op {
                Op::LoadFast(i) => format!("LoadFast {}", name(&code.varnames, i)),
                Op::StoreFast(i) => format!("StoreFast {}", name(&code.varnames, i)),
                Op::DeleteFast(i) => format!("DeleteFast {}", name(&code.varnames, i)),
                Op::LoadDeref(i) => format!("LoadDeref {}", cell(i)),
                Op::StoreDeref(i) => format!("StoreDeref {}", cell(i)),
                Op::LoadClosure(i) => format!("LoadClosure {}", cell(i)),
                Op::LoadClassDeref(i) => format!("LoadClassDeref {}", cell(i)),
                Op::LoadGlobal(i) => format!("LoadGlobal {}", name(&code.names, i)),
                Op::StoreGlobal(i) => format!("StoreGlobal {}", name(&code.names, i)),
                Op::LoadName(i) => format!("LoadName {}", name(&code.names, i)),
                Op::StoreName(i) => format!("StoreName {}", name(&code.names, i)),
                Op::DeleteName(i) => format!("DeleteName {}", name(&code.names, i)),
                Op::LoadAttr(i) => format!("LoadAttr {}", name(&code.names, i)),
                Op::StoreAttr(i) => format!("StoreAttr {}", name(&code.names, i)),
                Op::LoadMethod(i) => format!("LoadMethod {}", name(&code.names, i)),
                other => format!("{other:?}"),
            }
        })
        .collect()
}

fn has(code: &CodeObject, op: &str) -> bool {
    ops(code).iter().any(|o| o == op)
}

fn py_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                v.extend(py_files(&p));
            } else if p.extension().is_some_and(|x| x == "py") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

#[test]
fn conformance_corpus_compiles() {
    let mut failures = Vec::new();
    let mut n = 0;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let own = root.join("tests/conformance");
    let shared = root.join("../shared/conformance");
    for sub in ["core", "core_extra", "asyncio", "asyncio_extra"] {
        assert!(own.join(sub).is_dir(), "tests/conformance/{sub} is missing");
        let mut files = py_files(&own.join(sub));
        files.extend(py_files(&shared.join(sub)));
        for p in files {
            let src = std::fs::read_to_string(&p).unwrap();
            let file = SourceFile::new(p.display().to_string(), src.as_str());
            let m = match parse(&src) {
                Ok(m) => m,
                Err(_) => continue, // parser problems are tested elsewhere
            };
            n += 1;
            match compile(&m, &file, Mode::Module) {
                Ok(c) => verify_all(&c),
                Err(e) => failures.push(format!("{}: {e:?}", p.display())),
            }
        }
    }
    assert!(n > 150, "only {n} files parsed");
    assert!(
        failures.is_empty(),
        "{n} files, failures:\n{}",
        failures.join("\n")
    );
}

// ---- scopes ---------------------------------------------------------------

#[test]
fn module_and_function_names() {
    let c = ok("x = 1\ndef f(a):\n    b = a + x\n    return b\n");
    assert!(has(&c, "StoreName x"));
    assert!(has(&c, "StoreName f"));
    let f = find(&c, "f");
    assert_eq!(&*f.varnames[0], "a");
    assert!(has(f, "LoadFast a"));
    assert!(has(f, "LoadGlobal x"));
    assert!(has(f, "StoreFast b"));
    assert_eq!(f.argcount, 1);
}

#[test]
fn closures_and_cells() {
    let c =
        ok("def outer(p):\n    x = 1\n    def inner():\n        return x + p\n    return inner\n");
    let o = find(&c, "outer");
    assert_eq!(
        o.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(),
        ["p", "x"]
    );
    assert_eq!(o.cell2arg, vec![Some(0), None]);
    assert!(has(o, "StoreDeref x"));
    assert!(has(o, "LoadClosure p"));
    let i = find(&c, "outer.<locals>.inner");
    assert_eq!(
        i.freevars.iter().map(|s| &**s).collect::<Vec<_>>(),
        ["p", "x"]
    );
    assert!(has(i, "LoadDeref x"));
}

#[test]
fn nonlocal_and_global() {
    let c = ok("def f():\n    n = 0\n    def g():\n        nonlocal n\n        global G\n        n += 1\n        G = n\n    return g\n");
    let g = find(&c, "f.<locals>.g");
    assert!(has(g, "StoreDeref n"));
    assert!(has(g, "StoreGlobal G"));
    let c = ok("global X\nX = 1\n");
    assert!(has(&c, "StoreGlobal X"));
}

#[test]
fn class_bodies() {
    let src = "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n";
    let c = ok(src);
    let body = find(&c, "f.<locals>.C");
    assert!(has(body, "LoadClassDeref x"));
    assert!(has(body, "StoreName y"));
    assert!(has(body, "StoreName __module__"));
    assert!(has(body, "StoreName __qualname__"));
    let m = find(&c, "f.<locals>.C.m");
    assert!(has(m, "LoadDeref x"));
    // A class-level name is not visible from methods.
    let c = ok("class C:\n    a = 1\n    def m(self):\n        return a\n");
    assert!(has(find(&c, "C.m"), "LoadGlobal a"));
}

#[test]
fn super_makes_class_cell() {
    let c = ok("class A(B):\n    def m(self):\n        return super().m()\n");
    let body = find(&c, "A");
    assert_eq!(&*body.cellvars[0], "__class__");
    assert!(has(body, "LoadClosure __class__"));
    assert!(has(body, "StoreName __classcell__"));
    let m = find(&c, "A.m");
    assert_eq!(&*m.freevars[0], "__class__");
}

#[test]
fn comprehensions_are_functions() {
    let c = ok("def f(xs):\n    return [x * y for x in xs for y in range(x) if (z := y)], z\n");
    let lc = find(&c, "f.<locals>.<listcomp>");
    assert_eq!(&*lc.varnames[0], ".0");
    assert_eq!(lc.argcount, 1);
    assert!(has(lc, "LoadFast x"));
    assert!(has(lc, "LoadGlobal range"));
    assert!(has(lc, "StoreDeref z"));
    let f = find(&c, "f");
    assert!(has(f, "LoadDeref z"));
    let c = ok("g = (i for i in range(3))\n");
    let ge = find(&c, "<genexpr>");
    assert!(ge.is_generator());
    let c = ok("async def f(xs):\n    return [await x async for x in xs]\n");
    let lc = find(&c, "f.<locals>.<listcomp>");
    assert!(lc.is_coroutine());
    let f = find(&c, "f");
    assert!(has(f, "GetAIter"));
}

#[test]
fn qualnames() {
    let c = ok("class A:\n    class B:\n        def f(self):\n            g = lambda: 0\n");
    find(&c, "A.B.f.<locals>.<lambda>");
    let c = ok("def f():\n    global g\n    def g(): pass\n");
    find(&c, "g");
}

#[test]
fn private_names_are_mangled() {
    let c = ok("class C:\n    def m(self):\n        self.__x = 1\n        return self.__y__\n");
    let m = find(&c, "C.m");
    assert!(has(m, "StoreAttr _C__x"));
    assert!(has(m, "LoadAttr __y__"));
}

#[test]
fn generator_flags() {
    let c = ok("def g():\n    yield 1\nasync def c():\n    pass\nasync def ag():\n    yield 1\n");
    assert!(find(&c, "g").is_generator());
    assert!(find(&c, "c").is_coroutine());
    assert!(find(&c, "ag").is_async_generator());
}

// ---- control flow shapes ---------------------------------------------------

#[test]
fn unwinding_shapes_verify() {
    ok("def f(xs):\n    for x in xs:\n        try:\n            if x: return x\n            if x: break\n            continue\n        finally:\n            print(x)\n    else:\n        return 0\n");
    ok("def f(m):\n    with m as a, m as b:\n        for i in a:\n            return i\n    while True:\n        with m:\n            break\n");
    ok("def f():\n    try:\n        pass\n    except ValueError as e:\n        return e\n    except (TypeError, KeyError):\n        return 2\n    except:\n        raise\n    else:\n        return 3\n    finally:\n        return 4\n");
    ok("async def f(m, it):\n    async with m as x:\n        async for i in it:\n            if i: break\n            return i\n");
    ok("def f():\n    try:\n        return 1\n    finally:\n        try:\n            return 2\n        finally:\n            pass\n");
    ok("def f():\n    try:\n        1/0\n    except* ValueError as e:\n        print(e)\n    except* TypeError:\n        pass\n");
    ok("def f():\n    while x:\n        try:\n            pass\n        except E:\n            continue\n        finally:\n            break\n");
    ok("a = b = c = 1\na, *b, c = range(5)\nx.y += 1\nx[1:2] += [3]\ndel a, x.y, x[0]\n");
    ok("print(*a, *b, 1, k=2, **d, z=3)\nf(a, k=1)\nf(*a)\n{**a, 'b': 1, **c}\n[*a, 1]\n(1, *a)\n{*a, 2}\n");
    ok("assert x, 'msg'\nassert y\nx = 1 if a < b < c else 2\ny = a and b or not c\n");
    ok("import a.b.c\nimport a.b as d\nfrom . import x\nfrom ..m import y as z\nfrom m import *\n");
    ok("x = f'{a!r:>{w}} and {b}'\n");
}

#[test]
fn shapes_of_try_except() {
    let c = ok("try:\n    f()\nexcept E as e:\n    g(e)\n");
    let o = ops(&c);
    assert!(o.contains(&"PushExcInfo".to_string()));
    assert!(o.contains(&"CheckExcMatch".to_string()));
    assert!(o.contains(&"DeleteName e".to_string()));
}

// ---- errors -----------------------------------------------------------------

#[test]
fn syntax_errors() {
    assert_eq!(err("return 1\n"), "'return' outside function");
    assert_eq!(err("yield 1\n"), "'yield' outside function");
    assert_eq!(err("class C:\n    yield 1\n"), "'yield' outside function");
    assert_eq!(err("await x\n"), "'await' outside function");
    assert_eq!(
        err("def f():\n    await x\n"),
        "'await' outside async function"
    );
    assert_eq!(err("break\n"), "'break' outside loop");
    assert_eq!(err("continue\n"), "'continue' not properly in loop");
    assert_eq!(
        err("def f():\n    async with x:\n        pass\n"),
        "'async with' outside async function"
    );
    assert_eq!(
        err("def f():\n    return [await x for x in y]\n"),
        "asynchronous comprehension outside of an asynchronous function"
    );
    assert_eq!(
        err("async def f():\n    yield 1\n    return 2\n"),
        "'return' with value in async generator"
    );
    assert_eq!(
        err("def f():\n    nonlocal x\n"),
        "no binding for nonlocal 'x' found"
    );
    assert_eq!(
        err("nonlocal x\n"),
        "nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        err("def f():\n    print(x)\n    global x\n"),
        "name 'x' is used prior to global declaration"
    );
    assert_eq!(
        err("def f(x):\n    global x\n"),
        "name 'x' is parameter and global"
    );
    assert_eq!(
        err("def f():\n    x = 1\n    global x\n"),
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(
        err("def f(a, a): pass\n"),
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(
        err("def f():\n    from m import *\n"),
        "import * only allowed at module level"
    );
    assert_eq!(err("f(a=1, a=2)\n"), "keyword argument repeated: a");
    assert_eq!(
        err("a, *b, *c = d\n"),
        "multiple starred expressions in assignment"
    );
    assert_eq!(
        err("[(yield x) for x in y]\n"),
        "'yield' inside list comprehension"
    );
    assert_eq!(
        err("class C:\n    [(z := 1) for x in y]\n"),
        "assignment expression within a comprehension cannot be used in a class body"
    );
}

#[test]
fn interactive_mode() {
    let c = compile_src("1 + 1\nawait x\n", Mode::Interactive).unwrap();
    assert!(has(&c, "PrintExpr"));
    assert!(c.is_coroutine());
    let c = compile_src("1 + 2\n", Mode::Eval).unwrap();
    assert_eq!(c.ops.last(), Some(&Op::ReturnValue));
}

// ---- depth guard --------------------------------------------------------------

fn deep_sum(n: usize) -> ast::Module {
    let one = || {
        ast::Expr::new(
            ast::ExprKind::Constant(ast::Constant::Int(1)),
            Span::new(0, 1),
        )
    };
    let mut e = one();
    for _ in 0..n {
        e = ast::Expr::new(
            ast::ExprKind::BinOp {
                left: Box::new(e),
                op: ast::BinOp::Add,
                right: Box::new(one()),
            },
            Span::new(0, 1),
        );
    }
    ast::Module {
        body: vec![ast::Stmt::new(ast::StmtKind::Expr(e), Span::new(0, 1))],
    }
}

#[test]
fn deep_nesting_is_a_recursion_error() {
    // On a normal 8 MiB thread; the tree is leaked to avoid a recursive drop.
    let h = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let file = SourceFile::new("t.py", "1");
            let m = deep_sum(100_000);
            let r = compile(&m, &file, Mode::Module);
            std::mem::forget(m);
            let e = r.expect_err("deep nesting must fail");
            assert_eq!(e.kind, SyntaxKind::RecursionError);
            assert_eq!(e.msg, "maximum recursion depth exceeded during compilation");
            // Moderate nesting still compiles.
            let m = deep_sum(880);
            let c = compile(&m, &file, Mode::Module).expect("880 levels");
            std::mem::forget(m);
            assert!(c.max_stack >= 2);
        })
        .unwrap();
    h.join().unwrap();
}

#[test]
fn match_statements() {
    ok("match x:\n    case 1 | 2:\n        pass\n    case [a, *rest] if a:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) | Point(yy, 1):\n        pass\n    case str() as s:\n        pass\n    case (p, q) | [q, p]:\n        pass\n    case [_, *_, last]:\n        pass\n    case None:\n        pass\n    case _:\n        pass\n");
    ok("def f(cmd):\n    match cmd.split():\n        case [\"go\", direction]:\n            return direction\n        case [\"drop\", *objs]:\n            return objs\n        case _ if cmd:\n            return 0\n    return 1\n");
    ok("match x:\n    case y:\n        pass\n");
    assert_eq!(
        err("match x:\n    case y:\n        pass\n    case 1:\n        pass\n"),
        "name capture 'y' makes remaining patterns unreachable"
    );
    assert_eq!(
        err("match x:\n    case _:\n        pass\n    case 1:\n        pass\n"),
        "wildcard makes remaining patterns unreachable"
    );
    assert_eq!(
        err("match x:\n    case [a] | [b]:\n        pass\n"),
        "alternative patterns bind different names"
    );
    assert_eq!(
        err("match x:\n    case [a, a]:\n        pass\n"),
        "multiple assignments to name 'a' in pattern"
    );
    let c = ok("match x:\n    case [a, b]:\n        pass\n");
    assert!(has(&c, "StoreName a"));
    assert!(has(&c, "MatchSequence"));
}

#[test]
fn scope_error_spans_point_at_the_name() {
    let src = "def f():\n    nonlocal zz\n";
    let e = compile_src(src, Mode::Module).unwrap_err();
    assert_eq!(e.msg, "no binding for nonlocal 'zz' found");
    assert!(e.span.start >= 9, "span {:?}", e.span);
}
