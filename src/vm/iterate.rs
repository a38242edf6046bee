//! Truth, length and iteration: bool(), len(), iter(), next() over the
//! built-in iterators, and collecting an iterable.

use num_traits::Zero;

use crate::object::*;

use super::Vm;

impl Vm {
    // ---- truth, length ----

    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        match v {
            Value::Undefined | Value::None => Ok(false),
            Value::Bool(b) => Ok(b),
            Value::Int(i) => Ok(i != 0),
            Value::Float(f) => Ok(f != 0.0),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => Ok(!s.s.is_empty()),
                Obj::BigInt(b) => Ok(!b.is_zero()),
                Obj::Complex(re, im) => Ok(*re != 0.0 || *im != 0.0),
                Obj::Tuple(t) => Ok(!t.is_empty()),
                Obj::List(l) => Ok(!l.is_empty()),
                Obj::Dict(d) | Obj::Set(d, _) => Ok(!d.is_empty()),
                Obj::Bytes(b) => Ok(!b.is_empty()),
                Obj::ByteArray(b) => Ok(!b.is_empty()),
                Obj::Range(..) => Ok(self.len(v)? != 0),
                Obj::DictView(..) => Ok(self.len(v)? != 0),
                // A class's metaclass may define __bool__ / __len__.
                Obj::Instance(_) | Obj::NativeObj(_) | Obj::Class(_) => {
                    let bk = self.n.bool_;
                    if let Some(f) = self.lookup_special(v, bk) {
                        let r = self.call_bound(f, v, &[])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => {
                                let tn = self.type_name(r);
                                Err(self.type_error(format!(
                                    "__bool__ should return bool, returned {tn}"
                                )))
                            }
                        };
                    }
                    let lk = self.n.len;
                    if self.lookup_special(v, lk).is_some() {
                        return Ok(self.len(v)? != 0);
                    }
                    Ok(true)
                }
                _ => Ok(true),
            },
        }
    }

    /// `len(v)`. The built-in containers are answered inline; everything
    /// else (`__len__`, errors) goes out of line.
    #[inline]
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::List(l) => return Ok(l.len()),
                Obj::Str(s) => return Ok(s.chars as usize),
                Obj::Tuple(t) => return Ok(t.len()),
                Obj::Dict(d) | Obj::Set(d, _) => return Ok(d.len()),
                _ => {}
            }
        }
        self.len_slow(v)
    }

    #[inline(never)]
    fn len_slow(&mut self, v: Value) -> PyResult<usize> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::Str(s) => return Ok(s.chars as usize),
                Obj::Tuple(t) => return Ok(t.len()),
                Obj::List(l) => return Ok(l.len()),
                Obj::Dict(d) | Obj::Set(d, _) => return Ok(d.len()),
                Obj::Bytes(b) => return Ok(b.len()),
                Obj::ByteArray(b) => return Ok(b.len()),
                Obj::Range(a, b, s) => return Ok(range_len(*a, *b, *s) as usize),
                Obj::DictView(d, _) => {
                    let d = *d;
                    return Ok(self.dict_ref(d).len());
                }
                _ => {}
            }
        }
        let lk = self.n.len;
        match self.lookup_special(v, lk) {
            Some(f) => {
                let r = self.call_bound(f, v, &[])?;
                match r {
                    Value::Int(i) if i >= 0 => Ok(i as usize),
                    Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
                    Value::Bool(b) => Ok(b as usize),
                    _ => {
                        let tn = self.type_name(r);
                        Err(self.type_error(format!(
                            "'{tn}' object cannot be interpreted as an integer"
                        )))
                    }
                }
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("object of type '{tn}' has no len()")))
            }
        }
    }

    // ---- iteration ----

    fn new_iter(&mut self, st: IterState) -> Value {
        self.alloc(Obj::Iter(Box::new(st)))
    }

    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            let st = match self.heap.get(r) {
                Obj::List(_) | Obj::Tuple(_) => Some(IterState::Seq { seq: r, idx: 0 }),
                Obj::Str(_) => Some(IterState::Str { s: r, pos: 0 }),
                Obj::Bytes(_) | Obj::ByteArray(_) => Some(IterState::Bytes { b: r, idx: 0 }),
                Obj::Range(a, b, s) => Some(IterState::Range {
                    cur: *a,
                    stop: *b,
                    step: *s,
                }),
                Obj::Dict(d) => Some(IterState::Dict {
                    d: r,
                    idx: 0,
                    kind: ViewKind::Keys,
                    len: d.len(),
                }),
                Obj::Set(d, _) => Some(IterState::Dict {
                    d: r,
                    idx: 0,
                    kind: ViewKind::Keys,
                    len: d.len(),
                }),
                Obj::DictView(d, k) => {
                    let (d, k) = (*d, *k);
                    let len = self.dict_ref(d).len();
                    Some(IterState::Dict {
                        d,
                        idx: 0,
                        kind: k,
                        len,
                    })
                }
                Obj::Iter(_) => return Ok(v),
                Obj::Gen(g) if g.kind == GenKind::Generator => return Ok(v),
                _ => None,
            };
            if let Some(st) = st {
                return Ok(self.new_iter(st));
            }
        }
        let ik = self.n.iter;
        if let Some(f) = self.lookup_special(v, ik) {
            if f.is_none() {
                return Err(self.type_error_obj(v, "is not iterable"));
            }
            let it = self.call_bound(f, v, &[])?;
            if !self.is_iterator(it) {
                let tn = self.type_name(it);
                return Err(self.type_error(format!("iter() returned non-iterator of type '{tn}'")));
            }
            return Ok(it);
        }
        let gk = self.n.getitem;
        if matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)))
            && self.lookup_special(v, gk).is_some()
        {
            return Ok(self.new_iter(IterState::GetItem {
                obj: v,
                idx: 0,
                done: false,
            }));
        }
        Err(self.type_error_obj(v, "is not iterable"))
    }

    pub fn is_iterator(&self, v: Value) -> bool {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::Iter(_) => return true,
                Obj::Gen(g) => return g.kind == GenKind::Generator,
                _ => {}
            }
        }
        self.lookup_special(v, self.n.next).is_some()
    }

    /// One step of iteration: Some(item), or None when exhausted.
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = it else {
            return Err(self.type_error_obj(it, "is not an iterator"));
        };
        match self.heap.get(r) {
            Obj::Iter(_) => self.next_builtin_iter(r),
            Obj::Gen(g) if g.kind == GenKind::Generator => {
                match self.resume_native(r, Value::None, None) {
                    super::Exit::Yielded(v) => Ok(Some(v)),
                    super::Exit::Returned(_) => Ok(None),
                    super::Exit::Raised(e) => Err(e),
                }
            }
            _ => {
                let nk = self.n.next;
                match self.lookup_special(it, nk) {
                    Some(f) => match self.call_bound(f, it, &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.isinstance_class(e, self.t.stop_iteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => Err(self.type_error_obj(it, "is not an iterator")),
                }
            }
        }
    }

    fn next_builtin_iter(&mut self, r: ObjRef) -> PyResult<Option<Value>> {
        // Take a snapshot of the state to avoid holding a borrow across calls.
        let Obj::Iter(st) = self.heap.get(r) else {
            return Ok(None);
        };
        match &**st {
            IterState::Seq { seq, idx } => {
                let (seq, idx) = (*seq, *idx);
                let item = match self.heap.get(seq) {
                    Obj::List(l) => l.get(idx).copied(),
                    Obj::Tuple(t) => t.get(idx).copied(),
                    _ => None,
                };
                if let Obj::Iter(st) = self.heap.get_mut(r) {
                    if let IterState::Seq { idx: i, .. } = &mut **st {
                        // Exhausted stays exhausted (CPython drops the list).
                        *i = if item.is_some() { idx + 1 } else { usize::MAX };
                    }
                }
                Ok(item)
            }
            IterState::Str { s, pos } => {
                let (s, pos) = (*s, *pos);
                let (ch, len) = match self.heap.get(s) {
                    Obj::Str(ps) => match ps.s[pos..].chars().next() {
                        Some(c) => (Some(c), c.len_utf8()),
                        None => (None, 0),
                    },
                    _ => (None, 0),
                };
                match ch {
                    Some(c) => {
                        if let Obj::Iter(st) = self.heap.get_mut(r) {
                            if let IterState::Str { pos, .. } = &mut **st {
                                *pos += len;
                            }
                        }
                        let mut buf = [0u8; 4];
                        let cs: &str = c.encode_utf8(&mut buf);
                        Ok(Some(self.char_str(cs)))
                    }
                    None => Ok(None),
                }
            }
            IterState::Bytes { b, idx } => {
                let (b, idx) = (*b, *idx);
                let item = match self.heap.get(b) {
                    Obj::Bytes(x) => x.get(idx).copied(),
                    Obj::ByteArray(x) => x.get(idx).copied(),
                    _ => None,
                };
                if let Obj::Iter(st) = self.heap.get_mut(r) {
                    if let IterState::Bytes { idx, .. } = &mut **st {
                        *idx += 1;
                    }
                }
                Ok(item.map(|x| Value::Int(x as i64)))
            }
            IterState::Range { cur, stop, step } => {
                let (cur, stop, step) = (*cur, *stop, *step);
                if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                    if let Obj::Iter(st) = self.heap.get_mut(r) {
                        if let IterState::Range { cur: c, .. } = &mut **st {
                            *c = cur.saturating_add(step);
                        }
                    }
                    Ok(Some(Value::Int(cur)))
                } else {
                    Ok(None)
                }
            }
            IterState::Dict { d, idx, kind, len } => {
                let (d, mut i, kind, len) = (*d, *idx, *kind, *len);
                let is_set = matches!(self.heap.get(d), Obj::Set(..));
                let dict = self.dict_ref(d);
                if dict.len() != len {
                    let what = if is_set { "set" } else { "dictionary" };
                    if let Obj::Iter(st) = self.heap.get_mut(r) {
                        if let IterState::Dict { len: l, .. } = &mut **st {
                            *l = usize::MAX;
                        }
                    }
                    if len == usize::MAX {
                        return Ok(None);
                    }
                    return Err(self.runtime_error(format!("{what} changed size during iteration")));
                }
                let mut found = None;
                while i < dict.slots() {
                    if let Some(e) = dict.entry_at(i) {
                        found = Some((e.key, e.value));
                        i += 1;
                        break;
                    }
                    i += 1;
                }
                if let Obj::Iter(st) = self.heap.get_mut(r) {
                    if let IterState::Dict { idx, .. } = &mut **st {
                        *idx = i;
                    }
                }
                match found {
                    None => Ok(None),
                    Some((k, v)) => Ok(Some(match kind {
                        ViewKind::Keys => k,
                        ViewKind::Values => v,
                        ViewKind::Items => self.new_tuple(vec![k, v]),
                    })),
                }
            }
            IterState::Reversed { seq, idx } => {
                let (seq, idx) = (*seq, *idx);
                if idx < 0 {
                    return Ok(None);
                }
                let item = match self.heap.get(seq) {
                    Obj::List(l) => l.get(idx as usize).copied(),
                    Obj::Tuple(t) => t.get(idx as usize).copied(),
                    _ => None,
                };
                if let Obj::Iter(st) = self.heap.get_mut(r) {
                    if let IterState::Reversed { idx, .. } = &mut **st {
                        *idx -= 1;
                    }
                }
                match item {
                    Some(v) => Ok(Some(v)),
                    None => Ok(None),
                }
            }
            IterState::Values { vals, idx } => {
                let item = vals.get(*idx).copied();
                if let Obj::Iter(st) = self.heap.get_mut(r) {
                    if let IterState::Values { idx, .. } = &mut **st {
                        *idx += 1;
                    }
                }
                Ok(item)
            }
            IterState::Enumerate { it, count } => {
                let (it, count) = (*it, *count);
                match self.next(it)? {
                    Some(v) => {
                        if let Obj::Iter(st) = self.heap.get_mut(r) {
                            if let IterState::Enumerate { count, .. } = &mut **st {
                                *count += 1;
                            }
                        }
                        Ok(Some(self.new_tuple(vec![Value::Int(count), v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its, strict } => {
                let (its, strict) = (its.clone(), *strict);
                let base = self.temp_roots.len();
                let r = self.zip_step(&its, strict);
                self.temp_roots.truncate(base);
                r
            }
            IterState::Map { f, its } => {
                let (f, its) = (*f, its.clone());
                let mut args = Vec::with_capacity(its.len());
                let base = self.temp_roots.len();
                for &it in &its {
                    match self.next(it) {
                        Ok(Some(v)) => {
                            self.temp_roots.push(v);
                            args.push(v)
                        }
                        Ok(None) => {
                            self.temp_roots.truncate(base);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.temp_roots.truncate(base);
                            return Err(e);
                        }
                    }
                }
                let r = self.call(f, &args);
                self.temp_roots.truncate(base);
                r.map(Some)
            }
            IterState::Filter { f, it } => {
                let (f, it) = (*f, *it);
                loop {
                    let Some(v) = self.next(it)? else {
                        return Ok(None);
                    };
                    self.temp_roots.push(v);
                    let keep = if f.is_none() {
                        self.truthy(v)
                    } else {
                        let t = self.call(f, &[v]);
                        match t {
                            Ok(t) => self.truthy(t),
                            Err(e) => Err(e),
                        }
                    };
                    self.temp_roots.pop();
                    if keep? {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::Callable { f, sentinel, done } => {
                let (f, sentinel, done) = (*f, *sentinel, *done);
                if done {
                    return Ok(None);
                }
                let v = self.call(f, &[])?;
                if self.eq(v, sentinel)? {
                    if let Obj::Iter(st) = self.heap.get_mut(r) {
                        if let IterState::Callable { done, .. } = &mut **st {
                            *done = true;
                        }
                    }
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::GetItem { obj, idx, done } => {
                let (obj, idx, done) = (*obj, *idx, *done);
                if done {
                    return Ok(None);
                }
                match self.getitem(obj, Value::Int(idx)) {
                    Ok(v) => {
                        if let Obj::Iter(st) = self.heap.get_mut(r) {
                            if let IterState::GetItem { idx, .. } = &mut **st {
                                *idx += 1;
                            }
                        }
                        Ok(Some(v))
                    }
                    Err(e)
                        if self.isinstance_class(e, self.t.index_error)
                            || self.isinstance_class(e, self.t.stop_iteration) =>
                    {
                        if let Obj::Iter(st) = self.heap.get_mut(r) {
                            if let IterState::GetItem { done, .. } = &mut **st {
                                *done = true;
                            }
                        }
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// One step of zip(); values fetched so far stay rooted in temp_roots
    /// (the caller truncates).
    fn zip_step(&mut self, its: &[Value], strict: bool) -> PyResult<Option<Value>> {
        let mut out = Vec::with_capacity(its.len());
        for (i, &it) in its.iter().enumerate() {
            match self.next(it)? {
                Some(v) => {
                    self.temp_roots.push(v);
                    out.push(v)
                }
                None => {
                    if strict && i > 0 {
                        return Err(self.value_error(zip_length_message(i, "shorter")));
                    }
                    if strict && i == 0 {
                        for (j, &other) in its.iter().enumerate().skip(1) {
                            if self.next(other)?.is_some() {
                                return Err(self.value_error(zip_length_message(j, "longer")));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        if its.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.new_tuple(out)))
    }

    /// A one-character str (ASCII ones are interned).
    pub fn char_str(&mut self, s: &str) -> Value {
        if s.len() == 1 {
            self.intern(s)
        } else {
            self.new_str(s)
        }
    }

    /// All items of an iterable. Items are kept rooted while user code runs.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::List(l) => return Ok(l.clone()),
                Obj::Tuple(t) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        // A range knows its length: a huge one is a MemoryError at once, as
        // in CPython (which preallocates from the length hint), instead of
        // filling memory item by item.
        let mut first: Vec<Value> = Vec::new();
        if let Value::Obj(r) = v {
            if let Obj::Range(a, b, s) = *self.heap.get(r) {
                first = self.try_vec(range_len(a, b, s).max(0) as usize)?;
            }
        }
        let it = self.iter(v)?;
        let acc = self.new_list(first);
        let base = self.temp_roots.len();
        self.temp_roots.push(it);
        self.temp_roots.push(acc);
        let res = loop {
            match self.next(it) {
                Ok(Some(x)) => {
                    if let Value::Obj(a) = acc {
                        if let Obj::List(l) = self.heap.get_mut(a) {
                            l.push(x);
                        }
                    }
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.truncate(base);
        res?;
        Ok(match acc {
            Value::Obj(a) => match self.heap.get_mut(a) {
                Obj::List(l) => std::mem::take(l),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        })
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

/// zip(strict=True)'s message for argument `i` (0-based) being `what`
/// ("shorter"/"longer") than the ones before it.
fn zip_length_message(i: usize, what: &str) -> String {
    let before = if i > 1 {
        format!("s 1-{i}")
    } else {
        " 1".to_string()
    };
    format!("zip() argument {} is {what} than argument{before}", i + 1)
}
