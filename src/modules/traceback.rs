//! `_traceback`: what the traceback module (stdlib/traceback.py) needs
//! from the VM, so that it prints exactly what an uncaught exception
//! prints: the entries of a traceback object and of the running stack,
//! each entry's text from the VM's own formatter (source line and caret
//! line included), the last line of an exception, and source lines.

use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_traceback");
    add_fn(vm, m, "tb_entries(tb, /)", |vm, a| {
        // (code, lineno, lasti) per entry, outermost first.
        let entries = match a.pos[0] {
            Value::Obj(r) => match vm.heap.get(r) {
                Obj::Traceback(e) => e.iter().rev().cloned().collect::<Vec<_>>(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let mut out = Vec::with_capacity(entries.len());
        for e in entries {
            let code = vm.alloc(Obj::Code(e.code.clone()));
            let t = vm.new_tuple(vec![
                code,
                Value::Int(e.line as i64),
                Value::Int(e.ip as i64),
            ]);
            out.push(t);
        }
        Ok(vm.new_list(out))
    });
    add_fn(vm, m, "format_entry(code, lineno, lasti, /)", |vm, a| {
        let code = match a.pos[0] {
            Value::Obj(r) => match vm.heap.get(r) {
                Obj::Code(c) => c.clone(),
                _ => return Err(vm.type_error("format_entry() needs a code object")),
            },
            _ => return Err(vm.type_error("format_entry() needs a code object")),
        };
        let line = int(vm, a.pos[1])?;
        let ip = int(vm, a.pos[2])?;
        let ip = if ip < 0 || ip as usize >= code.code.ops.len() {
            // No instruction known: the line without carets.
            return Ok(Value::None);
        } else {
            ip as u32
        };
        let entry = TbEntry {
            code,
            line: line.clamp(0, u32::MAX as i64) as u32,
            ip,
        };
        let mut out = String::new();
        vm.format_tb_entries(&[entry], &mut out);
        Ok(vm.new_str(out))
    });
    add_fn(vm, m, "exception_only(exc, /)", |vm, a| {
        let s = vm.exception_only(a.pos[0]);
        Ok(vm.new_str(s))
    });
    add_fn(vm, m, "getline(filename, lineno, /)", |vm, a| {
        // A line of source the VM compiled (the scripts it ran, the
        // embedded modules), "" when it has none.
        let Some(file) = vm.as_str(a.pos[0]).map(|s| s.to_string()) else {
            return Ok(vm.new_str(""));
        };
        let line = int(vm, a.pos[1])?;
        let text = match vm.sources.get(file.as_str()) {
            Some(src) if line >= 1 && line <= src.line_count() as i64 => {
                format!("{}\n", src.line_text(line as u32))
            }
            _ => String::new(),
        };
        Ok(vm.new_str(text))
    });
    Ok(m)
}

fn int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}
