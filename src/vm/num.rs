//! Numbers: int (i64 fast path, BigInt on overflow), bool, float; the
//! arithmetic operators with CPython's semantics and messages, and the
//! operator protocol's dispatch to dunder methods.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::op::{BinOpKind, CmpKind, UnaryKind};
use crate::object::*;

use super::Vm;

/// A number operand, borrowed out of a value.
#[derive(Clone)]
pub enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

pub fn op_symbol(kind: BinOpKind) -> &'static str {
    match kind {
        BinOpKind::Add => "+",
        BinOpKind::Sub => "-",
        BinOpKind::Mul => "*",
        BinOpKind::MatMul => "@",
        BinOpKind::TrueDiv => "/",
        BinOpKind::FloorDiv => "//",
        BinOpKind::Mod => "%",
        BinOpKind::Pow => "**",
        BinOpKind::LShift => "<<",
        BinOpKind::RShift => ">>",
        BinOpKind::And => "&",
        BinOpKind::Or => "|",
        BinOpKind::Xor => "^",
    }
}

fn dunder(kind: BinOpKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        BinOpKind::Add => ("__add__", "__radd__", "__iadd__"),
        BinOpKind::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOpKind::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOpKind::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOpKind::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOpKind::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOpKind::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOpKind::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOpKind::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOpKind::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOpKind::And => ("__and__", "__rand__", "__iand__"),
        BinOpKind::Or => ("__or__", "__ror__", "__ior__"),
        BinOpKind::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

pub fn cmp_symbol(kind: CmpKind) -> &'static str {
    match kind {
        CmpKind::Lt => "<",
        CmpKind::Le => "<=",
        CmpKind::Eq => "==",
        CmpKind::Ne => "!=",
        CmpKind::Gt => ">",
        CmpKind::Ge => ">=",
    }
}

pub fn cmp_dunder(kind: CmpKind) -> (&'static str, &'static str) {
    match kind {
        CmpKind::Lt => ("__lt__", "__gt__"),
        CmpKind::Le => ("__le__", "__ge__"),
        CmpKind::Eq => ("__eq__", "__eq__"),
        CmpKind::Ne => ("__ne__", "__ne__"),
        CmpKind::Gt => ("__gt__", "__lt__"),
        CmpKind::Ge => ("__ge__", "__le__"),
    }
}

/// Exact comparison of an integer with a float (CPython compares exactly,
/// not by converting the int to float).
fn cmp_int_float(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    let fl = f.floor();
    let fb = BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        num_bigint::BigInt::parse_bytes(format!("{fl:.0}").as_bytes(), 10).unwrap_or_default()
    };
    match i.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

pub fn ord_result(o: Option<std::cmp::Ordering>, kind: CmpKind) -> bool {
    use std::cmp::Ordering::*;
    match o {
        None => kind == CmpKind::Ne,
        Some(o) => match kind {
            CmpKind::Lt => o == Less,
            CmpKind::Le => o != Greater,
            CmpKind::Eq => o == Equal,
            CmpKind::Ne => o != Equal,
            CmpKind::Gt => o == Greater,
            CmpKind::Ge => o != Less,
        },
    }
}

pub fn float_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.0e18 {
        BigInt::from(f as i64)
    } else {
        BigInt::parse_bytes(format!("{:.0}", f.trunc()).as_bytes(), 10).unwrap_or_default()
    }
}

/// The float nearest to `b` (ties to even, as CPython's `float(int)`), or
/// None when it is too large for a float. The top 64 bits, with every
/// lower bit folded into the last one ("round to odd"), convert to f64 with a
/// single correct rounding; num-bigint's own to_f64 truncates instead.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    let mag = b.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        let shift = bits - 64;
        let top = (mag >> shift).to_u64()?;
        let sticky = mag.trailing_zeros().is_some_and(|z| z < shift);
        let m = (top | sticky as u64) as f64;
        if shift > 1100 {
            return None;
        }
        m * 2f64.powi(shift as i32)
    };
    if f.is_infinite() {
        return None;
    }
    Some(if b.sign() == num_bigint::Sign::Minus {
        -f
    } else {
        f
    })
}

impl Vm {
    /// `num`, reading through an instance of an int or float subclass too:
    /// int's and float's own methods take those as their values (binary
    /// operators on such instances still go through their dunders first).
    pub fn num_of(&self, v: Value) -> Option<Num> {
        if let Some(n) = self.num(v) {
            return Some(n);
        }
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(i) if !matches!(i.base, Value::None | Value::Undefined) => {
                    self.num(i.base)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The number inside a value (int, bool, bigint, float).
    #[inline]
    pub fn num(&self, v: Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::Int(i)),
            Value::Bool(b) => Some(Num::Int(b as i64)),
            Value::Float(f) => Some(Num::Float(f)),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(b) => Some(Num::Big((**b).clone())),
                // Instances of int/float subclasses go through their dunder
                // methods (which may be overridden), not the fast paths.
                _ => None,
            },
            _ => None,
        }
    }

    /// An int value as BigInt (bool included).
    pub fn as_bigint(&self, v: Value) -> Option<BigInt> {
        match self.num(v)? {
            Num::Int(i) => Some(BigInt::from(i)),
            Num::Big(b) => Some(b),
            Num::Float(_) => None,
        }
    }

    /// Float conversion of an int for mixed arithmetic; OverflowError if too big.
    fn int_to_float(&mut self, b: &BigInt) -> PyResult<f64> {
        bigint_to_f64(b).ok_or_else(|| self.overflow_error("int too large to convert to float"))
    }

    fn num_to_float(&mut self, n: &Num) -> PyResult<f64> {
        match n {
            Num::Int(i) => Ok(*i as f64),
            Num::Big(b) => self.int_to_float(b),
            Num::Float(f) => Ok(*f),
        }
    }

    pub(crate) fn binary_op(
        &mut self,
        a: Value,
        b: Value,
        kind: BinOpKind,
        inplace: bool,
    ) -> PyResult<Value> {
        // Fast paths first.
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let r = match kind {
                BinOpKind::Add => x.checked_add(y),
                BinOpKind::Sub => x.checked_sub(y),
                BinOpKind::Mul => x.checked_mul(y),
                BinOpKind::And => Some(x & y),
                BinOpKind::Or => Some(x | y),
                BinOpKind::Xor => Some(x ^ y),
                BinOpKind::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => {
                    Some(Integer::div_floor(&x, &y))
                }
                BinOpKind::Mod if y != 0 && !(x == i64::MIN && y == -1) => Some(x.mod_floor(&y)),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        if let (Value::Obj(x), Value::Obj(y), BinOpKind::Add) = (a, b, kind) {
            if let Some(r) = self.concat_fast(x, y, inplace) {
                return Ok(r);
            }
        }
        if let (Value::Float(x), Value::Float(y)) = (a, b) {
            match kind {
                BinOpKind::Add => return Ok(Value::Float(x + y)),
                BinOpKind::Sub => return Ok(Value::Float(x - y)),
                BinOpKind::Mul => return Ok(Value::Float(x * y)),
                BinOpKind::TrueDiv if y != 0.0 => return Ok(Value::Float(x / y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            let bool_result = matches!((a, b), (Value::Bool(_), Value::Bool(_)));
            if let Some(r) = self.num_binop(x, y, kind)? {
                if bool_result && matches!(kind, BinOpKind::And | BinOpKind::Or | BinOpKind::Xor) {
                    if let Value::Int(i) = r {
                        return Ok(Value::Bool(i != 0));
                    }
                }
                return Ok(r);
            }
        }
        if let Some(r) = self.seq_binop(a, b, kind, inplace)? {
            return Ok(r);
        }
        self.binop_dunder(a, b, kind, inplace)
    }

    /// `a + b` for two lists, two strs or two tuples, the result built in
    /// one allocation of its exact size. None: other operands (`list +=`
    /// extends in place, which `seq_binop` does).
    #[inline]
    fn concat_fast(&mut self, x: ObjRef, y: ObjRef, inplace: bool) -> Option<Value> {
        let o = match (self.heap.get(x), self.heap.get(y)) {
            (Obj::List(l), Obj::List(m)) if !inplace => {
                let mut v = Vec::with_capacity(l.len() + m.len());
                v.extend_from_slice(l);
                v.extend_from_slice(m);
                Obj::List(v)
            }
            (Obj::Str(s), Obj::Str(t)) => {
                let mut out = String::with_capacity(s.s.len() + t.s.len());
                out.push_str(&s.s);
                out.push_str(&t.s);
                Obj::Str(PyStr::with_chars(out, s.chars + t.chars))
            }
            (Obj::Tuple(t), Obj::Tuple(u)) => {
                if t.is_empty() && u.is_empty() {
                    return Some(self.empty_tuple);
                }
                let mut v = Vec::with_capacity(t.len() + u.len());
                v.extend_from_slice(t);
                v.extend_from_slice(u);
                Obj::Tuple(v.into_boxed_slice())
            }
            _ => return None,
        };
        Some(self.alloc(o))
    }

    fn binop_dunder(
        &mut self,
        a: Value,
        b: Value,
        kind: BinOpKind,
        inplace: bool,
    ) -> PyResult<Value> {
        let (fwd, rev, inp) = dunder(kind);
        let ni = self.not_implemented;
        if inplace {
            let k = self.intern(inp);
            if let Some(f) = self.lookup_special(a, k) {
                let r = self.call_bound(f, a, &[b])?;
                if !r.is(ni) {
                    return Ok(r);
                }
            }
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let fk = self.intern(fwd);
        let rk = self.intern(rev);
        let fa = self.lookup_special(a, fk);
        let rb = if ta != tb {
            self.lookup_special(b, rk)
        } else {
            None
        };
        // A subclass's reflected method goes first (CPython's rule).
        if let Some(r) = rb {
            if self.is_subclass(tb, ta) && fa.is_none_or(|f| !f.is(r)) {
                let res = self.call_bound(r, b, &[a])?;
                if !res.is(ni) {
                    return Ok(res);
                }
                if let Some(f) = fa {
                    let res = self.call_bound(f, a, &[b])?;
                    if !res.is(ni) {
                        return Ok(res);
                    }
                }
                return Err(self.binop_type_error(a, b, kind, inplace));
            }
        }
        if let Some(f) = fa {
            let res = self.call_bound(f, a, &[b])?;
            if !res.is(ni) {
                return Ok(res);
            }
        }
        if let Some(r) = rb {
            let res = self.call_bound(r, b, &[a])?;
            if !res.is(ni) {
                return Ok(res);
            }
        }
        Err(self.binop_type_error(a, b, kind, inplace))
    }

    fn binop_type_error(&mut self, a: Value, b: Value, kind: BinOpKind, inplace: bool) -> Value {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if kind == BinOpKind::Pow && !inplace {
            return self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"
            ));
        }
        let sym = op_symbol(kind);
        let eq = if inplace { "=" } else { "" };
        self.type_error(format!(
            "unsupported operand type(s) for {sym}{eq}: '{ta}' and '{tb}'"
        ))
    }

    /// Arithmetic on two numbers; Ok(None) for an operator numbers don't have.
    pub fn num_binop(&mut self, x: Num, y: Num, kind: BinOpKind) -> PyResult<Option<Value>> {
        use Num::*;
        if matches!(x, Float(_)) || matches!(y, Float(_)) {
            if matches!(
                kind,
                BinOpKind::LShift
                    | BinOpKind::RShift
                    | BinOpKind::And
                    | BinOpKind::Or
                    | BinOpKind::Xor
                    | BinOpKind::MatMul
            ) {
                return Ok(None);
            }
            let fx = self.num_to_float(&x)?;
            let fy = self.num_to_float(&y)?;
            return self.float_binop(fx, fy, kind).map(Some);
        }
        let bx = match x {
            Int(i) => BigInt::from(i),
            Big(b) => b,
            Float(_) => unreachable!(),
        };
        let by = match y {
            Int(i) => BigInt::from(i),
            Big(b) => b,
            Float(_) => unreachable!(),
        };
        let r = match kind {
            BinOpKind::Add => bx + by,
            BinOpKind::Sub => bx - by,
            BinOpKind::Mul => bx * by,
            BinOpKind::TrueDiv => {
                if by.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                return Ok(Some(Value::Float(self.int_truediv(&bx, &by)?)));
            }
            BinOpKind::FloorDiv => {
                if by.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                bx.div_floor(&by)
            }
            BinOpKind::Mod => {
                if by.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                bx.mod_floor(&by)
            }
            BinOpKind::Pow => {
                if by.is_negative() {
                    let fx = self.int_to_float(&bx)?;
                    let fy = self.int_to_float(&by)?;
                    return self.float_binop(fx, fy, BinOpKind::Pow).map(Some);
                }
                let Some(e) = by.to_u32() else {
                    if bx.abs() <= BigInt::from(1) {
                        let r = if bx.is_negative() && by.is_odd() {
                            BigInt::from(-1)
                        } else if bx.is_zero() {
                            BigInt::zero()
                        } else {
                            BigInt::from(1)
                        };
                        return Ok(Some(self.new_bigint(r)));
                    }
                    return Err(self.new_error(self.t.memory_error, ""));
                };
                num_traits::pow::pow(bx, e as usize)
            }
            BinOpKind::LShift => {
                if by.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let Some(s) = by.to_u32() else {
                    if bx.is_zero() {
                        return Ok(Some(Value::Int(0)));
                    }
                    return Err(self.overflow_error("too many digits in integer"));
                };
                bx << s as usize
            }
            BinOpKind::RShift => {
                if by.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = by.to_u64().unwrap_or(u64::MAX).min(1 << 40);
                if bx.is_negative() {
                    // Floor semantics for negative numbers.
                    let d = num_traits::pow::pow(BigInt::from(2), s.min(1 << 20) as usize);
                    bx.div_floor(&d)
                } else {
                    bx >> s as usize
                }
            }
            BinOpKind::And => bx & by,
            BinOpKind::Or => bx | by,
            BinOpKind::Xor => bx ^ by,
            BinOpKind::MatMul => return Ok(None),
        };
        Ok(Some(self.new_bigint(r)))
    }

    /// int / int, correctly rounded for big operands.
    fn int_truediv(&mut self, a: &BigInt, b: &BigInt) -> PyResult<f64> {
        if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
            // Both exact as floats: one IEEE division rounds correctly.
            if x.unsigned_abs() < (1u64 << 53) && y.unsigned_abs() < (1u64 << 53) {
                return Ok(x as f64 / y as f64);
            }
        }
        int_quotient_to_f64(a, b)
            .ok_or_else(|| self.overflow_error("integer division result too large for a float"))
    }

    pub fn float_binop(&mut self, x: f64, y: f64, kind: BinOpKind) -> PyResult<Value> {
        let r = match kind {
            BinOpKind::Add => x + y,
            BinOpKind::Sub => x - y,
            BinOpKind::Mul => x * y,
            BinOpKind::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOpKind::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_divmod(x, y).0
            }
            BinOpKind::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_divmod(x, y).1
            }
            BinOpKind::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                    // CPython returns a complex number here.
                    let (re, im) = complex_pow(x, y);
                    return Ok(self.alloc(Obj::Complex(re, im)));
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op_symbol(kind)
                )))
            }
        };
        Ok(Value::Float(r))
    }

    /// Comparison of two numbers; None if either is not a number.
    pub fn num_compare(&self, a: Value, b: Value, kind: CmpKind) -> Option<bool> {
        let (x, y) = (self.num(a)?, self.num(b)?);
        use Num::*;
        let o = match (x, y) {
            (Int(p), Int(q)) => Some(p.cmp(&q)),
            (Float(p), Float(q)) => p.partial_cmp(&q),
            (Int(p), Float(q)) => cmp_int_float(&BigInt::from(p), q),
            (Big(p), Float(q)) => cmp_int_float(&p, q),
            (Float(p), Int(q)) => cmp_int_float(&BigInt::from(q), p).map(|o| o.reverse()),
            (Float(p), Big(q)) => cmp_int_float(&q, p).map(|o| o.reverse()),
            (Int(p), Big(q)) => Some(BigInt::from(p).cmp(&q)),
            (Big(p), Int(q)) => Some(p.cmp(&BigInt::from(q))),
            (Big(p), Big(q)) => Some(p.cmp(&q)),
        };
        Some(ord_result(o, kind))
    }

    pub(crate) fn unary_op(&mut self, a: Value, kind: UnaryKind) -> PyResult<Value> {
        match (a, kind) {
            (Value::Int(i), UnaryKind::Neg) => {
                return Ok(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => self.new_bigint(-BigInt::from(i)),
                })
            }
            (Value::Int(i), UnaryKind::Pos) => return Ok(Value::Int(i)),
            (Value::Int(i), UnaryKind::Invert) => return Ok(Value::Int(!i)),
            (Value::Bool(b), UnaryKind::Neg) => return Ok(Value::Int(-(b as i64))),
            (Value::Bool(b), UnaryKind::Pos) => return Ok(Value::Int(b as i64)),
            (Value::Bool(b), UnaryKind::Invert) => return Ok(Value::Int(!(b as i64))),
            (Value::Float(f), UnaryKind::Neg) => return Ok(Value::Float(-f)),
            (Value::Float(f), UnaryKind::Pos) => return Ok(Value::Float(f)),
            _ => {}
        }
        if let Value::Obj(r) = a {
            match self.heap.get(r) {
                Obj::BigInt(b) => {
                    let b = (**b).clone();
                    return Ok(match kind {
                        UnaryKind::Neg => self.new_bigint(-b),
                        UnaryKind::Pos => self.new_bigint(b),
                        UnaryKind::Invert => self.new_bigint(-b - 1),
                        UnaryKind::Not => Value::Bool(b.is_zero()),
                    });
                }
                Obj::Complex(re, im) => {
                    let (re, im) = (*re, *im);
                    match kind {
                        UnaryKind::Neg => return Ok(self.alloc(Obj::Complex(-re, -im))),
                        UnaryKind::Pos => return Ok(a),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        let (name, sym) = match kind {
            UnaryKind::Neg => (self.n.neg, "-"),
            UnaryKind::Pos => (self.n.pos, "+"),
            UnaryKind::Invert => (self.n.invert, "~"),
            UnaryKind::Not => return self.truthy(a).map(|t| Value::Bool(!t)),
        };
        match self.lookup_special(a, name) {
            Some(f) => self.call_bound(f, a, &[]),
            None => {
                let tn = self.type_name(a);
                Err(self.type_error(format!("bad operand type for unary {sym}: '{tn}'")))
            }
        }
    }
}

/// Python's float divmod: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn complex_pow(x: f64, y: f64) -> (f64, f64) {
    let r = x.abs().powf(y);
    let theta = std::f64::consts::PI * y;
    (r * theta.cos(), r * theta.sin())
}

/// `a / b` for ints, correctly rounded (half-even) as CPython's
/// long_true_divide, or None when the quotient is too large for a float.
/// The quotient is taken with 55 to 56 bits plus a sticky remainder, then
/// rounded once to the precision the result has (53 bits, fewer for a
/// subnormal result). `b` is not zero.
pub fn int_quotient_to_f64(a: &BigInt, b: &BigInt) -> Option<f64> {
    use num_bigint::Sign;
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let signed = |f: f64| if neg { -f } else { f };
    if a.is_zero() {
        return Some(signed(0.0));
    }
    let (n, d) = (a.magnitude(), b.magnitude());
    // q = floor(n * 2^k / d) lies in [2^54, 2^56).
    let k = 55 + d.bits() as i64 - n.bits() as i64;
    let (q, r) = if k >= 0 {
        (n << k as u64).div_rem(d)
    } else {
        n.div_rem(&(d << (-k) as u64))
    };
    let q = q.to_u64()?;
    let sticky = !r.is_zero();
    let qbits = 64 - q.leading_zeros() as i64;
    // The result is in [2^lead, 2^(lead+1)); below 2^-1022 it is
    // subnormal and keeps fewer bits.
    let lead = qbits - 1 - k;
    let precision = if lead >= -1022 { 53 } else { lead + 1075 };
    if precision < 1 {
        // Below half the smallest subnormal rounds to zero; above it (or
        // exactly at 2^-1075 with a remainder) to the smallest subnormal.
        let above_half = lead == -1075 && (q != 1u64 << (qbits - 1) || sticky);
        return Some(signed(if above_half { f64::from_bits(1) } else { 0.0 }));
    }
    let drop = (qbits - precision) as u32;
    let mut kept = q >> drop;
    let rest = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rest > half || (rest == half && (sticky || kept & 1 == 1)) {
        kept += 1;
    }
    let f = ldexp(kept as f64, drop as i64 - k);
    if f.is_infinite() {
        return None;
    }
    Some(signed(f))
}

/// `x * 2^e`, exact unless the result over- or underflows.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}
