//! The native walk (issue 12, acceptance 1): every native function and
//! method the VM registers (the builtins, every built-in type's namespace,
//! every native module and the classes they create) is called with 0, 1, 2
//! and 5 arguments drawn from a pool of awkward values, through the library
//! and under `catch_unwind`. Each call must return or raise a Python
//! exception: a Rust panic fails the test. The VM has no capabilities, so
//! natives that reach the host raise PermissionError instead of acting.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::Write;
use std::rc::Rc;

use weft::embed::{Interpreter, RunError};
use weft::object::{Obj, ObjRef, Value};

/// Natives that would block, wait on the host or compute for hours with the
/// pool's arguments (as CPython would), and why; everything else is called.
const SKIP: &[(&str, &str)] = &[
    ("input", "reads standard input"),
    (
        "math.factorial",
        "computes (2**62)! as CPython would: hours",
    ),
    (
        "math.comb",
        "computes comb(2**62, k) as CPython would: hours",
    ),
    (
        "math.perm",
        "computes perm(2**62, k) as CPython would: hours",
    ),
    ("time.sleep", "sleeps for as long as it is asked (2**62 s)"),
    (
        "posix._exit",
        "ends the process at once (no capability guards it)",
    ),
    (
        "posix.abort",
        "aborts the process (no capability guards it)",
    ),
];

/// A sink for whatever the natives print.
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let mut v = self.0.borrow_mut();
        // Keep memory flat: only the size matters.
        if v.len() > 1 << 16 {
            v.clear();
        }
        v.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const SETUP: &str = "
class User:
    def __repr__(self):
        return 'User()'
u = User()
pool = [None, -1, 2**70, '', [], b'', 1.5, 2**62, u]
import math, time, gc, sys
";

/// Every native reachable from the VM, with a name for reports.
fn natives(interp: &mut Interpreter) -> Vec<(String, Value)> {
    let vm = &mut interp.vm;
    // Import every native module so its classes exist.
    let mut names: Vec<&'static str> = vm.native_modules.keys().copied().collect();
    names.sort();
    let mut modules = Vec::new();
    for n in names {
        if let Ok(m) = weft::modules::load_module(vm, n) {
            modules.push((n.to_string(), m));
        }
    }
    let mut classes: Vec<ObjRef> = Vec::new();
    let mut types = Vec::new();
    vm.t.trace(&mut types);
    classes.extend(types.iter().filter_map(|v| match v {
        Value::Obj(r) => Some(*r),
        _ => None,
    }));
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let builtins = vm.builtins;
    let mut spaces: Vec<(String, ObjRef)> = vec![(String::new(), builtins)];
    for (n, m) in &modules {
        if let Some(d) = weft::modules::module_dict(vm, *m) {
            spaces.push((format!("{n}."), d));
        }
    }
    // Namespaces first (their classes join the class list), then classes.
    for (prefix, d) in spaces {
        for e in vm.dict_ref(d).iter() {
            let Value::Obj(r) = e.value else { continue };
            match vm.heap.get(r) {
                Obj::BuiltinFn(_) if seen.insert(r.raw()) => {
                    out.push((format!("{prefix}{}", vm.str_of(e.key)), e.value));
                }
                Obj::Class(_) => classes.push(r),
                _ => {}
            }
        }
    }
    let mut done = BTreeSet::new();
    for c in classes {
        if !done.insert(c.raw()) {
            continue;
        }
        let (cname, d) = match vm.heap.get(c) {
            Obj::Class(k) => (vm.str_of(k.name).to_string(), k.dict),
            _ => continue,
        };
        for e in vm.dict_ref(d).iter() {
            let key = vm.str_of(e.key).to_string();
            let mut found = Vec::new();
            if let Value::Obj(r) = e.value {
                match vm.heap.get(r) {
                    Obj::BuiltinFn(_) => found.push(e.value),
                    Obj::StaticMethod(f) | Obj::ClassMethod(f) => found.push(*f),
                    Obj::Property(p) => found.extend(p.iter().take(3).copied()),
                    _ => {}
                }
            }
            for f in found {
                if let Value::Obj(r) = f {
                    if matches!(vm.heap.get(r), Obj::BuiltinFn(_)) && seen.insert(r.raw()) {
                        out.push((format!("{cname}.{key}"), f));
                    }
                }
            }
        }
    }
    out
}

/// Walk every native; returns (callables, calls, panics).
fn walk() -> (usize, usize, Vec<String>) {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let mut interp = Interpreter::new();
    interp.vm.stdout.set_sink(Box::new(Sink(buf.clone())));
    interp.set_script("natives_walk.py", &[]);
    if let Err(e) = interp.run_source("natives_walk.py", SETUP) {
        panic!("setup failed: {}", describe(e));
    }
    let pool: Vec<Value> = {
        let vm = &interp.vm;
        let main = interp_main(&interp);
        let p = vm
            .dict_ref(main)
            .iter()
            .find(|e| matches!(e.key, Value::Obj(_)) && vm.as_str(e.key) == Some("pool"))
            .map(|e| e.value);
        match p {
            Some(Value::Obj(r)) => match vm.heap.get(r) {
                Obj::List(l) => l.clone(),
                _ => panic!("pool is not a list"),
            },
            _ => panic!("pool missing"),
        }
    };
    let all = natives(&mut interp);
    let skip: BTreeSet<&str> = SKIP.iter().map(|(n, _)| *n).collect();
    let mut calls = 0;
    let mut panics = Vec::new();
    let mut covered = 0;
    let mut returned = 0;
    let verbose = std::env::var_os("WEFT_WALK_VERBOSE").is_some();
    for (name, f) in &all {
        if skip.contains(name.as_str()) {
            continue;
        }
        covered += 1;
        // Keep the callable and the pool alive across collections.
        // Every pair of pool values for two arguments (a receiver and its
        // argument: "".center(2**62)); a rotation of the pool otherwise.
        let p = pool.len();
        for n in [0usize, 1, 2, 5] {
            let combos = match n {
                0 => 1,
                2 => p * p,
                _ => p,
            };
            for k in 0..combos {
                let args: Vec<Value> = match n {
                    2 => vec![pool[k / p], pool[k % p]],
                    _ => (0..n).map(|i| pool[(k + i) % p]).collect(),
                };
                let f = *f;
                calls += 1;
                if verbose {
                    eprintln!("{name} {n} {k}");
                }
                let r = interp.guarded(|vm| {
                    let base = vm.temp_roots.len();
                    vm.temp_roots.push(f);
                    vm.temp_roots.extend_from_slice(&pool);
                    let r = vm.call(f, &args).map(|_| ());
                    vm.temp_roots.truncate(base);
                    r
                });
                match r {
                    Ok(Ok(())) => returned += 1,
                    Ok(Err(_)) => {}
                    Err(RunError::Internal { message, .. }) => {
                        panics.push(format!("{name} with {n} args (offset {k}): {message}"))
                    }
                    Err(_) => {}
                }
            }
        }
    }
    interp.flush();
    println!("{returned} of {calls} calls returned a value, the others raised");
    (covered, calls, panics)
}

fn interp_main(interp: &Interpreter) -> ObjRef {
    interp.vm.main_globals.expect("main globals")
}

fn describe(e: RunError) -> String {
    match e {
        RunError::Exception { text, .. } => text,
        RunError::Internal { message, .. } => message,
        RunError::Syntax(e, _) => e.msg,
        RunError::Exit(n) => format!("exit {n}"),
    }
}

fn report(label: &str, (covered, calls, panics): (usize, usize, Vec<String>)) {
    println!(
        "{label}: {covered} natives, {calls} calls, {} panics ({} skipped: {})",
        panics.len(),
        SKIP.len(),
        SKIP.iter()
            .map(|(n, why)| format!("{n}: {why}"))
            .collect::<Vec<_>>()
            .join("; ")
    );
    assert!(covered > 500, "only {covered} natives found");
    assert!(
        panics.is_empty(),
        "natives panicked:\n{}",
        panics.join("\n")
    );
}

#[test]
fn every_native_returns_or_raises() {
    report("main thread", walk());
}

#[test]
fn every_native_returns_or_raises_on_a_2mib_thread() {
    let r = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(walk)
        .expect("spawn a 2 MiB thread")
        .join()
        .expect("the walk thread must not die");
    report("2 MiB thread", r);
}
