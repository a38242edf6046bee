//! The embedding API: run weft code from a Rust program.

use std::rc::Rc;

use crate::object::{ObjRef, Value};
use crate::source::SourceFile;
use crate::vm::Vm;

/// Why a run failed.
#[derive(Debug)]
pub enum RunError {
    /// The source did not compile: the error and its file, for a report.
    Syntax(crate::diag::SyntaxError, Rc<SourceFile>),
    /// An uncaught Python exception, with CPython's traceback text.
    Exception { text: String, type_name: String },
    /// `sys.exit(code)`.
    Exit(i32),
    /// An internal invariant failed (a Rust panic inside the VM): what it
    /// said, and the weft frames that were running. The interpreter was
    /// reset and can run code again.
    Internal { message: String, traceback: String },
}

/// An interpreter instance: one VM, one `__main__` module.
pub struct Interpreter {
    pub vm: Vm,
    main: ObjRef,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    pub fn new() -> Interpreter {
        let mut vm = crate::modules::new_vm();
        let m = crate::modules::new_module(&mut vm, "__main__");
        let main = crate::modules::module_dict(&vm, m).expect("module has a dict");
        vm.main_globals = Some(main);
        Interpreter { vm, main }
    }

    /// Set sys.argv and the import path from a script path.
    pub fn set_script(&mut self, path: &str, args: &[String]) {
        let mut argv = vec![path.to_string()];
        argv.extend_from_slice(args);
        self.vm.argv = argv;
        let dir = std::path::Path::new(path)
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    ".".to_string()
                } else {
                    p.display().to_string()
                }
            })
            .unwrap_or_else(|| ".".into());
        self.vm.path = vec![dir];
        self.refresh_sys();
    }

    /// Re-publish argv and path into the sys module.
    pub fn refresh_sys(&mut self) {
        let vm = &mut self.vm;
        let argv: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
        let argv = vm.new_list(argv);
        let path: Vec<Value> = vm.path.clone().into_iter().map(|a| vm.new_str(a)).collect();
        let path = vm.new_list(path);
        if let Ok(sys) = crate::modules::load_module(vm, "sys") {
            crate::modules::set_attr(vm, sys, "argv", argv);
            crate::modules::set_attr(vm, sys, "path", path);
        }
    }

    /// Run source text as the `__main__` module.
    pub fn run_source(&mut self, name: &str, text: &str) -> Result<(), RunError> {
        let file = SourceFile::new(name, text);
        self.vm.sources.insert(Rc::from(name), file.clone());
        let code = self
            .guarded(|_| {
                crate::syntax::parse(text)
                    .and_then(|m| crate::compile::compile(&m, &file, crate::compile::Mode::Module))
            })?
            .map_err(|e| RunError::Syntax(e, file.clone()))?;
        let fk = self.vm.n.file;
        let fv = self.vm.new_str(name);
        self.vm.dict_set_str(self.main, fk, fv);
        let main = self.main;
        match self.guarded(|vm| vm.run_module_code(&code, main))? {
            Ok(_) => Ok(()),
            Err(e) => Err(self.exception_to_error(e)),
        }
    }

    /// Run `f` on the VM, turning a Rust panic inside it into
    /// `RunError::Internal` (the host never sees the unwind) and resetting
    /// the VM so it stays usable.
    pub fn guarded<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> Result<R, RunError> {
        let vm = &mut self.vm;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(vm))) {
            Ok(r) => Ok(r),
            Err(payload) => {
                let message = panic_message(&*payload);
                let traceback = self.vm.stack_summary();
                self.vm.reset_after_panic();
                Err(RunError::Internal { message, traceback })
            }
        }
    }

    /// Turn an uncaught exception into a RunError (SystemExit gives Exit).
    pub fn exception_to_error(&mut self, e: Value) -> RunError {
        let vm = &mut self.vm;
        if vm.isinstance_class(e, vm.t.system_exit) {
            let args = vm.exc_args(e);
            let code = args.first().copied().unwrap_or(Value::None);
            return match code {
                Value::None => RunError::Exit(0),
                Value::Int(i) => RunError::Exit(i as i32),
                Value::Bool(b) => RunError::Exit(b as i32),
                other => {
                    let s = vm.str_string(other).unwrap_or_default();
                    let _ = vm.stdout.flush();
                    eprintln!("{s}");
                    RunError::Exit(1)
                }
            };
        }
        let text = vm.format_exception(e);
        let type_name = vm.type_name(e);
        RunError::Exception { text, type_name }
    }

    /// Run the atexit handlers (last registered first), if the script
    /// imported atexit. A handler that raises gets CPython's "Exception
    /// ignored in atexit callback" report on stderr; SystemExit is quiet.
    pub fn run_atexit(&mut self) {
        self.join_threads();
        let vm = &mut self.vm;
        let k = vm.intern("atexit");
        let Ok(Some(m)) = vm.dict_get(vm.modules, k) else {
            return;
        };
        let hk = vm.intern("_handlers");
        let Ok(Some(handlers)) = vm.getattr_opt(m, hk) else {
            return;
        };
        let pop = vm.intern("pop");
        loop {
            match vm.len(handlers) {
                Ok(n) if n > 0 => {}
                _ => break,
            }
            let Ok(entry) = vm.call_method(handlers, pop, &[]) else {
                break;
            };
            vm.temp_roots.push(entry);
            let items = vm.tuple_items(entry);
            let r = match items.as_slice() {
                [f, args, kwargs] => {
                    let args = vm.tuple_items(*args);
                    let kw = match *kwargs {
                        Value::Obj(d) => vm
                            .dict_ref(d)
                            .keys()
                            .into_iter()
                            .zip(vm.dict_ref(d).values())
                            .collect::<Vec<_>>(),
                        _ => Vec::new(),
                    };
                    vm.call_kw(*f, &args, &kw)
                }
                _ => Ok(Value::None),
            };
            if let Err(e) = r {
                if !vm.isinstance_class(e, vm.t.system_exit) {
                    let f = items.first().copied().unwrap_or(Value::None);
                    let fr = vm.repr_string(f).unwrap_or_default();
                    let text = vm.format_exception(e);
                    let _ = vm.stdout.flush();
                    eprint!("Exception ignored in atexit callback: {fr}\n{text}");
                }
            }
            vm.temp_roots.pop();
        }
    }

    /// Wait for the script's non-daemon threads, as CPython does before
    /// the atexit handlers (`threading._shutdown`), if it imported
    /// threading. An exception there (Ctrl-C) is reported and the wait ends.
    fn join_threads(&mut self) {
        let vm = &mut self.vm;
        let k = vm.intern("threading");
        let Ok(Some(m)) = vm.dict_get(vm.modules, k) else {
            return;
        };
        let name = vm.intern("_shutdown");
        let Ok(Some(f)) = vm.getattr_opt(m, name) else {
            return;
        };
        if let Err(e) = vm.call(f, &[]) {
            let text = vm.format_exception(e);
            let _ = vm.stdout.flush();
            eprint!("Exception ignored in: <module 'threading'>\n{text}");
        }
    }

    /// End of the program: collect what is garbage (reporting coroutines
    /// that were never awaited, as CPython does when it frees them).
    pub fn finish(&mut self) {
        self.vm.collect();
    }

    /// Flush buffered stdout; false if the pipe is closed.
    pub fn flush(&mut self) -> bool {
        self.vm.stdout.flush().is_ok()
    }
}

/// The text a panic was raised with (`panic!("...")` gives a `&str` or a
/// `String`; anything else is described generically).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a Rust panic with a non-text payload".to_string()
    }
}
