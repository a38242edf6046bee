//! The `cmath` module: complex functions with CPython 3.11's algorithms
//! (Kahan's branch cuts: square roots of 1 +- z for the inverse functions,
//! rescaling near the ends of the double range, log1p near |z| = 1) and its
//! special values (inputs with an infinite or NaN part), which come from
//! tables generated from CPython (cmath_special.rs). Errors as CPython:
//! ValueError("math domain error"), OverflowError("math range error").

use crate::builtins::complex::complex_of;
use crate::builtins::num::to_f64;
use crate::object::*;
use crate::vm::Vm;

use super::cmath_special as sv;
use super::math::{
    c_asinh, c_atan2, c_cos, c_cosh, c_exp, c_log, c_log1p, c_sin, c_sinh, c_tan, c_tanh,
};
use super::{add_fn, new_module, set_attr};

/// A complex value as (real, imaginary).
type C = (f64, f64);

/// What a computation reports besides its value (C's errno).
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Fault {
    None,
    Domain,
    Range,
}

/// One cell of a special-value table.
#[derive(Clone, Copy)]
pub(super) enum Cell {
    /// The result depends on the finite part: computed by the function.
    Calc,
    Val(f64, f64, Fault),
}

pub(super) type Table = [[Cell; 7]; 7];

pub(super) const CALC: Cell = Cell::Calc;
pub(super) const fn v(re: f64, im: f64) -> Cell {
    Cell::Val(re, im, Fault::None)
}
pub(super) const fn vd(re: f64, im: f64) -> Cell {
    Cell::Val(re, im, Fault::Domain)
}
pub(super) const P: f64 = f64::INFINITY;
pub(super) const M: f64 = f64::NEG_INFINITY;
pub(super) const N: f64 = f64::NAN;
pub(super) const Z: f64 = 0.0;
pub(super) const NZ: f64 = -0.0;
pub(super) const ONE: f64 = 1.0;
pub(super) const PI: f64 = std::f64::consts::PI;
pub(super) const PI2: f64 = std::f64::consts::FRAC_PI_2;
pub(super) const PI4: f64 = std::f64::consts::FRAC_PI_4;
pub(super) const PI34: f64 = 0.75 * std::f64::consts::PI;

const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
/// Past this magnitude the textbook formulas overflow: CPython's
/// CM_LARGE_DOUBLE (DBL_MAX / 4) and the values derived from it.
const LARGE: f64 = f64::MAX / 4.0;
const SQRT_DBL_MIN: f64 = 1.4916681462400413e-154;
const TWO53: f64 = 9007199254740992.0;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}
fn log_large() -> f64 {
    c_log(LARGE)
}

/// Class of a double in the tables' order: -inf, negative, -0, +0,
/// positive, +inf, NaN.
fn class(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x == f64::INFINITY {
        5
    } else if x == f64::NEG_INFINITY {
        0
    } else if x == 0.0 {
        if x.is_sign_negative() {
            2
        } else {
            3
        }
    } else if x < 0.0 {
        1
    } else {
        4
    }
}

/// The table's value for a non-finite z, or None if z is finite or the
/// cell is computed.
fn special(t: &Table, z: C) -> Option<(C, Fault)> {
    if z.0.is_finite() && z.1.is_finite() {
        return None;
    }
    match t[class(z.0)][class(z.1)] {
        Cell::Calc => None,
        Cell::Val(re, im, f) => Some(((re, im), f)),
    }
}

fn c_sqrt(z: C) -> (C, Fault) {
    if let Some(r) = special(&sv::SQRT, z) {
        return r;
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ((0.0, z.1), Fault::None);
    }
    let ax = z.0.abs();
    let ay = z.1.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Subnormal parts: scale up by 2**53 so hypot keeps its bits, and
        // the root back down by 2**27.
        let ax = ax * TWO53;
        (ax + ax.hypot(ay * TWO53)).sqrt() / 134217728.0
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        ((s, d.copysign(z.1)), Fault::None)
    } else {
        ((d, s.copysign(z.1)), Fault::None)
    }
}

fn c_exp_(z: C) -> (C, Fault) {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (c, s) = (c_cos(z.1), c_sin(z.1));
            return if z.0 > 0.0 {
                ((P.copysign(c), P.copysign(s)), Fault::None)
            } else {
                ((Z.copysign(c), Z.copysign(s)), Fault::None)
            };
        }
        if let Some(r) = special(&sv::EXP, z) {
            return r;
        }
    }
    let (re, im) = if z.0 > log_large() {
        let l = c_exp(z.0 - 1.0);
        (
            l * c_cos(z.1) * std::f64::consts::E,
            l * c_sin(z.1) * std::f64::consts::E,
        )
    } else {
        let l = c_exp(z.0);
        (l * c_cos(z.1), l * c_sin(z.1))
    };
    let f = if re.is_infinite() || im.is_infinite() {
        Fault::Range
    } else {
        Fault::None
    };
    ((re, im), f)
}

fn c_log_(z: C) -> (C, Fault) {
    if let Some(r) = special(&sv::LOG, z) {
        return r;
    }
    let ax = z.0.abs();
    let ay = z.1.abs();
    let mut fault = Fault::None;
    let re = if ax > LARGE || ay > LARGE {
        c_log((ax / 2.0).hypot(ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            c_log((ax * TWO53).hypot(ay * TWO53)) - 53.0 * LN2
        } else {
            fault = Fault::Domain;
            f64::NEG_INFINITY
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let am = ax.max(ay);
            let an = ax.min(ay);
            c_log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            c_log(h)
        }
    };
    ((re, c_atan2(z.1, z.0)), fault)
}

fn c_acos(z: C) -> (C, Fault) {
    if let Some(r) = special(&sv::ACOS, z) {
        return r;
    }
    let r = if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = c_atan2(z.1.abs(), z.0);
        let l = c_log((z.0 / 2.0).hypot(z.1 / 2.0)) + LN2 * 2.0;
        let im = if z.0 < 0.0 {
            -l.copysign(z.1)
        } else {
            l.copysign(-z.1)
        };
        (re, im)
    } else {
        let s1 = c_sqrt((1.0 - z.0, -z.1)).0;
        let s2 = c_sqrt((1.0 + z.0, z.1)).0;
        (
            2.0 * c_atan2(s1.0, s2.0),
            c_asinh(s2.0 * s1.1 - s2.1 * s1.0),
        )
    };
    (r, Fault::None)
}

fn c_acosh(z: C) -> (C, Fault) {
    if let Some(r) = special(&sv::ACOSH, z) {
        return r;
    }
    let r = if z.0.abs() > LARGE || z.1.abs() > LARGE {
        (
            c_log((z.0 / 2.0).hypot(z.1 / 2.0)) + LN2 * 2.0,
            c_atan2(z.1, z.0),
        )
    } else {
        let s1 = c_sqrt((z.0 - 1.0, z.1)).0;
        let s2 = c_sqrt((z.0 + 1.0, z.1)).0;
        (
            c_asinh(s1.0 * s2.0 + s1.1 * s2.1),
            2.0 * c_atan2(s1.1, s2.0),
        )
    };
    (r, Fault::None)
}

fn c_asinh_(z: C) -> (C, Fault) {
    if let Some(r) = special(&sv::ASINH, z) {
        return r;
    }
    let r = if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = c_log((z.0 / 2.0).hypot(z.1 / 2.0)) + LN2 * 2.0;
        let re = if z.1 >= 0.0 {
            l.copysign(z.0)
        } else {
            -l.copysign(-z.0)
        };
        (re, c_atan2(z.1, z.0.abs()))
    } else {
        let s1 = c_sqrt((1.0 + z.1, -z.0)).0;
        let s2 = c_sqrt((1.0 - z.1, z.0)).0;
        (
            c_asinh(s1.0 * s2.1 - s2.0 * s1.1),
            c_atan2(z.1, s1.0 * s2.0 - s1.1 * s2.1),
        )
    };
    (r, Fault::None)
}

fn c_atanh_(z: C) -> (C, Fault) {
    if let Some(r) = special(&sv::ATANH, z) {
        return r;
    }
    if z.0 < 0.0 {
        let (r, f) = c_atanh_((-z.0, -z.1));
        return ((-r.0, -r.1), f);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return ((z.0 / 4.0 / h / h, -PI2.copysign(-z.1)), Fault::None);
    }
    if z.0 == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            return ((P, z.1), Fault::Domain);
        }
        let re = -c_log(ay.sqrt() / ay.hypot(2.0).sqrt());
        return ((re, (c_atan2(2.0, -ay) / 2.0).copysign(z.1)), Fault::None);
    }
    let re = c_log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
    let im = -c_atan2(-2.0 * z.1, (1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
    ((re, im), Fault::None)
}

/// cosh (odd = false) or sinh (odd = true).
fn c_cosh_sinh(z: C, odd: bool) -> (C, Fault) {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (c, s) = (c_cos(z.1), c_sin(z.1));
            let sx = 1f64.copysign(z.0);
            return if odd {
                ((P.copysign(c) * sx, P.copysign(s)), Fault::None)
            } else {
                ((P.copysign(c), P.copysign(s) * sx), Fault::None)
            };
        }
        let t = if odd { &sv::SINH } else { &sv::COSH };
        if let Some(r) = special(t, z) {
            return r;
        }
    }
    let (ch, sh, e) = if z.0.abs() > log_large() {
        let x1 = z.0 - 1f64.copysign(z.0);
        (c_cosh(x1), c_sinh(x1), std::f64::consts::E)
    } else {
        (c_cosh(z.0), c_sinh(z.0), 1.0)
    };
    let (c, s) = (c_cos(z.1), c_sin(z.1));
    let r = if odd {
        (c * sh * e, s * ch * e)
    } else {
        (c * ch * e, s * sh * e)
    };
    let f = if r.0.is_infinite() || r.1.is_infinite() {
        Fault::Range
    } else {
        Fault::None
    };
    (r, f)
}

fn c_tanh_(z: C) -> (C, Fault) {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = Z.copysign(2.0 * c_sin(z.1) * c_cos(z.1));
            return ((1f64.copysign(z.0), im), Fault::None);
        }
        if let Some(r) = special(&sv::TANH, z) {
            return r;
        }
    }
    if z.0.abs() > log_large() {
        let im = 4.0 * c_sin(z.1) * c_cos(z.1) * c_exp(-2.0 * z.0.abs());
        return ((1f64.copysign(z.0), im), Fault::None);
    }
    let tx = c_tanh(z.0);
    let ty = c_tan(z.1);
    let cx = 1.0 / c_cosh(z.0);
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx),
        Fault::None,
    )
}

/// z times -i of f(i z): the inverse and circular functions from the
/// hyperbolic ones (asin from asinh, atan from atanh, sin, tan).
fn rot(f: fn(C) -> (C, Fault), z: C) -> (C, Fault) {
    let (r, fault) = f((-z.1, z.0));
    ((r.1, -r.0), fault)
}

fn c_rect(r: f64, phi: f64) -> (C, Fault) {
    if !r.is_finite() || !phi.is_finite() {
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            return ((r * c_cos(phi), r * c_sin(phi)), Fault::None);
        }
        if let Some(x) = special(&sv::RECT, (r, phi)) {
            return x;
        }
    }
    if phi == 0.0 {
        // r * sin(phi) keeps the sign of a zero phi (CPython works around
        // platforms that lose it).
        return ((r, r * phi), Fault::None);
    }
    ((r * c_cos(phi), r * c_sin(phi)), Fault::None)
}

/// The complex value of an argument: complex, __complex__, or a real number.
fn arg(vm: &mut Vm, v: Value) -> PyResult<C> {
    if let Some(c) = complex_of(vm, v) {
        return Ok(c);
    }
    if let Value::Obj(r) = v {
        if matches!(vm.heap.get(r), Obj::Instance(_)) {
            let ck = vm.n.complex_;
            if let Some(f) = vm.lookup_special(v, ck) {
                let res = vm.call_bound(f, v, &[])?;
                return match complex_of(vm, res) {
                    Some(c) => Ok(c),
                    None => {
                        let tn = vm.type_name(res);
                        Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")))
                    }
                };
            }
        }
    }
    Ok((to_f64(vm, v)?, 0.0))
}

fn finish(vm: &mut Vm, (r, f): (C, Fault)) -> PyResult<Value> {
    match f {
        Fault::Domain => Err(vm.value_error("math domain error")),
        Fault::Range => Err(vm.overflow_error("math range error")),
        Fault::None => Ok(vm.alloc(Obj::Complex(r.0, r.1))),
    }
}

/// CPython's complex division, as cmath.log(z, base) uses it.
fn c_quot(a: C, b: C) -> (C, Fault) {
    let (abr, abi) = (b.0.abs(), b.1.abs());
    if abr >= abi {
        if abr == 0.0 {
            return ((0.0, 0.0), Fault::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        (
            ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom),
            Fault::None,
        )
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        (
            ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom),
            Fault::None,
        )
    } else {
        ((N, N), Fault::None)
    }
}

/// |z| as CPython's _Py_c_abs: hypot, with the infinities first.
fn c_abs(z: C) -> (f64, Fault) {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() || z.1.is_infinite() {
            return (P, Fault::None);
        }
        return (N, Fault::None);
    }
    let r = z.0.hypot(z.1);
    (
        r,
        if r.is_finite() {
            Fault::None
        } else {
            Fault::Range
        },
    )
}

macro_rules! unary {
    ($vm:expr, $m:expr, $decl:expr, $f:expr) => {
        add_fn($vm, $m, $decl, |vm, a| {
            let z = arg(vm, a.pos[0])?;
            finish(vm, $f(z))
        });
    };
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "cmath");
    unary!(vm, m, "sqrt(z, /)", c_sqrt);
    unary!(vm, m, "exp(z, /)", c_exp_);
    unary!(vm, m, "acos(z, /)", c_acos);
    unary!(vm, m, "acosh(z, /)", c_acosh);
    unary!(vm, m, "asinh(z, /)", c_asinh_);
    unary!(vm, m, "atanh(z, /)", c_atanh_);
    unary!(vm, m, "asin(z, /)", |z| rot(c_asinh_, z));
    unary!(vm, m, "atan(z, /)", |z| rot(c_atanh_, z));
    unary!(vm, m, "cosh(z, /)", |z| c_cosh_sinh(z, false));
    unary!(vm, m, "sinh(z, /)", |z| c_cosh_sinh(z, true));
    unary!(vm, m, "tanh(z, /)", c_tanh_);
    unary!(vm, m, "cos(z, /)", |z: C| c_cosh_sinh((-z.1, z.0), false));
    unary!(vm, m, "sin(z, /)", |z| rot(|w| c_cosh_sinh(w, true), z));
    unary!(vm, m, "tan(z, /)", |z| rot(c_tanh_, z));
    unary!(vm, m, "log10(z, /)", |z| {
        let ((re, im), f) = c_log_(z);
        ((re / LN10, im / LN10), f)
    });
    add_fn(vm, m, "log(x, base=None, /)", |vm, a| {
        let z = arg(vm, a.pos[0])?;
        let (r, f) = c_log_(z);
        let base = a.get(vm, 1, "base").filter(|b| !b.is_none());
        let Some(b) = base else {
            return finish(vm, (r, f));
        };
        // CPython checks errno once, after the quotient: the base's log
        // clears a domain error of log(x) (log(0, 2) is (-inf+nanj)).
        let bz = arg(vm, b)?;
        let (lb, fb) = c_log_(bz);
        let (q, fq) = c_quot(r, lb);
        finish(vm, (q, if fq != Fault::None { fq } else { fb }))
    });
    add_fn(vm, m, "phase(z, /)", |vm, a| {
        let z = arg(vm, a.pos[0])?;
        Ok(Value::Float(c_atan2(z.1, z.0)))
    });
    add_fn(vm, m, "polar(z, /)", |vm, a| {
        let z = arg(vm, a.pos[0])?;
        let (r, f) = c_abs(z);
        if f == Fault::Range {
            return Err(vm.overflow_error("math range error"));
        }
        let phi = c_atan2(z.1, z.0);
        Ok(vm.new_tuple(vec![Value::Float(r), Value::Float(phi)]))
    });
    add_fn(vm, m, "rect(r, phi, /)", |vm, a| {
        let r = to_f64(vm, a.pos[0])?;
        let phi = to_f64(vm, a.pos[1])?;
        finish(vm, c_rect(r, phi))
    });
    add_fn(vm, m, "isfinite(z, /)", |vm, a| {
        let z = arg(vm, a.pos[0])?;
        Ok(Value::Bool(z.0.is_finite() && z.1.is_finite()))
    });
    add_fn(vm, m, "isinf(z, /)", |vm, a| {
        let z = arg(vm, a.pos[0])?;
        Ok(Value::Bool(z.0.is_infinite() || z.1.is_infinite()))
    });
    add_fn(vm, m, "isnan(z, /)", |vm, a| {
        let z = arg(vm, a.pos[0])?;
        Ok(Value::Bool(z.0.is_nan() || z.1.is_nan()))
    });
    add_fn(
        vm,
        m,
        "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)",
        |vm, a| {
            let x = arg(vm, a.pos[0])?;
            let y = arg(vm, a.pos[1])?;
            let rel = match a.get(vm, 2, "rel_tol") {
                Some(v) => to_f64(vm, v)?,
                None => 1e-9,
            };
            let abs_tol = match a.get(vm, 3, "abs_tol") {
                Some(v) => to_f64(vm, v)?,
                None => 0.0,
            };
            if rel < 0.0 || abs_tol < 0.0 {
                return Err(vm.value_error("tolerances must be non-negative"));
            }
            if x == y {
                return Ok(Value::Bool(true));
            }
            if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
                return Ok(Value::Bool(false));
            }
            let diff = c_abs((x.0 - y.0, x.1 - y.1)).0;
            let close = diff <= rel * c_abs(y).0 || diff <= rel * c_abs(x).0 || diff <= abs_tol;
            Ok(Value::Bool(close))
        },
    );
    set_attr(vm, m, "pi", Value::Float(PI));
    set_attr(vm, m, "e", Value::Float(std::f64::consts::E));
    set_attr(vm, m, "tau", Value::Float(std::f64::consts::TAU));
    set_attr(vm, m, "inf", Value::Float(P));
    set_attr(vm, m, "nan", Value::Float(N));
    let infj = vm.alloc(Obj::Complex(0.0, P));
    set_attr(vm, m, "infj", infj);
    let nanj = vm.alloc(Obj::Complex(0.0, N));
    set_attr(vm, m, "nanj", nanj);
    Ok(m)
}
