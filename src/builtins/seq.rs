//! Sequences: list, tuple, range, bytes indexing; sequence operators; the
//! methods of list, tuple, range and slice; reversed, enumerate, zip, map,
//! filter and sorted.

use crate::builtins::{
    add_classmethod, add_fn, add_method, add_staticmethod, check, set_class_attr,
};
use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    install_list(vm);
    install_tuple(vm);
    install_range(vm);
    install_slice(vm);
    add_fn(vm, "reversed", reversed);
    add_fn(vm, "enumerate", enumerate);
    add_fn(vm, "zip", zip);
    add_fn(vm, "map", map);
    add_fn(vm, "filter", filter);
    add_fn(vm, "sorted", sorted);
    let _ = add_classmethod;
}

// ---------------------------------------------------------------- helpers

/// The built-in value behind `v`: `v` itself, or the built-in base value of
/// an instance of a user subclass (`class L(list)`).
pub fn base_of(vm: &Vm, v: Value) -> Value {
    if let Value::Obj(r) = v {
        if let Obj::Instance(i) = vm.heap.get(r) {
            if let Value::Obj(_) = i.base {
                return i.base;
            }
        }
    }
    v
}

/// A new value of built-in class `builtin` for `cls` (`builtin` itself or
/// a user subclass, whose instances carry the built-in value as `base`).
pub fn new_for_class(vm: &mut Vm, cls: Value, builtin: ObjRef, val: Value) -> Value {
    match cls {
        Value::Obj(c) if c != builtin => {
            vm.temp_roots.push(val);
            let inst = vm.alloc(Obj::Instance(Box::new(Instance {
                class: c,
                dict: None,
                exc: None,
                base: val,
            })));
            vm.temp_roots.pop();
            inst
        }
        _ => val,
    }
}

/// `self` of a method on a built-in class: the object (or subclass base)
/// when `pred` accepts it, else CPython's descriptor TypeError.
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

fn is_list(o: &Obj) -> bool {
    matches!(o, Obj::List(_))
}
fn is_tuple(o: &Obj) -> bool {
    matches!(o, Obj::Tuple(_))
}
fn is_range(o: &Obj) -> bool {
    matches!(o, Obj::Range(..))
}
fn is_slice(o: &Obj) -> bool {
    matches!(o, Obj::Slice(_))
}

/// The arguments after `self`.
fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args {
        pos: a.pos.get(1..).unwrap_or(&[]),
        kw: a.kw,
    }
}

fn list_items(vm: &Vm, r: ObjRef) -> &Vec<Value> {
    static EMPTY: Vec<Value> = Vec::new();
    match vm.heap.get(r) {
        Obj::List(l) => l,
        _ => &EMPTY,
    }
}

fn list_mut(vm: &mut Vm, r: ObjRef) -> Option<&mut Vec<Value>> {
    match vm.heap.get_mut(r) {
        Obj::List(l) => Some(l),
        _ => None,
    }
}

/// Item `i` of a list or tuple (re-read on every step: user code run by a
/// comparison may change a list).
fn seq_item(vm: &Vm, r: ObjRef, i: usize) -> Option<Value> {
    match vm.heap.get(r) {
        Obj::List(l) => l.get(i).copied(),
        Obj::Tuple(t) => t.get(i).copied(),
        _ => None,
    }
}

fn seq_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Obj::List(l) => l.len(),
        Obj::Tuple(t) => t.len(),
        _ => 0,
    }
}

/// An index argument for methods (int or __index__), with CPython's text.
fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// start/stop arguments of `index()` clamped like CPython's slice indices.
fn index_bounds(vm: &mut Vm, a: &Args, first: usize, len: usize) -> PyResult<(usize, usize)> {
    let conv = |vm: &mut Vm, v: Option<Value>, dflt: i64| -> PyResult<usize> {
        let i = match v {
            None => dflt,
            Some(v) => match vm.index_of(v)? {
                Some(i) => i,
                None => {
                    return Err(
                        vm.type_error("slice indices must be integers or have an __index__ method")
                    )
                }
            },
        };
        let i = if i < 0 { (i + len as i64).max(0) } else { i };
        Ok(i.min(len as i64) as usize)
    };
    let s = conv(vm, a.pos.get(first).copied(), 0)?;
    let e = conv(vm, a.pos.get(first + 1).copied(), len as i64)?;
    Ok((s, e))
}

/// Position of `x` in the list/tuple `r` within [start, stop).
fn seq_find(
    vm: &mut Vm,
    r: ObjRef,
    x: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = seq_item(vm, r, i) else {
            break;
        };
        if vm.eq(item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn seq_count(vm: &mut Vm, r: ObjRef, x: Value) -> PyResult<i64> {
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = seq_item(vm, r, i) {
        if vm.eq(item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(n)
}

/// `NotImplemented` unless `v` is (a subclass of) the built-in with `pred`.
fn other_of(vm: &Vm, v: Value, pred: fn(&Obj) -> bool) -> Option<Value> {
    match base_of(vm, v) {
        Value::Obj(r) if pred(vm.heap.get(r)) => Some(Value::Obj(r)),
        _ => None,
    }
}

/// Rich comparison methods (`__eq__`, `__lt__`...) for a built-in class.
fn add_compare_methods(vm: &mut Vm, cls: ObjRef, names: [NativeFnPtr; 6]) {
    let dunders = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    for (n, f) in dunders.into_iter().zip(names) {
        add_method(vm, cls, n, f);
    }
}

macro_rules! cmp_methods {
    ($pred:expr) => {
        [
            |vm, a| cmp_method(vm, a, $pred, CmpKind::Lt),
            |vm, a| cmp_method(vm, a, $pred, CmpKind::Le),
            |vm, a| cmp_method(vm, a, $pred, CmpKind::Eq),
            |vm, a| cmp_method(vm, a, $pred, CmpKind::Ne),
            |vm, a| cmp_method(vm, a, $pred, CmpKind::Gt),
            |vm, a| cmp_method(vm, a, $pred, CmpKind::Ge),
        ]
    };
}

fn cmp_method(vm: &mut Vm, a: Args, pred: fn(&Obj) -> bool, kind: CmpKind) -> PyResult<Value> {
    check(vm, "comparison", &a, 2, 2, &[])?;
    let (Some(x), Some(y)) = (other_of(vm, a.pos[0], pred), other_of(vm, a.pos[1], pred)) else {
        return Ok(vm.not_implemented);
    };
    let (Value::Obj(xr), Value::Obj(yr)) = (x, y) else {
        return Ok(vm.not_implemented);
    };
    match (vm.heap.get(xr), vm.heap.get(yr)) {
        (Obj::Range(..), _) if !matches!(kind, CmpKind::Eq | CmpKind::Ne) => Ok(vm.not_implemented),
        (Obj::Slice(p), Obj::Slice(q)) => {
            let (p, q) = (p.to_vec(), q.to_vec());
            let tp = vm.new_tuple(p);
            vm.temp_roots.push(tp);
            let tq = vm.new_tuple(q);
            vm.temp_roots.push(tq);
            let r = vm.rich_compare(tp, tq, kind);
            vm.temp_roots.truncate(vm.temp_roots.len() - 2);
            r
        }
        _ => vm.rich_compare(x, y, kind),
    }
}

/// Normalise an index for a sequence of `len` items (IndexError text uses `what`).
pub fn norm_index(vm: &mut Vm, i: i64, len: usize, what: &str) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// `obj[key]` for list, tuple, str, bytes, bytearray, range.
pub fn seq_getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let Value::Obj(r) = obj else { unreachable!() };
    if let Value::Obj(k) = key {
        if let Obj::Slice(s) = vm.heap.get(k) {
            let s = **s;
            return seq_getslice(vm, obj, s);
        }
    }
    let Some(i) = vm.index_of(key)? else {
        let tn = vm.type_name(obj);
        let kn = vm.type_name(key);
        let what = if tn == "str" {
            "string".to_string()
        } else {
            tn.clone()
        };
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {kn}"
        )));
    };
    match vm.heap.get(r) {
        Obj::List(l) => {
            let len = l.len();
            let j = norm_index(vm, i, len, "list")?;
            Ok(match vm.heap.get(r) {
                Obj::List(l) => l[j],
                _ => Value::None,
            })
        }
        Obj::Tuple(t) => {
            let len = t.len();
            let j = norm_index(vm, i, len, "tuple")?;
            Ok(match vm.heap.get(r) {
                Obj::Tuple(t) => t[j],
                _ => Value::None,
            })
        }
        Obj::Str(s) => {
            let len = s.chars as usize;
            let ascii = s.is_ascii();
            let j = norm_index(vm, i, len, "string")?;
            let ch: String = match vm.heap.get(r) {
                Obj::Str(s) => {
                    if ascii {
                        s.s[j..j + 1].to_string()
                    } else {
                        s.s.chars()
                            .nth(j)
                            .map(|c| c.to_string())
                            .unwrap_or_default()
                    }
                }
                _ => String::new(),
            };
            Ok(vm.char_str(&ch))
        }
        Obj::Bytes(b) => {
            let len = b.len();
            let j = norm_index(vm, i, len, "index")?;
            Ok(Value::Int(
                vm.bytes_of(obj).map(|b| b[j] as i64).unwrap_or(0),
            ))
        }
        Obj::ByteArray(b) => {
            let len = b.len();
            let j = norm_index(vm, i, len, "bytearray")?;
            Ok(Value::Int(
                vm.bytes_of(obj).map(|b| b[j] as i64).unwrap_or(0),
            ))
        }
        Obj::Range(a, _, s) => {
            let (a, s) = (*a, *s);
            let len = vm.len(obj)?;
            let j = norm_index(vm, i, len, "range object")?;
            Ok(Value::Int(a + s * j as i64))
        }
        _ => Err(vm.type_error_obj(obj, "is not subscriptable")),
    }
}

/// A slice's (start, stop, step) as integers (None: absent), calling
/// `__index__` where needed. Callers find the sequence's length only
/// afterwards, as CPython does: `__index__` may resize it.
#[inline]
pub fn slice_args(vm: &mut Vm, s: [Value; 3]) -> PyResult<(Option<i64>, Option<i64>, i64)> {
    #[inline(always)]
    fn small(v: Value) -> Option<Option<i64>> {
        match v {
            Value::None => Some(None),
            Value::Int(i) => Some(Some(i)),
            _ => None,
        }
    }
    if let (Some(a), Some(b), Some(c)) = (small(s[0]), small(s[1]), small(s[2])) {
        return Ok((a, b, c.unwrap_or(1)));
    }
    slice_args_slow(vm, s)
}

#[inline(never)]
fn slice_args_slow(vm: &mut Vm, s: [Value; 3]) -> PyResult<(Option<i64>, Option<i64>, i64)> {
    let mut conv = |v: Value| -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match vm.index_of(v)? {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let start = conv(s[0])?;
    let stop = conv(s[1])?;
    let step = conv(s[2])?.unwrap_or(1);
    Ok((start, stop, step))
}

/// Slice bounds from a slice object's (start, stop, step) for `len` items.
pub fn slice_bounds(vm: &mut Vm, s: [Value; 3], len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = slice_args(vm, s)?;
    crate::text::strops::slice_indices(len as i64, start, stop, step).map_err(|e| vm.text_error(e))
}

/// The items of `items[start::step]`, `count` of them (bounds from
/// `slice_indices` for `items.len()`), in one allocation of exactly
/// `count` items.
#[inline]
fn slice_items<T: Copy>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    if count == 0 {
        return Vec::new();
    }
    let lo = start as usize;
    if step == 1 {
        return items[lo..lo + count].to_vec();
    }
    if step == -1 {
        // `p[i::-1]`, `s[::-1]`: a reversed run.
        return items[lo + 1 - count..=lo].iter().rev().copied().collect();
    }
    (0..count)
        .map(|k| items[(start + step * k as i64) as usize])
        .collect()
}

/// `obj[lo:hi:step]` for a built-in sequence (list, tuple, str, bytes,
/// bytearray, range); the dispatch loop calls it without building a slice
/// object when BuildSlice feeds BinarySubscr.
pub(crate) fn seq_getslice(vm: &mut Vm, obj: Value, s: [Value; 3]) -> PyResult<Value> {
    let (start, stop, step) = slice_args(vm, s)?;
    let Value::Obj(r) = obj else { unreachable!() };
    let len = match vm.heap.get(r) {
        Obj::List(l) => l.len(),
        Obj::Tuple(t) => t.len(),
        Obj::Str(st) => st.chars as usize,
        _ => vm.len(obj)?,
    };
    let (start, stop, step, count) =
        match crate::text::strops::slice_indices(len as i64, start, stop, step) {
            Ok(b) => b,
            Err(e) => return Err(vm.text_error(e)),
        };
    let idx = (0..count).map(|k| (start + step * k as i64) as usize);
    let contiguous = step == 1 || count <= 1;
    let lo = start.max(0) as usize;
    match vm.heap.get(r) {
        Obj::List(l) => {
            let v = slice_items(l, start, step, count);
            Ok(vm.new_list(v))
        }
        Obj::Tuple(t) => {
            let v = slice_items(t, start, step, count);
            Ok(vm.new_tuple(v))
        }
        Obj::Str(st) if st.is_ascii() => {
            let out = if contiguous {
                st.s[lo..lo + count].to_string()
            } else {
                // Bytes, not chars: collecting chars grew the String byte
                // by byte. ASCII bytes are always valid UTF-8.
                let v = slice_items(st.s.as_bytes(), start, step, count);
                String::from_utf8(v).unwrap_or_default()
            };
            Ok(vm.alloc(Obj::Str(PyStr::with_chars(out, count as u32))))
        }
        Obj::Str(st) => {
            let out: String = if count == 0 {
                String::new()
            } else if step == 1 {
                // Byte offsets of code points lo and lo + count.
                let mut at = st.s.char_indices().map(|(i, _)| i);
                let a = at.nth(lo).unwrap_or(st.s.len());
                let b = at.nth(count - 1).unwrap_or(st.s.len());
                st.s[a..b].to_string()
            } else {
                let chars: Vec<char> = st.s.chars().collect();
                idx.map(|i| chars[i]).collect()
            };
            Ok(vm.alloc(Obj::Str(PyStr::with_chars(out, count as u32))))
        }
        Obj::Bytes(b) => {
            let v = slice_items(b, start, step, count);
            Ok(vm.alloc(Obj::Bytes(v.into_boxed_slice())))
        }
        Obj::ByteArray(b) => {
            let v = slice_items(b, start, step, count);
            Ok(vm.alloc(Obj::ByteArray(v)))
        }
        Obj::Range(a, _, st) => {
            let (a, st) = (*a, *st);
            let ns = a + start * st;
            let nstep = st * step;
            // CPython: range(start + i*step, start + j*step, step*k) for
            // the adjusted slice i:j:k, so range(3, 30, 4)[::2] is
            // range(3, 31, 8).
            let nstop = a + stop * st;
            Ok(vm.alloc(Obj::Range(ns, nstop, nstep)))
        }
        _ => Err(vm.type_error_obj(obj, "is not subscriptable")),
    }
}

/// `obj[key] = v` for list and bytearray.
pub fn seq_setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    let Value::Obj(r) = obj else { unreachable!() };
    if let Value::Obj(k) = key {
        if let Obj::Slice(s) = vm.heap.get(k) {
            let s = **s;
            let len = vm.len(obj)?;
            let (start, stop, step, count) = slice_bounds(vm, s, len)?;
            let is_bytearray = matches!(vm.heap.get(r), Obj::ByteArray(_));
            let items: Vec<Value> = if is_bytearray {
                bytearray_values(vm, v)?
                    .into_iter()
                    .map(|b| Value::Int(b as i64))
                    .collect()
            } else {
                vm.collect_iterable(v)?
            };
            // User code run while collecting may have resized the target.
            let cur = vm.len(obj)? as i64;
            if step != 1 && items.len() != count {
                let n = items.len();
                let what = if is_bytearray { "bytes" } else { "sequence" };
                return Err(vm.value_error(format!(
                    "attempt to assign {what} of size {n} to extended slice of size {count}"
                )));
            }
            let bytes: Vec<u8> = items
                .iter()
                .map(|x| match x {
                    Value::Int(i) => *i as u8,
                    _ => 0,
                })
                .collect();
            match vm.heap.get_mut(r) {
                Obj::List(l) => {
                    if step == 1 {
                        let a = start.clamp(0, cur) as usize;
                        let b = (stop.max(start)).clamp(0, cur) as usize;
                        l.splice(a..b.max(a), items);
                    } else {
                        for (k, item) in items.into_iter().enumerate() {
                            if let Some(slot) = l.get_mut((start + step * k as i64) as usize) {
                                *slot = item;
                            }
                        }
                    }
                    return Ok(());
                }
                Obj::ByteArray(l) => {
                    if step == 1 {
                        let a = start.clamp(0, cur) as usize;
                        let b = (stop.max(start)).clamp(0, cur) as usize;
                        l.splice(a..b.max(a), bytes);
                    } else {
                        for (k, item) in bytes.into_iter().enumerate() {
                            if let Some(slot) = l.get_mut((start + step * k as i64) as usize) {
                                *slot = item;
                            }
                        }
                    }
                    return Ok(());
                }
                _ => {}
            }
            return Err(vm.type_error_obj(obj, "does not support slice assignment"));
        }
    }
    let Some(i) = vm.index_of(key)? else {
        let kn = vm.type_name(key);
        return Err(vm.type_error(format!("list indices must be integers or slices, not {kn}")));
    };
    let len = vm.len(obj)?;
    match vm.heap.get(r) {
        Obj::List(_) => {
            let j = norm_index(vm, i, len, "list assignment")?;
            if let Obj::List(l) = vm.heap.get_mut(r) {
                l[j] = v;
            }
            Ok(())
        }
        Obj::ByteArray(_) => {
            let j = norm_index(vm, i, len, "bytearray")?;
            let b = match v {
                Value::Int(x) if (0..256).contains(&x) => x as u8,
                _ => return Err(vm.value_error("byte must be in range(0, 256)")),
            };
            if let Obj::ByteArray(a) = vm.heap.get_mut(r) {
                a[j] = b;
            }
            Ok(())
        }
        _ => Err(vm.type_error_obj(obj, "does not support item assignment")),
    }
}

/// The bytes a bytearray slice assignment takes: a bytes-like object or an
/// iterable of ints in range(0, 256).
fn bytearray_values(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_of(v) {
        return Ok(b);
    }
    let bad = match v {
        Value::Obj(r) => matches!(vm.heap.get(r), Obj::Str(_)),
        _ => true,
    };
    if bad {
        return Err(
            vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match vm.index_of(x)? {
            Some(i) if (0..256).contains(&i) => out.push(i as u8),
            Some(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
            None => {
                let tn = vm.type_name(x);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    Ok(out)
}

/// `del obj[key]` for list and bytearray.
pub fn seq_delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let Value::Obj(r) = obj else { unreachable!() };
    let len = vm.len(obj)?;
    if let Value::Obj(k) = key {
        if let Obj::Slice(s) = vm.heap.get(k) {
            let s = **s;
            let (start, _stop, step, count) = slice_bounds(vm, s, len)?;
            // One pass, not one remove() per item (`del buf[:n]` on a
            // 4.5 MB bytearray took 12 s): a contiguous range drains, a
            // stepped slice keeps the items off its positions.
            let (lo, contiguous) = if step < 0 {
                (start + step * (count as i64 - 1), step == -1)
            } else {
                (start, step == 1)
            };
            let lo = lo.max(0) as usize;
            let on_slice = |i: usize| {
                i >= lo
                    && (i - lo).is_multiple_of(step.unsigned_abs() as usize)
                    && (i - lo) / step.unsigned_abs() as usize <= count.saturating_sub(1)
            };
            match vm.heap.get_mut(r) {
                Obj::List(l) if count > 0 => {
                    if contiguous {
                        l.drain(lo..lo + count);
                    } else {
                        let mut i = 0;
                        l.retain(|_| {
                            let keep = !on_slice(i);
                            i += 1;
                            keep
                        });
                    }
                }
                Obj::ByteArray(l) if count > 0 => {
                    if contiguous {
                        l.drain(lo..lo + count);
                    } else {
                        let mut i = 0;
                        l.retain(|_| {
                            let keep = !on_slice(i);
                            i += 1;
                            keep
                        });
                    }
                }
                _ => {}
            }
            return Ok(());
        }
    }
    let Some(i) = vm.index_of(key)? else {
        let kn = vm.type_name(key);
        return Err(vm.type_error(format!("list indices must be integers or slices, not {kn}")));
    };
    let j = norm_index(vm, i, len, "list assignment")?;
    match vm.heap.get_mut(r) {
        Obj::List(l) => {
            l.remove(j);
        }
        Obj::ByteArray(l) => {
            l.remove(j);
        }
        _ => {}
    }
    Ok(())
}

impl Vm {
    /// Sequence and container operators: concatenation, repetition, `+=`
    /// on lists, set algebra, dict union, `str % args`. Ok(None) when the
    /// operands are not built-in containers of matching kinds.
    pub(crate) fn seq_binop(
        &mut self,
        a: Value,
        b: Value,
        kind: BinOpKind,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        let (Value::Obj(x), bv) = (a, b) else {
            // int * sequence
            if let (Value::Int(_) | Value::Bool(_), Value::Obj(_)) = (a, b) {
                if kind == BinOpKind::Mul {
                    return self.seq_binop(b, a, kind, false);
                }
            }
            return Ok(None);
        };
        match (self.heap.get(x), kind) {
            (Obj::Str(_), BinOpKind::Mod) => {
                return crate::builtins::str::percent_format(self, a, b).map(Some);
            }
            (Obj::Str(s), BinOpKind::Add) => {
                if let Value::Obj(y) = bv {
                    if let Obj::Str(t) = self.heap.get(y) {
                        let mut out = String::with_capacity(s.s.len() + t.s.len());
                        out.push_str(&s.s);
                        out.push_str(&t.s);
                        let chars = s.chars + t.chars;
                        return Ok(Some(self.alloc(Obj::Str(PyStr::with_chars(out, chars)))));
                    }
                }
            }
            (Obj::List(l), BinOpKind::Add) => {
                if inplace {
                    let items = self.collect_iterable(bv)?;
                    if let Obj::List(l) = self.heap.get_mut(x) {
                        l.extend(items);
                    }
                    return Ok(Some(a));
                }
                if let Value::Obj(y) = bv {
                    if let Obj::List(m) = self.heap.get(y) {
                        let mut v = l.clone();
                        v.extend_from_slice(m);
                        return Ok(Some(self.new_list(v)));
                    }
                }
            }
            (Obj::Tuple(t), BinOpKind::Add) => {
                if let Value::Obj(y) = bv {
                    if let Obj::Tuple(m) = self.heap.get(y) {
                        let mut v = t.to_vec();
                        v.extend_from_slice(m);
                        return Ok(Some(self.new_tuple(v)));
                    }
                }
            }
            (Obj::Bytes(p), BinOpKind::Add) => {
                if let Some(q) = self.bytes_of(bv) {
                    let mut v = p.to_vec();
                    v.extend_from_slice(&q);
                    return Ok(Some(self.alloc(Obj::Bytes(v.into_boxed_slice()))));
                }
            }
            (Obj::ByteArray(p), BinOpKind::Add) => {
                if let Some(q) = self.bytes_of(bv) {
                    let mut v = p.clone();
                    v.extend_from_slice(&q);
                    if inplace {
                        if let Obj::ByteArray(p) = self.heap.get_mut(x) {
                            *p = v;
                        }
                        return Ok(Some(a));
                    }
                    return Ok(Some(self.alloc(Obj::ByteArray(v))));
                }
            }
            (
                Obj::Str(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_),
                BinOpKind::Mul,
            ) => {
                let Some(n) = self.index_of(bv)? else {
                    if defers_mul(self, bv) {
                        return Ok(None);
                    }
                    return Err(repeat_error(self, bv));
                };
                let n = n.max(0) as usize;
                let Value::Obj(x) = a else { unreachable!() };
                let r = match self.heap.get(x) {
                    Obj::Str(s) => {
                        if s.s.len().saturating_mul(n) > (1 << 34) {
                            return Err(self.new_error(self.t.memory_error, ""));
                        }
                        let out = s.s.repeat(n);
                        self.new_str(out)
                    }
                    Obj::List(l) => {
                        if l.len().saturating_mul(n) > (1 << 32) {
                            return Err(self.new_error(self.t.memory_error, ""));
                        }
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend_from_slice(l);
                        }
                        if inplace {
                            if let Obj::List(l) = self.heap.get_mut(x) {
                                *l = v;
                            }
                            a
                        } else {
                            self.new_list(v)
                        }
                    }
                    Obj::Tuple(t) => {
                        let mut v = Vec::with_capacity(t.len() * n);
                        for _ in 0..n {
                            v.extend_from_slice(t);
                        }
                        self.new_tuple(v)
                    }
                    Obj::Bytes(b) => {
                        let v = b.repeat(n);
                        self.alloc(Obj::Bytes(v.into_boxed_slice()))
                    }
                    Obj::ByteArray(b) => {
                        let v = b.repeat(n);
                        self.alloc(Obj::ByteArray(v))
                    }
                    _ => unreachable!(),
                };
                return Ok(Some(r));
            }
            (Obj::Set(..), BinOpKind::Or | BinOpKind::And | BinOpKind::Sub | BinOpKind::Xor) => {
                return crate::builtins::dict::set_binop(self, a, b, kind, inplace);
            }
            (
                Obj::DictView(..),
                BinOpKind::Or | BinOpKind::And | BinOpKind::Sub | BinOpKind::Xor,
            ) => {
                return crate::builtins::dict::view_binop_left(self, a, b, kind);
            }
            (Obj::Dict(_), BinOpKind::Or) => {
                return crate::builtins::dict::dict_or(self, a, b, inplace);
            }
            _ => {}
        }
        Ok(None)
    }
}

// ---------------------------------------------------------------- list

fn install_list(vm: &mut Vm) {
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
fn mul_method(vm: &mut Vm, s: Value, n: Value, inplace: bool) -> PyResult<Value> {
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
fn defers_mul(vm: &mut Vm, n: Value) -> bool {
    if !matches!(n, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_) | Obj::Native2(_))) {
        return false;
    }
    let rk = vm.intern("__rmul__");
    let mk = vm.intern("__mul__");
    vm.lookup_special(n, rk).is_some_and(|f| !vm.is_native(f))
        || vm.lookup_special(n, mk).is_some_and(|f| !vm.is_native(f))
}

fn repeat_error(vm: &mut Vm, n: Value) -> Value {
    let tn = vm.type_name(n);
    vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'"))
}

/// `key=` and `reverse=` of sort / sorted.
fn sort_options(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(Option<Value>, bool)> {
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
fn reversed_seq(vm: &mut Vm, r: ObjRef) -> Value {
    let n = seq_len(vm, r);
    vm.alloc(Obj::Iter(Box::new(IterState::Reversed {
        seq: r,
        idx: n as isize - 1,
    })))
}

// ---------------------------------------------------------------- tuple

fn install_tuple(vm: &mut Vm) {
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

// ---------------------------------------------------------------- range

fn range_parts(vm: &Vm, r: ObjRef) -> (i64, i64, i64) {
    match vm.heap.get(r) {
        Obj::Range(a, b, s) => (*a, *b, *s),
        _ => (0, 0, 1),
    }
}

/// Index of the int `x` in range `r`, if it is a member.
fn range_pos(vm: &Vm, r: ObjRef, x: Value) -> Option<i64> {
    let (a, b, s) = range_parts(vm, r);
    let i = match x {
        Value::Int(i) => i,
        Value::Bool(v) => v as i64,
        _ => return None,
    };
    let inr = if s > 0 {
        i >= a && i < b
    } else {
        i <= a && i > b
    };
    let d = (i as i128) - (a as i128);
    if inr && d % (s as i128) == 0 {
        Some((d / s as i128) as i64)
    } else {
        None
    }
}

fn is_int_like(vm: &Vm, x: Value) -> bool {
    match x {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(r) => matches!(vm.heap.get(r), Obj::BigInt(_)),
        _ => false,
    }
}

/// Big ranges (instances, see below) take their own path.
macro_rules! big_first {
    ($vm:expr, $a:expr, $name:expr) => {
        if $a.pos.first().is_some_and(|&v| is_big_range($vm, v)) {
            if let Some(v) = big_range_method($vm, $name, &$a)? {
                return Ok(v);
            }
            return Err($vm.overflow_error("Python int too large to convert to C ssize_t"));
        }
    };
}

fn install_range(vm: &mut Vm) {
    let rc = vm.t.range;
    add_staticmethod(vm, rc, "__new__", range_new);
    add_method(vm, rc, "index", |vm, a| {
        big_first!(vm, a, "index");
        let r = self_obj(vm, &a, "range", "index", is_range)?;
        check(vm, "range.index", &rest(&a), 1, 1, &[])?;
        let x = a.pos[1];
        if is_int_like(vm, x) {
            if let Some(i) = range_pos(vm, r, x) {
                return Ok(Value::Int(i));
            }
        } else {
            let n = vm.len(Value::Obj(r))?;
            let (st, _, sp) = range_parts(vm, r);
            for i in 0..n {
                let item = Value::Int(st + sp * i as i64);
                if vm.eq(item, x)? {
                    return Ok(Value::Int(i as i64));
                }
            }
        }
        let s = vm.repr_string(x)?;
        Err(vm.value_error(format!("{s} is not in range")))
    });
    add_method(vm, rc, "count", |vm, a| {
        big_first!(vm, a, "count");
        let r = self_obj(vm, &a, "range", "count", is_range)?;
        check(vm, "range.count", &rest(&a), 1, 1, &[])?;
        let x = a.pos[1];
        if is_int_like(vm, x) {
            return Ok(Value::Int(range_pos(vm, r, x).is_some() as i64));
        }
        let n = vm.len(Value::Obj(r))?;
        let (st, _, sp) = range_parts(vm, r);
        let mut c = 0;
        for i in 0..n {
            if vm.eq(Value::Int(st + sp * i as i64), x)? {
                c += 1;
            }
        }
        Ok(Value::Int(c))
    });
    add_method(vm, rc, "__len__", |vm, a| {
        big_first!(vm, a, "__len__");
        let r = self_obj(vm, &a, "range", "__len__", is_range)?;
        vm.len(Value::Obj(r)).map(|n| Value::Int(n as i64))
    });
    add_method(vm, rc, "__contains__", |vm, a| {
        big_first!(vm, a, "__contains__");
        let r = self_obj(vm, &a, "range", "__contains__", is_range)?;
        check(vm, "range.__contains__", &rest(&a), 1, 1, &[])?;
        let x = a.pos[1];
        if is_int_like(vm, x) {
            return Ok(Value::Bool(range_pos(vm, r, x).is_some()));
        }
        let n = vm.len(Value::Obj(r))?;
        let (st, _, sp) = range_parts(vm, r);
        for i in 0..n {
            if vm.eq(Value::Int(st + sp * i as i64), x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    add_method(vm, rc, "__iter__", |vm, a| {
        big_first!(vm, a, "__iter__");
        let r = self_obj(vm, &a, "range", "__iter__", is_range)?;
        vm.iter(Value::Obj(r))
    });
    add_method(vm, rc, "__reversed__", |vm, a| {
        big_first!(vm, a, "__reversed__");
        let r = self_obj(vm, &a, "range", "__reversed__", is_range)?;
        Ok(reversed_range(vm, r))
    });
    add_method(vm, rc, "__getitem__", |vm, a| {
        big_first!(vm, a, "__getitem__");
        let r = self_obj(vm, &a, "range", "__getitem__", is_range)?;
        check(vm, "range.__getitem__", &rest(&a), 1, 1, &[])?;
        seq_getitem(vm, Value::Obj(r), a.pos[1])
    });
    add_method(vm, rc, "__hash__", |vm, a| {
        big_first!(vm, a, "__hash__");
        let r = self_obj(vm, &a, "range", "__hash__", is_range)?;
        vm.hash(Value::Obj(r)).map(Value::Int)
    });
    add_method(vm, rc, "__bool__", |vm, a| {
        big_first!(vm, a, "__bool__");
        let r = self_obj(vm, &a, "range", "__bool__", is_range)?;
        vm.truthy(Value::Obj(r)).map(Value::Bool)
    });
    add_method(vm, rc, "__repr__", |vm, a| {
        big_first!(vm, a, "__repr__");
        let r = self_obj(vm, &a, "range", "__repr__", is_range)?;
        vm.repr(Value::Obj(r))
    });
    add_compare_methods(vm, rc, cmp_methods!(is_range));
    add_method(vm, rc, "__eq__", |vm, a| range_eq(vm, a, "__eq__"));
    add_method(vm, rc, "__ne__", |vm, a| range_eq(vm, a, "__ne__"));
}

fn range_eq(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    check(vm, "comparison", &a, 2, 2, &[])?;
    if is_big_range(vm, a.pos[0]) || is_big_range(vm, a.pos[1]) {
        if range_big(vm, a.pos[0]).is_some() {
            if let Some(v) = big_range_method(vm, name, &a)? {
                return Ok(v);
            }
        }
        return Ok(vm.not_implemented);
    }
    let kind = if name == "__eq__" {
        CmpKind::Eq
    } else {
        CmpKind::Ne
    };
    cmp_method(vm, a, is_range, kind)
}

fn reversed_range(vm: &mut Vm, r: ObjRef) -> Value {
    let (a, b, s) = range_parts(vm, r);
    let n = crate::vm::proto::range_len(a, b, s);
    let st = if n <= 0 {
        IterState::Range {
            cur: 0,
            stop: 0,
            step: 1,
        }
    } else {
        let last = a as i128 + (n as i128 - 1) * s as i128;
        let stop = a as i128 - s as i128;
        match (i64::try_from(last), i64::try_from(stop), s.checked_neg()) {
            (Ok(cur), Ok(stop), Some(step)) => IterState::Range { cur, stop, step },
            _ => {
                let vals: Vec<Value> = (0..n.min(1 << 20))
                    .map(|i| Value::Int((last - i as i128 * s as i128) as i64))
                    .collect();
                IterState::Values { vals, idx: 0 }
            }
        }
    };
    vm.alloc(Obj::Iter(Box::new(st)))
}

// ---------------------------------------------------------------- slice

fn install_slice(vm: &mut Vm) {
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

// ---------------------------------------------------------------- builtins

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

// ---------------------------------------------------------------- big ranges

// `Obj::Range` holds i64 bounds. A range whose bounds do not fit is an
// instance of `range` with `start`/`stop`/`step` ints in its dict; the
// methods below give it CPython's behaviour (len, membership, indexing,
// iteration through a native mapped over the index range).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// (start, stop, step) of any range value, as big ints.
fn range_big(vm: &mut Vm, v: Value) -> Option<(BigInt, BigInt, BigInt)> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(r) {
        Obj::Range(a, b, s) => Some(((*a).into(), (*b).into(), (*s).into())),
        Obj::Instance(i) if i.class == vm.t.range => {
            let d = i.dict?;
            let mut out = Vec::with_capacity(3);
            for n in ["start", "stop", "step"] {
                let k = vm.intern(n);
                let x = vm.dict_get_str(d, k)?;
                out.push(vm.as_bigint(x)?);
            }
            let s = out.pop()?;
            let b = out.pop()?;
            let a = out.pop()?;
            Some((a, b, s))
        }
        _ => None,
    }
}

fn is_big_range(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(i) if i.class == vm.t.range))
}

fn big_len(a: &BigInt, b: &BigInt, s: &BigInt) -> BigInt {
    let zero = BigInt::zero();
    if s.is_positive() {
        if b > a {
            (b - a - 1u32).div_floor(s) + 1u32
        } else {
            zero
        }
    } else if a > b {
        (a - b - 1u32).div_floor(&-s) + 1u32
    } else {
        zero
    }
}

/// A big int argument (int or __index__).
fn big_index_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Value::Obj(r) = v {
        if matches!(vm.heap.get(r), Obj::BigInt(_)) {
            return Ok(vm.as_bigint(v).unwrap_or_default());
        }
        if matches!(vm.heap.get(r), Obj::Instance(_)) {
            let ik = vm.n.index;
            if let Some(f) = vm.lookup_special(v, ik) {
                let x = vm.call_bound(f, v, &[])?;
                if let Some(b) = vm.as_bigint(x) {
                    if !matches!(x, Value::Float(_)) {
                        return Ok(b);
                    }
                }
            }
        }
    }
    Ok(BigInt::from(index_arg(vm, v)?))
}

fn new_big_range(vm: &mut Vm, a: BigInt, b: BigInt, s: BigInt) -> PyResult<Value> {
    if let (Some(x), Some(y), Some(z)) = (a.to_i64(), b.to_i64(), s.to_i64()) {
        return Ok(vm.alloc(Obj::Range(x, y, z)));
    }
    let rc = vm.t.range;
    let inst = vm.new_instance(rc);
    vm.temp_roots.push(inst);
    let d = vm.new_dict();
    vm.temp_roots.push(d);
    for (n, x) in [("start", a), ("stop", b), ("step", s)] {
        let k = vm.intern(n);
        let v = vm.new_bigint(x);
        vm.dict_set(d, k, v)?;
    }
    if let (Value::Obj(ir), Value::Obj(dr)) = (inst, d) {
        if let Obj::Instance(i) = vm.heap.get_mut(ir) {
            i.dict = Some(dr);
        }
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    Ok(inst)
}

fn range_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = rest(&a);
    if !a.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    check(vm, "range", &a, 1, 3, &[])?;
    let mut v = Vec::with_capacity(3);
    for &x in a.pos {
        v.push(big_index_arg(vm, x)?);
    }
    let (start, stop, step) = match v.len() {
        1 => (BigInt::zero(), v[0].clone(), BigInt::from(1)),
        2 => (v[0].clone(), v[1].clone(), BigInt::from(1)),
        _ => (v[0].clone(), v[1].clone(), v[2].clone()),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    new_big_range(vm, start, stop, step)
}

/// Index of the int `x` in a range given by big bounds.
fn big_pos(a: &BigInt, b: &BigInt, s: &BigInt, x: &BigInt) -> Option<BigInt> {
    let inr = if s.is_positive() {
        x >= a && x < b
    } else {
        x <= a && x > b
    };
    if !inr {
        return None;
    }
    let (q, r) = (x - a).div_rem(s);
    r.is_zero().then_some(q)
}

/// Methods of a big range (`self` is the instance); None when the method
/// has no big-range form here.
fn big_range_method(vm: &mut Vm, name: &str, a: &Args) -> PyResult<Option<Value>> {
    let me = a.pos[0];
    let Some((st, sp_stop, step)) = range_big(vm, me) else {
        return Ok(None);
    };
    let len = big_len(&st, &sp_stop, &step);
    let arg = a.pos.get(1).copied();
    let member = |vm: &mut Vm, x: Value| -> Option<BigInt> {
        let xb = match x {
            Value::Int(_) | Value::Bool(_) => vm.as_bigint(x),
            Value::Obj(r) if matches!(vm.heap.get(r), Obj::BigInt(_)) => vm.as_bigint(x),
            _ => None,
        }?;
        big_pos(&st, &sp_stop, &step, &xb)
    };
    let v = match name {
        "__len__" => match len.to_i64() {
            Some(n) => Value::Int(n),
            None => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        "__bool__" => Value::Bool(!len.is_zero()),
        "__contains__" => {
            let Some(x) = arg else { return Ok(None) };
            Value::Bool(member(vm, x).is_some())
        }
        "index" | "count" => {
            let Some(x) = arg else { return Ok(None) };
            match member(vm, x) {
                Some(i) if name == "index" => vm.new_bigint(i),
                Some(_) => Value::Int(1),
                None if name == "count" => Value::Int(0),
                None => {
                    let s = vm.repr_string(x)?;
                    return Err(vm.value_error(format!("{s} is not in range")));
                }
            }
        }
        "__getitem__" => {
            let Some(k) = arg else { return Ok(None) };
            if vm.index_of(k)?.is_none() {
                let kn = vm.type_name(k);
                return Err(vm.type_error(format!(
                    "range indices must be integers or slices, not {kn}"
                )));
            }
            let mut i = big_index_arg(vm, k)?;
            if i.is_negative() {
                i += &len;
            }
            if i.is_negative() || i >= len {
                return Err(vm.index_error("range object index out of range"));
            }
            vm.new_bigint(st + i * step)
        }
        "__repr__" => {
            let s = if step == BigInt::from(1) {
                format!("range({st}, {sp_stop})")
            } else {
                format!("range({st}, {sp_stop}, {step})")
            };
            vm.new_str(s)
        }
        "__iter__" | "__reversed__" => {
            let n = len.to_i64().unwrap_or(i64::MAX);
            let idx = if name == "__iter__" {
                IterState::Range {
                    cur: 0,
                    stop: n,
                    step: 1,
                }
            } else {
                IterState::Range {
                    cur: n - 1,
                    stop: -1,
                    step: -1,
                }
            };
            let it = vm.alloc(Obj::Iter(Box::new(idx)));
            vm.temp_roots.push(it);
            let f = vm.alloc(Obj::Native(Box::new(NativeFn {
                name: "range_item",
                qualname: "range_item".into(),
                func: |vm, a| {
                    let me = a.pos[0];
                    let i = a
                        .pos
                        .get(1)
                        .and_then(|&i| vm.as_bigint(i))
                        .unwrap_or_default();
                    match range_big(vm, me) {
                        Some((st, _, step)) => Ok(vm.new_bigint(st + i * step)),
                        None => Ok(Value::None),
                    }
                },
                kind: NativeKind::Plain,
                bound: Some(me),
                sig: Sig::UNCHECKED,
            })));
            vm.temp_roots.pop();
            vm.alloc(Obj::Iter(Box::new(IterState::Map { f, its: vec![it] })))
        }
        "__eq__" | "__ne__" => {
            let Some(o) = arg else { return Ok(None) };
            let Some((a2, b2, s2)) = range_big(vm, o) else {
                return Ok(Some(vm.not_implemented));
            };
            let l2 = big_len(&a2, &b2, &s2);
            let one = BigInt::from(1);
            let same = len == l2 && (len.is_zero() || (st == a2 && (len == one || step == s2)));
            Value::Bool(same == (name == "__eq__"))
        }
        "__hash__" => {
            let t = vm.new_bigint(len);
            vm.temp_roots.push(t);
            let s = vm.new_bigint(st);
            vm.temp_roots.push(s);
            let p = vm.new_bigint(step);
            vm.temp_roots.push(p);
            let tup = vm.new_tuple(vec![t, s, p]);
            vm.temp_roots.truncate(vm.temp_roots.len() - 3);
            Value::Int(vm.hash(tup)?)
        }
        _ => return Ok(None),
    };
    Ok(Some(v))
}
