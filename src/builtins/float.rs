//! The float type: construction, arithmetic methods, hex, as_integer_ratio.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::text;
use crate::vm::num::Num;
use crate::vm::Vm;

use super::{add_classmethod, add_method, add_staticmethod};

use super::int::num_cmp;
use super::num::*;

pub(crate) fn install_float(vm: &mut Vm) {
    let c = vm.t.float;
    add_staticmethod(vm, c, "__new__(*args, **kwargs)", float_new);
    macro_rules! binops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, concat!($name, "(value, /)"), |vm, a| float_binop_m(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, concat!($rname, "(value, /)"), |vm, a| float_binop_m(vm, a, BinOpKind::$kind, true));
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
    add_method(vm, c, "__divmod__(value, /)", |vm, a| {
        float_divmod_m(vm, a, false)
    });
    add_method(vm, c, "__rdivmod__(value, /)", |vm, a| {
        float_divmod_m(vm, a, true)
    });
    macro_rules! cmps {
        ($($name:literal => $kind:ident),* $(,)?) => {
            $( add_method(vm, c, concat!($name, "(value, /)"), |vm, a| num_cmp(vm, a, CmpKind::$kind, false)); )*
        };
    }
    cmps!("__eq__" => Eq, "__ne__" => Ne, "__lt__" => Lt, "__le__" => Le, "__gt__" => Gt, "__ge__" => Ge);
    add_method(vm, c, "__hash__()", |vm, a| {
        let f = self_float(vm, &a, "__hash__")?;
        vm.hash(Value::Float(f)).map(Value::Int)
    });
    add_method(vm, c, "__bool__()", |vm, a| {
        let f = self_float(vm, &a, "__bool__")?;
        Ok(Value::Bool(f != 0.0))
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let f = self_float(vm, &a, "__repr__")?;
        Ok(vm.new_str(text::float::float_repr(f)))
    });
    add_method(vm, c, "__format__(format_spec, /)", |vm, a| {
        let f = self_float(vm, &a, "__format__")?;
        n_args(vm, &a, 1, "__format__")?;
        if vm.as_str(a.pos[1]).is_none() {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        }
        vm.format(Value::Float(f), a.pos[1])
    });
    add_method(vm, c, "__float__()", |vm, a| {
        self_float(vm, &a, "__float__").map(Value::Float)
    });
    add_method(vm, c, "__pos__()", |vm, a| {
        self_float(vm, &a, "__pos__").map(Value::Float)
    });
    add_method(vm, c, "conjugate()", |vm, a| {
        self_float(vm, &a, "conjugate").map(Value::Float)
    });
    add_method(vm, c, "__neg__()", |vm, a| {
        self_float(vm, &a, "__neg__").map(|f| Value::Float(-f))
    });
    add_method(vm, c, "__abs__()", |vm, a| {
        self_float(vm, &a, "__abs__").map(|f| Value::Float(f.abs()))
    });
    add_method(vm, c, "__int__()", |vm, a| {
        let f = self_float(vm, &a, "__int__")?;
        float_to_int(vm, f)
    });
    add_method(vm, c, "__trunc__()", |vm, a| {
        let f = self_float(vm, &a, "__trunc__")?;
        float_to_int(vm, f)
    });
    add_method(vm, c, "__floor__()", |vm, a| {
        let f = self_float(vm, &a, "__floor__")?;
        float_to_int(vm, f.floor())
    });
    add_method(vm, c, "__ceil__()", |vm, a| {
        let f = self_float(vm, &a, "__ceil__")?;
        float_to_int(vm, f.ceil())
    });
    add_method(vm, c, "__round__(ndigits=None, /)", |vm, a| {
        let f = self_float(vm, &a, "__round__")?;
        let nd = a.pos.get(1).copied().unwrap_or(Value::None);
        round_float_value(vm, f, nd)
    });
    add_method(vm, c, "__getnewargs__()", |vm, a| {
        let f = self_float(vm, &a, "__getnewargs__")?;
        Ok(vm.new_tuple(vec![Value::Float(f)]))
    });
    add_method(vm, c, "is_integer()", |vm, a| {
        let f = self_float(vm, &a, "is_integer")?;
        Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
    });
    add_method(vm, c, "as_integer_ratio()", |vm, a| {
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
    add_method(vm, c, "hex()", |vm, a| {
        let f = self_float(vm, &a, "hex")?;
        Ok(vm.new_str(float_hex(f)))
    });
    add_classmethod(vm, c, "fromhex(string, /)", |vm, a| {
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
pub(crate) fn float_other(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    match vm.num_of(v) {
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
