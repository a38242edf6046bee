//! `_asyncio`: the native core (src/aio) the weft-written `asyncio` module builds on.

use std::cell::Cell;

use crate::builtins::{add_method, add_staticmethod, check};
use crate::modules::{add_fn, new_module, set_attr};
use crate::object::*;
use crate::vm::Vm;

use crate::aio::eventloop::{self as el, loop_mut, loop_ref};
use crate::aio::future::{self as fu, fut, fut_mut, fut_ref, FutState, FutureObj, TaskData};
use crate::aio::queue::{self as qu, QueueKind, Waiters};

thread_local! {
    static TASK_COUNTER: Cell<u32> = const { Cell::new(0) };
}

pub(crate) struct Classes {
    pub future: ObjRef,
    pub task: ObjRef,
    pub handle: ObjRef,
    pub lp: ObjRef,
}

pub(crate) fn classes(vm: &mut Vm) -> Classes {
    let future = vm.native_class("Future", None);
    let task = vm.native_class("Task", Some(future));
    let handle = vm.native_class("Handle", None);
    let lp = vm.native_class("_WeftEventLoop", None);
    Classes {
        future,
        task,
        handle,
        lp,
    }
}

pub(crate) fn loop_arg(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(r) if loop_ref(vm, r).is_some() => Ok(r),
        _ => Err(vm.type_error("expected an event loop")),
    }
}

/// The `loop` argument (positional 0 or keyword), else the running loop.
fn loop_or_running(vm: &mut Vm, a: &Args) -> PyResult<ObjRef> {
    let l = match a.get(vm, 0, "loop").filter(|v| !v.is_none()) {
        Some(l) => l,
        None => {
            if vm.running_loop.is_none() {
                return Err(vm.runtime_error("no running event loop"));
            }
            vm.running_loop
        }
    };
    loop_arg(vm, l)
}

fn fut_arg(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    fut_ref(vm, v).ok_or_else(|| vm.type_error("expected a Future"))
}

/// The running loop, else the loop set for this thread (created on demand,
/// the pre-3.12 get_event_loop behaviour).
fn get_event_loop(vm: &mut Vm) -> PyResult<ObjRef> {
    if let Value::Obj(r) = vm.running_loop {
        return Ok(r);
    }
    if let Value::Obj(r) = vm.event_loop {
        return Ok(r);
    }
    let c = classes(vm);
    let l = el::new_loop(vm, c.lp);
    vm.event_loop = l;
    loop_arg(vm, l)
}

pub fn is_coroutine(vm: &Vm, v: Value) -> bool {
    match vm.gen_of(v) {
        Some(g) => vm.gen(g).kind != GenKind::AsyncGenerator,
        None => false,
    }
}

/// Create a task for `coro` on loop `l`.
fn create_task(vm: &mut Vm, l: ObjRef, coro: Value, name: Value) -> PyResult<Value> {
    let coro = match coro {
        Value::Obj(c) if is_coroutine(vm, coro) => c,
        _ => {
            let r = vm.repr_str(coro);
            return Err(vm.type_error(format!("a coroutine was expected, got {r}")));
        }
    };
    if loop_ref(vm, l).is_some_and(|lo| lo.closed) {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    let c = classes(vm);
    let number = TASK_COUNTER.with(|c| {
        if name.is_none() {
            c.set(c.get().wrapping_add(1));
        }
        c.get()
    });
    let name = if name.is_none() {
        None
    } else {
        vm.str(name)?.as_obj()
    };
    let t = vm.alloc(Obj::NativeObj(Box::new(FutureObj {
        class: c.task,
        state: FutState::Pending,
        result: Value::None,
        exception: None,
        callbacks: fu::Callbacks::new(),
        cancel: None,
        loop_: Some(l),
        blocking: false,
        log_tb: false,
        task: Some(TaskData {
            coro,
            must_cancel: false,
            preempted: false,
            send_result: false,
            fut_waiter: None,
            name,
            number,
            num_cancels_requested: 0,
        }),
        dict: None,
    })));
    let Value::Obj(tr) = t else { unreachable!() };
    let prune = match loop_mut(vm, l) {
        Some(lo) => {
            lo.tasks.push(tr);
            lo.ready.push_back(el::Ready::Step(tr, None));
            (lo.tasks.len() >= lo.tasks_prune_at).then(|| std::mem::take(&mut lo.tasks))
        }
        None => None,
    };
    // Drop finished tasks whose outcome was looked at whenever the list
    // doubles, so a long-running loop does not keep every task alive.
    if let Some(tasks) = prune {
        let keep: Vec<ObjRef> = tasks
            .into_iter()
            .filter(|&t| match vm.heap.get(t) {
                Obj::NativeObj(n) => n
                    .as_any()
                    .downcast_ref::<FutureObj>()
                    .is_some_and(|f| f.state == FutState::Pending || f.log_tb),
                _ => false,
            })
            .collect();
        if let Some(lo) = loop_mut(vm, l) {
            lo.tasks_prune_at = (keep.len() * 2).max(1024);
            lo.tasks = keep;
        }
    }
    Ok(t)
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_asyncio");
    let c = classes(vm);
    set_attr(vm, m, "Future", Value::Obj(c.future));
    set_attr(vm, m, "Task", Value::Obj(c.task));
    set_attr(vm, m, "Handle", Value::Obj(c.handle));
    set_attr(vm, m, "TimerHandle", Value::Obj(c.handle));
    set_attr(vm, m, "EventLoop", Value::Obj(c.lp));
    let ce = Value::Obj(vm.t.cancelled_error);
    set_attr(vm, m, "CancelledError", ce);
    let ise = Value::Obj(vm.t.invalid_state_error);
    set_attr(vm, m, "InvalidStateError", ise);
    // Exceptions made in types.rs live in builtins' module name; name them asyncio's.
    for cls in [vm.t.cancelled_error, vm.t.invalid_state_error] {
        if let Obj::Class(k) = vm.heap.get_mut(cls) {
            k.builtin = false;
        }
        let mk = vm.n.module;
        let mv = vm.new_str("asyncio.exceptions");
        crate::builtins::set_class_attr(vm, cls, "__module__", mv);
        let _ = mk;
    }

    // asyncio.sleep(0)'s awaitable (see aio::await_step).
    let s0 = vm.native_class("_Sleep0", None);
    add_method(vm, s0, "__await__()", |_, a| Ok(a.pos[0]));
    add_method(vm, s0, "__iter__()", |_, a| Ok(a.pos[0]));
    add_method(vm, s0, "__next__()", |vm, a| {
        crate::aio::await_step::sleep0_next(vm, a.pos[0])
    });
    add_fn(vm, m, "_sleep0()", |vm, _| {
        Ok(crate::aio::await_step::new_sleep0(vm))
    });

    // ---- module functions ----
    add_fn(vm, m, "new_event_loop()", |vm, _| {
        let c = classes(vm);
        Ok(el::new_loop(vm, c.lp))
    });
    add_fn(vm, m, "get_event_loop()", |vm, _| {
        get_event_loop(vm).map(Value::Obj)
    });
    add_fn(vm, m, "set_event_loop(loop)", |vm, a| {
        check(vm, "set_event_loop", &a, 1, 1, &[])?;
        vm.event_loop = a.pos[0];
        Ok(Value::None)
    });
    add_fn(vm, m, "get_running_loop()", |vm, _| {
        if vm.running_loop.is_none() {
            return Err(vm.runtime_error("no running event loop"));
        }
        Ok(vm.running_loop)
    });
    add_fn(vm, m, "_get_running_loop()", |vm, _| Ok(vm.running_loop));
    add_fn(vm, m, "current_task(loop=None)", |vm, a| {
        let l = loop_or_running(vm, &a)?;
        Ok(loop_ref(vm, l)
            .map(|lo| lo.current_task)
            .unwrap_or(Value::None))
    });
    add_fn(vm, m, "all_tasks(loop=None)", |vm, a| {
        let l = loop_or_running(vm, &a)?;
        let tasks = el::pending_tasks(vm, l);
        let s = vm.new_set(false);
        for t in tasks {
            vm.set_add(s, Value::Obj(t))?;
        }
        Ok(s)
    });
    add_fn(vm, m, "isfuture(obj)", |vm, a| {
        check(vm, "isfuture", &a, 1, 1, &[])?;
        Ok(Value::Bool(fut_ref(vm, a.pos[0]).is_some()))
    });
    add_fn(vm, m, "iscoroutine(obj)", |vm, a| {
        check(vm, "iscoroutine", &a, 1, 1, &[])?;
        Ok(Value::Bool(is_coroutine(vm, a.pos[0])))
    });
    add_fn(vm, m, "_set_sleep_hook(hook, /)", |vm, a| {
        check(vm, "_set_sleep_hook", &a, 1, 1, &[])?;
        vm.sleep_hook = a.pos[0];
        Ok(Value::None)
    });
    add_fn(vm, m, "_mark_thread_job(gen, /)", |vm, a| {
        check(vm, "_mark_thread_job", &a, 1, 1, &[])?;
        if let Some(g) = vm.gen_of(a.pos[0]) {
            if let Obj::Gen(x) = vm.heap.get_mut(g) {
                if !x.thread_job {
                    x.thread_job = true;
                    crate::aio::fibers::job_started(vm);
                }
            }
        }
        Ok(a.pos[0])
    });
    add_fn(vm, m, "_take_asyncgens()", |vm, _| {
        let gens: Vec<Value> = std::mem::take(&mut vm.asyncgens)
            .into_iter()
            .map(Value::Obj)
            .collect();
        Ok(vm.new_list(gens))
    });
    // gather()'s fast path: true when every argument is a distinct
    // coroutine or plain Future/Task, whose hash and == are identity, so
    // gather needs no dict to drop repeated arguments.
    add_fn(vm, m, "_distinct_awaitables(aws, /)", |vm, a| {
        check(vm, "_distinct_awaitables", &a, 1, 1, &[])?;
        let Value::Obj(tr) = a.pos[0] else {
            return Ok(Value::Bool(false));
        };
        let Obj::Tuple(items) = vm.heap.get(tr) else {
            return Ok(Value::Bool(false));
        };
        // One bit per heap slot: far smaller than a hash set of refs.
        let mut seen: Vec<u64> = Vec::new();
        for &v in items.iter() {
            let Value::Obj(r) = v else {
                return Ok(Value::Bool(false));
            };
            let (w, b) = (r.index() / 64, 1u64 << (r.index() % 64));
            if w >= seen.len() {
                seen.resize(w + 1, 0);
            }
            let repeat = seen[w] & b != 0;
            seen[w] |= b;
            let plain = match vm.heap.get(r) {
                Obj::Gen(g) => g.kind == GenKind::Coroutine,
                Obj::NativeObj(n) => n
                    .as_any()
                    .downcast_ref::<FutureObj>()
                    .is_some_and(|f| matches!(vm.heap.get(f.class), Obj::Class(c) if c.builtin)),
                _ => false,
            };
            if !plain || repeat {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    add_fn(vm, m, "_virtual_time()", |vm, _| {
        Ok(Value::Bool(vm.virtual_time))
    });
    add_fn(vm, m, "_set_class_attr(cls, name, value, /)", |vm, a| {
        check(vm, "_set_class_attr", &a, 3, 3, &[])?;
        let Value::Obj(cls) = a.pos[0] else {
            return Err(vm.type_error("expected a class"));
        };
        let name = vm.str_of(a.pos[1]).to_string();
        crate::builtins::set_class_attr(vm, cls, &name, a.pos[2]);
        Ok(Value::None)
    });

    // ---- Future ----
    let f = c.future;
    add_staticmethod(vm, f, "__new__(*args, **kwargs)", |vm, a| {
        let Some(&Value::Obj(cls)) = a.pos.first() else {
            return Err(vm.type_error("Future.__new__"));
        };
        let l = match a.kw(vm, "loop").filter(|v| !v.is_none()) {
            Some(l) => loop_arg(vm, l)?,
            None => get_event_loop(vm)?,
        };
        Ok(fu::new_future(vm, cls, Value::Obj(l)))
    });
    add_method(vm, f, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    add_method(vm, f, "result()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        fu::result(vm, r)
    });
    add_method(vm, f, "exception()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        let (st, exc) = (
            fut(vm, r).state,
            fut(vm, r).exception.map_or(Value::None, Value::Obj),
        );
        match st {
            FutState::Cancelled => Err(fu::make_cancelled_error(vm, r)),
            FutState::Pending => Err(fu::invalid_state(vm, "Exception is not set.".into())),
            FutState::Finished => {
                fut_mut(vm, r).log_tb = false;
                Ok(exc)
            }
        }
    });
    add_method(vm, f, "set_result(result, /)", |vm, a| {
        check(vm, "set_result", &a, 2, 2, &[])?;
        let r = fut_arg(vm, a.pos[0])?;
        fu::set_result(vm, r, a.pos[1])?;
        Ok(Value::None)
    });
    add_method(vm, f, "set_exception(exception, /)", |vm, a| {
        check(vm, "set_exception", &a, 2, 2, &[])?;
        let r = fut_arg(vm, a.pos[0])?;
        fu::set_exception(vm, r, a.pos[1])?;
        Ok(Value::None)
    });
    add_method(vm, f, "cancel(msg=None)", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        let msg = a.get(vm, 1, "msg").unwrap_or(Value::None);
        if fut(vm, r).task.is_some() {
            return Ok(Value::Bool(fu::task_cancel(vm, r, msg)));
        }
        Ok(Value::Bool(fu::cancel(vm, r, msg)))
    });
    add_method(vm, f, "cancelled()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        Ok(Value::Bool(fut(vm, r).state == FutState::Cancelled))
    });
    add_method(vm, f, "done()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        Ok(Value::Bool(fut(vm, r).state != FutState::Pending))
    });
    add_method(vm, f, "get_loop()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        Ok(fut(vm, r).loop_.map_or(Value::None, Value::Obj))
    });
    add_method(
        vm,
        f,
        "add_done_callback(fn, /, *, context=None)",
        |vm, a| {
            if a.pos.len() != 2 {
                return Err(
                    vm.type_error("add_done_callback() takes exactly one positional argument")
                );
            }
            let r = fut_arg(vm, a.pos[0])?;
            let cb = a.pos[1];
            if fut(vm, r).state == FutState::Pending {
                let dc = fu::DoneCb::py(vm, cb);
                fut_mut(vm, r).callbacks.push(dc);
            } else if let Some(l) = fut(vm, r).loop_ {
                let item = el::Ready::callback(vm, cb, r);
                if let Some(lo) = loop_mut(vm, l) {
                    lo.ready.push_back(item);
                }
            }
            Ok(Value::None)
        },
    );
    add_method(vm, f, "remove_done_callback(fn, /)", |vm, a| {
        check(vm, "remove_done_callback", &a, 2, 2, &[])?;
        let r = fut_arg(vm, a.pos[0])?;
        let cb = a.pos[1];
        let cbs = std::mem::take(&mut fut_mut(vm, r).callbacks);
        // `==` may run user code (and the collector): keep the callbacks
        // rooted while they are out of the future.
        let base = vm.temp_roots.len();
        for c in &cbs {
            let (fu::DoneCb::Py(o)
            | fu::DoneCb::PyValue(o)
            | fu::DoneCb::Wakeup(o)
            | fu::DoneCb::StopLoop(o)) = *c;
            vm.temp_roots.push(Value::Obj(o));
        }
        let mut kept = fu::Callbacks::new();
        let mut removed = 0;
        for c in cbs {
            let same = match c {
                fu::DoneCb::Py(_) | fu::DoneCb::PyValue(_) => {
                    let v = c.callable(vm);
                    v.is(cb) || vm.eq(v, cb).unwrap_or(false)
                }
                _ => false,
            };
            if same {
                removed += 1;
            } else {
                kept.push(c);
            }
        }
        vm.temp_roots.truncate(base);
        fut_mut(vm, r).callbacks = kept;
        Ok(Value::Int(removed))
    });
    add_method(vm, f, "_make_cancelled_error()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        Ok(fu::make_cancelled_error(vm, r))
    });
    let get_msg = vm.new_native(
        "_cancel_message(self, /)",
        "Future._cancel_message",
        |vm, a| {
            let r = fut_arg(vm, a.pos[0])?;
            Ok(fut(vm, r).cancel_msg())
        },
    );
    let msg_prop = vm.alloc(Obj::Property(Box::new([
        get_msg,
        Value::None,
        Value::None,
        Value::None,
    ])));
    crate::builtins::set_class_attr(vm, f, "_cancel_message", msg_prop);
    add_method(vm, f, "__await__()", |_, a| Ok(a.pos[0]));
    add_method(vm, f, "__iter__()", |_, a| Ok(a.pos[0]));
    // The future is its own iterator: the first step yields the future to
    // the task (which waits on it), the next returns its result.
    add_method(vm, f, "__next__()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        if fut(vm, r).state == FutState::Pending {
            fut_mut(vm, r).blocking = true;
            return Ok(a.pos[0]);
        }
        let v = fu::result(vm, r)?;
        Err(vm.stop_iteration(v))
    });
    add_method(vm, f, "send(value, /)", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        if fut(vm, r).state == FutState::Pending {
            fut_mut(vm, r).blocking = true;
            return Ok(a.pos[0]);
        }
        let v = fu::result(vm, r)?;
        Err(vm.stop_iteration(v))
    });
    add_method(vm, f, "throw(typ, val=None, tb=None, /)", |vm, a| {
        let e = a.pos.get(1).copied().unwrap_or(Value::None);
        Err(vm.make_exception(e)?)
    });
    add_method(vm, f, "__repr__()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        let s = fu::future_repr(vm, r);
        Ok(vm.new_str(s))
    });
    let get_blocking = vm.new_native(
        "_asyncio_future_blocking(self, /)",
        "Future._asyncio_future_blocking",
        |vm, a| {
            let r = fut_arg(vm, a.pos[0])?;
            Ok(Value::Bool(fut(vm, r).blocking))
        },
    );
    let set_blocking = vm.new_native(
        "_asyncio_future_blocking(self, value, /)",
        "Future._asyncio_future_blocking",
        |vm, a| {
            let r = fut_arg(vm, a.pos[0])?;
            let b = vm.truthy(a.pos.get(1).copied().unwrap_or(Value::None))?;
            fut_mut(vm, r).blocking = b;
            Ok(Value::None)
        },
    );
    let prop = vm.alloc(Obj::Property(Box::new([
        get_blocking,
        set_blocking,
        Value::None,
        Value::None,
    ])));
    crate::builtins::set_class_attr(vm, f, "_asyncio_future_blocking", prop);

    // ---- Task ----
    let t = c.task;
    add_staticmethod(vm, t, "__new__(*args, **kwargs)", |vm, a| {
        let coro = a.get(vm, 1, "coro").unwrap_or(Value::None);
        let l = match a.kw(vm, "loop").filter(|v| !v.is_none()) {
            Some(l) => loop_arg(vm, l)?,
            None => get_event_loop(vm)?,
        };
        let name = a.kw(vm, "name").unwrap_or(Value::None);
        create_task(vm, l, coro, name)
    });
    add_method(vm, t, "get_name()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        Ok(fu::task_name(vm, r))
    });
    add_method(vm, t, "set_name(value, /)", |vm, a| {
        check(vm, "set_name", &a, 2, 2, &[])?;
        let r = fut_arg(vm, a.pos[0])?;
        let n = vm.str(a.pos[1])?;
        if let Some(td) = fut_mut(vm, r).task.as_mut() {
            td.name = n.as_obj();
        }
        Ok(Value::None)
    });
    add_method(vm, t, "get_coro()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        Ok(fut(vm, r)
            .task
            .as_ref()
            .map_or(Value::None, |t| Value::Obj(t.coro)))
    });
    add_method(vm, t, "cancelling()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        Ok(Value::Int(
            fut(vm, r)
                .task
                .as_ref()
                .map(|t| t.num_cancels_requested as i64)
                .unwrap_or(0),
        ))
    });
    add_method(vm, t, "uncancel()", |vm, a| {
        let r = fut_arg(vm, a.pos[0])?;
        let n = match fut_mut(vm, r).task.as_mut() {
            Some(td) => {
                if td.num_cancels_requested > 0 {
                    td.num_cancels_requested -= 1;
                }
                td.num_cancels_requested
            }
            None => 0,
        };
        Ok(Value::Int(n as i64))
    });
    add_method(vm, t, "get_stack(*, limit=None)", |vm, _| {
        Ok(vm.new_list(Vec::new()))
    });

    // ---- Handle ----
    let h = c.handle;
    add_method(vm, h, "cancel()", |vm, a| {
        if let Value::Obj(r) = a.pos[0] {
            if let Some(ho) = el::handle_mut(vm, r) {
                ho.cancelled = true;
                ho.args.clear();
                ho.callback = Value::None;
            }
        }
        Ok(Value::None)
    });
    add_method(vm, h, "cancelled()", |vm, a| {
        Ok(Value::Bool(match a.pos[0] {
            Value::Obj(r) => el::handle_ref(vm, r).is_some_and(|h| h.cancelled),
            _ => false,
        }))
    });
    add_method(vm, h, "when()", |vm, a| {
        Ok(match a.pos[0] {
            Value::Obj(r) => el::handle_ref(vm, r)
                .and_then(|h| h.when)
                .map(Value::Float)
                .unwrap_or(Value::None),
            _ => Value::None,
        })
    });
    add_method(vm, h, "__repr__()", |vm, a| {
        let s = match a.pos[0] {
            Value::Obj(r) => el::handle_repr(vm, r),
            _ => String::new(),
        };
        Ok(vm.new_str(s))
    });

    // ---- the loop ----
    let lp = c.lp;
    add_method(vm, lp, "time()", |vm, _| Ok(Value::Float(vm.monotonic())));
    add_method(
        vm,
        lp,
        "call_soon(callback, *args, context=None)",
        |vm, a| {
            if a.pos.len() < 2 {
                return Err(
                    vm.type_error("call_soon() missing 1 required positional argument: 'callback'")
                );
            }
            let l = loop_arg(vm, a.pos[0])?;
            check_open(vm, l)?;
            let c = classes(vm);
            Ok(el::call_soon(
                vm,
                l,
                c.handle,
                a.pos[1],
                a.pos[2..].to_vec(),
            ))
        },
    );
    add_method(
        vm,
        lp,
        "call_soon_threadsafe(callback, *args, context=None)",
        |vm, a| {
            let l = loop_arg(vm, a.pos[0])?;
            let c = classes(vm);
            Ok(el::call_soon(
                vm,
                l,
                c.handle,
                a.pos[1],
                a.pos[2..].to_vec(),
            ))
        },
    );
    add_method(
        vm,
        lp,
        "call_later(delay, callback, *args, context=None)",
        |vm, a| {
            if a.pos.len() < 3 {
                return Err(vm.type_error("call_later() missing required arguments"));
            }
            let l = loop_arg(vm, a.pos[0])?;
            check_open(vm, l)?;
            let delay = num_f64(vm, a.pos[1])?;
            let when = vm.monotonic() + delay;
            let c = classes(vm);
            Ok(el::call_at(
                vm,
                l,
                c.handle,
                when,
                a.pos[2],
                a.pos[3..].to_vec(),
            ))
        },
    );
    add_method(
        vm,
        lp,
        "call_at(when, callback, *args, context=None)",
        |vm, a| {
            if a.pos.len() < 3 {
                return Err(vm.type_error("call_at() missing required arguments"));
            }
            let l = loop_arg(vm, a.pos[0])?;
            check_open(vm, l)?;
            let when = num_f64(vm, a.pos[1])?;
            let c = classes(vm);
            Ok(el::call_at(
                vm,
                l,
                c.handle,
                when,
                a.pos[2],
                a.pos[3..].to_vec(),
            ))
        },
    );
    add_method(vm, lp, "create_future()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        let c = classes(vm);
        Ok(fu::new_future(vm, c.future, Value::Obj(l)))
    });
    add_method(
        vm,
        lp,
        "create_task(coro, *, name=None, context=None)",
        |vm, a| {
            check(vm, "create_task", &a, 2, 2, &["name", "context"])?;
            let l = loop_arg(vm, a.pos[0])?;
            let name = a.kw(vm, "name").unwrap_or(Value::None);
            create_task(vm, l, a.pos[1], name)
        },
    );
    add_method(vm, lp, "run_forever()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        el::run_forever(vm, l)?;
        Ok(Value::None)
    });
    add_method(vm, lp, "_run_until_complete_future(future, /)", |vm, a| {
        check(vm, "run_until_complete", &a, 2, 2, &[])?;
        let l = loop_arg(vm, a.pos[0])?;
        let f = fut_arg(vm, a.pos[1])?;
        el::run_until_complete(vm, l, f)
    });
    add_method(vm, lp, "stop()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        if let Some(lo) = loop_mut(vm, l) {
            lo.stopping = true;
        }
        Ok(Value::None)
    });
    add_method(vm, lp, "is_running()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        Ok(Value::Bool(loop_ref(vm, l).is_some_and(|lo| lo.running)))
    });
    add_method(vm, lp, "is_closed()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        Ok(Value::Bool(loop_ref(vm, l).is_some_and(|lo| lo.closed)))
    });
    add_method(vm, lp, "close()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        if loop_ref(vm, l).is_some_and(|lo| lo.running) {
            return Err(vm.runtime_error("Cannot close a running event loop"));
        }
        report_unretrieved(vm, l);
        if let Some(lo) = loop_mut(vm, l) {
            lo.closed = true;
            lo.ready.clear();
            lo.timers.clear();
            // Closes the epoll instance and the Waker's eventfd.
            lo.reactor = None;
        }
        Ok(Value::None)
    });
    add_method(vm, lp, "get_debug()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        Ok(Value::Bool(loop_ref(vm, l).is_some_and(|lo| lo.debug)))
    });
    add_method(vm, lp, "set_debug(enabled)", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        let b = vm.truthy(a.pos.get(1).copied().unwrap_or(Value::None))?;
        if let Some(lo) = loop_mut(vm, l) {
            lo.debug = b;
        }
        Ok(Value::None)
    });
    add_method(vm, lp, "set_exception_handler(handler)", |vm, a| {
        check(vm, "set_exception_handler", &a, 2, 2, &[])?;
        let l = loop_arg(vm, a.pos[0])?;
        let h = a.pos[1];
        if !h.is_none() && !crate::builtins::core::callable(vm, h) {
            let r = vm.repr_str(h);
            return Err(vm.type_error(format!("A callable object or None is expected, got {r}")));
        }
        if let Some(lo) = loop_mut(vm, l) {
            lo.exception_handler = h;
        }
        Ok(Value::None)
    });
    add_method(vm, lp, "get_exception_handler()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        Ok(loop_ref(vm, l)
            .map(|lo| lo.exception_handler)
            .unwrap_or(Value::None))
    });
    add_method(vm, lp, "default_exception_handler(context)", |vm, a| {
        check(vm, "default_exception_handler", &a, 2, 2, &[])?;
        let ctx = a.pos[1];
        if !matches!(ctx, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Dict(_))) {
            // CPython's handler reads the context with `context.get(...)`.
            let get = vm.intern("get");
            return Err(vm.attribute_error(ctx, get));
        }
        el::default_exception_handler(vm, ctx);
        Ok(Value::None)
    });
    add_method(vm, lp, "call_exception_handler(context)", |vm, a| {
        check(vm, "call_exception_handler", &a, 2, 2, &[])?;
        let l = loop_arg(vm, a.pos[0])?;
        el::call_exception_handler(vm, l, a.pos[1])?;
        Ok(Value::None)
    });
    add_queue_core(vm, m);
    super::asyncio_io::install(vm, m);
    add_method(vm, lp, "_pending_tasks()", |vm, a| {
        let l = loop_arg(vm, a.pos[0])?;
        let ts: Vec<Value> = el::pending_tasks(vm, l)
            .into_iter()
            .map(Value::Obj)
            .collect();
        Ok(vm.new_list(ts))
    });
    Ok(m)
}

fn core_arg(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    qu::core_ref(vm, v).ok_or_else(|| vm.type_error("expected a queue core"))
}

/// `_QueueCore(maxsize, kind, empty_marker)`: the native state of a Queue
/// (kind 0 Queue, 1 LifoQueue, 2 PriorityQueue); stdlib/asyncio.py's Queue
/// drives it.
fn add_queue_core(vm: &mut Vm, m: Value) {
    let qc = vm.native_class("_QueueCore", None);
    set_attr(vm, m, "_QueueCore", Value::Obj(qc));
    add_staticmethod(vm, qc, "__new__(*args, **kwargs)", |vm, a| {
        check(vm, "_QueueCore", &a, 4, 4, &[])?;
        let Value::Obj(cls) = a.pos[0] else {
            return Err(vm.type_error("_QueueCore.__new__"));
        };
        let Value::Int(maxsize) = a.pos[1] else {
            return Err(vm.type_error("maxsize must be an int"));
        };
        let kind = match a.pos[2] {
            Value::Int(0) => QueueKind::Fifo,
            Value::Int(1) => QueueKind::Lifo,
            Value::Int(2) => QueueKind::Priority,
            _ => return Err(vm.value_error("bad queue kind")),
        };
        Ok(qu::new_core(vm, cls, kind, maxsize, a.pos[3]))
    });
    add_method(vm, qc, "try_put(item, /)", |vm, a| {
        check(vm, "try_put", &a, 2, 2, &[])?;
        let q = core_arg(vm, a.pos[0])?;
        Ok(Value::Bool(qu::try_put(vm, q, a.pos[1])?))
    });
    add_method(vm, qc, "try_get()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        match qu::try_get(vm, q)? {
            Some(v) => Ok(v),
            None => Ok(qu::core(vm, q).empty_marker),
        }
    });
    add_method(vm, qc, "qsize()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        Ok(Value::Int(qu::core(vm, q).items.len() as i64))
    });
    add_method(vm, qc, "empty()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        Ok(Value::Bool(qu::core(vm, q).items.is_empty()))
    });
    add_method(vm, qc, "full()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        Ok(Value::Bool(qu::core(vm, q).full()))
    });
    fn add_waiter(vm: &mut Vm, a: &Args, w: Waiters) -> PyResult<Value> {
        check(vm, "add_waiter", a, 2, 2, &[])?;
        let q = core_arg(vm, a.pos[0])?;
        let l = loop_arg(vm, a.pos[1])?;
        let c = classes(vm);
        Ok(qu::add_waiter(vm, q, w, c.future, Value::Obj(l)))
    }
    add_method(vm, qc, "add_getter(loop, /)", |vm, a| {
        add_waiter(vm, &a, Waiters::Getters)
    });
    add_method(vm, qc, "add_putter(loop, /)", |vm, a| {
        add_waiter(vm, &a, Waiters::Putters)
    });
    fn waiter_failed(vm: &mut Vm, a: &Args, w: Waiters) -> PyResult<Value> {
        check(vm, "waiter_failed", a, 2, 2, &[])?;
        let q = core_arg(vm, a.pos[0])?;
        let f = fut_arg(vm, a.pos[1])?;
        qu::waiter_failed(vm, q, w, f);
        Ok(Value::None)
    }
    add_method(vm, qc, "getter_failed(fut, /)", |vm, a| {
        waiter_failed(vm, &a, Waiters::Getters)
    });
    add_method(vm, qc, "putter_failed(fut, /)", |vm, a| {
        waiter_failed(vm, &a, Waiters::Putters)
    });
    // task_done(): true when the count reached zero (the caller sets the
    // Event that join() waits on).
    add_method(vm, qc, "task_done()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        let c = qu::core_mut(vm, q);
        if c.unfinished <= 0 {
            return Err(vm.value_error("task_done() called too many times"));
        }
        c.unfinished -= 1;
        Ok(Value::Bool(c.unfinished == 0))
    });
    add_method(vm, qc, "unfinished()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        Ok(Value::Int(qu::core(vm, q).unfinished))
    });
    add_method(vm, qc, "items()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        let items: Vec<Value> = qu::core(vm, q).items.iter().copied().collect();
        Ok(vm.new_list(items))
    });
    add_method(vm, qc, "getters()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        let fs: Vec<Value> = qu::core(vm, q)
            .getters
            .iter()
            .map(|&f| Value::Obj(f))
            .collect();
        Ok(vm.new_list(fs))
    });
    add_method(vm, qc, "putters()", |vm, a| {
        let q = core_arg(vm, a.pos[0])?;
        let fs: Vec<Value> = qu::core(vm, q)
            .putters
            .iter()
            .map(|&f| Value::Obj(f))
            .collect();
        Ok(vm.new_list(fs))
    });
}

fn check_open(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    if loop_ref(vm, l).is_some_and(|lo| lo.closed) {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    Ok(())
}

fn num_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Float(f) => Ok(f),
        Value::Bool(b) => Ok(b as i64 as f64),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as a number")))
        }
    }
}

/// "Task exception was never retrieved" for finished tasks whose exception
/// nobody looked at (CPython reports these when the task is collected).
fn report_unretrieved(vm: &mut Vm, l: ObjRef) {
    let tasks = loop_ref(vm, l)
        .map(|lo| lo.tasks.clone())
        .unwrap_or_default();
    for t in tasks {
        let (log, exc) = {
            let fo = fut(vm, t);
            (fo.log_tb, fo.exception.map_or(Value::None, Value::Obj))
        };
        if log && !exc.is_none() {
            fut_mut(vm, t).log_tb = false;
            let r = fu::future_repr(vm, t);
            let text = vm.format_exception(exc);
            let _ = vm.stdout.flush();
            eprint!("Task exception was never retrieved\nfuture: {r}\n{text}");
        }
    }
}
