//! Support for `match` statements: mapping / sequence tests, key and
//! class patterns.

use crate::object::*;

use super::Vm;

impl Vm {
    // ---- pattern matching support ----

    pub(crate) fn is_mapping(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Dict(_) => true,
                Obj::Instance(i) => {
                    matches!(i.base, Value::Obj(b) if matches!(self.heap.get(b), Obj::Dict(_)))
                }
                _ => false,
            },
            _ => false,
        }
    }

    pub(crate) fn is_sequence(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::List(_) | Obj::Tuple(_) | Obj::Range(..) => true,
                Obj::Instance(i) => {
                    matches!(i.base, Value::Obj(b) if matches!(self.heap.get(b), Obj::List(_) | Obj::Tuple(_)))
                }
                _ => false,
            },
            _ => false,
        }
    }

    pub(crate) fn match_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let keys = self.tuple_items(keys);
        let mut vals = Vec::with_capacity(keys.len());
        let Value::Obj(d) = subj else {
            return Ok(Value::None);
        };
        for k in keys {
            match self.dict_get(d, k)? {
                Some(v) => vals.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(vals))
    }

    pub(crate) fn match_class(
        &mut self,
        subj: Value,
        cls: Value,
        npos: usize,
        names: Value,
    ) -> PyResult<Value> {
        let Value::Obj(c) = cls else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !matches!(self.heap.get(c), Obj::Class(_)) {
            return Err(self.type_error("called match pattern must be a class"));
        }
        if !self.isinstance_class(subj, c) {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        if npos > 0 {
            // Built-in types match their single positional pattern against the subject itself.
            let self_match = [
                self.t.bool_,
                self.t.bytearray,
                self.t.bytes,
                self.t.dict,
                self.t.float,
                self.t.frozenset,
                self.t.int,
                self.t.list,
                self.t.set,
                self.t.str,
                self.t.tuple,
            ]
            .iter()
            .any(|&b| self.is_subclass(c, b));
            let mak = self.intern("__match_args__");
            if self_match && self.class_dict_get(c, mak).is_none() {
                if npos > 1 {
                    let n = self.class_name(c);
                    return Err(self.type_error(format!(
                        "{n}() accepts 1 positional sub-pattern ({npos} given)"
                    )));
                }
                out.push(subj);
            } else {
                let ma = self.intern("__match_args__");
                let args = match self.getattr_opt(cls, ma)? {
                    Some(a) => self.tuple_items(a),
                    None => Vec::new(),
                };
                if npos > args.len() {
                    let n = self.class_name(c);
                    return Err(self.type_error(format!(
                        "{n}() accepts {} positional sub-pattern{} ({npos} given)",
                        args.len(),
                        if args.len() == 1 { "" } else { "s" }
                    )));
                }
                for &a in args.iter().take(npos) {
                    match self.getattr_opt(subj, a)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for n in self.tuple_items(names) {
            match self.getattr_opt(subj, n)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(out))
    }

    pub(crate) fn copy_dict_without_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let d = self.new_dict();
        if let Value::Obj(s) = subj {
            let pairs: Vec<(Value, Value)> =
                self.dict_ref(s).iter().map(|e| (e.key, e.value)).collect();
            for (k, v) in pairs {
                self.dict_set(d, k, v)?;
            }
        }
        if let Value::Obj(dr) = d {
            for k in self.tuple_items(keys) {
                self.dict_del(dr, k)?;
            }
        }
        Ok(d)
    }
}
