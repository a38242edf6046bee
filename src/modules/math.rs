//! The `math` module, following CPython 3.11's mathmodule.c: the same
//! special-value rules, error messages and algorithms (fsum's exact
//! partials, hypot's compensated vector norm, the Lanczos gamma).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::num::{float_to_int, index_required, to_f64};
use crate::bytecode::op::BinOpKind;
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

/// The C library's math functions, called directly so results match
/// CPython on the same platform bit for bit (Rust's std implements some of
/// these itself).
mod libm {
    extern "C" {
        pub fn sin(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn acos(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        // compiler-builtins defines its own `cbrt`, which would win at link
        // time; glibc's alias reaches the C library's.
        #[cfg_attr(target_env = "gnu", link_name = "cbrtf64")]
        pub fn cbrt(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn atan2(x: f64, y: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
    }
}

pub(crate) fn c_sin(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::sin(x) }
}
pub(crate) fn c_cos(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::cos(x) }
}
pub(crate) fn c_tan(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::tan(x) }
}
pub(crate) fn c_asin(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::asin(x) }
}
pub(crate) fn c_acos(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::acos(x) }
}
pub(crate) fn c_atan(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::atan(x) }
}
pub(crate) fn c_exp(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::exp(x) }
}
pub(crate) fn c_exp2(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::exp2(x) }
}
pub(crate) fn c_expm1(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::expm1(x) }
}
pub(crate) fn c_log(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::log(x) }
}
pub(crate) fn c_log2(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::log2(x) }
}
pub(crate) fn c_log10(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::log10(x) }
}
pub(crate) fn c_log1p(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::log1p(x) }
}
pub(crate) fn c_sinh(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::sinh(x) }
}
pub(crate) fn c_cosh(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::cosh(x) }
}
pub(crate) fn c_tanh(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::tanh(x) }
}
pub(crate) fn c_cbrt(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::cbrt(x) }
}
pub(crate) fn c_asinh(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::asinh(x) }
}
pub(crate) fn c_acosh(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::acosh(x) }
}
pub(crate) fn c_atanh(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::atanh(x) }
}
pub(crate) fn c_erf(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::erf(x) }
}
pub(crate) fn c_erfc(x: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::erfc(x) }
}
pub(crate) fn c_atan2(x: f64, y: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::atan2(x, y) }
}
pub(crate) fn c_pow(x: f64, y: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::pow(x, y) }
}
pub(crate) fn c_nextafter(x: f64, y: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::nextafter(x, y) }
}
pub(crate) fn c_fmod(x: f64, y: f64) -> f64 {
    // SAFETY: a pure libm function on plain doubles.
    unsafe { libm::fmod(x, y) }
}
fn c_ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: a pure libm function on plain values.
    unsafe { libm::ldexp(x, e) }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "math");
    set_attr(vm, m, "pi", Value::Float(std::f64::consts::PI));
    set_attr(vm, m, "e", Value::Float(std::f64::consts::E));
    set_attr(vm, m, "tau", Value::Float(std::f64::consts::TAU));
    set_attr(vm, m, "inf", Value::Float(f64::INFINITY));
    set_attr(vm, m, "nan", Value::Float(f64::NAN));

    macro_rules! math1 {
        ($($name:literal => $f:expr, $ovf:expr);* $(;)?) => {
            $( add_fn(vm, m, concat!($name, "(x, /)"), |vm, a| math1(vm, &a, $name, $f, $ovf)); )*
        };
    }
    math1!(
        "acos" => c_acos, false;
        "acosh" => c_acosh, false;
        "asin" => c_asin, false;
        "asinh" => c_asinh, false;
        "atan" => c_atan, false;
        "atanh" => c_atanh, false;
        "cbrt" => c_cbrt, false;
        "cos" => c_cos, false;
        "cosh" => c_cosh, true;
        "exp" => c_exp, true;
        "exp2" => c_exp2, true;
        "expm1" => c_expm1, true;
        "fabs" => f64::abs, false;
        "log1p" => c_log1p, false;
        "sin" => c_sin, false;
        "sinh" => c_sinh, true;
        "sqrt" => f64::sqrt, false;
        "tan" => c_tan, false;
        "tanh" => c_tanh, false;
    );
    add_fn(vm, m, "erf(x, /)", |vm, a| {
        let x = one_float(vm, &a, "erf")?;
        Ok(Value::Float(c_erf(x)))
    });
    add_fn(vm, m, "erfc(x, /)", |vm, a| {
        let x = one_float(vm, &a, "erfc")?;
        Ok(Value::Float(c_erfc(x)))
    });
    add_fn(vm, m, "gamma(x, /)", |vm, a| {
        let x = one_float(vm, &a, "gamma")?;
        errno_result(vm, m_tgamma(x))
    });
    add_fn(vm, m, "lgamma(x, /)", |vm, a| {
        let x = one_float(vm, &a, "lgamma")?;
        errno_result(vm, m_lgamma(x))
    });
    macro_rules! math2 {
        ($($name:literal => $f:expr);* $(;)?) => {
            $( add_fn(vm, m, concat!($name, "(x, y, /)"), |vm, a| math2(vm, &a, $name, $f)); )*
        };
    }
    math2!(
        "atan2" => m_atan2;
        "copysign" => f64::copysign;
        "remainder" => m_remainder;
    );
    add_fn(vm, m, "fmod(x, y, /)", |vm, a| {
        let (x, y) = two_floats(vm, &a, "fmod")?;
        if y.is_infinite() && x.is_finite() {
            return Ok(Value::Float(x));
        }
        let r = c_fmod(x, y);
        if r.is_nan() && !x.is_nan() && !y.is_nan() {
            return Err(domain_error(vm));
        }
        Ok(Value::Float(r))
    });
    add_fn(vm, m, "pow(x, y, /)", |vm, a| {
        let (x, y) = two_floats(vm, &a, "pow")?;
        let r = c_pow(x, y);
        if x.is_finite() && y.is_finite() {
            if r.is_nan() {
                return Err(domain_error(vm));
            }
            if r.is_infinite() {
                return Err(if x == 0.0 {
                    domain_error(vm)
                } else {
                    range_error(vm)
                });
            }
        }
        Ok(Value::Float(r))
    });
    // CPython's math.log unpacks its arguments by hand (METH_VARARGS).
    add_fn(vm, m, "log(*args)", |vm, a| {
        if a.pos.is_empty() || a.pos.len() > 2 {
            return Err(vm.type_error("math.log requires 1 to 2 arguments"));
        }
        let num = loghelper(vm, a.pos[0], c_log)?;
        let Some(&b) = a.pos.get(1) else {
            return Ok(Value::Float(num));
        };
        let den = loghelper(vm, b, c_log)?;
        if den == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        Ok(Value::Float(num / den))
    });
    add_fn(vm, m, "log2(x, /)", |vm, a| {
        exactly_one(vm, &a, "log2")?;
        loghelper(vm, a.pos[0], c_log2).map(Value::Float)
    });
    add_fn(vm, m, "log10(x, /)", |vm, a| {
        exactly_one(vm, &a, "log10")?;
        loghelper(vm, a.pos[0], c_log10).map(Value::Float)
    });
    add_fn(vm, m, "floor(x, /)", |vm, a| {
        exactly_one(vm, &a, "floor")?;
        round_like(vm, a.pos[0], vm.n.floor, f64::floor)
    });
    add_fn(vm, m, "ceil(x, /)", |vm, a| {
        exactly_one(vm, &a, "ceil")?;
        round_like(vm, a.pos[0], vm.n.ceil, f64::ceil)
    });
    add_fn(vm, m, "trunc(x, /)", |vm, a| {
        exactly_one(vm, &a, "trunc")?;
        let x = a.pos[0];
        if let Value::Float(f) = x {
            return float_to_int(vm, f);
        }
        let k = vm.n.trunc;
        match vm.lookup_special(x, k) {
            Some(f) => vm.call_bound(f, x, &[]),
            None => {
                let tn = vm.type_name(x);
                Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")))
            }
        }
    });
    add_fn(vm, m, "modf(x, /)", |vm, a| {
        let x = one_float(vm, &a, "modf")?;
        let (f, i) = if x.is_infinite() {
            (0.0f64.copysign(x), x)
        } else if x.is_nan() {
            (x, x)
        } else {
            let i = x.trunc();
            ((x - i).copysign(x), i)
        };
        Ok(vm.new_tuple(vec![Value::Float(f), Value::Float(i)]))
    });
    add_fn(vm, m, "frexp(x, /)", |vm, a| {
        let x = one_float(vm, &a, "frexp")?;
        let (mant, e) = frexp(x);
        Ok(vm.new_tuple(vec![Value::Float(mant), Value::Int(e as i64)]))
    });
    add_fn(vm, m, "ldexp(x, i, /)", |vm, a| {
        no_kw(vm, &a, "ldexp")?;
        if a.pos.len() != 2 {
            let n = a.pos.len();
            return Err(vm.type_error(format!("ldexp expected 2 arguments, got {n}")));
        }
        let x = to_f64(vm, a.pos[0])?;
        let Some(e) = vm.as_bigint(a.pos[1]) else {
            return Err(vm.type_error("Expected an int as second argument to ldexp."));
        };
        let r = if x == 0.0 || !x.is_finite() {
            x
        } else if e > BigInt::from(i32::MAX) {
            return Err(range_error(vm));
        } else if e < BigInt::from(i32::MIN) {
            0.0f64.copysign(x)
        } else {
            c_ldexp(x, e.to_i32().unwrap_or(0))
        };
        if r.is_infinite() && x.is_finite() {
            return Err(range_error(vm));
        }
        Ok(Value::Float(r))
    });
    add_fn(vm, m, "degrees(x, /)", |vm, a| {
        let x = one_float(vm, &a, "degrees")?;
        Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
    });
    add_fn(vm, m, "radians(x, /)", |vm, a| {
        let x = one_float(vm, &a, "radians")?;
        Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
    });
    add_fn(vm, m, "isfinite(x, /)", |vm, a| {
        let x = one_float(vm, &a, "isfinite")?;
        Ok(Value::Bool(x.is_finite()))
    });
    add_fn(vm, m, "isinf(x, /)", |vm, a| {
        let x = one_float(vm, &a, "isinf")?;
        Ok(Value::Bool(x.is_infinite()))
    });
    add_fn(vm, m, "isnan(x, /)", |vm, a| {
        let x = one_float(vm, &a, "isnan")?;
        Ok(Value::Bool(x.is_nan()))
    });
    add_fn(
        vm,
        m,
        "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)",
        isclose,
    );
    add_fn(vm, m, "hypot(*coordinates)", |vm, a| {
        no_kw(vm, &a, "hypot")?;
        let mut v = Vec::with_capacity(a.pos.len());
        for &x in a.pos {
            v.push(to_f64(vm, x)?.abs());
        }
        Ok(Value::Float(norm(&v)))
    });
    add_fn(vm, m, "dist(p, q, /)", |vm, a| {
        no_kw(vm, &a, "dist")?;
        if a.pos.len() != 2 {
            let n = a.pos.len();
            return Err(vm.type_error(format!("dist expected 2 arguments, got {n}")));
        }
        let p = vm.collect_iterable(a.pos[0])?;
        let q = vm.collect_iterable(a.pos[1])?;
        if p.len() != q.len() {
            return Err(vm.value_error("both points must have the same number of dimensions"));
        }
        let mut v = Vec::with_capacity(p.len());
        for (x, y) in p.into_iter().zip(q) {
            let px = to_f64(vm, x)?;
            let qx = to_f64(vm, y)?;
            v.push((px - qx).abs());
        }
        Ok(Value::Float(norm(&v)))
    });
    add_fn(vm, m, "fsum(seq, /)", |vm, a| {
        exactly_one(vm, &a, "fsum")?;
        fsum(vm, a.pos[0])
    });
    add_fn(vm, m, "prod(iterable, /, *, start=1)", prod);
    add_fn(vm, m, "gcd(*integers)", |vm, a| {
        no_kw(vm, &a, "gcd")?;
        let mut g = BigInt::zero();
        for &x in a.pos {
            let b = index_required(vm, x)?;
            g = g.gcd(&b);
        }
        Ok(vm.new_bigint(g))
    });
    add_fn(vm, m, "lcm(*integers)", |vm, a| {
        no_kw(vm, &a, "lcm")?;
        let mut l = BigInt::one();
        for &x in a.pos {
            let b = index_required(vm, x)?;
            l = if l.is_zero() || b.is_zero() {
                BigInt::zero()
            } else {
                l.lcm(&b)
            };
        }
        Ok(vm.new_bigint(l.abs()))
    });
    add_fn(vm, m, "factorial(n, /)", |vm, a| {
        exactly_one(vm, &a, "factorial")?;
        let n = index_required(vm, a.pos[0])?;
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
            return Err(
                vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
            );
        };
        Ok(vm.new_bigint(range_product(1, n)))
    });
    add_fn(vm, m, "comb(n, k, /)", |vm, a| {
        no_kw(vm, &a, "comb")?;
        if a.pos.len() != 2 {
            let n = a.pos.len();
            return Err(vm.type_error(format!("comb expected 2 arguments, got {n}")));
        }
        let n = index_required(vm, a.pos[0])?;
        let k = index_required(vm, a.pos[1])?;
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = std::cmp::min(k.clone(), &n - &k);
        let Some(kk) = k.to_u64() else {
            return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
        };
        let mut r = BigInt::one();
        for i in 1..=kk {
            r = r * (&n - &k + BigInt::from(i)) / BigInt::from(i);
        }
        Ok(vm.new_bigint(r))
    });
    add_fn(vm, m, "perm(n, k=None, /)", |vm, a| {
        no_kw(vm, &a, "perm")?;
        if a.pos.is_empty() || a.pos.len() > 2 {
            let n = a.pos.len();
            return Err(vm.type_error(if n == 0 {
                "perm expected at least 1 argument, got 0".to_string()
            } else {
                format!("perm expected at most 2 arguments, got {n}")
            }));
        }
        let n = index_required(vm, a.pos[0])?;
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        let k = match a.pos.get(1) {
            Some(&k) if !k.is_none() => index_required(vm, k)?,
            _ => n.clone(),
        };
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let Some(kk) = k.to_u64() else {
            return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
        };
        let mut r = BigInt::one();
        let mut f = n.clone();
        for _ in 0..kk {
            r *= &f;
            f -= 1;
        }
        Ok(vm.new_bigint(r))
    });
    add_fn(vm, m, "isqrt(n, /)", |vm, a| {
        exactly_one(vm, &a, "isqrt")?;
        let n = index_required(vm, a.pos[0])?;
        if n.is_negative() {
            return Err(vm.value_error("isqrt() argument must be nonnegative"));
        }
        Ok(vm.new_bigint(n.sqrt()))
    });
    add_fn(vm, m, "nextafter(x, y, /)", |vm, a| {
        let (x, y) = two_floats(vm, &a, "nextafter")?;
        Ok(Value::Float(c_nextafter(x, y)))
    });
    add_fn(vm, m, "ulp(x, /)", |vm, a| {
        let x = one_float(vm, &a, "ulp")?;
        if x.is_nan() {
            return Ok(Value::Float(x));
        }
        let x = x.abs();
        if x.is_infinite() {
            return Ok(Value::Float(x));
        }
        let x2 = c_nextafter(x, f64::INFINITY);
        if x2.is_infinite() {
            let x2 = c_nextafter(x, -f64::INFINITY);
            return Ok(Value::Float(x - x2));
        }
        Ok(Value::Float(x2 - x))
    });
    Ok(m)
}

fn domain_error(vm: &mut Vm) -> Value {
    vm.value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> Value {
    vm.overflow_error("math range error")
}

fn no_kw(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if !a.kw.is_empty() {
        return Err(vm.type_error(format!("math.{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn exactly_one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    no_kw(vm, a, name)?;
    if a.pos.len() != 1 {
        let n = a.pos.len();
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({n} given)"
        )));
    }
    Ok(())
}

fn one_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    exactly_one(vm, a, name)?;
    to_f64(vm, a.pos[0])
}

fn two_floats(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    no_kw(vm, a, name)?;
    if a.pos.len() != 2 {
        let n = a.pos.len();
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {n}")));
    }
    let x = to_f64(vm, a.pos[0])?;
    let y = to_f64(vm, a.pos[1])?;
    Ok((x, y))
}

/// CPython's math_1: NaN from non-NaN is a domain error; an infinity from a
/// finite input is an overflow (if the function can overflow) or a domain error.
fn math1(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = one_float(vm, a, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(Value::Float(r))
}

/// CPython's math_2.
fn math2(vm: &mut Vm, a: &Args, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let (x, y) = two_floats(vm, a, name)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

/// A result with an errno-style error (gamma, lgamma).
fn errno_result(vm: &mut Vm, r: Result<f64, Errno>) -> PyResult<Value> {
    match r {
        Ok(x) => Ok(Value::Float(x)),
        Err(Errno::Dom) => Err(domain_error(vm)),
        Err(Errno::Range(x)) => {
            if x.abs() < 1.5 {
                Ok(Value::Float(x))
            } else {
                Err(range_error(vm))
            }
        }
    }
}

enum Errno {
    Dom,
    Range(f64),
}

fn round_like(vm: &mut Vm, x: Value, name: Value, f: fn(f64) -> f64) -> PyResult<Value> {
    match x {
        Value::Float(v) => return float_to_int(vm, f(v)),
        Value::Int(_) => return Ok(x),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        _ => {}
    }
    if let Some(m) = vm.lookup_special(x, name) {
        return vm.call_bound(m, x, &[]);
    }
    let v = to_f64(vm, x)?;
    float_to_int(vm, f(v))
}

/// log of a number, exact for huge ints (CPython's loghelper).
fn loghelper(vm: &mut Vm, x: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = vm.as_bigint(x) {
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        return Ok(match crate::vm::num::bigint_to_f64(&b) {
            Some(v) => f(v),
            None => {
                let bits = b.bits();
                let shift = bits - 64;
                let top = (&b >> shift as usize).to_u64().unwrap_or(u64::MAX);
                let m = top as f64 / 18446744073709551616.0;
                f(m) + f(2.0) * (bits as f64)
            }
        });
    }
    let v = to_f64(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(v))
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * f64::from_bits((1023u64 + 54) << 52));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    c_atan2(y, x)
}

fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

const PI: f64 = std::f64::consts::PI;
const LOGPI: f64 = 1.144_729_885_849_400_2;
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn m_sinpi(x: f64) -> f64 {
    let y = c_fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => c_sin(PI * y),
        1 => c_cos(PI * (y - 0.5)),
        2 => c_sin(PI * (1.0 - y)),
        3 => -c_cos(PI * (y - 1.5)),
        _ => c_sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

fn m_tgamma(x: f64) -> Result<f64, Errno> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(Errno::Dom);
    }
    if x == 0.0 {
        return Err(Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(Errno::Dom);
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        if r.is_infinite() {
            return Err(Errno::Range(r));
        }
        return Ok(r);
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / m_sinpi(x));
        }
        return Err(Errno::Range(f64::INFINITY));
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / m_sinpi(absx) / absx * c_exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= c_pow(y, absx - 0.5);
        } else {
            let sqrtpow = c_pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / c_exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= c_pow(y, absx - 0.5);
        } else {
            let sqrtpow = c_pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(Errno::Range(r));
    }
    Ok(r)
}

fn m_lgamma(x: f64) -> Result<f64, Errno> {
    if !x.is_finite() {
        if x.is_nan() {
            return Ok(x);
        }
        return Ok(f64::INFINITY);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(Errno::Dom);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-c_log(absx));
    }
    let mut r = c_log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (c_log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - c_log(m_sinpi(absx).abs()) - c_log(absx) - r;
    }
    if r.is_infinite() {
        return Err(Errno::Range(r));
    }
    Ok(r)
}

/// CPython 3.11's vector_norm over absolute values.
fn norm(vec: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in vec {
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    let n = vec.len();
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || n <= 1 {
        return max;
    }
    const T27: f64 = 134217729.0;
    let (_, max_e) = frexp(max);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    let mut frac3 = 0.0f64;
    if max_e >= -1023 {
        let scale = c_ldexp(1.0, -max_e);
        for &v in vec {
            let mut x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let mut x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let mut x = v / max;
        x *= x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if !matches!(ks.as_str(), "a" | "b" | "rel_tol" | "abs_tol") {
            return Err(vm.type_error(format!(
                "isclose() got an unexpected keyword argument '{ks}'"
            )));
        }
    }
    if a.pos.len() > 2 {
        let n = a.pos.len();
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({n} given)"
        )));
    }
    let Some(x) = a.get(vm, 0, "a") else {
        return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let Some(y) = a.get(vm, 1, "b") else {
        return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    let x = to_f64(vm, x)?;
    let y = to_f64(vm, y)?;
    let rel = match a.kw(vm, "rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match a.kw(vm, "abs_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs_tol,
    ))
}

/// fsum(iterable): Shewchuk's exact partials with CPython's final rounding.
fn fsum(vm: &mut Vm, seq: Value) -> PyResult<Value> {
    let base = vm.temp_roots.len();
    let res = (|| -> PyResult<Value> {
        let it = vm.iter(seq)?;
        vm.temp_roots.push(it);
        let mut p: Vec<f64> = Vec::new();
        let mut special_sum = 0.0f64;
        let mut inf_sum = 0.0f64;
        while let Some(item) = vm.next(it)? {
            let mut x = to_f64(vm, item)?;
            let xsave = x;
            let mut i = 0;
            for j in 0..p.len() {
                let mut y = p[j];
                if x.abs() < y.abs() {
                    std::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let yr = hi - x;
                let lo = y - yr;
                if lo != 0.0 {
                    p[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            p.truncate(i);
            if x != 0.0 {
                if !x.is_finite() {
                    if xsave.is_finite() {
                        return Err(vm.overflow_error("intermediate overflow in fsum"));
                    }
                    if xsave.is_infinite() {
                        inf_sum += xsave;
                    }
                    special_sum += xsave;
                    p.clear();
                } else {
                    p.push(x);
                }
            }
        }
        if special_sum != 0.0 {
            if inf_sum.is_nan() {
                return Err(vm.value_error("-inf + inf in fsum"));
            }
            return Ok(Value::Float(special_sum));
        }
        let mut hi = 0.0f64;
        let mut n = p.len();
        if n > 0 {
            n -= 1;
            hi = p[n];
            let mut lo = 0.0f64;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(Value::Float(hi))
    })();
    vm.temp_roots.truncate(base);
    res
}

/// prod(iterable, /, *, start=1)
fn prod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if ks != "start" {
            return Err(vm.type_error(format!("prod() got an unexpected keyword argument '{ks}'")));
        }
    }
    if a.pos.len() != 1 {
        let n = a.pos.len();
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({n} given)"
        )));
    }
    let start = a.kw(vm, "start").unwrap_or(Value::Int(1));
    let base = vm.temp_roots.len();
    let res = (|| -> PyResult<Value> {
        let it = vm.iter(a.pos[0])?;
        vm.temp_roots.push(it);
        let slot = vm.temp_roots.len();
        vm.temp_roots.push(start);
        let mut acc = start;
        while let Some(item) = vm.next(it)? {
            vm.temp_roots.push(item);
            acc = vm.binary_op(acc, item, BinOpKind::Mul, false)?;
            vm.temp_roots.truncate(slot);
            vm.temp_roots.push(acc);
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    res
}

/// lo * (lo+1) * ... * hi by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut r = BigInt::one();
        for i in lo..=hi {
            r *= i;
        }
        return r;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}
