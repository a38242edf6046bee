//! Sequences: list, tuple, range, bytes indexing; sequence operators.

use crate::bytecode::op::BinOpKind;
use crate::object::*;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let _ = vm;
}

/// Normalise an index for a sequence of `len` items (IndexError text uses `what`).
pub fn norm_index(vm: &mut Vm, i: i64, len: usize, what: &str) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// `obj[key]` for list, tuple, str, bytes, bytearray, range.
pub fn seq_getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let Value::Obj(r) = obj else { unreachable!() };
    if let Value::Obj(k) = key {
        if let Obj::Slice(s) = vm.heap.get(k) {
            let s = **s;
            return seq_getslice(vm, obj, s);
        }
    }
    let Some(i) = vm.index_of(key)? else {
        let tn = vm.type_name(obj);
        let kn = vm.type_name(key);
        let what = if tn == "str" {
            "string".to_string()
        } else {
            tn.clone()
        };
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {kn}"
        )));
    };
    match vm.heap.get(r) {
        Obj::List(l) => {
            let len = l.len();
            let j = norm_index(vm, i, len, "list")?;
            Ok(match vm.heap.get(r) {
                Obj::List(l) => l[j],
                _ => Value::None,
            })
        }
        Obj::Tuple(t) => {
            let len = t.len();
            let j = norm_index(vm, i, len, "tuple")?;
            Ok(match vm.heap.get(r) {
                Obj::Tuple(t) => t[j],
                _ => Value::None,
            })
        }
        Obj::Str(s) => {
            let len = s.chars as usize;
            let ascii = s.is_ascii();
            let j = norm_index(vm, i, len, "string")?;
            let ch: String = match vm.heap.get(r) {
                Obj::Str(s) => {
                    if ascii {
                        s.s[j..j + 1].to_string()
                    } else {
                        s.s.chars()
                            .nth(j)
                            .map(|c| c.to_string())
                            .unwrap_or_default()
                    }
                }
                _ => String::new(),
            };
            Ok(vm.char_str(&ch))
        }
        Obj::Bytes(b) => {
            let len = b.len();
            let j = norm_index(vm, i, len, "index")?;
            Ok(Value::Int(
                vm.bytes_of(obj).map(|b| b[j] as i64).unwrap_or(0),
            ))
        }
        Obj::ByteArray(b) => {
            let len = b.len();
            let j = norm_index(vm, i, len, "bytearray")?;
            Ok(Value::Int(
                vm.bytes_of(obj).map(|b| b[j] as i64).unwrap_or(0),
            ))
        }
        Obj::Range(a, _, s) => {
            let (a, s) = (*a, *s);
            let len = vm.len(obj)?;
            let j = norm_index(vm, i, len, "range object")?;
            Ok(Value::Int(a + s * j as i64))
        }
        _ => Err(vm.type_error_obj(obj, "is not subscriptable")),
    }
}

/// Slice bounds from a slice object's (start, stop, step) for `len` items.
pub fn slice_bounds(vm: &mut Vm, s: [Value; 3], len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let mut conv = |v: Value| -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match vm.index_of(v)? {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let start = conv(s[0])?;
    let stop = conv(s[1])?;
    let step = conv(s[2])?.unwrap_or(1);
    crate::text::strops::slice_indices(len as i64, start, stop, step).map_err(|e| vm.text_error(e))
}

fn seq_getslice(vm: &mut Vm, obj: Value, s: [Value; 3]) -> PyResult<Value> {
    let len = vm.len(obj)?;
    let (start, _stop, step, count) = slice_bounds(vm, s, len)?;
    let idx = (0..count).map(|k| (start + step * k as i64) as usize);
    let Value::Obj(r) = obj else { unreachable!() };
    match vm.heap.get(r) {
        Obj::List(l) => {
            let v: Vec<Value> = idx.map(|i| l[i]).collect();
            Ok(vm.new_list(v))
        }
        Obj::Tuple(t) => {
            let v: Vec<Value> = idx.map(|i| t[i]).collect();
            Ok(vm.new_tuple(v))
        }
        Obj::Str(st) => {
            let out: String = if st.is_ascii() {
                let b = st.s.as_bytes();
                idx.map(|i| b[i] as char).collect()
            } else {
                let chars: Vec<char> = st.s.chars().collect();
                idx.map(|i| chars[i]).collect()
            };
            Ok(vm.new_str(out))
        }
        Obj::Bytes(b) => {
            let v: Vec<u8> = idx.map(|i| b[i]).collect();
            Ok(vm.alloc(Obj::Bytes(v.into_boxed_slice())))
        }
        Obj::ByteArray(b) => {
            let v: Vec<u8> = idx.map(|i| b[i]).collect();
            Ok(vm.alloc(Obj::ByteArray(v)))
        }
        Obj::Range(a, _, st) => {
            let (a, st) = (*a, *st);
            let ns = a + start * st;
            let nstep = st * step;
            let nstop = ns + nstep * count as i64;
            Ok(vm.alloc(Obj::Range(ns, nstop, nstep)))
        }
        _ => Err(vm.type_error_obj(obj, "is not subscriptable")),
    }
}

/// `obj[key] = v` for list and bytearray.
pub fn seq_setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    let Value::Obj(r) = obj else { unreachable!() };
    if let Value::Obj(k) = key {
        if let Obj::Slice(s) = vm.heap.get(k) {
            let s = **s;
            let len = vm.len(obj)?;
            let (start, stop, step, count) = slice_bounds(vm, s, len)?;
            let items = vm.collect_iterable(v)?;
            if let Obj::List(l) = vm.heap.get_mut(r) {
                if step == 1 {
                    let stop = stop.max(start) as usize;
                    l.splice(start as usize..stop, items);
                    return Ok(());
                }
                if items.len() != count {
                    let n = items.len();
                    return Err(vm.value_error(format!(
                        "attempt to assign sequence of size {n} to extended slice of size {count}"
                    )));
                }
                for (k, item) in items.into_iter().enumerate() {
                    l[(start + step * k as i64) as usize] = item;
                }
                return Ok(());
            }
            return Err(vm.type_error("slice assignment not supported"));
        }
    }
    let Some(i) = vm.index_of(key)? else {
        let kn = vm.type_name(key);
        return Err(vm.type_error(format!("list indices must be integers or slices, not {kn}")));
    };
    let len = vm.len(obj)?;
    match vm.heap.get(r) {
        Obj::List(_) => {
            let j = norm_index(vm, i, len, "list assignment")?;
            if let Obj::List(l) = vm.heap.get_mut(r) {
                l[j] = v;
            }
            Ok(())
        }
        Obj::ByteArray(_) => {
            let j = norm_index(vm, i, len, "bytearray")?;
            let b = match v {
                Value::Int(x) if (0..256).contains(&x) => x as u8,
                _ => return Err(vm.value_error("byte must be in range(0, 256)")),
            };
            if let Obj::ByteArray(a) = vm.heap.get_mut(r) {
                a[j] = b;
            }
            Ok(())
        }
        _ => Err(vm.type_error_obj(obj, "does not support item assignment")),
    }
}

/// `del obj[key]` for list and bytearray.
pub fn seq_delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let Value::Obj(r) = obj else { unreachable!() };
    let len = vm.len(obj)?;
    if let Value::Obj(k) = key {
        if let Obj::Slice(s) = vm.heap.get(k) {
            let s = **s;
            let (start, _stop, step, count) = slice_bounds(vm, s, len)?;
            let mut idx: Vec<usize> = (0..count)
                .map(|k| (start + step * k as i64) as usize)
                .collect();
            idx.sort_unstable();
            match vm.heap.get_mut(r) {
                Obj::List(l) => {
                    for &i in idx.iter().rev() {
                        l.remove(i);
                    }
                }
                Obj::ByteArray(l) => {
                    for &i in idx.iter().rev() {
                        l.remove(i);
                    }
                }
                _ => {}
            }
            return Ok(());
        }
    }
    let Some(i) = vm.index_of(key)? else {
        let kn = vm.type_name(key);
        return Err(vm.type_error(format!("list indices must be integers or slices, not {kn}")));
    };
    let j = norm_index(vm, i, len, "list assignment")?;
    match vm.heap.get_mut(r) {
        Obj::List(l) => {
            l.remove(j);
        }
        Obj::ByteArray(l) => {
            l.remove(j);
        }
        _ => {}
    }
    Ok(())
}

impl Vm {
    /// Sequence and container operators: concatenation, repetition, `+=`
    /// on lists, set algebra, dict union, `str % args`. Ok(None) when the
    /// operands are not built-in containers of matching kinds.
    pub(crate) fn seq_binop(
        &mut self,
        a: Value,
        b: Value,
        kind: BinOpKind,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        let (Value::Obj(x), bv) = (a, b) else {
            // int * sequence
            if let (Value::Int(_) | Value::Bool(_), Value::Obj(_)) = (a, b) {
                if kind == BinOpKind::Mul {
                    return self.seq_binop(b, a, kind, false);
                }
            }
            return Ok(None);
        };
        match (self.heap.get(x), kind) {
            (Obj::Str(_), BinOpKind::Mod) => {
                return crate::builtins::str::percent_format(self, a, b).map(Some);
            }
            (Obj::Str(s), BinOpKind::Add) => {
                if let Some(t) = self.as_str(bv) {
                    let mut out = String::with_capacity(s.s.len() + t.len());
                    out.push_str(&s.s);
                    out.push_str(t);
                    return Ok(Some(self.new_str(out)));
                }
            }
            (Obj::List(l), BinOpKind::Add) => {
                if inplace {
                    let items = self.collect_iterable(bv)?;
                    if let Obj::List(l) = self.heap.get_mut(x) {
                        l.extend(items);
                    }
                    return Ok(Some(a));
                }
                if let Value::Obj(y) = bv {
                    if let Obj::List(m) = self.heap.get(y) {
                        let mut v = l.clone();
                        v.extend_from_slice(m);
                        return Ok(Some(self.new_list(v)));
                    }
                }
            }
            (Obj::Tuple(t), BinOpKind::Add) => {
                if let Value::Obj(y) = bv {
                    if let Obj::Tuple(m) = self.heap.get(y) {
                        let mut v = t.to_vec();
                        v.extend_from_slice(m);
                        return Ok(Some(self.new_tuple(v)));
                    }
                }
            }
            (Obj::Bytes(p), BinOpKind::Add) => {
                if let Some(q) = self.bytes_of(bv) {
                    let mut v = p.to_vec();
                    v.extend_from_slice(&q);
                    return Ok(Some(self.alloc(Obj::Bytes(v.into_boxed_slice()))));
                }
            }
            (Obj::ByteArray(p), BinOpKind::Add) => {
                if let Some(q) = self.bytes_of(bv) {
                    let mut v = p.clone();
                    v.extend_from_slice(&q);
                    if inplace {
                        if let Obj::ByteArray(p) = self.heap.get_mut(x) {
                            *p = v;
                        }
                        return Ok(Some(a));
                    }
                    return Ok(Some(self.alloc(Obj::ByteArray(v))));
                }
            }
            (
                Obj::Str(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_),
                BinOpKind::Mul,
            ) => {
                let Some(n) = self.index_of(bv)? else {
                    return Ok(None);
                };
                let n = n.max(0) as usize;
                let Value::Obj(x) = a else { unreachable!() };
                let r = match self.heap.get(x) {
                    Obj::Str(s) => {
                        if s.s.len().saturating_mul(n) > (1 << 34) {
                            return Err(self.new_error(self.t.memory_error, ""));
                        }
                        let out = s.s.repeat(n);
                        self.new_str(out)
                    }
                    Obj::List(l) => {
                        if l.len().saturating_mul(n) > (1 << 32) {
                            return Err(self.new_error(self.t.memory_error, ""));
                        }
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend_from_slice(l);
                        }
                        if inplace {
                            if let Obj::List(l) = self.heap.get_mut(x) {
                                *l = v;
                            }
                            a
                        } else {
                            self.new_list(v)
                        }
                    }
                    Obj::Tuple(t) => {
                        let mut v = Vec::with_capacity(t.len() * n);
                        for _ in 0..n {
                            v.extend_from_slice(t);
                        }
                        self.new_tuple(v)
                    }
                    Obj::Bytes(b) => {
                        let v = b.repeat(n);
                        self.alloc(Obj::Bytes(v.into_boxed_slice()))
                    }
                    Obj::ByteArray(b) => {
                        let v = b.repeat(n);
                        self.alloc(Obj::ByteArray(v))
                    }
                    _ => unreachable!(),
                };
                return Ok(Some(r));
            }
            (Obj::Set(..), BinOpKind::Or | BinOpKind::And | BinOpKind::Sub | BinOpKind::Xor) => {
                return crate::builtins::dict::set_binop(self, a, b, kind, inplace);
            }
            (Obj::Dict(_), BinOpKind::Or) => {
                return crate::builtins::dict::dict_or(self, a, b, inplace);
            }
            _ => {}
        }
        Ok(None)
    }
}
