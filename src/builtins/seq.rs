//! Sequences: helpers shared by the list, tuple, range and slice types,
//! and the sequence operators (concatenation, repetition, container algebra).

use crate::builtins::{add_method, check};
use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::vm::Vm;

use super::list::{defers_mul, repeat_error};

pub(crate) fn install(vm: &mut Vm) {
    super::list::install_list(vm);
    super::tuple::install_tuple(vm);
    super::range::install_range(vm);
    super::slice::install_slice(vm);
    super::iterators::install(vm);
}

// ---------------------------------------------------------------- helpers

/// The built-in value behind `v`: `v` itself, or the built-in base value of
/// an instance of a user subclass (`class L(list)`).
pub(crate) fn base_of(vm: &Vm, v: Value) -> Value {
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
pub(crate) fn new_for_class(vm: &mut Vm, cls: Value, builtin: ObjRef, val: Value) -> Value {
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
pub(crate) fn self_obj(
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

pub(crate) fn is_list(o: &Obj) -> bool {
    matches!(o, Obj::List(_))
}
pub(crate) fn is_tuple(o: &Obj) -> bool {
    matches!(o, Obj::Tuple(_))
}
pub(crate) fn is_range(o: &Obj) -> bool {
    matches!(o, Obj::Range(..))
}
pub(crate) fn is_slice(o: &Obj) -> bool {
    matches!(o, Obj::Slice(_))
}

/// The arguments after `self`.
pub(crate) fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args {
        pos: a.pos.get(1..).unwrap_or(&[]),
        kw: a.kw,
    }
}

pub(crate) fn list_items(vm: &Vm, r: ObjRef) -> &Vec<Value> {
    static EMPTY: Vec<Value> = Vec::new();
    match vm.heap.get(r) {
        Obj::List(l) => l,
        _ => &EMPTY,
    }
}

pub(crate) fn list_mut(vm: &mut Vm, r: ObjRef) -> Option<&mut Vec<Value>> {
    match vm.heap.get_mut(r) {
        Obj::List(l) => Some(l),
        _ => None,
    }
}

/// Item `i` of a list or tuple (re-read on every step: user code run by a
/// comparison may change a list).
pub(crate) fn seq_item(vm: &Vm, r: ObjRef, i: usize) -> Option<Value> {
    match vm.heap.get(r) {
        Obj::List(l) => l.get(i).copied(),
        Obj::Tuple(t) => t.get(i).copied(),
        _ => None,
    }
}

pub(crate) fn seq_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Obj::List(l) => l.len(),
        Obj::Tuple(t) => t.len(),
        _ => 0,
    }
}

/// An index argument for methods (int or __index__), with CPython's text.
pub(crate) fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// start/stop arguments of `index()` clamped like CPython's slice indices.
pub(crate) fn index_bounds(
    vm: &mut Vm,
    a: &Args,
    first: usize,
    len: usize,
) -> PyResult<(usize, usize)> {
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
pub(crate) fn seq_find(
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

pub(crate) fn seq_count(vm: &mut Vm, r: ObjRef, x: Value) -> PyResult<i64> {
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
pub(crate) fn other_of(vm: &Vm, v: Value, pred: fn(&Obj) -> bool) -> Option<Value> {
    match base_of(vm, v) {
        Value::Obj(r) if pred(vm.heap.get(r)) => Some(Value::Obj(r)),
        _ => None,
    }
}

/// Rich comparison methods (`__eq__`, `__lt__`...) for a built-in class.
pub(crate) fn add_compare_methods(vm: &mut Vm, cls: ObjRef, names: [NativeFnPtr; 6]) {
    let dunders = [
        "__lt__(value, /)",
        "__le__(value, /)",
        "__eq__(value, /)",
        "__ne__(value, /)",
        "__gt__(value, /)",
        "__ge__(value, /)",
    ];
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
pub(crate) use cmp_methods;

pub(crate) fn cmp_method(
    vm: &mut Vm,
    a: Args,
    pred: fn(&Obj) -> bool,
    kind: CmpKind,
) -> PyResult<Value> {
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
                let Some(n) = self.repeat_count(bv)? else {
                    if defers_mul(self, bv) {
                        return Ok(None);
                    }
                    return Err(repeat_error(self, bv));
                };
                let Value::Obj(x) = a else { unreachable!() };
                // Copies of the operand's items (the heap is borrowed while
                // they are read; the repeat then reserves with try_reserve).
                enum Src {
                    Str(String),
                    Vals(Vec<Value>, u8),
                    Bytes(Vec<u8>, bool),
                }
                let src = match self.heap.get(x) {
                    Obj::Str(s) => Src::Str(s.s.to_string()),
                    Obj::List(l) => Src::Vals(l.clone(), 0),
                    Obj::Tuple(t) => Src::Vals(t.to_vec(), 1),
                    Obj::Bytes(b) => Src::Bytes(b.to_vec(), false),
                    Obj::ByteArray(b) => Src::Bytes(b.clone(), true),
                    _ => unreachable!(),
                };
                let r = match src {
                    Src::Str(s) => {
                        let out = self.try_repeat_str(&s, n)?;
                        self.new_str(out)
                    }
                    Src::Vals(items, 0) => {
                        let v = self.try_repeat(&items, n)?;
                        if inplace {
                            if let Obj::List(l) = self.heap.get_mut(x) {
                                *l = v;
                            }
                            a
                        } else {
                            self.new_list(v)
                        }
                    }
                    Src::Vals(items, _) => {
                        let v = self.try_repeat(&items, n)?;
                        self.new_tuple(v)
                    }
                    Src::Bytes(b, false) => {
                        if b.len()
                            .checked_mul(n)
                            .is_none_or(|c| c > isize::MAX as usize)
                        {
                            let e = self.t.overflow_error;
                            return Err(self.new_error(e, "repeated bytes are too long"));
                        }
                        let v = self.try_repeat(&b, n)?;
                        self.alloc(Obj::Bytes(v.into_boxed_slice()))
                    }
                    Src::Bytes(b, true) => {
                        let v = self.try_repeat(&b, n)?;
                        if inplace {
                            if let Obj::ByteArray(p) = self.heap.get_mut(x) {
                                *p = v;
                            }
                            a
                        } else {
                            self.alloc(Obj::ByteArray(v))
                        }
                    }
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
