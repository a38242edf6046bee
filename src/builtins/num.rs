//! Numbers: helpers shared by the int, bool, float and complex types (also
//! used by funcs.rs and the math module).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::object::*;
use crate::vm::num::{bigint_to_f64, Num};
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    super::int::install_int(vm);
    super::bool::install_bool(vm);
    super::float::install_float(vm);
    super::complex::install_complex(vm);
}

// ---------------------------------------------------------------------------
// Shared helpers (also used by funcs.rs and the math module).

/// The int inside `v` if it is an int (bool, bigint, int subclass), else None.
pub fn int_of(vm: &Vm, v: Value) -> Option<BigInt> {
    vm.as_bigint(v)
}

/// An int result: demoted to the i64 fast path when it fits.
pub(crate) fn int_val(vm: &mut Vm, b: BigInt) -> Value {
    vm.new_bigint(b)
}

/// An int's value as a float; OverflowError "int too large to convert to float".
pub fn big_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    bigint_to_f64(b).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
}

/// `operator.index(v)` as a BigInt: ints, or objects with `__index__`
/// (None when the object has no `__index__`).
pub fn index_bigint(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    match v {
        Value::Int(i) => return Ok(Some(BigInt::from(i))),
        Value::Bool(b) => return Ok(Some(BigInt::from(b as i64))),
        Value::Float(_) | Value::None | Value::Undefined => return Ok(None),
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BigInt(b) => return Ok(Some((**b).clone())),
            Obj::Instance(_) => {}
            _ => return Ok(None),
        },
    }
    let ik = vm.n.index;
    let Some(f) = vm.lookup_special(v, ik) else {
        return Ok(None);
    };
    let r = vm.call_bound(f, v, &[])?;
    match vm.as_bigint(r) {
        Some(b) => Ok(Some(b)),
        None => {
            let tn = vm.type_name(r);
            Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
        }
    }
}

/// Like `index_bigint` but TypeError "'X' object cannot be interpreted as an integer".
pub fn index_required(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match index_bigint(vm, v)? {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// CPython's `PyFloat_AsDouble`: float, int, `__float__`, `__index__`;
/// TypeError "must be real number, not X" otherwise.
pub fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(f),
        Value::Int(i) => return Ok(i as f64),
        Value::Bool(b) => return Ok(b as i64 as f64),
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BigInt(b) => {
                let b = (**b).clone();
                return big_to_f64(vm, &b);
            }
            Obj::Instance(_) => {
                if let Some(f) = float_dunder(vm, v)? {
                    return Ok(f);
                }
                if let Some(b) = index_bigint(vm, v)? {
                    return big_to_f64(vm, &b);
                }
            }
            _ => {}
        },
        _ => {}
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

/// Call `v.__float__()` if the type has it; the result must be a float.
pub(crate) fn float_dunder(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    let fk = vm.n.float_;
    let Some(f) = vm.lookup_special(v, fk) else {
        return Ok(None);
    };
    let r = vm.call_bound(f, v, &[])?;
    match vm.num(r) {
        Some(Num::Float(x)) => Ok(Some(x)),
        _ => {
            let cn = vm.type_name(v);
            let tn = vm.type_name(r);
            Err(vm.type_error(format!("{cn}.__float__ returned non-float (type {tn})")))
        }
    }
}

/// A float truncated to an int, with CPython's errors for inf and nan.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    let b = BigInt::from_f64(t).unwrap_or_default();
    Ok(vm.new_bigint(b))
}

/// m * 2**e correctly rounded to a float (half-even); None on overflow.
pub fn bigint_ldexp(m: &BigInt, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let neg = m.is_negative();
    let mag = m.magnitude().clone();
    let nbits = mag.bits() as i64;
    let shift = (nbits - 53).max(-1074 - e);
    let (q, exp) = if shift > 0 {
        let q = &mag >> (shift as usize);
        let rem = &mag - (&q << (shift as usize));
        let half = num_bigint::BigUint::one() << ((shift - 1) as usize);
        let q = if rem > half || (rem == half && q.is_odd()) {
            q + 1u32
        } else {
            q
        };
        (q, e + shift)
    } else {
        (mag, e)
    };
    let qf = q.to_f64()?;
    let r = scale2(qf, exp);
    if r.is_infinite() {
        return None;
    }
    Some(if neg { -r } else { r })
}

/// x * 2**e by steps that stay exact when the result's lowest bit is representable.
pub(crate) fn scale2(mut x: f64, mut e: i64) -> f64 {
    let p1000 = f64::from_bits(((1000 + 1023) as u64) << 52);
    let m1000 = f64::from_bits(((-1000i64 + 1023) as u64) << 52);
    while e > 1000 {
        x *= p1000;
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= m1000;
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * f64::from_bits(((e + 1023) as u64) << 52)
}

pub(crate) fn descr_error(vm: &mut Vm, name: &str, cls: &str, got: Option<Value>) -> Value {
    match got {
        Some(v) => {
            let tn = vm.type_name(v);
            vm.type_error(format!(
                "descriptor '{name}' requires a '{cls}' object but received a '{tn}'"
            ))
        }
        None => vm.type_error(format!(
            "descriptor '{name}' of '{cls}' object needs an argument"
        )),
    }
}

pub(crate) fn self_int(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    match a.pos.first().and_then(|&v| vm.num_of(v)) {
        Some(Num::Int(i)) => Ok(BigInt::from(i)),
        Some(Num::Big(b)) => Ok(b),
        _ => Err(descr_error(vm, name, "int", a.pos.first().copied())),
    }
}

pub(crate) fn self_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    match a.pos.first().and_then(|&v| vm.num_of(v)) {
        Some(Num::Float(f)) => Ok(f),
        _ => Err(descr_error(vm, name, "float", a.pos.first().copied())),
    }
}

/// The plain built-in value of `v` (unwrapping a subclass instance).
pub(crate) fn plain(vm: &Vm, v: Value) -> Value {
    if let Value::Obj(r) = v {
        if let Obj::Instance(i) = vm.heap.get(r) {
            if !i.base.is_undefined() && !i.base.is_none() {
                return i.base;
            }
        }
    }
    v
}

/// For `cls.__new__`: the built-in value itself, or an instance of the
/// subclass `cls` wrapping it.
pub(crate) fn wrap_for(vm: &mut Vm, cls: ObjRef, builtin: ObjRef, v: Value) -> Value {
    if cls == builtin {
        return v;
    }
    let inst = vm.new_instance(cls);
    if let Value::Obj(r) = inst {
        if let Obj::Instance(i) = vm.heap.get_mut(r) {
            i.base = v;
        }
    }
    inst
}

pub(crate) fn new_cls(vm: &mut Vm, a: &Args, builtin: ObjRef, name: &str) -> PyResult<ObjRef> {
    match a.pos.first() {
        Some(&Value::Obj(c)) if matches!(vm.heap.get(c), Obj::Class(_)) => {
            if vm.is_subclass(c, builtin) {
                Ok(c)
            } else {
                let cn = vm.class_name(c);
                Err(vm.type_error(format!(
                    "{name}.__new__({cn}): {cn} is not a subtype of {name}"
                )))
            }
        }
        _ => Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

pub(crate) fn n_args(vm: &mut Vm, a: &Args, n: usize, name: &str) -> PyResult<()> {
    if a.pos.len() != n + 1 {
        let got = a.pos.len().saturating_sub(1);
        return Err(if n == 1 {
            vm.type_error(format!("{name}() takes exactly one argument ({got} given)"))
        } else if n == 0 {
            vm.type_error(format!("{name}() takes no arguments ({got} given)"))
        } else {
            vm.type_error(format!("expected {n} arguments, got {got}"))
        });
    }
    Ok(())
}
