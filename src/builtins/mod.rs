//! Built-in functions and the methods of built-in types. Natives return a
//! value or raise; the few that must call user code do it through `vm.call`
//! (a nested, non-suspendable run) and root what they hold in `temp_roots`.

pub mod bool;
pub mod bytes;
pub mod complex;
pub mod core;
pub mod dict;
pub mod exc;
pub mod file;
pub mod float;
pub mod funcs;
pub mod help;
pub mod int;
pub mod iterators;
pub mod list;
pub mod memoryview;
pub mod num;
pub mod object;
pub mod oserror;
pub mod range;
pub mod seq;
pub mod slice;
mod sortkey;
pub mod str;
pub mod tuple;

use crate::object::*;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    object::install(vm);
    exc::install(vm);
    num::install(vm);
    str::install(vm);
    bytes::install(vm);
    seq::install(vm);
    dict::install(vm);
    funcs::install(vm);
    file::install(vm);
    core::install(vm);
    help::install(vm);
    memoryview::install(vm);
    // Expose the built-in classes by name.
    let t = &vm.t;
    let classes = [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
        ("super", t.super_),
    ];
    let excs = t.exc_by_name.clone();
    for (n, c) in classes {
        vm.set_builtin(n, Value::Obj(c));
    }
    for (n, c) in excs {
        vm.set_builtin(n, Value::Obj(c));
    }
    // Aliases CPython keeps for compatibility.
    let os_error = vm.t.os_error;
    vm.set_builtin("EnvironmentError", Value::Obj(os_error));
    vm.set_builtin("IOError", Value::Obj(os_error));
    let e = vm.ellipsis;
    vm.set_builtin("Ellipsis", e);
    let ni = vm.not_implemented;
    vm.set_builtin("NotImplemented", ni);
    vm.set_builtin("None", Value::None);
    vm.set_builtin("True", Value::Bool(true));
    vm.set_builtin("False", Value::Bool(false));
}

/// Register a built-in function from its declaration (`"len(obj, /)"`:
/// see `object::sig`; the call path checks arguments against it).
pub fn add_fn(vm: &mut Vm, decl: &'static str, f: NativeFnPtr) {
    let sig = Sig::parse(decl, false);
    let v = vm.new_native_sig(sig, sig.name(), f);
    vm.set_builtin(sig.name(), v);
}

/// Register a method on a built-in class from its declaration, the
/// receiver not written (`"center(width, fillchar=' ', /)"`).
pub fn add_method(vm: &mut Vm, cls: ObjRef, decl: &'static str, f: NativeFnPtr) {
    let sig = Sig::parse(decl, true);
    add_method_sig(vm, cls, sig, f, None);
}

fn add_method_sig(
    vm: &mut Vm,
    cls: ObjRef,
    sig: Sig,
    f: NativeFnPtr,
    wrap: Option<fn(Value) -> Obj>,
) {
    let name = sig.name();
    let qual = format!("{}.{}", vm.class_name(cls), name);
    let v = vm.new_native_sig(sig, qual, f);
    let w = match wrap {
        Some(wrap) => vm.alloc(wrap(v)),
        None => v,
    };
    set_class_attr(vm, cls, name, w);
}

/// Register a method of a special kind (generator send/throw/close/next).
pub fn add_special(vm: &mut Vm, cls: ObjRef, name: &'static str, kind: NativeKind) {
    let qual = format!("{}.{}", vm.class_name(cls), name);
    let v = vm.alloc(Obj::BuiltinFn(Box::new(NativeFn {
        name,
        qualname: qual,
        func: |vm, _| Err(vm.runtime_error("special method called directly")),
        kind,
        bound: None,
        sig: Sig::UNCHECKED,
    })));
    set_class_attr(vm, cls, name, v);
}

/// Register a classmethod (receiving the class) / staticmethod on a
/// built-in class, from its declaration.
pub fn add_classmethod(vm: &mut Vm, cls: ObjRef, decl: &'static str, f: NativeFnPtr) {
    add_method_sig(vm, cls, Sig::parse(decl, true), f, Some(Obj::ClassMethod));
}

pub fn add_staticmethod(vm: &mut Vm, cls: ObjRef, decl: &'static str, f: NativeFnPtr) {
    add_method_sig(vm, cls, Sig::parse(decl, false), f, Some(Obj::StaticMethod));
}

pub fn set_class_attr(vm: &mut Vm, cls: ObjRef, name: &str, v: Value) {
    let k = vm.intern(name);
    let d = match vm.heap.get(cls) {
        Obj::Class(c) => c.dict,
        _ => return,
    };
    vm.dict_set_str(d, k, v);
    vm.invalidate_classes();
}

/// Argument access helpers for natives.
impl<'a> Args<'a> {
    /// Positional argument `i`, or keyword `name`.
    pub fn get(&self, vm: &Vm, i: usize, name: &str) -> Option<Value> {
        if let Some(&v) = self.pos.get(i) {
            return Some(v);
        }
        self.kw(vm, name)
    }

    /// Keyword argument `name`.
    pub fn kw(&self, vm: &Vm, name: &str) -> Option<Value> {
        self.kw
            .iter()
            .find(|(k, _)| vm.as_str(*k) == Some(name))
            .map(|(_, v)| *v)
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }
}

/// TypeError unless the positional count is within [min, max] and no
/// keywords other than `allowed_kw` are given. The common case (no
/// keywords, count in range) is inlined into every native; the rest
/// (keyword checks, messages) stays out of line.
#[inline]
pub fn check(
    vm: &mut Vm,
    fname: &str,
    a: &Args,
    min: usize,
    max: usize,
    allowed_kw: &[&str],
) -> PyResult<()> {
    let n = a.pos.len();
    if a.kw.is_empty() && n >= min && n <= max {
        return Ok(());
    }
    check_slow(vm, fname, a, min, max, allowed_kw)
}

#[cold]
#[inline(never)]
fn check_slow(
    vm: &mut Vm,
    fname: &str,
    a: &Args,
    min: usize,
    max: usize,
    allowed_kw: &[&str],
) -> PyResult<()> {
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if !allowed_kw.contains(&ks.as_str()) {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{ks}'"
            )));
        }
    }
    let n = a.pos.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{fname}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else {
                format!("{fname}() takes exactly {min} arguments ({n} given)")
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// An integer argument (int, bool, or __index__), TypeError otherwise.
pub fn int_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            let _ = what;
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}
