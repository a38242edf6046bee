//! sys.stdin, sys.stdout and sys.stderr (text streams over fds 0-2) and
//! their `.buffer` (binary). Output goes through the VM's buffered stdout
//! so print(), sys.stdout.write() and sys.stdout.buffer.write() keep their
//! order; reading flushes stdout first, as CPython does.

use std::io::{BufRead, Read};

use crate::builtins::add_method;
use crate::object::*;
use crate::vm::Vm;

use super::set_attr;

/// `Instance::base` of the binary `.buffer` objects: 100 + fd.
const BUFFER_BASE: i64 = 100;

pub fn install(vm: &mut Vm, m: Value) {
    let text_cls = text_class(vm);
    let bin_cls = binary_class(vm);
    vm.native_classes.insert("sys.BufferedWriter", bin_cls);
    for (name, fd) in [("stdin", 0), ("stdout", 1), ("stderr", 2)] {
        let s = vm.alloc(Obj::Instance(Box::new(Instance {
            class: text_cls,
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
}

fn new_class(vm: &mut Vm, name: &str) -> ObjRef {
    let namev = vm.intern(name);
    let dict = vm.heap.alloc(Obj::Dict(Box::default()));
    let object = vm.t.object;
    let cls = vm.heap.alloc(Obj::Class(Box::new(Class {
        name: namev,
        qualname: namev,
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
    cls
}

fn fd_of(vm: &Vm, v: Value) -> i64 {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) => match i.base {
                Value::Int(n) => n % BUFFER_BASE,
                _ => -1,
            },
            _ => -1,
        },
        _ => -1,
    }
}

fn broken_pipe(vm: &mut Vm) -> Value {
    vm.new_error(vm.t.broken_pipe_error, "[Errno 32] Broken pipe")
}

fn not_readable(vm: &mut Vm) -> Value {
    let c = crate::builtins::file::unsupported_operation(vm);
    vm.new_error(c, "not readable")
}

fn not_writable(vm: &mut Vm) -> Value {
    let c = crate::builtins::file::unsupported_operation(vm);
    vm.new_error(c, "not writable")
}

/// One line of stdin as bytes (b"" at the end).
fn read_line_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    let _ = vm.stdout.flush();
    let mut line = Vec::new();
    std::io::stdin()
        .lock()
        .read_until(b'\n', &mut line)
        .map_err(|e| crate::builtins::oserror::from_io(vm, &e, None))?;
    Ok(line)
}

fn read_all_bytes(vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let _ = vm.stdout.flush();
    let mut data = Vec::new();
    let r = match limit {
        None => std::io::stdin().lock().read_to_end(&mut data),
        Some(n) => std::io::stdin()
            .lock()
            .take(n as u64)
            .read_to_end(&mut data),
    };
    r.map_err(|e| crate::builtins::oserror::from_io(vm, &e, None))?;
    Ok(data)
}

fn decode(vm: &mut Vm, b: Vec<u8>) -> PyResult<Value> {
    match String::from_utf8(b) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(e) => {
            let b = e.into_bytes();
            let s =
                crate::text::bytes::decode(&b, "utf-8", "strict").map_err(|e| vm.text_error(e))?;
            Ok(vm.new_str(s))
        }
    }
}

fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.index_of(v)? {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("argument should be integer or None, not '{tn}'")))
            }
        },
    }
}

fn text_class(vm: &mut Vm) -> ObjRef {
    let cls = new_class(vm, "TextIOWrapper");
    add_method(vm, cls, "write(s, /)", |vm, a| {
        let fd = fd_of(vm, a.pos[0]);
        if fd == 0 {
            return Err(not_writable(vm));
        }
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
    add_method(vm, cls, "writelines(lines, /)", |vm, a| {
        let items = vm.collect_iterable(a.pos[1])?;
        for it in items {
            let Some(s) = vm.as_str(it).map(str::to_string) else {
                let tn = vm.type_name(it);
                return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
            };
            crate::builtins::core::write_to(vm, Some(a.pos[0]), &s, false)?;
        }
        Ok(Value::None)
    });
    add_method(vm, cls, "flush()", flush);
    add_method(vm, cls, "readline(size=-1, /)", |vm, a| {
        if fd_of(vm, a.pos[0]) != 0 {
            return Err(not_readable(vm));
        }
        let limit = size_arg(vm, a.pos.get(1).copied())?;
        let _ = vm.stdout.flush();
        // In a weft thread the line is waited for on the thread pool.
        let offloaded = vm.offload(&[], move || {
            let mut line = Vec::new();
            let r = std::io::stdin()
                .lock()
                .read_until(b'\n', &mut line)
                .map(|_| line);
            Box::new(move |vm: &mut Vm| {
                crate::vm::Step::Done(match r {
                    Ok(line) => limited_line(vm, line, limit),
                    Err(e) => Err(crate::builtins::oserror::from_io(vm, &e, None)),
                })
            })
        })?;
        if offloaded {
            return Ok(Value::None);
        }
        let line = read_line_bytes(vm)?;
        limited_line(vm, line, limit)
    });
    add_method(vm, cls, "readlines(hint=-1, /)", |vm, a| {
        if fd_of(vm, a.pos[0]) != 0 {
            return Err(not_readable(vm));
        }
        let hint = size_arg(vm, a.pos.get(1).copied())?.filter(|&n| n > 0);
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let l = read_line_bytes(vm)?;
            if l.is_empty() {
                break;
            }
            total += l.len();
            let v = decode(vm, l)?;
            vm.temp_roots.push(v);
            lines.push(v);
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        let n = lines.len();
        let list = vm.new_list(lines);
        let len = vm.temp_roots.len();
        vm.temp_roots.truncate(len - n);
        Ok(list)
    });
    add_method(vm, cls, "read(size=-1, /)", |vm, a| {
        if fd_of(vm, a.pos[0]) != 0 {
            return Err(not_readable(vm));
        }
        let limit = size_arg(vm, a.pos.get(1).copied())?;
        let data = read_all_bytes(vm, limit)?;
        decode(vm, data)
    });
    add_method(vm, cls, "__iter__()", |_, a| Ok(a.pos[0]));
    add_method(vm, cls, "__next__()", |vm, a| {
        if fd_of(vm, a.pos[0]) != 0 {
            return Err(not_readable(vm));
        }
        let line = read_line_bytes(vm)?;
        if line.is_empty() {
            return Err(vm.stop_iteration(Value::None));
        }
        decode(vm, line)
    });
    add_method(vm, cls, "__enter__()", |_, a| Ok(a.pos[0]));
    add_method(vm, cls, "__exit__(*args)", |_, _| Ok(Value::None));
    add_method(vm, cls, "close()", |_, _| Ok(Value::None));
    add_common(vm, cls);
    let getters: [(&str, NativeFnPtr); 8] = [
        ("encoding", |vm, _| Ok(vm.new_str("utf-8"))),
        ("errors", |vm, a| {
            let e = if fd_of(vm, a.pos[0]) == 2 {
                "backslashreplace"
            } else {
                "strict"
            };
            Ok(vm.new_str(e))
        }),
        ("name", |vm, a| {
            let n = match fd_of(vm, a.pos[0]) {
                0 => "<stdin>",
                1 => "<stdout>",
                _ => "<stderr>",
            };
            Ok(vm.new_str(n))
        }),
        ("mode", |vm, a| {
            let m = if fd_of(vm, a.pos[0]) == 0 { "r" } else { "w" };
            Ok(vm.new_str(m))
        }),
        ("line_buffering", |vm, a| {
            Ok(Value::Bool(match fd_of(vm, a.pos[0]) {
                1 => vm.stdout.line_buffered,
                2 => true,
                _ => false,
            }))
        }),
        ("newlines", |_, _| Ok(Value::None)),
        ("closed", |_, _| Ok(Value::Bool(false))),
        ("buffer", |vm, a| {
            // The binary layer over the same fd (made on each access).
            let fd = fd_of(vm, a.pos[0]);
            let Some(&cls) = vm.native_classes.get("sys.BufferedWriter") else {
                return Ok(Value::None);
            };
            Ok(vm.alloc(Obj::Instance(Box::new(Instance {
                class: cls,
                dict: None,
                exc: None,
                base: Value::Int(BUFFER_BASE + fd),
            }))))
        }),
    ];
    for (name, g) in getters {
        getter(vm, cls, name, g);
    }
    cls
}

fn getter(vm: &mut Vm, cls: ObjRef, name: &str, g: NativeFnPtr) {
    let gv = vm.new_native("getter(self, /)", format!("{name}.getter"), g);
    let p = vm.alloc(Obj::Property(Box::new([
        gv,
        Value::None,
        Value::None,
        Value::None,
    ])));
    crate::builtins::set_class_attr(vm, cls, name, p);
}

fn flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if fd_of(vm, a.pos[0]) == 1 && vm.stdout.flush().is_err() {
        return Err(broken_pipe(vm));
    }
    Ok(Value::None)
}

/// fileno, isatty, readable, writable, seekable: shared by both layers.
fn add_common(vm: &mut Vm, cls: ObjRef) {
    add_method(vm, cls, "fileno()", |vm, a| {
        Ok(Value::Int(fd_of(vm, a.pos[0])))
    });
    add_method(vm, cls, "isatty()", |vm, a| {
        use std::io::IsTerminal;
        Ok(Value::Bool(match fd_of(vm, a.pos[0]) {
            0 => std::io::stdin().is_terminal(),
            1 => std::io::stdout().is_terminal(),
            2 => std::io::stderr().is_terminal(),
            _ => false,
        }))
    });
    add_method(vm, cls, "readable()", |vm, a| {
        Ok(Value::Bool(fd_of(vm, a.pos[0]) == 0))
    });
    add_method(vm, cls, "writable()", |vm, a| {
        Ok(Value::Bool(fd_of(vm, a.pos[0]) != 0))
    });
    add_method(vm, cls, "seekable()", |_, _| Ok(Value::Bool(false)));
}

fn binary_class(vm: &mut Vm) -> ObjRef {
    let cls = new_class(vm, "BufferedWriter");
    add_method(vm, cls, "write(b, /)", |vm, a| {
        let fd = fd_of(vm, a.pos[0]);
        if fd == 0 {
            return Err(not_writable(vm));
        }
        let Some(b) = vm.bytes_of(a.pos[1]) else {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        if fd == 1 {
            if vm.stdout.write_bytes(&b).is_err() {
                return Err(broken_pipe(vm));
            }
        } else {
            use std::io::Write;
            let _ = vm.stdout.flush();
            let _ = std::io::stderr().write_all(&b);
        }
        Ok(Value::Int(b.len() as i64))
    });
    add_method(vm, cls, "flush()", flush);
    add_method(vm, cls, "read(size=-1, /)", |vm, a| {
        if fd_of(vm, a.pos[0]) != 0 {
            return Err(not_readable(vm));
        }
        let limit = size_arg(vm, a.pos.get(1).copied())?;
        let data = read_all_bytes(vm, limit)?;
        Ok(vm.alloc(Obj::Bytes(data.into_boxed_slice())))
    });
    add_method(vm, cls, "readline(size=-1, /)", |vm, a| {
        if fd_of(vm, a.pos[0]) != 0 {
            return Err(not_readable(vm));
        }
        let line = read_line_bytes(vm)?;
        Ok(vm.alloc(Obj::Bytes(line.into_boxed_slice())))
    });
    add_method(vm, cls, "__iter__()", |_, a| Ok(a.pos[0]));
    add_method(vm, cls, "__next__()", |vm, a| {
        if fd_of(vm, a.pos[0]) != 0 {
            return Err(not_readable(vm));
        }
        let line = read_line_bytes(vm)?;
        if line.is_empty() {
            return Err(vm.stop_iteration(Value::None));
        }
        Ok(vm.alloc(Obj::Bytes(line.into_boxed_slice())))
    });
    add_common(vm, cls);
    cls
}

/// The fd (0, 1, 2) of one of sys's standard text stream objects.
pub fn stream_fd(vm: &Vm, v: Value) -> Option<i32> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) => match (vm.heap.get(i.class), i.base) {
                (Obj::Class(c), Value::Int(fd))
                    if c.builtin && fd < BUFFER_BASE && vm.str_of(c.name) == "TextIOWrapper" =>
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

/// readline(size)'s answer for the line read.
fn limited_line(vm: &mut Vm, mut line: Vec<u8>, limit: Option<usize>) -> PyResult<Value> {
    if let Some(n) = limit {
        // Rare: a size limit on a line; the rest stays unread only
        // up to what std buffered, so cut on a char boundary.
        let s = String::from_utf8_lossy(&line).into_owned();
        let cut: String = s.chars().take(n).collect();
        line = cut.into_bytes();
    }
    decode(vm, line)
}
