//! Built-in methods (filled in by the owner of this file).

use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let _ = vm;
}

/// `fmt % args` (printf-style formatting).
pub fn percent_format(
    vm: &mut Vm,
    fmt: crate::object::Value,
    args: crate::object::Value,
) -> crate::object::PyResult<crate::object::Value> {
    let _ = (fmt, args);
    Err(vm.type_error("% formatting not implemented yet"))
}
