//! The iterator builtins: reversed, enumerate, zip, map, filter, sorted.

use crate::builtins::{add_fn, check};
use crate::object::*;
use crate::vm::Vm;

use super::list::{list_sort, reversed_seq, sort_options};
use super::range::reversed_range;
use super::seq::*;

pub(crate) fn install(vm: &mut Vm) {
    add_fn(vm, "reversed", reversed);
    add_fn(vm, "enumerate", enumerate);
    add_fn(vm, "zip", zip);
    add_fn(vm, "map", map);
    add_fn(vm, "filter", filter);
    add_fn(vm, "sorted", sorted);
}

fn new_iter(vm: &mut Vm, st: IterState) -> Value {
    vm.alloc(Obj::Iter(Box::new(st)))
}

/// reversed(seq)
fn reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    if a.pos.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", a.pos.len())));
    }
    let v = a.pos[0];
    if let Value::Obj(r) = v {
        match vm.heap.get(r) {
            Obj::List(_) | Obj::Tuple(_) => return Ok(reversed_seq(vm, r)),
            Obj::Range(..) => return Ok(reversed_range(vm, r)),
            Obj::Str(s) => {
                let chars: Vec<String> = s.s.chars().rev().map(|c| c.to_string()).collect();
                let vals: Vec<Value> = chars.iter().map(|c| vm.char_str(c)).collect();
                return Ok(new_iter(vm, IterState::Values { vals, idx: 0 }));
            }
            Obj::Bytes(_) | Obj::ByteArray(_) => {
                let b = vm.bytes_of(v).unwrap_or_default();
                let vals = b.iter().rev().map(|&x| Value::Int(x as i64)).collect();
                return Ok(new_iter(vm, IterState::Values { vals, idx: 0 }));
            }
            Obj::Dict(_) | Obj::DictView(..) => {
                return Ok(crate::builtins::dict::reversed_dict(vm, v));
            }
            _ => {}
        }
    }
    let rk = vm.intern("__reversed__");
    if let Some(f) = vm.lookup_special(v, rk) {
        if f.is_none() {
            return Err(vm.type_error_obj(v, "is not reversible"));
        }
        return vm.call_bound(f, v, &[]);
    }
    let (lk, gk) = (vm.n.len, vm.n.getitem);
    let is_mapping =
        matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Dict(_) | Obj::Set(..)));
    if !is_mapping && vm.lookup_special(v, lk).is_some() && vm.lookup_special(v, gk).is_some() {
        let n = vm.len(v)?;
        let acc = vm.new_list(Vec::new());
        vm.temp_roots.push(acc);
        let mut res = Ok(());
        for i in (0..n).rev() {
            match vm.getitem(v, Value::Int(i as i64)) {
                Ok(x) => {
                    if let Value::Obj(ar) = acc {
                        if let Some(l) = list_mut(vm, ar) {
                            l.push(x);
                        }
                    }
                }
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
        vm.temp_roots.pop();
        res?;
        let vals = match acc {
            Value::Obj(ar) => list_mut(vm, ar).map(std::mem::take).unwrap_or_default(),
            _ => Vec::new(),
        };
        return Ok(new_iter(vm, IterState::Values { vals, idx: 0 }));
    }
    Err(vm.type_error_obj(v, "is not reversible"))
}

/// enumerate(iterable, start=0)
fn enumerate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, "enumerate", &a, 0, 2, &["iterable", "start"])?;
    let Some(it) = a.get(vm, 0, "iterable") else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match a.get(vm, 1, "start") {
        Some(s) => index_arg(vm, s)?,
        None => 0,
    };
    let it = vm.iter(it)?;
    Ok(new_iter(vm, IterState::Enumerate { it, count }))
}

/// zip(*iterables, strict=False)
fn zip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut strict = false;
    for &(k, v) in a.kw {
        if vm.str_of(k) == "strict" {
            strict = vm.truthy(v)?;
        } else {
            let ks = vm.str_of(k).to_string();
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{ks}'")));
        }
    }
    let its = iter_all(vm, a.pos, "zip")?;
    Ok(new_iter(vm, IterState::Zip { its, strict }))
}

/// Iterators over each of `vals` (kept rooted while later ones are made).
fn iter_all(vm: &mut Vm, vals: &[Value], fname: &str) -> PyResult<Vec<Value>> {
    let base = vm.temp_roots.len();
    let mut its = Vec::with_capacity(vals.len());
    for (i, &v) in vals.iter().enumerate() {
        match vm.iter(v) {
            Ok(it) => {
                vm.temp_roots.push(it);
                its.push(it);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                let _ = (i, fname);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    Ok(its)
}

/// map(func, *iterables)
fn map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if a.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let its = iter_all(vm, &a.pos[1..], "map")?;
    Ok(new_iter(vm, IterState::Map { f: a.pos[0], its }))
}

/// filter(function or None, iterable)
fn filter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", a.pos.len())));
    }
    let it = vm.iter(a.pos[1])?;
    Ok(new_iter(vm, IterState::Filter { f: a.pos[0], it }))
}

/// sorted(iterable, /, *, key=None, reverse=False)
fn sorted(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        if a.pos.is_empty() {
            return Err(vm.type_error("sorted expected 1 argument, got 0"));
        }
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", a.pos.len())));
    }
    let (key, rev) = sort_options(vm, &a, "sort")?;
    let items = vm.collect_iterable(a.pos[0])?;
    let l = vm.new_list(items);
    let Value::Obj(r) = l else { unreachable!() };
    vm.temp_roots.push(l);
    let res = list_sort(vm, r, key, rev);
    vm.temp_roots.pop();
    res?;
    Ok(l)
}
