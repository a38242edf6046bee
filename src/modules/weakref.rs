//! `_weakref`: the reference type (`weakref.ref`) and the counts of
//! weak references to an object. The collector clears references and
//! queues their callbacks (object/heap.rs); proxies and the weak
//! containers are weft (stdlib/weakref.py).

use crate::builtins::{add_classmethod, add_method, add_staticmethod, set_class_attr};
use crate::object::weakref::WeakRef;
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_weakref");
    let c = vm.native_class("weakref.ReferenceType", None);
    let q = vm.intern("weakref.ReferenceType");
    if let Obj::Class(k) = vm.heap.get_mut(c) {
        k.qualname = q;
    }
    let modv = vm.intern("builtins");
    set_class_attr(vm, c, "__module__", modv);
    add_staticmethod(vm, c, "__new__(cls, ob, callback=None, /)", ref_new);
    add_method(vm, c, "__init__(ob, callback=None, /)", |_, _| {
        Ok(Value::None)
    });
    add_method(vm, c, "__call__()", |vm, a| {
        Ok(wref(vm, a.pos[0])?.referent.map_or(Value::None, Value::Obj))
    });
    add_method(vm, c, "__hash__()", |vm, a| {
        let w = wref(vm, a.pos[0])?;
        if let Some(h) = w.hash {
            return Ok(Value::Int(h));
        }
        let Some(r) = w.referent else {
            return Err(vm.type_error("weak object has gone away"));
        };
        let h = vm.hash(Value::Obj(r))?;
        if let Value::Obj(me) = a.pos[0] {
            if let Obj::NativeObj(n) = vm.heap.get_mut(me) {
                if let Some(w) = n.as_any_mut().downcast_mut::<WeakRef>() {
                    w.hash = Some(h);
                }
            }
        }
        Ok(Value::Int(h))
    });
    add_method(vm, c, "__eq__(other, /)", |vm, a| {
        ref_eq(vm, a.pos[0], a.pos[1])
    });
    add_method(vm, c, "__ne__(other, /)", |vm, a| {
        match ref_eq(vm, a.pos[0], a.pos[1])? {
            Value::Bool(b) => Ok(Value::Bool(!b)),
            v => Ok(v),
        }
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let me = a.pos[0];
        let at = match me {
            Value::Obj(r) => crate::vm::display::addr(r),
            _ => String::new(),
        };
        let Some(r) = wref(vm, me)?.referent else {
            return Ok(vm.new_str(format!("<weakref at {at}; dead>")));
        };
        let target = Value::Obj(r);
        let tn = vm.type_name(target);
        let nk = vm.n.name;
        let name = match vm.getattr_opt(target, nk) {
            Ok(Some(n)) => vm.as_str(n).map(|s| s.to_string()),
            _ => None,
        };
        let to = crate::vm::display::addr(r);
        Ok(vm.new_str(match name {
            Some(n) => format!("<weakref at {at}; to '{tn}' at {to} ({n})>"),
            None => format!("<weakref at {at}; to '{tn}' at {to}>"),
        }))
    });
    add_classmethod(vm, c, "__class_getitem__(item, /)", |vm, a| {
        vm.generic_alias(a.pos[0], a.pos[1])
    });
    let getter = vm.new_native("fget(self, /)", "ReferenceType.__callback__", |vm, a| {
        Ok(wref(vm, a.pos[0])?.callback)
    });
    let prop = vm.alloc(Obj::Property(Box::new([
        getter,
        Value::None,
        Value::None,
        Value::None,
    ])));
    set_class_attr(vm, c, "__callback__", prop);
    set_attr(vm, m, "ref", Value::Obj(c));
    set_attr(vm, m, "ReferenceType", Value::Obj(c));
    add_fn(vm, m, "getweakrefcount(object, /)", |vm, a| {
        let n = match a.pos[0] {
            Value::Obj(r) => vm.heap.weakrefs_to(r).len(),
            _ => 0,
        };
        Ok(Value::Int(n as i64))
    });
    add_fn(vm, m, "getweakrefs(object, /)", |vm, a| {
        let refs = match a.pos[0] {
            Value::Obj(r) => vm.heap.weakrefs_to(r),
            _ => Vec::new(),
        };
        let items = refs.into_iter().map(Value::Obj).collect();
        Ok(vm.new_list(items))
    });
    add_fn(vm, m, "_weakrefable(object, /)", |vm, a| {
        Ok(Value::Bool(weakrefable(vm, a.pos[0])))
    });
    Ok(m)
}

/// The reference behind `v`, TypeError for other values.
fn wref(vm: &mut Vm, v: Value) -> PyResult<&WeakRef> {
    let ok = matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::NativeObj(n) if n.as_any().is::<WeakRef>()));
    if !ok {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor requires a 'weakref.ReferenceType' object but received a '{tn}'"
        )));
    }
    let Value::Obj(r) = v else {
        unreachable!("checked")
    };
    match vm.heap.get(r) {
        Obj::NativeObj(n) => match n.as_any().downcast_ref::<WeakRef>() {
            Some(w) => Ok(w),
            None => unreachable!("checked"),
        },
        _ => unreachable!("checked"),
    }
}

/// Objects that may be weakly referenced: what CPython allows, less the
/// values weft keeps unboxed (ints, floats, bools, None).
fn weakrefable(vm: &Vm, v: Value) -> bool {
    let Value::Obj(r) = v else { return false };
    match vm.heap.get(r) {
        Obj::Instance(i) => {
            // A class with __slots__ all the way down and no
            // '__weakref__' slot has no room for weak references.
            let mro = match vm.heap.get(i.class) {
                Obj::Class(c) => c.mro.clone(),
                _ => return true,
            };
            let mut all_slotted = true;
            for k in mro {
                if let Obj::Class(c) = vm.heap.get(k) {
                    if c.builtin {
                        continue;
                    }
                    match &c.slots {
                        Some(s) => {
                            if s.iter().any(|x| vm.as_str(*x) == Some("__weakref__")) {
                                return true;
                            }
                        }
                        None => all_slotted = false,
                    }
                }
            }
            !all_slotted
        }
        // A plain reference cannot be referenced; a subclass's instances
        // can (WeakMethod, KeyedRef).
        Obj::NativeObj(n) => match n.as_any().downcast_ref::<WeakRef>() {
            Some(w) => vm.native_classes.get("weakref.ReferenceType") != Some(&w.class),
            None => true,
        },
        Obj::Function(_)
        | Obj::Class(_)
        | Obj::BoundMethod { .. }
        | Obj::Set(..)
        | Obj::Gen(_)
        | Obj::Module(_)
        | Obj::Code(_)
        | Obj::Property(_) => true,
        _ => false,
    }
}

fn ref_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Value::Obj(cls) = a.pos[0] else {
        return Err(vm.type_error("ReferenceType.__new__(X): X is not a type object"));
    };
    let ob = a.pos[1];
    let callback = a.pos.get(2).copied().unwrap_or(Value::None);
    if !weakrefable(vm, ob) {
        let tn = vm.type_name(ob);
        return Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")));
    }
    let Value::Obj(target) = ob else {
        unreachable!("checked")
    };
    let base = vm.native_classes.get("weakref.ReferenceType").copied();
    // ref(obj) without a callback is shared, as CPython shares it.
    if callback.is_none() && Some(cls) == base {
        for w in vm.heap.weakrefs_to(target) {
            if let Obj::NativeObj(n) = vm.heap.get(w) {
                if let Some(x) = n.as_any().downcast_ref::<WeakRef>() {
                    if x.class == cls && x.callback.is_none() {
                        return Ok(Value::Obj(w));
                    }
                }
            }
        }
    }
    let w = vm.heap.alloc(Obj::NativeObj(Box::new(WeakRef {
        class: cls,
        referent: Some(target),
        callback,
        hash: None,
        dict: None,
    })));
    vm.heap.register_weak(target, w);
    Ok(Value::Obj(w))
}

/// Live references compare their referents; dead ones are equal only to
/// themselves.
fn ref_eq(vm: &mut Vm, me: Value, other: Value) -> PyResult<Value> {
    let mine = wref(vm, me)?.referent;
    let theirs = match other {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => match n.as_any().downcast_ref::<WeakRef>() {
                Some(w) => w.referent,
                None => return Ok(vm.not_implemented),
            },
            _ => return Ok(vm.not_implemented),
        },
        _ => return Ok(vm.not_implemented),
    };
    match (mine, theirs) {
        (Some(x), Some(y)) => vm.eq(Value::Obj(x), Value::Obj(y)).map(Value::Bool),
        _ => Ok(Value::Bool(me.is(other))),
    }
}
