//! The tuple type and its methods.

use crate::builtins::{add_method, add_staticmethod, check};
use crate::bytecode::op::CmpKind;
use crate::object::*;
use crate::vm::Vm;

use super::list::mul_method;
use super::seq::*;
use crate::vm::items::seq_getitem;

pub(crate) fn install_tuple(vm: &mut Vm) {
    let t = vm.t.tuple;
    add_staticmethod(vm, t, "__new__", |vm, a| {
        let cls = a.pos.first().copied().unwrap_or(Value::None);
        let a = rest(&a);
        if !a.kw.is_empty() {
            return Err(vm.type_error("tuple() takes no keyword arguments"));
        }
        check(vm, "tuple", &a, 0, 1, &[])?;
        let tc = vm.t.tuple;
        let v = match a.pos.first() {
            None => vm.empty_tuple,
            Some(&it) => {
                if matches!(cls, Value::Obj(c) if c == tc)
                    && matches!(it, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_)))
                {
                    return Ok(it);
                }
                let items = vm.collect_iterable(it)?;
                vm.new_tuple(items)
            }
        };
        Ok(new_for_class(vm, cls, tc, v))
    });
    add_method(vm, t, "index", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "index", is_tuple)?;
        check(vm, "index", &rest(&a), 1, 3, &[])?;
        let n = seq_len(vm, r);
        let (s, e) = index_bounds(vm, &a, 2, n)?;
        match seq_find(vm, r, a.pos[1], s, e)? {
            Some(i) => Ok(Value::Int(i as i64)),
            None => Err(vm.value_error("tuple.index(x): x not in tuple")),
        }
    });
    add_method(vm, t, "count", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "count", is_tuple)?;
        check(vm, "tuple.count", &rest(&a), 1, 1, &[])?;
        seq_count(vm, r, a.pos[1]).map(Value::Int)
    });
    add_method(vm, t, "__len__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__len__", is_tuple)?;
        Ok(Value::Int(seq_len(vm, r) as i64))
    });
    add_method(vm, t, "__getitem__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__getitem__", is_tuple)?;
        check(vm, "tuple.__getitem__", &rest(&a), 1, 1, &[])?;
        seq_getitem(vm, Value::Obj(r), a.pos[1])
    });
    add_method(vm, t, "__contains__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__contains__", is_tuple)?;
        check(vm, "tuple.__contains__", &rest(&a), 1, 1, &[])?;
        vm.contains(Value::Obj(r), a.pos[1]).map(Value::Bool)
    });
    add_method(vm, t, "__iter__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__iter__", is_tuple)?;
        vm.iter(Value::Obj(r))
    });
    add_method(vm, t, "__add__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__add__", is_tuple)?;
        check(vm, "tuple.__add__", &rest(&a), 1, 1, &[])?;
        match other_of(vm, a.pos[1], is_tuple) {
            Some(o) => {
                let mut v = vm.tuple_items(Value::Obj(r));
                v.extend(vm.tuple_items(o));
                Ok(vm.new_tuple(v))
            }
            None => {
                let tn = vm.type_name(a.pos[1]);
                Err(vm.type_error(format!(
                    "can only concatenate tuple (not \"{tn}\") to tuple"
                )))
            }
        }
    });
    add_method(vm, t, "__mul__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__mul__", is_tuple)?;
        check(vm, "tuple.__mul__", &rest(&a), 1, 1, &[])?;
        mul_method(vm, Value::Obj(r), a.pos[1], false)
    });
    add_method(vm, t, "__rmul__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__rmul__", is_tuple)?;
        check(vm, "tuple.__rmul__", &rest(&a), 1, 1, &[])?;
        mul_method(vm, Value::Obj(r), a.pos[1], false)
    });
    add_method(vm, t, "__hash__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__hash__", is_tuple)?;
        vm.hash(Value::Obj(r)).map(Value::Int)
    });
    add_method(vm, t, "__repr__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__repr__", is_tuple)?;
        vm.repr(Value::Obj(r))
    });
    add_method(vm, t, "__getnewargs__", |vm, a| {
        let r = self_obj(vm, &a, "tuple", "__getnewargs__", is_tuple)?;
        let items = vm.tuple_items(Value::Obj(r));
        let t = vm.new_tuple(items);
        Ok(vm.new_tuple(vec![t]))
    });
    add_compare_methods(vm, t, cmp_methods!(is_tuple));
}
