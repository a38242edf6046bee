//! The thread pool for blocking native work (DESIGN decision 6): a native
//! called from a weft thread's fiber (`Vm::offload`) hands its blocking
//! part (a read that may wait, waiting for a child, name resolution...) to a
//! pool thread; only that fiber waits, on a future of the running loop,
//! while the loop and every other fiber go on. The pool thread runs the
//! work and posts its `Finish` back through the loop's `LoopHandle` (the
//! only door into the loop, decision 5); the finish runs on the loop thread
//! and either completes the future or hands the pool more work (a read
//! that found only part of a line waits again).
//!
//! Pool threads are started on demand, up to `MAX_THREADS`, and then stay
//! parked on the queue. A job that panics is caught (`catch_unwind`) and
//! becomes a RuntimeError for its fiber: a pool thread never takes the
//! process down.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use super::eventloop::loop_mut;
use super::future::{self, fut};
use super::reactor::LoopHandle;
use crate::object::{ObjRef, PyResult, Value};
use crate::vm::{Blocking, Finish, Step, Vm};

/// More blocked calls than this queue up behind the busy threads.
const MAX_THREADS: usize = 64;

type Task = Box<dyn FnOnce() + Send>;

struct Pool {
    tx: mpsc::Sender<Task>,
    rx: Arc<Mutex<mpsc::Receiver<Task>>>,
    idle: Arc<AtomicUsize>,
    threads: usize,
}

thread_local! {
    static POOL: std::cell::RefCell<Option<Pool>> = const { std::cell::RefCell::new(None) };
}

/// Run `task` on a pool thread (started if none is idle).
fn submit(task: Task) -> bool {
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        let pool = p.get_or_insert_with(|| {
            let (tx, rx) = mpsc::channel();
            Pool {
                tx,
                rx: Arc::new(Mutex::new(rx)),
                idle: Arc::new(AtomicUsize::new(0)),
                threads: 0,
            }
        });
        if pool.idle.load(Ordering::Acquire) == 0 && pool.threads < MAX_THREADS {
            let (rx, idle) = (pool.rx.clone(), pool.idle.clone());
            let started = std::thread::Builder::new()
                .name("weft-pool".into())
                .spawn(move || worker(rx, idle));
            if started.is_ok() {
                pool.threads += 1;
            } else if pool.threads == 0 {
                return false;
            }
        }
        pool.tx.send(task).is_ok()
    })
}

fn worker(rx: Arc<Mutex<mpsc::Receiver<Task>>>, idle: Arc<AtomicUsize>) {
    super::fibers::block_signals();
    loop {
        idle.fetch_add(1, Ordering::AcqRel);
        let task = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        idle.fetch_sub(1, Ordering::AcqRel);
        match task {
            Ok(t) => t(),
            // The VM thread is gone.
            Err(_) => return,
        }
    }
}

/// Values the pool's pending calls keep alive (their futures and the
/// objects their finishes use), by call id: roots of the VM, through the
/// reactor (see `Reactor::trace`).
#[derive(Debug, Default)]
pub struct Held {
    next: u64,
    calls: HashMap<u64, Vec<Value>>,
}

impl Held {
    pub fn trace(&self, out: &mut Vec<Value>) {
        for v in self.calls.values() {
            out.extend_from_slice(v);
        }
    }
}

/// `Vm::offload_hook`: start `work` on the pool for the running fiber and
/// return the future it waits on (already marked as a blocking wait).
pub fn offload(vm: &mut Vm, work: Blocking, keep: &[Value]) -> PyResult<Value> {
    let Value::Obj(l) = vm.running_loop else {
        return Err(vm.runtime_error("no running event loop for a blocking call"));
    };
    let class = vm.native_class("Future", None);
    let fv = future::new_future(vm, class, Value::Obj(l));
    let Value::Obj(f) = fv else {
        return Err(vm.runtime_error("could not make a future"));
    };
    future::fut_mut(vm, f).blocking = true;
    let Some(reactor) = loop_mut(vm, l).and_then(|lo| lo.reactor.as_mut()) else {
        return Err(vm.runtime_error(
            "this event loop has no reactor (the OS refused an epoll instance): blocking calls cannot leave the loop thread",
        ));
    };
    let handle = reactor.handle();
    let id = reactor.held.next;
    reactor.held.next += 1;
    let mut roots = Vec::with_capacity(keep.len() + 1);
    roots.push(fv);
    roots.extend_from_slice(keep);
    reactor.held.calls.insert(id, roots);
    start(vm, l, handle, id, f, work)?;
    Ok(fv)
}

/// Send `work` to the pool; its finish runs on the loop and settles call
/// `id` (future `f`), or starts the next piece of work.
fn start(
    vm: &mut Vm,
    l: ObjRef,
    handle: LoopHandle,
    id: u64,
    f: ObjRef,
    work: Blocking,
) -> PyResult<()> {
    if let Some(r) = loop_mut(vm, l).and_then(|lo| lo.reactor.as_mut()) {
        r.expect();
    }
    let back = handle.clone();
    let task: Task = Box::new(move || {
        let finish: Finish = match catch_unwind(AssertUnwindSafe(work)) {
            Ok(fin) => fin,
            Err(p) => {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".into());
                Box::new(move |vm: &mut Vm| {
                    Step::Done(Err(vm.runtime_error(format!(
                        "weft internal error in a blocking call on the thread pool: {msg}"
                    ))))
                })
            }
        };
        back.settle(Box::new(move |vm: &mut Vm| {
            finished(vm, l, handle, id, f, finish);
        }));
    });
    if !submit(task) {
        if let Some(r) = loop_mut(vm, l).and_then(|lo| lo.reactor.as_mut()) {
            r.held.calls.remove(&id);
        }
        return Err(vm.runtime_error("cannot start a thread-pool thread"));
    }
    Ok(())
}

/// On the loop thread: run the finish of call `id`.
fn finished(vm: &mut Vm, l: ObjRef, handle: LoopHandle, id: u64, f: ObjRef, finish: Finish) {
    let step = if fut(vm, f).state == future::FutState::Pending {
        finish(vm)
    } else {
        // The waiting fiber was cancelled: nobody wants the result.
        Step::Done(Ok(Value::None))
    };
    let outcome = match step {
        Step::Again(work) if fut(vm, f).state == future::FutState::Pending => {
            match start(vm, l, handle, id, f, work) {
                Ok(()) => return,
                Err(e) => Err(e),
            }
        }
        Step::Again(_) => Ok(Value::None),
        Step::Done(r) => r,
    };
    if fut(vm, f).state == future::FutState::Pending {
        let _ = match outcome {
            Ok(v) => future::set_result(vm, f, v),
            Err(e) => future::set_exception(vm, f, e),
        };
    }
    if let Some(r) = loop_mut(vm, l).and_then(|lo| lo.reactor.as_mut()) {
        r.held.calls.remove(&id);
    }
}
