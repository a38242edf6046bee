//! `await fut` without the iterator protocol.
//!
//! A Future is its own iterator: `__next__` yields the future while it is
//! pending and raises StopIteration(result) once it is done. Every resumed
//! task would allocate that exception (instance, args tuple, exception
//! data) only for the VM to unpack it again. The VM asks this hook first
//! when a native object is awaited; it answers for Future and Task
//! themselves (a weft subclass may override `__next__`/`send`, so those
//! keep the protocol).

use super::future::{self, FutState, FutureObj};
use crate::object::{Obj, ObjRef, PyResult, Value};
use crate::vm::{AwaitStep, Vm};

pub fn await_future(vm: &mut Vm, r: ObjRef, sent: Value) -> Option<PyResult<AwaitStep>> {
    if !sent.is_none() {
        return None;
    }
    let Obj::NativeObj(n) = vm.heap.get(r) else {
        return None;
    };
    let f = n.as_any().downcast_ref::<FutureObj>()?;
    let class = f.class;
    let pending = f.state == FutState::Pending;
    let base = vm.native_classes.get("Future").copied();
    let task = vm.native_classes.get("Task").copied();
    if Some(class) != base && Some(class) != task {
        return None;
    }
    if pending {
        future::fut_mut(vm, r).blocking = true;
        return Some(Ok(AwaitStep::Yield(Value::Obj(r))));
    }
    Some(future::result(vm, r).map(AwaitStep::Return))
}

/// The awaitable behind `asyncio.sleep(0)`: yields None to the task once
/// (so the task goes round the loop), then finishes. CPython uses a
/// one-`yield` generator; this is one small native object instead of a
/// generator with its own frames.
#[derive(Debug)]
pub struct Sleep0 {
    class: ObjRef,
    yielded: bool,
}

impl crate::object::NativeObj for Sleep0 {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// One step of a Sleep0: the first yields None, the next returns None.
pub fn sleep0_step(vm: &mut Vm, r: ObjRef) -> Option<AwaitStep> {
    let Obj::NativeObj(n) = vm.heap.get_mut(r) else {
        return None;
    };
    let s = n.as_any_mut().downcast_mut::<Sleep0>()?;
    Some(if std::mem::replace(&mut s.yielded, true) {
        AwaitStep::Return(Value::None)
    } else {
        AwaitStep::Yield(Value::None)
    })
}

/// A fresh `asyncio.sleep(0)` awaitable.
pub fn new_sleep0(vm: &mut Vm) -> Value {
    let class = vm.native_class("_Sleep0", None);
    vm.alloc(Obj::NativeObj(Box::new(Sleep0 {
        class,
        yielded: false,
    })))
}

/// `_Sleep0.__next__`, for `yield from` in generator-based code.
pub fn sleep0_next(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let step = match this {
        Value::Obj(r) => sleep0_step(vm, r),
        _ => None,
    };
    match step {
        Some(AwaitStep::Yield(v)) => Ok(v),
        _ => Err(vm.stop_iteration(Value::None)),
    }
}

/// The await hook for `_asyncio`'s own awaitables: futures and sleep(0).
pub fn await_native(vm: &mut Vm, r: ObjRef, sent: Value) -> Option<PyResult<AwaitStep>> {
    if let Some(step) = await_future(vm, r, sent) {
        return Some(step);
    }
    if !sent.is_none() {
        return None;
    }
    sleep0_step(vm, r).map(Ok)
}
