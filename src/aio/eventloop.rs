//! The event loop: CPython's `_run_once` shape. A deque of ready callbacks
//! and a timer heap ordered by deadline (CPython's heapq algorithm); each pass moves due
//! timers to the ready deque, waits for the next deadline when nothing is
//! ready (or jumps the virtual clock), then runs exactly the callbacks that
//! were ready when the pass began.

use std::collections::VecDeque;

use crate::object::*;
use crate::vm::{real_monotonic, Vm};

use super::future::{self, fut, fut_mut, fut_ref, FutState};
use super::reactor::{Found, Reactor};

/// A ready callback. Kept to 12 bytes: 100k tasks woken at once queue
/// 100k of these.
#[derive(Debug, Clone, Copy)]
pub enum Ready {
    /// A Handle from call_soon / a due TimerHandle.
    Handle(ObjRef),
    /// A task step, with the exception to throw in (None for none).
    Step(ObjRef, Option<ObjRef>),
    /// Task wakeup by a completed future.
    Wakeup(ObjRef, ObjRef),
    /// A future done-callback: callback(future).
    Callback(ObjRef, ObjRef),
    /// The same with a callback that is not an object (an int, None...),
    /// held in a 1-tuple: calling it fails, and the error goes to the
    /// exception handler.
    CallbackValue(ObjRef, ObjRef),
    /// Stop the loop (run_until_complete's done-callback).
    StopLoop(ObjRef),
}

impl Ready {
    /// The ready entry for a done-callback `cb(fut)`.
    pub fn callback(vm: &mut Vm, cb: Value, fut: ObjRef) -> Ready {
        match cb {
            Value::Obj(c) => Ready::Callback(c, fut),
            _ => Ready::CallbackValue(vm.heap.alloc(Obj::Tuple(Box::new([cb]))), fut),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Timer {
    pub when: f64,
    pub handle: ObjRef,
}

/// `TimerHandle.__lt__`: by deadline only (NaN compares false, as in Python).
fn lt(a: &Timer, b: &Timer) -> bool {
    a.when < b.when
}

/// The timer queue: a binary heap driven by exactly the algorithm of
/// CPython's `heapq` (heappush / heappop) and ordered like `TimerHandle`,
/// by deadline only. Timers with equal deadlines therefore come out in the
/// order CPython's heap gives them, which is not always scheduling order
/// (six `call_at(t, ...)` pop as 1, 4, 3, 5, 0, 2).
#[derive(Debug, Default)]
pub struct TimerHeap {
    items: Vec<Timer>,
}

impl TimerHeap {
    pub fn new() -> TimerHeap {
        TimerHeap { items: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Timer> {
        self.items.iter()
    }

    pub fn peek(&self) -> Option<&Timer> {
        self.items.first()
    }

    /// heapq.heappush
    pub fn push(&mut self, t: Timer) {
        self.items.push(t);
        let last = self.items.len() - 1;
        self.sift_down(0, last);
    }

    /// heapq.heappop
    pub fn pop(&mut self) -> Option<Timer> {
        let last = self.items.pop()?;
        if self.items.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.items[0], last);
        self.sift_up(0);
        Some(top)
    }

    /// heapq._siftdown: move the item at `pos` up towards `start`.
    fn sift_down(&mut self, start: usize, mut pos: usize) {
        let item = self.items[pos];
        while pos > start {
            let parent = (pos - 1) >> 1;
            if lt(&item, &self.items[parent]) {
                self.items[pos] = self.items[parent];
                pos = parent;
                continue;
            }
            break;
        }
        self.items[pos] = item;
    }

    /// heapq._siftup: move the smaller child up until a leaf, then sift
    /// the item back down from there.
    fn sift_up(&mut self, mut pos: usize) {
        let end = self.items.len();
        let start = pos;
        let item = self.items[pos];
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            if right < end && !lt(&self.items[child], &self.items[right]) {
                child = right;
            }
            self.items[pos] = self.items[child];
            pos = child;
            child = 2 * pos + 1;
        }
        self.items[pos] = item;
        self.sift_down(start, pos);
    }
}

#[derive(Debug)]
pub struct LoopObj {
    pub class: ObjRef,
    pub ready: VecDeque<Ready>,
    pub timers: TimerHeap,
    pub running: bool,
    pub stopping: bool,
    pub closed: bool,
    pub debug: bool,
    pub exception_handler: Value,
    pub current_task: Value,
    /// Tasks created on this loop (pruned of finished ones as it goes).
    pub tasks: Vec<ObjRef>,
    /// Prune finished tasks from `tasks` when it reaches this length.
    pub tasks_prune_at: usize,
    /// mio Poll, fd registrations and the Waker (None if the OS refused
    /// an epoll instance: the loop then sleeps between timers).
    pub reactor: Option<Box<Reactor>>,
}

impl NativeObj for LoopObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.exception_handler);
        out.push(self.current_task);
        for r in &self.ready {
            match *r {
                Ready::Handle(h) => out.push(Value::Obj(h)),
                Ready::Step(t, e) => {
                    out.push(Value::Obj(t));
                    out.extend(e.map(Value::Obj));
                }
                Ready::Wakeup(t, f) => {
                    out.push(Value::Obj(t));
                    out.push(Value::Obj(f));
                }
                Ready::Callback(c, a) => {
                    out.push(Value::Obj(c));
                    out.push(Value::Obj(a));
                }
                Ready::CallbackValue(t, a) => {
                    out.push(Value::Obj(t));
                    out.push(Value::Obj(a));
                }
                Ready::StopLoop(l) => out.push(Value::Obj(l)),
            }
        }
        out.extend(self.timers.iter().map(|t| Value::Obj(t.handle)));
        out.extend(self.tasks.iter().map(|&t| Value::Obj(t)));
        if let Some(r) = &self.reactor {
            r.trace(out);
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

#[derive(Debug)]
pub struct HandleObj {
    pub class: ObjRef,
    pub callback: Value,
    pub args: Vec<Value>,
    pub cancelled: bool,
    /// Deadline for timer handles (None for call_soon handles).
    pub when: Option<f64>,
    pub loop_: Value,
}

impl NativeObj for HandleObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.callback);
        out.extend_from_slice(&self.args);
        out.push(self.loop_);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub fn loop_mut(vm: &mut Vm, r: ObjRef) -> Option<&mut LoopObj> {
    match vm.heap.get_mut(r) {
        Obj::NativeObj(n) => n.as_any_mut().downcast_mut::<LoopObj>(),
        _ => None,
    }
}

pub fn loop_ref(vm: &Vm, r: ObjRef) -> Option<&LoopObj> {
    match vm.heap.get(r) {
        Obj::NativeObj(n) => n.as_any().downcast_ref::<LoopObj>(),
        _ => None,
    }
}

pub fn handle_mut(vm: &mut Vm, r: ObjRef) -> Option<&mut HandleObj> {
    match vm.heap.get_mut(r) {
        Obj::NativeObj(n) => n.as_any_mut().downcast_mut::<HandleObj>(),
        _ => None,
    }
}

pub fn handle_ref(vm: &Vm, r: ObjRef) -> Option<&HandleObj> {
    match vm.heap.get(r) {
        Obj::NativeObj(n) => n.as_any().downcast_ref::<HandleObj>(),
        _ => None,
    }
}

pub fn new_loop(vm: &mut Vm, class: ObjRef) -> Value {
    vm.alloc(Obj::NativeObj(Box::new(LoopObj {
        class,
        ready: VecDeque::new(),
        timers: TimerHeap::new(),
        running: false,
        stopping: false,
        closed: false,
        debug: false,
        exception_handler: Value::None,
        current_task: Value::None,
        tasks: Vec::new(),
        tasks_prune_at: 1024,
        reactor: Reactor::new().ok().map(Box::new),
    })))
}

/// A Handle for `callback(*args)` on loop `l`: `when` is the deadline of a
/// timer handle, None for call_soon handles and I/O callbacks.
pub fn new_handle(
    vm: &mut Vm,
    l: ObjRef,
    handle_class: ObjRef,
    cb: Value,
    args: Vec<Value>,
    when: Option<f64>,
) -> ObjRef {
    vm.heap.alloc(Obj::NativeObj(Box::new(HandleObj {
        class: handle_class,
        callback: cb,
        args,
        cancelled: false,
        when,
        loop_: Value::Obj(l),
    })))
}

/// loop.call_soon(callback, *args)
pub fn call_soon(
    vm: &mut Vm,
    l: ObjRef,
    handle_class: ObjRef,
    cb: Value,
    args: Vec<Value>,
) -> Value {
    let h = new_handle(vm, l, handle_class, cb, args, None);
    if let Some(lo) = loop_mut(vm, l) {
        lo.ready.push_back(Ready::Handle(h));
    }
    Value::Obj(h)
}

/// loop.call_at(when, callback, *args)
pub fn call_at(
    vm: &mut Vm,
    l: ObjRef,
    handle_class: ObjRef,
    when: f64,
    cb: Value,
    args: Vec<Value>,
) -> Value {
    let h = new_handle(vm, l, handle_class, cb, args, Some(when));
    if let Some(lo) = loop_mut(vm, l) {
        lo.timers.push(Timer { when, handle: h });
    }
    Value::Obj(h)
}

/// How long a pass may wait for I/O or timers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pass {
    /// Until something is ready (CPython's `_run_once`).
    Full,
    /// Not at all: poll, run what is ready, return (the weft threads' turn
    /// at a safepoint of the main thread).
    NoWait,
    /// At most until this `monotonic()` deadline (`time.sleep` in the main
    /// thread while weft threads run).
    Until(f64),
}

/// One pass of the loop.
pub fn run_once(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    run_pass(vm, l, Pass::Full)
}

/// One pass of the loop, waiting as `pass` allows.
pub fn run_pass(vm: &mut Vm, l: ObjRef, pass: Pass) -> PyResult<()> {
    // Drop cancelled timers at the top of the heap.
    loop {
        let top = loop_ref(vm, l).and_then(|lo| lo.timers.peek().map(|t| t.handle));
        match top {
            Some(h) if handle_ref(vm, h).is_some_and(|x| x.cancelled) => {
                if let Some(lo) = loop_mut(vm, l) {
                    lo.timers.pop();
                }
            }
            _ => break,
        }
    }
    let (has_ready, stopping, next_when) = match loop_ref(vm, l) {
        Some(lo) => (
            !lo.ready.is_empty(),
            lo.stopping,
            lo.timers.peek().map(|t| t.when),
        ),
        None => return Ok(()),
    };
    let next_when = match (pass, next_when) {
        (Pass::Until(t), Some(w)) => Some(w.min(t)),
        (Pass::Until(t), None) => Some(t),
        (_, w) => w,
    };
    let busy = has_ready || stopping || pass == Pass::NoWait;
    let found = wait(vm, l, busy, next_when)?;
    if vm.interrupt.pending() {
        // A signal interrupted the poll: its Python handler runs now.
        if let crate::vm::interrupt::Interrupted::Raise(e) = vm.on_interrupt(false) {
            return Err(e);
        }
    }
    for job in found.jobs {
        job(vm);
    }
    if let Some(lo) = loop_mut(vm, l) {
        lo.ready
            .extend(found.handles.into_iter().map(Ready::Handle));
    }
    // Move due timers to the ready deque.
    let end = vm.monotonic() + 1e-9;
    while let Some(lo) = loop_mut(vm, l) {
        match lo.timers.peek() {
            Some(t) if t.when <= end => {
                if let Some(t) = lo.timers.pop() {
                    lo.ready.push_back(Ready::Handle(t.handle));
                }
            }
            _ => break,
        }
    }
    let ntodo = loop_ref(vm, l).map(|lo| lo.ready.len()).unwrap_or(0);
    for _ in 0..ntodo {
        let Some(item) = loop_mut(vm, l).and_then(|lo| lo.ready.pop_front()) else {
            break;
        };
        run_ready(vm, l, item)?;
    }
    Ok(())
}

/// Wait for I/O, a posted job or the next timer, whichever comes first
/// (only poll when callbacks are ready). Under `--virtual-time` the clock
/// jumps to the next timer instead, but only when a zero-timeout poll shows
/// nothing ready and no thread job or child process is under way.
fn wait(vm: &mut Vm, l: ObjRef, busy: bool, next_when: Option<f64>) -> PyResult<Found> {
    let (has_reactor, waiters, outside) = match loop_ref(vm, l).and_then(|lo| lo.reactor.as_ref()) {
        Some(r) => (true, r.has_waiters(), r.has_outside_work()),
        None => (false, false, false),
    };
    let timeout = if busy {
        Some(0.0)
    } else {
        match next_when {
            Some(when) => Some((when - vm.monotonic()).max(0.0)),
            None if waiters => None,
            None => {
                // Nothing can ever become ready: CPython would block forever
                // in select(); say so instead of hanging silently.
                return Err(vm.runtime_error(
                    "event loop has nothing to run: every task waits on a future nobody will complete",
                ));
            }
        }
    };
    if !has_reactor {
        if let Some(w) = timeout.filter(|&w| w > 0.0) {
            if vm.virtual_time {
                vm.clock_offset += w;
            } else {
                let _ = vm.stdout.flush();
                std::thread::sleep(std::time::Duration::from_secs_f64(w.min(3600.0)));
            }
        }
        return Ok(Found::default());
    }
    let mut first = timeout;
    if vm.virtual_time && timeout.is_some_and(|w| w > 0.0) {
        first = Some(0.0);
    }
    if first.is_none_or(|w| w > 0.0) {
        // About to block: what was printed so far must be seen.
        let _ = vm.stdout.flush();
    }
    let found = poll(vm, l, first)?;
    if first == timeout || !found.handles.is_empty() || !found.jobs.is_empty() {
        return Ok(found);
    }
    // Virtual time and nothing happened on the zero-timeout poll.
    let w = timeout.unwrap_or(0.0);
    if outside {
        // Real work is under way (a thread job, a child process): the
        // clock runs as real time until the next timer or that work.
        let start = real_monotonic();
        let found = poll(vm, l, Some(w))?;
        if found.handles.is_empty() && found.jobs.is_empty() {
            vm.clock_offset += (w - (real_monotonic() - start)).max(0.0);
        }
        return Ok(found);
    }
    vm.clock_offset += w;
    Ok(found)
}

fn poll(vm: &mut Vm, l: ObjRef, timeout: Option<f64>) -> PyResult<Found> {
    let d = timeout.map(|w| std::time::Duration::from_secs_f64(w.min(86400.0)));
    let r = match loop_mut(vm, l).and_then(|lo| lo.reactor.as_mut()) {
        Some(r) => r.poll(d),
        None => return Ok(Found::default()),
    };
    r.map_err(|e| crate::aio::oserror::from_io(vm, &e))
}

/// Run one ready callback; exceptions go to the loop's exception handler,
/// except KeyboardInterrupt and SystemExit, which stop the loop.
/// A future's done-callback `cb(fut)`; its error goes to the loop's
/// exception handler.
fn call_done_callback(vm: &mut Vm, l: ObjRef, cb: Value, fut: ObjRef) -> PyResult<()> {
    let arg = Value::Obj(fut);
    vm.temp_roots.push(cb);
    vm.temp_roots.push(arg);
    match vm.call(cb, &[arg]) {
        Ok(_) => Ok(()),
        Err(e) => {
            let desc = done_callback_repr(vm, cb, fut);
            report_callback_error(vm, l, e, Err(desc))
        }
    }
}

fn run_ready(vm: &mut Vm, l: ObjRef, item: Ready) -> PyResult<()> {
    let base = vm.temp_roots.len();
    let r = match item {
        Ready::Handle(h) => {
            let Some(ho) = handle_ref(vm, h) else {
                return Ok(());
            };
            if ho.cancelled {
                return Ok(());
            }
            let (cb, args) = (ho.callback, ho.args.clone());
            vm.temp_roots.push(Value::Obj(h));
            match vm.call(cb, &args) {
                Ok(_) => Ok(()),
                Err(e) => report_callback_error(vm, l, e, Ok(h)),
            }
        }
        Ready::Step(t, exc) => {
            let exc = exc.map_or(Value::Undefined, Value::Obj);
            vm.temp_roots.push(Value::Obj(t));
            vm.temp_roots.push(exc);
            future::task_step(vm, t, exc)
        }
        Ready::Wakeup(t, f) => {
            vm.temp_roots.push(Value::Obj(t));
            vm.temp_roots.push(Value::Obj(f));
            future::task_wakeup(vm, t, f)
        }
        Ready::Callback(c, a) => call_done_callback(vm, l, Value::Obj(c), a),
        Ready::CallbackValue(t, a) => {
            let cb = vm.tuple_items(Value::Obj(t)).first().copied();
            call_done_callback(vm, l, cb.unwrap_or(Value::None), a)
        }
        Ready::StopLoop(lp) => {
            if let Some(lo) = loop_mut(vm, lp) {
                lo.stopping = true;
            }
            Ok(())
        }
    };
    vm.temp_roots.truncate(base);
    r
}

/// Report a callback's exception to the loop's handler; `h` is the Handle
/// that ran it, or (for a future's done-callback, which runs without one)
/// its description.
fn report_callback_error(
    vm: &mut Vm,
    l: ObjRef,
    e: Value,
    h: Result<ObjRef, String>,
) -> PyResult<()> {
    if vm.isinstance_class(e, vm.t.keyboard_interrupt) || vm.isinstance_class(e, vm.t.system_exit) {
        return Err(e);
    }
    let desc = match &h {
        Ok(h) => handle_repr(vm, *h),
        Err(d) => d.clone(),
    };
    let ctx = vm.new_dict();
    let mk = vm.intern("message");
    let msg = vm.new_str(format!("Exception in callback {desc}"));
    vm.dict_set(ctx, mk, msg)?;
    let ek = vm.intern("exception");
    vm.dict_set(ctx, ek, e)?;
    if let Ok(h) = h {
        let hk = vm.intern("handle");
        vm.dict_set(ctx, hk, Value::Obj(h))?;
    }
    call_exception_handler(vm, l, ctx)
}

/// loop.call_exception_handler(context)
pub fn call_exception_handler(vm: &mut Vm, l: ObjRef, ctx: Value) -> PyResult<()> {
    let handler = loop_ref(vm, l)
        .map(|lo| lo.exception_handler)
        .unwrap_or(Value::None);
    if handler.is_none() {
        default_exception_handler(vm, ctx);
        return Ok(());
    }
    if let Err(e) = vm.call(handler, &[Value::Obj(l), ctx]) {
        if vm.isinstance_class(e, vm.t.keyboard_interrupt)
            || vm.isinstance_class(e, vm.t.system_exit)
        {
            return Err(e);
        }
        let _ = vm.stdout.flush();
        eprintln!("Unhandled error in exception handler");
        let text = vm.format_exception(e);
        eprint!("{text}");
    }
    Ok(())
}

/// Log a context dict to stderr the way CPython's default handler does.
pub fn default_exception_handler(vm: &mut Vm, ctx: Value) {
    let Value::Obj(d) = ctx else { return };
    let mk = vm.intern("message");
    let ek = vm.intern("exception");
    let msg = vm
        .dict_get_str(d, mk)
        .map(|m| vm.str_of(m).to_string())
        .unwrap_or_else(|| "Unhandled exception in event loop".into());
    let exc = vm.dict_get_str(d, ek);
    let mut out = format!("{msg}\n");
    let keys: Vec<(Value, Value)> = vm.dict_ref(d).iter().map(|e| (e.key, e.value)).collect();
    for (k, v) in keys {
        let ks = vm.str_of(k).to_string();
        if ks == "message" || ks == "exception" {
            continue;
        }
        let vs = vm.repr_str(v);
        out.push_str(&format!("{ks}: {vs}\n"));
    }
    if let Some(e) = exc {
        out.push_str(&vm.format_exception(e));
    }
    let _ = vm.stdout.flush();
    eprint!("{out}");
}

/// How asyncio names a callback in reprs and error messages: a
/// function's qualified name, otherwise the callback's repr.
fn callback_name(vm: &mut Vm, cb: Value) -> String {
    let func = match cb {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BoundMethod { func, .. } => *func,
            _ => cb,
        },
        _ => cb,
    };
    if let Value::Obj(r) = func {
        match vm.heap.get(r) {
            Obj::Function(f) => return vm.str_of(f.qualname).to_string(),
            Obj::BuiltinFn(n) => return n.qualname.clone(),
            _ => {}
        }
    }
    vm.repr_str(cb)
}

/// A done-callback as CPython's Handle for it reads in error messages:
/// `name(<Future ...>)`, plus ` at file:line` for a weft function.
fn done_callback_repr(vm: &mut Vm, cb: Value, fut: ObjRef) -> String {
    let fr = vm.repr_str(Value::Obj(fut));
    callback_source(vm, cb, &fr)
}

/// CPython's `_format_callback_source`: `name(args)`, plus ` at file:line`
/// when the callback is a weft function.
pub fn callback_source(vm: &mut Vm, cb: Value, args: &str) -> String {
    let name = callback_name(vm, cb);
    let mut s = format!("{name}({args})");
    if let Value::Obj(r) = cb {
        if let Obj::Function(f) = vm.heap.get(r) {
            let co = &f.code.code;
            s.push_str(&format!(" at {}:{}", co.filename, co.firstlineno));
        }
    }
    s
}

pub fn handle_repr(vm: &mut Vm, h: ObjRef) -> String {
    let Some(ho) = handle_ref(vm, h) else {
        return "<Handle>".into();
    };
    let (cb, cancelled, when) = (ho.callback, ho.cancelled, ho.when);
    let name = callback_name(vm, cb);
    let kind = if when.is_some() {
        "TimerHandle"
    } else {
        "Handle"
    };
    let mut s = format!("<{kind}");
    if cancelled {
        s.push_str(" cancelled");
    }
    if let Some(w) = when {
        s.push_str(&format!(" when={}", crate::text::float::float_repr(w)));
    }
    s.push_str(&format!(" {name}()>"));
    s
}

/// loop.run_forever()
pub fn run_forever(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    check_runnable(vm, l)?;
    let prev = vm.running_loop;
    if let Some(lo) = loop_mut(vm, l) {
        lo.running = true;
    }
    vm.running_loop = Value::Obj(l);
    let mut result = Ok(());
    loop {
        if let Err(e) = run_once(vm, l) {
            result = Err(e);
            break;
        }
        if loop_ref(vm, l).is_none_or(|lo| lo.stopping) {
            break;
        }
    }
    if let Some(lo) = loop_mut(vm, l) {
        lo.running = false;
        lo.stopping = false;
    }
    vm.running_loop = prev;
    result
}

fn check_runnable(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    let Some(lo) = loop_ref(vm, l) else {
        return Ok(());
    };
    if lo.closed {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    if lo.running {
        return Err(vm.runtime_error("This event loop is already running"));
    }
    if !vm.running_loop.is_none() {
        return Err(vm.runtime_error("Cannot run the event loop while another loop is running"));
    }
    Ok(())
}

/// loop.run_until_complete(future): `future` is already a Future or Task.
pub fn run_until_complete(vm: &mut Vm, l: ObjRef, f: ObjRef) -> PyResult<Value> {
    check_runnable(vm, l)?;
    let pending = fut(vm, f).state == FutState::Pending;
    if pending {
        fut_mut(vm, f).callbacks.push(future::DoneCb::StopLoop(l));
    } else if let Some(lo) = loop_mut(vm, l) {
        lo.ready.push_back(Ready::StopLoop(l));
    }
    vm.temp_roots.push(Value::Obj(f));
    let r = run_forever(vm, l);
    vm.temp_roots.pop();
    // Remove our stop callback if the loop stopped for another reason.
    let fo = fut_mut(vm, f);
    fo.callbacks
        .retain(|c| !matches!(c, future::DoneCb::StopLoop(x) if *x == l));
    r?;
    if fut(vm, f).state == FutState::Pending {
        return Err(vm.runtime_error("Event loop stopped before Future completed."));
    }
    future::result(vm, f)
}

/// Tasks of the loop that are not done.
pub fn pending_tasks(vm: &mut Vm, l: ObjRef) -> Vec<ObjRef> {
    let tasks = loop_ref(vm, l)
        .map(|lo| lo.tasks.clone())
        .unwrap_or_default();
    let live: Vec<ObjRef> = tasks
        .iter()
        .copied()
        .filter(|&t| fut(vm, t).state == FutState::Pending)
        .collect();
    // Finished tasks whose exception nobody retrieved stay listed, so that
    // loop.close() can still report "Task exception was never retrieved".
    let kept: Vec<ObjRef> = tasks
        .into_iter()
        .filter(|&t| {
            let fo = fut(vm, t);
            fo.state == FutState::Pending || (fo.log_tb && fo.exception.is_some())
        })
        .collect();
    if let Some(lo) = loop_mut(vm, l) {
        lo.tasks = kept;
    }
    live
}

pub fn is_future(vm: &Vm, v: Value) -> bool {
    fut_ref(vm, v).is_some()
}
