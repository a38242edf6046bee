//! int, bool, float and complex: constructors, methods and the arithmetic
//! dunders as methods (so user subclasses and `super()` calls work).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::text;
use crate::vm::num::{bigint_to_f64, Num};
use crate::vm::Vm;

use super::{add_classmethod, add_method, add_staticmethod, check};

pub fn install(vm: &mut Vm) {
    install_int(vm);
    install_bool(vm);
    install_float(vm);
    install_complex(vm);
}

// ---------------------------------------------------------------------------
// Shared helpers (also used by funcs.rs and the math module).

/// The int inside `v` if it is an int (bool, bigint, int subclass), else None.
pub fn int_of(vm: &Vm, v: Value) -> Option<BigInt> {
    vm.as_bigint(v)
}

/// An int result: demoted to the i64 fast path when it fits.
fn int_val(vm: &mut Vm, b: BigInt) -> Value {
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
fn float_dunder(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
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
fn scale2(mut x: f64, mut e: i64) -> f64 {
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

fn descr_error(vm: &mut Vm, name: &str, cls: &str, got: Option<Value>) -> Value {
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

fn self_int(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    match a.pos.first().and_then(|&v| vm.as_bigint(v)) {
        Some(b) => Ok(b),
        None => Err(descr_error(vm, name, "int", a.pos.first().copied())),
    }
}

fn self_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    match a.pos.first().and_then(|&v| vm.num(v)) {
        Some(Num::Float(f)) => Ok(f),
        _ => Err(descr_error(vm, name, "float", a.pos.first().copied())),
    }
}

/// The plain built-in value of `v` (unwrapping a subclass instance).
fn plain(vm: &Vm, v: Value) -> Value {
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
fn wrap_for(vm: &mut Vm, cls: ObjRef, builtin: ObjRef, v: Value) -> Value {
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

fn new_cls(vm: &mut Vm, a: &Args, builtin: ObjRef, name: &str) -> PyResult<ObjRef> {
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

fn n_args(vm: &mut Vm, a: &Args, n: usize, name: &str) -> PyResult<()> {
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

// ---------------------------------------------------------------------------
// int

fn install_int(vm: &mut Vm) {
    let c = vm.t.int;
    add_staticmethod(vm, c, "__new__", int_new);
    macro_rules! binops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, $name, |vm, a| int_binop(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, $rname, |vm, a| int_binop(vm, a, BinOpKind::$kind, true));
            )*
        };
    }
    binops!(
        "__add__", "__radd__" => Add,
        "__sub__", "__rsub__" => Sub,
        "__mul__", "__rmul__" => Mul,
        "__truediv__", "__rtruediv__" => TrueDiv,
        "__floordiv__", "__rfloordiv__" => FloorDiv,
        "__mod__", "__rmod__" => Mod,
        "__lshift__", "__rlshift__" => LShift,
        "__rshift__", "__rrshift__" => RShift,
        "__and__", "__rand__" => And,
        "__or__", "__ror__" => Or,
        "__xor__", "__rxor__" => Xor,
    );
    add_method(vm, c, "__pow__", |vm, a| int_pow(vm, a, false));
    add_method(vm, c, "__rpow__", |vm, a| int_pow(vm, a, true));
    add_method(vm, c, "__divmod__", |vm, a| int_divmod(vm, a, false));
    add_method(vm, c, "__rdivmod__", |vm, a| int_divmod(vm, a, true));
    macro_rules! cmps {
        ($($name:literal => $kind:ident),* $(,)?) => {
            $( add_method(vm, c, $name, |vm, a| num_cmp(vm, a, CmpKind::$kind, true)); )*
        };
    }
    cmps!("__eq__" => Eq, "__ne__" => Ne, "__lt__" => Lt, "__le__" => Le, "__gt__" => Gt, "__ge__" => Ge);
    add_method(vm, c, "__hash__", |vm, a| {
        let b = self_int(vm, &a, "__hash__")?;
        let v = int_val(vm, b);
        vm.hash(v).map(Value::Int)
    });
    add_method(vm, c, "__bool__", |vm, a| {
        let b = self_int(vm, &a, "__bool__")?;
        Ok(Value::Bool(!b.is_zero()))
    });
    add_method(vm, c, "__repr__", |vm, a| {
        let b = self_int(vm, &a, "__repr__")?;
        if let Some(Value::Bool(x)) = a.pos.first().map(|&v| plain(vm, v)) {
            return Ok(vm.new_str(if x { "True" } else { "False" }));
        }
        let s = text::int::int_to_decimal(&b).map_err(|e| vm.text_error(e))?;
        Ok(vm.new_str(s))
    });
    add_method(vm, c, "__format__", |vm, a| {
        self_int(vm, &a, "__format__")?;
        n_args(vm, &a, 1, "__format__")?;
        if vm.as_str(a.pos[1]).is_none() {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        }
        let v = plain(vm, a.pos[0]);
        vm.format(v, a.pos[1])
    });
    for name in [
        "__index__",
        "__int__",
        "__trunc__",
        "__floor__",
        "__ceil__",
        "__pos__",
    ] {
        add_method(vm, c, name, |vm, a| {
            let b = self_int(vm, &a, "__int__")?;
            Ok(int_val(vm, b))
        });
    }
    add_method(vm, c, "conjugate", |vm, a| {
        let b = self_int(vm, &a, "conjugate")?;
        Ok(int_val(vm, b))
    });
    add_method(vm, c, "__float__", |vm, a| {
        let b = self_int(vm, &a, "__float__")?;
        big_to_f64(vm, &b).map(Value::Float)
    });
    add_method(vm, c, "__neg__", |vm, a| {
        let b = self_int(vm, &a, "__neg__")?;
        Ok(int_val(vm, -b))
    });
    add_method(vm, c, "__abs__", |vm, a| {
        let b = self_int(vm, &a, "__abs__")?;
        Ok(int_val(vm, b.abs()))
    });
    add_method(vm, c, "__invert__", |vm, a| {
        let b = self_int(vm, &a, "__invert__")?;
        Ok(int_val(vm, -b - 1))
    });
    add_method(vm, c, "__round__", |vm, a| {
        let b = self_int(vm, &a, "__round__")?;
        let nd = a.pos.get(1).copied().unwrap_or(Value::None);
        round_int(vm, b, nd)
    });
    add_method(vm, c, "__getnewargs__", |vm, a| {
        let b = self_int(vm, &a, "__getnewargs__")?;
        let v = int_val(vm, b);
        Ok(vm.new_tuple(vec![v]))
    });
    add_method(vm, c, "bit_length", |vm, a| {
        let b = self_int(vm, &a, "bit_length")?;
        Ok(Value::Int(b.bits() as i64))
    });
    add_method(vm, c, "bit_count", |vm, a| {
        let b = self_int(vm, &a, "bit_count")?;
        let n: u64 = b
            .magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as u64)
            .sum();
        Ok(Value::Int(n as i64))
    });
    add_method(vm, c, "as_integer_ratio", |vm, a| {
        let b = self_int(vm, &a, "as_integer_ratio")?;
        let v = int_val(vm, b);
        Ok(vm.new_tuple(vec![v, Value::Int(1)]))
    });
    add_method(vm, c, "to_bytes", int_to_bytes);
    add_classmethod(vm, c, "from_bytes", int_from_bytes);
}

/// int(x=0, base=10)
fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &a, vm.t.int, "int")?;
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if ks != "base" {
            return Err(vm.type_error(format!("'{ks}' is an invalid keyword argument for int()")));
        }
    }
    let n = a.pos.len() - 1;
    if n > 2 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({n} given)")));
    }
    let x = a.pos.get(1).copied();
    let base = a.get(vm, 2, "base");
    if n == 2 && a.kw(vm, "base").is_some() {
        return Err(vm.type_error("argument for int() given by name ('base') and position (2)"));
    }
    let v = match (x, base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_value(vm, x)?,
        (Some(x), Some(b)) => {
            let Some(bb) = index_bigint(vm, b)? else {
                let tn = vm.type_name(b);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            };
            let base = match bb.to_i64() {
                Some(i) if i == 0 || (2..=36).contains(&i) => i as u32,
                _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            let px = plain(vm, x);
            if let Some(s) = vm.as_str(px) {
                let s = s.to_string();
                let b = text::int::parse_int(&s, base).map_err(|e| vm.text_error(e))?;
                int_val(vm, b)
            } else if let Some(bytes) = vm.bytes_of(px) {
                let bytes = bytes.to_vec();
                parse_int_bytes(vm, &bytes, base)?
            } else {
                return Err(vm.type_error("int() can't convert non-string with explicit base"));
            }
        }
    };
    Ok(wrap_for(vm, cls, vm.t.int, v))
}

fn parse_int_bytes(vm: &mut Vm, bytes: &[u8], base: u32) -> PyResult<Value> {
    let s: String = bytes.iter().map(|&b| b as char).collect();
    let ok = bytes.is_ascii();
    match text::int::parse_int(&s, base) {
        Ok(b) if ok => Ok(int_val(vm, b)),
        Err(e) if !e.msg.starts_with("invalid literal") => Err(vm.text_error(e)),
        _ => {
            let r = text::repr::bytes_repr(bytes);
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// `int(x)` for one argument.
pub fn int_from_value(vm: &mut Vm, x: Value) -> PyResult<Value> {
    match x {
        Value::Int(_) => return Ok(x),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Float(f) => return float_to_int(vm, f),
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BigInt(_) => return Ok(x),
            Obj::Str(s) => {
                if let Some(n) = text::int::parse_small_decimal(&s.s) {
                    return Ok(Value::Int(n));
                }
                let s = s.s.to_string();
                let b = text::int::parse_int(&s, 10).map_err(|e| vm.text_error(e))?;
                return Ok(int_val(vm, b));
            }
            Obj::Bytes(_) | Obj::ByteArray(_) => {
                let b = vm.bytes_of(x).map(|b| b.to_vec()).unwrap_or_default();
                return parse_int_bytes(vm, &b, 10);
            }
            Obj::Instance(_) => {}
            _ => return Err(int_type_error(vm, x)),
        },
        _ => return Err(int_type_error(vm, x)),
    }
    // Objects: __int__, __index__, __trunc__, then a str/bytes base value.
    let ik = vm.n.int_;
    if let Some(f) = vm.lookup_special(x, ik) {
        let r = vm.call_bound(f, x, &[])?;
        return match vm.as_bigint(r) {
            Some(b) => Ok(int_val(vm, b)),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__int__ returned non-int (type {tn})")))
            }
        };
    }
    if let Some(b) = index_bigint(vm, x)? {
        return Ok(int_val(vm, b));
    }
    let tk = vm.n.trunc;
    if let Some(f) = vm.lookup_special(x, tk) {
        let r = vm.call_bound(f, x, &[])?;
        if let Some(b) = vm.as_bigint(r) {
            return Ok(int_val(vm, b));
        }
        return match index_bigint(vm, r)? {
            Some(b) => Ok(int_val(vm, b)),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__trunc__ returned non-Integral (type {tn})")))
            }
        };
    }
    let p = plain(vm, x);
    if !p.is(x) {
        if let Some(s) = vm.as_str(p) {
            let s = s.to_string();
            let b = text::int::parse_int(&s, 10).map_err(|e| vm.text_error(e))?;
            return Ok(int_val(vm, b));
        }
        if let Some(b) = vm.bytes_of(p) {
            let b = b.to_vec();
            return parse_int_bytes(vm, &b, 10);
        }
    }
    Err(int_type_error(vm, x))
}

fn int_type_error(vm: &mut Vm, x: Value) -> Value {
    let tn = vm.type_name(x);
    vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
    ))
}

/// Only int operands (floats make int's dunders return NotImplemented).
fn int_num(vm: &Vm, v: Value) -> Option<Num> {
    match vm.num(v)? {
        Num::Float(_) => None,
        n => Some(n),
    }
}

fn int_binop(vm: &mut Vm, a: Args, kind: BinOpKind, rev: bool) -> PyResult<Value> {
    let name = "int operator";
    let Some(x) = a.pos.first().and_then(|&v| int_num(vm, v)) else {
        return Err(descr_error(vm, name, "int", a.pos.first().copied()));
    };
    if a.pos.len() != 2 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(format!("expected 1 argument, got {n}")));
    }
    let Some(y) = int_num(vm, a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = if rev { (y, x) } else { (x, y) };
    Ok(vm.num_binop(x, y, kind)?.unwrap_or(vm.not_implemented))
}

fn int_pow(vm: &mut Vm, a: Args, rev: bool) -> PyResult<Value> {
    let Some(x) = a.pos.first().and_then(|&v| int_num(vm, v)) else {
        return Err(descr_error(vm, "__pow__", "int", a.pos.first().copied()));
    };
    if a.pos.len() < 2 || a.pos.len() > 3 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(format!("expected 1 or 2 arguments, got {n}")));
    }
    let Some(y) = int_num(vm, a.pos[1]) else {
        return Ok(vm.not_implemented);
    };
    let m = a.pos.get(2).copied().unwrap_or(Value::None);
    if !m.is_none() {
        if rev {
            return Ok(vm.not_implemented);
        }
        if vm.as_bigint(m).is_none() {
            return Ok(vm.not_implemented);
        }
        return pow3(vm, a.pos[0], a.pos[1], m);
    }
    let (x, y) = if rev { (y, x) } else { (x, y) };
    Ok(vm
        .num_binop(x, y, BinOpKind::Pow)?
        .unwrap_or(vm.not_implemented))
}

/// Three-argument pow on ints (modular inverse for negative exponents).
pub fn pow3(vm: &mut Vm, b: Value, e: Value, m: Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(m)) = (vm.as_bigint(b), vm.as_bigint(e), vm.as_bigint(m)) else {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = m.abs();
    let mut base = b.mod_floor(&mabs);
    let mut exp = e;
    if exp.is_negative() {
        let g = base.extended_gcd(&mabs);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&mabs);
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &mabs);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(int_val(vm, r))
}

fn int_divmod(vm: &mut Vm, a: Args, rev: bool) -> PyResult<Value> {
    let Some(x) = a.pos.first().and_then(|&v| vm.as_bigint(v)) else {
        return Err(descr_error(vm, "__divmod__", "int", a.pos.first().copied()));
    };
    n_args(vm, &a, 1, "__divmod__")?;
    let Some(y) = a
        .pos
        .get(1)
        .and_then(|&v| int_num(vm, v))
        .and_then(|_| vm.as_bigint(a.pos[1]))
    else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = if rev { (y, x) } else { (x, y) };
    int_divmod_values(vm, x, y)
}

pub fn int_divmod_values(vm: &mut Vm, x: BigInt, y: BigInt) -> PyResult<Value> {
    if y.is_zero() {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    let (q, r) = x.div_mod_floor(&y);
    let q = int_val(vm, q);
    let r = int_val(vm, r);
    Ok(vm.new_tuple(vec![q, r]))
}

/// Comparison dunders of int (int_only) and float.
fn num_cmp(vm: &mut Vm, a: Args, kind: CmpKind, int_only: bool) -> PyResult<Value> {
    let cls = if int_only { "int" } else { "float" };
    let ok_self = match a.pos.first().and_then(|&v| vm.num(v)) {
        Some(Num::Float(_)) => !int_only,
        Some(_) => int_only,
        None => false,
    };
    if !ok_self {
        let name = crate::vm::num::cmp_dunder(kind).0;
        return Err(descr_error(vm, name, cls, a.pos.first().copied()));
    }
    if a.pos.len() != 2 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(format!("expected 1 argument, got {n}")));
    }
    let other_ok = if int_only {
        int_num(vm, a.pos[1]).is_some()
    } else {
        vm.num(a.pos[1]).is_some()
    };
    if !other_ok {
        return Ok(vm.not_implemented);
    }
    match vm.num_compare(a.pos[0], a.pos[1], kind) {
        Some(r) => Ok(Value::Bool(r)),
        None => Ok(vm.not_implemented),
    }
}

/// round(int, ndigits): half-even at 10**-ndigits.
pub fn round_int(vm: &mut Vm, b: BigInt, nd: Value) -> PyResult<Value> {
    if nd.is_none() {
        return Ok(int_val(vm, b));
    }
    let n = index_required(vm, nd)?;
    if !n.is_negative() {
        return Ok(int_val(vm, b));
    }
    let k = (-n).to_u64().unwrap_or(u64::MAX);
    if k > b.bits() / 3 + 2 {
        return Ok(Value::Int(0));
    }
    let p = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = b.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1
    } else {
        q
    };
    Ok(int_val(vm, q * p))
}

fn byteorder_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match vm.as_str(v) {
        Some("big") => Ok(false),
        Some("little") => Ok(true),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {tn}"
            )))
        }
    }
}

/// int.to_bytes(length=1, byteorder='big', *, signed=False)
fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = self_int(vm, &a, "to_bytes")?;
    let rest = Args {
        pos: &a.pos[1..],
        kw: a.kw,
    };
    check(
        vm,
        "to_bytes",
        &rest,
        0,
        2,
        &["length", "byteorder", "signed"],
    )?;
    let length = match rest.get(vm, 0, "length") {
        Some(v) => index_required(vm, v)?,
        None => BigInt::one(),
    };
    if length.is_negative() {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, rest.get(vm, 1, "byteorder"))?;
    let signed = match rest.kw(vm, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let len = length.to_usize().unwrap_or(usize::MAX);
    let mut bytes = if signed {
        b.to_signed_bytes_le()
    } else {
        b.to_bytes_le().1
    };
    if b.is_zero() {
        bytes.clear();
    }
    if bytes.len() > len {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(len, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.alloc(Obj::Bytes(bytes.into_boxed_slice())))
}

/// int.from_bytes(bytes, byteorder='big', *, signed=False)
fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = a.pos[0];
    let rest = Args {
        pos: &a.pos[1..],
        kw: a.kw,
    };
    check(
        vm,
        "from_bytes",
        &rest,
        0,
        2,
        &["bytes", "byteorder", "signed"],
    )?;
    let Some(src) = rest.get(vm, 0, "bytes") else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder_arg(vm, rest.get(vm, 1, "byteorder"))?;
    let signed = match rest.kw(vm, "signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut bytes: Vec<u8> = match vm.bytes_of(src) {
        Some(b) => b.to_vec(),
        None => {
            if vm.as_str(src).is_some() {
                return Err(vm.type_error("cannot convert 'str' object to bytes"));
            }
            let items = vm.collect_iterable(src)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                match vm.index_of(it)? {
                    Some(i) if (0..256).contains(&i) => out.push(i as u8),
                    Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                    None => {
                        let tn = vm.type_name(it);
                        return Err(vm.type_error(format!(
                            "'{tn}' object cannot be interpreted as an integer"
                        )));
                    }
                }
            }
            out
        }
    };
    if !little {
        bytes.reverse();
    }
    let b = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    let v = int_val(vm, b);
    if cls.is(Value::Obj(vm.t.int)) {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

// ---------------------------------------------------------------------------
// bool

fn install_bool(vm: &mut Vm) {
    let c = vm.t.bool_;
    add_staticmethod(vm, c, "__new__", |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("bool() takes no keyword arguments"));
        }
        let n = a.pos.len().saturating_sub(1);
        if n > 1 {
            return Err(vm.type_error(format!("bool expected at most 1 argument, got {n}")));
        }
        match a.pos.get(1) {
            Some(&v) => vm.truthy(v).map(Value::Bool),
            None => Ok(Value::Bool(false)),
        }
    });
    add_method(vm, c, "__repr__", |vm, a| match a.pos.first() {
        Some(Value::Bool(b)) => Ok(vm.new_str(if *b { "True" } else { "False" })),
        other => Err(descr_error(vm, "__repr__", "bool", other.copied())),
    });
    macro_rules! boolops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, $name, |vm, a| bool_binop(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, $rname, |vm, a| bool_binop(vm, a, BinOpKind::$kind, true));
            )*
        };
    }
    boolops!("__and__", "__rand__" => And, "__or__", "__ror__" => Or, "__xor__", "__rxor__" => Xor);
}

fn bool_binop(vm: &mut Vm, a: Args, kind: BinOpKind, rev: bool) -> PyResult<Value> {
    if let (Some(Value::Bool(x)), Some(Value::Bool(y))) = (a.pos.first(), a.pos.get(1)) {
        let r = match kind {
            BinOpKind::And => x & y,
            BinOpKind::Or => x | y,
            _ => x ^ y,
        };
        return Ok(Value::Bool(r));
    }
    int_binop(vm, a, kind, rev)
}

// ---------------------------------------------------------------------------
// float

fn install_float(vm: &mut Vm) {
    let c = vm.t.float;
    add_staticmethod(vm, c, "__new__", float_new);
    macro_rules! binops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, $name, |vm, a| float_binop_m(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, $rname, |vm, a| float_binop_m(vm, a, BinOpKind::$kind, true));
            )*
        };
    }
    binops!(
        "__add__", "__radd__" => Add,
        "__sub__", "__rsub__" => Sub,
        "__mul__", "__rmul__" => Mul,
        "__truediv__", "__rtruediv__" => TrueDiv,
        "__floordiv__", "__rfloordiv__" => FloorDiv,
        "__mod__", "__rmod__" => Mod,
        "__pow__", "__rpow__" => Pow,
    );
    add_method(vm, c, "__divmod__", |vm, a| float_divmod_m(vm, a, false));
    add_method(vm, c, "__rdivmod__", |vm, a| float_divmod_m(vm, a, true));
    macro_rules! cmps {
        ($($name:literal => $kind:ident),* $(,)?) => {
            $( add_method(vm, c, $name, |vm, a| num_cmp(vm, a, CmpKind::$kind, false)); )*
        };
    }
    cmps!("__eq__" => Eq, "__ne__" => Ne, "__lt__" => Lt, "__le__" => Le, "__gt__" => Gt, "__ge__" => Ge);
    add_method(vm, c, "__hash__", |vm, a| {
        let f = self_float(vm, &a, "__hash__")?;
        vm.hash(Value::Float(f)).map(Value::Int)
    });
    add_method(vm, c, "__bool__", |vm, a| {
        let f = self_float(vm, &a, "__bool__")?;
        Ok(Value::Bool(f != 0.0))
    });
    add_method(vm, c, "__repr__", |vm, a| {
        let f = self_float(vm, &a, "__repr__")?;
        Ok(vm.new_str(text::float::float_repr(f)))
    });
    add_method(vm, c, "__format__", |vm, a| {
        let f = self_float(vm, &a, "__format__")?;
        n_args(vm, &a, 1, "__format__")?;
        if vm.as_str(a.pos[1]).is_none() {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        }
        vm.format(Value::Float(f), a.pos[1])
    });
    add_method(vm, c, "__float__", |vm, a| {
        self_float(vm, &a, "__float__").map(Value::Float)
    });
    add_method(vm, c, "__pos__", |vm, a| {
        self_float(vm, &a, "__pos__").map(Value::Float)
    });
    add_method(vm, c, "conjugate", |vm, a| {
        self_float(vm, &a, "conjugate").map(Value::Float)
    });
    add_method(vm, c, "__neg__", |vm, a| {
        self_float(vm, &a, "__neg__").map(|f| Value::Float(-f))
    });
    add_method(vm, c, "__abs__", |vm, a| {
        self_float(vm, &a, "__abs__").map(|f| Value::Float(f.abs()))
    });
    add_method(vm, c, "__int__", |vm, a| {
        let f = self_float(vm, &a, "__int__")?;
        float_to_int(vm, f)
    });
    add_method(vm, c, "__trunc__", |vm, a| {
        let f = self_float(vm, &a, "__trunc__")?;
        float_to_int(vm, f)
    });
    add_method(vm, c, "__floor__", |vm, a| {
        let f = self_float(vm, &a, "__floor__")?;
        float_to_int(vm, f.floor())
    });
    add_method(vm, c, "__ceil__", |vm, a| {
        let f = self_float(vm, &a, "__ceil__")?;
        float_to_int(vm, f.ceil())
    });
    add_method(vm, c, "__round__", |vm, a| {
        let f = self_float(vm, &a, "__round__")?;
        let nd = a.pos.get(1).copied().unwrap_or(Value::None);
        round_float_value(vm, f, nd)
    });
    add_method(vm, c, "__getnewargs__", |vm, a| {
        let f = self_float(vm, &a, "__getnewargs__")?;
        Ok(vm.new_tuple(vec![Value::Float(f)]))
    });
    add_method(vm, c, "is_integer", |vm, a| {
        let f = self_float(vm, &a, "is_integer")?;
        Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
    });
    add_method(vm, c, "as_integer_ratio", |vm, a| {
        let f = self_float(vm, &a, "as_integer_ratio")?;
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
        }
        if f.is_nan() {
            return Err(vm.value_error("cannot convert NaN to integer ratio"));
        }
        let (n, d) = float_ratio(f);
        let n = int_val(vm, n);
        let d = int_val(vm, d);
        Ok(vm.new_tuple(vec![n, d]))
    });
    add_method(vm, c, "hex", |vm, a| {
        let f = self_float(vm, &a, "hex")?;
        Ok(vm.new_str(float_hex(f)))
    });
    add_classmethod(vm, c, "fromhex", |vm, a| {
        let cls = a.pos[0];
        if a.pos.len() != 2 {
            let n = a.pos.len() - 1;
            return Err(vm.type_error(format!(
                "float.fromhex() takes exactly one argument ({n} given)"
            )));
        }
        let Some(s) = vm.as_str(a.pos[1]).map(|s| s.to_string()) else {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
        };
        let f = match float_fromhex(&s) {
            Ok(f) => f,
            Err(true) => {
                return Err(vm.overflow_error("hexadecimal value too large to represent as a float"))
            }
            Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
        };
        if cls.is(Value::Obj(vm.t.float)) {
            return Ok(Value::Float(f));
        }
        vm.call(cls, &[Value::Float(f)])
    });
}

/// float(x=0.0)
fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &a, vm.t.float, "float")?;
    if !a.kw.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let n = a.pos.len() - 1;
    if n > 1 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {n}")));
    }
    let f = match a.pos.get(1) {
        None => 0.0,
        Some(&x) => float_from_value(vm, x)?,
    };
    Ok(wrap_for(vm, cls, vm.t.float, Value::Float(f)))
}

/// `float(x)` for one argument.
pub fn float_from_value(vm: &mut Vm, x: Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => return Ok(f),
        Value::Int(i) => return Ok(i as f64),
        Value::Bool(b) => return Ok(b as i64 as f64),
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BigInt(b) => {
                let b = (**b).clone();
                return big_to_f64(vm, &b);
            }
            Obj::Str(s) => {
                let s = s.s.to_string();
                return text::float::parse_float(&s).map_err(|e| vm.text_error(e));
            }
            Obj::Bytes(_) | Obj::ByteArray(_) => {
                let b = vm.bytes_of(x).map(|b| b.to_vec()).unwrap_or_default();
                return parse_float_bytes(vm, &b);
            }
            Obj::Instance(_) => {}
            _ => return Err(float_type_error(vm, x)),
        },
        _ => return Err(float_type_error(vm, x)),
    }
    if let Some(f) = float_dunder(vm, x)? {
        return Ok(f);
    }
    if let Some(b) = index_bigint(vm, x)? {
        return big_to_f64(vm, &b);
    }
    let p = plain(vm, x);
    if !p.is(x) {
        if let Some(s) = vm.as_str(p) {
            let s = s.to_string();
            return text::float::parse_float(&s).map_err(|e| vm.text_error(e));
        }
        if let Some(b) = vm.bytes_of(p) {
            let b = b.to_vec();
            return parse_float_bytes(vm, &b);
        }
    }
    Err(float_type_error(vm, x))
}

fn parse_float_bytes(vm: &mut Vm, b: &[u8]) -> PyResult<f64> {
    let s: String = b.iter().map(|&c| c as char).collect();
    match text::float::parse_float(&s) {
        Ok(f) if b.is_ascii() => Ok(f),
        _ => {
            let r = text::repr::bytes_repr(b);
            Err(vm.value_error(format!("could not convert string to float: {r}")))
        }
    }
}

fn float_type_error(vm: &mut Vm, x: Value) -> Value {
    let tn = vm.type_name(x);
    vm.type_error(format!(
        "float() argument must be a string or a real number, not '{tn}'"
    ))
}

/// The other operand of a float dunder as a float; None for NotImplemented.
fn float_other(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    match vm.num(v) {
        Some(Num::Float(f)) => Ok(Some(f)),
        Some(Num::Int(i)) => Ok(Some(i as f64)),
        Some(Num::Big(b)) => big_to_f64(vm, &b).map(Some),
        None => Ok(None),
    }
}

fn float_binop_m(vm: &mut Vm, a: Args, kind: BinOpKind, rev: bool) -> PyResult<Value> {
    let x = self_float(vm, &a, crate::vm::num::op_symbol(kind))?;
    if a.pos.len() < 2 || a.pos.len() > 3 || (a.pos.len() == 3 && kind != BinOpKind::Pow) {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(format!("expected 1 argument, got {n}")));
    }
    if a.pos.len() == 3 && !a.pos[2].is_none() {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let Some(y) = float_other(vm, a.pos[1])? else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = if rev { (y, x) } else { (x, y) };
    vm.float_binop(x, y, kind)
}

fn float_divmod_m(vm: &mut Vm, a: Args, rev: bool) -> PyResult<Value> {
    let x = self_float(vm, &a, "__divmod__")?;
    n_args(vm, &a, 1, "__divmod__")?;
    let Some(y) = float_other(vm, a.pos[1])? else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = if rev { (y, x) } else { (x, y) };
    float_divmod_values(vm, x, y)
}

pub fn float_divmod_values(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let (q, r) = crate::vm::num::float_divmod(x, y);
    Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]))
}

/// round(float, ndigits): an int for None, else a float.
pub fn round_float_value(vm: &mut Vm, f: f64, nd: Value) -> PyResult<Value> {
    if nd.is_none() {
        let r = f.round_ties_even();
        return float_to_int(vm, r);
    }
    let n = index_required(vm, nd)?;
    let n = n
        .to_i64()
        .unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
    text::float::round_float(f, n)
        .map(Value::Float)
        .map_err(|e| vm.text_error(e))
}

/// An exact (numerator, denominator) for a finite float.
pub fn float_ratio(f: f64) -> (BigInt, BigInt) {
    if f == 0.0 {
        return (BigInt::zero(), BigInt::one());
    }
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    while m & 1 == 0 && e < 0 {
        m >>= 1;
        e += 1;
    }
    let mut n = BigInt::from(m);
    if f < 0.0 {
        n = -n;
    }
    if e >= 0 {
        (n << (e as usize), BigInt::one())
    } else {
        (n, BigInt::one() << ((-e) as usize))
    }
}

/// float.hex()
pub fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp_bits == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        let e = exp_bits - 1023;
        let es = if e >= 0 {
            format!("+{e}")
        } else {
            e.to_string()
        };
        format!("{sign}0x1.{frac:013x}p{es}")
    }
}

/// float.fromhex(s); Err(true) for overflow, Err(false) for a bad string.
pub fn float_fromhex(s: &str) -> Result<f64, bool> {
    let t = s.trim_matches(text::is_py_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sgn = |x: f64| if neg { -x } else { x };
    if lower == "inf" || lower == "infinity" {
        return Ok(sgn(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(sgn(f64::NAN));
    }
    let b = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match b.find('p') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(false);
    }
    let digits: String = ip.chars().chain(fp.chars()).collect();
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(false);
    }
    let mut e: i64 = match exp {
        None => 0,
        Some(es) => {
            let (eneg, ed) = match es.as_bytes().first() {
                Some(b'-') => (true, &es[1..]),
                Some(b'+') => (false, &es[1..]),
                _ => (false, es),
            };
            if ed.is_empty() || !ed.bytes().all(|c| c.is_ascii_digit()) {
                return Err(false);
            }
            let v: i64 = ed.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
            if eneg {
                -v
            } else {
                v
            }
        }
    };
    e -= 4 * fp.len() as i64;
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    if m.is_zero() {
        return Ok(sgn(0.0));
    }
    // Clamp absurd exponents before building the float.
    let top = m.bits() as i64 + e;
    if top > 1100 {
        return Err(true);
    }
    if top < -1200 {
        return Ok(sgn(0.0));
    }
    match bigint_ldexp(&m, e) {
        Some(f) => Ok(sgn(f)),
        None => Err(true),
    }
}

// ---------------------------------------------------------------------------
// complex

fn install_complex(vm: &mut Vm) {
    let c = vm.t.complex;
    add_staticmethod(vm, c, "__new__", complex_new);
    macro_rules! binops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, $name, |vm, a| complex_binop(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, $rname, |vm, a| complex_binop(vm, a, BinOpKind::$kind, true));
            )*
        };
    }
    binops!(
        "__add__", "__radd__" => Add,
        "__sub__", "__rsub__" => Sub,
        "__mul__", "__rmul__" => Mul,
        "__truediv__", "__rtruediv__" => TrueDiv,
        "__pow__", "__rpow__" => Pow,
    );
    add_method(vm, c, "__eq__", |vm, a| complex_eq(vm, a, false));
    add_method(vm, c, "__ne__", |vm, a| complex_eq(vm, a, true));
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        add_method(vm, c, name, |vm, _| Ok(vm.not_implemented));
    }
    add_method(vm, c, "__neg__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__neg__")?;
        Ok(vm.alloc(Obj::Complex(-re, -im)))
    });
    add_method(vm, c, "__pos__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__pos__")?;
        Ok(vm.alloc(Obj::Complex(re, im)))
    });
    add_method(vm, c, "conjugate", |vm, a| {
        let (re, im) = self_complex(vm, &a, "conjugate")?;
        Ok(vm.alloc(Obj::Complex(re, -im)))
    });
    add_method(vm, c, "__abs__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__abs__")?;
        complex_abs(vm, re, im).map(Value::Float)
    });
    add_method(vm, c, "__bool__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__bool__")?;
        Ok(Value::Bool(re != 0.0 || im != 0.0))
    });
    add_method(vm, c, "__hash__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__hash__")?;
        let hr = crate::vm::proto::hash_float(re);
        let hi = crate::vm::proto::hash_float(im);
        let h = (hr as u64).wrapping_add(1000003u64.wrapping_mul(hi as u64)) as i64;
        Ok(Value::Int(if h == -1 { -2 } else { h }))
    });
    add_method(vm, c, "__repr__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__repr__")?;
        Ok(vm.new_str(crate::vm::display::complex_repr(re, im)))
    });
    add_method(vm, c, "__complex__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__complex__")?;
        Ok(vm.alloc(Obj::Complex(re, im)))
    });
    add_method(vm, c, "__getnewargs__", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__getnewargs__")?;
        Ok(vm.new_tuple(vec![Value::Float(re), Value::Float(im)]))
    });
}

pub fn complex_of(vm: &Vm, v: Value) -> Option<(f64, f64)> {
    match plain(vm, v) {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Complex(re, im) => Some((*re, *im)),
            _ => None,
        },
        _ => None,
    }
}

fn self_complex(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    match a.pos.first().and_then(|&v| complex_of(vm, v)) {
        Some(c) => Ok(c),
        None => Err(descr_error(vm, name, "complex", a.pos.first().copied())),
    }
}

/// An operand of complex arithmetic: complex, float or int.
fn complex_operand(vm: &mut Vm, v: Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = complex_of(vm, v) {
        return Ok(Some(c));
    }
    Ok(float_other(vm, v)?.map(|f| (f, 0.0)))
}

pub fn complex_abs(vm: &mut Vm, re: f64, im: f64) -> PyResult<f64> {
    if re.is_infinite() || im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if re.is_nan() || im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's _Py_c_quot; None for division by zero.
fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// complex ** complex as CPython; Err(()) for 0 to a negative/complex power.
fn c_pow(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), ()> {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            return Ok(c_powu(a, n));
        }
        if a == (0.0, 0.0) {
            return Err(());
        }
        return c_quot((1.0, 0.0), c_powu(a, -n)).ok_or(());
    }
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(());
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// Complex arithmetic on (re, im) pairs.
pub fn complex_arith(
    vm: &mut Vm,
    x: (f64, f64),
    y: (f64, f64),
    kind: BinOpKind,
) -> PyResult<Option<Value>> {
    let r = match kind {
        BinOpKind::Add => (x.0 + y.0, x.1 + y.1),
        BinOpKind::Sub => (x.0 - y.0, x.1 - y.1),
        BinOpKind::Mul => c_prod(x, y),
        BinOpKind::TrueDiv => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division("complex division by zero")),
        },
        BinOpKind::Pow => match c_pow(x, y) {
            Ok(r) => {
                if (r.0.is_infinite() || r.1.is_infinite())
                    && x.0.is_finite()
                    && x.1.is_finite()
                    && y.0.is_finite()
                    && y.1.is_finite()
                {
                    return Err(vm.overflow_error("complex exponentiation"));
                }
                r
            }
            Err(()) => {
                return Err(vm.zero_division("0.0 to a negative or complex power"));
            }
        },
        _ => return Ok(None),
    };
    Ok(Some(vm.alloc(Obj::Complex(r.0, r.1))))
}

fn complex_binop(vm: &mut Vm, a: Args, kind: BinOpKind, rev: bool) -> PyResult<Value> {
    let x = self_complex(vm, &a, crate::vm::num::op_symbol(kind))?;
    if a.pos.len() < 2 || a.pos.len() > 3 || (a.pos.len() == 3 && kind != BinOpKind::Pow) {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(format!("expected 1 argument, got {n}")));
    }
    if a.pos.len() == 3 && !a.pos[2].is_none() {
        return Err(vm.value_error("complex modulo"));
    }
    let Some(y) = complex_operand(vm, a.pos[1])? else {
        return Ok(vm.not_implemented);
    };
    let (x, y) = if rev { (y, x) } else { (x, y) };
    Ok(complex_arith(vm, x, y, kind)?.unwrap_or(vm.not_implemented))
}

fn complex_eq(vm: &mut Vm, a: Args, ne: bool) -> PyResult<Value> {
    let x = self_complex(vm, &a, "__eq__")?;
    n_args(vm, &a, 1, "__eq__")?;
    let other = a.pos[1];
    let eq = if let Some(y) = complex_of(vm, other) {
        x == y
    } else if let Some(n) = vm.num(other) {
        if x.1 != 0.0 {
            false
        } else {
            let f = Value::Float(x.0);
            let o = match n {
                Num::Int(i) => Value::Int(i),
                Num::Float(f) => Value::Float(f),
                Num::Big(b) => vm.new_bigint(b),
            };
            vm.num_compare(f, o, CmpKind::Eq).unwrap_or(false)
        }
    } else {
        return Ok(vm.not_implemented);
    };
    Ok(Value::Bool(eq != ne))
}

/// complex(real=0, imag=0)
fn complex_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = new_cls(vm, &a, vm.t.complex, "complex")?;
    let rest = Args {
        pos: &a.pos[1..],
        kw: a.kw,
    };
    check(vm, "complex", &rest, 0, 2, &["real", "imag"])?;
    let real = rest.get(vm, 0, "real");
    let imag = rest.get(vm, 1, "imag");
    let v = match (real, imag) {
        (None, None) => (0.0, 0.0),
        (Some(r), None) if vm.as_str(r).is_some() => {
            let s = vm.str_of(r).to_string();
            match parse_complex(&s) {
                Some(c) => c,
                None => {
                    return Err(vm.value_error("complex() arg is a malformed string"));
                }
            }
        }
        (r, i) => {
            if let Some(r) = r {
                if vm.as_str(r).is_some() {
                    return Err(
                        vm.type_error("complex() can't take second arg if first is a string")
                    );
                }
            }
            if let Some(i) = i {
                if vm.as_str(i).is_some() {
                    return Err(vm.type_error("complex() second arg can't be a string"));
                }
            }
            let (rr, ri) = match r {
                Some(r) => complex_arg(vm, r, "first")?,
                None => (0.0, 0.0),
            };
            let (ir, ii) = match i {
                Some(i) => complex_arg(vm, i, "second")?,
                None => (0.0, 0.0),
            };
            if i.is_none() {
                (rr, ri)
            } else {
                (rr - ii, ri + ir)
            }
        }
    };
    let c = vm.alloc(Obj::Complex(v.0, v.1));
    Ok(wrap_for(vm, cls, vm.t.complex, c))
}

fn complex_arg(vm: &mut Vm, v: Value, which: &str) -> PyResult<(f64, f64)> {
    if let Some(c) = complex_of(vm, v) {
        return Ok(c);
    }
    if let Value::Obj(r) = v {
        if matches!(vm.heap.get(r), Obj::Instance(_)) {
            let ck = vm.n.complex_;
            if let Some(f) = vm.lookup_special(v, ck) {
                let r = vm.call_bound(f, v, &[])?;
                return match complex_of(vm, r) {
                    Some(c) => Ok(c),
                    None => {
                        let tn = vm.type_name(r);
                        Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")))
                    }
                };
            }
        }
    }
    match to_f64(vm, v) {
        Ok(f) => Ok((f, 0.0)),
        Err(e) => {
            let is_type_error = vm.isinstance_class(e, vm.t.type_error);
            if !is_type_error {
                return Err(e);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "complex() {which} argument must be a string or a number, not '{tn}'"
            )))
        }
    }
}

/// complex("1+2j") and friends.
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim_matches(text::is_py_space);
    if t.starts_with('(') && t.ends_with(')') && t.len() >= 2 {
        t = t[1..t.len() - 1].trim_matches(text::is_py_space);
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let pf = |x: &str| -> Option<f64> {
        if x.is_empty() || x.contains('_') && !x.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        text::float::parse_float(x).ok()
    };
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts: the last sign not
        // following an exponent marker.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (pf(&body[..i])?, &body[i..]),
            None => (0.0, body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => pf(x)?,
        };
        Some((re, im))
    } else {
        Some((pf(t)?, 0.0))
    }
}
