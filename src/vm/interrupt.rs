//! The interrupt word (DESIGN decision 8): one `Arc<AtomicU32>` of reason
//! bits, the only thing the dispatch loop tests besides the collector's
//! threshold, and only at its safepoints (frame entry, i.e. calls and
//! returns, and backward jumps). Anything that must stop or switch the
//! running weft code sets a bit, from any thread or a signal handler:
//!
//! - `SWITCH`: the fiber switch interval elapsed (threads are fibers,
//!   decision 6): a thread-job fiber yields to the event loop;
//! - `SIGNAL`: a signal arrived; its Python handler runs at the safepoint
//!   (SIGINT's default handler raises KeyboardInterrupt);
//! - `FINALIZE`: weak-reference callbacks are due (set by the collector);
//! - `HOST_HALT`: the embedding host's hard stop (from any thread).
//!
//! The safepoints do not load the word every time: they count down
//! `Vm::tick`, a plain field, and look at the word (and the host's step
//! budget and wall-time deadline, `HostLimits`) when it reaches zero, every
//! `CHECK_PERIOD` safepoints or sooner when a budget ends earlier. One
//! decrement per safepoint serves every reason to stop; an interrupt is seen
//! within about a thousand calls or loop iterations (microseconds).
//!
//! The word is cleared by the loop thread only, bit by bit as it handles
//! them. Users: the thread ticker (src/aio/fibers.rs), signal handlers
//! (src/modules/signal.rs), the REPL (Ctrl-C), the embedding API.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use super::{Exit, Vm};
use crate::object::*;

pub const SWITCH: u32 = 1;
pub const SIGNAL: u32 = 1 << 1;
/// A collection cleared weak references that have callbacks: they run at
/// the next safepoint that looks at the word.
pub const FINALIZE: u32 = 1 << 2;
/// The embedding host's hard stop (`InterruptHandle::halt`).
pub const HOST_HALT: u32 = 1 << 10;

/// Safepoints between two looks at the interrupt word and the limits.
pub const CHECK_PERIOD: u32 = 1024;

/// Why a run was stopped by its host's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitHit {
    /// The step budget (safepoints: calls and loop iterations) ran out.
    Steps,
    /// The wall-time deadline passed.
    WallTime,
    /// The host asked for a hard stop.
    Halt,
}

/// Limits an embedding host puts on the code it runs. Once one is hit the
/// run is over: the exception is raised again at every later safepoint, so
/// a script that catches BaseException cannot keep going, and the host is
/// told through `hit` whatever the script did with the exception.
#[derive(Debug, Clone, Default)]
pub struct HostLimits {
    /// Safepoints left before the budget is spent (None: no budget).
    pub steps_left: Option<u64>,
    pub deadline: Option<std::time::Instant>,
    pub hit: Option<LimitHit>,
}

/// A `Send + Clone` handle on a VM's interrupt word.
#[derive(Debug, Clone, Default)]
pub struct InterruptWord(pub Arc<AtomicU32>);

impl InterruptWord {
    pub fn raise(&self, bits: u32) {
        self.0.fetch_or(bits, Ordering::Release);
    }
    #[inline(always)]
    pub fn pending(&self) -> bool {
        self.0.load(Ordering::Relaxed) != 0
    }
    pub fn take(&self, bits: u32) -> u32 {
        self.0.fetch_and(!bits, Ordering::AcqRel) & bits
    }
}

/// What a safepoint must do after the interrupt was handled.
pub enum Interrupted {
    /// Go on running.
    Continue,
    /// Raise this exception at the safepoint.
    Raise(Value),
    /// The running thread-job fiber yields to the loop (see `preempt`).
    Yield,
}

/// Hook installed by the signal module: runs the Python handlers of the
/// signals that arrived.
pub type SignalHook = fn(&mut Vm) -> PyResult<()>;

/// Hook installed by aio: the weft threads' turn while the main thread
/// runs no loop (see `Vm::thread_slice_hook`).
pub type SliceHook = fn(&mut Vm) -> PyResult<()>;

impl Vm {
    /// Handle the reasons set in the interrupt word (called by the dispatch
    /// loop's safepoints and by the event loop between passes).
    #[cold]
    pub fn on_interrupt(&mut self, at_safepoint: bool) -> Interrupted {
        if at_safepoint {
            if let Some(e) = self.check_limits() {
                return Interrupted::Raise(e);
            }
        }
        let finalize = if at_safepoint { FINALIZE } else { 0 };
        let bits = self.interrupt.take(SIGNAL | SWITCH | finalize);
        if bits & FINALIZE != 0 {
            self.run_weak_callbacks();
        }
        if bits & SIGNAL != 0 {
            if let Some(hook) = self.signal_hook {
                if let Err(e) = hook(self) {
                    return Interrupted::Raise(e);
                }
            }
        }
        if bits & SWITCH != 0 && at_safepoint {
            if self.preemptible() {
                return Interrupted::Yield;
            }
            if self.running_loop.is_none() {
                // The main thread of a script that runs no loop: its turn
                // is over, the weft threads get theirs.
                if let Some(hook) = self.thread_slice_hook {
                    if let Err(e) = hook(self) {
                        return Interrupted::Raise(e);
                    }
                }
            }
        }
        Interrupted::Continue
    }

    /// A safepoint's countdown reached zero: account the steps it covered,
    /// see whether a host limit is hit (the exception to raise), and start
    /// the next countdown.
    fn check_limits(&mut self) -> Option<Value> {
        let used = self.tick_period as u64;
        let lim = &mut self.limits;
        if lim.hit.is_none() {
            if let Some(left) = lim.steps_left.as_mut() {
                *left = left.saturating_sub(used);
                if *left == 0 {
                    lim.hit = Some(LimitHit::Steps);
                }
            }
            if lim.deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                lim.hit = Some(LimitHit::WallTime);
            }
            if self.interrupt.take(HOST_HALT) != 0 {
                lim.hit = Some(LimitHit::Halt);
            }
        }
        let period = match self.limits.steps_left {
            Some(left) if left > 0 => left.min(CHECK_PERIOD as u64) as u32,
            _ => CHECK_PERIOD,
        };
        // Once a limit is hit every safepoint raises again.
        let period = if self.limits.hit.is_some() { 1 } else { period };
        self.tick = period;
        self.tick_period = period;
        let hit = self.limits.hit?;
        let (cls, msg) = match hit {
            LimitHit::Steps => (
                self.t.runtime_error,
                "the host's step budget is spent (calls and loop iterations)",
            ),
            LimitHit::WallTime => (self.t.timeout_error, "the host's time limit was reached"),
            LimitHit::Halt => (self.t.keyboard_interrupt, "the host stopped the script"),
        };
        Some(self.new_error(cls, msg))
    }

    /// Set the host's limits and restart the countdown so they take effect
    /// at the next safepoint.
    pub fn set_limits(&mut self, limits: HostLimits) {
        self.limits = limits;
        self.tick = 1;
        self.tick_period = 1;
    }

    /// The countdown of safepoints before the next look at the interrupt
    /// word; true when it is due (the caller then runs `on_interrupt`).
    #[inline(always)]
    pub(crate) fn safepoint_due(&mut self) -> bool {
        self.tick -= 1;
        self.tick == 0
    }

    /// The running code is a thread-job fiber that may yield to the loop:
    /// the fiber of a task's coroutine marked as a thread job, resumed by
    /// the loop (not from inside a native's nested run).
    fn preemptible(&self) -> bool {
        !self.running_loop.is_none()
            && self.native_depth == self.preempt_depth
            && matches!(self.fiber.resume, ResumeMode::Native)
            && self
                .fiber
                .owner
                .is_some_and(|g| matches!(self.heap.get(g), Obj::Gen(x) if x.thread_job))
    }

    /// Park the running thread-job fiber as it is (its frames' ips are
    /// saved); the task resumes it with `resume_preempted`, which pushes
    /// nothing. Returns the dispatch loop's exit.
    pub(crate) fn preempt(&mut self) -> Exit {
        self.preempted = self.fiber.owner;
        match self.suspend_fiber(Value::None) {
            Some(exit) => exit,
            None => Exit::Yielded(Value::None),
        }
    }

    /// Take the generator that the last `preempt` parked (the task step
    /// that resumed it records it, so the next step resumes it without a
    /// value).
    pub fn take_preempted(&mut self) -> Option<ObjRef> {
        self.preempted.take()
    }
}
