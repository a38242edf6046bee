//! `object`, `type`, functions, methods, properties, static/class methods,
//! super, generators' methods.

use crate::object::*;
use crate::vm::Vm;

use super::{add_method, add_special, add_staticmethod, check};

pub fn install(vm: &mut Vm) {
    let o = vm.t.object;
    add_staticmethod(vm, o, "__new__(*args, **kwargs)", object_new);
    add_method(vm, o, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    add_method(vm, o, "__repr__()", |vm, a| {
        let s = vm.default_repr(a.pos[0]);
        Ok(vm.new_str(s))
    });
    add_method(vm, o, "__str__()", |vm, a| vm.str(a.pos[0]));
    add_method(vm, o, "__eq__(value, /)", |vm, a| {
        Ok(if a.pos[0].is(a.pos[1]) {
            Value::Bool(true)
        } else {
            vm.not_implemented
        })
    });
    add_method(vm, o, "__ne__(value, /)", |vm, a| {
        let r = vm.rich_compare(a.pos[0], a.pos[1], crate::bytecode::op::CmpKind::Eq)?;
        let t = vm.truthy(r)?;
        Ok(Value::Bool(!t))
    });
    add_method(vm, o, "__hash__()", |vm, a| {
        let h = match a.pos[0] {
            Value::Obj(r) => crate::vm::compare::identity_hash(r),
            v => vm.hash(v)?,
        };
        Ok(Value::Int(h))
    });
    add_method(vm, o, "__getattribute__(name, /)", |vm, a| {
        check(vm, "__getattribute__", &a, 2, 2, &[])?;
        match vm.generic_getattr(a.pos[0], a.pos[1])? {
            Some(v) => Ok(v),
            None => Err(vm.attribute_error(a.pos[0], a.pos[1])),
        }
    });
    add_method(vm, o, "__setattr__(name, value, /)", |vm, a| {
        check(vm, "__setattr__", &a, 3, 3, &[])?;
        vm.generic_setattr(a.pos[0], a.pos[1], a.pos[2])?;
        Ok(Value::None)
    });
    add_method(vm, o, "__delattr__(name, /)", |vm, a| {
        check(vm, "__delattr__", &a, 2, 2, &[])?;
        let (obj, name) = (a.pos[0], a.pos[1]);
        // A class's namespace (type.__delattr__ reached through super()
        // from a metaclass), else the instance dict.
        let dict = match obj {
            Value::Obj(r) => match vm.heap.get(r) {
                Obj::Class(c) if !c.builtin => Some(c.dict),
                _ => vm.instance_dict(obj),
            },
            _ => None,
        };
        if let Some(d) = dict {
            if vm.dict_del_str(d, name) {
                vm.invalidate_classes();
                return Ok(Value::None);
            }
        }
        Err(vm.attribute_error(obj, name))
    });
    add_method(vm, o, "__format__(format_spec, /)", |vm, a| {
        let spec = a.pos.get(1).copied().unwrap_or(Value::None);
        if vm.str_of(spec).is_empty() {
            return vm.str(a.pos[0]);
        }
        let tn = vm.type_name(a.pos[0]);
        Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )))
    });
    // Reached through super() unbound and through classes bound: any
    // arguments (call.rs checks the class keywords).
    add_staticmethod(vm, o, "__init_subclass__(*args, **kwargs)", |_, _| {
        Ok(Value::None)
    });
    add_method(vm, o, "__dir__()", |vm, a| {
        let names = super::core::dir_names(vm, a.pos[0])?;
        Ok(vm.new_list(names))
    });
    add_method(vm, o, "__reduce_ex__(protocol, /)", |vm, _| {
        Err(vm.type_error("cannot pickle"))
    });
    add_method(vm, o, "__lt__(value, /)", |vm, _| Ok(vm.not_implemented));
    add_method(vm, o, "__le__(value, /)", |vm, _| Ok(vm.not_implemented));
    add_method(vm, o, "__gt__(value, /)", |vm, _| Ok(vm.not_implemented));
    add_method(vm, o, "__ge__(value, /)", |vm, _| Ok(vm.not_implemented));

    let ty = vm.t.type_;
    add_staticmethod(vm, ty, "__new__(*args, **kwargs)", type_new_native);
    add_method(vm, ty, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    add_method(vm, ty, "__call__(*args, **kwargs)", |vm, a| {
        let cls = match a.pos.first() {
            Some(&Value::Obj(c)) if matches!(vm.heap.get(c), Obj::Class(_)) => c,
            _ => return Err(vm.type_error("descriptor '__call__' requires a 'type' object")),
        };
        vm.type_call(cls, &a.pos[1..], a.kw)
    });
    add_method(vm, ty, "mro()", |vm, a| {
        let Value::Obj(c) = a.pos[0] else {
            return Ok(Value::None);
        };
        let m: Vec<Value> = vm.class_mro(c).iter().map(|&r| Value::Obj(r)).collect();
        Ok(vm.new_list(m))
    });
    add_method(vm, ty, "__subclasses__()", |vm, _| {
        Ok(vm.new_list(Vec::new()))
    });
    // `int | None`: a types.UnionType (NotImplemented for operands a union
    // cannot hold).
    add_method(vm, ty, "__or__(other, /)", |vm, a| {
        vm.call_weft_types("_union", &[a.pos[0], a.pos[1]])
    });
    add_method(vm, ty, "__ror__(other, /)", |vm, a| {
        vm.call_weft_types("_union", &[a.pos[1], a.pos[0]])
    });
    add_method(vm, ty, "__instancecheck__(instance, /)", |vm, a| {
        let Value::Obj(c) = a.pos[0] else {
            return Ok(Value::Bool(false));
        };
        Ok(Value::Bool(vm.isinstance_class(a.pos[1], c)))
    });
    add_method(vm, ty, "__subclasscheck__(subclass, /)", |vm, a| {
        let (Value::Obj(c), Value::Obj(s)) = (a.pos[0], a.pos[1]) else {
            return Ok(Value::Bool(false));
        };
        Ok(Value::Bool(vm.is_subclass(s, c)))
    });

    // property
    let p = vm.t.property;
    add_staticmethod(vm, p, "__new__(*args, **kwargs)", |vm, a| {
        let fget = a.get(vm, 1, "fget").unwrap_or(Value::None);
        let fset = a.get(vm, 2, "fset").unwrap_or(Value::None);
        let fdel = a.get(vm, 3, "fdel").unwrap_or(Value::None);
        let mut doc = a.get(vm, 4, "doc").unwrap_or(Value::None);
        if doc.is_none() {
            if let Value::Obj(f) = fget {
                if let Obj::Function(func) = vm.heap.get(f) {
                    doc = func.doc;
                }
            }
        }
        Ok(vm.alloc(Obj::Property(Box::new([fget, fset, fdel, doc]))))
    });
    add_method(vm, p, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    fn prop_with(vm: &mut Vm, a: Args, slot: usize) -> PyResult<Value> {
        let Value::Obj(r) = a.pos[0] else {
            return Ok(Value::None);
        };
        let mut parts = match vm.heap.get(r) {
            Obj::Property(p) => **p,
            _ => return Err(vm.type_error("descriptor requires a property")),
        };
        parts[slot] = a.pos.get(1).copied().unwrap_or(Value::None);
        Ok(vm.alloc(Obj::Property(Box::new(parts))))
    }
    add_method(vm, p, "getter(fget, /)", |vm, a| prop_with(vm, a, 0));
    add_method(vm, p, "setter(fset, /)", |vm, a| prop_with(vm, a, 1));
    add_method(vm, p, "deleter(fdel, /)", |vm, a| prop_with(vm, a, 2));
    add_method(vm, p, "__get__(instance, owner=None, /)", |vm, a| {
        let Value::Obj(r) = a.pos[0] else {
            return Ok(Value::None);
        };
        let obj = a.pos.get(1).copied().unwrap_or(Value::None);
        if obj.is_none() {
            return Ok(a.pos[0]);
        }
        let fget = match vm.heap.get(r) {
            Obj::Property(p) => p[0],
            _ => Value::None,
        };
        vm.call(fget, &[obj])
    });

    let sm = vm.t.staticmethod;
    add_staticmethod(vm, sm, "__new__(*args, **kwargs)", |vm, a| {
        check(vm, "staticmethod", &a, 2, 2, &[])?;
        Ok(vm.alloc(Obj::StaticMethod(a.pos[1])))
    });
    add_method(vm, sm, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    let cm = vm.t.classmethod;
    add_staticmethod(vm, cm, "__new__(*args, **kwargs)", |vm, a| {
        check(vm, "classmethod", &a, 2, 2, &[])?;
        Ok(vm.alloc(Obj::ClassMethod(a.pos[1])))
    });
    add_method(vm, cm, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));

    let sup = vm.t.super_;
    add_staticmethod(vm, sup, "__new__(*args, **kwargs)", super_new);
    add_method(vm, sup, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));

    for g in [vm.t.generator, vm.t.coroutine] {
        add_special(vm, g, "send", NativeKind::GenSend);
        add_special(vm, g, "throw", NativeKind::GenThrow);
        add_special(vm, g, "close", NativeKind::GenClose);
    }
    let g = vm.t.generator;
    add_special(vm, g, "__next__", NativeKind::GenNext);
    add_method(vm, g, "__iter__()", |_, a| Ok(a.pos[0]));
    let co = vm.t.coroutine;
    add_method(vm, co, "__await__()", |_, a| Ok(a.pos[0]));
    let ag = vm.t.async_generator;
    add_method(vm, ag, "__aiter__()", |_, a| Ok(a.pos[0]));
    fn agen_op(vm: &mut Vm, a: &Args, kind: AGenOpKind) -> PyResult<Value> {
        let Some(g) = vm.gen_of(a.pos[0]) else {
            return Err(vm.type_error("expected an async generator"));
        };
        Ok(vm.alloc(Obj::AGenOp(Box::new(AGenOp {
            agen: g,
            kind,
            used: false,
        }))))
    }
    add_method(vm, ag, "__anext__()", |vm, a| {
        agen_op(vm, &a, AGenOpKind::Send(Value::None))
    });
    add_method(vm, ag, "asend(value, /)", |vm, a| {
        let v = a.pos.get(1).copied().unwrap_or(Value::None);
        agen_op(vm, &a, AGenOpKind::Send(v))
    });
    add_method(vm, ag, "athrow(typ, val=None, tb=None, /)", |vm, a| {
        let e = a.pos.get(1).copied().unwrap_or(Value::None);
        let e = vm.make_exception(e)?;
        agen_op(vm, &a, AGenOpKind::Throw(e))
    });
    add_method(vm, ag, "aclose()", |vm, a| {
        agen_op(vm, &a, AGenOpKind::Close)
    });
    let it = vm.t.iterator;
    add_method(vm, it, "__iter__()", |_, a| Ok(a.pos[0]));
    add_method(vm, it, "__next__()", |vm, a| match vm.next(a.pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    });
    add_method(vm, it, "__await__()", |_, a| Ok(a.pos[0]));
}

/// object.__new__(cls, ...): an instance with the class's layout.
fn object_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(&Value::Obj(cls)) = a.pos.first() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    let layout = match vm.heap.get(cls) {
        Obj::Class(c) => c.layout,
        _ => return Err(vm.type_error("object.__new__(X): X is not a type object")),
    };
    match layout {
        Layout::Exception => {
            let args = vm.new_tuple(a.pos[1..].to_vec());
            Ok(vm.new_exception(cls, args))
        }
        _ => Ok(vm.new_instance(cls)),
    }
}

/// type(x) / type(name, bases, ns) when called as type.__new__.
fn type_new_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match a.pos.len() {
        2 => Ok(Value::Obj(vm.type_of(a.pos[1]))),
        4 => {
            let meta = a.pos[0];
            let cls = vm.type_new(meta, a.pos[1], a.pos[2], a.pos[3])?;
            // type.__new__ runs the parent's __init_subclass__ with the
            // class keywords (the class statement's custom-metaclass path
            // reaches it only here).
            vm.temp_roots.push(cls);
            let r = vm.init_subclass(cls, a.kw);
            vm.temp_roots.pop();
            r.map(|_| cls)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// super() with no arguments uses the calling frame's `__class__` cell and
/// first argument.
fn super_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.locals_escapes += 1;
    let (cls, obj) = if a.pos.len() >= 3 {
        (a.pos[1], a.pos[2])
    } else {
        let Some(frame) = vm.fiber.frames.last() else {
            return Err(vm.runtime_error("super(): no arguments"));
        };
        let code = frame.code.clone();
        let base = frame.base as usize;
        let co = &code.code;
        if co.argcount == 0 && co.flags & crate::bytecode::code::flags::VARARGS == 0 {
            return Err(vm.runtime_error("super(): no arguments"));
        }
        let mut first = vm.fiber.stack[base];
        // The first argument may live in a cell.
        if let Some(ci) = co.cell2arg.iter().position(|c| *c == Some(0)) {
            let cell = vm.fiber.stack[base + co.varnames.len() + ci];
            first = vm.cell_get(cell);
        }
        let Some(fi) = co.freevars.iter().position(|n| &**n == "__class__") else {
            return Err(vm.runtime_error("super(): __class__ cell not found"));
        };
        let cell = vm.fiber.stack[base + co.varnames.len() + co.cellvars.len() + fi];
        let cls = vm.cell_get(cell);
        if cls.is_undefined() {
            return Err(vm.runtime_error("super(): empty __class__ cell"));
        }
        (cls, first)
    };
    let c = match cls {
        Value::Obj(c) if matches!(vm.heap.get(c), Obj::Class(_)) => c,
        _ => {
            let tn = vm.type_name(cls);
            return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
        }
    };
    let fits = vm.isinstance_class(obj, c)
        || matches!(obj, Value::Obj(o) if matches!(vm.heap.get(o), Obj::Class(_)) && vm.is_subclass(o, c));
    if !fits {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(vm.alloc(Obj::Super { cls: c, obj }))
}
