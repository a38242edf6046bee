//! Built-in methods (filled in by the owner of this file).

use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let _ = vm;
}

/// Set algebra `| & - ^` (None if `b` is not a set).
pub fn set_binop(
    vm: &mut Vm,
    a: crate::object::Value,
    b: crate::object::Value,
    kind: crate::bytecode::op::BinOpKind,
    inplace: bool,
) -> crate::object::PyResult<Option<crate::object::Value>> {
    let _ = (vm, a, b, kind, inplace);
    Ok(None)
}

/// `dict | other` (None if other is not a dict).
pub fn dict_or(
    vm: &mut Vm,
    a: crate::object::Value,
    b: crate::object::Value,
    inplace: bool,
) -> crate::object::PyResult<Option<crate::object::Value>> {
    let _ = (vm, a, b, inplace);
    Ok(None)
}

/// reversed(dict) / reversed(view).
pub fn reversed_dict(vm: &mut Vm, v: crate::object::Value) -> crate::object::Value {
    let _ = v;
    crate::object::Value::None
        .is_none()
        .then(|| vm.new_list(Vec::new()))
        .unwrap_or(crate::object::Value::None)
}
