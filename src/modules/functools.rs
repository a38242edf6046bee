//! `_functools`: the parts of functools that sit on hot paths, native:
//! `reduce`, `partial` and the `lru_cache` wrapper. The rest of the module
//! (wraps, total_ordering, singledispatch, cached_property...) is weft in
//! stdlib/functools.py, which imports these.

use crate::builtins::{add_method, add_staticmethod, set_class_attr};
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_functools");
    add_fn(
        vm,
        m,
        "reduce(function, iterable, initial=<unrepresentable>, /)",
        reduce,
    );
    let p = vm.native_class("functools.partial", None);
    let modv = vm.intern("functools");
    set_class_attr(vm, p, "__module__", modv);
    let doc = vm.new_str("partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n");
    set_class_attr(vm, p, "__doc__", doc);
    add_staticmethod(
        vm,
        p,
        "__new__(cls, func, /, *args, **keywords)",
        partial_new,
    );
    add_method(vm, p, "__call__(*args, **keywords)", partial_call);
    add_method(vm, p, "__repr__()", partial_repr);
    for (name, f) in [
        ("func", partial_func as NativeFnPtr),
        ("args", partial_args),
        ("keywords", partial_keywords),
    ] {
        let getter = vm.new_native("fget(self, /)", format!("partial.{name}"), f);
        let prop = vm.alloc(Obj::Property(Box::new([
            getter,
            Value::None,
            Value::None,
            Value::None,
        ])));
        set_class_attr(vm, p, name, prop);
    }
    set_attr(vm, m, "partial", Value::Obj(p));
    let w = vm.native_class("functools._lru_cache_wrapper", None);
    set_class_attr(vm, w, "__module__", modv);
    add_staticmethod(
        vm,
        w,
        "__new__(cls, user_function, maxsize, typed, cache_info_type)",
        lru_new,
    );
    add_method(vm, w, "__call__(*args, **kwargs)", lru_call);
    add_method(vm, w, "cache_info()", lru_info);
    add_method(vm, w, "cache_clear()", lru_clear);
    add_method(vm, w, "__get__(instance, owner=None, /)", |vm, a| {
        let (me, obj) = (a.pos[0], a.pos[1]);
        if obj.is_none() {
            return Ok(me);
        }
        Ok(vm.alloc(Obj::BoundMethod {
            recv: obj,
            func: me,
        }))
    });
    add_method(vm, w, "__repr__()", |vm, a| {
        let addr = match a.pos[0] {
            Value::Obj(r) => crate::vm::display::addr(r),
            _ => String::new(),
        };
        Ok(vm.new_str(format!("<functools._lru_cache_wrapper object at {addr}>")))
    });
    set_attr(vm, m, "_lru_cache_wrapper", Value::Obj(w));
    Ok(m)
}

// ---- reduce ----

fn reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (f, seq) = (a.pos[0], a.pos[1]);
    let it = vm.iter(seq).map_err(|e| {
        if vm.isinstance_class(e, vm.t.type_error) {
            let tn = vm.type_name(seq);
            vm.type_error(format!("reduce() arg 2 must support iteration, not {tn}"))
        } else {
            e
        }
    })?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let r = (|| -> PyResult<Value> {
        let mut acc = match a.pos.get(2) {
            Some(&init) => init,
            None => match vm.next(it)? {
                Some(v) => v,
                None => {
                    return Err(vm.type_error("reduce() of empty iterable with no initial value"))
                }
            },
        };
        let slot = vm.temp_roots.len();
        vm.temp_roots.push(acc);
        while let Some(v) = vm.next(it)? {
            vm.temp_roots.push(v);
            acc = vm.call(f, &[acc, v])?;
            vm.temp_roots.pop();
            vm.temp_roots[slot] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(mark);
    r
}

// ---- partial ----

#[derive(Debug)]
struct Partial {
    class: ObjRef,
    func: Value,
    args: Vec<Value>,
    kw: Vec<(Value, Value)>,
    dict: Option<ObjRef>,
}

impl NativeObj for Partial {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.func);
        out.extend_from_slice(&self.args);
        for (k, v) in &self.kw {
            out.extend([*k, *v]);
        }
        out.extend(self.dict.map(Value::Obj));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
    fn attr_dict(&self) -> Option<ObjRef> {
        self.dict
    }
    fn set_attr_dict(&mut self, d: ObjRef) -> bool {
        self.dict = Some(d);
        true
    }
}

fn partial_ref(vm: &Vm, v: Value) -> Option<&Partial> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => n.as_any().downcast_ref::<Partial>(),
            _ => None,
        },
        _ => None,
    }
}

fn partial_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Value::Obj(class) = a.pos[0] else {
        return Err(vm.type_error("partial.__new__ needs a class"));
    };
    let mut func = a.pos[1];
    let mut args: Vec<Value> = Vec::new();
    let mut kw: Vec<(Value, Value)> = Vec::new();
    // partial(partial(f, 1), 2) is partial(f, 1, 2) when nothing else
    // (a subclass, attributes) is in the way, as CPython flattens it.
    let pcls = vm.native_classes.get("functools.partial").copied();
    if let Some(inner) = partial_ref(vm, func) {
        if Some(inner.class) == pcls && inner.dict.is_none() && Some(class) == pcls {
            args.extend_from_slice(&inner.args);
            kw.extend_from_slice(&inner.kw);
            func = inner.func;
        }
    }
    if !crate::builtins::core::callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    args.extend_from_slice(&a.pos[2..]);
    for &(k, v) in a.kw {
        match kw.iter_mut().find(|(ek, _)| vm.as_str(*ek) == vm.as_str(k)) {
            Some(e) => e.1 = v,
            None => kw.push((k, v)),
        }
    }
    Ok(vm.alloc(Obj::NativeObj(Box::new(Partial {
        class,
        func,
        args,
        kw,
        dict: None,
    }))))
}

fn partial_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(p) = partial_ref(vm, a.pos[0]) else {
        return Err(vm.type_error("descriptor '__call__' requires a 'functools.partial' object"));
    };
    let func = p.func;
    if p.kw.is_empty() && a.kw.is_empty() {
        if p.args.is_empty() {
            return vm.call(func, &a.pos[1..]);
        }
        let mut args: smallvec::SmallVec<[Value; 8]> = smallvec::SmallVec::new();
        args.extend_from_slice(&p.args);
        args.extend_from_slice(&a.pos[1..]);
        return vm.call(func, &args);
    }
    let mut args = p.args.clone();
    args.extend_from_slice(&a.pos[1..]);
    let mut kw = p.kw.clone();
    for &(k, v) in a.kw {
        match kw.iter_mut().find(|(ek, _)| vm.as_str(*ek) == vm.as_str(k)) {
            Some(e) => e.1 = v,
            None => kw.push((k, v)),
        }
    }
    vm.call_kw(func, &args, &kw)
}

fn partial_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let Some(p) = partial_ref(vm, me) else {
        return Err(vm.type_error("expected a partial object"));
    };
    let (func, args, kw) = (p.func, p.args.clone(), p.kw.clone());
    let cls = vm.type_of(me);
    let qn = match vm.heap.get(cls) {
        Obj::Class(c) => vm.str_of(c.qualname).to_string(),
        _ => "partial".to_string(),
    };
    let mk = vm.n.module;
    let module = match vm.class_dict_get(cls, mk) {
        Some(m) => vm.str_of(m).to_string(),
        None => {
            let cv = Value::Obj(cls);
            match vm.getattr_opt(cv, mk)? {
                Some(m) => vm.str_of(m).to_string(),
                None => "functools".to_string(),
            }
        }
    };
    let name = format!("{module}.{qn}");
    let Some(r) = me.as_obj() else {
        return Ok(me);
    };
    if vm.repr_guard_enter(r) {
        return Ok(vm.new_str("..."));
    }
    let res = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr_string(func)?];
        for v in args {
            parts.push(vm.repr_string(v)?);
        }
        for (k, v) in kw {
            let ks = vm.str_of(k).to_string();
            parts.push(format!("{ks}={}", vm.repr_string(v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    vm.repr_guard_exit(r);
    let s = res?;
    Ok(vm.new_str(s))
}

fn partial_func(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match partial_ref(vm, a.pos[0]) {
        Some(p) => Ok(p.func),
        None => Err(vm.type_error("expected a partial object")),
    }
}

fn partial_args(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match partial_ref(vm, a.pos[0]) {
        Some(p) => {
            let args = p.args.clone();
            Ok(vm.new_tuple(args))
        }
        None => Err(vm.type_error("expected a partial object")),
    }
}

fn partial_keywords(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match partial_ref(vm, a.pos[0]) {
        Some(p) => {
            let kw = p.kw.clone();
            let d = vm.new_dict();
            for (k, v) in kw {
                vm.dict_set(d, k, v)?;
            }
            Ok(d)
        }
        None => Err(vm.type_error("expected a partial object")),
    }
}

// ---- lru_cache ----

#[derive(Debug)]
struct Lru {
    class: ObjRef,
    func: Value,
    /// None: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    info_type: Value,
    /// key -> result, oldest first.
    cache: ObjRef,
    hits: u64,
    misses: u64,
    /// The marker between positional and keyword parts of a key.
    kwd_mark: Value,
    dict: Option<ObjRef>,
}

impl NativeObj for Lru {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.extend([
            self.func,
            self.info_type,
            Value::Obj(self.cache),
            self.kwd_mark,
        ]);
        out.extend(self.dict.map(Value::Obj));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
    fn attr_dict(&self) -> Option<ObjRef> {
        self.dict
    }
    fn set_attr_dict(&mut self, d: ObjRef) -> bool {
        self.dict = Some(d);
        true
    }
}

fn lru_mut(vm: &mut Vm, v: Value) -> Option<&mut Lru> {
    match v {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Obj::NativeObj(n) => n.as_any_mut().downcast_mut::<Lru>(),
            _ => None,
        },
        _ => None,
    }
}

fn lru_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Value::Obj(class) = a.pos[0] else {
        return Err(vm.type_error("_lru_cache_wrapper.__new__ needs a class"));
    };
    let func = a.pos[1];
    if !crate::builtins::core::callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = match a.pos[2] {
        Value::None => None,
        Value::Int(n) => Some(n.max(0) as usize),
        Value::Bool(b) => Some(b as usize),
        _ => return Err(vm.type_error("maxsize should be integer or None")),
    };
    let typed = vm.truthy(a.pos[3])?;
    let cache = vm.heap.alloc(Obj::Dict(Box::default()));
    let kwd_mark = vm.new_instance(vm.t.object);
    Ok(vm.alloc(Obj::NativeObj(Box::new(Lru {
        class,
        func,
        maxsize,
        typed,
        info_type: a.pos[4],
        cache,
        hits: 0,
        misses: 0,
        kwd_mark,
        dict: None,
    }))))
}

/// The cache key of a call, as functools._make_key builds it: the lone
/// argument itself when it is an int or str, else a tuple of the
/// arguments (then a marker and the keyword items; then the types when
/// `typed`).
fn make_key(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)], typed: bool, mark: Value) -> Value {
    if kw.is_empty() && args.len() == 1 {
        let v = args[0];
        let fast = match v {
            Value::Int(_) => true,
            Value::Obj(r) => matches!(vm.heap.get(r), Obj::Str(_) | Obj::BigInt(_)),
            _ => false,
        };
        if fast && !typed {
            return v;
        }
    }
    let mut items: Vec<Value> = args.to_vec();
    if !kw.is_empty() {
        items.push(mark);
        for &(k, v) in kw {
            items.extend([k, v]);
        }
    }
    if typed {
        items.extend(args.iter().map(|&v| Value::Obj(vm.type_of(v))));
        items.extend(kw.iter().map(|&(_, v)| Value::Obj(vm.type_of(v))));
    }
    vm.new_tuple(items)
}

fn lru_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let args = &a.pos[1..];
    let Some(l) = lru_mut(vm, me) else {
        return Err(vm.type_error("expected an lru_cache wrapper"));
    };
    let (func, maxsize, typed, cache, mark) = (l.func, l.maxsize, l.typed, l.cache, l.kwd_mark);
    if maxsize == Some(0) {
        l.misses += 1;
        return vm.call_kw(func, args, a.kw);
    }
    let key = make_key(vm, args, a.kw, typed, mark);
    let mark_len = vm.temp_roots.len();
    vm.temp_roots.push(key);
    let r = (|| -> PyResult<Value> {
        let h = vm.hash(key)?;
        if let Some(ix) = vm.dict_find(cache, key, h)? {
            let v = vm
                .dict_ref(cache)
                .entry_at(ix)
                .map_or(Value::None, |e| e.value);
            if maxsize.is_some() {
                // Most recently used goes last.
                let e = vm.dict_mut(cache).remove_at(ix);
                vm.dict_mut(cache).insert_new(h, e.key, e.value);
            }
            if let Some(l) = lru_mut(vm, me) {
                l.hits += 1;
            }
            return Ok(v);
        }
        if let Some(l) = lru_mut(vm, me) {
            l.misses += 1;
        }
        let v = vm.call_kw(func, args, a.kw)?;
        vm.temp_roots.push(v);
        // The call may have filled the same key (recursion): keep one entry.
        if let Some(ix) = vm.dict_find(cache, key, h)? {
            vm.dict_mut(cache).remove_at(ix);
        }
        if let Some(max) = maxsize {
            while vm.dict_ref(cache).len() >= max {
                let first = vm.dict_ref(cache).iter().next().map(|e| e.key);
                let Some(k) = first else { break };
                let fh = vm.hash(k)?;
                match vm.dict_find(cache, k, fh)? {
                    Some(ix) => {
                        vm.dict_mut(cache).remove_at(ix);
                    }
                    None => break,
                }
            }
        }
        vm.dict_mut(cache).insert_new(h, key, v);
        Ok(v)
    })();
    vm.temp_roots.truncate(mark_len);
    r
}

fn lru_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(l) = lru_mut(vm, a.pos[0]) else {
        return Err(vm.type_error("expected an lru_cache wrapper"));
    };
    let (ty, hits, misses, maxsize, cache) = (l.info_type, l.hits, l.misses, l.maxsize, l.cache);
    let size = vm.dict_ref(cache).len() as i64;
    let max = maxsize.map_or(Value::None, |m| Value::Int(m as i64));
    vm.call(
        ty,
        &[
            Value::Int(hits as i64),
            Value::Int(misses as i64),
            max,
            Value::Int(size),
        ],
    )
}

fn lru_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(l) = lru_mut(vm, a.pos[0]) else {
        return Err(vm.type_error("expected an lru_cache wrapper"));
    };
    l.hits = 0;
    l.misses = 0;
    let cache = l.cache;
    vm.dict_mut(cache).clear();
    Ok(Value::None)
}
