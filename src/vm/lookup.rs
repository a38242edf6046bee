//! Types and attribute lookup: the class of a value, MRO lookup with the
//! attribute cache, descriptors, getattr / setattr / delattr.

use crate::object::*;

use super::Vm;

pub const ATTR_CACHE_SIZE: usize = 4096;

/// One entry of the class attribute cache.
#[derive(Debug, Clone, Copy, Default)]
pub struct AttrCacheEntry {
    pub cls: u32,
    pub name: u32,
    /// `Vm::class_version` when filled (0 never matches: versions start at 1).
    pub version: u32,
    pub found: bool,
    /// The value found is a native function (a default slot, for `has_custom`).
    pub native: bool,
    pub value: Value,
}

impl Vm {
    /// The class of any value.
    pub fn type_of(&self, v: Value) -> ObjRef {
        let t = &self.t;
        match v {
            Value::Undefined | Value::None => t.none_type,
            Value::Bool(_) => t.bool_,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(_) => t.str,
                Obj::BigInt(_) => t.int,
                Obj::Complex(..) => t.complex,
                Obj::Tuple(_) => t.tuple,
                Obj::List(_) => t.list,
                Obj::Dict(_) => t.dict,
                Obj::Set(_, false) => t.set,
                Obj::Set(_, true) => t.frozenset,
                Obj::Bytes(_) => t.bytes,
                Obj::ByteArray(_) => t.bytearray,
                Obj::Range(..) => t.range,
                Obj::Slice(_) => t.slice,
                Obj::Function(_) => t.function,
                Obj::BuiltinFn(_) => t.builtin_function,
                Obj::BoundMethod { .. } => t.method,
                Obj::Class(c) => c.metaclass.unwrap_or(t.type_),
                Obj::Instance(i) => i.class,
                Obj::Module(_) => t.module,
                Obj::Cell(_) => t.cell,
                Obj::Code(_) => t.code,
                Obj::Gen(g) => match g.kind {
                    GenKind::Generator => t.generator,
                    GenKind::Coroutine => t.coroutine,
                    GenKind::AsyncGenerator => t.async_generator,
                },
                Obj::Iter(_) => t.iterator,
                Obj::DictView(_, k) => match k {
                    ViewKind::Keys => t.dict_keys,
                    ViewKind::Values => t.dict_values,
                    ViewKind::Items => t.dict_items,
                },
                Obj::Property(_) => t.property,
                Obj::StaticMethod(_) => t.staticmethod,
                Obj::ClassMethod(_) => t.classmethod,
                Obj::Super { .. } => t.super_,
                Obj::Traceback(_) => t.traceback,
                Obj::AGenOp(_) => t.iterator,
                Obj::NativeObj(n) => n.class(),
            },
        }
    }

    pub fn class_name(&self, cls: ObjRef) -> String {
        match self.heap.get(cls) {
            Obj::Class(c) => self.str_of(c.name).to_string(),
            _ => "?".to_string(),
        }
    }

    pub fn type_name(&self, v: Value) -> String {
        self.class_name(self.type_of(v))
    }

    pub fn class_mro(&self, cls: ObjRef) -> &[ObjRef] {
        match self.heap.get(cls) {
            Obj::Class(c) => &c.mro,
            _ => &[],
        }
    }

    pub fn is_subclass(&self, a: ObjRef, b: ObjRef) -> bool {
        a == b || self.class_mro(a).contains(&b)
    }

    #[inline]
    pub fn isinstance_class(&self, v: Value, cls: ObjRef) -> bool {
        let t = self.type_of(v);
        t == cls || self.is_subclass(t, cls)
    }

    /// Look a name up along a class's MRO, through the attribute cache
    /// (CPython's type attribute cache: direct-mapped, invalidated by any
    /// change to a class namespace and by every collection).
    #[inline]
    pub fn class_lookup(&self, cls: ObjRef, name: Value) -> Option<Value> {
        self.class_lookup_entry(cls, name).0
    }

    /// `class_lookup` plus whether the value is a native function.
    #[inline]
    pub fn class_lookup_entry(&self, cls: ObjRef, name: Value) -> (Option<Value>, bool) {
        let Value::Obj(nr) = name else {
            let r = self.class_lookup_slow(cls, name);
            return (r, false);
        };
        let version = self.class_version.get();
        let slot = &self.attr_cache
            [((cls.raw().wrapping_mul(0x9E37_79B1)) ^ nr.raw()) as usize & (ATTR_CACHE_SIZE - 1)];
        let e = slot.get();
        if e.version == version && e.cls == cls.raw() && e.name == nr.raw() {
            return (if e.found { Some(e.value) } else { None }, e.native);
        }
        let r = self.class_lookup_slow(cls, name);
        let native =
            matches!(r, Some(Value::Obj(fr)) if matches!(self.heap.get(fr), Obj::BuiltinFn(_)));
        slot.set(AttrCacheEntry {
            cls: cls.raw(),
            name: nr.raw(),
            version,
            found: r.is_some(),
            native,
            value: r.unwrap_or(Value::Undefined),
        });
        (r, native)
    }

    fn class_lookup_slow(&self, cls: ObjRef, name: Value) -> Option<Value> {
        let Obj::Class(c) = self.heap.get(cls) else {
            return None;
        };
        for &k in &c.mro {
            if let Obj::Class(kc) = self.heap.get(k) {
                if let Some(v) = self.dict_get_str(kc.dict, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// A name in the class's own namespace.
    pub fn class_dict_get(&self, cls: ObjRef, name: Value) -> Option<Value> {
        match self.heap.get(cls) {
            Obj::Class(c) => self.dict_get_str(c.dict, name),
            _ => None,
        }
    }

    /// Special-method lookup: on the type only, never the instance.
    #[inline]
    pub fn lookup_special(&self, v: Value, name: Value) -> Option<Value> {
        let t = self.type_of(v);
        self.class_lookup(t, name)
    }

    /// How a class attribute found on the type binds to an instance:
    /// None for plain functions and natives (the caller passes self).
    pub fn bind_descriptor(&mut self, f: Value, obj: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = f else { return Ok(Some(f)) };
        match self.heap.get(r) {
            Obj::Function(_) | Obj::BuiltinFn(_) => Ok(None),
            Obj::StaticMethod(inner) => Ok(Some(*inner)),
            Obj::ClassMethod(inner) => {
                let inner = *inner;
                let cls = Value::Obj(self.type_of(obj));
                Ok(Some(self.alloc(Obj::BoundMethod {
                    recv: cls,
                    func: inner,
                })))
            }
            Obj::Property(p) => {
                let fget = p[0];
                if fget.is_none() {
                    return Err(self.new_error(self.t.attribute_error, "unreadable attribute"));
                }
                self.call(fget, &[obj]).map(Some)
            }
            _ => {
                let getk = self.n.get;
                match self.lookup_special(f, getk) {
                    Some(g) => {
                        let cls = Value::Obj(self.type_of(obj));
                        self.call_bound(g, f, &[obj, cls]).map(Some)
                    }
                    None => Ok(Some(f)),
                }
            }
        }
    }

    fn is_data_descriptor(&self, d: Value) -> bool {
        let Value::Obj(r) = d else { return false };
        match self.heap.get(r) {
            Obj::Property(_) => true,
            Obj::Instance(_) => {
                self.lookup_special(d, self.n.set).is_some()
                    || self.lookup_special(d, self.n.delete).is_some()
            }
            _ => false,
        }
    }

    /// The attribute dict of an object that has one.
    pub fn instance_dict(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(i) => i.dict,
                Obj::Function(f) => f.dict,
                Obj::Module(m) => Some(m.dict),
                Obj::NativeObj(n) => n.attr_dict(),
                _ => None,
            },
            _ => None,
        }
    }

    #[inline]
    pub(crate) fn has_custom(&self, cls: ObjRef, name: Value) -> Option<Value> {
        match self.class_lookup_entry(cls, name) {
            (Some(f), false) => Some(f),
            _ => None,
        }
    }

    /// `getattr(obj, name)`
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        let cls = self.type_of(obj);
        if let Value::Obj(r) = obj {
            if matches!(self.heap.get(r), Obj::Instance(_)) {
                let ga = self.n.getattribute;
                if let Some(f) = self.has_custom(cls, ga) {
                    let r = self.call_bound(f, obj, &[name]);
                    return match r {
                        Err(e) if self.isinstance_class(e, self.t.attribute_error) => {
                            let gk = self.n.getattr;
                            match self.class_lookup(cls, gk) {
                                Some(g) => self.call_bound(g, obj, &[name]),
                                None => Err(e),
                            }
                        }
                        other => other,
                    };
                }
            }
        }
        match self.generic_getattr(obj, name)? {
            Some(v) => Ok(v),
            None => {
                let gk = self.n.getattr;
                if let Some(g) = self.class_lookup(cls, gk) {
                    return self.call_bound(g, obj, &[name]);
                }
                // A module's own __getattr__ (PEP 562).
                if let Value::Obj(r) = obj {
                    if let Obj::Module(m) = self.heap.get(r) {
                        if let Some(g) = self.dict_get_str(m.dict, gk) {
                            return self.call(g, &[name]);
                        }
                    }
                }
                Err(self.attribute_error(obj, name))
            }
        }
    }

    /// getattr with a default of None for "missing" (AttributeError swallowed).
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        match self.getattr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.isinstance_class(e, self.t.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn attribute_error(&mut self, obj: Value, name: Value) -> Value {
        let n = self.str_of(name).to_string();
        let msg = match obj {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Class(c) => format!(
                    "type object '{}' has no attribute '{n}'",
                    self.str_of(c.name)
                ),
                Obj::Module(m) => {
                    format!("module '{}' has no attribute '{n}'", self.str_of(m.name))
                }
                _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
            },
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        let e = self.new_error(self.t.attribute_error, msg);
        self.set_exc_name(e, name, obj);
        e
    }

    /// object.__getattribute__: descriptors, instance dict, class attributes.
    pub fn generic_getattr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::Class(_) => return self.class_getattr(r, name),
                Obj::Super { cls, obj: sobj } => {
                    let (cls, sobj) = (*cls, *sobj);
                    return self.super_getattr(cls, sobj, name);
                }
                _ => {}
            }
        }
        let cls = self.type_of(obj);
        let descr = self.class_lookup(cls, name);
        if let Some(d) = descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, obj, cls).map(Some);
            }
        }
        if let Some(dict) = self.instance_dict(obj) {
            if let Some(v) = self.dict_get_str(dict, name) {
                return Ok(Some(v));
            }
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        match descr {
            Some(d) => self.descr_get(d, obj, cls).map(Some),
            None => Ok(None),
        }
    }

    /// Bind a class attribute `d` for access through `obj`.
    fn descr_get(&mut self, d: Value, obj: Value, cls: ObjRef) -> PyResult<Value> {
        let Value::Obj(r) = d else { return Ok(d) };
        match self.heap.get(r) {
            Obj::Function(_) | Obj::BuiltinFn(_) => {
                Ok(self.alloc(Obj::BoundMethod { recv: obj, func: d }))
            }
            Obj::StaticMethod(f) => Ok(*f),
            Obj::ClassMethod(f) => {
                let f = *f;
                Ok(self.alloc(Obj::BoundMethod {
                    recv: Value::Obj(cls),
                    func: f,
                }))
            }
            Obj::Property(p) => {
                let fget = p[0];
                if fget.is_none() {
                    let n = self.prop_name(d);
                    let tn = self.class_name(cls);
                    return Err(self.new_error(
                        self.t.attribute_error,
                        format!("property '{n}' of '{tn}' object has no getter"),
                    ));
                }
                self.call(fget, &[obj])
            }
            // Descriptors written in weft or natively (lru_cache wrappers).
            Obj::Instance(_) | Obj::NativeObj(_) => {
                let gk = self.n.get;
                match self.lookup_special(d, gk) {
                    Some(g) => self.call_bound(g, d, &[obj, Value::Obj(cls)]),
                    None => Ok(d),
                }
            }
            _ => Ok(d),
        }
    }

    fn prop_name(&self, p: Value) -> String {
        if let Value::Obj(r) = p {
            if let Obj::Property(pp) = self.heap.get(r) {
                if let Value::Obj(f) = pp[0] {
                    if let Obj::Function(func) = self.heap.get(f) {
                        return self.str_of(func.name).to_string();
                    }
                }
                if let Value::Obj(f) = pp[1] {
                    if let Obj::Function(func) = self.heap.get(f) {
                        return self.str_of(func.name).to_string();
                    }
                }
            }
        }
        "?".to_string()
    }

    /// Attribute access on a class object.
    fn class_getattr(&mut self, cls: ObjRef, name: Value) -> PyResult<Option<Value>> {
        if name.is(self.n.annotations) {
            // A class's own annotations, never a base's (CPython's
            // type.__annotations__ getset), made empty on first use.
            if let Obj::Class(c) = self.heap.get(cls) {
                if !c.builtin {
                    let d = c.dict;
                    if let Some(v) = self.dict_get_str(d, name) {
                        return Ok(Some(v));
                    }
                    let v = self.new_dict();
                    self.dict_set_str(d, name, v);
                    self.invalidate_classes();
                    return Ok(Some(v));
                }
            }
        }
        let meta = self.type_of(Value::Obj(cls));
        let meta_attr = if meta != self.t.type_ {
            self.class_lookup(meta, name)
        } else {
            None
        };
        if let Some(v) = self.class_lookup(cls, name) {
            let Value::Obj(r) = v else { return Ok(Some(v)) };
            return match self.heap.get(r) {
                Obj::StaticMethod(f) => Ok(Some(*f)),
                Obj::ClassMethod(f) => {
                    let f = *f;
                    Ok(Some(self.alloc(Obj::BoundMethod {
                        recv: Value::Obj(cls),
                        func: f,
                    })))
                }
                Obj::Instance(_) | Obj::NativeObj(_) => {
                    let gk = self.n.get;
                    match self.lookup_special(v, gk) {
                        Some(g) => self
                            .call_bound(g, v, &[Value::None, Value::Obj(cls)])
                            .map(Some),
                        None => Ok(Some(v)),
                    }
                }
                _ => Ok(Some(v)),
            };
        }
        if let Some(v) = self.class_special_attr(cls, name)? {
            return Ok(Some(v));
        }
        if let Some(m) = meta_attr {
            return self.descr_get(m, Value::Obj(cls), meta).map(Some);
        }
        // Methods of `type` itself (mro(), __subclasses__...).
        let ty = self.t.type_;
        if let Some(m) = self.class_lookup(ty, name) {
            return self.descr_get(m, Value::Obj(cls), ty).map(Some);
        }
        Ok(None)
    }

    fn super_getattr(&mut self, cls: ObjRef, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let start = match obj {
            Value::Obj(r)
                if matches!(self.heap.get(r), Obj::Class(_)) && self.is_subclass(r, cls) =>
            {
                r
            }
            _ => self.type_of(obj),
        };
        let mro = self.class_mro(start).to_vec();
        let pos = mro
            .iter()
            .position(|&c| c == cls)
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for &k in &mro[pos..] {
            if let Some(v) = self.class_dict_get(k, name) {
                let Value::Obj(r) = v else { return Ok(Some(v)) };
                // Through a class that is the start of the lookup (super()
                // in a classmethod) functions stay unbound; through an
                // instance, also an instance of a metaclass, they bind.
                let is_class_obj = obj.is(Value::Obj(start));
                return match self.heap.get(r) {
                    Obj::Function(_) | Obj::BuiltinFn(_) => {
                        if is_class_obj {
                            Ok(Some(v))
                        } else {
                            Ok(Some(self.alloc(Obj::BoundMethod { recv: obj, func: v })))
                        }
                    }
                    Obj::StaticMethod(f) => Ok(Some(*f)),
                    Obj::ClassMethod(f) => {
                        let f = *f;
                        let recv = if is_class_obj {
                            obj
                        } else {
                            Value::Obj(self.type_of(obj))
                        };
                        Ok(Some(self.alloc(Obj::BoundMethod { recv, func: f })))
                    }
                    _ => self.descr_get(v, obj, start).map(Some),
                };
            }
        }
        Ok(None)
    }

    /// `obj.name` where obj's method is called right away: avoids the bound
    /// method object when the attribute is a plain function on the type.
    pub fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Option<Value>)> {
        let cls = self.type_of(obj);
        let is_plain_instance = match obj {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(_) => self.has_custom(cls, self.n.getattribute).is_none(),
                Obj::Class(_) | Obj::Super { .. } | Obj::Module(_) => false,
                _ => true,
            },
            _ => true,
        };
        if is_plain_instance {
            if let Some(d) = self.class_lookup(cls, name) {
                if let Value::Obj(r) = d {
                    if matches!(self.heap.get(r), Obj::Function(_) | Obj::BuiltinFn(_)) {
                        let shadowed = match self.instance_dict(obj) {
                            Some(dict) => self.dict_get_str(dict, name).is_some(),
                            None => false,
                        };
                        if !shadowed {
                            return Ok((d, Some(obj)));
                        }
                    }
                }
            }
        }
        let v = self.getattr(obj, name)?;
        Ok((v, None))
    }

    /// `setattr(obj, name, value)`
    pub fn setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Value::Obj(r) = obj {
            if matches!(self.heap.get(r), Obj::Instance(_) | Obj::Class(_)) {
                let sa = self.n.setattr;
                if let Some(f) = self.has_custom(cls, sa) {
                    self.call_bound(f, obj, &[name, v])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, v)
    }

    pub fn generic_setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(d) = self.class_lookup(cls, name) {
            if let Value::Obj(dr) = d {
                match self.heap.get(dr) {
                    Obj::Property(p) => {
                        let fset = p[1];
                        if fset.is_none() {
                            let n = self.prop_name(d);
                            let tn = self.class_name(cls);
                            return Err(self.new_error(
                                self.t.attribute_error,
                                format!("property '{n}' of '{tn}' object has no setter"),
                            ));
                        }
                        self.call(fset, &[obj, v])?;
                        return Ok(());
                    }
                    Obj::Instance(_) => {
                        let sk = self.n.set;
                        if let Some(s) = self.lookup_special(d, sk) {
                            self.call_bound(s, d, &[obj, v])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        let Value::Obj(r) = obj else {
            return Err(self.attribute_error(obj, name));
        };
        match self.heap.get(r) {
            Obj::Instance(i) => {
                let class = i.class;
                let has_exc = i.exc.is_some();
                if has_exc && self.set_exc_attr(obj, name, v)? {
                    return Ok(());
                }
                if !self.slots_allow(class, name) {
                    let tn = self.class_name(class);
                    let n = self.str_of(name).to_string();
                    return Err(self.new_error(
                        self.t.attribute_error,
                        format!("'{tn}' object has no attribute '{n}'"),
                    ));
                }
                let dict = match self.heap.get(r) {
                    Obj::Instance(i) => i.dict,
                    _ => None,
                };
                let dict = match dict {
                    Some(d) => d,
                    None => {
                        let d = self.heap.alloc(Obj::Dict(Box::default()));
                        if let Obj::Instance(i) = self.heap.get_mut(r) {
                            i.dict = Some(d);
                        }
                        d
                    }
                };
                self.dict_set_str(dict, name, v);
                Ok(())
            }
            Obj::Class(c) => {
                if c.builtin {
                    let n = self.str_of(name).to_string();
                    let cn = self.str_of(c.name).to_string();
                    return Err(self.type_error(format!(
                        "cannot set '{n}' attribute of immutable type '{cn}'"
                    )));
                }
                let d = c.dict;
                let which = match self.as_str(name) {
                    Some("__name__") => Some(true),
                    Some("__qualname__") => Some(false),
                    _ => None,
                };
                if let Some(is_name) = which {
                    // The class's own name fields, which messages and
                    // reprs read (CPython's type_set_name/qualname).
                    if self.as_str(v).is_none() {
                        let cn = self.str_of(c.name).to_string();
                        let tn = self.type_name(v);
                        let attr = if is_name { "__name__" } else { "__qualname__" };
                        return Err(self.type_error(format!(
                            "can only assign string to {cn}.{attr}, not '{tn}'"
                        )));
                    }
                    if let Obj::Class(c) = self.heap.get_mut(r) {
                        if is_name {
                            c.name = v;
                        } else {
                            c.qualname = v;
                        }
                    }
                    self.invalidate_classes();
                    return Ok(());
                }
                self.dict_set_str(d, name, v);
                self.invalidate_classes();
                Ok(())
            }
            Obj::Function(f) => {
                let ns = self.str_of(name).to_string();
                let fd = f.dict;
                match ns.as_str() {
                    "__name__" | "__qualname__" if self.as_str(v).is_none() => {
                        Err(self.type_error(format!("{ns} must be set to a string object")))
                    }
                    "__name__" | "__qualname__" | "__doc__" | "__module__" | "__defaults__"
                    | "__kwdefaults__" | "__annotations__" => {
                        if let Obj::Function(f) = self.heap.get_mut(r) {
                            match ns.as_str() {
                                "__annotations__" => f.annotations = v,
                                "__name__" => f.name = v,
                                "__qualname__" => f.qualname = v,
                                "__doc__" => f.doc = v,
                                "__module__" => f.module = v,
                                _ => {}
                            }
                        }
                        if ns == "__defaults__" {
                            let items = self.tuple_items(v);
                            if let Obj::Function(f) = self.heap.get_mut(r) {
                                f.defaults = items;
                            }
                        } else if ns == "__kwdefaults__" {
                            if let Obj::Function(f) = self.heap.get_mut(r) {
                                f.kwdefaults = v.as_obj();
                            }
                        }
                        Ok(())
                    }
                    _ => {
                        let d = match fd {
                            Some(d) => d,
                            None => {
                                let d = self.heap.alloc(Obj::Dict(Box::default()));
                                if let Obj::Function(f) = self.heap.get_mut(r) {
                                    f.dict = Some(d);
                                }
                                d
                            }
                        };
                        self.dict_set_str(d, name, v);
                        Ok(())
                    }
                }
            }
            Obj::Module(m) => {
                let d = m.dict;
                self.dict_set_str(d, name, v);
                Ok(())
            }
            Obj::NativeObj(n) => {
                let d = match n.attr_dict() {
                    Some(d) => Some(d),
                    None => {
                        let d = self.heap.alloc(Obj::Dict(Box::default()));
                        match self.heap.get_mut(r) {
                            Obj::NativeObj(n) => n.set_attr_dict(d).then_some(d),
                            _ => None,
                        }
                    }
                };
                match d {
                    Some(d) => {
                        self.dict_set_str(d, name, v);
                        Ok(())
                    }
                    None => Err(self.attribute_error(obj, name)),
                }
            }
            _ => {
                let tn = self.type_name(obj);
                let n = self.str_of(name).to_string();
                Err(self.new_error(
                    self.t.attribute_error,
                    format!("'{tn}' object has no attribute '{n}'"),
                ))
            }
        }
    }

    /// With `__slots__` (and no `__dict__` slot) only the slot names may be set.
    pub(crate) fn slots_allow(&self, cls: ObjRef, name: Value) -> bool {
        let mut any_slots = false;
        for &k in self.class_mro(cls) {
            if let Obj::Class(c) = self.heap.get(k) {
                match &c.slots {
                    Some(s) => {
                        any_slots = true;
                        let n = self.str_of(name);
                        if s.iter()
                            .any(|x| self.str_of(*x) == n || self.str_of(*x) == "__dict__")
                        {
                            return true;
                        }
                    }
                    None => {
                        if !c.builtin {
                            return true;
                        }
                    }
                }
            }
        }
        !any_slots
    }

    fn set_exc_attr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<bool> {
        let n = self.str_of(name).to_string();
        match n.as_str() {
            "__cause__" => {
                if !v.is_none() && self.exc_data(v).is_none() {
                    return Err(self
                        .type_error("exception cause must be None or derive from BaseException"));
                }
                if let Some(d) = self.exc_data_mut(obj) {
                    d.cause = v;
                    d.suppress_context = true;
                }
            }
            "__context__" => {
                if let Some(d) = self.exc_data_mut(obj) {
                    d.context = v;
                }
            }
            "__traceback__" => {
                if let Some(d) = self.exc_data_mut(obj) {
                    d.traceback = v;
                }
            }
            "__suppress_context__" => {
                let b = self.truthy(v)?;
                if let Some(d) = self.exc_data_mut(obj) {
                    d.suppress_context = b;
                }
            }
            "args" => {
                let items = self.collect_iterable(v)?;
                let t = self.new_tuple(items);
                if let Some(d) = self.exc_data_mut(obj) {
                    d.args = t;
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(d) = self.class_lookup(cls, name) {
            if let Value::Obj(dr) = d {
                match self.heap.get(dr) {
                    Obj::Property(p) => {
                        let fdel = p[2];
                        if fdel.is_none() {
                            let n = self.prop_name(d);
                            let tn = self.class_name(cls);
                            return Err(self.new_error(
                                self.t.attribute_error,
                                format!("property '{n}' of '{tn}' object has no deleter"),
                            ));
                        }
                        self.call(fdel, &[obj])?;
                        return Ok(());
                    }
                    Obj::Instance(_) => {
                        let dk = self.n.delete;
                        if let Some(s) = self.lookup_special(d, dk) {
                            self.call_bound(s, d, &[obj])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Value::Obj(r) = obj {
            if matches!(self.heap.get(r), Obj::Instance(_) | Obj::Class(_)) {
                let da = self.n.delattr;
                if let Some(f) = self.has_custom(cls, da) {
                    self.call_bound(f, obj, &[name])?;
                    return Ok(());
                }
            }
            let dict = match self.heap.get(r) {
                Obj::Class(c) if !c.builtin => Some(c.dict),
                _ => self.instance_dict(obj),
            };
            if let Some(d) = dict {
                if self.dict_del_str(d, name) {
                    self.invalidate_classes();
                    return Ok(());
                }
            }
        }
        Err(self.attribute_error(obj, name))
    }
}
