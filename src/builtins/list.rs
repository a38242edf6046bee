//! The list type: its methods, repetition, and sorting (list.sort, sorted).

use crate::builtins::{add_method, add_staticmethod, check, set_class_attr};
use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::vm::Vm;

use super::seq::*;
use crate::vm::items::{seq_delitem, seq_getitem, seq_setitem};

pub(crate) fn install_list(vm: &mut Vm) {
    let l = vm.t.list;
    add_staticmethod(vm, l, "__new__", |vm, a| {
        let cls = a.pos.first().copied().unwrap_or(Value::None);
        let v = vm.new_list(Vec::new());
        let lc = vm.t.list;
        Ok(new_for_class(vm, cls, lc, v))
    });
    add_method(vm, l, "__init__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__init__", is_list)?;
        let a = rest(&a);
        if !a.kw.is_empty() {
            return Err(vm.type_error("list() takes no keyword arguments"));
        }
        check(vm, "list", &a, 0, 1, &[])?;
        let items = match a.pos.first() {
            Some(&it) => vm.collect_iterable(it)?,
            None => Vec::new(),
        };
        if let Some(l) = list_mut(vm, r) {
            *l = items;
        }
        Ok(Value::None)
    });
    add_method(vm, l, "append", |vm, a| {
        let r = self_obj(vm, &a, "list", "append", is_list)?;
        check(vm, "list.append", &rest(&a), 1, 1, &[])?;
        if let Some(l) = list_mut(vm, r) {
            l.push(a.pos[1]);
        }
        Ok(Value::None)
    });
    add_method(vm, l, "extend", |vm, a| {
        let r = self_obj(vm, &a, "list", "extend", is_list)?;
        check(vm, "list.extend", &rest(&a), 1, 1, &[])?;
        let items = vm.collect_iterable(a.pos[1])?;
        if let Some(l) = list_mut(vm, r) {
            l.extend(items);
        }
        Ok(Value::None)
    });
    add_method(vm, l, "insert", |vm, a| {
        let r = self_obj(vm, &a, "list", "insert", is_list)?;
        if a.pos.len() != 3 {
            return Err(vm.type_error(format!(
                "insert expected 2 arguments, got {}",
                a.pos.len().saturating_sub(1)
            )));
        }
        let i = index_arg(vm, a.pos[1])?;
        let n = list_items(vm, r).len() as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        if let Some(l) = list_mut(vm, r) {
            l.insert(i, a.pos[2]);
        }
        Ok(Value::None)
    });
    add_method(vm, l, "remove", |vm, a| {
        let r = self_obj(vm, &a, "list", "remove", is_list)?;
        check(vm, "list.remove", &rest(&a), 1, 1, &[])?;
        let n = list_items(vm, r).len();
        match seq_find(vm, r, a.pos[1], 0, n)? {
            Some(i) => {
                if let Some(l) = list_mut(vm, r) {
                    if i < l.len() {
                        l.remove(i);
                    }
                }
                Ok(Value::None)
            }
            None => Err(vm.value_error("list.remove(x): x not in list")),
        }
    });
    add_method(vm, l, "pop", |vm, a| {
        let r = self_obj(vm, &a, "list", "pop", is_list)?;
        check(vm, "pop", &rest(&a), 0, 1, &[])?;
        let i = match a.pos.get(1) {
            Some(&v) => index_arg(vm, v)?,
            None => -1,
        };
        let n = list_items(vm, r).len();
        if n == 0 {
            return Err(vm.index_error("pop from empty list"));
        }
        let j = if i < 0 { i + n as i64 } else { i };
        if j < 0 || j >= n as i64 {
            return Err(vm.index_error("pop index out of range"));
        }
        Ok(list_mut(vm, r)
            .map(|l| l.remove(j as usize))
            .unwrap_or(Value::None))
    });
    add_method(vm, l, "clear", |vm, a| {
        let r = self_obj(vm, &a, "list", "clear", is_list)?;
        check(vm, "list.clear", &rest(&a), 0, 0, &[])?;
        if let Some(l) = list_mut(vm, r) {
            l.clear();
        }
        Ok(Value::None)
    });
    add_method(vm, l, "index", |vm, a| {
        let r = self_obj(vm, &a, "list", "index", is_list)?;
        check(vm, "index", &rest(&a), 1, 3, &[])?;
        let n = list_items(vm, r).len();
        let (s, e) = index_bounds(vm, &a, 2, n)?;
        match seq_find(vm, r, a.pos[1], s, e)? {
            Some(i) => Ok(Value::Int(i as i64)),
            None => {
                let s = vm.repr_string(a.pos[1])?;
                Err(vm.value_error(format!("{s} is not in list")))
            }
        }
    });
    add_method(vm, l, "count", |vm, a| {
        let r = self_obj(vm, &a, "list", "count", is_list)?;
        check(vm, "list.count", &rest(&a), 1, 1, &[])?;
        seq_count(vm, r, a.pos[1]).map(Value::Int)
    });
    add_method(vm, l, "sort", |vm, a| {
        let r = self_obj(vm, &a, "list", "sort", is_list)?;
        if a.pos.len() > 1 {
            return Err(vm.type_error("sort() takes no positional arguments"));
        }
        let (key, rev) = sort_options(vm, &a, "sort")?;
        list_sort(vm, r, key, rev)?;
        Ok(Value::None)
    });
    add_method(vm, l, "reverse", |vm, a| {
        let r = self_obj(vm, &a, "list", "reverse", is_list)?;
        check(vm, "list.reverse", &rest(&a), 0, 0, &[])?;
        if let Some(l) = list_mut(vm, r) {
            l.reverse();
        }
        Ok(Value::None)
    });
    add_method(vm, l, "copy", |vm, a| {
        let r = self_obj(vm, &a, "list", "copy", is_list)?;
        check(vm, "list.copy", &rest(&a), 0, 0, &[])?;
        let v = list_items(vm, r).clone();
        Ok(vm.new_list(v))
    });
    add_method(vm, l, "__len__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__len__", is_list)?;
        Ok(Value::Int(list_items(vm, r).len() as i64))
    });
    add_method(vm, l, "__getitem__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__getitem__", is_list)?;
        check(vm, "list.__getitem__", &rest(&a), 1, 1, &[])?;
        seq_getitem(vm, Value::Obj(r), a.pos[1])
    });
    add_method(vm, l, "__setitem__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__setitem__", is_list)?;
        check(vm, "__setitem__", &rest(&a), 2, 2, &[])?;
        seq_setitem(vm, Value::Obj(r), a.pos[1], a.pos[2])?;
        Ok(Value::None)
    });
    add_method(vm, l, "__delitem__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__delitem__", is_list)?;
        check(vm, "list.__delitem__", &rest(&a), 1, 1, &[])?;
        seq_delitem(vm, Value::Obj(r), a.pos[1])?;
        Ok(Value::None)
    });
    add_method(vm, l, "__contains__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__contains__", is_list)?;
        check(vm, "list.__contains__", &rest(&a), 1, 1, &[])?;
        vm.contains(Value::Obj(r), a.pos[1]).map(Value::Bool)
    });
    add_method(vm, l, "__iter__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__iter__", is_list)?;
        vm.iter(Value::Obj(r))
    });
    add_method(vm, l, "__reversed__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__reversed__", is_list)?;
        Ok(reversed_seq(vm, r))
    });
    add_method(vm, l, "__add__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__add__", is_list)?;
        check(vm, "list.__add__", &rest(&a), 1, 1, &[])?;
        match other_of(vm, a.pos[1], is_list) {
            Some(Value::Obj(o)) => {
                let mut v = list_items(vm, r).clone();
                v.extend_from_slice(list_items(vm, o));
                Ok(vm.new_list(v))
            }
            _ => {
                let tn = vm.type_name(a.pos[1]);
                Err(vm.type_error(format!("can only concatenate list (not \"{tn}\") to list")))
            }
        }
    });
    add_method(vm, l, "__iadd__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__iadd__", is_list)?;
        check(vm, "list.__iadd__", &rest(&a), 1, 1, &[])?;
        let items = vm.collect_iterable(a.pos[1])?;
        if let Some(l) = list_mut(vm, r) {
            l.extend(items);
        }
        Ok(a.pos[0])
    });
    add_method(vm, l, "__mul__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__mul__", is_list)?;
        check(vm, "list.__mul__", &rest(&a), 1, 1, &[])?;
        mul_method(vm, Value::Obj(r), a.pos[1], false)
    });
    add_method(vm, l, "__rmul__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__rmul__", is_list)?;
        check(vm, "list.__rmul__", &rest(&a), 1, 1, &[])?;
        mul_method(vm, Value::Obj(r), a.pos[1], false)
    });
    add_method(vm, l, "__imul__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__imul__", is_list)?;
        check(vm, "list.__imul__", &rest(&a), 1, 1, &[])?;
        mul_method(vm, Value::Obj(r), a.pos[1], true)?;
        Ok(a.pos[0])
    });
    add_method(vm, l, "__repr__", |vm, a| {
        let r = self_obj(vm, &a, "list", "__repr__", is_list)?;
        vm.repr(Value::Obj(r))
    });
    add_compare_methods(vm, l, cmp_methods!(is_list));
    set_class_attr(vm, l, "__hash__", Value::None);
}

/// `seq * n` through the operator machinery (NotImplemented when `n` is
/// not an integer).
pub(crate) fn mul_method(vm: &mut Vm, s: Value, n: Value, inplace: bool) -> PyResult<Value> {
    if vm.index_of(n)?.is_none() {
        if defers_mul(vm, n) {
            return Ok(vm.not_implemented);
        }
        return Err(repeat_error(vm, n));
    }
    match vm.seq_binop(s, n, BinOpKind::Mul, inplace)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented),
    }
}

/// Whether `seq * n` with a non-integer `n` should let `n`'s own
/// `__rmul__` / `__mul__` try (user classes) before CPython's
/// "can't multiply sequence" error.
pub(crate) fn defers_mul(vm: &mut Vm, n: Value) -> bool {
    if !matches!(n, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_) | Obj::NativeObj(_)))
    {
        return false;
    }
    let rk = vm.intern("__rmul__");
    let mk = vm.intern("__mul__");
    vm.lookup_special(n, rk).is_some_and(|f| !vm.is_native(f))
        || vm.lookup_special(n, mk).is_some_and(|f| !vm.is_native(f))
}

pub(crate) fn repeat_error(vm: &mut Vm, n: Value) -> Value {
    let tn = vm.type_name(n);
    vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'"))
}

/// `key=` and `reverse=` of sort / sorted.
pub(crate) fn sort_options(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(Option<Value>, bool)> {
    let mut key = None;
    let mut rev = false;
    for &(k, v) in a.kw {
        match vm.str_of(k) {
            "key" => key = Some(v).filter(|v| !v.is_none()),
            "reverse" => rev = vm.truthy(v)?,
            other => {
                let other = other.to_string();
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok((key, rev))
}

/// list.sort: while sorting, the list is empty to user code (CPython's
/// rule); a change made meanwhile is a ValueError.
pub fn list_sort(vm: &mut Vm, r: ObjRef, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let items = match list_mut(vm, r) {
        Some(l) => std::mem::take(l),
        None => return Ok(()),
    };
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let res = sort_values(vm, items.clone(), key, reverse);
    vm.temp_roots.truncate(base);
    let modified = !list_items(vm, r).is_empty();
    match res {
        Ok(sorted) => {
            if let Some(l) = list_mut(vm, r) {
                *l = sorted;
            }
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(())
        }
        Err(e) => {
            if let Some(l) = list_mut(vm, r) {
                *l = items;
            }
            Err(e)
        }
    }
}

/// A stable sort of `items` (rooted by the caller) by `key(item)` with
/// `<`; `reverse` keeps equal items in their original order, as CPython.
pub fn sort_values(
    vm: &mut Vm,
    mut items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let base = vm.temp_roots.len();
    let keys = match key {
        None => items.clone(),
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for &it in &items {
                let k = match vm.call(f, &[it]) {
                    Ok(k) => k,
                    Err(e) => {
                        vm.temp_roots.truncate(base);
                        return Err(e);
                    }
                };
                vm.temp_roots.push(k);
                ks.push(k);
            }
            ks
        }
    };
    let mut keys = keys;
    if reverse {
        items.reverse();
        keys.reverse();
    }
    let perm = sort_perm(vm, &keys);
    vm.temp_roots.truncate(base);
    let perm = perm?;
    let mut out: Vec<Value> = perm.into_iter().map(|i| items[i]).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

/// Indices of `keys` in stably sorted order.
fn sort_perm(vm: &mut Vm, keys: &[Value]) -> PyResult<Vec<usize>> {
    let n = keys.len();
    let mut perm: Vec<usize> = (0..n).collect();
    if n < 2 {
        return Ok(perm);
    }
    // Fast paths: all ints, all floats/ints without NaN, all str.
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        perm.sort_by_key(|&i| match keys[i] {
            Value::Int(x) => x,
            _ => 0,
        });
        return Ok(perm);
    }
    if keys.iter().all(|k| vm.as_str(*k).is_some()) {
        let strs: Vec<&str> = keys.iter().map(|k| vm.as_str(*k).unwrap_or("")).collect();
        perm.sort_by(|&i, &j| strs[i].cmp(strs[j]));
        return Ok(perm);
    }
    if keys.iter().all(|k| {
        matches!(k, Value::Float(f) if !f.is_nan())
            || matches!(k, Value::Int(x) if x.unsigned_abs() < (1 << 53))
    }) {
        let fs: Vec<f64> = keys
            .iter()
            .map(|k| match k {
                Value::Float(f) => *f,
                Value::Int(x) => *x as f64,
                _ => 0.0,
            })
            .collect();
        perm.sort_by(|&i, &j| {
            fs[i]
                .partial_cmp(&fs[j])
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        return Ok(perm);
    }
    if let Some(perm) = super::sortkey::sort_simple(vm, keys) {
        return Ok(perm);
    }
    let lt = |vm: &mut Vm, i: usize, j: usize| -> PyResult<bool> {
        let r = vm.rich_compare(keys[i], keys[j], CmpKind::Lt)?;
        vm.truthy(r)
    };
    // Binary insertion sort of small runs, then bottom-up merges.
    const RUN: usize = 16;
    let mut lo = 0;
    while lo < n {
        let hi = (lo + RUN).min(n);
        for k in lo + 1..hi {
            let x = perm[k];
            // First position in perm[lo..k] whose key is > x (stability).
            let (mut a, mut b) = (lo, k);
            while a < b {
                let m = (a + b) / 2;
                if lt(vm, x, perm[m])? {
                    b = m;
                } else {
                    a = m + 1;
                }
            }
            perm.copy_within(a..k, a + 1);
            perm[a] = x;
        }
        lo = hi;
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid >= hi || !lt(vm, perm[mid], perm[mid - 1])? {
                buf[lo..hi].copy_from_slice(&perm[lo..hi]);
            } else {
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    if lt(vm, perm[j], perm[i])? {
                        buf[k] = perm[j];
                        j += 1;
                    } else {
                        buf[k] = perm[i];
                        i += 1;
                    }
                    k += 1;
                }
                buf[k..k + (mid - i)].copy_from_slice(&perm[i..mid]);
                k += mid - i;
                buf[k..k + (hi - j)].copy_from_slice(&perm[j..hi]);
            }
            lo = hi;
        }
        std::mem::swap(&mut perm, &mut buf);
        width *= 2;
    }
    Ok(perm)
}

/// A reverse iterator over a list or tuple.
pub(crate) fn reversed_seq(vm: &mut Vm, r: ObjRef) -> Value {
    let n = seq_len(vm, r);
    vm.alloc(Obj::Iter(Box::new(IterState::Reversed {
        seq: r,
        idx: n as isize - 1,
    })))
}
