//! The complex type and complex arithmetic.

use crate::bytecode::op::{BinOpKind, CmpKind};
use crate::object::*;
use crate::text;
use crate::vm::num::Num;
use crate::vm::Vm;

use super::{add_method, add_staticmethod, check};

use super::float::float_other;
use super::num::*;

pub(crate) fn install_complex(vm: &mut Vm) {
    let c = vm.t.complex;
    add_staticmethod(vm, c, "__new__(*args, **kwargs)", complex_new);
    macro_rules! binops {
        ($($name:literal, $rname:literal => $kind:ident),* $(,)?) => {
            $(
                add_method(vm, c, concat!($name, "(value, /)"), |vm, a| complex_binop(vm, a, BinOpKind::$kind, false));
                add_method(vm, c, concat!($rname, "(value, /)"), |vm, a| complex_binop(vm, a, BinOpKind::$kind, true));
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
    add_method(vm, c, "__eq__(value, /)", |vm, a| complex_eq(vm, a, false));
    add_method(vm, c, "__ne__(value, /)", |vm, a| complex_eq(vm, a, true));
    for name in [
        "__lt__(value, /)",
        "__le__(value, /)",
        "__gt__(value, /)",
        "__ge__(value, /)",
    ] {
        add_method(vm, c, name, |vm, _| Ok(vm.not_implemented));
    }
    add_method(vm, c, "__neg__()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__neg__")?;
        Ok(vm.alloc(Obj::Complex(-re, -im)))
    });
    add_method(vm, c, "__pos__()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__pos__")?;
        Ok(vm.alloc(Obj::Complex(re, im)))
    });
    add_method(vm, c, "conjugate()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "conjugate")?;
        Ok(vm.alloc(Obj::Complex(re, -im)))
    });
    add_method(vm, c, "__abs__()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__abs__")?;
        complex_abs(vm, re, im).map(Value::Float)
    });
    add_method(vm, c, "__bool__()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__bool__")?;
        Ok(Value::Bool(re != 0.0 || im != 0.0))
    });
    add_method(vm, c, "__hash__()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__hash__")?;
        let hr = crate::vm::compare::hash_float(re);
        let hi = crate::vm::compare::hash_float(im);
        let h = (hr as u64).wrapping_add(1000003u64.wrapping_mul(hi as u64)) as i64;
        Ok(Value::Int(if h == -1 { -2 } else { h }))
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__repr__")?;
        Ok(vm.new_str(crate::vm::display::complex_repr(re, im)))
    });
    add_method(vm, c, "__complex__()", |vm, a| {
        let (re, im) = self_complex(vm, &a, "__complex__")?;
        Ok(vm.alloc(Obj::Complex(re, im)))
    });
    add_method(vm, c, "__getnewargs__()", |vm, a| {
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
            // As CPython: a part is combined only with the parts of an
            // argument that is complex, so complex(1.0, -0.0) keeps -0.0.
            match i {
                None => (rr, ri),
                Some(iv) => {
                    let r_cx = r.is_some_and(|r| is_complex_arg(vm, r));
                    let i_cx = is_complex_arg(vm, iv);
                    (
                        if i_cx { rr - ii } else { rr },
                        if r_cx { ri + ir } else { ir },
                    )
                }
            }
        }
    };
    let c = vm.alloc(Obj::Complex(v.0, v.1));
    Ok(wrap_for(vm, cls, vm.t.complex, c))
}

/// Whether a complex() argument is a complex number (or has __complex__).
fn is_complex_arg(vm: &Vm, v: Value) -> bool {
    if complex_of(vm, v).is_some() {
        return true;
    }
    let ck = vm.n.complex_;
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)))
        && vm.lookup_special(v, ck).is_some()
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
