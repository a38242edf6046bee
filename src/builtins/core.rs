//! Core built-in functions: print, len, repr, isinstance, attribute access,
//! iteration, introspection.

use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, check};

pub fn install(vm: &mut Vm) {
    add_fn(
        vm,
        "print(*args, sep=' ', end='\n', file=None, flush=False)",
        print,
    );
    add_fn(vm, "len(obj, /)", |vm, a| {
        check(vm, "len", &a, 1, 1, &[])?;
        let n = vm.len(a.pos[0])?;
        Ok(Value::Int(n as i64))
    });
    add_fn(vm, "repr(obj, /)", |vm, a| {
        check(vm, "repr", &a, 1, 1, &[])?;
        vm.repr(a.pos[0])
    });
    add_fn(vm, "ascii(obj, /)", |vm, a| {
        check(vm, "ascii", &a, 1, 1, &[])?;
        vm.ascii(a.pos[0])
    });
    add_fn(vm, "format(value, format_spec='', /)", |vm, a| {
        check(vm, "format", &a, 1, 2, &[])?;
        let spec = match a.pos.get(1) {
            Some(&s) => {
                if vm.as_str(s).is_none() {
                    let tn = vm.type_name(s);
                    return Err(vm.type_error(format!("format() argument 2 must be str, not {tn}")));
                }
                s
            }
            None => vm.intern(""),
        };
        vm.format(a.pos[0], spec)
    });
    add_fn(vm, "isinstance(obj, class_or_tuple, /)", |vm, a| {
        check(vm, "isinstance", &a, 2, 2, &[])?;
        isinstance(vm, a.pos[0], a.pos[1]).map(Value::Bool)
    });
    add_fn(vm, "issubclass(cls, class_or_tuple, /)", |vm, a| {
        check(vm, "issubclass", &a, 2, 2, &[])?;
        let Value::Obj(c) = a.pos[0] else {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        };
        if !matches!(vm.heap.get(c), Obj::Class(_)) {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        issubclass(vm, c, a.pos[1]).map(Value::Bool)
    });
    add_fn(vm, "hasattr(obj, name, /)", |vm, a| {
        check(vm, "hasattr", &a, 2, 2, &[])?;
        let name = name_arg(vm, a.pos[1], "hasattr")?;
        Ok(Value::Bool(vm.getattr_opt(a.pos[0], name)?.is_some()))
    });
    add_fn(vm, "getattr(object, name, default=None, /)", |vm, a| {
        check(vm, "getattr", &a, 2, 3, &[])?;
        let name = name_arg(vm, a.pos[1], "getattr")?;
        match a.pos.get(2) {
            Some(&d) => Ok(vm.getattr_opt(a.pos[0], name)?.unwrap_or(d)),
            None => vm.getattr(a.pos[0], name),
        }
    });
    add_fn(vm, "setattr(obj, name, value, /)", |vm, a| {
        check(vm, "setattr", &a, 3, 3, &[])?;
        let name = name_arg(vm, a.pos[1], "setattr")?;
        vm.setattr(a.pos[0], name, a.pos[2])?;
        Ok(Value::None)
    });
    add_fn(vm, "delattr(obj, name, /)", |vm, a| {
        check(vm, "delattr", &a, 2, 2, &[])?;
        let name = name_arg(vm, a.pos[1], "delattr")?;
        vm.delattr(a.pos[0], name)?;
        Ok(Value::None)
    });
    add_fn(vm, "id(obj, /)", |vm, a| {
        check(vm, "id", &a, 1, 1, &[])?;
        Ok(Value::Int(match a.pos[0] {
            Value::Obj(r) => 0x7f00_0000_0000 + r.raw() as i64 * 16,
            Value::None => 0x5f00_0000,
            Value::Bool(b) => 0x5f00_0010 + b as i64 * 16,
            Value::Int(i) => 0x6000_0000_0000 ^ (i << 4),
            Value::Float(f) => 0x6100_0000_0000 ^ ((f.to_bits() as i64) >> 8),
            Value::Undefined => 0,
        }))
    });
    add_fn(vm, "hash(obj, /)", |vm, a| {
        check(vm, "hash", &a, 1, 1, &[])?;
        vm.hash(a.pos[0]).map(Value::Int)
    });
    add_fn(vm, "iter(object, sentinel=None, /)", |vm, a| {
        check(vm, "iter", &a, 1, 2, &[])?;
        if let Some(&sentinel) = a.pos.get(1) {
            let f = a.pos[0];
            if !callable(vm, f) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            return Ok(vm.alloc(Obj::Iter(Box::new(IterState::Callable {
                f,
                sentinel,
                done: false,
            }))));
        }
        vm.iter(a.pos[0])
    });
    // next() on a generator switches fibers inside the dispatch loop.
    let next = vm.alloc(Obj::BuiltinFn(Box::new(NativeFn {
        name: "next",
        qualname: "next".into(),
        func: |vm, a| next_builtin(vm, a.pos),
        kind: NativeKind::GenNext,
        bound: None,
        sig: Sig::UNCHECKED,
    })));
    vm.set_builtin("next", next);
    add_fn(vm, "callable(obj, /)", |vm, a| {
        check(vm, "callable", &a, 1, 1, &[])?;
        Ok(Value::Bool(callable(vm, a.pos[0])))
    });
    add_fn(vm, "globals()", |vm, _| {
        let g = vm.fiber.frames.last().map(|f| f.globals);
        Ok(g.map(Value::Obj).unwrap_or(Value::None))
    });
    add_fn(vm, "locals()", |vm, _| locals_of_caller(vm));
    add_fn(vm, "vars(object=None, /)", |vm, a| {
        check(vm, "vars", &a, 0, 1, &[])?;
        match a.pos.first() {
            None => locals_of_caller(vm),
            Some(&o) => {
                let dk = vm.n.dict;
                match vm.getattr_opt(o, dk)? {
                    Some(d) => Ok(d),
                    None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
                }
            }
        }
    });
    add_fn(vm, "dir(object=None, /)", |vm, a| {
        check(vm, "dir", &a, 0, 1, &[])?;
        let mut names = match a.pos.first() {
            None => {
                let l = locals_of_caller(vm)?;
                match l {
                    Value::Obj(d) => vm.dict_ref(d).keys(),
                    _ => Vec::new(),
                }
            }
            Some(&o) => {
                // A __dir__ written in weft (on the class, or on the
                // metaclass for a class) decides; object's own is the default.
                let dk = vm.intern("__dir__");
                let t = vm.type_of(o);
                match vm.class_lookup(t, dk) {
                    Some(f) if !vm.is_native(f) => {
                        let r = vm.call_bound(f, o, &[])?;
                        vm.collect_iterable(r)?
                    }
                    _ => dir_names(vm, o)?,
                }
            }
        };
        let mut strs: Vec<String> = names.iter().map(|n| vm.str_of(*n).to_string()).collect();
        strs.sort();
        strs.dedup();
        names = strs.into_iter().map(|s| vm.new_str(s)).collect();
        Ok(vm.new_list(names))
    });
    add_fn(vm, "input(prompt='', /)", |vm, a| {
        check(vm, "input", &a, 0, 1, &[])?;
        if let Some(&p) = a.pos.first() {
            let s = vm.str_string(p)?;
            write_to(vm, None, &s, false)?;
        }
        let _ = vm.stdout.flush();
        // A script that replaced sys.stdin is read through its readline.
        let k = vm.intern("stdin");
        if let Some(stdin) = vm.sys_attr(k) {
            if vm.std_stream_fd(stdin) != Some(0) {
                let rk = vm.intern("readline");
                let line = vm.call_method(stdin, rk, &[])?;
                let Some(s) = vm.as_str(line).map(str::to_string) else {
                    return Err(vm.type_error("object.readline() returned non-string"));
                };
                if s.is_empty() {
                    return Err(vm.new_error(vm.t.eof_error, "EOF when reading a line"));
                }
                let s = s.strip_suffix('\n').unwrap_or(&s).to_string();
                return Ok(vm.new_str(s));
            }
        }
        // In a weft thread the line is waited for on the thread pool.
        let offloaded = vm.offload(&[], || {
            let mut line = String::new();
            let r = std::io::stdin().read_line(&mut line).map(|_| line);
            Box::new(move |vm: &mut Vm| crate::vm::Step::Done(input_line(vm, r)))
        })?;
        if offloaded {
            return Ok(Value::None);
        }
        let mut line = String::new();
        let r = std::io::stdin().read_line(&mut line).map(|_| line);
        input_line(vm, r)
    });
    add_fn(
        vm,
        "__import__(name, globals=None, locals=None, fromlist=(), level=0)",
        |vm, a| {
            check(
                vm,
                "__import__",
                &a,
                1,
                5,
                &["globals", "locals", "fromlist", "level"],
            )?;
            let name = a.pos[0];
            let fromlist = a.get(vm, 3, "fromlist").unwrap_or(Value::None);
            let level = a.get(vm, 4, "level").unwrap_or(Value::Int(0));
            vm.import_name(name, fromlist, level)
        },
    );
}

/// print(*objects, sep=' ', end='\n', file=None, flush=False)
fn print(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let sep = a.kw(vm, "sep").filter(|v| !v.is_none());
    let end = a.kw(vm, "end").filter(|v| !v.is_none());
    let file = a.kw(vm, "file").filter(|v| !v.is_none());
    for (k, _) in a.kw {
        let ks = vm.str_of(*k);
        if !matches!(ks, "sep" | "end" | "file" | "flush") {
            let ks = ks.to_string();
            return Err(vm.type_error(format!("'{ks}' is an invalid keyword argument for print()")));
        }
    }
    for (v, what) in [(sep, "sep"), (end, "end")] {
        if let Some(v) = v {
            if vm.as_str(v).is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("{what} must be None or a string, not {tn}")));
            }
        }
    }
    let sep_s = sep
        .map(|s| vm.str_of(s).to_string())
        .unwrap_or_else(|| " ".into());
    let end_s = end
        .map(|s| vm.str_of(s).to_string())
        .unwrap_or_else(|| "\n".into());
    let mut out = String::new();
    for (i, &v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep_s);
        }
        match vm.as_str(v) {
            Some(s) => out.push_str(s),
            None => {
                let s = vm.str_string(v)?;
                out.push_str(&s);
            }
        }
    }
    out.push_str(&end_s);
    let flush = match a.kw(vm, "flush") {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    crate::builtins::core::write_to(vm, file, &out, flush)?;
    Ok(Value::None)
}

/// Write text to a file object (None or sys.stdout: the VM's buffered stdout).
pub fn write_to(vm: &mut Vm, file: Option<Value>, s: &str, flush: bool) -> PyResult<()> {
    let file = match file {
        Some(f) => f,
        None => {
            let k = vm.intern("stdout");
            match vm.sys_attr(k) {
                Some(f) => f,
                None => Value::None,
            }
        }
    };
    match vm.std_stream_fd(file) {
        Some(1) => {
            if vm.stdout.write(s).is_err() || (flush && vm.stdout.flush().is_err()) {
                return Err(vm.new_error(vm.t.broken_pipe_error, "[Errno 32] Broken pipe"));
            }
            Ok(())
        }
        Some(2) => {
            use std::io::Write;
            let _ = vm.stdout.flush();
            let _ = std::io::stderr().write_all(s.as_bytes());
            Ok(())
        }
        _ => {
            if file.is_none() {
                return Ok(());
            }
            let wk = vm.intern("write");
            let sv = vm.new_str(s);
            vm.call_method(file, wk, &[sv])?;
            if flush {
                let fk = vm.intern("flush");
                if let Some(f) = vm.getattr_opt(file, fk)? {
                    vm.call(f, &[])?;
                }
            }
            Ok(())
        }
    }
}

pub fn callable(vm: &Vm, v: Value) -> bool {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Function(_) | Obj::BuiltinFn(_) | Obj::BoundMethod { .. } | Obj::Class(_) => true,
            _ => vm.lookup_special(v, vm.n.call).is_some(),
        },
        _ => false,
    }
}

fn name_arg(vm: &mut Vm, v: Value, f: &str) -> PyResult<Value> {
    match vm.as_str(v) {
        Some(s) => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let tn = vm.type_name(v);
            let _ = f;
            Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
        }
    }
}

pub fn isinstance(vm: &mut Vm, v: Value, cls: Value) -> PyResult<bool> {
    match cls {
        Value::Obj(r) => {
            match vm.heap.get(r) {
                Obj::Class(_) => {
                    let meta = vm.type_of(cls);
                    if meta != vm.t.type_ {
                        let ik = vm.n.instancecheck;
                        if let Some(f) = vm.class_lookup(meta, ik) {
                            if !vm.is_native(f) {
                                let res = vm.call_bound(f, cls, &[v])?;
                                return vm.truthy(res);
                            }
                        }
                    }
                    Ok(vm.isinstance_class(v, r))
                }
                Obj::Tuple(t) => {
                    let items = t.to_vec();
                    for c in items {
                        if isinstance(vm, v, c)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                // Other objects answer through their type's __instancecheck__
                // (types.UnionType, typing's special forms).
                _ => match check_hook(vm, cls, vm.n.instancecheck, v)? {
                    Some(b) => Ok(b),
                    None => Err(vm.type_error(
                        "isinstance() arg 2 must be a type, a tuple of types, or a union",
                    )),
                },
            }
        }
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

/// `type(cls).<hook>(cls, v)` when that type defines the hook in weft.
fn check_hook(vm: &mut Vm, cls: Value, hook: Value, v: Value) -> PyResult<Option<bool>> {
    let meta = vm.type_of(cls);
    match vm.class_lookup(meta, hook) {
        Some(f) if !vm.is_native(f) => {
            let res = vm.call_bound(f, cls, &[v])?;
            vm.truthy(res).map(Some)
        }
        _ => Ok(None),
    }
}

fn issubclass(vm: &mut Vm, c: ObjRef, cls: Value) -> PyResult<bool> {
    match cls {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Class(_) => {
                if vm.type_of(cls) != vm.t.type_ {
                    let sk = vm.n.subclasscheck;
                    if let Some(b) = check_hook(vm, cls, sk, Value::Obj(c))? {
                        return Ok(b);
                    }
                }
                Ok(vm.is_subclass(c, r))
            }
            Obj::Tuple(t) => {
                let items = t.to_vec();
                for x in items {
                    if issubclass(vm, c, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                let sk = vm.intern("__subclasscheck__");
                match check_hook(vm, cls, sk, Value::Obj(c))? {
                    Some(b) => Ok(b),
                    None => Err(vm.type_error(
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                    )),
                }
            }
        },
        _ => {
            Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

/// next(it[, default]) for non-generators (generators are switched by the loop).
pub fn next_builtin(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "next expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let it = args[0];
    if !vm.is_iterator(it) {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

/// The caller's locals: its namespace dict, or a snapshot of a function's slots.
pub fn locals_of_caller(vm: &mut Vm) -> PyResult<Value> {
    vm.locals_escapes += 1;
    let Some(frame) = vm.fiber.frames.last() else {
        return Ok(Value::None);
    };
    if let Some(l) = frame.locals {
        return Ok(Value::Obj(l));
    }
    if frame.func.is_none() {
        return Ok(Value::Obj(frame.globals));
    }
    let code = frame.code.clone();
    let base = frame.base as usize;
    let d = vm.new_dict();
    let co = &code.code;
    for (i, name) in co.varnames.iter().enumerate() {
        let v = vm.fiber.stack[base + i];
        if !v.is_undefined() {
            let k = vm.intern(name);
            vm.dict_set(d, k, v)?;
        }
    }
    let nvar = co.varnames.len();
    for (i, name) in co.cellvars.iter().chain(co.freevars.iter()).enumerate() {
        let cell = vm.fiber.stack[base + nvar + i];
        let v = vm.cell_get(cell);
        if !v.is_undefined() {
            let k = vm.intern(name);
            vm.dict_set(d, k, v)?;
        }
    }
    Ok(d)
}

/// Attribute names for dir(obj): instance dict, then the class MRO.
pub fn dir_names(vm: &mut Vm, o: Value) -> PyResult<Vec<Value>> {
    let mut names = Vec::new();
    if let Some(d) = vm.instance_dict(o) {
        names.extend(vm.dict_ref(d).keys());
    }
    let classes: Vec<ObjRef> = match o {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Class(_)) => vm.class_mro(r).to_vec(),
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Module(_)) => Vec::new(),
        _ => {
            let t = vm.type_of(o);
            vm.class_mro(t).to_vec()
        }
    };
    for c in classes {
        if let Obj::Class(k) = vm.heap.get(c) {
            let d = k.dict;
            names.extend(vm.dict_ref(d).keys());
        }
    }
    Ok(names)
}

/// input()'s answer for the line read from stdin.
fn input_line(vm: &mut Vm, r: std::io::Result<String>) -> PyResult<Value> {
    match r {
        Ok(line) if line.is_empty() => Err(vm.new_error(vm.t.eof_error, "EOF when reading a line")),
        Ok(mut line) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(line))
        }
        Err(e) => Err(vm.new_error(vm.t.os_error, e.to_string())),
    }
}
