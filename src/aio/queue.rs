//! The native core of `asyncio.Queue` (and LifoQueue / PriorityQueue):
//! the items and the FIFO lists of getter and putter futures, with the hot
//! paths of CPython 3.11's asyncio/queues.py in Rust. The weft class in
//! stdlib/asyncio.py uses a core only when the queue's class overrides none
//! of the hooks (`_init`, `_put`, `_get`, `qsize`, `full`, ...); otherwise it
//! runs CPython's code on Python-level state.

use std::collections::VecDeque;

use crate::bytecode::op::CmpKind;
use crate::object::*;
use crate::vm::Vm;

use super::future::{self, fut, FutState};

/// Which of CPython's three queues the core behaves as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    /// `Queue`: a deque, append / popleft.
    Fifo,
    /// `LifoQueue`: a list, append / pop.
    Lifo,
    /// `PriorityQueue`: a list kept as a heap by heapq's C algorithm.
    Priority,
}

#[derive(Debug)]
pub struct QueueCore {
    pub class: ObjRef,
    pub kind: QueueKind,
    /// `_maxsize` (an int; a queue with another maxsize type has no core).
    pub maxsize: i64,
    /// `_queue`, in CPython's order (front first for Fifo; the list order
    /// for Lifo and Priority).
    pub items: VecDeque<Value>,
    /// `_getters` / `_putters`: futures of tasks waiting in get() / put().
    pub getters: VecDeque<ObjRef>,
    pub putters: VecDeque<ObjRef>,
    /// `_unfinished_tasks`
    pub unfinished: i64,
    /// What `try_get` returns when the queue is empty.
    pub empty_marker: Value,
}

impl NativeObj for QueueCore {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.empty_marker);
        out.extend(self.items.iter().copied());
        out.extend(self.getters.iter().map(|&f| Value::Obj(f)));
        out.extend(self.putters.iter().map(|&f| Value::Obj(f)));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub fn new_core(
    vm: &mut Vm,
    class: ObjRef,
    kind: QueueKind,
    maxsize: i64,
    empty_marker: Value,
) -> Value {
    vm.alloc(Obj::NativeObj(Box::new(QueueCore {
        class,
        kind,
        maxsize,
        items: VecDeque::new(),
        getters: VecDeque::new(),
        putters: VecDeque::new(),
        unfinished: 0,
        empty_marker,
    })))
}

/// The core behind a value, if it is one.
pub fn core_ref(vm: &Vm, v: Value) -> Option<ObjRef> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) if n.as_any().is::<QueueCore>() => Some(r),
            _ => None,
        },
        _ => None,
    }
}

pub fn core(vm: &Vm, r: ObjRef) -> &QueueCore {
    match vm.heap.get(r) {
        Obj::NativeObj(n) => n
            .as_any()
            .downcast_ref::<QueueCore>()
            .expect("a queue core"),
        _ => panic!("weft internal error: not a queue core"),
    }
}

pub fn core_mut(vm: &mut Vm, r: ObjRef) -> &mut QueueCore {
    match vm.heap.get_mut(r) {
        Obj::NativeObj(n) => n
            .as_any_mut()
            .downcast_mut::<QueueCore>()
            .expect("a queue core"),
        _ => panic!("weft internal error: not a queue core"),
    }
}

impl QueueCore {
    /// `Queue.full()`: `0 < maxsize <= qsize()`.
    pub fn full(&self) -> bool {
        self.maxsize > 0 && self.items.len() as i64 >= self.maxsize
    }
}

/// Which waiter list an operation touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiters {
    Getters,
    Putters,
}

fn waiters(q: &mut QueueCore, w: Waiters) -> &mut VecDeque<ObjRef> {
    match w {
        Waiters::Getters => &mut q.getters,
        Waiters::Putters => &mut q.putters,
    }
}

/// `Queue._wakeup_next(waiters)`: wake the first waiter that is not done.
pub fn wakeup_next(vm: &mut Vm, q: ObjRef, w: Waiters) {
    loop {
        let Some(f) = waiters(core_mut(vm, q), w).pop_front() else {
            return;
        };
        if fut(vm, f).state == FutState::Pending {
            // Cannot fail: the future is pending.
            let _ = future::set_result(vm, f, Value::None);
            return;
        }
    }
}

/// `a < b` as a bool (`PyObject_RichCompareBool(a, b, Py_LT)`).
fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(x < y);
    }
    let r = vm.rich_compare(a, b, CmpKind::Lt)?;
    vm.truthy(r)
}

fn changed_size(vm: &mut Vm) -> Value {
    vm.runtime_error("list changed size during iteration")
}

/// heapq's C `siftdown`: swap the item at `pos` up towards `start`.
fn sift_down(vm: &mut Vm, q: ObjRef, start: usize, mut pos: usize) -> PyResult<()> {
    let size = core(vm, q).items.len();
    while pos > start {
        let parent = (pos - 1) >> 1;
        let (a, b) = {
            let items = &core(vm, q).items;
            match (items.get(pos), items.get(parent)) {
                (Some(&a), Some(&b)) => (a, b),
                _ => return Err(changed_size(vm)),
            }
        };
        let lt = less(vm, a, b)?;
        let items = &mut core_mut(vm, q).items;
        if items.len() != size {
            return Err(changed_size(vm));
        }
        if !lt {
            break;
        }
        items.swap(pos, parent);
        pos = parent;
    }
    Ok(())
}

/// heapq's C `siftup`: bubble the smaller child up to a leaf, then sift
/// the item at `pos` back down.
fn sift_up(vm: &mut Vm, q: ObjRef, mut pos: usize) -> PyResult<()> {
    let end = core(vm, q).items.len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = {
                let items = &core(vm, q).items;
                match (items.get(child), items.get(child + 1)) {
                    (Some(&a), Some(&b)) => (a, b),
                    _ => return Err(changed_size(vm)),
                }
            };
            let lt = less(vm, a, b)?;
            if !lt {
                child += 1;
            }
            if core(vm, q).items.len() != end {
                return Err(changed_size(vm));
            }
        }
        core_mut(vm, q).items.swap(child, pos);
        pos = child;
    }
    sift_down(vm, q, start, pos)
}

/// `Queue._put(item)` for the core's kind.
fn put_item(vm: &mut Vm, q: ObjRef, item: Value) -> PyResult<()> {
    let c = core_mut(vm, q);
    c.items.push_back(item);
    if c.kind == QueueKind::Priority {
        let last = c.items.len() - 1;
        sift_down(vm, q, 0, last)?;
    }
    Ok(())
}

/// `Queue._get()` for the core's kind; the queue is not empty.
fn get_item(vm: &mut Vm, q: ObjRef) -> PyResult<Value> {
    let c = core_mut(vm, q);
    match c.kind {
        QueueKind::Fifo => Ok(c.items.pop_front().unwrap_or(Value::None)),
        QueueKind::Lifo => Ok(c.items.pop_back().unwrap_or(Value::None)),
        QueueKind::Priority => {
            // heapq.heappop
            let Some(last) = c.items.pop_back() else {
                return Err(vm.index_error("index out of range"));
            };
            let Some(first) = c.items.front_mut() else {
                return Ok(last);
            };
            let top = std::mem::replace(first, last);
            // The popped item is no longer reachable from the queue while
            // user comparisons run.
            let base = vm.temp_roots.len();
            vm.temp_roots.push(top);
            let r = sift_up(vm, q, 0);
            vm.temp_roots.truncate(base);
            r.map(|_| top)
        }
    }
}

/// `put_nowait(item)` without the QueueFull: false when the queue is full.
pub fn try_put(vm: &mut Vm, q: ObjRef, item: Value) -> PyResult<bool> {
    if core(vm, q).full() {
        return Ok(false);
    }
    put_item(vm, q, item)?;
    core_mut(vm, q).unfinished += 1;
    wakeup_next(vm, q, Waiters::Getters);
    Ok(true)
}

/// `get_nowait()` without the QueueEmpty: None when the queue is empty.
pub fn try_get(vm: &mut Vm, q: ObjRef) -> PyResult<Option<Value>> {
    if core(vm, q).items.is_empty() {
        return Ok(None);
    }
    let item = get_item(vm, q)?;
    let base = vm.temp_roots.len();
    vm.temp_roots.push(item);
    wakeup_next(vm, q, Waiters::Putters);
    vm.temp_roots.truncate(base);
    Ok(Some(item))
}

/// A new future on `loop_` appended to the getters or putters.
pub fn add_waiter(vm: &mut Vm, q: ObjRef, w: Waiters, future_class: ObjRef, loop_: Value) -> Value {
    let f = future::new_future(vm, future_class, loop_);
    if let Value::Obj(fr) = f {
        waiters(core_mut(vm, q), w).push_back(fr);
    }
    f
}

/// The `except:` branch of put() / get() after `await waiter` raised:
/// cancel the waiter, drop it from its list, and if it had been woken
/// (it was not cancelled) but the queue can still serve, wake the next.
pub fn waiter_failed(vm: &mut Vm, q: ObjRef, w: Waiters, f: ObjRef) {
    future::cancel(vm, f, Value::None);
    let list = waiters(core_mut(vm, q), w);
    if let Some(i) = list.iter().position(|&x| x == f) {
        list.remove(i);
    }
    let c = core(vm, q);
    let can_serve = match w {
        Waiters::Getters => !c.items.is_empty(),
        Waiters::Putters => !c.full(),
    };
    if can_serve && fut(vm, f).state != FutState::Cancelled {
        wakeup_next(vm, q, w);
    }
}
