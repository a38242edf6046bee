//! The import system and the native modules.
//!
//! Modules are found, in order: in `sys.modules`; among the native modules
//! (Rust); among the weft modules embedded from `stdlib/`; as `NAME.py` or
//! `NAME/__init__.py` in the importing package's folder or on `sys.path`
//! (the main script's folder first).

pub mod asyncio;
pub mod gc;
pub mod math;
pub mod sys;
pub mod time;

use std::rc::Rc;

use crate::object::*;
use crate::syntax::source::SourceFile;
use crate::vm::{Exit, Vm};

/// Modules written in weft, embedded in the binary.
pub const STDLIB: &[(&str, &str)] = &[
    ("asyncio", include_str!("../../stdlib/asyncio.py")),
    ("datetime", include_str!("../../stdlib/datetime.py")),
    (
        "_weft_builtins",
        include_str!("../../stdlib/_weft_builtins.py"),
    ),
];

pub fn install(vm: &mut Vm) {
    vm.importer = import_impl;
    vm.native_modules.insert("sys", sys::make);
    vm.native_modules.insert("time", time::make);
    vm.native_modules.insert("math", math::make);
    vm.native_modules.insert("gc", gc::make);
    vm.native_modules.insert("_asyncio", asyncio::make);
    vm.await_hook = Some(crate::aio::await_step::await_native);
    // sys exists from the start (print looks up sys.stdout).
    if let Ok(m) = load_module(vm, "sys") {
        let _ = m;
    }
}

/// A new module object registered in sys.modules.
pub fn new_module(vm: &mut Vm, name: &str) -> Value {
    let dict = vm.heap.alloc(Obj::Dict(Box::default()));
    let namev = vm.new_str(name);
    let m = vm.alloc(Obj::Module(Box::new(Module { name: namev, dict })));
    let nk = vm.n.name;
    vm.dict_set_str(dict, nk, namev);
    let dk = vm.n.doc;
    vm.dict_set_str(dict, dk, Value::None);
    let pk = vm.n.package;
    vm.dict_set_str(dict, pk, Value::None);
    let bk = vm.n.builtins;
    let b = Value::Obj(vm.builtins);
    vm.dict_set_str(dict, bk, b);
    let key = vm.intern(name);
    let mods = Value::Obj(vm.modules);
    let _ = vm.dict_set(mods, key, m);
    m
}

pub fn module_dict(vm: &Vm, m: Value) -> Option<ObjRef> {
    match m {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Module(md) => Some(md.dict),
            _ => None,
        },
        _ => None,
    }
}

/// Set `name` in a module's namespace.
pub fn set_attr(vm: &mut Vm, m: Value, name: &str, v: Value) {
    if let Some(d) = module_dict(vm, m) {
        let k = vm.intern(name);
        vm.dict_set_str(d, k, v);
    }
}

/// Add a native function to a module.
pub fn add_fn(vm: &mut Vm, m: Value, name: &'static str, f: NativeFnPtr) {
    let modname = module_name(vm, m);
    let v = vm.new_native(name, format!("{modname}.{name}"), f);
    set_attr(vm, m, name, v);
}

fn module_name(vm: &Vm, m: Value) -> String {
    match m {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Module(md) => vm.str_of(md.name).to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

impl Vm {
    /// ImportName: `import a.b.c` / `from .x import y`.
    pub fn import_name(&mut self, name: Value, fromlist: Value, level: Value) -> PyResult<Value> {
        let f = self.importer;
        f(self, name, fromlist, level)
    }

    /// ImportFrom: `from m import name` (a submodule if not an attribute).
    pub fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let modname = module_name(self, m);
        let n = self.str_of(name).to_string();
        let full = format!("{modname}.{n}");
        if let Ok(sub) = load_module(self, &full) {
            return Ok(sub);
        }
        let msg = format!("cannot import name '{n}' from '{modname}'");
        let e = self.new_error(self.t.import_error, msg);
        Err(e)
    }

    /// ImportStar: copy public names (or `__all__`) into the current namespace.
    pub fn import_star(&mut self, m: Value) -> PyResult<()> {
        let Some(d) = module_dict(self, m) else {
            return Err(self.type_error("import * needs a module"));
        };
        let ak = self.n.all;
        let names: Vec<Value> = match self.dict_get_str(d, ak) {
            Some(all) => self.collect_iterable(all)?,
            None => self
                .dict_ref(d)
                .keys()
                .into_iter()
                .filter(|k| !self.str_of(*k).starts_with('_'))
                .collect(),
        };
        let f = self.fiber.frames.last().unwrap();
        let target = f.locals.unwrap_or(f.globals);
        for n in names {
            let v = self.getattr(m, n)?;
            let s = self.str_of(n).to_string();
            let k = self.intern(&s);
            self.dict_set_str(target, k, v);
        }
        Ok(())
    }

    /// An attribute of the sys module.
    pub fn sys_attr(&mut self, name: Value) -> Option<Value> {
        let k = self.intern("sys");
        let m = self.dict_get_str(self.modules, k)?;
        let d = module_dict(self, m)?;
        self.dict_get_str(d, name)
    }

    /// 1 or 2 if `v` is the VM's own stdout/stderr stream object.
    pub fn std_stream_fd(&self, v: Value) -> Option<i32> {
        sys::stream_fd(self, v)
    }

    /// Run compiled module code with `globals` as its namespace.
    pub fn run_module_code(
        &mut self,
        code: &Rc<crate::bytecode::CodeObject>,
        globals: ObjRef,
    ) -> PyResult<Value> {
        let rt = self.load_code(code);
        let base = self.fiber.stack.len();
        self.fiber
            .stack
            .resize(base + rt.nslots as usize, Value::Undefined);
        self.depth += 1;
        self.fiber.frames.push(Frame {
            exit: true,
            ..Frame::new(rt, base, base, globals, None)
        });
        self.native_depth += 1;
        let r = self.run_loop();
        self.native_depth -= 1;
        match r {
            Exit::Returned(v) => Ok(v),
            Exit::Raised(e) => Err(e),
            Exit::Yielded(_) => Err(self.runtime_error("module code cannot yield")),
        }
    }

    /// Compile source text; a syntax error becomes a Python SyntaxError.
    pub fn compile_source(
        &mut self,
        name: &str,
        text: &str,
    ) -> PyResult<Rc<crate::bytecode::CodeObject>> {
        let file = SourceFile::new(name, text);
        self.sources.insert(Rc::from(name), file.clone());
        let result = crate::syntax::parse(text)
            .and_then(|m| crate::compile::compile(&m, &file, crate::compile::Mode::Module));
        match result {
            Ok(c) => Ok(c),
            Err(e) => Err(self.syntax_error_value(&e, &file)),
        }
    }

    /// A SyntaxError (or subclass) exception for a compile error.
    pub fn syntax_error_value(&mut self, e: &crate::diag::SyntaxError, file: &SourceFile) -> Value {
        let cls_name = e.kind.class_name();
        let cls = self
            .t
            .exc_by_name
            .iter()
            .find(|(n, _)| *n == cls_name)
            .map(|(_, c)| *c)
            .unwrap_or(self.t.syntax_error);
        let line = file.line_of(e.span.start);
        let msg = self.new_str(e.msg.clone());
        let fname = self.new_str(file.name.clone());
        let text = self.new_str(file.line_text(line).to_string());
        let details = self.new_tuple(vec![
            fname,
            Value::Int(line as i64),
            Value::Int(file.col_of(e.span.start) as i64 + 1),
            text,
        ]);
        let args = if matches!(cls_name, "SyntaxError" | "IndentationError" | "TabError") {
            self.new_tuple(vec![msg, details])
        } else {
            self.new_tuple(vec![msg])
        };
        self.new_exception(cls, args)
    }
}

fn import_impl(vm: &mut Vm, name: Value, fromlist: Value, level: Value) -> PyResult<Value> {
    let name_s = vm.str_of(name).to_string();
    let level = match level {
        Value::Int(i) => i.max(0) as usize,
        _ => 0,
    };
    let full = if level > 0 {
        let base = current_package(vm, level)?;
        if name_s.is_empty() {
            base
        } else if base.is_empty() {
            name_s.clone()
        } else {
            format!("{base}.{name_s}")
        }
    } else {
        name_s.clone()
    };
    if full.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    // Import every prefix: a, a.b, a.b.c.
    let parts: Vec<&str> = full.split('.').collect();
    let mut top = Value::None;
    let mut leaf = Value::None;
    for i in 0..parts.len() {
        let prefix = parts[..=i].join(".");
        let m = load_module(vm, &prefix)?;
        if i == 0 {
            top = m;
        } else {
            // Bind the submodule as an attribute of its parent.
            let parent = parts[..i].join(".");
            let pk = vm.intern(&parent);
            if let Some(p) = vm.dict_get_str(vm.modules, pk) {
                set_attr(vm, p, parts[i], m);
            }
        }
        leaf = m;
    }
    let from_names = if fromlist.is_none() {
        Vec::new()
    } else {
        vm.tuple_items(fromlist)
    };
    if from_names.is_empty() {
        return Ok(if level > 0 { leaf } else { top });
    }
    // `from pkg import sub`: import submodules named in the fromlist.
    if let Some(d) = module_dict(vm, leaf) {
        let pk = vm.n.path;
        if vm.dict_get_str(d, pk).is_some() {
            for n in from_names {
                let ns = vm.str_of(n).to_string();
                if ns == "*" || vm.dict_get_str(d, n).is_some() {
                    continue;
                }
                let sub = format!("{full}.{ns}");
                match load_module(vm, &sub) {
                    Ok(m) => set_attr(vm, leaf, &ns, m),
                    Err(e) if vm.isinstance_class(e, vm.t.module_not_found_error) => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(leaf)
}

/// The package a relative import of `level` dots starts from.
fn current_package(vm: &mut Vm, level: usize) -> PyResult<String> {
    let globals = match vm.fiber.frames.last() {
        Some(f) => f.globals,
        None => {
            return Err(vm.new_error(
                vm.t.import_error,
                "attempted relative import with no known parent package",
            ))
        }
    };
    let pk = vm.n.package;
    let nk = vm.n.name;
    let pathk = vm.n.path;
    let package = match vm
        .dict_get_str(globals, pk)
        .and_then(|p| vm.as_str(p).map(|s| s.to_string()))
    {
        Some(p) => p,
        None => {
            let name = vm
                .dict_get_str(globals, nk)
                .map(|n| vm.str_of(n).to_string())
                .unwrap_or_default();
            if vm.dict_get_str(globals, pathk).is_some() {
                name
            } else {
                name.rsplit_once('.')
                    .map(|(a, _)| a.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() || package == "__main__" {
        return Err(vm.new_error(
            vm.t.import_error,
            "attempted relative import with no known parent package",
        ));
    }
    let mut parts: Vec<&str> = package.split('.').collect();
    for _ in 1..level {
        if parts.pop().is_none() || parts.is_empty() {
            return Err(vm.new_error(
                vm.t.import_error,
                "attempted relative import beyond top-level package",
            ));
        }
    }
    Ok(parts.join("."))
}

/// Find, create and execute the module `full` (a dotted name).
pub fn load_module(vm: &mut Vm, full: &str) -> PyResult<Value> {
    let key = vm.intern(full);
    if let Some(m) = vm.dict_get_str(vm.modules, key) {
        return Ok(m);
    }
    if let Some(&make) = vm.native_modules.get(full) {
        let m = make(vm)?;
        let mods = Value::Obj(vm.modules);
        vm.dict_set(mods, key, m)?;
        return Ok(m);
    }
    if let Some((_, src)) = STDLIB.iter().find(|(n, _)| *n == full) {
        let m = new_module(vm, full);
        let d = module_dict(vm, m).unwrap();
        let fk = vm.n.file;
        let fv = vm.new_str(format!("<weft stdlib {full}>"));
        vm.dict_set_str(d, fk, fv);
        let code = vm.compile_source(&format!("<weft stdlib {full}>"), src)?;
        if let Err(e) = vm.run_module_code(&code, d) {
            let mods = vm.modules;
            vm.dict_del_str(mods, key);
            return Err(e);
        }
        return Ok(m);
    }
    // Search the file system.
    let (parent, leaf) = match full.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, full),
    };
    let dirs: Vec<String> = match parent {
        Some(p) => {
            let pk = vm.intern(p);
            let pm = match vm.dict_get_str(vm.modules, pk) {
                Some(m) => m,
                None => return Err(not_found(vm, full)),
            };
            let d = module_dict(vm, pm);
            let pathk = vm.n.path;
            match d.and_then(|d| vm.dict_get_str(d, pathk)) {
                Some(p) => vm
                    .tuple_items(p)
                    .iter()
                    .map(|v| vm.str_of(*v).to_string())
                    .collect(),
                None => {
                    let msg = format!("No module named '{full}'; '{p}' is not a package");
                    return Err(vm.new_error(vm.t.module_not_found_error, msg));
                }
            }
        }
        // Without the file-system capability only the embedded and
        // native modules can be imported.
        None if !vm.caps.fs_read => Vec::new(),
        None => vm.path.clone(),
    };
    for dir in dirs {
        let base = std::path::Path::new(&dir);
        let pkg_init = base.join(leaf).join("__init__.py");
        let file = base.join(format!("{leaf}.py"));
        let (path, is_pkg) = if pkg_init.is_file() {
            (pkg_init, true)
        } else if file.is_file() {
            (file, false)
        } else {
            continue;
        };
        let text = match std::fs::read(&path) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => s,
                Err(_) => {
                    let msg = format!(
                        "(unicode error) 'utf-8' codec can't decode source file {}",
                        path.display()
                    );
                    return Err(vm.new_error(vm.t.syntax_error, msg));
                }
            },
            Err(e) => return Err(vm.new_error(vm.t.os_error, e.to_string())),
        };
        let path_s = path.display().to_string();
        let m = new_module(vm, full);
        let d = module_dict(vm, m).unwrap();
        let fk = vm.n.file;
        let fv = vm.new_str(path_s.clone());
        vm.dict_set_str(d, fk, fv);
        let pk = vm.n.package;
        let package = if is_pkg {
            full.to_string()
        } else {
            parent.unwrap_or("").to_string()
        };
        let pv = vm.new_str(package);
        vm.dict_set_str(d, pk, pv);
        if is_pkg {
            let dirv = vm.new_str(base.join(leaf).display().to_string());
            let l = vm.new_list(vec![dirv]);
            let pathk = vm.n.path;
            vm.dict_set_str(d, pathk, l);
        }
        let code = match vm.compile_source(&path_s, &text) {
            Ok(c) => c,
            Err(e) => {
                let mods = vm.modules;
                vm.dict_del_str(mods, key);
                return Err(e);
            }
        };
        if let Err(e) = vm.run_module_code(&code, d) {
            let mods = vm.modules;
            vm.dict_del_str(mods, key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        return Ok(vm.dict_get_str(vm.modules, key).unwrap_or(m));
    }
    Err(not_found(vm, full))
}

fn not_found(vm: &mut Vm, full: &str) -> Value {
    let msg = format!("No module named '{full}'");
    let e = vm.new_error(vm.t.module_not_found_error, msg);
    let nk = vm.intern("name");
    let nv = vm.new_str(full);
    let _ = vm.setattr(e, nk, nv);
    e
}
