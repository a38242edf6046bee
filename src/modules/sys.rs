//! The `sys` module.

use crate::builtins::{add_method, check};
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "sys");
    let argv: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set_attr(vm, m, "argv", argv);
    let path: Vec<Value> = vm.path.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let path = vm.new_list(path);
    set_attr(vm, m, "path", path);
    let mods = Value::Obj(vm.modules);
    set_attr(vm, m, "modules", mods);
    set_attr(vm, m, "maxsize", Value::Int(i64::MAX));
    let v = vm.new_str("3.11.7 (weft 0.1.0)");
    set_attr(vm, m, "version", v);
    let vi = vm.new_tuple(vec![Value::Int(3), Value::Int(11), Value::Int(7)]);
    let fin = vm.new_str("final");
    let vi_full = vm.new_tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        fin,
        Value::Int(0),
    ]);
    let _ = vi;
    set_attr(vm, m, "version_info", vi_full);
    let p = vm.new_str(std::env::consts::OS);
    set_attr(vm, m, "platform", p);
    let bo = vm.new_str("little");
    set_attr(vm, m, "byteorder", bo);
    let exe = vm.new_str(
        std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
    );
    set_attr(vm, m, "executable", exe);
    let impl_name = vm.new_str("weft");
    set_attr(vm, m, "implementation_name", impl_name);
    // Standard streams.
    let cls = make_io_class(vm);
    for (name, fd) in [("stdin", 0), ("stdout", 1), ("stderr", 2)] {
        let s = vm.alloc(Obj::Instance(Box::new(Instance {
            class: cls,
            dict: None,
            exc: None,
            base: Value::Int(fd),
        })));
        set_attr(vm, m, name, s);
        let dunder: &'static str = match fd {
            0 => "__stdin__",
            1 => "__stdout__",
            _ => "__stderr__",
        };
        set_attr(vm, m, dunder, s);
    }
    add_fn(vm, m, "exit(status=None, /)", |vm, a| {
        check(vm, "exit", &a, 0, 1, &[])?;
        let args = vm.new_tuple(a.pos.to_vec());
        Err(vm.new_exception(vm.t.system_exit, args))
    });
    add_fn(vm, m, "getrecursionlimit()", |vm, _| {
        Ok(Value::Int(vm.recursion_limit as i64))
    });
    add_fn(vm, m, "setrecursionlimit(limit, /)", |vm, a| {
        check(vm, "setrecursionlimit", &a, 1, 1, &[])?;
        match a.pos[0] {
            Value::Int(n) if n >= 1 => {
                vm.recursion_limit = n as usize;
                Ok(Value::None)
            }
            Value::Int(_) => Err(vm.value_error("recursion limit must be greater or equal than 1")),
            _ => Err(vm.type_error("an integer is required")),
        }
    });
    add_fn(vm, m, "exc_info()", |vm, _| {
        let e = vm.current_exc();
        if e.is_none() {
            return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
        }
        let t = Value::Obj(vm.type_of(e));
        let tb = vm.exc_traceback(e);
        Ok(vm.new_tuple(vec![t, e, tb]))
    });
    add_fn(vm, m, "exception()", |vm, _| Ok(vm.current_exc()));
    add_fn(vm, m, "getsizeof(object, default=None, /)", |vm, a| {
        check(vm, "getsizeof", &a, 1, 2, &[])?;
        Ok(Value::Int(64))
    });
    add_fn(vm, m, "intern(string, /)", |vm, a| {
        check(vm, "intern", &a, 1, 1, &[])?;
        let s = vm.str_of(a.pos[0]).to_string();
        Ok(vm.intern(&s))
    });
    Ok(m)
}

fn make_io_class(vm: &mut Vm) -> ObjRef {
    let name = vm.intern("TextIOWrapper");
    let dict = vm.heap.alloc(Obj::Dict(Box::default()));
    let object = vm.t.object;
    let cls = vm.heap.alloc(Obj::Class(Box::new(Class {
        name,
        qualname: name,
        bases: vec![object],
        mro: Vec::new(),
        dict,
        layout: Layout::Object,
        metaclass: None,
        slots: None,
        builtin: true,
    })));
    if let Obj::Class(c) = vm.heap.get_mut(cls) {
        c.mro = vec![cls, object];
    }
    add_method(vm, cls, "write(text, /)", |vm, a| {
        check(vm, "write", &a, 2, 2, &[])?;
        let s = match vm.as_str(a.pos[1]) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(a.pos[1]);
                return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
            }
        };
        let n = s.chars().count();
        crate::builtins::core::write_to(vm, Some(a.pos[0]), &s, false)?;
        Ok(Value::Int(n as i64))
    });
    add_method(vm, cls, "flush()", |vm, a| {
        if stream_fd(vm, a.pos[0]) == Some(1) && vm.stdout.flush().is_err() {
            return Err(vm.new_error(vm.t.broken_pipe_error, "[Errno 32] Broken pipe"));
        }
        Ok(Value::None)
    });
    add_method(vm, cls, "readline(size=-1, /)", |vm, _| {
        let _ = vm.stdout.flush();
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
        Ok(vm.new_str(line))
    });
    add_method(vm, cls, "read(size=-1, /)", |vm, _| {
        use std::io::Read;
        let _ = vm.stdout.flush();
        let mut s = String::new();
        let _ = std::io::stdin().read_to_string(&mut s);
        Ok(vm.new_str(s))
    });
    add_method(vm, cls, "fileno()", |vm, a| {
        Ok(Value::Int(stream_fd(vm, a.pos[0]).unwrap_or(-1) as i64))
    });
    add_method(vm, cls, "isatty()", |vm, a| {
        use std::io::IsTerminal;
        Ok(Value::Bool(match stream_fd(vm, a.pos[0]) {
            Some(0) => std::io::stdin().is_terminal(),
            Some(1) => std::io::stdout().is_terminal(),
            Some(2) => std::io::stderr().is_terminal(),
            _ => false,
        }))
    });
    cls
}

/// The fd (0, 1, 2) of one of sys's standard stream objects.
pub fn stream_fd(vm: &Vm, v: Value) -> Option<i32> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) => match (vm.heap.get(i.class), i.base) {
                (Obj::Class(c), Value::Int(fd))
                    if c.builtin && vm.str_of(c.name) == "TextIOWrapper" =>
                {
                    Some(fd as i32)
                }
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}
