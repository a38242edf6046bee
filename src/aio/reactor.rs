//! The reactor: the loop's mio `Poll`, its file-descriptor registrations and
//! the one door other threads have into the loop (DESIGN decision 5).
//!
//! Three users share this door, so it is shaped for all three:
//! - the thread pool (src/aio/pool.rs) reports a finished blocking call;
//! - the REPL hands input lines to a loop that is running;
//! - the embedding API wakes the loop from Rust futures completed elsewhere.
//!
//! Each of them holds a [`LoopHandle`] (`Send + Clone`) and calls
//! [`LoopHandle::post`] with a `Box<dyn FnOnce(&mut Vm) + Send>`; the job is
//! queued on a channel and the loop's `mio::Waker` interrupts `epoll_wait`,
//! so the job runs on the loop thread at the start of the next pass. Nothing
//! else crosses threads: the heap is `!Send`.
//!
//! Registrations follow CPython's selector loop (`add_reader(fd, cb, *args)`):
//! a callback stays registered until removed and is called on every pass
//! while its fd is ready. mio is edge-triggered, so an fd whose callback
//! fired is re-armed (`reregister`, which makes epoll report it again if it
//! is still ready) before the next poll: a reader that consumed only part of
//! the data is called again, as with level-triggered select.

use std::collections::HashMap;
use std::io;
use std::os::fd::RawFd;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token, Waker};

use crate::object::{ObjRef, Value};
use crate::vm::Vm;

/// Work posted to the loop thread from anywhere.
pub type Job = Box<dyn FnOnce(&mut Vm) + Send>;

/// A message on the loop's channel. `settles` marks the completion of work
/// the loop counted as pending (a thread-pool call): running it lowers the
/// count that keeps the loop from reporting "nothing to run" or jumping the
/// virtual clock.
pub struct Posted {
    pub job: Job,
    pub settles: bool,
}

/// The `Send + Clone` handle other threads use to reach the loop.
#[derive(Clone)]
pub struct LoopHandle {
    tx: mpsc::Sender<Posted>,
    waker: Arc<Waker>,
}

impl LoopHandle {
    /// Run `job` on the loop thread at its next pass. False when the loop
    /// is gone (the job is dropped).
    pub fn post(&self, job: Job) -> bool {
        self.send(Posted {
            job,
            settles: false,
        })
    }

    /// Like `post`, for the completion of work counted with
    /// [`Reactor::expect`].
    pub fn settle(&self, job: Job) -> bool {
        self.send(Posted { job, settles: true })
    }

    fn send(&self, p: Posted) -> bool {
        if self.tx.send(p).is_err() {
            return false;
        }
        // A failed wake means the Poll is closed: the loop is gone too.
        self.waker.wake().is_ok()
    }
}

impl std::fmt::Debug for LoopHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("LoopHandle")
    }
}

const WAKER: Token = Token(usize::MAX);

/// Callbacks registered for one fd (asyncio Handles).
#[derive(Debug, Default, Clone, Copy)]
struct Reg {
    reader: Option<ObjRef>,
    writer: Option<ObjRef>,
    /// A child-process watcher (a pidfd): counted as pending work.
    child: bool,
}

impl Reg {
    fn interest(&self) -> Option<Interest> {
        match (self.reader.is_some(), self.writer.is_some()) {
            (true, true) => Some(Interest::READABLE | Interest::WRITABLE),
            (true, false) => Some(Interest::READABLE),
            (false, true) => Some(Interest::WRITABLE),
            (false, false) => None,
        }
    }
}

pub struct Reactor {
    poll: Poll,
    events: Events,
    handle: LoopHandle,
    rx: mpsc::Receiver<Posted>,
    regs: HashMap<RawFd, Reg>,
    /// Fds whose callbacks fired in the last pass: re-armed before polling.
    rearm: Vec<RawFd>,
    /// Thread-pool calls started and not yet settled.
    pending_jobs: usize,
    /// Child watchers registered.
    children: usize,
    /// What the thread pool's calls keep alive until they settle.
    pub held: super::pool::Held,
}

impl std::fmt::Debug for Reactor {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "Reactor({} fds)", self.regs.len())
    }
}

/// What one poll found: callbacks to schedule and posted jobs to run.
#[derive(Default)]
pub struct Found {
    pub handles: Vec<ObjRef>,
    pub jobs: Vec<Job>,
}

impl Reactor {
    pub fn new() -> io::Result<Reactor> {
        let poll = Poll::new()?;
        let waker = Arc::new(Waker::new(poll.registry(), WAKER)?);
        let (tx, rx) = mpsc::channel();
        Ok(Reactor {
            poll,
            events: Events::with_capacity(256),
            handle: LoopHandle { tx, waker },
            rx,
            regs: HashMap::new(),
            rearm: Vec::new(),
            pending_jobs: 0,
            held: Default::default(),
            children: 0,
        })
    }

    pub fn handle(&self) -> LoopHandle {
        self.handle.clone()
    }

    /// Count one piece of work that will `settle` through the handle.
    pub fn expect(&mut self) {
        self.pending_jobs += 1;
    }

    /// Something other than a timer can still wake the loop.
    pub fn has_waiters(&self) -> bool {
        !self.regs.is_empty() || self.pending_jobs > 0
    }

    /// Work is under way that the virtual clock must wait for in real time
    /// (a thread-pool call or a child process).
    pub fn has_outside_work(&self) -> bool {
        self.pending_jobs > 0 || self.children > 0
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        for r in self.regs.values() {
            out.extend(r.reader.map(Value::Obj));
            out.extend(r.writer.map(Value::Obj));
        }
        self.held.trace(out);
    }

    /// Install `h` as the reader (or writer) of `fd`; returns the handle it
    /// replaces. `child` marks a child-process watcher.
    pub fn set(
        &mut self,
        fd: RawFd,
        write: bool,
        h: Option<ObjRef>,
        child: bool,
    ) -> io::Result<Option<ObjRef>> {
        let old_reg = self.regs.get(&fd).copied();
        let mut reg = old_reg.unwrap_or_default();
        let old = if write {
            std::mem::replace(&mut reg.writer, h)
        } else {
            std::mem::replace(&mut reg.reader, h)
        };
        if child && h.is_some() && !reg.child {
            reg.child = true;
            self.children += 1;
        }
        let before = old_reg.and_then(|r| r.interest());
        let registry = self.poll.registry();
        let token = Token(fd as usize);
        match reg.interest() {
            // Re-registering even when the interest is unchanged: the fd
            // may have been closed and its number reused, and epoll forgot
            // the old one (reregister fails then, and we register anew).
            Some(i) if before.is_some() => {
                if registry.reregister(&mut SourceFd(&fd), token, i).is_err() {
                    registry.register(&mut SourceFd(&fd), token, i)?;
                }
            }
            Some(i) => {
                if let Err(e) = registry.register(&mut SourceFd(&fd), token, i) {
                    if e.kind() != io::ErrorKind::AlreadyExists {
                        return Err(e);
                    }
                    registry.reregister(&mut SourceFd(&fd), token, i)?;
                }
            }
            // The fd may be closed already (epoll forgot it then).
            None => {
                let _ = registry.deregister(&mut SourceFd(&fd));
            }
        }
        if reg.interest().is_none() {
            if reg.child {
                self.children -= 1;
            }
            self.regs.remove(&fd);
        } else {
            self.regs.insert(fd, reg);
        }
        Ok(old)
    }

    /// The handle registered for `fd` (reader or writer).
    pub fn get(&self, fd: RawFd, write: bool) -> Option<ObjRef> {
        self.regs
            .get(&fd)
            .and_then(|r| if write { r.writer } else { r.reader })
    }

    /// Poll for readiness: `None` waits until something happens.
    pub fn poll(&mut self, timeout: Option<Duration>) -> io::Result<Found> {
        for fd in std::mem::take(&mut self.rearm) {
            if let Some(i) = self.regs.get(&fd).and_then(|r| r.interest()) {
                let _ = self
                    .poll
                    .registry()
                    .reregister(&mut SourceFd(&fd), Token(fd as usize), i);
            }
        }
        let mut found = Found::default();
        // Jobs posted before this pass must not wait for the timeout.
        let timeout = if self.drain(&mut found) {
            Some(Duration::ZERO)
        } else {
            timeout
        };
        match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
        for ev in self.events.iter() {
            if ev.token() == WAKER {
                continue;
            }
            let fd = ev.token().0 as RawFd;
            let Some(reg) = self.regs.get(&fd) else {
                continue;
            };
            let err = ev.is_error();
            let mut fired = false;
            if let Some(h) = reg.reader {
                if ev.is_readable() || ev.is_read_closed() || err {
                    found.handles.push(h);
                    fired = true;
                }
            }
            if let Some(h) = reg.writer {
                if ev.is_writable() || ev.is_write_closed() || err {
                    found.handles.push(h);
                    fired = true;
                }
            }
            if fired {
                self.rearm.push(fd);
            }
        }
        self.drain(&mut found);
        Ok(found)
    }

    /// Take the posted jobs; true if there were any.
    fn drain(&mut self, found: &mut Found) -> bool {
        let before = found.jobs.len();
        while let Ok(p) = self.rx.try_recv() {
            if p.settles {
                self.pending_jobs = self.pending_jobs.saturating_sub(1);
            }
            found.jobs.push(p.job);
        }
        found.jobs.len() > before
    }
}
