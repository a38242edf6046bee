//! repr(), str(), ascii() and format() for every value, with CPython's text.

use crate::object::*;
use crate::text;

use super::Vm;

impl Vm {
    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        let s = self.repr_string(v)?;
        Ok(self.new_str(s))
    }

    /// `repr(v)` as a Rust string; errors from user `__repr__` propagate.
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        if !matches!(v, Value::Obj(_)) {
            return self.repr_string_inner(v);
        }
        // PyObject_Repr's recursion check: nested containers and __repr__
        // chains raise RecursionError instead of exhausting the Rust stack.
        self.enter_recursive_call(" while getting the repr of an object")?;
        let r = crate::stack::guard(|| self.repr_string_inner(v));
        self.leave_recursive_call();
        r
    }

    fn repr_string_inner(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Undefined => return Ok("<undefined>".into()),
            Value::None => return Ok("None".into()),
            Value::Bool(b) => return Ok(if b { "True" } else { "False" }.into()),
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float(f) => return Ok(text::float::float_repr(f)),
            Value::Obj(_) => {}
        }
        let Value::Obj(r) = v else { unreachable!() };
        let cls = self.type_of(v);
        // User-defined __repr__ wins for instances (and a metaclass's
        // for classes).
        if matches!(self.heap.get(r), Obj::Instance(_) | Obj::Class(_)) {
            let rk = self.n.repr;
            if let Some(f) = self.class_lookup(cls, rk) {
                if !self.is_native(f) {
                    return self.call_repr_method(f, v);
                }
            }
        }
        match self.heap.get(r) {
            Obj::Str(s) => Ok(text::repr::str_repr(&s.s)),
            Obj::BigInt(b) => {
                let b = (**b).clone();
                text::int::int_to_decimal(&b).map_err(|e| self.text_error(e))
            }
            Obj::Complex(re, im) => Ok(complex_repr(*re, *im)),
            Obj::Bytes(b) => Ok(text::repr::bytes_repr(b)),
            Obj::ByteArray(b) => Ok(format!("bytearray({})", text::repr::bytes_repr(b))),
            Obj::Tuple(t) => {
                let items = t.to_vec();
                if items.len() == 1 {
                    let s = self.repr_nested(v, &items)?;
                    return Ok(format!("({s},)"));
                }
                let s = self.repr_nested(v, &items)?;
                Ok(format!("({s})"))
            }
            Obj::List(l) => {
                let items = l.clone();
                if self.repr_guard_enter(r) {
                    return Ok("[...]".into());
                }
                let s = self.repr_nested(v, &items);
                self.repr_guard_exit(r);
                Ok(format!("[{}]", s?))
            }
            Obj::Dict(d) => {
                let pairs: Vec<(Value, Value)> = d.iter().map(|e| (e.key, e.value)).collect();
                if self.repr_guard_enter(r) {
                    return Ok("{...}".into());
                }
                let res = (|| -> PyResult<String> {
                    let mut parts = Vec::with_capacity(pairs.len());
                    for (k, val) in pairs {
                        let ks = self.repr_string(k)?;
                        let vs = self.repr_string(val)?;
                        parts.push(format!("{ks}: {vs}"));
                    }
                    Ok(parts.join(", "))
                })();
                self.repr_guard_exit(r);
                Ok(format!("{{{}}}", res?))
            }
            Obj::Set(d, frozen) => {
                let frozen = *frozen;
                let items = d.keys();
                if items.is_empty() {
                    return Ok(if frozen { "frozenset()" } else { "set()" }.into());
                }
                if self.repr_guard_enter(r) {
                    return Ok("{...}".into());
                }
                let s = self.repr_nested(v, &items);
                self.repr_guard_exit(r);
                let s = s?;
                Ok(if frozen {
                    format!("frozenset({{{s}}})")
                } else {
                    format!("{{{s}}}")
                })
            }
            Obj::Range(a, b, s) => Ok(if *s == 1 {
                format!("range({a}, {b})")
            } else {
                format!("range({a}, {b}, {s})")
            }),
            Obj::Slice(s) => {
                let s = **s;
                let a = self.repr_string(s[0])?;
                let b = self.repr_string(s[1])?;
                let c = self.repr_string(s[2])?;
                Ok(format!("slice({a}, {b}, {c})"))
            }
            Obj::Function(f) => Ok(format!(
                "<function {} at {}>",
                self.str_of(f.qualname),
                addr(r)
            )),
            Obj::BuiltinFn(n) => Ok(match n.bound {
                Some(b) if !b.is_none() => {
                    let tn = self.type_name(b);
                    format!(
                        "<built-in method {} of {} object at {}>",
                        n.name,
                        tn,
                        addr(r)
                    )
                }
                _ => format!("<built-in function {}>", n.name),
            }),
            Obj::BoundMethod { recv, func } => {
                let (recv, func) = (*recv, *func);
                let fname = match func {
                    Value::Obj(fr) => match self.heap.get(fr) {
                        Obj::Function(f) => self.str_of(f.qualname).to_string(),
                        Obj::BuiltinFn(n) => n.qualname.clone(),
                        _ => "?".into(),
                    },
                    _ => "?".into(),
                };
                if self.is_native(func) {
                    let tn = self.type_name(recv);
                    let short = fname.rsplit('.').next().unwrap_or(&fname).to_string();
                    return Ok(format!(
                        "<built-in method {short} of {tn} object at {}>",
                        addr(r)
                    ));
                }
                let rs = self.repr_string(recv)?;
                Ok(format!("<bound method {fname} of {rs}>"))
            }
            Obj::Class(c) => {
                let q = self.str_of(c.qualname).to_string();
                if c.builtin && !self.native_classes.values().any(|&n| n == r) {
                    return Ok(format!("<class '{q}'>"));
                }
                let modk = self.n.module;
                let m = self.class_dict_get(r, modk);
                let m = m.and_then(|m| self.as_str(m).map(|s| s.to_string()));
                Ok(match m {
                    Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
                    _ => format!("<class '{q}'>"),
                })
            }
            Obj::Instance(i) => {
                if i.exc.is_some() {
                    return self.exc_repr(v);
                }
                if v.is(self.ellipsis) {
                    return Ok("Ellipsis".into());
                }
                if v.is(self.not_implemented) {
                    return Ok("NotImplemented".into());
                }
                let rk = self.n.repr;
                if let Some(f) = self.class_lookup(cls, rk) {
                    if self.is_native(f) && !self.is_object_repr(f) {
                        return self.call_repr_method(f, v);
                    }
                }
                Ok(self.default_repr(v))
            }
            Obj::Module(m) => {
                let name = self.str_of(m.name).to_string();
                let fk = self.n.file;
                let d = m.dict;
                match self
                    .dict_get_str(d, fk)
                    .and_then(|f| self.as_str(f).map(|s| s.to_string()))
                {
                    Some(f) => Ok(format!("<module '{name}' from '{f}'>")),
                    // types.ModuleType(name): no spec, no loader.
                    None if {
                        let sk = self.intern("__spec__");
                        self.dict_get_str(d, sk).is_some_and(|s| s.is_none())
                    } =>
                    {
                        Ok(format!("<module '{name}'>"))
                    }
                    None => Ok(format!("<module '{name}' (built-in)>")),
                }
            }
            Obj::Cell(_) => Ok(format!("<cell at {}>", addr(r))),
            Obj::Code(c) => Ok(format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.code.name,
                addr(r),
                c.code.filename,
                c.code.firstlineno
            )),
            Obj::Gen(g) => {
                let word = match g.kind {
                    GenKind::Generator => "generator",
                    GenKind::Coroutine => "coroutine",
                    GenKind::AsyncGenerator => "async_generator",
                };
                Ok(format!(
                    "<{word} object {} at {}>",
                    self.str_of(Value::Obj(g.qualname)),
                    addr(r)
                ))
            }
            Obj::Iter(it) => {
                let name = match &**it {
                    IterState::Seq { seq, .. } => match self.heap.get(*seq) {
                        Obj::List(_) => "list_iterator",
                        _ => "tuple_iterator",
                    },
                    IterState::Str { .. } => "str_ascii_iterator",
                    IterState::Bytes { .. } => "bytes_iterator",
                    IterState::Range { .. } => "range_iterator",
                    IterState::Dict { kind, .. } => match kind {
                        ViewKind::Keys => "dict_keyiterator",
                        ViewKind::Values => "dict_valueiterator",
                        ViewKind::Items => "dict_itemiterator",
                    },
                    IterState::Reversed { .. } => "list_reverseiterator",
                    IterState::Enumerate { .. } => "enumerate",
                    IterState::Zip { .. } => "zip",
                    IterState::Map { .. } => "map",
                    IterState::Filter { .. } => "filter",
                    IterState::Callable { .. } => "callable_iterator",
                    IterState::GetItem { .. } => "iterator",
                    IterState::Values { .. } => "iterator",
                };
                Ok(format!("<{name} object at {}>", addr(r)))
            }
            Obj::DictView(d, kind) => {
                let (d, kind) = (*d, *kind);
                let (name, items) = match kind {
                    ViewKind::Keys => ("dict_keys", self.dict_ref(d).keys()),
                    ViewKind::Values => ("dict_values", self.dict_ref(d).values()),
                    ViewKind::Items => {
                        let pairs: Vec<(Value, Value)> =
                            self.dict_ref(d).iter().map(|e| (e.key, e.value)).collect();
                        let mut vals = Vec::new();
                        for (k, val) in pairs {
                            vals.push(self.new_tuple(vec![k, val]));
                        }
                        ("dict_items", vals)
                    }
                };
                let s = self.repr_nested(v, &items)?;
                Ok(format!("{name}([{s}])"))
            }
            Obj::Property(_) => Ok(format!("<property object at {}>", addr(r))),
            Obj::StaticMethod(_) => Ok(format!("<staticmethod object at {}>", addr(r))),
            Obj::ClassMethod(_) => Ok(format!("<classmethod object at {}>", addr(r))),
            Obj::Super { .. } => Ok("<super object>".into()),
            Obj::Traceback(_) => Ok(format!("<traceback object at {}>", addr(r))),
            Obj::AGenOp(_) => Ok(format!("<async_generator_asend object at {}>", addr(r))),
            Obj::NativeObj(_) => {
                let rk = self.n.repr;
                if let Some(f) = self.class_lookup(cls, rk) {
                    if !self.is_object_repr(f) {
                        return self.call_repr_method(f, v);
                    }
                }
                Ok(self.default_repr(v))
            }
        }
    }

    fn is_object_repr(&self, f: Value) -> bool {
        f.is(self.object_fns.repr)
    }

    fn call_repr_method(&mut self, f: Value, v: Value) -> PyResult<String> {
        let r = self.call_bound(f, v, &[])?;
        match self.as_str(r) {
            Some(s) => Ok(s.to_string()),
            None => {
                let tn = self.type_name(r);
                Err(self.type_error(format!("__repr__ returned non-string (type {tn})")))
            }
        }
    }

    /// `<__main__.C object at 0x...>`
    pub fn default_repr(&mut self, v: Value) -> String {
        let cls = self.type_of(v);
        let name = self.class_qualified_name_for_repr(cls);
        let a = match v {
            Value::Obj(r) => addr(r),
            _ => "0x0".into(),
        };
        format!("<{name} object at {a}>")
    }

    fn class_qualified_name_for_repr(&mut self, cls: ObjRef) -> String {
        let (qual, builtin) = match self.heap.get(cls) {
            Obj::Class(c) => (self.str_of(c.qualname).to_string(), c.builtin),
            _ => (String::new(), true),
        };
        if builtin {
            return qual;
        }
        let modk = self.n.module;
        match self
            .class_dict_get(cls, modk)
            .and_then(|m| self.as_str(m).map(|s| s.to_string()))
        {
            Some(m) if m != "builtins" => format!("{m}.{qual}"),
            _ => qual,
        }
    }

    pub fn repr_guard_enter(&mut self, r: ObjRef) -> bool {
        if self.repr_stack.contains(&r) {
            return true;
        }
        self.repr_stack.push(r);
        false
    }

    pub fn repr_guard_exit(&mut self, r: ObjRef) {
        if let Some(p) = self.repr_stack.iter().rposition(|&x| x == r) {
            self.repr_stack.remove(p);
        }
    }

    fn repr_nested(&mut self, _container: Value, items: &[Value]) -> PyResult<String> {
        if self.repr_stack.len() > self.recursion_limit {
            return Err(self.new_error(
                self.t.recursion_error,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        let mut parts = Vec::with_capacity(items.len());
        for &x in items {
            parts.push(self.repr_string(x)?);
        }
        Ok(parts.join(", "))
    }

    fn exc_repr(&mut self, v: Value) -> PyResult<String> {
        let cls = self.type_of(v);
        let name = self.class_name(cls);
        let args = self.exc_args(v);
        if args.len() == 1 {
            let a = self.repr_string(args[0])?;
            return Ok(format!("{name}({a})"));
        }
        let mut parts = Vec::new();
        for a in args {
            parts.push(self.repr_string(a)?);
        }
        Ok(format!("{name}({})", parts.join(", ")))
    }

    /// `str(v)` as a str value.
    pub fn str(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Int(i) = v {
            // str(i), f"{i}": digits are ASCII, so no scan for the length.
            let s = i.to_string();
            let n = s.len() as u32;
            return Ok(self.alloc(Obj::Str(PyStr::with_chars(s, n))));
        }
        if self.as_str(v).is_some() {
            return Ok(v);
        }
        // A user __str__'s result is returned as is (it may be an instance
        // of a str subclass, as in CPython).
        if let Some(r) = self.user_str(v)? {
            return Ok(r);
        }
        let s = self.str_string(v)?;
        Ok(self.new_str(s))
    }

    /// The text of a str or of an instance of a str subclass.
    fn str_text(&self, v: Value) -> Option<&str> {
        if let Some(s) = self.as_str(v) {
            return Some(s);
        }
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(i) => self.as_str(i.base),
                _ => None,
            },
            _ => None,
        }
    }

    /// Call a user-defined `__str__` of `v`, if its class has one; its result
    /// must be a str (or str subclass instance).
    fn user_str(&mut self, v: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = v else { return Ok(None) };
        if !matches!(
            self.heap.get(r),
            Obj::Instance(_) | Obj::NativeObj(_) | Obj::Class(_)
        ) {
            return Ok(None);
        }
        let cls = self.type_of(v);
        let sk = self.n.str;
        let Some(f) = self.class_lookup(cls, sk) else {
            return Ok(None);
        };
        if f.is(self.object_fns.str) || f.is(self.object_fns.exc_str) {
            return Ok(None);
        }
        let s = self.call_bound(f, v, &[])?;
        if self.str_text(s).is_some() {
            Ok(Some(s))
        } else {
            let tn = self.type_name(s);
            Err(self.type_error(format!("__str__ returned non-string (type {tn})")))
        }
    }

    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        if let Some(s) = self.as_str(v) {
            return Ok(s.to_string());
        }
        if let Some(s) = self.user_str(v)? {
            return Ok(self.str_text(s).unwrap_or("").to_string());
        }
        if self.exc_data(v).is_some() {
            return self.exc_str(v);
        }
        self.repr_string(v)
    }

    /// BaseException.__str__ (and KeyError's repr-of-key rule).
    pub fn exc_str(&mut self, v: Value) -> PyResult<String> {
        let args = self.exc_args(v);
        let ose = self.t.os_error;
        if self.isinstance_class(v, ose)
            && (2..=5).contains(&args.len())
            && matches!(args[0], Value::Int(_))
        {
            let errno = self.repr_string(args[0])?;
            let msg = self.str_string(args[1])?;
            return Ok(match (args.get(2), args.get(4)) {
                (Some(&f), Some(&f2)) if !f2.is_none() => {
                    let fr = self.repr_string(f)?;
                    let fr2 = self.repr_string(f2)?;
                    format!("[Errno {errno}] {msg}: {fr} -> {fr2}")
                }
                (Some(&f), _) if !f.is_none() => {
                    let fr = self.repr_string(f)?;
                    format!("[Errno {errno}] {msg}: {fr}")
                }
                _ => format!("[Errno {errno}] {msg}"),
            });
        }
        let ke = self.t.key_error;
        match args.len() {
            0 => Ok(String::new()),
            1 => {
                if self.isinstance_class(v, ke) {
                    self.repr_string(args[0])
                } else {
                    self.str_string(args[0])
                }
            }
            _ => {
                let t = self.new_tuple(args);
                self.repr_string(t)
            }
        }
    }

    pub fn ascii(&mut self, v: Value) -> PyResult<Value> {
        let s = self.repr_string(v)?;
        let a = text::repr::ascii_escape(&s);
        Ok(self.new_str(a))
    }

    /// `repr(v)` for messages; never fails.
    pub fn repr_str(&mut self, v: Value) -> String {
        self.repr_string(v)
            .unwrap_or_else(|_| "<repr failed>".into())
    }

    pub fn text_error(&mut self, e: text::TextError) -> Value {
        let cls = match e.kind {
            text::ErrKind::ValueError => self.t.value_error,
            text::ErrKind::TypeError => self.t.type_error,
            text::ErrKind::OverflowError => self.t.overflow_error,
            text::ErrKind::KeyError => self.t.key_error,
            text::ErrKind::IndexError => self.t.index_error,
            text::ErrKind::LookupError => self.t.lookup_error,
            text::ErrKind::UnicodeDecodeError => self.t.unicode_decode_error,
            text::ErrKind::UnicodeEncodeError => self.t.unicode_encode_error,
            text::ErrKind::MemoryError => return self.no_memory(),
        };
        self.new_error(cls, e.msg)
    }

    /// `format(v, spec)`
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let sp = self.str_of(spec).to_string();
        let res = match v {
            Value::Bool(b) if sp.is_empty() => Ok(if b { "True" } else { "False" }.to_string()),
            Value::Int(_) | Value::Bool(_) => {
                let tn = if matches!(v, Value::Bool(_)) {
                    "bool"
                } else {
                    "int"
                };
                let b = self.as_bigint(v).unwrap_or_default();
                text::spec::parse_format_spec(&sp, tn)
                    .and_then(|f| text::spec::format_int_for(&b, &f, tn))
            }
            Value::Float(f) => text::spec::parse_format_spec(&sp, "float")
                .and_then(|s| text::spec::format_float_for(f, &s, "float")),
            Value::None if sp.is_empty() => Ok("None".to_string()),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => {
                    let s = s.s.to_string();
                    text::spec::parse_format_spec(&sp, "str")
                        .and_then(|f| text::spec::format_str_for(&s, &f, "str"))
                }
                Obj::BigInt(b) => {
                    let b = (**b).clone();
                    text::spec::parse_format_spec(&sp, "int")
                        .and_then(|f| text::spec::format_int_for(&b, &f, "int"))
                }
                _ => return self.format_object(v, spec),
            },
            _ => return self.format_object(v, spec),
        };
        match res {
            Ok(s) => Ok(self.new_str(s)),
            Err(e) => Err(self.text_error(e)),
        }
    }

    fn format_object(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let fk = self.n.format;
        if let Some(f) = self.lookup_special(v, fk) {
            // A subclass of int, float or str formats as its value does.
            if !self.is_native(f) || self.builtin_base(v).is_some() || self.num_of(v).is_some() {
                let r = self.call_bound(f, v, &[spec])?;
                if self.as_str(r).is_none() {
                    let tn = self.type_name(r);
                    return Err(self.type_error(format!("__format__ must return a str, not {tn}")));
                }
                return Ok(r);
            }
        }
        if self.str_of(spec).is_empty() {
            return self.str(v);
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )))
    }
}

/// A stable pseudo-address for default reprs.
pub fn addr(r: ObjRef) -> String {
    format!("0x{:012x}", 0x7f00_0000_0000u64 + (r.raw() as u64) * 16)
}

pub fn complex_repr(re: f64, im: f64) -> String {
    // Each part is repr(float) without a trailing ".0"; -0.0 stays "-0".
    let part = |x: f64| {
        if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e16 {
            if x == 0.0 && x.is_sign_negative() {
                "-0".to_string()
            } else {
                format!("{}", x as i64)
            }
        } else {
            text::float::float_repr(x)
        }
    };
    let ims = part(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{ims}j");
    }
    let res = part(re);
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) {
        "-"
    } else {
        "+"
    };
    let ims = ims.trim_start_matches('-');
    format!("({res}{sign}{ims}j)")
}
