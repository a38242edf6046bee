//! The `time` module.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::check;
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module};

thread_local! {
    static START: Instant = Instant::now();
}

/// Seconds on the monotonic clock since the process started.
pub fn monotonic() -> f64 {
    START.with(|s| s.elapsed().as_secs_f64())
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "time");
    add_fn(vm, m, "time", |_, _| {
        let t = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        Ok(Value::Float(t))
    });
    add_fn(vm, m, "monotonic", |_, _| Ok(Value::Float(monotonic())));
    add_fn(vm, m, "perf_counter", |_, _| Ok(Value::Float(monotonic())));
    add_fn(vm, m, "process_time", |_, _| Ok(Value::Float(monotonic())));
    add_fn(vm, m, "time_ns", |_, _| {
        let t = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0);
        Ok(Value::Int(t))
    });
    add_fn(vm, m, "monotonic_ns", |_, _| {
        Ok(Value::Int((monotonic() * 1e9) as i64))
    });
    add_fn(vm, m, "perf_counter_ns", |_, _| {
        Ok(Value::Int((monotonic() * 1e9) as i64))
    });
    add_fn(vm, m, "sleep", |vm, a| {
        check(vm, "sleep", &a, 1, 1, &[])?;
        let secs = match a.pos[0] {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            Value::Bool(b) => b as i64 as f64,
            v => {
                let tn = vm.type_name(v);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        };
        if secs < 0.0 {
            return Err(vm.value_error("sleep length must be non-negative"));
        }
        let _ = vm.stdout.flush();
        std::thread::sleep(std::time::Duration::from_secs_f64(secs));
        Ok(Value::None)
    });
    Ok(m)
}
