//! dict, set, frozenset and the dict views: constructors, methods and the
//! set algebra behind `| & - ^`.

use crate::builtins::seq::{base_of, new_for_class};
use crate::builtins::{add_classmethod, add_method, add_staticmethod, check, set_class_attr};
use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    install_dict(vm);
    install_views(vm);
    install_set(vm);
}

// ---------------------------------------------------------------- helpers

fn is_dict(o: &Obj) -> bool {
    matches!(o, Obj::Dict(_))
}
fn is_set(o: &Obj) -> bool {
    matches!(o, Obj::Set(_, false))
}
fn is_anyset(o: &Obj) -> bool {
    matches!(o, Obj::Set(..))
}

/// The arguments after `self`.
fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args {
        pos: a.pos.get(1..).unwrap_or(&[]),
        kw: a.kw,
    }
}

/// `self` of a method: the object (or the base of a subclass instance).
fn self_obj(
    vm: &mut Vm,
    a: &Args,
    cls: &str,
    meth: &str,
    pred: fn(&Obj) -> bool,
) -> PyResult<ObjRef> {
    let Some(&s) = a.pos.first() else {
        return Err(vm.type_error(format!("unbound method {cls}.{meth}() needs an argument")));
    };
    if let Value::Obj(r) = base_of(vm, s) {
        if pred(vm.heap.get(r)) {
            return Ok(r);
        }
    }
    let tn = vm.type_name(s);
    Err(vm.type_error(format!(
        "descriptor '{meth}' for '{cls}' objects doesn't apply to a '{tn}' object"
    )))
}

/// The dict or set (any kind) behind `v`, if it is one.
fn anyset_of(vm: &Vm, v: Value) -> Option<ObjRef> {
    match base_of(vm, v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Set(..)) => Some(r),
        _ => None,
    }
}

fn dict_of(vm: &Vm, v: Value) -> Option<ObjRef> {
    match base_of(vm, v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Dict(_)) => Some(r),
        _ => None,
    }
}

/// (hash, key) of every entry.
fn entries(vm: &Vm, r: ObjRef) -> Vec<(i64, Value, Value)> {
    vm.dict_ref(r)
        .iter()
        .map(|e| (e.hash, e.key, e.value))
        .collect()
}

/// Insert a key whose hash is known (sets; dict copies).
fn insert_hashed(vm: &mut Vm, d: ObjRef, h: i64, k: Value, v: Value) -> PyResult<()> {
    match vm.dict_find(d, k, h)? {
        Some(ix) => {
            if let Some(e) = vm.dict_mut(d).entry_at_mut(ix) {
                e.value = v;
            }
        }
        None => vm.dict_mut(d).insert_new(h, k, v),
    }
    Ok(())
}

fn new_set_from(vm: &mut Vm, frozen: bool, d: Dict) -> Value {
    vm.alloc(Obj::Set(Box::new(d), frozen))
}

/// Run `f` with `vals` rooted.
fn rooted<T>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> T) -> T {
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(vals);
    let r = f(vm);
    vm.temp_roots.truncate(base);
    r
}

// ---------------------------------------------------------------- dict

/// `dict.update(arg)` for one positional argument: a mapping (has
/// `keys`) or an iterable of pairs.
fn dict_update_arg(vm: &mut Vm, d: ObjRef, arg: Value) -> PyResult<()> {
    if let Some(src) = dict_of(vm, arg) {
        if matches!(arg, Value::Obj(r) if r == src) || !has_custom_iter(vm, arg) {
            let es = entries(vm, src);
            let vals: Vec<Value> = es.iter().flat_map(|e| [e.1, e.2]).collect();
            return rooted(vm, &vals, |vm| {
                for (h, k, v) in es {
                    insert_hashed(vm, d, h, k, v)?;
                }
                Ok(())
            });
        }
    }
    let kk = vm.intern("keys");
    if vm.getattr_opt(arg, kk)?.is_some() {
        return vm.dict_update_from(Value::Obj(d), arg, false);
    }
    let it = vm.iter(arg)?;
    rooted(vm, &[it], |vm| {
        let mut i = 0usize;
        while let Some(item) = vm.next(it)? {
            let pair = rooted(vm, &[item], |vm| pair_of(vm, item, i))?;
            rooted(vm, &pair, |vm| vm.dict_set(Value::Obj(d), pair[0], pair[1]))?;
            i += 1;
        }
        Ok(())
    })
}

/// A user dict subclass that overrides `keys` or `__iter__` is treated as
/// a generic mapping.
fn has_custom_iter(vm: &mut Vm, v: Value) -> bool {
    let Value::Obj(r) = v else { return false };
    if !matches!(vm.heap.get(r), Obj::Instance(_)) {
        return false;
    }
    let kk = vm.intern("keys");
    match vm.lookup_special(v, kk) {
        Some(f) => !vm.is_native(f),
        None => false,
    }
}

/// The two items of element #i of a dict update sequence.
fn pair_of(vm: &mut Vm, item: Value, i: usize) -> PyResult<Vec<Value>> {
    let items = match base_of(vm, item) {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_) | Obj::List(_)) => {
            vm.tuple_items(Value::Obj(r))
        }
        _ => {
            let it = match vm.iter(item) {
                Ok(it) => it,
                Err(e) if vm.isinstance_class(e, vm.t.type_error) => {
                    return Err(vm.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
                Err(e) => return Err(e),
            };
            rooted(vm, &[it], |vm| vm.collect_iterable(it))?
        }
    };
    if items.len() != 2 {
        return Err(vm.value_error(format!(
            "dictionary update sequence element #{i} has length {}; 2 is required",
            items.len()
        )));
    }
    Ok(items)
}

/// `dict.update(*args, **kw)` after `self`.
fn dict_update(vm: &mut Vm, d: ObjRef, a: &Args, fname: &str) -> PyResult<()> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    if let Some(&arg) = a.pos.first() {
        dict_update_arg(vm, d, arg)?;
    }
    for &(k, v) in a.kw {
        vm.dict_set(Value::Obj(d), k, v)?;
    }
    Ok(())
}

fn install_dict(vm: &mut Vm) {
    let dc = vm.t.dict;
    add_staticmethod(vm, dc, "__new__(*args, **kwargs)", |vm, a| {
        let cls = a.pos.first().copied().unwrap_or(Value::None);
        let v = vm.new_dict();
        let dc = vm.t.dict;
        Ok(new_for_class(vm, cls, dc, v))
    });
    add_method(vm, dc, "__init__(*args, **kwargs)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__init__", is_dict)?;
        dict_update(vm, d, &rest(&a), "dict")?;
        Ok(Value::None)
    });
    add_method(vm, dc, "update(*args, **kwargs)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "update", is_dict)?;
        dict_update(vm, d, &rest(&a), "update")?;
        Ok(Value::None)
    });
    add_classmethod(vm, dc, "fromkeys(iterable, value=None, /)", |vm, a| {
        let cls = a.pos.first().copied().unwrap_or(Value::None);
        check(vm, "fromkeys", &rest(&a), 1, 2, &[])?;
        let val = a.pos.get(2).copied().unwrap_or(Value::None);
        let keys = vm.collect_iterable(a.pos[1])?;
        let dc = vm.t.dict;
        let d = if matches!(cls, Value::Obj(c) if c == dc) {
            vm.new_dict()
        } else {
            vm.call(cls, &[])?
        };
        rooted(vm, &[d], |vm| {
            rooted(vm, &keys, |vm| {
                for &k in &keys {
                    vm.setitem(d, k, val)?;
                }
                Ok(d)
            })
        })
    });
    add_method(vm, dc, "keys()", |vm, a| {
        view(vm, a, ViewKind::Keys, "keys")
    });
    add_method(vm, dc, "values()", |vm, a| {
        view(vm, a, ViewKind::Values, "values")
    });
    add_method(vm, dc, "items()", |vm, a| {
        view(vm, a, ViewKind::Items, "items")
    });
    add_method(vm, dc, "get(key, default=None, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "get", is_dict)?;
        check(vm, "get", &rest(&a), 1, 2, &[])?;
        let dflt = a.pos.get(2).copied().unwrap_or(Value::None);
        Ok(vm.dict_get(d, a.pos[1])?.unwrap_or(dflt))
    });
    add_method(vm, dc, "setdefault(key, default=None, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "setdefault", is_dict)?;
        check(vm, "setdefault", &rest(&a), 1, 2, &[])?;
        let dflt = a.pos.get(2).copied().unwrap_or(Value::None);
        let k = a.pos[1];
        let h = vm.hash(k)?;
        match vm.dict_find(d, k, h)? {
            Some(ix) => Ok(vm
                .dict_ref(d)
                .entry_at(ix)
                .map(|e| e.value)
                .unwrap_or(Value::None)),
            None => {
                vm.dict_mut(d).insert_new(h, k, dflt);
                Ok(dflt)
            }
        }
    });
    add_method(vm, dc, "pop(key, default=None, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "pop", is_dict)?;
        check(vm, "pop", &rest(&a), 1, 2, &[])?;
        match vm.dict_del(d, a.pos[1])? {
            Some(v) => Ok(v),
            None => match a.pos.get(2) {
                Some(&dflt) => Ok(dflt),
                None => Err(vm.key_error(a.pos[1])),
            },
        }
    });
    add_method(vm, dc, "popitem()", |vm, a| {
        let d = self_obj(vm, &a, "dict", "popitem", is_dict)?;
        check(vm, "dict.popitem", &rest(&a), 0, 0, &[])?;
        match vm.dict_mut(d).pop_last() {
            Some(e) => {
                let t = rooted(vm, &[e.key, e.value], |vm| {
                    vm.new_tuple(vec![e.key, e.value])
                });
                Ok(t)
            }
            None => {
                let s = vm.new_str("popitem(): dictionary is empty");
                Err(vm.key_error(s))
            }
        }
    });
    add_method(vm, dc, "clear()", |vm, a| {
        let d = self_obj(vm, &a, "dict", "clear", is_dict)?;
        check(vm, "dict.clear", &rest(&a), 0, 0, &[])?;
        vm.dict_mut(d).clear();
        Ok(Value::None)
    });
    add_method(vm, dc, "copy()", |vm, a| {
        let d = self_obj(vm, &a, "dict", "copy", is_dict)?;
        check(vm, "dict.copy", &rest(&a), 0, 0, &[])?;
        let c = vm.dict_ref(d).clone();
        Ok(vm.alloc(Obj::Dict(Box::new(c))))
    });
    add_method(vm, dc, "__len__()", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__len__", is_dict)?;
        Ok(Value::Int(vm.dict_ref(d).len() as i64))
    });
    add_method(vm, dc, "__getitem__(key, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__getitem__", is_dict)?;
        check(vm, "dict.__getitem__", &rest(&a), 1, 1, &[])?;
        let k = a.pos[1];
        if let Some(v) = vm.dict_get(d, k)? {
            return Ok(v);
        }
        if matches!(a.pos[0], Value::Obj(r) if r != d) {
            let mk = vm.n.missing;
            if let Some(m) = vm.lookup_special(a.pos[0], mk) {
                return vm.call_bound(m, a.pos[0], &[k]);
            }
        }
        Err(vm.key_error(k))
    });
    add_method(vm, dc, "__setitem__(key, value, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__setitem__", is_dict)?;
        check(vm, "__setitem__", &rest(&a), 2, 2, &[])?;
        vm.dict_set(Value::Obj(d), a.pos[1], a.pos[2])?;
        Ok(Value::None)
    });
    add_method(vm, dc, "__delitem__(key, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__delitem__", is_dict)?;
        check(vm, "dict.__delitem__", &rest(&a), 1, 1, &[])?;
        match vm.dict_del(d, a.pos[1])? {
            Some(_) => Ok(Value::None),
            None => Err(vm.key_error(a.pos[1])),
        }
    });
    add_method(vm, dc, "__contains__(key, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__contains__", is_dict)?;
        check(vm, "dict.__contains__", &rest(&a), 1, 1, &[])?;
        let h = vm.hash(a.pos[1])?;
        Ok(Value::Bool(vm.dict_find(d, a.pos[1], h)?.is_some()))
    });
    add_method(vm, dc, "__iter__()", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__iter__", is_dict)?;
        vm.iter(Value::Obj(d))
    });
    add_method(vm, dc, "__reversed__()", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__reversed__", is_dict)?;
        Ok(reversed_dict(vm, Value::Obj(d)))
    });
    add_method(vm, dc, "__repr__()", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__repr__", is_dict)?;
        vm.repr(Value::Obj(d))
    });
    add_method(vm, dc, "__eq__(value, /)", |vm, a| {
        dict_cmp(vm, a, CmpKind::Eq)
    });
    add_method(vm, dc, "__ne__(value, /)", |vm, a| {
        dict_cmp(vm, a, CmpKind::Ne)
    });
    add_method(vm, dc, "__or__(value, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__or__", is_dict)?;
        check(vm, "dict.__or__", &rest(&a), 1, 1, &[])?;
        Ok(dict_or(vm, Value::Obj(d), a.pos[1], false)?.unwrap_or(vm.not_implemented))
    });
    add_method(vm, dc, "__ror__(value, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__ror__", is_dict)?;
        check(vm, "dict.__ror__", &rest(&a), 1, 1, &[])?;
        match dict_of(vm, a.pos[1]) {
            Some(o) => {
                Ok(dict_or(vm, Value::Obj(o), Value::Obj(d), false)?.unwrap_or(vm.not_implemented))
            }
            None => Ok(vm.not_implemented),
        }
    });
    add_method(vm, dc, "__ior__(value, /)", |vm, a| {
        let d = self_obj(vm, &a, "dict", "__ior__", is_dict)?;
        check(vm, "dict.__ior__", &rest(&a), 1, 1, &[])?;
        dict_update_arg(vm, d, a.pos[1])?;
        Ok(a.pos[0])
    });
    set_class_attr(vm, dc, "__hash__", Value::None);
}

fn dict_cmp(vm: &mut Vm, a: Args, kind: CmpKind) -> PyResult<Value> {
    check(vm, "comparison", &a, 2, 2, &[])?;
    match (dict_of(vm, a.pos[0]), dict_of(vm, a.pos[1])) {
        (Some(x), Some(y)) => vm.rich_compare(Value::Obj(x), Value::Obj(y), kind),
        _ => Ok(vm.not_implemented),
    }
}

fn view(vm: &mut Vm, a: Args, kind: ViewKind, name: &str) -> PyResult<Value> {
    let d = self_obj(vm, &a, "dict", name, is_dict)?;
    check(vm, &format!("dict.{name}"), &rest(&a), 0, 0, &[])?;
    Ok(vm.alloc(Obj::DictView(d, kind)))
}

/// reversed(dict) / reversed(view): the items in reverse insertion order.
pub fn reversed_dict(vm: &mut Vm, v: Value) -> Value {
    let (d, kind) = match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::DictView(d, k) => (*d, *k),
            _ => (r, ViewKind::Keys),
        },
        _ => return Value::None,
    };
    let es = entries(vm, d);
    let mut vals = Vec::with_capacity(es.len());
    let base = vm.temp_roots.len();
    for (_, k, val) in es.into_iter().rev() {
        let x = match kind {
            ViewKind::Keys => k,
            ViewKind::Values => val,
            ViewKind::Items => {
                let t = vm.new_tuple(vec![k, val]);
                vm.temp_roots.push(t);
                t
            }
        };
        vals.push(x);
    }
    vm.temp_roots.extend_from_slice(&vals);
    let it = vm.alloc(Obj::Iter(Box::new(IterState::Values { vals, idx: 0 })));
    vm.temp_roots.truncate(base);
    it
}

/// `dict | other` (None if other is not a dict); `|=` takes any mapping or
/// iterable of pairs.
pub fn dict_or(vm: &mut Vm, a: Value, b: Value, inplace: bool) -> PyResult<Option<Value>> {
    let Some(x) = dict_of(vm, a) else {
        return Ok(None);
    };
    if inplace {
        dict_update_arg(vm, x, b)?;
        return Ok(Some(a));
    }
    let Some(y) = dict_of(vm, b) else {
        return Ok(None);
    };
    let c = vm.dict_ref(x).clone();
    let out = vm.alloc(Obj::Dict(Box::new(c)));
    let Value::Obj(o) = out else { unreachable!() };
    rooted(vm, &[out], |vm| dict_update_arg(vm, o, Value::Obj(y)))?;
    Ok(Some(out))
}

// ---------------------------------------------------------------- views

fn is_view(o: &Obj) -> bool {
    matches!(o, Obj::DictView(..))
}

fn view_parts(vm: &Vm, r: ObjRef) -> (ObjRef, ViewKind) {
    match vm.heap.get(r) {
        Obj::DictView(d, k) => (*d, *k),
        _ => (r, ViewKind::Keys),
    }
}

fn install_views(vm: &mut Vm) {
    let classes = [
        (vm.t.dict_keys, "dict_keys"),
        (vm.t.dict_values, "dict_values"),
        (vm.t.dict_items, "dict_items"),
    ];
    for (c, _) in classes {
        add_method(vm, c, "__len__()", |vm, a| {
            let r = self_obj(vm, &a, "dict_view", "__len__", is_view)?;
            vm.len(Value::Obj(r)).map(|n| Value::Int(n as i64))
        });
        add_method(vm, c, "__iter__()", |vm, a| {
            let r = self_obj(vm, &a, "dict_view", "__iter__", is_view)?;
            vm.iter(Value::Obj(r))
        });
        add_method(vm, c, "__contains__(key, /)", |vm, a| {
            let r = self_obj(vm, &a, "dict_view", "__contains__", is_view)?;
            check(vm, "__contains__", &rest(&a), 1, 1, &[])?;
            vm.contains(Value::Obj(r), a.pos[1]).map(Value::Bool)
        });
        add_method(vm, c, "__reversed__()", |vm, a| {
            let r = self_obj(vm, &a, "dict_view", "__reversed__", is_view)?;
            Ok(reversed_dict(vm, Value::Obj(r)))
        });
        add_method(vm, c, "__repr__()", |vm, a| {
            let r = self_obj(vm, &a, "dict_view", "__repr__", is_view)?;
            vm.repr(Value::Obj(r))
        });
        add_method(vm, c, "mapping()", |vm, a| {
            let r = self_obj(vm, &a, "dict_view", "mapping", is_view)?;
            Ok(Value::Obj(view_parts(vm, r).0))
        });
    }
    for c in [vm.t.dict_keys, vm.t.dict_items] {
        add_method(vm, c, "isdisjoint(other, /)", |vm, a| {
            let r = self_obj(vm, &a, "dict_view", "isdisjoint", is_view)?;
            check(vm, "isdisjoint", &rest(&a), 1, 1, &[])?;
            let other = a.pos[1];
            let it = vm.iter(other)?;
            rooted(vm, &[it], |vm| {
                while let Some(x) = vm.next(it)? {
                    if rooted(vm, &[x], |vm| vm.contains(Value::Obj(r), x))? {
                        return Ok(Value::Bool(false));
                    }
                }
                Ok(Value::Bool(true))
            })
        });
        let ops: [(&'static str, NativeFnPtr); 8] = [
            ("__and__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::And, false)
            }),
            ("__or__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::Or, false)
            }),
            ("__sub__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::Sub, false)
            }),
            ("__xor__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::Xor, false)
            }),
            ("__rand__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::And, true)
            }),
            ("__ror__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::Or, true)
            }),
            ("__rsub__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::Sub, true)
            }),
            ("__rxor__(value, /)", |vm, a| {
                view_op(vm, a, BinOpKind::Xor, true)
            }),
        ];
        for (n, f) in ops {
            add_method(vm, c, n, f);
        }
        let cmps: [(&'static str, NativeFnPtr); 6] = [
            ("__eq__(value, /)", |vm, a| view_cmp(vm, a, CmpKind::Eq)),
            ("__ne__(value, /)", |vm, a| view_cmp(vm, a, CmpKind::Ne)),
            ("__lt__(value, /)", |vm, a| view_cmp(vm, a, CmpKind::Lt)),
            ("__le__(value, /)", |vm, a| view_cmp(vm, a, CmpKind::Le)),
            ("__gt__(value, /)", |vm, a| view_cmp(vm, a, CmpKind::Gt)),
            ("__ge__(value, /)", |vm, a| view_cmp(vm, a, CmpKind::Ge)),
        ];
        for (n, f) in cmps {
            add_method(vm, c, n, f);
        }
        set_class_attr(vm, c, "__hash__", Value::None);
    }
    let _ = classes.map(|c| c.1);
}

/// Comparisons of a keys/items view with a set or another such view: as
/// sets.
fn view_cmp(vm: &mut Vm, a: Args, kind: CmpKind) -> PyResult<Value> {
    check(vm, "comparison", &a, 2, 2, &[])?;
    let (x, y) = (a.pos[0], a.pos[1]);
    if !is_setlike_view(vm, x) || !(is_setlike_view(vm, y) || anyset_of(vm, y).is_some()) {
        return Ok(vm.not_implemented);
    }
    let sx = set_from_iterable(vm, x, true)?;
    rooted(vm, &[sx], |vm| {
        let sy = set_from_iterable(vm, y, true)?;
        rooted(vm, &[sy], |vm| vm.rich_compare(sx, sy, kind))
    })
}

fn view_op(vm: &mut Vm, a: Args, kind: BinOpKind, reflected: bool) -> PyResult<Value> {
    check(vm, "view operator", &a, 2, 2, &[])?;
    let (x, y) = if reflected {
        (a.pos[1], a.pos[0])
    } else {
        (a.pos[0], a.pos[1])
    };
    view_binop(vm, x, y, kind)
}

/// Set algebra where one side is a keys or items view: `set(a) op b` with
/// any iterables (CPython's dictviews_* functions).
fn view_binop(vm: &mut Vm, a: Value, b: Value, kind: BinOpKind) -> PyResult<Value> {
    let s = set_from_iterable(vm, a, false)?;
    rooted(vm, &[s], |vm| {
        let Value::Obj(sr) = s else { unreachable!() };
        let o = set_from_iterable(vm, b, true)?;
        rooted(vm, &[o], |vm| {
            let Value::Obj(or) = o else { unreachable!() };
            let d = set_algebra(vm, sr, or, kind)?;
            Ok(new_set_from(vm, false, d))
        })
    })
}

/// Whether `v` is a keys or items view (set-like).
fn is_setlike_view(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::DictView(_, ViewKind::Keys | ViewKind::Items)))
}

// ---------------------------------------------------------------- set

/// A new set of the items of any iterable (`reuse`: an existing set or
/// frozenset is returned as it is).
fn set_from_iterable(vm: &mut Vm, v: Value, reuse: bool) -> PyResult<Value> {
    if let Some(r) = anyset_of(vm, v) {
        if reuse {
            return Ok(Value::Obj(r));
        }
        let d = vm.dict_ref(r).clone();
        return Ok(new_set_from(vm, false, d));
    }
    let s = vm.new_set(false);
    rooted(vm, &[s], |vm| {
        set_add_all(vm, s, v)?;
        Ok(s)
    })
}

/// Add every item of the iterable `v` to the set `s` (rooted by the caller).
fn set_add_all(vm: &mut Vm, s: Value, v: Value) -> PyResult<()> {
    let Value::Obj(sr) = s else { return Ok(()) };
    if let Some(src) = anyset_of(vm, v).or_else(|| dict_of(vm, v)) {
        if src != sr {
            let es = entries(vm, src);
            for (h, k, _) in es {
                if vm.dict_find(sr, k, h)?.is_none() {
                    vm.dict_mut(sr).insert_new(h, k, Value::None);
                }
            }
        }
        return Ok(());
    }
    if let Value::Obj(r) = v {
        if matches!(vm.heap.get(r), Obj::List(_) | Obj::Tuple(_)) {
            let items = vm.tuple_items(v);
            for x in items {
                vm.set_add(s, x)?;
            }
            return Ok(());
        }
    }
    let it = vm.iter(v)?;
    rooted(vm, &[it], |vm| {
        while let Some(x) = vm.next(it)? {
            rooted(vm, &[x], |vm| vm.set_add(s, x))?;
        }
        Ok(())
    })
}

/// `x op y` on two sets as a new table (order: CPython iterates the left
/// operand, except that `&` walks the smaller one).
fn set_algebra(vm: &mut Vm, x: ObjRef, y: ObjRef, kind: BinOpKind) -> PyResult<Dict> {
    let xs = entries(vm, x);
    let ys = entries(vm, y);
    let mut out = Dict::new();
    // Membership tests may run user __eq__: the result table is not yet a
    // heap object, but its keys are all reachable from x or y.
    let contains = |vm: &mut Vm, d: ObjRef, h: i64, k: Value| -> PyResult<bool> {
        Ok(vm.dict_find(d, k, h)?.is_some())
    };
    let tmp = vm.alloc(Obj::Set(Box::new(Dict::new()), false));
    let Value::Obj(t) = tmp else { unreachable!() };
    vm.temp_roots.push(tmp);
    let add = |vm: &mut Vm, h: i64, k: Value| -> PyResult<()> {
        if vm.dict_find(t, k, h)?.is_none() {
            vm.dict_mut(t).insert_new(h, k, Value::None);
        }
        Ok(())
    };
    let res = (|| -> PyResult<()> {
        match kind {
            BinOpKind::Or => {
                for &(h, k, _) in xs.iter().chain(ys.iter()) {
                    add(vm, h, k)?;
                }
            }
            BinOpKind::And => {
                let (small, big) = if ys.len() < xs.len() {
                    (&ys, x)
                } else {
                    (&xs, y)
                };
                for &(h, k, _) in small.iter() {
                    if contains(vm, big, h, k)? {
                        add(vm, h, k)?;
                    }
                }
            }
            BinOpKind::Sub => {
                for &(h, k, _) in xs.iter() {
                    if !contains(vm, y, h, k)? {
                        add(vm, h, k)?;
                    }
                }
            }
            _ => {
                for &(h, k, _) in xs.iter() {
                    if !contains(vm, y, h, k)? {
                        add(vm, h, k)?;
                    }
                }
                for &(h, k, _) in ys.iter() {
                    if !contains(vm, x, h, k)? {
                        add(vm, h, k)?;
                    }
                }
            }
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    res?;
    if let Obj::Set(d, _) = vm.heap.get_mut(t) {
        out = std::mem::take(&mut **d);
    }
    Ok(out)
}

/// Set algebra `| & - ^` (None if `b` is not a set or frozenset, or a
/// keys/items view is involved on the right).
pub fn set_binop(
    vm: &mut Vm,
    a: Value,
    b: Value,
    kind: BinOpKind,
    inplace: bool,
) -> PyResult<Option<Value>> {
    let Some(x) = anyset_of(vm, a) else {
        return Ok(None);
    };
    let Some(y) = anyset_of(vm, b) else {
        if is_setlike_view(vm, b) {
            return view_binop(vm, a, b, kind).map(Some);
        }
        return Ok(None);
    };
    let frozen = matches!(vm.heap.get(x), Obj::Set(_, true));
    let d = set_algebra(vm, x, y, kind)?;
    if inplace && !frozen {
        *vm.dict_mut(x) = d;
        return Ok(Some(a));
    }
    Ok(Some(new_set_from(vm, frozen, d)))
}

/// Set algebra with a keys/items view on the left (called from seq_binop).
pub fn view_binop_left(
    vm: &mut Vm,
    a: Value,
    b: Value,
    kind: BinOpKind,
) -> PyResult<Option<Value>> {
    if !is_setlike_view(vm, a) {
        return Ok(None);
    }
    view_binop(vm, a, b, kind).map(Some)
}

/// Every positional argument after `self` as a set (rooted in temp_roots
/// by the caller's `base`).
fn sets_of_args(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<ObjRef>> {
    let mut out = Vec::with_capacity(args.len());
    for &v in args {
        let s = set_from_iterable(vm, v, true)?;
        vm.temp_roots.push(s);
        if let Value::Obj(r) = s {
            out.push(r);
        }
    }
    Ok(out)
}

/// `s.union(*others)` and friends: fold `kind` over the arguments.
fn set_method_fold(
    vm: &mut Vm,
    a: Args,
    name: &str,
    kind: BinOpKind,
    update: bool,
) -> PyResult<Value> {
    let pred = if update { is_set } else { is_anyset };
    let cls = if update { "set" } else { "frozenset" };
    let x = self_obj(vm, &a, cls, name, pred)?;
    if !a.kw.is_empty() {
        return Err(vm.type_error(format!("set.{name}() takes no keyword arguments")));
    }
    let frozen = matches!(vm.heap.get(x), Obj::Set(_, true));
    let base = vm.temp_roots.len();
    let res = (|| -> PyResult<Value> {
        let others = sets_of_args(vm, &a.pos[1..])?;
        let mut cur = vm.dict_ref(x).clone();
        for o in others {
            let c = new_set_from(vm, false, cur);
            vm.temp_roots.push(c);
            let Value::Obj(cr) = c else { unreachable!() };
            cur = set_algebra(vm, cr, o, kind)?;
        }
        if update {
            *vm.dict_mut(x) = cur;
            return Ok(Value::None);
        }
        Ok(new_set_from(vm, frozen, cur))
    })();
    vm.temp_roots.truncate(base);
    res
}

/// `x <= y` as sets (issubset).
fn subset(vm: &mut Vm, x: ObjRef, y: ObjRef) -> PyResult<bool> {
    let xs = entries(vm, x);
    for (h, k, _) in xs {
        if vm.dict_find(y, k, h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

fn install_set(vm: &mut Vm) {
    let sc = vm.t.set;
    let fc = vm.t.frozenset;
    add_staticmethod(vm, sc, "__new__(*args, **kwargs)", |vm, a| {
        let cls = a.pos.first().copied().unwrap_or(Value::None);
        let v = vm.new_set(false);
        let sc = vm.t.set;
        Ok(new_for_class(vm, cls, sc, v))
    });
    add_method(vm, sc, "__init__(*args, **kwargs)", |vm, a| {
        let s = self_obj(vm, &a, "set", "__init__", is_set)?;
        let r = rest(&a);
        if !r.kw.is_empty() {
            return Err(vm.type_error("set() takes no keyword arguments"));
        }
        check(vm, "set", &r, 0, 1, &[])?;
        vm.dict_mut(s).clear();
        if let Some(&it) = r.pos.first() {
            set_add_all(vm, Value::Obj(s), it)?;
        }
        Ok(Value::None)
    });
    add_staticmethod(vm, fc, "__new__(*args, **kwargs)", |vm, a| {
        let cls = a.pos.first().copied().unwrap_or(Value::None);
        let r = rest(&a);
        if !r.kw.is_empty() {
            return Err(vm.type_error("frozenset() takes no keyword arguments"));
        }
        check(vm, "frozenset", &r, 0, 1, &[])?;
        let fc = vm.t.frozenset;
        if let Some(&it) = r.pos.first() {
            if matches!(cls, Value::Obj(c) if c == fc)
                && matches!(it, Value::Obj(x) if matches!(vm.heap.get(x), Obj::Set(_, true)))
            {
                return Ok(it);
            }
        }
        let s = vm.new_set(true);
        rooted(vm, &[s], |vm| {
            if let Some(&it) = r.pos.first() {
                set_add_all(vm, s, it)?;
            }
            Ok(new_for_class(vm, cls, fc, s))
        })
    });
    add_method(vm, sc, "add(object, /)", |vm, a| {
        let s = self_obj(vm, &a, "set", "add", is_set)?;
        check(vm, "set.add", &rest(&a), 1, 1, &[])?;
        vm.set_add(Value::Obj(s), a.pos[1])?;
        Ok(Value::None)
    });
    add_method(vm, sc, "remove(object, /)", |vm, a| {
        let s = self_obj(vm, &a, "set", "remove", is_set)?;
        check(vm, "set.remove", &rest(&a), 1, 1, &[])?;
        match vm.dict_del(s, a.pos[1])? {
            Some(_) => Ok(Value::None),
            None => Err(vm.key_error(a.pos[1])),
        }
    });
    add_method(vm, sc, "discard(object, /)", |vm, a| {
        let s = self_obj(vm, &a, "set", "discard", is_set)?;
        check(vm, "set.discard", &rest(&a), 1, 1, &[])?;
        vm.dict_del(s, a.pos[1])?;
        Ok(Value::None)
    });
    add_method(vm, sc, "pop()", |vm, a| {
        let s = self_obj(vm, &a, "set", "pop", is_set)?;
        check(vm, "set.pop", &rest(&a), 0, 0, &[])?;
        let first = vm.dict_ref(s).iter().next().map(|e| (e.hash, e.key));
        match first {
            Some((h, k)) => {
                if let Some(ix) = vm.dict_find(s, k, h)? {
                    vm.dict_mut(s).remove_at(ix);
                }
                Ok(k)
            }
            None => {
                let m = vm.new_str("pop from an empty set");
                Err(vm.key_error(m))
            }
        }
    });
    add_method(vm, sc, "clear()", |vm, a| {
        let s = self_obj(vm, &a, "set", "clear", is_set)?;
        check(vm, "set.clear", &rest(&a), 0, 0, &[])?;
        vm.dict_mut(s).clear();
        Ok(Value::None)
    });
    add_method(vm, sc, "update(*others)", |vm, a| {
        let s = self_obj(vm, &a, "set", "update", is_set)?;
        for &v in &a.pos[1..] {
            set_add_all(vm, Value::Obj(s), v)?;
        }
        Ok(Value::None)
    });
    add_method(vm, sc, "intersection_update(*others)", |vm, a| {
        set_method_fold(vm, a, "intersection_update", BinOpKind::And, true)
    });
    add_method(vm, sc, "difference_update(*others)", |vm, a| {
        set_method_fold(vm, a, "difference_update", BinOpKind::Sub, true)
    });
    add_method(vm, sc, "symmetric_difference_update(other, /)", |vm, a| {
        check(vm, "set.symmetric_difference_update", &rest(&a), 1, 1, &[])?;
        set_method_fold(vm, a, "symmetric_difference_update", BinOpKind::Xor, true)
    });
    for c in [sc, fc] {
        add_method(vm, c, "copy()", |vm, a| {
            let s = self_obj(vm, &a, "set", "copy", is_anyset)?;
            check(vm, "set.copy", &rest(&a), 0, 0, &[])?;
            let frozen = matches!(vm.heap.get(s), Obj::Set(_, true));
            if frozen && matches!(a.pos[0], Value::Obj(r) if r == s) {
                return Ok(a.pos[0]);
            }
            let d = vm.dict_ref(s).clone();
            Ok(new_set_from(vm, frozen, d))
        });
        add_method(vm, c, "union(*others)", |vm, a| {
            set_method_fold(vm, a, "union", BinOpKind::Or, false)
        });
        add_method(vm, c, "intersection(*others)", |vm, a| {
            set_method_fold(vm, a, "intersection", BinOpKind::And, false)
        });
        add_method(vm, c, "difference(*others)", |vm, a| {
            set_method_fold(vm, a, "difference", BinOpKind::Sub, false)
        });
        add_method(vm, c, "symmetric_difference(other, /)", |vm, a| {
            check(vm, "set.symmetric_difference", &rest(&a), 1, 1, &[])?;
            set_method_fold(vm, a, "symmetric_difference", BinOpKind::Xor, false)
        });
        add_method(vm, c, "issubset(other, /)", |vm, a| {
            let s = self_obj(vm, &a, "set", "issubset", is_anyset)?;
            check(vm, "set.issubset", &rest(&a), 1, 1, &[])?;
            let o = set_from_iterable(vm, a.pos[1], true)?;
            let Value::Obj(or) = o else { unreachable!() };
            rooted(vm, &[o], |vm| subset(vm, s, or)).map(Value::Bool)
        });
        add_method(vm, c, "issuperset(other, /)", |vm, a| {
            let s = self_obj(vm, &a, "set", "issuperset", is_anyset)?;
            check(vm, "set.issuperset", &rest(&a), 1, 1, &[])?;
            let o = set_from_iterable(vm, a.pos[1], true)?;
            let Value::Obj(or) = o else { unreachable!() };
            rooted(vm, &[o], |vm| subset(vm, or, s)).map(Value::Bool)
        });
        add_method(vm, c, "isdisjoint(other, /)", |vm, a| {
            let s = self_obj(vm, &a, "set", "isdisjoint", is_anyset)?;
            check(vm, "set.isdisjoint", &rest(&a), 1, 1, &[])?;
            let o = set_from_iterable(vm, a.pos[1], true)?;
            let Value::Obj(or) = o else { unreachable!() };
            rooted(vm, &[o], |vm| {
                let d = set_algebra(vm, s, or, BinOpKind::And)?;
                Ok(Value::Bool(d.is_empty()))
            })
        });
        add_method(vm, c, "__len__()", |vm, a| {
            let s = self_obj(vm, &a, "set", "__len__", is_anyset)?;
            Ok(Value::Int(vm.dict_ref(s).len() as i64))
        });
        add_method(vm, c, "__contains__(key, /)", |vm, a| {
            let s = self_obj(vm, &a, "set", "__contains__", is_anyset)?;
            check(vm, "set.__contains__", &rest(&a), 1, 1, &[])?;
            vm.contains(Value::Obj(s), a.pos[1]).map(Value::Bool)
        });
        add_method(vm, c, "__iter__()", |vm, a| {
            let s = self_obj(vm, &a, "set", "__iter__", is_anyset)?;
            vm.iter(Value::Obj(s))
        });
        add_method(vm, c, "__repr__()", |vm, a| {
            let s = self_obj(vm, &a, "set", "__repr__", is_anyset)?;
            vm.repr(Value::Obj(s))
        });
        let ops: [(&'static str, NativeFnPtr); 8] = [
            ("__or__(value, /)", |vm, a| {
                set_op_method(vm, a, BinOpKind::Or, false)
            }),
            ("__and__(value, /)", |vm, a| {
                set_op_method(vm, a, BinOpKind::And, false)
            }),
            ("__sub__(value, /)", |vm, a| {
                set_op_method(vm, a, BinOpKind::Sub, false)
            }),
            ("__xor__(value, /)", |vm, a| {
                set_op_method(vm, a, BinOpKind::Xor, false)
            }),
            ("__ror__(value, /)", |vm, a| {
                set_rop_method(vm, a, BinOpKind::Or)
            }),
            ("__rand__(value, /)", |vm, a| {
                set_rop_method(vm, a, BinOpKind::And)
            }),
            ("__rsub__(value, /)", |vm, a| {
                set_rop_method(vm, a, BinOpKind::Sub)
            }),
            ("__rxor__(value, /)", |vm, a| {
                set_rop_method(vm, a, BinOpKind::Xor)
            }),
        ];
        for (n, f) in ops {
            add_method(vm, c, n, f);
        }
        let cmps: [(&'static str, NativeFnPtr); 6] = [
            ("__eq__(value, /)", |vm, a| set_cmp(vm, a, CmpKind::Eq)),
            ("__ne__(value, /)", |vm, a| set_cmp(vm, a, CmpKind::Ne)),
            ("__lt__(value, /)", |vm, a| set_cmp(vm, a, CmpKind::Lt)),
            ("__le__(value, /)", |vm, a| set_cmp(vm, a, CmpKind::Le)),
            ("__gt__(value, /)", |vm, a| set_cmp(vm, a, CmpKind::Gt)),
            ("__ge__(value, /)", |vm, a| set_cmp(vm, a, CmpKind::Ge)),
        ];
        for (n, f) in cmps {
            add_method(vm, c, n, f);
        }
    }
    let iops: [(&'static str, NativeFnPtr); 4] = [
        ("__ior__(value, /)", |vm, a| {
            set_op_method(vm, a, BinOpKind::Or, true)
        }),
        ("__iand__(value, /)", |vm, a| {
            set_op_method(vm, a, BinOpKind::And, true)
        }),
        ("__isub__(value, /)", |vm, a| {
            set_op_method(vm, a, BinOpKind::Sub, true)
        }),
        ("__ixor__(value, /)", |vm, a| {
            set_op_method(vm, a, BinOpKind::Xor, true)
        }),
    ];
    for (n, f) in iops {
        add_method(vm, sc, n, f);
    }
    set_class_attr(vm, sc, "__hash__", Value::None);
    add_method(vm, fc, "__hash__()", |vm, a| {
        let s = self_obj(vm, &a, "frozenset", "__hash__", is_anyset)?;
        vm.hash(Value::Obj(s)).map(Value::Int)
    });
}

fn set_op_method(vm: &mut Vm, a: Args, kind: BinOpKind, inplace: bool) -> PyResult<Value> {
    check(vm, "set operator", &a, 2, 2, &[])?;
    let x = self_obj(vm, &a, "set", "__or__", is_anyset)?;
    if anyset_of(vm, a.pos[1]).is_none() {
        return Ok(vm.not_implemented);
    }
    let r = set_binop(vm, Value::Obj(x), a.pos[1], kind, inplace)?;
    Ok(match r {
        Some(v) if inplace => {
            let _ = v;
            a.pos[0]
        }
        Some(v) => v,
        None => vm.not_implemented,
    })
}

fn set_rop_method(vm: &mut Vm, a: Args, kind: BinOpKind) -> PyResult<Value> {
    check(vm, "set operator", &a, 2, 2, &[])?;
    let x = self_obj(vm, &a, "set", "__ror__", is_anyset)?;
    match anyset_of(vm, a.pos[1]) {
        Some(y) => {
            Ok(set_binop(vm, Value::Obj(y), Value::Obj(x), kind, false)?
                .unwrap_or(vm.not_implemented))
        }
        None => Ok(vm.not_implemented),
    }
}

fn set_cmp(vm: &mut Vm, a: Args, kind: CmpKind) -> PyResult<Value> {
    check(vm, "comparison", &a, 2, 2, &[])?;
    match (anyset_of(vm, a.pos[0]), anyset_of(vm, a.pos[1])) {
        (Some(x), Some(y)) => vm.rich_compare(Value::Obj(x), Value::Obj(y), kind),
        _ => Ok(vm.not_implemented),
    }
}
