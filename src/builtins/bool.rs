//! The bool type (a subclass of int).

use crate::bytecode::op::BinOpKind;
use crate::object::*;
use crate::vm::Vm;

use super::{add_method, add_staticmethod};

use super::int::int_binop;
use super::num::*;

pub(crate) fn install_bool(vm: &mut Vm) {
    let c = vm.t.bool_;
    add_staticmethod(vm, c, "__new__", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("bool() takes no keyword arguments"));
        }
        let n = a.pos.len().saturating_sub(1);
        if n > 1 {
            return Err(vm.type_error(format!("bool expected at most 1 argument, got {n}")));
        }
        match a.pos.get(1) {
            Some(&v) => vm.truthy(v).map(Value::Bool),
            None => Ok(Value::Bool(false)),
        }
    });
    add_method(vm, c, "__repr__", |vm, a| match a.pos.first() {
        Some(Value::Bool(b)) => Ok(vm.new_str(if *b { "True" } else { "False" })),
        other => Err(descr_error(vm, "__repr__", "bool", other.copied())),
    });
    macro_rules! boolops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, $name, |vm, a| bool_binop(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, $rname, |vm, a| bool_binop(vm, a, BinOpKind::$kind, true));
            )*
        };
    }
    boolops!("__and__", "__rand__" => And, "__or__", "__ror__" => Or, "__xor__", "__rxor__" => Xor);
}

fn bool_binop(vm: &mut Vm, a: Args, kind: BinOpKind, rev: bool) -> PyResult<Value> {
    if let (Some(Value::Bool(x)), Some(Value::Bool(y))) = (a.pos.first(), a.pos.get(1)) {
        let r = match kind {
            BinOpKind::And => x & y,
            BinOpKind::Or => x | y,
            _ => x ^ y,
        };
        return Ok(Value::Bool(r));
    }
    int_binop(vm, a, kind, rev)
}
