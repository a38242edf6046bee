//! Structure sequences made in Rust (CPython's structseq): a tuple
//! subclass whose items are also named attributes, with a repr like
//! `sys.version_info(major=3, minor=11, ...)`. sys builds version_info,
//! flags, float_info, int_info and hash_info with it.

use crate::object::*;
use crate::vm::Vm;

/// A new structseq class `module.name` with the given field names. Built
/// directly (not through type()): fields are found by one `__getattr__`
/// over `__match_args__` rather than a property each, which keeps the
/// classes sys makes at start-up cheap (start-up measured 920k -> ~500k
/// instructions for sys in a debug build).
pub fn make_class(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<ObjRef> {
    let dict = vm.heap.alloc(Obj::Dict(Box::default()));
    let mk = vm.n.module;
    let mv = vm.new_str(module);
    vm.dict_set_str(dict, mk, mv);
    // Plain strs, not interned: interning ~60 names cost more than the
    // rest of sys at start-up (fields are compared by content).
    let names: Vec<Value> = fields.iter().map(|f| vm.new_str(*f)).collect();
    let ma = vm.new_tuple(names);
    let k = vm.intern("__match_args__");
    vm.dict_set_str(dict, k, ma);
    for (k, n) in [
        ("n_fields", fields.len()),
        ("n_sequence_fields", fields.len()),
        ("n_unnamed_fields", 0),
    ] {
        let k = vm.intern(k);
        vm.dict_set_str(dict, k, Value::Int(n as i64));
    }
    let r = vm.new_native("__repr__(self, /)", "structseq.__repr__", repr);
    let k = vm.intern("__repr__");
    vm.dict_set_str(dict, k, r);
    let g = vm.new_native(
        "__getattr__(self, name, /)",
        "structseq.__getattr__",
        getattr,
    );
    let k = vm.intern("__getattr__");
    vm.dict_set_str(dict, k, g);
    let namev = vm.intern(name);
    let (tuple, object) = (vm.t.tuple, vm.t.object);
    let cls = vm.heap.alloc(Obj::Class(Box::new(Class {
        name: namev,
        qualname: namev,
        bases: vec![tuple],
        mro: Vec::new(),
        dict,
        layout: Layout::Builtin,
        metaclass: None,
        slots: None,
        builtin: true,
    })));
    if let Obj::Class(c) = vm.heap.get_mut(cls) {
        c.mro = vec![cls, tuple, object];
    }
    Ok(cls)
}

/// An instance of a structseq class holding `items`.
pub fn new(vm: &mut Vm, cls: ObjRef, items: Vec<Value>) -> Value {
    let t = vm.new_tuple(items);
    vm.alloc(Obj::Instance(Box::new(Instance {
        class: cls,
        dict: None,
        exc: None,
        base: t,
    })))
}

fn items(vm: &Vm, v: Value) -> Vec<Value> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) => vm.tuple_items(i.base),
            Obj::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Attribute lookup that failed elsewhere: a field name gives its item.
fn getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (Some(&this), Some(&name)) = (a.pos.first(), a.pos.get(1)) else {
        return Err(vm.type_error("__getattr__ expected 2 arguments"));
    };
    let cls = vm.type_of(this);
    let k = vm.intern("__match_args__");
    let names = match vm.class_lookup(cls, k) {
        Some(t) => vm.tuple_items(t),
        None => Vec::new(),
    };
    let wanted = vm.as_str(name).unwrap_or("");
    if let Some(i) = names.iter().position(|n| vm.str_of(*n) == wanted) {
        return Ok(items(vm, this).get(i).copied().unwrap_or(Value::None));
    }
    Err(vm.attribute_error(this, name))
}

fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(&this) = a.pos.first() else {
        return Err(vm.type_error("__repr__ needs an instance"));
    };
    let cls = vm.type_of(this);
    let mk = vm.n.module;
    let module = match vm.class_lookup(cls, mk) {
        Some(m) => vm.str_string(m)?,
        None => String::new(),
    };
    let k = vm.intern("__match_args__");
    let names = match vm.class_lookup(cls, k) {
        Some(t) => vm.tuple_items(t),
        None => Vec::new(),
    };
    let vals = items(vm, this);
    let mut parts = Vec::with_capacity(vals.len());
    for (n, v) in names.iter().zip(vals) {
        let n = vm.str_of(*n).to_string();
        let r = vm.repr_string(v)?;
        parts.push(format!("{n}={r}"));
    }
    let name = vm.class_name(cls);
    let s = format!("{module}.{name}({})", parts.join(", "));
    Ok(vm.new_str(s))
}
