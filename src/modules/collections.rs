//! `_collections`: the native parts of the collections module. `deque` is
//! a Rust VecDeque behind a native class (appends, pops and rotation are
//! the hot operations of queues and sliding windows), and
//! `_count_elements` is Counter's counting loop. The rest of collections is
//! weft (stdlib/collections/__init__.py).

use std::collections::VecDeque;

use crate::builtins::{add_classmethod, add_method, add_staticmethod, set_class_attr};
use crate::bytecode::op::CmpKind;
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

#[derive(Debug)]
pub struct Deque {
    class: ObjRef,
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every change of length, so iterators notice mutation.
    state: u64,
    dict: Option<ObjRef>,
}

impl NativeObj for Deque {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.extend(self.items.iter().copied());
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

/// A deque's iterator (forward or reversed).
#[derive(Debug)]
struct DequeIter {
    class: ObjRef,
    deque: Value,
    idx: usize,
    state: u64,
    reversed: bool,
}

impl NativeObj for DequeIter {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.deque);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

fn dq(vm: &mut Vm, v: Value) -> PyResult<&mut Deque> {
    let ok = matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::NativeObj(n) if n.as_any().is::<Deque>()));
    if !ok {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor requires a 'collections.deque' object but received a '{tn}'"
        )));
    }
    let Value::Obj(r) = v else {
        unreachable!("checked")
    };
    match vm.heap.get_mut(r) {
        Obj::NativeObj(n) => match n.as_any_mut().downcast_mut::<Deque>() {
            Some(d) => Ok(d),
            None => unreachable!("checked"),
        },
        _ => unreachable!("checked"),
    }
}

fn is_deque(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::NativeObj(n) if n.as_any().is::<Deque>()))
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_collections");
    let c = vm.native_class("collections.deque", None);
    let modv = vm.intern("collections");
    set_class_attr(vm, c, "__module__", modv);
    let doc = vm.new_str("A list-like sequence optimized for data accesses near its endpoints.");
    set_class_attr(vm, c, "__doc__", doc);
    set_class_attr(vm, c, "__hash__", Value::None);
    let it = vm.native_class("_collections._deque_iterator", None);
    let rit = vm.native_class("_collections._deque_reverse_iterator", None);
    for cls in [it, rit] {
        add_method(vm, cls, "__iter__()", |_, a| Ok(a.pos[0]));
        add_method(vm, cls, "__next__()", iter_next);
        add_method(vm, cls, "__length_hint__()", |vm, a| {
            let (d, idx) = match a.pos[0] {
                Value::Obj(r) => match vm.heap.get(r) {
                    Obj::NativeObj(n) => match n.as_any().downcast_ref::<DequeIter>() {
                        Some(i) => (i.deque, i.idx),
                        None => return Ok(Value::Int(0)),
                    },
                    _ => return Ok(Value::Int(0)),
                },
                _ => return Ok(Value::Int(0)),
            };
            let n = dq(vm, d)?.items.len();
            Ok(Value::Int(n.saturating_sub(idx) as i64))
        });
    }
    add_staticmethod(vm, c, "__new__(cls, /, *args, **kwargs)", |vm, a| {
        let Value::Obj(class) = a.pos[0] else {
            return Err(vm.type_error("deque.__new__ needs a class"));
        };
        Ok(vm.alloc(Obj::NativeObj(Box::new(Deque {
            class,
            items: VecDeque::new(),
            maxlen: None,
            state: 0,
            dict: None,
        }))))
    });
    add_method(vm, c, "__init__(iterable=(), maxlen=None)", deque_init);
    add_method(vm, c, "append(x, /)", |vm, a| {
        let d = dq(vm, a.pos[0])?;
        push(d, a.pos[1], false);
        Ok(Value::None)
    });
    add_method(vm, c, "appendleft(x, /)", |vm, a| {
        let d = dq(vm, a.pos[0])?;
        push(d, a.pos[1], true);
        Ok(Value::None)
    });
    add_method(vm, c, "pop()", |vm, a| {
        let d = dq(vm, a.pos[0])?;
        d.state += 1;
        match d.items.pop_back() {
            Some(v) => Ok(v),
            None => Err(vm.new_error(vm.t.index_error, "pop from an empty deque")),
        }
    });
    add_method(vm, c, "popleft()", |vm, a| {
        let d = dq(vm, a.pos[0])?;
        d.state += 1;
        match d.items.pop_front() {
            Some(v) => Ok(v),
            None => Err(vm.new_error(vm.t.index_error, "pop from an empty deque")),
        }
    });
    add_method(vm, c, "extend(iterable, /)", |vm, a| {
        extend(vm, a.pos[0], a.pos[1], false)
    });
    add_method(vm, c, "extendleft(iterable, /)", |vm, a| {
        extend(vm, a.pos[0], a.pos[1], true)
    });
    add_method(vm, c, "clear()", |vm, a| {
        let d = dq(vm, a.pos[0])?;
        d.items.clear();
        d.state += 1;
        Ok(Value::None)
    });
    add_method(vm, c, "rotate(n=1, /)", |vm, a| {
        let n = match a.pos.get(1) {
            None => 1,
            Some(&v) => index_arg(vm, v)?,
        };
        let d = dq(vm, a.pos[0])?;
        let len = d.items.len();
        if len > 1 {
            let k = n.rem_euclid(len as i64) as usize;
            d.items.rotate_right(k);
        }
        Ok(Value::None)
    });
    add_method(vm, c, "reverse()", |vm, a| {
        let d = dq(vm, a.pos[0])?;
        d.items.make_contiguous().reverse();
        Ok(Value::None)
    });
    add_method(vm, c, "copy()", |vm, a| copy(vm, a.pos[0]));
    add_method(vm, c, "__copy__()", |vm, a| copy(vm, a.pos[0]));
    add_method(vm, c, "count(x, /)", |vm, a| {
        let items: Vec<Value> = dq(vm, a.pos[0])?.items.iter().copied().collect();
        let mut n = 0;
        for v in items {
            if vm.eq(v, a.pos[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    add_method(vm, c, "index(x, start=0, stop=sys.maxsize, /)", deque_index);
    add_method(vm, c, "insert(i, x, /)", |vm, a| {
        let i = index_arg(vm, a.pos[1])?;
        let d = dq(vm, a.pos[0])?;
        if d.maxlen.is_some_and(|m| d.items.len() >= m) {
            return Err(vm.new_error(vm.t.index_error, "deque already at its maximum size"));
        }
        let len = d.items.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        d.items.insert(at, a.pos[2]);
        d.state += 1;
        Ok(Value::None)
    });
    add_method(vm, c, "remove(value, /)", |vm, a| {
        let items: Vec<Value> = dq(vm, a.pos[0])?.items.iter().copied().collect();
        for (i, v) in items.into_iter().enumerate() {
            if vm.eq(v, a.pos[1])? {
                let d = dq(vm, a.pos[0])?;
                if d.items.get(i).is_some_and(|x| x.is(v)) {
                    d.items.remove(i);
                    d.state += 1;
                    return Ok(Value::None);
                }
                return Err(vm.new_error(vm.t.index_error, "deque mutated during remove()."));
            }
        }
        let r = vm.repr_string(a.pos[1])?;
        Err(vm.value_error(format!("{r} is not in deque")))
    });
    add_method(vm, c, "__len__()", |vm, a| {
        Ok(Value::Int(dq(vm, a.pos[0])?.items.len() as i64))
    });
    add_method(vm, c, "__bool__()", |vm, a| {
        Ok(Value::Bool(!dq(vm, a.pos[0])?.items.is_empty()))
    });
    add_method(vm, c, "__getitem__(key, /)", |vm, a| {
        let i = index_arg(vm, a.pos[1])?;
        let d = dq(vm, a.pos[0])?;
        match norm(i, d.items.len()) {
            Some(i) => Ok(d.items[i]),
            None => Err(vm.new_error(vm.t.index_error, "deque index out of range")),
        }
    });
    add_method(vm, c, "__setitem__(key, value, /)", |vm, a| {
        let i = index_arg(vm, a.pos[1])?;
        let d = dq(vm, a.pos[0])?;
        match norm(i, d.items.len()) {
            Some(i) => {
                d.items[i] = a.pos[2];
                Ok(Value::None)
            }
            None => Err(vm.new_error(vm.t.index_error, "deque index out of range")),
        }
    });
    add_method(vm, c, "__delitem__(key, /)", |vm, a| {
        let i = index_arg(vm, a.pos[1])?;
        let d = dq(vm, a.pos[0])?;
        match norm(i, d.items.len()) {
            Some(i) => {
                d.items.remove(i);
                d.state += 1;
                Ok(Value::None)
            }
            None => Err(vm.new_error(vm.t.index_error, "deque index out of range")),
        }
    });
    add_method(vm, c, "__contains__(key, /)", |vm, a| {
        let d = dq(vm, a.pos[0])?;
        let (items, state): (Vec<Value>, u64) = (d.items.iter().copied().collect(), d.state);
        for v in items {
            if vm.eq(v, a.pos[1])? {
                return Ok(Value::Bool(true));
            }
            if dq(vm, a.pos[0])?.state != state {
                return Err(vm.runtime_error("deque mutated during iteration"));
            }
        }
        Ok(Value::Bool(false))
    });
    add_method(vm, c, "__iter__()", |vm, a| new_iter(vm, a.pos[0], false));
    add_method(vm, c, "__reversed__()", |vm, a| {
        new_iter(vm, a.pos[0], true)
    });
    add_method(vm, c, "__repr__()", deque_repr);
    add_method(vm, c, "__add__(other, /)", |vm, a| {
        if !is_deque(vm, a.pos[1]) {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!(
                "can only concatenate deque (not \"{tn}\") to deque"
            )));
        }
        let r = copy(vm, a.pos[0])?;
        vm.temp_roots.push(r);
        let e = extend(vm, r, a.pos[1], false);
        vm.temp_roots.pop();
        e.map(|_| r)
    });
    add_method(vm, c, "__iadd__(other, /)", |vm, a| {
        extend(vm, a.pos[0], a.pos[1], false)?;
        Ok(a.pos[0])
    });
    add_method(vm, c, "__mul__(n, /)", |vm, a| {
        let r = copy(vm, a.pos[0])?;
        repeat(vm, r, a.pos[1])?;
        Ok(r)
    });
    add_method(vm, c, "__rmul__(n, /)", |vm, a| {
        let r = copy(vm, a.pos[0])?;
        repeat(vm, r, a.pos[1])?;
        Ok(r)
    });
    add_method(vm, c, "__imul__(n, /)", |vm, a| {
        repeat(vm, a.pos[0], a.pos[1])?;
        Ok(a.pos[0])
    });
    macro_rules! cmp {
        ($($decl:literal => $kind:ident),*) => {
            $( add_method(vm, c, $decl, |vm, a| compare(vm, a.pos[0], a.pos[1], CmpKind::$kind)); )*
        };
    }
    cmp!("__lt__(other, /)" => Lt, "__le__(other, /)" => Le, "__eq__(other, /)" => Eq,
         "__ne__(other, /)" => Ne, "__gt__(other, /)" => Gt, "__ge__(other, /)" => Ge);
    add_method(vm, c, "__reduce__()", |vm, a| {
        let me = a.pos[0];
        let d = dq(vm, me)?;
        let (items, maxlen): (Vec<Value>, Option<usize>) =
            (d.items.iter().copied().collect(), d.maxlen);
        let cls = Value::Obj(vm.type_of(me));
        let l = vm.new_list(items);
        let ml = maxlen.map_or(Value::None, |m| Value::Int(m as i64));
        let args = vm.new_tuple(vec![l, ml]);
        Ok(vm.new_tuple(vec![cls, args]))
    });
    add_classmethod(vm, c, "__class_getitem__(item, /)", |vm, a| {
        vm.generic_alias(a.pos[0], a.pos[1])
    });
    let getter = vm.new_native("fget(self, /)", "deque.maxlen", |vm, a| {
        Ok(dq(vm, a.pos[0])?
            .maxlen
            .map_or(Value::None, |m| Value::Int(m as i64)))
    });
    let doc = vm.new_str("maximum size of a deque or None if unbounded");
    let prop = vm.alloc(Obj::Property(Box::new([
        getter,
        Value::None,
        Value::None,
        doc,
    ])));
    set_class_attr(vm, c, "maxlen", prop);
    set_attr(vm, m, "deque", Value::Obj(c));
    add_fn(
        vm,
        m,
        "_count_elements(mapping, iterable, /)",
        count_elements,
    );
    Ok(m)
}

fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        _ => match vm.index_of(v)? {
            Some(i) => Ok(i),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
            }
        },
    }
}

fn norm(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// Append at one end; a full bounded deque drops from the other.
fn push(d: &mut Deque, v: Value, left: bool) {
    if d.maxlen == Some(0) {
        return;
    }
    if left {
        if d.maxlen.is_some_and(|m| d.items.len() >= m) {
            d.items.pop_back();
        }
        d.items.push_front(v);
    } else {
        if d.maxlen.is_some_and(|m| d.items.len() >= m) {
            d.items.pop_front();
        }
        d.items.push_back(v);
    }
    d.state += 1;
}

fn deque_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let maxlen = match a.get(vm, 2, "maxlen") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if n >= 0 => Some(n as usize),
        Some(Value::Int(_)) => return Err(vm.value_error("maxlen must be non-negative")),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    let d = dq(vm, me)?;
    d.maxlen = maxlen;
    d.items.clear();
    d.state += 1;
    if let Some(it) = a.get(vm, 1, "iterable") {
        extend(vm, me, it, false)?;
    }
    Ok(Value::None)
}

fn extend(vm: &mut Vm, me: Value, it: Value, left: bool) -> PyResult<Value> {
    dq(vm, me)?;
    // Extending by itself copies first (d.extend(d) doubles it).
    let items = if it.is(me) {
        dq(vm, me)?.items.iter().copied().collect()
    } else if let Value::Obj(r) = it {
        match vm.heap.get(r) {
            Obj::List(l) => l.clone(),
            Obj::Tuple(t) => t.to_vec(),
            _ => return extend_iter(vm, me, it, left),
        }
    } else {
        return extend_iter(vm, me, it, left);
    };
    let d = dq(vm, me)?;
    for v in items {
        push(d, v, left);
    }
    Ok(Value::None)
}

fn extend_iter(vm: &mut Vm, me: Value, it: Value, left: bool) -> PyResult<Value> {
    let iter = vm.iter(it)?;
    vm.temp_roots.push(iter);
    let r = (|| -> PyResult<Value> {
        while let Some(v) = vm.next(iter)? {
            let d = dq(vm, me)?;
            push(d, v, left);
        }
        Ok(Value::None)
    })();
    vm.temp_roots.pop();
    r
}

fn copy(vm: &mut Vm, me: Value) -> PyResult<Value> {
    let d = dq(vm, me)?;
    let (class, items, maxlen) = (d.class, d.items.clone(), d.maxlen);
    let plain = vm.native_classes.get("collections.deque").copied();
    if Some(class) != plain {
        // A subclass is copied through its constructor.
        let list: Vec<Value> = items.into_iter().collect();
        let l = vm.new_list(list);
        vm.temp_roots.push(l);
        let ml = maxlen.map_or(Value::None, |m| Value::Int(m as i64));
        let r = vm.call(Value::Obj(class), &[l, ml]);
        vm.temp_roots.pop();
        return r;
    }
    Ok(vm.alloc(Obj::NativeObj(Box::new(Deque {
        class,
        items,
        maxlen,
        state: 0,
        dict: None,
    }))))
}

fn repeat(vm: &mut Vm, me: Value, n: Value) -> PyResult<()> {
    let n = index_arg(vm, n)?;
    let d = dq(vm, me)?;
    if n <= 0 || d.items.is_empty() {
        d.items.clear();
        d.state += 1;
        return Ok(());
    }
    let unit: Vec<Value> = d.items.iter().copied().collect();
    let total = unit.len().checked_mul(n as usize);
    let cap = d.maxlen.unwrap_or(usize::MAX);
    if total.is_none_or(|t| t > cap.min(1 << 32)) && d.maxlen.is_none() {
        return Err(vm.new_error(vm.t.memory_error, ""));
    }
    for _ in 1..n {
        for &v in &unit {
            push(d, v, false);
        }
        if d.maxlen.is_some_and(|m| d.items.len() >= m) && unit.len() >= cap {
            break;
        }
    }
    Ok(())
}

fn deque_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let len = dq(vm, me)?.items.len() as i64;
    let clamp = |i: i64| -> i64 {
        if i < 0 {
            (i + len).max(0)
        } else {
            i.min(len)
        }
    };
    let start = match a.pos.get(2) {
        Some(&v) => clamp(index_arg(vm, v)?),
        None => 0,
    };
    let stop = match a.pos.get(3) {
        Some(&v) => clamp(index_arg(vm, v)?),
        None => len,
    };
    let d = dq(vm, me)?;
    let state = d.state;
    for i in start..stop {
        let Some(v) = dq(vm, me)?.items.get(i as usize).copied() else {
            break;
        };
        if vm.eq(v, a.pos[1])? {
            return Ok(Value::Int(i));
        }
        if dq(vm, me)?.state != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    let r = vm.repr_string(a.pos[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn new_iter(vm: &mut Vm, me: Value, reversed: bool) -> PyResult<Value> {
    let state = dq(vm, me)?.state;
    let name = if reversed {
        "_collections._deque_reverse_iterator"
    } else {
        "_collections._deque_iterator"
    };
    let class = vm.native_class(name, None);
    Ok(vm.alloc(Obj::NativeObj(Box::new(DequeIter {
        class,
        deque: me,
        idx: 0,
        state,
        reversed,
    }))))
}

fn iter_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (deque, idx, state, reversed) = match a.pos[0] {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => match n.as_any().downcast_ref::<DequeIter>() {
                Some(i) => (i.deque, i.idx, i.state, i.reversed),
                None => return Err(vm.type_error("expected a deque iterator")),
            },
            _ => return Err(vm.type_error("expected a deque iterator")),
        },
        _ => return Err(vm.type_error("expected a deque iterator")),
    };
    let d = dq(vm, deque)?;
    if d.state != state {
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    let len = d.items.len();
    if idx >= len {
        return Err(vm.stop_iteration(Value::None));
    }
    let v = if reversed {
        d.items[len - 1 - idx]
    } else {
        d.items[idx]
    };
    if let Value::Obj(r) = a.pos[0] {
        if let Obj::NativeObj(n) = vm.heap.get_mut(r) {
            if let Some(i) = n.as_any_mut().downcast_mut::<DequeIter>() {
                i.idx += 1;
            }
        }
    }
    Ok(v)
}

fn deque_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let d = dq(vm, me)?;
    let (items, maxlen): (Vec<Value>, Option<usize>) =
        (d.items.iter().copied().collect(), d.maxlen);
    let cls = vm.type_of(me);
    let name = vm.class_name(cls);
    let Some(r) = me.as_obj() else {
        return Ok(me);
    };
    if vm.repr_guard_enter(r) {
        return Ok(vm.new_str("[...]"));
    }
    let res = (|| -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for v in items {
            parts.push(vm.repr_string(v)?);
        }
        Ok(match maxlen {
            Some(m) => format!("{name}([{}], maxlen={m})", parts.join(", ")),
            None => format!("{name}([{}])", parts.join(", ")),
        })
    })();
    vm.repr_guard_exit(r);
    let s = res?;
    Ok(vm.new_str(s))
}

fn compare(vm: &mut Vm, a: Value, b: Value, kind: CmpKind) -> PyResult<Value> {
    if !is_deque(vm, b) {
        return Ok(vm.not_implemented);
    }
    let x: Vec<Value> = dq(vm, a)?.items.iter().copied().collect();
    let y: Vec<Value> = dq(vm, b)?.items.iter().copied().collect();
    // The first position where they differ decides (as for lists).
    for (&p, &q) in x.iter().zip(&y) {
        if !vm.eq(p, q)? {
            return match kind {
                CmpKind::Eq => Ok(Value::Bool(false)),
                CmpKind::Ne => Ok(Value::Bool(true)),
                _ => vm.compare(p, q, kind),
            };
        }
    }
    let (n, m) = (x.len(), y.len());
    Ok(Value::Bool(match kind {
        CmpKind::Lt => n < m,
        CmpKind::Le => n <= m,
        CmpKind::Eq => n == m,
        CmpKind::Ne => n != m,
        CmpKind::Gt => n > m,
        CmpKind::Ge => n >= m,
    }))
}

/// `_count_elements(mapping, iterable)`: mapping[x] = mapping.get(x, 0) + 1
/// for each x; straight on the dict when the mapping is a dict (or a
/// subclass such as Counter that keeps dict's item methods).
fn count_elements(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (mapping, iterable) = (a.pos[0], a.pos[1]);
    let direct = match mapping {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Dict(_) => Some(r),
            Obj::Instance(i) => {
                let base = i.base;
                let cls = i.class;
                let gk = vm.n.getitem;
                let sk = vm.n.setitem;
                let getk = vm.intern("get");
                let plain = vm.has_custom(cls, gk).is_none()
                    && vm.has_custom(cls, sk).is_none()
                    && vm.has_custom(cls, getk).is_none();
                match base {
                    Value::Obj(b) if plain && matches!(vm.heap.get(b), Obj::Dict(_)) => Some(b),
                    _ => None,
                }
            }
            _ => None,
        },
        _ => None,
    };
    let it = vm.iter(iterable)?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(it);
    let r = (|| -> PyResult<()> {
        let getk = vm.intern("get");
        while let Some(x) = vm.next(it)? {
            match direct {
                Some(d) => {
                    let h = vm.hash(x)?;
                    match vm.dict_find(d, x, h)? {
                        Some(ix) => {
                            let (old, ek) = vm
                                .dict_ref(d)
                                .entry_at(ix)
                                .map_or((Value::Int(0), x), |e| (e.value, e.key));
                            let new = match old {
                                Value::Int(n) if n < i64::MAX => Value::Int(n + 1),
                                _ => {
                                    vm.temp_roots.push(x);
                                    let r = vm.binary_op(
                                        old,
                                        Value::Int(1),
                                        crate::bytecode::op::BinOpKind::Add,
                                        false,
                                    );
                                    vm.temp_roots.pop();
                                    r?
                                }
                            };
                            vm.dict_mut(d).set_value_if_key_at(ix, ek, new);
                        }
                        None => vm.dict_mut(d).insert_new(h, x, Value::Int(1)),
                    }
                }
                None => {
                    vm.temp_roots.push(x);
                    let r = (|| -> PyResult<()> {
                        let old = vm.call_method(mapping, getk, &[x, Value::Int(0)])?;
                        let new = vm.binary_op(
                            old,
                            Value::Int(1),
                            crate::bytecode::op::BinOpKind::Add,
                            false,
                        )?;
                        vm.setitem(mapping, x, new)
                    })();
                    vm.temp_roots.pop();
                    r?;
                }
            }
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r.map(|_| Value::None)
}
