//! Futures and tasks: CPython 3.11's `asyncio.Future` and `asyncio.Task`
//! state machines in Rust. Completing a future only schedules its
//! callbacks; a task's step is itself a scheduled callback, which is what
//! makes weft print in CPython's order.

use crate::object::*;
use crate::vm::{Exit, Vm};

use super::eventloop::{loop_mut, Ready};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FutState {
    Pending,
    Cancelled,
    Finished,
}

impl FutState {
    pub fn name(self) -> &'static str {
        match self {
            FutState::Pending => "PENDING",
            FutState::Cancelled => "CANCELLED",
            FutState::Finished => "FINISHED",
        }
    }
}

/// A done-callback: 8 bytes, since a future 100k tasks wait on holds 100k.
#[derive(Debug, Clone, Copy)]
pub enum DoneCb {
    /// A Python callable, called with the future.
    Py(ObjRef),
    /// A callback that is not an object (`add_done_callback(5)`: calling it
    /// fails later, as in CPython), held in a 1-tuple.
    PyValue(ObjRef),
    /// Wake the task that awaits this future.
    Wakeup(ObjRef),
    /// Stop the loop (run_until_complete's callback).
    StopLoop(ObjRef),
}

impl DoneCb {
    /// The done-callback for the Python callable `cb`.
    pub fn py(vm: &mut Vm, cb: Value) -> DoneCb {
        match cb {
            Value::Obj(r) => DoneCb::Py(r),
            _ => DoneCb::PyValue(vm.heap.alloc(Obj::Tuple(Box::new([cb])))),
        }
    }

    /// The Python callable of a `Py`/`PyValue` callback (None otherwise).
    pub fn callable(&self, vm: &Vm) -> Value {
        match *self {
            DoneCb::Py(r) => Value::Obj(r),
            DoneCb::PyValue(t) => vm
                .tuple_items(Value::Obj(t))
                .first()
                .copied()
                .unwrap_or(Value::None),
            _ => Value::None,
        }
    }
}

/// The done-callbacks of a future: most futures get at most one (the task
/// waiting on it, or gather's callback), which then needs no allocation.
pub type Callbacks = smallvec::SmallVec<[DoneCb; 1]>;

#[derive(Debug)]
pub struct TaskData {
    /// The coroutine (create_task checked it is one).
    pub coro: ObjRef,
    pub fut_waiter: Option<ObjRef>,
    /// The task's name (a str); None until asked for when it is the
    /// default `Task-<number>` (made on first use, so 100k unnamed tasks
    /// allocate no strings).
    pub name: Option<ObjRef>,
    pub number: u32,
    pub num_cancels_requested: u32,
    pub must_cancel: bool,
    /// The coroutine is a thread-job fiber parked by preemption (resume it
    /// with nothing sent).
    pub preempted: bool,
    /// The coroutine waits in a native's blocking call (`Vm::pending_await`):
    /// the call's result is the awaited future's result, sent on wakeup.
    pub send_result: bool,
}

#[derive(Debug)]
pub struct CancelInfo {
    pub msg: Value,
    pub exc: Value,
}

#[derive(Debug)]
pub struct FutureObj {
    pub class: ObjRef,
    pub state: FutState,
    pub result: Value,
    /// The exception it finished with (an exception object).
    pub exception: Option<ObjRef>,
    pub callbacks: Callbacks,
    /// The cancel message and the CancelledError that cancelled a task
    /// (chained as __context__); boxed because few futures are cancelled.
    pub cancel: Option<Box<CancelInfo>>,
    pub loop_: Option<ObjRef>,
    /// `_asyncio_future_blocking`: set while a task waits on it.
    pub blocking: bool,
    /// An exception nobody retrieved (reported when the loop closes).
    pub log_tb: bool,
    /// Set for a Task. Inline, with the fields above kept to refs, so a
    /// task is one 128-byte allocation.
    pub task: Option<TaskData>,
    /// Attributes set by weft code (subclasses of Future keep state here).
    pub dict: Option<ObjRef>,
}

impl NativeObj for FutureObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.result);
        out.extend(self.exception.map(Value::Obj));
        out.extend(self.loop_.map(Value::Obj));
        for cb in &self.callbacks {
            match cb {
                DoneCb::Py(r) | DoneCb::PyValue(r) => out.push(Value::Obj(*r)),
                DoneCb::Wakeup(t) | DoneCb::StopLoop(t) => out.push(Value::Obj(*t)),
            }
        }
        if let Some(t) = &self.task {
            out.push(Value::Obj(t.coro));
            out.extend(t.fut_waiter.map(Value::Obj));
            out.extend(t.name.map(Value::Obj));
        }
        if let Some(d) = self.dict {
            out.push(Value::Obj(d));
        }
        if let Some(c) = &self.cancel {
            out.extend([c.msg, c.exc]);
        }
    }
    fn attr_dict(&self) -> Option<ObjRef> {
        self.dict
    }
    fn set_attr_dict(&mut self, d: ObjRef) -> bool {
        self.dict = Some(d);
        true
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

impl FutureObj {
    /// The message given to cancel() (None if none).
    pub fn cancel_msg(&self) -> Value {
        self.cancel.as_ref().map_or(Value::None, |c| c.msg)
    }

    pub fn set_cancel_msg(&mut self, msg: Value) {
        match &mut self.cancel {
            Some(c) => c.msg = msg,
            None if msg.is_none() => {}
            None => {
                self.cancel = Some(Box::new(CancelInfo {
                    msg,
                    exc: Value::None,
                }))
            }
        }
    }

    pub fn take_cancelled_exc(&mut self) -> Value {
        self.cancel
            .as_mut()
            .map_or(Value::None, |c| std::mem::replace(&mut c.exc, Value::None))
    }

    pub fn set_cancelled_exc(&mut self, exc: Value) {
        match &mut self.cancel {
            Some(c) => c.exc = exc,
            None => {
                self.cancel = Some(Box::new(CancelInfo {
                    msg: Value::None,
                    exc,
                }))
            }
        }
    }
}

/// The future behind a value, if it is one.
pub fn fut_ref(vm: &Vm, v: Value) -> Option<ObjRef> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) if n.as_any().is::<FutureObj>() => Some(r),
            _ => None,
        },
        _ => None,
    }
}

pub fn fut(vm: &Vm, r: ObjRef) -> &FutureObj {
    match vm.heap.get(r) {
        Obj::NativeObj(n) => n.as_any().downcast_ref::<FutureObj>().expect("a future"),
        _ => panic!("weft internal error: not a future"),
    }
}

pub fn fut_mut(vm: &mut Vm, r: ObjRef) -> &mut FutureObj {
    match vm.heap.get_mut(r) {
        Obj::NativeObj(n) => n
            .as_any_mut()
            .downcast_mut::<FutureObj>()
            .expect("a future"),
        _ => panic!("weft internal error: not a future"),
    }
}

pub fn new_future(vm: &mut Vm, class: ObjRef, loop_: Value) -> Value {
    vm.alloc(Obj::NativeObj(Box::new(FutureObj {
        class,
        state: FutState::Pending,
        result: Value::None,
        exception: None,
        callbacks: Callbacks::new(),
        cancel: None,
        loop_: loop_.as_obj(),
        blocking: false,
        log_tb: false,
        task: None,
        dict: None,
    })))
}

/// Schedule the done-callbacks of a future that just completed.
pub fn schedule_callbacks(vm: &mut Vm, f: ObjRef) {
    let (cbs, lp) = {
        let fo = fut_mut(vm, f);
        (std::mem::take(&mut fo.callbacks), fo.loop_)
    };
    let Some(l) = lp else { return };
    if loop_mut(vm, l).is_none() {
        return;
    }
    for cb in cbs {
        let item = match cb {
            DoneCb::Py(c) => Ready::Callback(c, f),
            DoneCb::PyValue(t) => Ready::CallbackValue(t, f),
            DoneCb::Wakeup(t) => Ready::Wakeup(t, f),
            DoneCb::StopLoop(l) => Ready::StopLoop(l),
        };
        if let Some(lo) = loop_mut(vm, l) {
            lo.ready.push_back(item);
        }
    }
}

pub fn invalid_state(vm: &mut Vm, msg: String) -> Value {
    vm.new_error(vm.t.invalid_state_error, msg)
}

pub fn set_result(vm: &mut Vm, f: ObjRef, v: Value) -> PyResult<()> {
    let st = fut(vm, f).state;
    if st != FutState::Pending {
        let r = vm.repr_str(Value::Obj(f));
        return Err(invalid_state(vm, format!("{}: {r}", st.name())));
    }
    let fo = fut_mut(vm, f);
    fo.result = v;
    fo.state = FutState::Finished;
    schedule_callbacks(vm, f);
    Ok(())
}

pub fn set_exception(vm: &mut Vm, f: ObjRef, e: Value) -> PyResult<()> {
    let st = fut(vm, f).state;
    if st != FutState::Pending {
        let r = vm.repr_str(Value::Obj(f));
        return Err(invalid_state(vm, format!("{}: {r}", st.name())));
    }
    let e = if vm.is_exception_class(e) {
        vm.call(e, &[])?
    } else {
        e
    };
    if vm.exc_data(e).is_none() {
        return Err(vm.type_error("invalid exception object"));
    }
    if vm.isinstance_class(e, vm.t.stop_iteration) {
        return Err(vm.type_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    let fo = fut_mut(vm, f);
    fo.exception = e.as_obj();
    fo.state = FutState::Finished;
    fo.log_tb = true;
    schedule_callbacks(vm, f);
    Ok(())
}

/// Future.cancel(msg): true if it was pending.
pub fn cancel(vm: &mut Vm, f: ObjRef, msg: Value) -> bool {
    let fo = fut_mut(vm, f);
    fo.log_tb = false;
    if fo.state != FutState::Pending {
        return false;
    }
    fo.state = FutState::Cancelled;
    fo.set_cancel_msg(msg);
    schedule_callbacks(vm, f);
    true
}

/// `_make_cancelled_error()`: the first call hands out the CancelledError
/// that cancelled a task (its message and traceback intact) and forgets it;
/// later calls build a fresh one from the cancel message, which is None for
/// a task cancelled that way (CPython 3.11's C Task: `future_cancel(fut,
/// NULL)` in task_step, `create_cancelled_error`).
pub fn make_cancelled_error(vm: &mut Vm, f: ObjRef) -> Value {
    let (msg, saved) = {
        let fo = fut_mut(vm, f);
        (fo.cancel_msg(), fo.take_cancelled_exc())
    };
    if !saved.is_none() {
        return saved;
    }
    let args = if msg.is_none() {
        vm.empty_tuple
    } else {
        vm.new_tuple(vec![msg])
    };
    vm.new_exception(vm.t.cancelled_error, args)
}

/// Future.result()
pub fn result(vm: &mut Vm, f: ObjRef) -> PyResult<Value> {
    let (st, res, exc) = {
        let fo = fut(vm, f);
        (fo.state, fo.result, fo.exception)
    };
    match st {
        FutState::Cancelled => Err(make_cancelled_error(vm, f)),
        FutState::Pending => Err(invalid_state(vm, "Result is not set.".into())),
        FutState::Finished => {
            fut_mut(vm, f).log_tb = false;
            match exc {
                None => Ok(res),
                Some(e) => Err(Value::Obj(e)),
            }
        }
    }
}

/// Task.cancel(msg)
pub fn task_cancel(vm: &mut Vm, t: ObjRef, msg: Value) -> bool {
    fut_mut(vm, t).log_tb = false;
    if fut(vm, t).state != FutState::Pending {
        return false;
    }
    let waiter = {
        let fo = fut_mut(vm, t);
        let td = fo.task.as_mut().expect("a task");
        td.num_cancels_requested += 1;
        td.fut_waiter.map_or(Value::None, Value::Obj)
    };
    if let Some(w) = fut_ref(vm, waiter) {
        if cancel_any(vm, w, msg) {
            return true;
        }
    }
    let fo = fut_mut(vm, t);
    if let Some(td) = fo.task.as_mut() {
        td.must_cancel = true;
    }
    fo.set_cancel_msg(msg);
    true
}

/// `f.cancel(msg)` through its class, so weft subclasses that override
/// cancel() (gather's future) are honoured.
pub fn cancel_any(vm: &mut Vm, f: ObjRef, msg: Value) -> bool {
    let cls = fut(vm, f).class;
    let native = matches!(vm.heap.get(cls), Obj::Class(c) if c.builtin);
    if !native {
        let k = vm.intern("cancel");
        let kw = vm.intern("msg");
        if let Ok(m) = vm.getattr(Value::Obj(f), k) {
            return match vm.call_kw(m, &[], &[(kw, msg)]) {
                Ok(r) => vm.truthy(r).unwrap_or(false),
                Err(_) => false,
            };
        }
    }
    if fut(vm, f).task.is_some() {
        task_cancel(vm, f, msg)
    } else {
        cancel(vm, f, msg)
    }
}

/// One step of a task: resume its coroutine, then act on what it did.
/// Errors are KeyboardInterrupt/SystemExit, which stop the loop.
pub fn task_step(vm: &mut Vm, t: ObjRef, exc: Value) -> PyResult<()> {
    task_step_send(vm, t, exc, Value::None)
}

/// `task_step`, resuming the coroutine with `send`.
fn task_step_send(vm: &mut Vm, t: ObjRef, exc: Value, send: Value) -> PyResult<()> {
    if fut(vm, t).state != FutState::Pending {
        return Ok(());
    }
    let mut exc = exc;
    let (coro, must_cancel, lp) = {
        let fo = fut(vm, t);
        let td = fo.task.as_ref().expect("a task");
        (Value::Obj(td.coro), td.must_cancel, fo.loop_)
    };
    if must_cancel {
        if exc.is_undefined() || !vm.isinstance_class(exc, vm.t.cancelled_error) {
            exc = make_cancelled_error(vm, t);
        }
        if let Some(td) = fut_mut(vm, t).task.as_mut() {
            td.must_cancel = false;
        }
    }
    if let Some(td) = fut_mut(vm, t).task.as_mut() {
        td.fut_waiter = None;
    }
    let Some(g) = vm.gen_of(coro) else {
        let e = vm.type_error("task coroutine is not a coroutine");
        set_exception(vm, t, e)?;
        return Ok(());
    };
    let l = lp;
    let prev = l
        .and_then(|l| loop_mut(vm, l))
        .map(|lo| std::mem::replace(&mut lo.current_task, Value::Obj(t)));
    let preempted = fut_mut(vm, t)
        .task
        .as_mut()
        .is_some_and(|td| std::mem::take(&mut td.preempted));
    let prev_depth = std::mem::replace(&mut vm.preempt_depth, vm.native_depth + 1);
    let r = if preempted && exc.is_undefined() {
        vm.resume_preempted(g)
    } else {
        vm.resume_native(g, send, if exc.is_undefined() { None } else { Some(exc) })
    };
    let native_wait = std::mem::take(&mut vm.native_wait);
    vm.preempt_depth = prev_depth;
    if vm.take_preempted() == Some(g) {
        if let Some(td) = fut_mut(vm, t).task.as_mut() {
            td.preempted = true;
        }
    }
    if matches!(r, Exit::Returned(_) | Exit::Raised(_))
        && matches!(vm.heap.get(g), Obj::Gen(x) if x.thread_job)
    {
        super::fibers::job_finished();
    }
    if let (Some(l), Some(p)) = (l, prev) {
        if let Some(lo) = loop_mut(vm, l) {
            lo.current_task = p;
        }
    }
    match r {
        Exit::Returned(v) => {
            let must = fut(vm, t).task.as_ref().is_some_and(|td| td.must_cancel);
            if must {
                if let Some(td) = fut_mut(vm, t).task.as_mut() {
                    td.must_cancel = false;
                }
                let msg = fut(vm, t).cancel_msg();
                cancel(vm, t, msg);
            } else {
                set_result(vm, t, v)?;
            }
        }
        Exit::Raised(e) => {
            if vm.isinstance_class(e, vm.t.cancelled_error) {
                // Keep the exception itself; the task's own message is
                // cleared, as CPython's `super().cancel()` does.
                fut_mut(vm, t).set_cancelled_exc(e);
                cancel(vm, t, Value::None);
            } else if vm.isinstance_class(e, vm.t.keyboard_interrupt)
                || vm.isinstance_class(e, vm.t.system_exit)
            {
                set_exception(vm, t, e)?;
                return Err(e);
            } else {
                set_exception(vm, t, e)?;
            }
        }
        Exit::Yielded(y) => {
            if let Some(f) = fut_ref(vm, y) {
                let blocking = fut(vm, f).blocking;
                if blocking {
                    if f == t {
                        let r = vm.repr_str(Value::Obj(t));
                        let e = vm.runtime_error(format!("Task cannot await on itself: {r}"));
                        schedule_step(vm, t, e);
                        return Ok(());
                    }
                    let fo = fut_mut(vm, f);
                    fo.blocking = false;
                    if fo.state == FutState::Pending {
                        fo.callbacks.push(DoneCb::Wakeup(t));
                    } else if let Some(l) = fo.loop_ {
                        if let Some(lo) = loop_mut(vm, l) {
                            lo.ready.push_back(Ready::Wakeup(t, f));
                        }
                    }
                    let must = {
                        let fo = fut_mut(vm, t);
                        let td = fo.task.as_mut().expect("a task");
                        td.fut_waiter = Some(f);
                        td.send_result = native_wait;
                        td.must_cancel
                    };
                    if must {
                        let msg = fut(vm, t).cancel_msg();
                        if cancel_any(vm, f, msg) {
                            if let Some(td) = fut_mut(vm, t).task.as_mut() {
                                td.must_cancel = false;
                            }
                        }
                    }
                } else {
                    let (tr, fr) = (vm.repr_str(Value::Obj(t)), vm.repr_str(y));
                    let e = vm.runtime_error(format!(
                        "yield was used instead of yield from in task {tr} with {fr}"
                    ));
                    schedule_step(vm, t, e);
                }
            } else if y.is_none() {
                schedule_step(vm, t, Value::Undefined);
            } else {
                let r = vm.repr_str(y);
                let e = vm.runtime_error(format!("Task got bad yield: {r}"));
                schedule_step(vm, t, e);
            }
        }
    }
    Ok(())
}

pub fn schedule_step(vm: &mut Vm, t: ObjRef, exc: Value) {
    if let Some(l) = fut(vm, t).loop_ {
        if let Some(lo) = loop_mut(vm, l) {
            lo.ready.push_back(Ready::Step(t, exc.as_obj()));
        }
    }
}

/// Task.__wakeup(future): resume the task with the future's outcome.
pub fn task_wakeup(vm: &mut Vm, t: ObjRef, f: ObjRef) -> PyResult<()> {
    let send = fut_mut(vm, t)
        .task
        .as_mut()
        .is_some_and(|td| std::mem::take(&mut td.send_result));
    match result(vm, f) {
        Ok(v) if send => task_step_send(vm, t, Value::Undefined, v),
        Ok(_) => task_step(vm, t, Value::Undefined),
        Err(e) => task_step(vm, t, e),
    }
}

/// Future's repr as CPython prints it.
pub fn future_repr(vm: &mut Vm, f: ObjRef) -> String {
    let name = task_name(vm, f);
    let (st, res, exc, is_task, coro, cls) = {
        let fo = fut(vm, f);
        (
            fo.state,
            fo.result,
            fo.exception.map_or(Value::None, Value::Obj),
            fo.task.is_some(),
            fo.task.as_ref().map_or(Value::None, |t| Value::Obj(t.coro)),
            fo.class,
        )
    };
    let cname = vm.class_name(cls);
    let mut parts = vec![st.name().to_lowercase()];
    if is_task {
        let n = vm.repr_str(name);
        parts.push(format!("name={n}"));
    }
    // CPython's _task_repr_info puts coro= right after name=, then the
    // future the task waits on.
    if is_task {
        if let Some(g) = vm.gen_of(coro) {
            let q = vm.str_of(Value::Obj(vm.gen(g).qualname)).to_string();
            let (file, first) = {
                let c = &vm.gen(g).code.code;
                (c.filename.clone(), c.firstlineno)
            };
            if st != FutState::Pending {
                parts.push(format!("coro=<{q}() done, defined at {file}:{first}>"));
            } else {
                let line = vm.gen_line(g).unwrap_or(first);
                parts.push(format!("coro=<{q}() running at {file}:{line}>"));
            }
        }
        let waiter = fut(vm, f).task.as_ref().and_then(|t| t.fut_waiter);
        if let Some(w) = waiter {
            let r = vm.repr_str(Value::Obj(w));
            parts.push(format!("wait_for={r}"));
        }
    }
    if st == FutState::Finished {
        if !exc.is_none() {
            let e = vm.repr_str(exc);
            parts.push(format!("exception={e}"));
        } else {
            let r = vm.repr_str(res);
            parts.push(format!("result={r}"));
        }
    }
    let cbs = fut(vm, f).callbacks.clone();
    if !cbs.is_empty() {
        let fmt = |vm: &mut Vm, c: &DoneCb| match c {
            DoneCb::Py(_) | DoneCb::PyValue(_) => {
                let v = c.callable(vm);
                crate::aio::eventloop::callback_source(vm, v, "")
            }
            DoneCb::Wakeup(_) => "Task.task_wakeup()".to_string(),
            DoneCb::StopLoop(_) => "_run_until_complete_cb()".to_string(),
        };
        // CPython's _format_callbacks: the first, a count, and the last.
        let text = match cbs.len() {
            1 => fmt(vm, &cbs[0]),
            2 => format!("{}, {}", fmt(vm, &cbs[0]), fmt(vm, &cbs[1])),
            n => format!(
                "{}, <{} more>, {}",
                fmt(vm, &cbs[0]),
                n - 2,
                fmt(vm, &cbs[n - 1])
            ),
        };
        parts.push(format!("cb=[{text}]"));
    }
    format!("<{cname} {}>", parts.join(" "))
}

/// Task.get_name(): the name, made (once) from the task's number when it
/// was not given.
pub fn task_name(vm: &mut Vm, t: ObjRef) -> Value {
    let (name, number) = match fut(vm, t).task.as_ref() {
        Some(td) => (td.name, td.number),
        None => return Value::None,
    };
    if let Some(name) = name {
        return Value::Obj(name);
    }
    let n = vm.new_str(format!("Task-{number}"));
    if let Some(td) = fut_mut(vm, t).task.as_mut() {
        td.name = n.as_obj();
    }
    n
}
