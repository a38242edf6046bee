//! Hashing, equality and ordering: hash(), ==, and rich comparison of
//! built-in and user objects.

use num_traits::ToPrimitive;

use crate::bytecode::op::CmpKind;
use crate::object::*;

use super::iterate::range_len;
use super::num::{cmp_dunder, cmp_symbol, ord_result};
use super::Vm;

/// Python's hash modulus (2**61 - 1).
const HASH_MOD: i64 = (1 << 61) - 1;

pub fn hash_int(i: i64) -> i64 {
    let neg = i < 0;
    let mut h = (i.unsigned_abs() % HASH_MOD as u64) as i64;
    if neg {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &num_bigint::BigInt) -> i64 {
    let m = num_bigint::BigInt::from(HASH_MOD);
    let neg = b.sign() == num_bigint::Sign::Minus;
    let r = (if neg { -b } else { b.clone() }) % &m;
    let mut h = r.to_i64().unwrap_or(0);
    if neg {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    // CPython's algorithm: reduce the mantissa modulo 2**61 - 1.
    let (m, e) = frexp(f.abs());
    let mut m = m;
    let mut e = e;
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MOD as u64) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MOD as u64 {
            x -= HASH_MOD as u64;
        }
    }
    let e = e.rem_euclid(61) as u32;
    x = ((x << e) & HASH_MOD as u64) | (x >> (61 - e));
    let mut h = x as i64;
    if f < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

impl Vm {
    // ---- hashing and equality ----

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::None | Value::Undefined => Ok(0x5f3759df),
            Value::Bool(b) => Ok(b as i64),
            Value::Int(i) => Ok(hash_int(i)),
            Value::Float(f) => Ok(hash_float(f)),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(_) => Ok(self.str_hash(v)),
                Obj::BigInt(b) => Ok(hash_bigint(b)),
                Obj::Complex(re, im) => {
                    Ok(hash_float(*re).wrapping_add(hash_float(*im).wrapping_mul(1000003)))
                }
                Obj::Bytes(b) => Ok(super::hash_str(&String::from_utf8_lossy(b))),
                Obj::Tuple(t) => {
                    let items = t.to_vec();
                    let mut acc: u64 = 0x27D4EB2F165667C5;
                    for x in items {
                        // Nested tuples hash at any depth (CPython's limit
                        // is its C stack).
                        let h = crate::stack::guard(|| self.hash(x))? as u64;
                        acc = acc.wrapping_add(h.wrapping_mul(0xC2B2AE3D27D4EB4F));
                        acc = acc.rotate_left(31);
                        acc = acc.wrapping_mul(0x9E3779B185EBCA87);
                    }
                    let h = (acc >> 1) as i64;
                    Ok(if h == -1 { -2 } else { h })
                }
                Obj::Set(d, true) => {
                    let mut acc: i64 = 0;
                    for e in d.iter() {
                        acc ^= e.hash.wrapping_mul(0x5851F42D4C957F2D);
                    }
                    Ok(acc)
                }
                Obj::List(_) | Obj::Dict(_) | Obj::Set(_, false) | Obj::ByteArray(_) => {
                    let tn = self.type_name(v);
                    Err(self.type_error(format!("unhashable type: '{tn}'")))
                }
                Obj::Range(a, b, s) => Ok(hash_int(*a)
                    ^ hash_int(*b).wrapping_mul(31)
                    ^ hash_int(*s).wrapping_mul(17)),
                Obj::Instance(_) | Obj::Class(_) | Obj::NativeObj(_) => {
                    let hk = self.n.hash;
                    match self.lookup_special(v, hk) {
                        Some(f) if f.is_none() => {
                            let tn = self.type_name(v);
                            Err(self.type_error(format!("unhashable type: '{tn}'")))
                        }
                        Some(f) if !self.is_object_slot(f) => {
                            let h = self.call_bound(f, v, &[])?;
                            match h {
                                Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                                Value::Bool(b) => Ok(b as i64),
                                _ => match self.as_bigint(h) {
                                    Some(b) => Ok(hash_bigint(&b)),
                                    None => {
                                        Err(self
                                            .type_error("__hash__ method should return an integer"))
                                    }
                                },
                            }
                        }
                        _ => Ok(identity_hash(r)),
                    }
                }
                _ => Ok(identity_hash(r)),
            },
        }
    }

    pub fn is_native(&self, f: Value) -> bool {
        matches!(f, Value::Obj(r) if matches!(self.heap.get(r), Obj::BuiltinFn(_)))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is(b) {
            // Identity implies equality (PyObject_RichCompareBool), NaN included.
            return Ok(true);
        }
        if let Some(r) = self.simple_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpKind::Eq)?;
        self.truthy(r)
    }

    /// Equality that needs no user code; None if it might.
    pub fn simple_eq(&self, a: Value, b: Value) -> Option<bool> {
        self.simple_eq_depth(a, b, 0)
    }

    fn simple_eq_depth(&self, a: Value, b: Value, depth: u32) -> Option<bool> {
        if a.is(b) {
            return Some(true);
        }
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x == y),
            (Value::None, Value::None) => Some(true),
            (Value::None, _) | (_, Value::None) => {
                if matches!(a, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)))
                    || matches!(b, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)))
                {
                    None
                } else {
                    Some(false)
                }
            }
            (Value::Obj(x), Value::Obj(y)) => match (self.heap.get(x), self.heap.get(y)) {
                (Obj::Str(p), Obj::Str(q)) => Some(p.s == q.s),
                (Obj::Bytes(p), Obj::Bytes(q)) => Some(p == q),
                (Obj::Str(_), Obj::Tuple(_) | Obj::List(_) | Obj::Dict(_) | Obj::BigInt(_)) => {
                    Some(false)
                }
                (Obj::Tuple(_) | Obj::List(_) | Obj::Dict(_) | Obj::BigInt(_), Obj::Str(_)) => {
                    Some(false)
                }
                (Obj::Class(_), Obj::Class(_)) => Some(x == y),
                // Tuples of simple values (dict keys like (str, str)).
                (Obj::Tuple(p), Obj::Tuple(q)) if depth < 8 => {
                    if p.len() != q.len() {
                        return Some(false);
                    }
                    for (&u, &v) in p.iter().zip(q.iter()) {
                        match self.simple_eq_depth(u, v, depth + 1)? {
                            true => {}
                            false => return Some(false),
                        }
                    }
                    Some(true)
                }
                (Obj::Function(_), _) | (_, Obj::Function(_)) => Some(x == y),
                (Obj::Module(_), _) => Some(x == y),
                _ => None,
            },
            (Value::Obj(x), Value::Int(_) | Value::Float(_) | Value::Bool(_))
            | (Value::Int(_) | Value::Float(_) | Value::Bool(_), Value::Obj(x)) => {
                match self.heap.get(x) {
                    Obj::Str(_) | Obj::Tuple(_) | Obj::List(_) | Obj::Dict(_) => Some(false),
                    _ => None,
                }
            }
            _ => self.num_compare(a, b, CmpKind::Eq),
        }
    }

    pub(crate) fn rich_compare(&mut self, a: Value, b: Value, kind: CmpKind) -> PyResult<Value> {
        if let Some(r) = self.num_compare(a, b, kind) {
            return Ok(Value::Bool(r));
        }
        // PyObject_RichCompare's recursion check (nested containers).
        self.enter_recursive_call(" in comparison")?;
        let r = crate::stack::guard(|| self.rich_compare_objects(a, b, kind));
        self.leave_recursive_call();
        r
    }

    fn rich_compare_objects(&mut self, a: Value, b: Value, kind: CmpKind) -> PyResult<Value> {
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            match (self.heap.get(x), self.heap.get(y)) {
                (Obj::Str(p), Obj::Str(q)) => {
                    return Ok(Value::Bool(ord_result(Some(p.s.cmp(&q.s)), kind)))
                }
                (Obj::Bytes(p), Obj::Bytes(q)) => {
                    return Ok(Value::Bool(ord_result(Some(p.cmp(q)), kind)))
                }
                (Obj::Tuple(_), Obj::Tuple(_)) | (Obj::List(_), Obj::List(_)) => {
                    return self.seq_compare(a, b, kind);
                }
                (Obj::Dict(_), Obj::Dict(_)) if matches!(kind, CmpKind::Eq | CmpKind::Ne) => {
                    let e = self.dict_eq(x, y)?;
                    return Ok(Value::Bool(e == (kind == CmpKind::Eq)));
                }
                (Obj::Set(..), Obj::Set(..)) => return self.set_compare(x, y, kind),
                (Obj::Range(a1, b1, s1), Obj::Range(a2, b2, s2))
                    if matches!(kind, CmpKind::Eq | CmpKind::Ne) =>
                {
                    let (l1, l2) = (range_len(*a1, *b1, *s1), range_len(*a2, *b2, *s2));
                    let same = l1 == l2 && (l1 == 0 || (a1 == a2 && (l1 == 1 || s1 == s2)));
                    return Ok(Value::Bool(same == (kind == CmpKind::Eq)));
                }
                (Obj::DictView(d1, ViewKind::Keys), Obj::DictView(d2, ViewKind::Keys))
                    if matches!(kind, CmpKind::Eq | CmpKind::Ne) =>
                {
                    let (d1, d2) = (*d1, *d2);
                    let k1 = self.dict_ref(d1).keys();
                    let k2 = self.dict_ref(d2).keys();
                    let mut same = k1.len() == k2.len();
                    if same {
                        for k in k1 {
                            if self.dict_get(d2, k)?.is_none() {
                                same = false;
                                break;
                            }
                        }
                    }
                    return Ok(Value::Bool(same == (kind == CmpKind::Eq)));
                }
                _ => {}
            }
        }
        let (fwd, rev) = cmp_dunder(kind);
        let ni = self.not_implemented;
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let fk = self.intern(fwd);
        let rk = self.intern(rev);
        let reflected_first = ta != tb && self.is_subclass(tb, ta);
        let try_order: [(Value, Value, Value); 2] = if reflected_first {
            [(b, a, rk), (a, b, fk)]
        } else {
            [(a, b, fk), (b, a, rk)]
        };
        for (i, (x, y, name)) in try_order.into_iter().enumerate() {
            if i == 1 && ta == tb && fwd == rev {
                break;
            }
            if let Some(f) = self.lookup_special(x, name) {
                if self.is_native(f) && self.is_object_slot(f) {
                    continue;
                }
                let r = self.call_bound(f, x, &[y])?;
                if !r.is(ni) {
                    return Ok(r);
                }
            }
        }
        match kind {
            CmpKind::Eq => Ok(Value::Bool(a.is(b))),
            CmpKind::Ne => {
                // Default __ne__ inverts __eq__.
                let ek = self.n.eq;
                if let Some(f) = self.lookup_special(a, ek) {
                    if !(self.is_native(f) && self.is_object_slot(f)) {
                        let r = self.call_bound(f, a, &[b])?;
                        if !r.is(ni) {
                            let t = self.truthy(r)?;
                            return Ok(Value::Bool(!t));
                        }
                    }
                }
                if let Some(f) = self.lookup_special(b, ek) {
                    if !(self.is_native(f) && self.is_object_slot(f)) {
                        let r = self.call_bound(f, b, &[a])?;
                        if !r.is(ni) {
                            let t = self.truthy(r)?;
                            return Ok(Value::Bool(!t));
                        }
                    }
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{na}' and '{nb}'",
                    cmp_symbol(kind)
                )))
            }
        }
    }

    /// Natives installed on `object` (the default comparison slots).
    fn is_object_slot(&self, f: Value) -> bool {
        match f {
            Value::Obj(r) => {
                matches!(self.heap.get(r), Obj::BuiltinFn(n) if n.qualname.starts_with("object."))
            }
            _ => false,
        }
    }

    /// Item `i` of a tuple or list (None past the end).
    #[inline]
    fn seq_item(&self, v: Value, i: usize) -> Option<Value> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(t) => t.get(i).copied(),
                Obj::List(l) => l.get(i).copied(),
                _ => None,
            },
            _ => None,
        }
    }

    /// Lexicographic comparison of two tuples or two lists, element by
    /// element without copying them (a list may change under user __eq__:
    /// items are re-read each step).
    fn seq_compare(&mut self, a: Value, b: Value, kind: CmpKind) -> PyResult<Value> {
        let seq_len = |vm: &Vm, v: Value| match v {
            Value::Obj(r) => match vm.heap.get(r) {
                Obj::Tuple(t) => t.len(),
                Obj::List(l) => l.len(),
                _ => 0,
            },
            _ => 0,
        };
        if matches!(kind, CmpKind::Eq | CmpKind::Ne) && seq_len(self, a) != seq_len(self, b) {
            return Ok(Value::Bool(kind == CmpKind::Ne));
        }
        let base = self.temp_roots.len();
        self.temp_roots.push(a);
        self.temp_roots.push(b);
        let mut i = 0;
        let r = loop {
            let (Some(x), Some(y)) = (self.seq_item(a, i), self.seq_item(b, i)) else {
                let (la, lb) = (seq_len(self, a), seq_len(self, b));
                break Ok(Value::Bool(ord_result(Some(la.cmp(&lb)), kind)));
            };
            i += 1;
            let same = match self.simple_eq(x, y) {
                Some(e) => e,
                None => match self.eq(x, y) {
                    Ok(e) => e,
                    Err(e) => break Err(e),
                },
            };
            if !same {
                break match kind {
                    CmpKind::Eq => Ok(Value::Bool(false)),
                    CmpKind::Ne => Ok(Value::Bool(true)),
                    _ => self.rich_compare(x, y, kind),
                };
            }
        };
        self.temp_roots.truncate(base);
        r
    }

    fn dict_eq(&mut self, x: ObjRef, y: ObjRef) -> PyResult<bool> {
        if self.dict_ref(x).len() != self.dict_ref(y).len() {
            return Ok(false);
        }
        let entries: Vec<(Value, Value)> =
            self.dict_ref(x).iter().map(|e| (e.key, e.value)).collect();
        for (k, v) in entries {
            match self.dict_get(y, k)? {
                Some(w) => {
                    if !self.eq(v, w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn set_compare(&mut self, x: ObjRef, y: ObjRef, kind: CmpKind) -> PyResult<Value> {
        let xs = self.dict_ref(x).keys();
        let ys = self.dict_ref(y).keys();
        let mut x_in_y = true;
        for k in &xs {
            if self.dict_get(y, *k)?.is_none() {
                x_in_y = false;
                break;
            }
        }
        let mut y_in_x = true;
        for k in &ys {
            if self.dict_get(x, *k)?.is_none() {
                y_in_x = false;
                break;
            }
        }
        let r = match kind {
            CmpKind::Eq => x_in_y && y_in_x,
            CmpKind::Ne => !(x_in_y && y_in_x),
            CmpKind::Le => x_in_y,
            CmpKind::Lt => x_in_y && !y_in_x,
            CmpKind::Ge => y_in_x,
            CmpKind::Gt => y_in_x && !x_in_y,
        };
        Ok(Value::Bool(r))
    }
}

/// Identity hash of a heap object (CPython uses the address).
pub fn identity_hash(r: ObjRef) -> i64 {
    ((r.raw() as i64) << 4) | 1
}
