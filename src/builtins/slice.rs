//! The slice type and its methods.

use crate::builtins::{add_method, add_staticmethod, check, set_class_attr};
use crate::bytecode::op::CmpKind;
use crate::object::*;
use crate::vm::Vm;

use super::seq::*;
use crate::vm::items::slice_bounds;

pub(crate) fn install_slice(vm: &mut Vm) {
    let sc = vm.t.slice;
    add_staticmethod(vm, sc, "__new__", |vm, a| {
        let a = rest(&a);
        if !a.kw.is_empty() {
            return Err(vm.type_error("slice() takes no keyword arguments"));
        }
        check(vm, "slice", &a, 1, 3, &[])?;
        let p = a.pos;
        let s = match p.len() {
            1 => [Value::None, p[0], Value::None],
            2 => [p[0], p[1], Value::None],
            _ => [p[0], p[1], p[2]],
        };
        Ok(vm.alloc(Obj::Slice(Box::new(s))))
    });
    add_method(vm, sc, "indices", |vm, a| {
        let r = self_obj(vm, &a, "slice", "indices", is_slice)?;
        check(vm, "slice.indices", &rest(&a), 1, 1, &[])?;
        let n = index_arg(vm, a.pos[1])?;
        if n < 0 {
            return Err(vm.value_error("length should not be negative"));
        }
        let s = match vm.heap.get(r) {
            Obj::Slice(s) => **s,
            _ => [Value::None; 3],
        };
        let (start, stop, step, _) = slice_bounds(vm, s, n as usize)?;
        Ok(vm.new_tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
    });
    add_method(vm, sc, "__repr__", |vm, a| {
        let r = self_obj(vm, &a, "slice", "__repr__", is_slice)?;
        vm.repr(Value::Obj(r))
    });
    add_compare_methods(vm, sc, cmp_methods!(is_slice));
    set_class_attr(vm, sc, "__hash__", Value::None);
}
