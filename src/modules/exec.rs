//! The built-ins that compile source text: `compile`, `exec` and `eval`.
//!
//! They live with the import system, the one layer that may run the
//! compiler. Code runs in a nested, non-suspendable run of the dispatch
//! loop (DESIGN decision 2), with the namespace the caller gives: globals
//! must be a dict (CPython's rule), locals a dict too (weft runs name
//! lookups on dicts only; another mapping raises a TypeError that says so).

use std::rc::Rc;

use crate::builtins::add_fn;
use crate::compile::Mode;
use crate::object::*;
use crate::source::SourceFile;
use crate::vm::{Exit, Vm};

/// `compile()`'s flag asking for an AST (weft has no `ast` module).
const PYCF_ONLY_AST: i64 = 0x400;
/// `from __future__ import annotations` as a compile flag.
pub const CO_FUTURE_ANNOTATIONS: i64 = 0x100_0000;

pub fn install(vm: &mut Vm) {
    add_fn(
        vm,
        "compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)",
        compile,
    );
    add_fn(
        vm,
        "exec(source, globals=None, locals=None, /, *, closure=None)",
        |vm, a| run_builtin(vm, a, false),
    );
    add_fn(vm, "eval(source, globals=None, locals=None, /)", |vm, a| {
        run_builtin(vm, a, true)
    });
}

/// The text of a source argument (str, bytes or bytearray as UTF-8), or
/// None for other values.
fn source_text(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    if let Some(s) = crate::builtins::str::str_ref(vm, v) {
        return Ok(Some(s.to_string()));
    }
    let bytes = match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Bytes(b) => Some(b.to_vec()),
            Obj::ByteArray(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    };
    match bytes {
        Some(b) => match String::from_utf8(b) {
            Ok(s) => Ok(Some(s)),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                Err(vm.new_error(
                    vm.t.syntax_error,
                    format!("(unicode error) 'utf-8' codec can't decode byte at position {pos}"),
                ))
            }
        },
        None => Ok(None),
    }
}

/// Compile `text` in `mode` ("exec", "eval" or "single") to a code object.
/// The source is not kept for tracebacks: CPython cannot show the lines of
/// a `<string>` either.
pub fn compile_text(
    vm: &mut Vm,
    text: &str,
    filename: &str,
    mode: &str,
    future_annotations: bool,
) -> PyResult<Rc<CodeRt>> {
    if text.contains('\0') {
        return Err(vm.new_error(
            vm.t.syntax_error,
            "source code string cannot contain null bytes",
        ));
    }
    let file = SourceFile::new(filename, text);
    let result = match mode {
        "eval" => {
            crate::syntax::parse_expr(text).and_then(|e| crate::compile::compile_expr(&e, &file))
        }
        _ => crate::syntax::parse(text).and_then(|m| {
            if mode == "single" && m.body.len() > 1 {
                let span = m.body[0].span;
                return Err(crate::diag::SyntaxError::syntax(
                    "multiple statements found while compiling a single statement",
                    span,
                ));
            }
            let mode = if mode == "single" {
                Mode::Interactive
            } else {
                Mode::Module
            };
            crate::compile::compile_with(&m, &file, mode, future_annotations)
        }),
    };
    match result {
        Ok(c) => Ok(vm.load_code(&c)),
        Err(e) => Err(vm.syntax_error_value(&e, &file)),
    }
}

fn arg_str(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match crate::builtins::str::str_ref(vm, v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

/// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)
fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (src, fname, mode) = (a.pos[0], a.pos[1], a.pos[2]);
    let mode = arg_str(vm, mode, "compile() argument 'mode'")?;
    if !matches!(mode.as_str(), "exec" | "eval" | "single") {
        return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
    }
    let filename = match vm.as_str(fname) {
        Some(s) => s.to_string(),
        None => match source_text(vm, fname)? {
            Some(s) => s,
            None => {
                let tn = vm.type_name(fname);
                return Err(vm.type_error(format!(
                    "compile() argument 'filename' must be str, bytes or os.PathLike, not {tn}"
                )));
            }
        },
    };
    let flags = match a.get(vm, 3, "flags") {
        Some(Value::Int(i)) => i,
        Some(Value::Bool(b)) => b as i64,
        None => 0,
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if flags & PYCF_ONLY_AST != 0 {
        return Err(vm.new_error(
            vm.t.not_implemented_error,
            "compile() with ast.PyCF_ONLY_AST: weft has no ast module",
        ));
    }
    if is_code(vm, src) {
        return Ok(src);
    }
    let Some(text) = source_text(vm, src)? else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let future = flags & CO_FUTURE_ANNOTATIONS != 0;
    let rt = compile_text(vm, &text, &filename, &mode, future)?;
    Ok(vm.alloc(Obj::Code(rt)))
}

fn is_code(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Code(_)))
}

fn is_dict(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Dict(_)))
}

/// exec(source, globals, locals) / eval(source, globals, locals).
fn run_builtin(vm: &mut Vm, a: Args, is_eval: bool) -> PyResult<Value> {
    let name = if is_eval { "eval" } else { "exec" };
    let src = a.pos[0];
    let globals = a.pos.get(1).copied().unwrap_or(Value::None);
    let locals = a.pos.get(2).copied().unwrap_or(Value::None);
    if let Some(c) = a.kw(vm, "closure") {
        if !c.is_none() {
            return Err(vm.type_error("exec(): closure can only be used with a code object that has free variables, which weft's exec does not run"));
        }
    }
    if !globals.is_none() && !is_dict(vm, globals) {
        let tn = vm.type_name(globals);
        let msg = if is_eval && locals.is_none() {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        } else {
            format!("{name}() globals must be a dict, not {tn}")
        };
        return Err(vm.type_error(msg));
    }
    if !locals.is_none() && !is_dict(vm, locals) {
        let has_getitem = {
            let gk = vm.n.getitem;
            vm.lookup_special(locals, gk).is_some()
        };
        if !has_getitem {
            let tn = vm.type_name(locals);
            return Err(vm.type_error(format!("locals must be a mapping, not {tn}")));
        }
        return Err(vm.type_error(format!(
            "{name}(): weft runs code only with a dict as its locals"
        )));
    }
    // The namespace: the caller's when none is given.
    let (g, l) = if globals.is_none() {
        let Some(frame) = vm.fiber.frames.last() else {
            return Err(vm.runtime_error(format!("{name}() called without a frame")));
        };
        let g = frame.globals;
        let l = if locals.is_none() {
            match crate::builtins::core::locals_of_caller(vm)? {
                Value::Obj(d) if d != g => Some(d),
                _ => None,
            }
        } else {
            locals.as_obj()
        };
        (g, l)
    } else {
        let g = globals.as_obj().unwrap_or(vm.builtins);
        let l = locals.as_obj().filter(|&l| l != g);
        (g, l)
    };
    // CPython puts the builtins into a globals dict that lacks them.
    let bk = vm.n.builtins;
    if vm.dict_get_str(g, bk).is_none() {
        let b = current_builtins(vm);
        vm.dict_set_str(g, bk, b);
    }
    let rt = match src {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Code(_)) => match vm.heap.get(r) {
            Obj::Code(c) => c.clone(),
            _ => unreachable!("checked above"),
        },
        _ => {
            let Some(text) = source_text(vm, src)? else {
                return Err(vm.type_error(format!(
                    "{name}() arg 1 must be a string, bytes or code object"
                )));
            };
            let text = if is_eval {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            let mode = if is_eval { "eval" } else { "exec" };
            compile_text(vm, &text, "<string>", mode, false)?
        }
    };
    if !rt.code.freevars.is_empty() {
        return Err(vm.type_error(format!(
            "code object passed to {name}() may not contain free variables"
        )));
    }
    let r = vm.run_code_ns(rt, g, l)?;
    Ok(if is_eval { r } else { Value::None })
}

/// The `__builtins__` the running code sees (the builtins namespace).
fn current_builtins(vm: &mut Vm) -> Value {
    let bk = vm.n.builtins;
    if let Some(f) = vm.fiber.frames.last() {
        let g = f.globals;
        if let Some(b) = vm.dict_get_str(g, bk) {
            return b;
        }
    }
    Value::Obj(vm.builtins)
}

impl Vm {
    /// Run a code object in a nested run of the dispatch loop with `globals`
    /// and, for exec/eval with a separate locals dict, `locals`.
    pub fn run_code_ns(
        &mut self,
        rt: Rc<CodeRt>,
        globals: ObjRef,
        locals: Option<ObjRef>,
    ) -> PyResult<Value> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error(self.t.recursion_error, "maximum recursion depth exceeded"));
        }
        let base = self.fiber.stack.len();
        self.fiber
            .stack
            .resize(base + rt.nslots as usize, Value::Undefined);
        self.depth += 1;
        self.fiber.frames.push(Frame {
            exit: true,
            locals,
            ..Frame::new(rt, base, base, globals, None)
        });
        self.native_depth += 1;
        let r = crate::stack::guard(|| self.run_loop());
        self.native_depth -= 1;
        match r {
            Exit::Returned(v) => Ok(v),
            Exit::Raised(e) => Err(e),
            Exit::Yielded(_) => Err(self.runtime_error("code run by exec() cannot yield")),
        }
    }
}
