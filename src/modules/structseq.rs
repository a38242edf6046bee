//! Structure sequences made in Rust (CPython's structseq): a tuple
//! subclass whose items are also named attributes, with a repr like
//! `sys.version_info(major=3, minor=11, ...)`. sys builds version_info,
//! flags, float_info, int_info and hash_info with it.

use crate::object::*;
use crate::vm::Vm;

/// A new structseq class `module.name` with the given field names.
pub fn make_class(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let mk = vm.n.module;
    let mv = vm.new_str(module);
    vm.dict_set(ns, mk, mv)?;
    let names: Vec<Value> = fields.iter().map(|f| vm.intern(f)).collect();
    let ma = vm.new_tuple(names.clone());
    let k = vm.intern("__match_args__");
    vm.dict_set(ns, k, ma)?;
    for (k, n) in [
        ("n_fields", fields.len()),
        ("n_sequence_fields", fields.len()),
        ("n_unnamed_fields", 0),
    ] {
        let k = vm.intern(k);
        vm.dict_set(ns, k, Value::Int(n as i64))?;
    }
    for (i, fname) in names.iter().enumerate() {
        let getter = vm.alloc(Obj::Native(Box::new(NativeFn {
            name: "getter",
            qualname: format!("{module}.{name}.getter"),
            func: field,
            kind: NativeKind::Plain,
            bound: Some(Value::Int(i as i64)),
            sig: Sig::UNCHECKED,
        })));
        let p = vm.alloc(Obj::Property(Box::new([
            getter,
            Value::None,
            Value::None,
            Value::None,
        ])));
        vm.dict_set(ns, *fname, p)?;
    }
    let r = vm.new_native("__repr__", format!("{module}.{name}.__repr__"), repr);
    let k = vm.intern("__repr__");
    vm.dict_set(ns, k, r)?;
    let meta = Value::Obj(vm.t.type_);
    let namev = vm.new_str(name);
    let bases = vm.new_tuple(vec![Value::Obj(vm.t.tuple)]);
    match vm.type_new(meta, namev, bases, ns)? {
        Value::Obj(c) => Ok(c),
        _ => Err(vm.type_error("structseq: no class")),
    }
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

/// The property getter of field `a.pos[0]` (bound index) of `a.pos[1]`.
fn field(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (Some(&Value::Int(i)), Some(&this)) = (a.pos.first(), a.pos.get(1)) else {
        return Err(vm.type_error("structseq field getter needs an instance"));
    };
    Ok(items(vm, this)
        .get(i as usize)
        .copied()
        .unwrap_or(Value::None))
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
