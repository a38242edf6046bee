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

use crate::vm::interrupt::{InterruptWord, SWITCH};
use crate::vm::Vm;

/// The switch interval in microseconds (default 5 ms, as CPython).
static INTERVAL_US: AtomicU64 = AtomicU64::new(5000);

pub fn switch_interval() -> f64 {
    INTERVAL_US.load(Ordering::Relaxed) as f64 / 1e6
}

pub fn set_switch_interval(secs: f64) {
    let us = (secs * 1e6).clamp(1.0, 3.6e9) as u64;
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
                std::thread::sleep(Duration::from_micros(INTERVAL_US.load(Ordering::Relaxed)));
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
