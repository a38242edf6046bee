//! The `operator` module: the language's operators as functions, and the
//! callables `itemgetter`, `attrgetter` and `methodcaller`. All native:
//! these sit in key functions and `map` calls on hot paths.

use crate::builtins::{add_method, add_staticmethod, set_class_attr};
use crate::bytecode::op::{BinOpKind, CmpKind, UnaryKind};
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "operator");
    let doc = vm.new_str(
        "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n\
         to the intrinsic operators of Python.  For example, operator.add(x, y)\n\
         is equivalent to the expression x+y.  The function names are those\n\
         used for special methods; variants without leading and trailing\n\
         '__' are also provided for convenience.",
    );
    set_attr(vm, m, "__doc__", doc);
    binops(vm, m);
    compares(vm, m);
    others(vm, m);
    getters(vm, m);
    // The dunder spellings (`operator.__add__`) name the same functions.
    let names: Vec<String> = match super::module_dict(vm, m) {
        Some(d) => vm
            .dict_ref(d)
            .keys()
            .iter()
            .map(|k| vm.str_of(*k).to_string())
            .collect(),
        None => Vec::new(),
    };
    for n in names {
        if n.starts_with('_')
            || matches!(
                n.as_str(),
                "attrgetter"
                    | "itemgetter"
                    | "methodcaller"
                    | "length_hint"
                    | "countOf"
                    | "indexOf"
                    | "is_"
                    | "is_not"
                    | "truth"
            )
        {
            continue;
        }
        let k = vm.intern(&n);
        let v = vm.getattr(m, k)?;
        let dunder = format!("__{}__", n.trim_end_matches('_'));
        set_attr(vm, m, &dunder, v);
    }
    let all: Vec<&str> = ALL.to_vec();
    let all: Vec<Value> = all.into_iter().map(|s| vm.new_str(s)).collect();
    let all = vm.new_list(all);
    set_attr(vm, m, "__all__", all);
    Ok(m)
}

const ALL: &[&str] = &[
    "abs",
    "add",
    "and_",
    "attrgetter",
    "call",
    "concat",
    "contains",
    "countOf",
    "delitem",
    "eq",
    "floordiv",
    "ge",
    "getitem",
    "gt",
    "iadd",
    "iand",
    "iconcat",
    "ifloordiv",
    "ilshift",
    "imatmul",
    "imod",
    "imul",
    "index",
    "indexOf",
    "inv",
    "invert",
    "ior",
    "ipow",
    "irshift",
    "is_",
    "is_not",
    "isub",
    "itemgetter",
    "itruediv",
    "ixor",
    "le",
    "length_hint",
    "lshift",
    "lt",
    "matmul",
    "methodcaller",
    "mod",
    "mul",
    "ne",
    "neg",
    "not_",
    "or_",
    "pos",
    "pow",
    "rshift",
    "setitem",
    "sub",
    "truediv",
    "truth",
    "xor",
];

fn binops(vm: &mut Vm, m: Value) {
    macro_rules! bin {
        ($($decl:literal, $idecl:literal => $kind:ident),* $(,)?) => {
            $(
                add_fn(vm, m, $decl, |vm, a| vm.binary_op(a.pos[0], a.pos[1], BinOpKind::$kind, false));
                add_fn(vm, m, $idecl, |vm, a| vm.binary_op(a.pos[0], a.pos[1], BinOpKind::$kind, true));
            )*
        };
    }
    bin! {
        "add(a, b, /)", "iadd(a, b, /)" => Add,
        "sub(a, b, /)", "isub(a, b, /)" => Sub,
        "mul(a, b, /)", "imul(a, b, /)" => Mul,
        "matmul(a, b, /)", "imatmul(a, b, /)" => MatMul,
        "truediv(a, b, /)", "itruediv(a, b, /)" => TrueDiv,
        "floordiv(a, b, /)", "ifloordiv(a, b, /)" => FloorDiv,
        "mod(a, b, /)", "imod(a, b, /)" => Mod,
        "pow(a, b, /)", "ipow(a, b, /)" => Pow,
        "lshift(a, b, /)", "ilshift(a, b, /)" => LShift,
        "rshift(a, b, /)", "irshift(a, b, /)" => RShift,
        "and_(a, b, /)", "iand(a, b, /)" => And,
        "or_(a, b, /)", "ior(a, b, /)" => Or,
        "xor(a, b, /)", "ixor(a, b, /)" => Xor,
    }
    add_fn(vm, m, "concat(a, b, /)", |vm, a| {
        concat(vm, a.pos[0], a.pos[1], false)
    });
    add_fn(vm, m, "iconcat(a, b, /)", |vm, a| {
        concat(vm, a.pos[0], a.pos[1], true)
    });
}

/// `a + b` for sequences only (TypeError for other operands, as CPython).
fn concat(vm: &mut Vm, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    let gk = vm.n.getitem;
    let is_seq = vm.is_sequence(a)
        || vm.as_str(a).is_some()
        || matches!(a, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Bytes(_) | Obj::ByteArray(_)))
        || (vm.lookup_special(a, gk).is_some() && !vm.is_mapping(a));
    if !is_seq {
        let tn = vm.type_name(a);
        return Err(vm.type_error(format!("'{tn}' object can't be concatenated")));
    }
    vm.binary_op(a, b, BinOpKind::Add, inplace)
}

fn compares(vm: &mut Vm, m: Value) {
    macro_rules! cmp {
        ($($decl:literal => $kind:ident),* $(,)?) => {
            $( add_fn(vm, m, $decl, |vm, a| vm.compare(a.pos[0], a.pos[1], CmpKind::$kind)); )*
        };
    }
    cmp! {
        "lt(a, b, /)" => Lt, "le(a, b, /)" => Le, "eq(a, b, /)" => Eq,
        "ne(a, b, /)" => Ne, "gt(a, b, /)" => Gt, "ge(a, b, /)" => Ge,
    }
}

fn others(vm: &mut Vm, m: Value) {
    add_fn(vm, m, "not_(a, /)", |vm, a| {
        Ok(Value::Bool(!vm.truthy(a.pos[0])?))
    });
    add_fn(vm, m, "truth(a, /)", |vm, a| {
        Ok(Value::Bool(vm.truthy(a.pos[0])?))
    });
    add_fn(vm, m, "is_(a, b, /)", |_, a| {
        Ok(Value::Bool(a.pos[0].is(a.pos[1])))
    });
    add_fn(vm, m, "is_not(a, b, /)", |_, a| {
        Ok(Value::Bool(!a.pos[0].is(a.pos[1])))
    });
    add_fn(vm, m, "abs(a, /)", |vm, a| {
        crate::builtins::funcs::abs_value(vm, a.pos[0])
    });
    add_fn(vm, m, "neg(a, /)", |vm, a| {
        vm.unary_op(a.pos[0], UnaryKind::Neg)
    });
    add_fn(vm, m, "pos(a, /)", |vm, a| {
        vm.unary_op(a.pos[0], UnaryKind::Pos)
    });
    add_fn(vm, m, "inv(a, /)", |vm, a| {
        vm.unary_op(a.pos[0], UnaryKind::Invert)
    });
    add_fn(vm, m, "invert(a, /)", |vm, a| {
        vm.unary_op(a.pos[0], UnaryKind::Invert)
    });
    add_fn(vm, m, "index(a, /)", |vm, a| {
        let v = a.pos[0];
        match v {
            Value::Int(_) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            _ => match crate::builtins::num::index_bigint(vm, v)? {
                Some(b) => Ok(vm.new_bigint(b)),
                None => {
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
                }
            },
        }
    });
    add_fn(vm, m, "contains(a, b, /)", |vm, a| {
        Ok(Value::Bool(vm.contains(a.pos[0], a.pos[1])?))
    });
    add_fn(vm, m, "countOf(a, b, /)", |vm, a| {
        let items = vm.collect_iterable(a.pos[0])?;
        let mark = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&items);
        let mut n = 0i64;
        let mut err = None;
        for it in items {
            match vm.eq(it, a.pos[1]) {
                Ok(true) => n += 1,
                Ok(false) => {}
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        vm.temp_roots.truncate(mark);
        match err {
            Some(e) => Err(e),
            None => Ok(Value::Int(n)),
        }
    });
    add_fn(vm, m, "indexOf(a, b, /)", |vm, a| {
        let items = vm.collect_iterable(a.pos[0])?;
        let mark = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&items);
        let mut found = Ok(None);
        for (i, it) in items.into_iter().enumerate() {
            match vm.eq(it, a.pos[1]) {
                Ok(true) => {
                    found = Ok(Some(i));
                    break;
                }
                Ok(false) => {}
                Err(e) => {
                    found = Err(e);
                    break;
                }
            }
        }
        vm.temp_roots.truncate(mark);
        match found? {
            Some(i) => Ok(Value::Int(i as i64)),
            None => Err(vm.value_error("sequence.index(x): x not in sequence")),
        }
    });
    add_fn(vm, m, "getitem(a, b, /)", |vm, a| {
        vm.getitem(a.pos[0], a.pos[1])
    });
    add_fn(vm, m, "setitem(a, b, c, /)", |vm, a| {
        vm.setitem(a.pos[0], a.pos[1], a.pos[2])?;
        Ok(Value::None)
    });
    add_fn(vm, m, "delitem(a, b, /)", |vm, a| {
        vm.delitem(a.pos[0], a.pos[1])?;
        Ok(Value::None)
    });
    add_fn(vm, m, "length_hint(obj, default=0, /)", |vm, a| {
        let obj = a.pos[0];
        let default = a.pos.get(1).copied().unwrap_or(Value::Int(0));
        let Value::Int(d) = default else {
            let tn = vm.type_name(default);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        let lk = vm.n.len;
        if vm.lookup_special(obj, lk).is_some()
            || matches!(obj, Value::Obj(r) if !matches!(vm.heap.get(r), Obj::Instance(_) | Obj::NativeObj(_) | Obj::Iter(_) | Obj::Gen(_)))
        {
            if let Ok(n) = vm.len(obj) {
                return Ok(Value::Int(n as i64));
            }
        }
        if let Some(n) = builtin_iter_hint(vm, obj) {
            return Ok(Value::Int(n as i64));
        }
        let hk = vm.intern("__length_hint__");
        match vm.lookup_special(obj, hk) {
            Some(f) => {
                let r = vm.call_bound(f, obj, &[])?;
                if r.is(vm.not_implemented) {
                    return Ok(Value::Int(d));
                }
                match r {
                    Value::Int(n) if n >= 0 => Ok(r),
                    Value::Int(_) => Err(vm.value_error("__length_hint__() should return >= 0")),
                    _ => {
                        let tn = vm.type_name(r);
                        Err(vm.type_error(format!("__length_hint__ must be an integer, not {tn}")))
                    }
                }
            }
            None => Ok(Value::Int(d)),
        }
    });
    add_fn(vm, m, "call(obj, /, *args, **kwargs)", |vm, a| {
        vm.call_kw(a.pos[0], &a.pos[1..], a.kw)
    });
}

/// What is left of a built-in iterator over a list, tuple or range
/// (their `__length_hint__`).
fn builtin_iter_hint(vm: &Vm, it: Value) -> Option<usize> {
    let Value::Obj(r) = it else { return None };
    let Obj::Iter(st) = vm.heap.get(r) else {
        return None;
    };
    match &**st {
        IterState::Seq { seq, idx } => {
            let n = match vm.heap.get(*seq) {
                Obj::List(l) => l.len(),
                Obj::Tuple(t) => t.len(),
                _ => 0,
            };
            Some(n.saturating_sub(*idx))
        }
        IterState::Range { cur, stop, step } => {
            let (cur, stop, step) = (*cur as i128, *stop as i128, *step as i128);
            let n = if step > 0 && cur < stop {
                (stop - cur + step - 1) / step
            } else if step < 0 && cur > stop {
                (cur - stop - step - 1) / -step
            } else {
                0
            };
            Some(n as usize)
        }
        IterState::Values { vals, idx } => Some(vals.len().saturating_sub(*idx)),
        _ => None,
    }
}

// ---- itemgetter, attrgetter, methodcaller ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GetterKind {
    Item,
    Attr,
    Method,
}

/// The state of an `itemgetter(*items)`, `attrgetter(*names)` (each name
/// split at its dots) or `methodcaller(name, *args, **kwargs)`.
#[derive(Debug)]
struct Getter {
    class: ObjRef,
    kind: GetterKind,
    /// Items, names (a tuple of interned parts for each dotted name), or
    /// the method name followed by the positional arguments.
    items: Vec<Value>,
    /// methodcaller's keyword arguments.
    kw: Vec<(Value, Value)>,
}

impl NativeObj for Getter {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.items);
        for (k, v) in &self.kw {
            out.push(*k);
            out.push(*v);
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

fn getter(vm: &Vm, v: Value) -> Option<&Getter> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => n.as_any().downcast_ref::<Getter>(),
            _ => None,
        },
        _ => None,
    }
}

fn getters(vm: &mut Vm, m: Value) {
    let ig = vm.native_class("operator.itemgetter", None);
    let ag = vm.native_class("operator.attrgetter", None);
    let mc = vm.native_class("operator.methodcaller", None);
    for (cls, doc) in [
        (ig, "Return a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"),
        (ag, "Return a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last)."),
        (mc, "Return a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1)."),
    ] {
        let modv = vm.intern("operator");
        set_class_attr(vm, cls, "__module__", modv);
        let d = vm.new_str(doc);
        set_class_attr(vm, cls, "__doc__", d);
    }
    add_staticmethod(vm, ig, "__new__(cls, /, *items)", |vm, a| {
        if a.pos.len() < 2 {
            return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
        }
        new_getter(
            vm,
            a.pos[0],
            GetterKind::Item,
            a.pos[1..].to_vec(),
            Vec::new(),
        )
    });
    add_staticmethod(vm, ag, "__new__(cls, /, *attrs)", |vm, a| {
        if a.pos.len() < 2 {
            return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
        }
        let mut names = Vec::new();
        for &n in &a.pos[1..] {
            let Some(s) = vm.as_str(n) else {
                return Err(vm.type_error("attribute name must be a string"));
            };
            let parts: Vec<String> = s.split('.').map(|p| p.to_string()).collect();
            let parts: Vec<Value> = parts.iter().map(|p| vm.intern(p)).collect();
            names.push(vm.new_tuple(parts));
        }
        new_getter(vm, a.pos[0], GetterKind::Attr, names, Vec::new())
    });
    add_staticmethod(vm, mc, "__new__(cls, name, /, *args, **kwargs)", |vm, a| {
        let name = a.pos[1];
        let Some(s) = vm.as_str(name) else {
            return Err(vm.type_error("method name must be a string"));
        };
        let s = s.to_string();
        let mut items = vec![vm.intern(&s)];
        items.extend_from_slice(&a.pos[2..]);
        new_getter(vm, a.pos[0], GetterKind::Method, items, a.kw.to_vec())
    });
    for cls in [ig, ag, mc] {
        add_method(vm, cls, "__call__(obj, /)", getter_call);
        add_method(vm, cls, "__repr__()", getter_repr);
        add_method(vm, cls, "__reduce__()", getter_reduce);
    }
    set_attr(vm, m, "itemgetter", Value::Obj(ig));
    set_attr(vm, m, "attrgetter", Value::Obj(ag));
    set_attr(vm, m, "methodcaller", Value::Obj(mc));
}

fn new_getter(
    vm: &mut Vm,
    cls: Value,
    kind: GetterKind,
    items: Vec<Value>,
    kw: Vec<(Value, Value)>,
) -> PyResult<Value> {
    let Value::Obj(class) = cls else {
        return Err(vm.type_error("__new__ needs a class"));
    };
    Ok(vm.alloc(Obj::NativeObj(Box::new(Getter {
        class,
        kind,
        items,
        kw,
    }))))
}

fn getter_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (me, obj) = (a.pos[0], a.pos[1]);
    let Some(g) = getter(vm, me) else {
        return Err(vm.type_error("descriptor '__call__' needs an operator getter"));
    };
    match g.kind {
        GetterKind::Item => {
            if g.items.len() == 1 {
                let k = g.items[0];
                return vm.getitem(obj, k);
            }
            let keys = g.items.clone();
            let mut out = Vec::with_capacity(keys.len());
            let mark = vm.temp_roots.len();
            for k in keys {
                match vm.getitem(obj, k) {
                    Ok(v) => {
                        vm.temp_roots.push(v);
                        out.push(v);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(mark);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(mark);
            Ok(vm.new_tuple(out))
        }
        GetterKind::Attr => {
            let names = g.items.clone();
            if names.len() == 1 {
                return dotted(vm, obj, names[0]);
            }
            let mut out = Vec::with_capacity(names.len());
            let mark = vm.temp_roots.len();
            for n in names {
                match dotted(vm, obj, n) {
                    Ok(v) => {
                        vm.temp_roots.push(v);
                        out.push(v);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(mark);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(mark);
            Ok(vm.new_tuple(out))
        }
        GetterKind::Method => {
            let name = g.items[0];
            let args: Vec<Value> = g.items[1..].to_vec();
            if g.kw.is_empty() {
                return vm.call_method(obj, name, &args);
            }
            let kw = g.kw.clone();
            let f = vm.getattr(obj, name)?;
            vm.temp_roots.push(f);
            let r = vm.call_kw(f, &args, &kw);
            vm.temp_roots.pop();
            r
        }
    }
}

/// `obj.a.b.c` for the parts of one attrgetter name.
fn dotted(vm: &mut Vm, obj: Value, parts: Value) -> PyResult<Value> {
    let parts = vm.tuple_items(parts);
    let mut cur = obj;
    for p in parts {
        cur = vm.getattr(cur, p)?;
    }
    Ok(cur)
}

fn getter_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let Some(g) = getter(vm, me) else {
        return Err(vm.type_error("descriptor '__repr__' needs an operator getter"));
    };
    let (kind, items, kw) = (g.kind, g.items.clone(), g.kw.clone());
    let cls = vm.type_of(me);
    let name = vm.class_name(cls);
    let qual =
        if vm.class_name(cls) == name && matches!(vm.heap.get(cls), Obj::Class(c) if c.builtin) {
            format!("operator.{name}")
        } else {
            name
        };
    if vm.repr_guard_enter(me.as_obj().unwrap_or(cls)) {
        return Ok(vm.new_str(format!("{qual}(...)")));
    }
    let r = (|| -> PyResult<String> {
        let mut parts = Vec::new();
        match kind {
            GetterKind::Item => {
                for v in items {
                    parts.push(vm.repr_string(v)?);
                }
            }
            GetterKind::Attr => {
                for v in items {
                    let names: Vec<String> = vm
                        .tuple_items(v)
                        .iter()
                        .map(|p| vm.str_of(*p).to_string())
                        .collect();
                    parts.push(crate::text::repr::str_repr(&names.join(".")));
                }
            }
            GetterKind::Method => {
                for v in items {
                    parts.push(vm.repr_string(v)?);
                }
                for (k, v) in kw {
                    let ks = vm.str_of(k).to_string();
                    parts.push(format!("{ks}={}", vm.repr_string(v)?));
                }
            }
        }
        Ok(format!("{qual}({})", parts.join(", ")))
    })();
    if let Some(r) = me.as_obj() {
        vm.repr_guard_exit(r);
    }
    let s = r?;
    Ok(vm.new_str(s))
}

fn getter_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let Some(g) = getter(vm, me) else {
        return Err(vm.type_error("descriptor '__reduce__' needs an operator getter"));
    };
    let (kind, items) = (g.kind, g.items.clone());
    let cls = Value::Obj(vm.type_of(me));
    let args = match kind {
        GetterKind::Attr => {
            let mut v = Vec::new();
            for t in items {
                let names: Vec<String> = vm
                    .tuple_items(t)
                    .iter()
                    .map(|p| vm.str_of(*p).to_string())
                    .collect();
                v.push(vm.new_str(names.join(".")));
            }
            v
        }
        _ => items,
    };
    let t = vm.new_tuple(args);
    Ok(vm.new_tuple(vec![cls, t]))
}
