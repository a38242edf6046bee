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
    let Obj::Native2(n) = vm.heap.get(r) else {
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
