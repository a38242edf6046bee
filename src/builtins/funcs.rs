//! Built-in functions over numbers and iterables: abs, min, max, sum, any,
//! all, round, divmod, pow, hex, oct, bin, aiter, anext.

use num_bigint::BigInt;

use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::vm::num::Num;
use crate::vm::Vm;

use super::complex::{complex_abs, complex_of};
use super::float::{float_divmod_values, round_float_value};
use super::int::{int_divmod_values, pow3, round_int};
use super::num::index_bigint;
use super::{add_fn, check};

pub fn install(vm: &mut Vm) {
    add_fn(vm, "abs(x, /)", |vm, a| {
        check(vm, "abs", &a, 1, 1, &[])?;
        abs_value(vm, a.pos[0])
    });
    add_fn(vm, "min(*args, key=None, default=None)", |vm, a| {
        min_max(vm, a, false)
    });
    add_fn(vm, "max(*args, key=None, default=None)", |vm, a| {
        min_max(vm, a, true)
    });
    add_fn(vm, "sum(iterable, /, start=0)", sum);
    add_fn(vm, "any(iterable, /)", |vm, a| {
        check(vm, "any", &a, 1, 1, &[])?;
        any_all(vm, a.pos[0], true)
    });
    add_fn(vm, "all(iterable, /)", |vm, a| {
        check(vm, "all", &a, 1, 1, &[])?;
        any_all(vm, a.pos[0], false)
    });
    add_fn(vm, "round(number, ndigits=None)", round);
    add_fn(vm, "divmod(x, y, /)", |vm, a| {
        check(vm, "divmod", &a, 2, 2, &[])?;
        divmod(vm, a.pos[0], a.pos[1])
    });
    add_fn(vm, "pow(base, exp, mod=None)", pow);
    add_fn(vm, "hex(number, /)", |vm, a| radix(vm, a, "hex", 16));
    add_fn(vm, "oct(number, /)", |vm, a| radix(vm, a, "oct", 8));
    add_fn(vm, "bin(number, /)", |vm, a| radix(vm, a, "bin", 2));
    // types.MethodType(function, instance)
    let mc = vm.t.method;
    super::add_staticmethod(vm, mc, "__new__(cls, function, instance, /)", |vm, a| {
        let (func, recv) = (a.pos[1], a.pos[2]);
        if !super::core::callable(vm, func) {
            return Err(vm.type_error("first argument must be callable"));
        }
        if recv.is_none() {
            return Err(vm.type_error("instance must not be None"));
        }
        Ok(vm.alloc(Obj::BoundMethod { recv, func }))
    });
    add_fn(vm, "aiter(async_iterable, /)", |vm, a| {
        check(vm, "aiter", &a, 1, 1, &[])?;
        let v = a.pos[0];
        let k = vm.n.aiter;
        match vm.lookup_special(v, k) {
            Some(f) => vm.call_bound(f, v, &[]),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("'{tn}' object is not an async iterable")))
            }
        }
    });
    add_fn(vm, "anext(aiterator, default=None, /)", |vm, a| {
        check(vm, "anext", &a, 1, 2, &[])?;
        let v = a.pos[0];
        let k = vm.n.anext;
        match vm.lookup_special(v, k) {
            Some(f) => {
                let aw = vm.call_bound(f, v, &[])?;
                match a.pos.get(1) {
                    // With a default, StopAsyncIteration becomes the default:
                    // that needs an await, so it is written in weft.
                    Some(&d) => {
                        let name = vm.intern("_weft_builtins");
                        let m = vm.import_name(name, Value::None, Value::Int(0))?;
                        let hk = vm.intern("_anext_default");
                        let h = vm.getattr(m, hk)?;
                        vm.call(h, &[aw, d])
                    }
                    None => Ok(aw),
                }
            }
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("'{tn}' object is not an async iterator")))
            }
        }
    });
}

/// abs(x)
pub fn abs_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => {
            return Ok(match i.checked_abs() {
                Some(r) => Value::Int(r),
                None => vm.new_bigint(BigInt::from(i).magnitude().clone().into()),
            })
        }
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Float(f) => return Ok(Value::Float(f.abs())),
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BigInt(b) => {
                let m: BigInt = b.magnitude().clone().into();
                return Ok(vm.new_bigint(m));
            }
            Obj::Complex(re, im) => {
                let (re, im) = (*re, *im);
                return complex_abs(vm, re, im).map(Value::Float);
            }
            _ => {}
        },
        _ => {}
    }
    let k = vm.n.abs;
    match vm.lookup_special(v, k) {
        Some(f) => vm.call_bound(f, v, &[]),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

/// min()/max(): an iterable or several arguments, key=, default=.
fn min_max(vm: &mut Vm, a: Args, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if ks != "key" && ks != "default" {
            return Err(vm.type_error(format!(
                "{name}() got an unexpected keyword argument '{ks}'"
            )));
        }
    }
    if a.pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let key = a.kw(vm, "key").filter(|k| !k.is_none());
    let default = a.kw(vm, "default");
    if a.pos.len() > 1 && default.is_some() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let base = vm.temp_roots.len();
    let res = min_max_inner(vm, &a, key, default, is_max, name);
    vm.temp_roots.truncate(base);
    res
}

fn min_max_inner(
    vm: &mut Vm,
    a: &Args,
    key: Option<Value>,
    default: Option<Value>,
    is_max: bool,
    name: &str,
) -> PyResult<Value> {
    let it = if a.pos.len() == 1 {
        vm.iter(a.pos[0])?
    } else {
        let t = vm.new_tuple(a.pos.to_vec());
        vm.temp_roots.push(t);
        vm.iter(t)?
    };
    vm.temp_roots.push(it);
    let slot = vm.temp_roots.len();
    vm.temp_roots.push(Value::None);
    vm.temp_roots.push(Value::None);
    let mut best: Option<(Value, Value)> = None;
    let op = if is_max { CmpKind::Gt } else { CmpKind::Lt };
    while let Some(item) = vm.next(it)? {
        vm.temp_roots.push(item);
        let k = match key {
            Some(f) => vm.call(f, &[item])?,
            None => item,
        };
        vm.temp_roots.pop();
        match best {
            None => best = Some((item, k)),
            Some((_, bk)) => {
                vm.temp_roots.push(item);
                vm.temp_roots.push(k);
                let c = vm.rich_compare(k, bk, op)?;
                let better = vm.truthy(c)?;
                vm.temp_roots.truncate(slot + 2);
                if better {
                    best = Some((item, k));
                }
            }
        }
        if let Some((bi, bk)) = best {
            vm.temp_roots[slot] = bi;
            vm.temp_roots[slot + 1] = bk;
        }
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

/// sum(iterable, /, start=0)
fn sum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, "sum", &a, 1, 2, &["start"])?;
    let start = a.get(vm, 1, "start").unwrap_or(Value::Int(0));
    if let Value::Obj(r) = start {
        let msg = match vm.heap.get(r) {
            Obj::Str(_) => Some("sum() can't sum strings [use ''.join(seq) instead]"),
            Obj::Bytes(_) => Some("sum() can't sum bytes [use b''.join(seq) instead]"),
            Obj::ByteArray(_) => Some("sum() can't sum bytearray [use b''.join(seq) instead]"),
            _ => None,
        };
        if let Some(m) = msg {
            return Err(vm.type_error(m));
        }
    }
    let base = vm.temp_roots.len();
    let res = (|| -> PyResult<Value> {
        let it = vm.iter(a.pos[0])?;
        vm.temp_roots.push(it);
        let slot = vm.temp_roots.len();
        vm.temp_roots.push(start);
        let mut acc = start;
        while let Some(item) = vm.next(it)? {
            vm.temp_roots.push(item);
            acc = vm.binary_op(acc, item, BinOpKind::Add, false)?;
            vm.temp_roots.truncate(slot);
            vm.temp_roots.push(acc);
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    res
}

fn any_all(vm: &mut Vm, v: Value, is_any: bool) -> PyResult<Value> {
    let base = vm.temp_roots.len();
    let res = (|| -> PyResult<Value> {
        let it = vm.iter(v)?;
        vm.temp_roots.push(it);
        while let Some(item) = vm.next(it)? {
            vm.temp_roots.push(item);
            let t = vm.truthy(item)?;
            vm.temp_roots.pop();
            if t == is_any {
                return Ok(Value::Bool(is_any));
            }
        }
        Ok(Value::Bool(!is_any))
    })();
    vm.temp_roots.truncate(base);
    res
}

/// round(number, ndigits=None)
fn round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, "round", &a, 1, 2, &["number", "ndigits"])?;
    let Some(x) = a.get(vm, 0, "number") else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = a.get(vm, 1, "ndigits");
    match x {
        Value::Float(f) => return round_float_value(vm, f, nd.unwrap_or(Value::None)),
        Value::Int(_) | Value::Bool(_) => {
            let b = vm.as_bigint(x).unwrap_or_default();
            return round_int(vm, b, nd.unwrap_or(Value::None));
        }
        _ => {}
    }
    let k = vm.n.round;
    match vm.lookup_special(x, k) {
        Some(f) => match nd {
            Some(n) if !n.is_none() => vm.call_bound(f, x, &[n]),
            _ => vm.call_bound(f, x, &[]),
        },
        None => {
            let tn = vm.type_name(x);
            Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
        }
    }
}

/// divmod(a, b)
pub fn divmod(vm: &mut Vm, x: Value, y: Value) -> PyResult<Value> {
    let plain_num = |vm: &Vm, v: Value| -> Option<Num> {
        match v {
            Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)) => None,
            _ => vm.num(v),
        }
    };
    if let (Some(p), Some(q)) = (plain_num(vm, x), plain_num(vm, y)) {
        match (p, q) {
            (Num::Float(_), _) | (_, Num::Float(_)) => {
                let f = super::num::to_f64(vm, x)?;
                let g = super::num::to_f64(vm, y)?;
                return float_divmod_values(vm, f, g);
            }
            _ => {
                let bx = vm.as_bigint(x).unwrap_or_default();
                let by = vm.as_bigint(y).unwrap_or_default();
                return int_divmod_values(vm, bx, by);
            }
        }
    }
    let ni = vm.not_implemented;
    let fk = vm.intern("__divmod__");
    let rk = vm.intern("__rdivmod__");
    let tx = vm.type_of(x);
    let ty = vm.type_of(y);
    let fx = vm.lookup_special(x, fk);
    let ry = if tx != ty {
        vm.lookup_special(y, rk)
    } else {
        None
    };
    let mut order: Vec<(Value, Value, Value)> = Vec::new();
    if let Some(r) = ry {
        if vm.is_subclass(ty, tx) {
            order.push((r, y, x));
        }
    }
    if let Some(f) = fx {
        order.push((f, x, y));
    }
    if let Some(r) = ry {
        if !vm.is_subclass(ty, tx) {
            order.push((r, y, x));
        }
    }
    for (f, s, o) in order {
        let r = vm.call_bound(f, s, &[o])?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    let (a, b) = (vm.type_name(x), vm.type_name(y));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{a}' and '{b}'"
    )))
}

/// pow(base, exp, mod=None)
fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, "pow", &a, 0, 3, &["base", "exp", "mod"])?;
    let Some(b) = a.get(vm, 0, "base") else {
        return Err(vm.type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(e) = a.get(vm, 1, "exp") else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    let m = a.get(vm, 2, "mod").unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(b, e, BinOpKind::Pow, false);
    }
    if vm.as_bigint(b).is_some() && vm.as_bigint(e).is_some() && vm.as_bigint(m).is_some() {
        return pow3(vm, b, e, m);
    }
    // Objects with a three-argument __pow__.
    let pk = vm.intern("__pow__");
    if let Value::Obj(r) = b {
        if matches!(vm.heap.get(r), Obj::Instance(_)) {
            if let Some(f) = vm.lookup_special(b, pk) {
                let r = vm.call_bound(f, b, &[e, m])?;
                if !r.is(vm.not_implemented) {
                    return Ok(r);
                }
            }
        }
    }
    if complex_of(vm, b).is_some() || complex_of(vm, e).is_some() {
        return Err(vm.value_error("complex modulo"));
    }
    if vm.num(b).is_some() && vm.num(e).is_some() && vm.num(m).is_some() {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (x, y, z) = (vm.type_name(b), vm.type_name(e), vm.type_name(m));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{x}', '{y}', '{z}'"
    )))
}

/// hex()/oct()/bin()
fn radix(vm: &mut Vm, a: Args, name: &str, r: u32) -> PyResult<Value> {
    check(vm, name, &a, 1, 1, &[])?;
    let v = a.pos[0];
    match index_bigint(vm, v)? {
        Some(b) => Ok(vm.new_str(crate::text::int::int_to_str_radix(&b, r))),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}
