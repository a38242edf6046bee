//! Creating classes: `type(name, bases, ns)` and the class statement.

use crate::object::*;

use super::types::c3_mro;
use super::Vm;

impl Vm {
    /// `type.__new__(meta, name, bases, ns)`: build a class object.
    pub fn type_new(
        &mut self,
        meta: Value,
        name: Value,
        bases: Value,
        ns: Value,
    ) -> PyResult<Value> {
        if self.as_str(name).is_none() {
            return Err(self.type_error("type.__new__() argument 1 must be str"));
        }
        let mut base_refs = Vec::new();
        for b in self.tuple_items(bases) {
            match b {
                Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)) => base_refs.push(r),
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        for &b in &base_refs {
            if b == self.t.bool_ {
                return Err(self.type_error("type 'bool' is not an acceptable base type"));
            }
        }
        if base_refs.is_empty() {
            base_refs.push(self.t.object);
        }
        // The namespace becomes the class dict (a fresh copy if it is not a dict).
        let dict = match ns {
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Dict(_)) => {
                let copy = self.new_dict();
                let pairs: Vec<(Value, Value)> =
                    self.dict_ref(r).iter().map(|e| (e.key, e.value)).collect();
                for (k, v) in pairs {
                    self.dict_set(copy, k, v)?;
                }
                copy.as_obj().unwrap_or(r)
            }
            _ => {
                let d = self.heap.alloc(Obj::Dict(Box::default()));
                self.dict_update_from(Value::Obj(d), ns, false)?;
                d
            }
        };
        let qk = self.n.qualname;
        let qualname = match self.dict_get_str(dict, qk) {
            Some(q) => {
                self.dict_del_str(dict, qk);
                q
            }
            None => name,
        };
        let cck = self.n.classcell;
        let classcell = self.dict_get_str(dict, cck);
        if classcell.is_some() {
            self.dict_del_str(dict, cck);
        }
        let layout = base_refs
            .iter()
            .map(|&b| match self.heap.get(b) {
                Obj::Class(c) => {
                    if c.layout == Layout::Exception {
                        Layout::Exception
                    } else if c.layout == Layout::Builtin && b != self.t.object {
                        Layout::Builtin
                    } else {
                        Layout::Object
                    }
                }
                _ => Layout::Object,
            })
            .fold(Layout::Object, |acc, l| match (acc, l) {
                (Layout::Exception, _) | (_, Layout::Exception) => Layout::Exception,
                (Layout::Builtin, _) | (_, Layout::Builtin) => Layout::Builtin,
                _ => Layout::Object,
            });
        let sk = self.n.slots;
        let slots = match self.dict_get_str(dict, sk) {
            Some(s) => {
                if self.as_str(s).is_some() {
                    Some(vec![s])
                } else {
                    Some(self.collect_iterable(s)?)
                }
            }
            None => None,
        };
        // Implicit classmethod/staticmethod wrapping, as CPython does.
        for (key, wrap_class) in [
            (self.n.init_subclass, true),
            (self.n.class_getitem, true),
            (self.n.new, false),
        ] {
            if let Some(f) = self.dict_get_str(dict, key) {
                if matches!(f, Value::Obj(r) if matches!(self.heap.get(r), Obj::Function(_))) {
                    let w = if wrap_class {
                        self.alloc(Obj::ClassMethod(f))
                    } else {
                        self.alloc(Obj::StaticMethod(f))
                    };
                    self.dict_set_str(dict, key, w);
                }
            }
        }
        // Defining __eq__ without __hash__ makes instances unhashable.
        let (ek, hk) = (self.n.eq, self.n.hash);
        if self.dict_get_str(dict, ek).is_some() && self.dict_get_str(dict, hk).is_none() {
            self.dict_set_str(dict, hk, Value::None);
        }
        let meta_ref = meta.as_obj().filter(|&m| m != self.t.type_);
        let cls = self.heap.alloc(Obj::Class(Box::new(Class {
            name,
            qualname,
            bases: base_refs.clone(),
            mro: Vec::new(),
            dict,
            layout,
            metaclass: meta_ref,
            slots,
            builtin: false,
        })));
        let Some(mro) = c3_mro(&self.heap, cls, &base_refs) else {
            let names: Vec<String> = base_refs.iter().map(|&b| self.class_name(b)).collect();
            return Err(self.type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        if let Obj::Class(c) = self.heap.get_mut(cls) {
            c.mro = mro;
        }
        let clsv = Value::Obj(cls);
        self.invalidate_classes();
        if let Some(cell) = classcell {
            self.cell_set(cell, clsv);
        }
        // __set_name__ on descriptors in the namespace.
        let snk = self.n.set_name;
        let pairs: Vec<(Value, Value)> = self
            .dict_ref(dict)
            .iter()
            .map(|e| (e.key, e.value))
            .collect();
        self.temp_roots.push(clsv);
        for (k, v) in pairs {
            if matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_))) {
                if let Some(f) = self.lookup_special(v, snk) {
                    if let Err(e) = self.call_bound(f, v, &[clsv, k]) {
                        self.temp_roots.pop();
                        return Err(e);
                    }
                }
            }
        }
        self.temp_roots.pop();
        Ok(clsv)
    }
}
