//! The range type: its methods, and ranges whose bounds do not fit an i64.

use crate::builtins::{add_method, add_staticmethod, check};
use crate::bytecode::op::CmpKind;
use crate::object::*;
use crate::vm::Vm;

use super::seq::*;
use crate::vm::items::seq_getitem;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

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

pub(crate) fn install_range(vm: &mut Vm) {
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

pub(crate) fn reversed_range(vm: &mut Vm, r: ObjRef) -> Value {
    let (a, b, s) = range_parts(vm, r);
    let n = crate::vm::iterate::range_len(a, b, s);
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

// ---------------------------------------------------------------- big ranges

// `Obj::Range` holds i64 bounds. A range whose bounds do not fit is an
// instance of `range` with `start`/`stop`/`step` ints in its dict; the
// methods below give it CPython's behaviour (len, membership, indexing,
// iteration through a native mapped over the index range).

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
            let f = vm.alloc(Obj::BuiltinFn(Box::new(NativeFn {
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
