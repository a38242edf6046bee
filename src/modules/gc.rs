//! The `gc` module.
//!
//! weft frees every object through its tracing collector (there is no
//! reference counting underneath), so `gc.disable()` cannot stop
//! collection the way it stops CPython's cycle collector without letting
//! memory grow without bound: it is recorded (`isenabled()` reports it)
//! and collection goes on. `gc.collect()` collects at once when called
//! straight from weft code, where every live value is rooted.

use crate::builtins::check;
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "gc");
    add_fn(vm, m, "collect(generation=2)", |vm, a| {
        check(vm, "collect", &a, 0, 1, &["generation"])?;
        if !vm.native_inline {
            // Called from Rust code that may hold values the collector
            // cannot see: collect at the next instruction boundary.
            vm.heap.since_gc = vm.heap.threshold;
            return Ok(Value::Int(0));
        }
        let before = vm.heap.live();
        vm.collect();
        // Weak references to what was freed are cleared; their callbacks
        // run now, as CPython runs them before collect() returns.
        vm.run_weak_callbacks();
        Ok(Value::Int(before.saturating_sub(vm.heap.live()) as i64))
    });
    add_fn(vm, m, "enable()", |vm, a| {
        check(vm, "enable", &a, 0, 0, &[])?;
        vm.gc_enabled = true;
        Ok(Value::None)
    });
    add_fn(vm, m, "disable()", |vm, a| {
        check(vm, "disable", &a, 0, 0, &[])?;
        vm.gc_enabled = false;
        Ok(Value::None)
    });
    add_fn(vm, m, "isenabled()", |vm, a| {
        check(vm, "isenabled", &a, 0, 0, &[])?;
        Ok(Value::Bool(vm.gc_enabled))
    });
    add_fn(vm, m, "get_count()", |vm, a| {
        check(vm, "get_count", &a, 0, 0, &[])?;
        let n = vm.heap.since_gc as i64;
        Ok(vm.new_tuple(vec![Value::Int(n), Value::Int(0), Value::Int(0)]))
    });
    Ok(m)
}
