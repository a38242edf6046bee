//! BaseException and its family: construction, str/repr, groups.

use crate::object::*;
use crate::vm::Vm;

use super::{add_method, add_staticmethod};

pub fn install(vm: &mut Vm) {
    let be = vm.t.base_exception;
    add_method(vm, be, "__init__(*args, **kwargs)", |vm, a| {
        let args = vm.new_tuple(a.pos[1..].to_vec());
        if let Some(d) = vm.exc_data_mut(a.pos[0]) {
            d.args = args;
        }
        Ok(Value::None)
    });
    add_method(vm, be, "__str__()", |vm, a| {
        let s = vm.exc_str(a.pos[0])?;
        Ok(vm.new_str(s))
    });
    add_method(vm, be, "__repr__()", |vm, a| vm.repr(a.pos[0]));
    add_method(vm, be, "with_traceback(tb, /)", |vm, a| {
        let tb = a.pos.get(1).copied().unwrap_or(Value::None);
        if let Some(d) = vm.exc_data_mut(a.pos[0]) {
            d.traceback = tb;
        }
        Ok(a.pos[0])
    });
    add_method(vm, be, "add_note(note, /)", |vm, a| {
        let note = a.pos.get(1).copied().unwrap_or(Value::None);
        if vm.as_str(note).is_none() {
            let tn = vm.type_name(note);
            return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
        }
        let k = vm.intern("__notes__");
        let notes = match vm.getattr_opt(a.pos[0], k)? {
            Some(n) => n,
            None => {
                let l = vm.new_list(Vec::new());
                vm.setattr(a.pos[0], k, l)?;
                l
            }
        };
        if let Value::Obj(r) = notes {
            if let Obj::List(l) = vm.heap.get_mut(r) {
                l.push(note);
            }
        }
        Ok(Value::None)
    });

    let se = vm.t.syntax_error;
    add_method(vm, se, "__str__(/)", |vm, a| {
        // "msg (file, line N)", the file's last path component only.
        let e = a.pos[0];
        let args = vm.exc_args(e);
        if args.len() != 2 {
            let s = vm.exc_str(e)?;
            return Ok(vm.new_str(s));
        }
        let msg = vm.str(args[0])?;
        let msg = vm.str_of(msg).to_string();
        let d = vm.tuple_items(args[1]);
        let file = d
            .first()
            .and_then(|&f| vm.as_str(f))
            .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        let line = match d.get(1) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        };
        let s = match (file, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        };
        Ok(vm.new_str(s))
    });

    let beg = vm.t.base_exception_group;
    add_staticmethod(vm, beg, "__new__(*args, **kwargs)", group_new);
    add_method(vm, beg, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    add_method(vm, beg, "__str__()", |vm, a| {
        let args = vm.exc_args(a.pos[0]);
        let msg = args
            .first()
            .map(|m| vm.str_of(*m).to_string())
            .unwrap_or_default();
        let n = args.get(1).map(|e| vm.tuple_items(*e).len()).unwrap_or(0);
        let s = format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" });
        Ok(vm.new_str(s))
    });
    add_method(vm, beg, "split(condition, /)", |vm, a| {
        let typ = a.pos.get(1).copied().unwrap_or(Value::None);
        let (m, r) = vm.eg_split(a.pos[0], typ)?;
        Ok(vm.new_tuple(vec![m, r]))
    });
    add_method(vm, beg, "subgroup(condition, /)", |vm, a| {
        let typ = a.pos.get(1).copied().unwrap_or(Value::None);
        let (m, _) = vm.eg_split(a.pos[0], typ)?;
        Ok(m)
    });
    add_method(vm, beg, "derive(excs, /)", |vm, a| {
        let args = vm.exc_args(a.pos[0]);
        let msg = args.first().copied().unwrap_or(Value::None);
        let excs = a.pos.get(1).copied().unwrap_or(Value::None);
        let cls = Value::Obj(vm.type_of(a.pos[0]));
        vm.call(cls, &[msg, excs])
    });
}

/// BaseExceptionGroup(message, exceptions): validates and picks
/// ExceptionGroup when every member is an Exception.
fn group_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(&Value::Obj(cls)) = a.pos.first() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__ needs a class"));
    };
    if a.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let msg = a.pos[1];
    if vm.as_str(msg).is_none() {
        let tn = vm.type_name(msg);
        return Err(vm.type_error(format!("argument 1 must be str, not {tn}")));
    }
    let excs = vm
        .collect_iterable(a.pos[2])
        .map_err(|_| vm.type_error("second argument (exceptions) must be a sequence"))?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exception = true;
    for (i, &e) in excs.iter().enumerate() {
        if vm.exc_data(e).is_none() {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !vm.isinstance_class(e, vm.t.exception) {
            all_exception = false;
        }
    }
    let mut cls = cls;
    if cls == vm.t.base_exception_group && all_exception {
        cls = vm.t.exception_group;
    } else if vm.is_subclass(cls, vm.t.exception) && !all_exception {
        let n = vm.class_name(cls);
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in an {n}")));
    }
    let t = vm.new_tuple(excs);
    let args = vm.new_tuple(vec![msg, t]);
    Ok(vm.new_exception(cls, args))
}
