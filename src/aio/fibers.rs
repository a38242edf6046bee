//! Threads are fibers (DESIGN decision 6): `to_thread`, `run_in_executor`,
//! `threading.Thread` and `ThreadPoolExecutor` run a weft function as a task
//! whose coroutine is marked a thread job. A ticker thread sets the
//! interrupt word's SWITCH bit every switch interval (CPython's
//! `sys.getswitchinterval()`, 5 ms) while any thread job is alive; at its
//! next safepoint the running thread-job fiber yields to the event loop
//! (`Vm::preempt`), and its task resumes it on a later pass
//! (`Vm::resume_preempted`), so a CPU-bound job shares time with the loop.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::eventloop::{loop_mut, loop_ref, run_pass, Pass};
use crate::object::{ObjRef, PyResult, Value};
use crate::vm::interrupt::{InterruptWord, SWITCH};
use crate::vm::Vm;

/// The switch interval in microseconds (default 5 ms, as CPython).
static INTERVAL_US: AtomicU64 = AtomicU64::new(5000);

pub fn switch_interval() -> f64 {
    INTERVAL_US.load(Ordering::Relaxed) as f64 / 1e6
}

/// `sys.setswitchinterval`: kept in whole microseconds as CPython keeps
/// it (the ticker never sleeps less than 1 µs).
pub fn set_switch_interval(secs: f64) {
    let us = (secs * 1e6).min(u64::MAX as f64) as u64;
    INTERVAL_US.store(us, Ordering::Relaxed);
}

/// Live thread jobs of this process's VMs, and the ticker.
struct Ticker {
    live: Arc<AtomicUsize>,
}

thread_local! {
    static TICKER: OnceLock<Ticker> = const { OnceLock::new() };
}

/// A thread job started on `vm`: make sure the ticker runs.
pub fn job_started(vm: &Vm) {
    let word = vm.interrupt.clone();
    TICKER.with(|t| {
        let tk = t.get_or_init(|| start(word));
        tk.live.fetch_add(1, Ordering::AcqRel);
    });
}

/// A thread job finished.
pub fn job_finished() {
    TICKER.with(|t| {
        if let Some(tk) = t.get() {
            let _ = tk
                .live
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
        }
    });
}

fn start(word: InterruptWord) -> Ticker {
    let live = Arc::new(AtomicUsize::new(0));
    let l = live.clone();
    let spawned = std::thread::Builder::new()
        .name("weft-switch".into())
        .spawn(move || {
            block_signals();
            // Ends with the VM: the word's other owner is gone.
            while Arc::strong_count(&word.0) > 1 {
                let us = INTERVAL_US.load(Ordering::Relaxed).clamp(1, 3_600_000_000);
                std::thread::sleep(Duration::from_micros(us));
                if l.load(Ordering::Acquire) > 0 {
                    word.raise(SWITCH);
                }
            }
        });
    if spawned.is_err() {
        // No ticker: thread jobs run until they block or finish.
        live.store(usize::MAX / 2, Ordering::Relaxed);
    }
    Ticker { live }
}

/// Helper threads leave signals to the VM thread (a SIGINT delivered to
/// them would not interrupt the loop's poll).
pub fn block_signals() {
    // SAFETY: sigset operations on a local set; pthread_sigmask affects
    // only the calling thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Thread jobs alive on this VM thread (the ticker's count).
pub fn live_jobs() -> usize {
    TICKER.with(|t| t.get().map_or(0, |tk| tk.live.load(Ordering::Acquire)))
}

/// `threading`'s private loop, if the main thread may lend it its time
/// now: no loop runs, and the private loop is open and idle.
fn lendable_loop(vm: &Vm) -> Option<ObjRef> {
    if !vm.running_loop.is_none() {
        return None;
    }
    let Value::Obj(l) = vm.threads_loop else {
        return None;
    };
    let lo = loop_ref(vm, l)?;
    (!lo.closed && !lo.running).then_some(l)
}

/// Run passes of `l` as the running loop, while `more` says so.
fn lend(vm: &mut Vm, l: ObjRef, pass: Pass, mut more: impl FnMut(&Vm) -> bool) -> PyResult<()> {
    if let Some(lo) = loop_mut(vm, l) {
        lo.running = true;
    }
    vm.running_loop = Value::Obj(l);
    let mut r = Ok(());
    while more(vm) {
        r = run_pass(vm, l, pass);
        if r.is_err() || loop_ref(vm, l).is_none_or(|lo| lo.stopping) {
            break;
        }
    }
    if let Some(lo) = loop_mut(vm, l) {
        lo.running = false;
        lo.stopping = false;
    }
    vm.running_loop = Value::None;
    r
}

/// The switch interval ended at a safepoint of the main thread of a
/// script that runs no loop (`Vm::thread_slice_hook`): the weft threads
/// of `threading`'s private loop run one pass, each until it blocks,
/// ends or is preempted in turn, as CPython's threads take the GIL.
pub fn main_slice(vm: &mut Vm) -> PyResult<()> {
    let Some(l) = lendable_loop(vm) else {
        return Ok(());
    };
    let mut once = true;
    lend(vm, l, Pass::NoWait, |_| std::mem::take(&mut once))
}

/// `time.sleep(secs)` in the main thread while weft threads are alive on
/// `threading`'s private loop: they run until the deadline. False when
/// there is no such loop (the caller sleeps).
pub fn main_sleep(vm: &mut Vm, secs: f64) -> PyResult<bool> {
    if live_jobs() == 0 {
        return Ok(false);
    }
    let Some(l) = lendable_loop(vm) else {
        return Ok(false);
    };
    let deadline = vm.monotonic() + secs.min(1e9);
    lend(vm, l, Pass::Until(deadline), |vm| vm.monotonic() < deadline)?;
    Ok(true)
}
