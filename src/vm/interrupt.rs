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
//! - `HOST_*`: reserved for the embedding host's instruction budget, wall
//!   time and hard stop (dispatched in `Vm::on_interrupt`, to be added
//!   there next to the others).
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
/// Reserved for the embedding host (not handled yet).
pub const HOST_BUDGET: u32 = 1 << 8;
pub const HOST_DEADLINE: u32 = 1 << 9;
pub const HOST_HALT: u32 = 1 << 10;

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

impl Vm {
    /// Handle the reasons set in the interrupt word (called by the dispatch
    /// loop's safepoints and by the event loop between passes).
    #[cold]
    pub fn on_interrupt(&mut self, at_safepoint: bool) -> Interrupted {
        let bits = self.interrupt.take(SIGNAL | SWITCH);
        if bits & SIGNAL != 0 {
            if let Some(hook) = self.signal_hook {
                if let Err(e) = hook(self) {
                    return Interrupted::Raise(e);
                }
            }
        }
        if bits & SWITCH != 0 && at_safepoint && self.preemptible() {
            return Interrupted::Yield;
        }
        Interrupted::Continue
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
