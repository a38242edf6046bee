//! The object protocol: types, attribute lookup with descriptors, truth,
//! length, iteration, hashing, equality and ordering, items.

use num_traits::{ToPrimitive, Zero};

use crate::bytecode::op::CmpKind;
use crate::object::*;

use super::num::{cmp_dunder, cmp_symbol, ord_result};
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
                Obj::Native(_) => t.builtin_function,
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
                Obj::Native2(n) => n.class(),
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
            matches!(r, Some(Value::Obj(fr)) if matches!(self.heap.get(fr), Obj::Native(_)));
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
            Obj::Function(_) | Obj::Native(_) => Ok(None),
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
                Obj::Native2(n) => n.attr_dict(),
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
        self.new_error(self.t.attribute_error, msg)
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
            Obj::Function(_) | Obj::Native(_) => {
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
            Obj::Instance(_) | Obj::Native2(_) => {
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
                Obj::Instance(_) | Obj::Native2(_) => {
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
                    Obj::Function(_) | Obj::Native(_) => {
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
                    if matches!(self.heap.get(r), Obj::Function(_) | Obj::Native(_)) {
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
            Obj::Native2(n) => {
                let d = match n.attr_dict() {
                    Some(d) => Some(d),
                    None => {
                        let d = self.heap.alloc(Obj::Dict(Box::default()));
                        match self.heap.get_mut(r) {
                            Obj::Native2(n) => n.set_attr_dict(d).then_some(d),
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
                Obj::Instance(_) | Obj::Native2(_) | Obj::Class(_) => {
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
        let it = self.iter(v)?;
        let acc = self.new_list(Vec::new());
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
                Obj::Instance(_) | Obj::Class(_) | Obj::Native2(_) => {
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
        matches!(f, Value::Obj(r) if matches!(self.heap.get(r), Obj::Native(_)))
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
                matches!(self.heap.get(r), Obj::Native(n) if n.qualname.starts_with("object."))
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

    // ---- dict and set with Python keys ----

    /// Find the entry index for `key` in the dict or set `d`.
    pub fn dict_find(&mut self, d: ObjRef, key: Value, hash: i64) -> PyResult<Option<usize>> {
        let found = {
            let dict = self.dict_ref(d);
            dict.find(hash, |ek| {
                if ek.is(key) {
                    Some(true)
                } else {
                    self.simple_eq(ek, key)
                }
            })
        };
        match found {
            Ok(r) => Ok(r),
            Err(()) => {
                let cands = self.dict_ref(d).candidates(hash);
                for ix in cands {
                    let Some(ek) = self.dict_ref(d).entry_at(ix).map(|e| e.key) else {
                        continue;
                    };
                    if self.eq(ek, key)? {
                        return Ok(Some(ix));
                    }
                }
                Ok(None)
            }
        }
    }

    pub fn dict_get(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        Ok(self
            .dict_find(d, key, h)?
            .and_then(|ix| self.dict_ref(d).entry_at(ix).map(|e| e.value)))
    }

    pub fn dict_set(&mut self, d: Value, key: Value, v: Value) -> PyResult<()> {
        let Value::Obj(d) = d else { return Ok(()) };
        let h = self.hash(key)?;
        match self.dict_find(d, key, h)? {
            Some(ix) => {
                if let Some(e) = self.dict_mut(d).entry_at_mut(ix) {
                    e.value = v;
                }
            }
            None => self.dict_mut(d).insert_new(h, key, v),
        }
        Ok(())
    }

    pub fn dict_del(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        match self.dict_find(d, key, h)? {
            Some(ix) => Ok(Some(self.dict_mut(d).remove_at(ix).value)),
            None => Ok(None),
        }
    }

    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        let Value::Obj(d) = s else { return Ok(()) };
        let h = self.hash(key)?;
        if self.dict_find(d, key, h)?.is_none() {
            self.dict_mut(d).insert_new(h, key, Value::None);
        }
        Ok(())
    }

    /// `{**m}` / `dict.update(m)`; with `merge`, duplicate keys are a TypeError.
    pub(crate) fn dict_update_from(&mut self, d: Value, m: Value, merge: bool) -> PyResult<()> {
        let roots = self.temp_roots.len();
        self.temp_roots.push(m);
        self.temp_roots.push(d);
        let r = self.dict_update_inner(d, m, merge);
        self.temp_roots.truncate(roots);
        r
    }

    fn dict_update_inner(&mut self, d: Value, m: Value, merge: bool) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = match m {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Dict(src) => src.iter().map(|e| (e.key, e.value)).collect(),
                _ => {
                    let kk = self.intern("keys");
                    let keys = match self.getattr_opt(m, kk)? {
                        Some(f) => self.call(f, &[])?,
                        None => {
                            let tn = self.type_name(m);
                            return Err(self.type_error(format!("'{tn}' object is not a mapping")));
                        }
                    };
                    let keys = self.collect_iterable(keys)?;
                    let mut out = Vec::new();
                    let base = self.temp_roots.len();
                    self.temp_roots.extend_from_slice(&keys);
                    for k in keys {
                        match self.getitem(m, k) {
                            Ok(v) => {
                                self.temp_roots.push(v);
                                out.push((k, v));
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    // Still rooted (the caller truncates) while inserted below.
                    let _ = base;
                    out
                }
            },
            _ => {
                let tn = self.type_name(m);
                return Err(self.type_error(format!("'{tn}' object is not a mapping")));
            }
        };
        let Value::Obj(dr) = d else { return Ok(()) };
        for (k, v) in pairs {
            if merge && self.dict_get(dr, k)?.is_some() {
                let ks = self.str_of(k).to_string();
                return Err(
                    self.type_error(format!("got multiple values for keyword argument '{ks}'"))
                );
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    // ---- containment and items ----

    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Value::Obj(r) = container {
            match self.heap.get(r) {
                Obj::Str(s) => {
                    return match self.as_str(item) {
                        Some(sub) => Ok(s.s.contains(sub)),
                        None => {
                            let tn = self.type_name(item);
                            Err(self.type_error(format!(
                                "'in <string>' requires string as left operand, not {tn}"
                            )))
                        }
                    };
                }
                Obj::List(_) | Obj::Tuple(_) => {
                    let items = self.tuple_items(container);
                    for x in items {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Obj::Dict(_) | Obj::Set(..) => {
                    let h = self.hash(item)?;
                    return Ok(self.dict_find(r, item, h)?.is_some());
                }
                Obj::DictView(d, kind) => {
                    let (d, kind) = (*d, *kind);
                    match kind {
                        ViewKind::Keys => {
                            let h = self.hash(item)?;
                            return Ok(self.dict_find(d, item, h)?.is_some());
                        }
                        ViewKind::Values => {
                            for v in self.dict_ref(d).values() {
                                if self.eq(v, item)? {
                                    return Ok(true);
                                }
                            }
                            return Ok(false);
                        }
                        ViewKind::Items => {
                            let kv = self.tuple_items(item);
                            if kv.len() != 2 {
                                return Ok(false);
                            }
                            return match self.dict_get(d, kv[0])? {
                                Some(v) => self.eq(v, kv[1]),
                                None => Ok(false),
                            };
                        }
                    }
                }
                Obj::Range(a, b, s) => {
                    let (a, b, s) = (*a, *b, *s);
                    if let Some(super::num::Num::Int(i)) = self.num(item) {
                        if matches!(item, Value::Float(_)) {
                            // fall through to iteration semantics below
                        } else {
                            let inr = if s > 0 {
                                i >= a && i < b
                            } else {
                                i <= a && i > b
                            };
                            return Ok(inr && (i - a) % s == 0);
                        }
                    }
                }
                Obj::Bytes(_) | Obj::ByteArray(_) => {
                    let hay = self.bytes_of(container).unwrap_or_default();
                    return match item {
                        Value::Int(i) => Ok(hay.contains(&(i as u8))),
                        _ => match self.bytes_of(item) {
                            Some(n) => {
                                Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == &n[..]))
                            }
                            None => {
                                let tn = self.type_name(item);
                                Err(self.type_error(format!(
                                    "a bytes-like object is required, not '{tn}'"
                                )))
                            }
                        },
                    };
                }
                _ => {}
            }
        }
        let ck = self.n.contains;
        if let Some(f) = self.lookup_special(container, ck) {
            let r = self.call_bound(f, container, &[item])?;
            return self.truthy(r);
        }
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(_) => {
                let tn = self.type_name(container);
                return Err(self.type_error(format!("argument of type '{tn}' is not iterable")));
            }
        };
        self.temp_roots.push(it);
        let r = loop {
            match self.next(it) {
                Ok(Some(x)) => match self.eq(x, item) {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(e) => break Err(e),
                },
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.temp_roots.pop();
        r
    }

    /// The bytes of a bytes or bytearray value.
    pub fn bytes_of(&self, v: Value) -> Option<Vec<u8>> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Bytes(b) => Some(b.to_vec()),
                Obj::ByteArray(b) => Some(b.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// An index argument: int, bool or `__index__`.
    pub fn index_of(&mut self, v: Value) -> PyResult<Option<i64>> {
        match v {
            Value::Int(i) => Ok(Some(i)),
            Value::Bool(b) => Ok(Some(b as i64)),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(_) => Ok(Some(
                    if self
                        .as_bigint(v)
                        .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
                    {
                        i64::MIN
                    } else {
                        i64::MAX
                    },
                )),
                Obj::Instance(_) => {
                    let ik = self.n.index;
                    match self.lookup_special(v, ik) {
                        Some(f) => {
                            let r = self.call_bound(f, v, &[])?;
                            self.index_of(r)
                        }
                        None => Ok(None),
                    }
                }
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    pub fn getitem(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::List(_)
                | Obj::Tuple(_)
                | Obj::Str(_)
                | Obj::Bytes(_)
                | Obj::ByteArray(_)
                | Obj::Range(..) => {
                    return crate::builtins::seq::seq_getitem(self, obj, key);
                }
                Obj::Dict(_) => {
                    if let Some(v) = self.dict_get(r, key)? {
                        return Ok(v);
                    }
                    return Err(self.key_error(key));
                }
                Obj::Instance(i) if !i.base.is_none() && matches!(i.base, Value::Obj(_)) => {
                    let base = i.base;
                    let gk = self.n.getitem;
                    if let Some(f) = self.has_custom(self.type_of(obj), gk) {
                        return self.call_bound(f, obj, &[key]);
                    }
                    let br = base.as_obj().unwrap_or(r);
                    if matches!(self.heap.get(br), Obj::Dict(_)) {
                        if let Some(v) = self.dict_get(br, key)? {
                            return Ok(v);
                        }
                        let mk = self.n.missing;
                        if let Some(m) = self.lookup_special(obj, mk) {
                            return self.call_bound(m, obj, &[key]);
                        }
                        return Err(self.key_error(key));
                    }
                    return self.getitem(base, key);
                }
                Obj::Class(_) => {
                    let gk = self.n.getitem;
                    let meta = self.type_of(obj);
                    if meta != self.t.type_ {
                        if let Some(f) = self.class_lookup(meta, gk) {
                            return self.call_bound(f, obj, &[key]);
                        }
                    }
                    let cg = self.n.class_getitem;
                    if let Some(f) = self.class_lookup(r, cg) {
                        let f = self.unwrap_method_kind(f);
                        return self.call(f, &[obj, key]);
                    }
                    if self.generic_builtin(r) {
                        // list[int] and friends: types.GenericAlias.
                        return self.generic_alias(obj, key);
                    }
                    let n = self.class_name(r);
                    return Err(self.type_error(format!("type '{n}' is not subscriptable")));
                }
                _ => {}
            }
        }
        let gk = self.n.getitem;
        match self.lookup_special(obj, gk) {
            Some(f) => self.call_bound(f, obj, &[key]),
            None => Err(self.type_error_obj(obj, "is not subscriptable")),
        }
    }

    /// Built-in classes that `cls[...]` makes a GenericAlias of: the
    /// containers and `type`, and the classes of native modules.
    fn generic_builtin(&self, r: ObjRef) -> bool {
        let t = &self.t;
        [t.list, t.dict, t.tuple, t.set, t.frozenset, t.type_].contains(&r)
            || self.native_classes.values().any(|&c| c == r)
    }

    pub fn setitem(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::List(_) | Obj::ByteArray(_) => {
                    return crate::builtins::seq::seq_setitem(self, obj, key, v)
                }
                Obj::Dict(_) => return self.dict_set(obj, key, v),
                _ => {}
            }
        }
        let sk = self.n.setitem;
        match self.lookup_special(obj, sk) {
            Some(f) => {
                self.call_bound(f, obj, &[key, v])?;
                Ok(())
            }
            None => Err(self.type_error_obj(obj, "does not support item assignment")),
        }
    }

    pub fn delitem(&mut self, obj: Value, key: Value) -> PyResult<()> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::List(_) | Obj::ByteArray(_) => {
                    return crate::builtins::seq::seq_delitem(self, obj, key)
                }
                Obj::Dict(_) => {
                    return match self.dict_del(r, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key)),
                    }
                }
                _ => {}
            }
        }
        let dk = self.n.delitem;
        match self.lookup_special(obj, dk) {
            Some(f) => {
                self.call_bound(f, obj, &[key])?;
                Ok(())
            }
            None => Err(self.type_error_obj(obj, "doesn't support item deletion")),
        }
    }

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

/// Identity hash of a heap object (CPython uses the address).
pub fn identity_hash(r: ObjRef) -> i64 {
    ((r.raw() as i64) << 4) | 1
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
