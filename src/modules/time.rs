//! The `time` module.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::builtins::check;
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "time");
    add_fn(vm, m, "time()", |_, _| {
        let t = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        Ok(Value::Float(t))
    });
    add_fn(vm, m, "monotonic()", |vm, _| {
        Ok(Value::Float(vm.monotonic()))
    });
    add_fn(vm, m, "perf_counter()", |vm, _| {
        Ok(Value::Float(vm.monotonic()))
    });
    add_fn(vm, m, "time_ns()", |_, _| {
        let t = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0);
        Ok(Value::Int(t))
    });
    add_fn(vm, m, "monotonic_ns()", |vm, _| {
        Ok(Value::Int((vm.monotonic() * 1e9) as i64))
    });
    add_fn(vm, m, "perf_counter_ns()", |vm, _| {
        Ok(Value::Int((vm.monotonic() * 1e9) as i64))
    });
    add_fn(vm, m, "sleep(secs, /)", |vm, a| {
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
        if vm.in_thread_job() && !vm.sleep_hook.is_none() {
            // Threads are fibers: only this job's fiber waits.
            let hook = vm.sleep_hook;
            let fut = vm.call(hook, &[Value::Float(secs)])?;
            vm.pending_await = Some(fut);
            return Ok(Value::None);
        }
        if crate::aio::fibers::main_sleep(vm, secs)? {
            // The main thread sleeps while weft threads run.
            return Ok(Value::None);
        }
        if vm.virtual_time {
            // Virtual time: the clock jumps instead of the thread sleeping.
            vm.clock_offset += secs;
            return Ok(Value::None);
        }
        let _ = vm.stdout.flush();
        interruptible_sleep(vm, secs)?;
        Ok(Value::None)
    });
    super::timeconv::install(vm, m)?;
    Ok(m)
}

/// Sleep `secs`, running signal handlers when a signal interrupts the
/// sleep (so Ctrl-C raises KeyboardInterrupt at once, as in CPython).
fn interruptible_sleep(vm: &mut Vm, secs: f64) -> PyResult<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs.min(1e9));
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        let ts = libc::timespec {
            tv_sec: left.as_secs() as libc::time_t,
            tv_nsec: left.subsec_nanos() as libc::c_long,
        };
        // SAFETY: a valid timespec; the remainder pointer may be null.
        let r = unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
        if r == 0 {
            return Ok(());
        }
        if vm.interrupt.pending() {
            if let crate::vm::interrupt::Interrupted::Raise(e) = vm.on_interrupt(false) {
                return Err(e);
            }
        }
    }
}
