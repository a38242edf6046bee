//! `signal`: Python-level signal handlers, run as CPython runs them: the C
//! handler only records the signal (a bit in `PENDING`) and sets the VM's
//! interrupt word (`SIGNAL`); the Python handler runs at the dispatch loop's
//! next safepoint, or between two event-loop passes when the loop was
//! blocked in poll (the signal interrupts epoll_wait). SIGINT's default
//! handler raises KeyboardInterrupt. asyncio's add_signal_handler is built
//! on this module (stdlib/asyncio/unix_events.py).

use std::cell::Cell;
use std::sync::atomic::{AtomicPtr, AtomicU64, Ordering};
use std::sync::Arc;

use crate::aio::oserror;
use crate::modules::{add_fn, new_module, set_attr};
use crate::object::*;
use crate::vm::interrupt::SIGNAL;
use crate::vm::{Cap, Vm};

const NSIG: usize = 65;
/// Signals that arrived and whose Python handler has not run yet.
static PENDING: AtomicU64 = AtomicU64::new(0);
/// The interrupt word of the VM that installed handlers (leaked Arc).
static TARGET: AtomicPtr<std::sync::atomic::AtomicU32> = AtomicPtr::new(std::ptr::null_mut());

thread_local! {
    /// The handler table: a list of NSIG values (rooted in extra_roots).
    static TABLE: Cell<Option<ObjRef>> = const { Cell::new(None) };
}

extern "C" fn on_signal(sig: libc::c_int) {
    if (1..64).contains(&sig) {
        PENDING.fetch_or(1 << sig, Ordering::AcqRel);
    }
    let w = TARGET.load(Ordering::Acquire);
    if !w.is_null() {
        // SAFETY: TARGET points into an Arc leaked by `target`, never freed.
        unsafe { (*w).fetch_or(SIGNAL, Ordering::AcqRel) };
    }
}

fn target(vm: &Vm) {
    if TARGET.load(Ordering::Acquire).is_null() {
        let p = Arc::into_raw(vm.interrupt.0.clone()) as *mut _;
        if TARGET
            .compare_exchange(std::ptr::null_mut(), p, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            // SAFETY: p came from Arc::into_raw just above and was not stored.
            unsafe { drop(Arc::from_raw(p)) };
        }
    }
}

/// The handler table, made on first use with the dispositions the process
/// started with (SIG_IGN where ignored, else SIG_DFL).
fn table(vm: &mut Vm) -> ObjRef {
    if let Some(t) = TABLE.with(|t| t.get()) {
        return t;
    }
    let mut items = Vec::with_capacity(NSIG);
    for sig in 0..NSIG {
        items.push(Value::Int(if current_is_ignored(sig as i32) {
            1
        } else {
            0
        }));
    }
    let l = vm.new_list(items);
    vm.extra_roots.push(l);
    let Value::Obj(r) = l else {
        unreachable!("new_list makes an object")
    };
    TABLE.with(|t| t.set(Some(r)));
    vm.signal_hook = Some(run_pending);
    target(vm);
    r
}

fn current_is_ignored(sig: i32) -> bool {
    if !(1..NSIG as i32).contains(&sig) {
        return false;
    }
    // SAFETY: a query-only sigaction (null new action) into a local.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

fn get(vm: &mut Vm, sig: usize) -> Value {
    let t = table(vm);
    match vm.heap.get(t) {
        Obj::List(l) => l.get(sig).copied().unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn put(vm: &mut Vm, sig: usize, v: Value) {
    let t = table(vm);
    if let Obj::List(l) = vm.heap.get_mut(t) {
        if let Some(slot) = l.get_mut(sig) {
            *slot = v;
        }
    }
}

/// Install the OS-level disposition for a Python handler value.
fn set_os_handler(sig: i32, handler: Value) -> std::io::Result<()> {
    let action = match handler {
        Value::Int(0) => libc::SIG_DFL,
        Value::Int(1) => libc::SIG_IGN,
        _ => on_signal as extern "C" fn(libc::c_int) as usize,
    };
    // SAFETY: a zeroed sigaction with a handler that only touches atomics.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = action;
        libc::sigemptyset(&mut sa.sa_mask);
        // No SA_RESTART: a blocked poll or sleep returns EINTR, so the
        // Python handler runs promptly.
        sa.sa_flags = 0;
        if libc::sigaction(sig, &sa, std::ptr::null_mut()) < 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The VM's signal hook: run the Python handler of each pending signal.
fn run_pending(vm: &mut Vm) -> PyResult<()> {
    let bits = PENDING.swap(0, Ordering::AcqRel);
    for sig in 1..64usize {
        if bits & (1 << sig) == 0 {
            continue;
        }
        let h = get(vm, sig);
        if matches!(h, Value::Int(_) | Value::None) {
            continue;
        }
        vm.call(h, &[Value::Int(sig as i64), Value::None])?;
    }
    Ok(())
}

/// The CLI's start-up: SIGINT raises KeyboardInterrupt unless the process
/// started with SIGINT ignored (as CPython does).
pub fn install_sigint(vm: &mut Vm) {
    table(vm);
    if current_is_ignored(libc::SIGINT) {
        return;
    }
    let h = default_int_handler(vm);
    put(vm, libc::SIGINT as usize, h);
    let _ = set_os_handler(libc::SIGINT, h);
}

fn default_int_handler(vm: &mut Vm) -> Value {
    if let Some(&c) = vm.native_classes.get("signal.default_int_handler") {
        return Value::Obj(c);
    }
    let f = vm.new_native(
        "default_int_handler(signalnum, frame, /)",
        "default_int_handler",
        |vm, _| {
            let cls = vm.t.keyboard_interrupt;
            let t = vm.new_tuple(vec![]);
            Err(vm.new_exception(cls, t))
        },
    );
    if let Value::Obj(r) = f {
        vm.native_classes.insert("signal.default_int_handler", r);
    }
    f
}

fn signum(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let n = match vm.index_of(v)? {
        Some(n) => n,
        None => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if !(1..NSIG as i64).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as usize)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "signal");
    table(vm);
    for (name, v) in [
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("NSIG", NSIG as i32),
    ] {
        set_attr(vm, m, name, Value::Int(v as i64));
    }
    let dih = default_int_handler(vm);
    set_attr(vm, m, "default_int_handler", dih);
    add_fn(vm, m, "signal(signalnum, handler, /)", |vm, a| {
        let sig = signum(vm, a.pos[0])?;
        let h = a.pos[1];
        let ok =
            matches!(h, Value::Int(0) | Value::Int(1)) || crate::builtins::core::callable(vm, h);
        if !ok {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ));
        }
        if !matches!(h, Value::Int(0)) {
            vm.require(Cap::Subprocess, "signal")?;
        }
        if sig == libc::SIGKILL as usize || sig == libc::SIGSTOP as usize {
            return Err(oserror::from_errno(vm, libc::EINVAL));
        }
        let old = get(vm, sig);
        set_os_handler(sig as i32, h).map_err(|e| oserror::from_io(vm, &e))?;
        put(vm, sig, h);
        Ok(old)
    });
    add_fn(vm, m, "getsignal(signalnum, /)", |vm, a| {
        let sig = signum(vm, a.pos[0])?;
        Ok(get(vm, sig))
    });
    add_fn(vm, m, "raise_signal(signalnum, /)", |vm, a| {
        let sig = signum(vm, a.pos[0])?;
        // SAFETY: raise(3) on a valid signal number.
        if unsafe { libc::raise(sig as i32) } != 0 {
            return Err(oserror::last(vm));
        }
        // A Python handler runs now, as in CPython.
        run_pending(vm)?;
        Ok(Value::None)
    });
    add_fn(vm, m, "strsignal(signalnum, /)", |vm, a| {
        let sig = signum(vm, a.pos[0])?;
        // SAFETY: strsignal returns a static or thread-local string.
        let p = unsafe { libc::strsignal(sig as i32) };
        if p.is_null() {
            return Ok(Value::None);
        }
        // SAFETY: a NUL-terminated string from the C library.
        let s = unsafe { std::ffi::CStr::from_ptr(p) }
            .to_string_lossy()
            .to_string();
        Ok(vm.new_str(s))
    });
    Ok(m)
}
