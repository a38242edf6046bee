//! Sorting keys that need no user code: numbers, strs and (nested) tuples of
//! them, with consistent types position by position.
//!
//! `sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))` compares tuples
//! through the general protocol (equality of each item, then `<`), a few
//! hundred instructions per comparison. When every key is made only of
//! ints/floats/strs/tuples and the types agree at every position, no
//! comparison can raise or run user code, so the whole sort runs on a Rust
//! view of the keys with the same order CPython's would produce.

use std::cmp::Ordering;

use crate::object::{Obj, Value};
use crate::vm::Vm;

/// A key viewed as plain data.
enum SKey<'a> {
    Int(i64),
    Float(f64),
    Str(&'a str),
    Tuple(Vec<SKey<'a>>),
}

/// The type expected at each position of every key seen so far.
#[derive(PartialEq)]
enum Shape {
    Num,
    Str,
    Tuple(Vec<Shape>),
}

/// Floats and ints compare exactly only while the int fits a double.
const EXACT: u64 = 1 << 53;

fn view<'a>(vm: &'a Vm, v: Value, depth: u32) -> Option<SKey<'a>> {
    match v {
        Value::Int(i) => Some(SKey::Int(i)),
        Value::Bool(b) => Some(SKey::Int(b as i64)),
        Value::Float(f) if !f.is_nan() => Some(SKey::Float(f)),
        Value::Obj(r) if depth < 8 => match vm.heap.get(r) {
            Obj::Str(s) => Some(SKey::Str(&s.s)),
            Obj::Tuple(items) => items
                .iter()
                .map(|&x| view(vm, x, depth + 1))
                .collect::<Option<Vec<_>>>()
                .map(SKey::Tuple),
            _ => None,
        },
        _ => None,
    }
}

/// Fold `k` into `shape`; false if some position's type conflicts (the
/// comparison could then raise TypeError, which only the VM path reports).
fn merge(shape: &mut Option<Shape>, k: &SKey, mixed_num: &mut bool, big_int: &mut bool) -> bool {
    let want = match k {
        SKey::Int(i) => {
            if i.unsigned_abs() >= EXACT {
                *big_int = true;
            }
            Shape::Num
        }
        SKey::Float(_) => {
            *mixed_num = true;
            Shape::Num
        }
        SKey::Str(_) => Shape::Str,
        SKey::Tuple(items) => {
            let mut subs = match shape.take() {
                Some(Shape::Tuple(v)) => v,
                Some(other) => {
                    *shape = Some(other);
                    return false;
                }
                None => Vec::new(),
            };
            for (i, item) in items.iter().enumerate() {
                let mut slot = if i < subs.len() {
                    Some(std::mem::replace(&mut subs[i], Shape::Num))
                } else {
                    None
                };
                if !merge(&mut slot, item, mixed_num, big_int) {
                    return false;
                }
                let s = slot.unwrap_or(Shape::Num);
                if i < subs.len() {
                    subs[i] = s;
                } else {
                    subs.push(s);
                }
            }
            *shape = Some(Shape::Tuple(subs));
            return true;
        }
    };
    match shape {
        Some(s) => *s == want,
        None => {
            *shape = Some(want);
            true
        }
    }
}

fn cmp(a: &SKey, b: &SKey) -> Ordering {
    match (a, b) {
        (SKey::Int(x), SKey::Int(y)) => x.cmp(y),
        (SKey::Int(x), SKey::Float(y)) => (*x as f64).partial_cmp(y).unwrap_or(Ordering::Equal),
        (SKey::Float(x), SKey::Int(y)) => x.partial_cmp(&(*y as f64)).unwrap_or(Ordering::Equal),
        (SKey::Float(x), SKey::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (SKey::Str(x), SKey::Str(y)) => x.cmp(y),
        (SKey::Tuple(x), SKey::Tuple(y)) => {
            // Python: the first unequal item decides, then the lengths.
            for (p, q) in x.iter().zip(y.iter()) {
                match cmp(p, q) {
                    Ordering::Equal => {}
                    o => return o,
                }
            }
            x.len().cmp(&y.len())
        }
        // Excluded by `merge`.
        _ => Ordering::Equal,
    }
}

/// The stable sorted order of `keys`, or None when some key needs the VM.
pub(super) fn sort_simple(vm: &Vm, keys: &[Value]) -> Option<Vec<usize>> {
    let views: Vec<SKey> = keys
        .iter()
        .map(|&k| view(vm, k, 0))
        .collect::<Option<_>>()?;
    let mut shape = None;
    let (mut mixed_num, mut big_int) = (false, false);
    for k in &views {
        if !merge(&mut shape, k, &mut mixed_num, &mut big_int) {
            return None;
        }
    }
    if mixed_num && big_int {
        return None;
    }
    let mut perm: Vec<usize> = (0..keys.len()).collect();
    perm.sort_by(|&i, &j| cmp(&views[i], &views[j]));
    Some(perm)
}
