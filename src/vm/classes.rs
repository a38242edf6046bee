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
        // type(name, bases, ns) without __module__: the calling code's
        // module, as CPython takes it from the caller's globals.
        let mk = self.n.module;
        if self.dict_get_str(dict, mk).is_none() {
            let caller = self.fiber.frames.last().map(|f| f.globals);
            if let Some(m) = caller.and_then(|g| self.dict_get_str(g, self.n.name)) {
                self.dict_set_str(dict, mk, m);
            }
        }
        // Every class has its own __doc__ (None without a docstring), so a
        // subclass does not show its base's docstring (CPython's type_new).
        let dk = self.n.doc;
        if self.dict_get_str(dict, dk).is_none() {
            self.dict_set_str(dict, dk, Value::None);
        }
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

impl Vm {
    /// Call `_weft_types.<name>(*args)`: types.GenericAlias and
    /// types.UnionType are written in weft, in a module imported the first
    /// time a script needs one.
    pub fn call_weft_types(&mut self, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.intern("_weft_types");
        let importer = self.importer;
        let module = importer(self, m, Value::None, Value::Int(0))?;
        let k = self.intern(name);
        let f = self.getattr(module, k)?;
        self.call(f, args)
    }

    /// `origin[args]` for a built-in class: a types.GenericAlias.
    pub fn generic_alias(&mut self, origin: Value, args: Value) -> PyResult<Value> {
        self.call_weft_types("GenericAlias", &[origin, args])
    }

    /// The bases a class statement lists, after `__mro_entries__` (PEP 560):
    /// a base that is not a class may stand for others (`list[int]` for
    /// `list`, `Generic[T]` for `Generic`). Returns the resolved bases and
    /// whether any was replaced.
    pub(crate) fn resolve_bases(&mut self, bases: &[Value]) -> PyResult<(Vec<Value>, bool)> {
        let mut out = Vec::with_capacity(bases.len());
        let mut changed = false;
        let mek = self.n.mro_entries;
        let mut orig = None;
        for &b in bases {
            let is_class = matches!(b, Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)));
            // Looked up on the object itself, as CPython's update_bases
            // does (a function may carry __mro_entries__ as an attribute).
            if !is_class {
                if let Some(f) = self.getattr_opt(b, mek)? {
                    let t = *orig.get_or_insert_with(|| self.new_tuple(bases.to_vec()));
                    self.temp_roots.extend([t, f]);
                    let r = self.call(f, &[t]);
                    self.temp_roots.truncate(self.temp_roots.len() - 2);
                    let r = r?;
                    if !matches!(r, Value::Obj(x) if matches!(self.heap.get(x), Obj::Tuple(_))) {
                        return Err(self.type_error("__mro_entries__ must return a tuple"));
                    }
                    out.extend(self.tuple_items(r));
                    changed = true;
                    continue;
                }
            }
            out.push(b);
        }
        Ok((out, changed))
    }

    /// The metaclass of a class statement: the explicit one, else the most
    /// derived metaclass of the bases (TypeError on a conflict).
    pub(crate) fn calculate_meta(&mut self, meta: Value, bases: &[Value]) -> PyResult<Value> {
        let mut winner = match meta {
            Value::None => self.t.type_,
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Class(_)) => r,
            // A callable that is not a class is used as is.
            other => return Ok(other),
        };
        for &b in bases {
            let mb = self.type_of(b);
            if self.is_subclass(winner, mb) {
                continue;
            }
            if self.is_subclass(mb, winner) {
                winner = mb;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(Value::Obj(winner))
    }
}

impl Vm {
    /// The built-in value inside an instance of a subclass of a built-in
    /// container type (`class D(dict)`), if `v` is one.
    pub fn builtin_base(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(i) => i.base.as_obj(),
                _ => None,
            },
            _ => None,
        }
    }
}
