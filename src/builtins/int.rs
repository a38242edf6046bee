//! The int type: construction, arithmetic methods, to_bytes / from_bytes.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::text;
use crate::vm::num::Num;
use crate::vm::Vm;

use super::{add_classmethod, add_method, add_staticmethod, check};

use super::num::*;

pub(crate) fn install_int(vm: &mut Vm) {
    let c = vm.t.int;
    add_staticmethod(vm, c, "__new__(*args, **kwargs)", int_new);
    macro_rules! binops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, concat!($name, "(value, /)"), |vm, a| int_binop(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, concat!($rname, "(value, /)"), |vm, a| int_binop(vm, a, BinOpKind::$kind, true));
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
    add_method(vm, c, "__pow__(value, mod=None, /)", |vm, a| {
        int_pow(vm, a, false)
    });
    add_method(vm, c, "__rpow__(value, mod=None, /)", |vm, a| {
        int_pow(vm, a, true)
    });
    add_method(vm, c, "__divmod__(value, /)", |vm, a| {
        int_divmod(vm, a, false)
    });
    add_method(vm, c, "__rdivmod__(value, /)", |vm, a| {
        int_divmod(vm, a, true)
    });
    macro_rules! cmps {
        ($($name:literal => $kind:ident),* $(,)?) => {
            $( add_method(vm, c, concat!($name, "(value, /)"), |vm, a| num_cmp(vm, a, CmpKind::$kind, true)); )*
        };
    }
    cmps!("__eq__" => Eq, "__ne__" => Ne, "__lt__" => Lt, "__le__" => Le, "__gt__" => Gt, "__ge__" => Ge);
    add_method(vm, c, "__hash__()", |vm, a| {
        let b = self_int(vm, &a, "__hash__")?;
        let v = int_val(vm, b);
        vm.hash(v).map(Value::Int)
    });
    add_method(vm, c, "__bool__()", |vm, a| {
        let b = self_int(vm, &a, "__bool__")?;
        Ok(Value::Bool(!b.is_zero()))
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let b = self_int(vm, &a, "__repr__")?;
        if let Some(Value::Bool(x)) = a.pos.first().map(|&v| plain(vm, v)) {
            return Ok(vm.new_str(if x { "True" } else { "False" }));
        }
        let s = text::int::int_to_decimal(&b).map_err(|e| vm.text_error(e))?;
        Ok(vm.new_str(s))
    });
    add_method(vm, c, "__format__(format_spec, /)", |vm, a| {
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
        "__index__()",
        "__int__()",
        "__trunc__()",
        "__floor__()",
        "__ceil__()",
        "__pos__()",
    ] {
        add_method(vm, c, name, |vm, a| {
            let b = self_int(vm, &a, "__int__")?;
            Ok(int_val(vm, b))
        });
    }
    add_method(vm, c, "conjugate()", |vm, a| {
        let b = self_int(vm, &a, "conjugate")?;
        Ok(int_val(vm, b))
    });
    add_method(vm, c, "__float__()", |vm, a| {
        let b = self_int(vm, &a, "__float__")?;
        big_to_f64(vm, &b).map(Value::Float)
    });
    add_method(vm, c, "__neg__()", |vm, a| {
        let b = self_int(vm, &a, "__neg__")?;
        Ok(int_val(vm, -b))
    });
    add_method(vm, c, "__abs__()", |vm, a| {
        let b = self_int(vm, &a, "__abs__")?;
        Ok(int_val(vm, b.abs()))
    });
    add_method(vm, c, "__invert__()", |vm, a| {
        let b = self_int(vm, &a, "__invert__")?;
        Ok(int_val(vm, -b - 1))
    });
    add_method(vm, c, "__round__(ndigits=None, /)", |vm, a| {
        let b = self_int(vm, &a, "__round__")?;
        let nd = a.pos.get(1).copied().unwrap_or(Value::None);
        round_int(vm, b, nd)
    });
    add_method(vm, c, "__getnewargs__()", |vm, a| {
        let b = self_int(vm, &a, "__getnewargs__")?;
        let v = int_val(vm, b);
        Ok(vm.new_tuple(vec![v]))
    });
    add_method(vm, c, "bit_length()", |vm, a| {
        let b = self_int(vm, &a, "bit_length")?;
        Ok(Value::Int(b.bits() as i64))
    });
    add_method(vm, c, "bit_count()", |vm, a| {
        let b = self_int(vm, &a, "bit_count")?;
        let n: u64 = b
            .magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as u64)
            .sum();
        Ok(Value::Int(n as i64))
    });
    add_method(vm, c, "as_integer_ratio()", |vm, a| {
        let b = self_int(vm, &a, "as_integer_ratio")?;
        let v = int_val(vm, b);
        Ok(vm.new_tuple(vec![v, Value::Int(1)]))
    });
    add_method(
        vm,
        c,
        "to_bytes(length=1, byteorder='big', *, signed=False)",
        int_to_bytes,
    );
    add_classmethod(
        vm,
        c,
        "from_bytes(bytes, byteorder='big', *, signed=False)",
        int_from_bytes,
    );
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

/// The int inside an int or an instance of an int subclass.
fn int_of_sub(vm: &Vm, v: Value) -> Option<BigInt> {
    match vm.num_of(v)? {
        Num::Int(i) => Some(BigInt::from(i)),
        Num::Big(b) => Some(b),
        Num::Float(_) => None,
    }
}

/// Only int operands (floats make int's dunders return NotImplemented).
fn int_num(vm: &Vm, v: Value) -> Option<Num> {
    match vm.num_of(v)? {
        Num::Float(_) => None,
        n => Some(n),
    }
}

pub(crate) fn int_binop(vm: &mut Vm, a: Args, kind: BinOpKind, rev: bool) -> PyResult<Value> {
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
        if int_of_sub(vm, m).is_none() {
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
    let (Some(b), Some(e), Some(m)) = (int_of_sub(vm, b), int_of_sub(vm, e), int_of_sub(vm, m))
    else {
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
    let Some(x) = a.pos.first().and_then(|&v| int_of_sub(vm, v)) else {
        return Err(descr_error(vm, "__divmod__", "int", a.pos.first().copied()));
    };
    n_args(vm, &a, 1, "__divmod__")?;
    let Some(y) = a
        .pos
        .get(1)
        .and_then(|&v| int_num(vm, v))
        .and_then(|_| int_of_sub(vm, a.pos[1]))
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
pub(crate) fn num_cmp(vm: &mut Vm, a: Args, kind: CmpKind, int_only: bool) -> PyResult<Value> {
    let cls = if int_only { "int" } else { "float" };
    let ok_self = match a.pos.first().and_then(|&v| vm.num_of(v)) {
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
        vm.num_of(a.pos[1]).is_some()
    };
    if !other_ok {
        return Ok(vm.not_implemented);
    }
    let (x, y) = (
        super::num::plain(vm, a.pos[0]),
        super::num::plain(vm, a.pos[1]),
    );
    match vm.num_compare(x, y, kind) {
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
    let extra = len - bytes.len();
    vm.try_grow(&mut bytes, extra)?;
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
