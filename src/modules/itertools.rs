//! The `itertools` module, native: every iterator is a Rust object (one
//! class per kind, as in CPython) whose `__next__` does one step. Steps
//! that call user code (a key, a predicate, the wrapped iterator's
//! `__next__`) do so through `vm.call` / `vm.next` and keep nothing but
//! Copy values across the call, so the collector sees everything through
//! the object's `trace`.
//!
//! The combinatoric iterators (product, permutations, combinations,
//! combinations_with_replacement) live in `itertools_comb`.

use crate::builtins::{add_classmethod, add_method, add_staticmethod, set_class_attr};
use crate::bytecode::op::BinOpKind;
use crate::object::*;
use crate::vm::Vm;

use super::itertools_comb::{self, Comb};
use super::{add_fn, new_module, set_attr};

/// One itertools iterator; `state` says which.
#[derive(Debug)]
pub struct Tool {
    pub class: ObjRef,
    pub state: State,
}

#[derive(Debug)]
pub enum State {
    Count {
        cur: Value,
        step: Value,
    },
    Cycle {
        it: Value,
        saved: Vec<Value>,
        idx: usize,
        /// The source is exhausted: replay `saved`.
        replay: bool,
    },
    Repeat {
        obj: Value,
        /// None: forever.
        left: Option<i64>,
    },
    Accumulate {
        it: Value,
        func: Value,
        total: Option<Value>,
        initial: Option<Value>,
    },
    Chain {
        /// An iterator over the iterables still to come.
        sources: Option<Value>,
        cur: Option<Value>,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    DropWhile {
        pred: Value,
        it: Value,
        dropping: bool,
    },
    TakeWhile {
        pred: Value,
        it: Value,
        done: bool,
    },
    FilterFalse {
        pred: Value,
        it: Value,
    },
    StarMap {
        func: Value,
        it: Value,
    },
    GroupBy {
        it: Value,
        key: Value,
        /// The key and value of the element the iterator stands on.
        cur: Option<(Value, Value)>,
        /// The key of the group handed out last.
        tgt: Option<Value>,
        /// Bumped per group, so an old _grouper stops.
        group: u64,
        done: bool,
    },
    Grouper {
        parent: Value,
        tgt: Value,
        group: u64,
    },
    ISlice {
        it: Option<Value>,
        next: usize,
        stop: Option<usize>,
        step: usize,
        count: usize,
    },
    Pairwise {
        it: Option<Value>,
        old: Option<Value>,
    },
    Tee {
        data: Value,
        idx: usize,
    },
    TeeData {
        it: Value,
        values: Vec<Value>,
        next: Option<Value>,
    },
    ZipLongest {
        its: Vec<Option<Value>>,
        fill: Value,
        active: usize,
    },
    Comb(Comb),
}

impl NativeObj for Tool {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        match &self.state {
            State::Count { cur, step } => out.extend([*cur, *step]),
            State::Cycle { it, saved, .. } => {
                out.push(*it);
                out.extend_from_slice(saved);
            }
            State::Repeat { obj, .. } => out.push(*obj),
            State::Accumulate {
                it,
                func,
                total,
                initial,
            } => {
                out.extend([*it, *func]);
                out.extend(total.iter().chain(initial.iter()).copied());
            }
            State::Chain { sources, cur } => out.extend(sources.iter().chain(cur.iter()).copied()),
            State::Compress { data, selectors } => out.extend([*data, *selectors]),
            State::DropWhile { pred, it, .. }
            | State::TakeWhile { pred, it, .. }
            | State::FilterFalse { pred, it } => out.extend([*pred, *it]),
            State::StarMap { func, it } => out.extend([*func, *it]),
            State::GroupBy {
                it, key, cur, tgt, ..
            } => {
                out.extend([*it, *key]);
                if let Some((k, v)) = cur {
                    out.extend([*k, *v]);
                }
                out.extend(tgt.iter().copied());
            }
            State::Grouper { parent, tgt, .. } => out.extend([*parent, *tgt]),
            State::ISlice { it, .. } => out.extend(it.iter().copied()),
            State::Pairwise { it, old } => out.extend(it.iter().chain(old.iter()).copied()),
            State::Tee { data, .. } => out.push(*data),
            State::TeeData { it, values, next } => {
                out.push(*it);
                out.extend_from_slice(values);
                out.extend(next.iter().copied());
            }
            State::ZipLongest { its, fill, .. } => {
                out.extend(its.iter().flatten().copied());
                out.push(*fill);
            }
            State::Comb(c) => c.trace(out),
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// The itertools state of `v`, if it is one of ours.
pub fn state(vm: &mut Vm, v: Value) -> Option<&mut State> {
    match v {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Obj::NativeObj(n) => n.as_any_mut().downcast_mut::<Tool>().map(|t| &mut t.state),
            _ => None,
        },
        _ => None,
    }
}

fn new_tool(vm: &mut Vm, cls: Value, state: State) -> PyResult<Value> {
    let Value::Obj(class) = cls else {
        return Err(vm.type_error("__new__ needs a class"));
    };
    Ok(vm.alloc(Obj::NativeObj(Box::new(Tool { class, state }))))
}

/// The classes, by their full names (`native_class` keys).
const CLASSES: &[&str] = &[
    "itertools.accumulate",
    "itertools.chain",
    "itertools.combinations",
    "itertools.combinations_with_replacement",
    "itertools.compress",
    "itertools.count",
    "itertools.cycle",
    "itertools.dropwhile",
    "itertools.filterfalse",
    "itertools.groupby",
    "itertools._grouper",
    "itertools.islice",
    "itertools.pairwise",
    "itertools.permutations",
    "itertools.product",
    "itertools.repeat",
    "itertools.starmap",
    "itertools.takewhile",
    "itertools._tee",
    "itertools._tee_dataobject",
    "itertools.zip_longest",
];

/// One of the module's classes by its short name.
pub(crate) fn class(vm: &Vm, short: &str) -> Value {
    CLASSES
        .iter()
        .find(|full| full.strip_prefix("itertools.") == Some(short))
        .and_then(|full| vm.native_classes.get(full))
        .map_or(Value::None, |&c| Value::Obj(c))
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "itertools");
    let doc = vm.new_str("Functional tools for creating and using iterators.");
    set_attr(vm, m, "__doc__", doc);
    for &full in CLASSES {
        let name = full.trim_start_matches("itertools.");
        let cls = vm.native_class(full, None);
        let modv = vm.intern("itertools");
        set_class_attr(vm, cls, "__module__", modv);
        add_method(vm, cls, "__iter__()", |_, a| Ok(a.pos[0]));
        add_method(vm, cls, "__next__()", tool_next);
        set_attr(vm, m, name, Value::Obj(cls));
    }
    let cls = |vm: &mut Vm, n: &str| -> ObjRef {
        let k = vm.intern(n);
        match vm.getattr(m, k) {
            Ok(Value::Obj(r)) => r,
            _ => vm.t.object,
        }
    };
    let c = cls(vm, "count");
    add_staticmethod(vm, c, "__new__(cls, start=0, step=1)", count_new);
    add_method(vm, c, "__repr__()", count_repr);
    let c = cls(vm, "cycle");
    add_staticmethod(vm, c, "__new__(cls, iterable, /)", |vm, a| {
        let it = vm.iter(a.pos[1])?;
        new_tool(
            vm,
            a.pos[0],
            State::Cycle {
                it,
                saved: Vec::new(),
                idx: 0,
                replay: false,
            },
        )
    });
    let c = cls(vm, "repeat");
    add_staticmethod(vm, c, "__new__(cls, object, times=None)", |vm, a| {
        let left = match a.get(vm, 2, "times") {
            None | Some(Value::None) if a.pos.len() < 3 && a.kw.is_empty() => None,
            Some(v) => match v {
                Value::Int(n) => Some(n.max(0)),
                Value::Bool(b) => Some(b as i64),
                _ => {
                    let tn = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            },
            None => None,
        };
        new_tool(
            vm,
            a.pos[0],
            State::Repeat {
                obj: a.pos[1],
                left,
            },
        )
    });
    add_method(vm, c, "__repr__()", repeat_repr);
    add_method(vm, c, "__length_hint__()", |vm, a| {
        match state(vm, a.pos[0]) {
            Some(State::Repeat { left: Some(n), .. }) => Ok(Value::Int(*n)),
            _ => Err(vm.type_error("len() of unsized object")),
        }
    });
    let c = cls(vm, "accumulate");
    add_staticmethod(
        vm,
        c,
        "__new__(cls, iterable, func=None, *, initial=None)",
        |vm, a| {
            let it = vm.iter(a.pos[1])?;
            let func = a.get(vm, 2, "func").unwrap_or(Value::None);
            let initial = a.kw(vm, "initial").filter(|v| !v.is_none());
            new_tool(
                vm,
                a.pos[0],
                State::Accumulate {
                    it,
                    func,
                    total: None,
                    initial,
                },
            )
        },
    );
    let c = cls(vm, "chain");
    add_staticmethod(vm, c, "__new__(cls, /, *iterables)", |vm, a| {
        let t = vm.new_tuple(a.pos[1..].to_vec());
        let sources = vm.iter(t)?;
        new_tool(
            vm,
            a.pos[0],
            State::Chain {
                sources: Some(sources),
                cur: None,
            },
        )
    });
    add_classmethod(vm, c, "from_iterable(iterable, /)", |vm, a| {
        let sources = vm.iter(a.pos[1])?;
        new_tool(
            vm,
            a.pos[0],
            State::Chain {
                sources: Some(sources),
                cur: None,
            },
        )
    });
    let c = cls(vm, "compress");
    add_staticmethod(vm, c, "__new__(cls, data, selectors)", |vm, a| {
        let data = vm.iter(a.pos[1])?;
        vm.temp_roots.push(data);
        let selectors = vm.iter(a.pos[2]);
        vm.temp_roots.pop();
        let selectors = selectors?;
        new_tool(vm, a.pos[0], State::Compress { data, selectors })
    });
    let c = cls(vm, "dropwhile");
    add_staticmethod(vm, c, "__new__(cls, predicate, iterable, /)", |vm, a| {
        let it = vm.iter(a.pos[2])?;
        let pred = a.pos[1];
        new_tool(
            vm,
            a.pos[0],
            State::DropWhile {
                pred,
                it,
                dropping: true,
            },
        )
    });
    let c = cls(vm, "takewhile");
    add_staticmethod(vm, c, "__new__(cls, predicate, iterable, /)", |vm, a| {
        let it = vm.iter(a.pos[2])?;
        let pred = a.pos[1];
        new_tool(
            vm,
            a.pos[0],
            State::TakeWhile {
                pred,
                it,
                done: false,
            },
        )
    });
    let c = cls(vm, "filterfalse");
    add_staticmethod(vm, c, "__new__(cls, function, iterable, /)", |vm, a| {
        let it = vm.iter(a.pos[2])?;
        new_tool(vm, a.pos[0], State::FilterFalse { pred: a.pos[1], it })
    });
    let c = cls(vm, "starmap");
    add_staticmethod(vm, c, "__new__(cls, function, iterable, /)", |vm, a| {
        let it = vm.iter(a.pos[2])?;
        new_tool(vm, a.pos[0], State::StarMap { func: a.pos[1], it })
    });
    let c = cls(vm, "groupby");
    add_staticmethod(vm, c, "__new__(cls, iterable, key=None)", |vm, a| {
        let it = vm.iter(a.pos[1])?;
        let key = a.get(vm, 2, "key").unwrap_or(Value::None);
        new_tool(
            vm,
            a.pos[0],
            State::GroupBy {
                it,
                key,
                cur: None,
                tgt: None,
                group: 0,
                done: false,
            },
        )
    });
    let c = cls(vm, "islice");
    add_staticmethod(vm, c, "__new__(cls, iterable, /, *args)", islice_new);
    let c = cls(vm, "pairwise");
    add_staticmethod(vm, c, "__new__(cls, iterable, /)", |vm, a| {
        let it = vm.iter(a.pos[1])?;
        new_tool(
            vm,
            a.pos[0],
            State::Pairwise {
                it: Some(it),
                old: None,
            },
        )
    });
    let c = cls(vm, "zip_longest");
    add_staticmethod(
        vm,
        c,
        "__new__(cls, /, *iterables, fillvalue=None)",
        |vm, a| {
            let fill = a.kw(vm, "fillvalue").unwrap_or(Value::None);
            let mut its = Vec::with_capacity(a.pos.len() - 1);
            let mark = vm.temp_roots.len();
            for &x in &a.pos[1..] {
                match vm.iter(x) {
                    Ok(it) => {
                        vm.temp_roots.push(it);
                        its.push(Some(it));
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(mark);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(mark);
            let active = its.len();
            new_tool(vm, a.pos[0], State::ZipLongest { its, fill, active })
        },
    );
    let c = cls(vm, "_tee");
    add_method(vm, c, "__copy__()", |vm, a| match state(vm, a.pos[0]) {
        Some(State::Tee { data, idx }) => {
            let st = State::Tee {
                data: *data,
                idx: *idx,
            };
            let cls = Value::Obj(vm.type_of(a.pos[0]));
            new_tool(vm, cls, st)
        }
        _ => Err(vm.type_error("expected a _tee object")),
    });
    add_fn(vm, m, "tee(iterable, n=2, /)", tee);
    itertools_comb::install(vm, m, &cls)?;
    Ok(m)
}

/// `__next__` of every itertools iterator.
fn tool_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match step(vm, a.pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

/// Call `f(x)` with `x` rooted.
fn call1(vm: &mut Vm, f: Value, x: Value) -> PyResult<Value> {
    vm.temp_roots.push(x);
    let r = vm.call(f, &[x]);
    vm.temp_roots.pop();
    r
}

fn step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(st) = state(vm, me) else {
        return Err(vm.type_error("an itertools iterator was expected"));
    };
    match st {
        State::Count { cur, step } => {
            let (c, s) = (*cur, *step);
            if let (Value::Int(x), Value::Int(y)) = (c, s) {
                if let Some(n) = x.checked_add(y) {
                    *cur = Value::Int(n);
                    return Ok(Some(c));
                }
            }
            vm.temp_roots.push(c);
            let next = vm.binary_op(c, s, BinOpKind::Add, false);
            vm.temp_roots.pop();
            let next = next?;
            if let Some(State::Count { cur, .. }) = state(vm, me) {
                *cur = next;
            }
            Ok(Some(c))
        }
        State::Repeat { obj, left } => match left {
            None => Ok(Some(*obj)),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(*obj))
            }
        },
        State::Cycle {
            it,
            saved,
            idx,
            replay,
        } => {
            if *replay {
                if saved.is_empty() {
                    return Ok(None);
                }
                let v = saved[*idx];
                *idx = (*idx + 1) % saved.len();
                return Ok(Some(v));
            }
            let it = *it;
            match vm.next(it)? {
                Some(v) => {
                    if let Some(State::Cycle { saved, .. }) = state(vm, me) {
                        saved.push(v);
                    }
                    Ok(Some(v))
                }
                None => {
                    let Some(State::Cycle {
                        saved, idx, replay, ..
                    }) = state(vm, me)
                    else {
                        return Ok(None);
                    };
                    *replay = true;
                    if saved.is_empty() {
                        return Ok(None);
                    }
                    *idx = 1 % saved.len();
                    Ok(Some(saved[0]))
                }
            }
        }
        State::Accumulate {
            it,
            func,
            total,
            initial,
        } => {
            if let Some(init) = initial.take() {
                *total = Some(init);
                return Ok(Some(init));
            }
            let (it, func, prev) = (*it, *func, *total);
            let Some(v) = vm.next(it)? else {
                return Ok(None);
            };
            let new = match prev {
                None => v,
                Some(p) => {
                    vm.temp_roots.extend([p, v]);
                    let r = if func.is_none() {
                        vm.binary_op(p, v, BinOpKind::Add, false)
                    } else {
                        vm.call(func, &[p, v])
                    };
                    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
                    r?
                }
            };
            if let Some(State::Accumulate { total, .. }) = state(vm, me) {
                *total = Some(new);
            }
            Ok(Some(new))
        }
        State::Chain { .. } => chain_step(vm, me),
        State::Compress { data, selectors } => {
            let (data, selectors) = (*data, *selectors);
            loop {
                let Some(d) = vm.next(data)? else {
                    return Ok(None);
                };
                vm.temp_roots.push(d);
                let s = vm.next(selectors);
                let keep = match s {
                    Ok(Some(s)) => vm.truthy(s),
                    Ok(None) => {
                        vm.temp_roots.pop();
                        return Ok(None);
                    }
                    Err(e) => Err(e),
                };
                vm.temp_roots.pop();
                if keep? {
                    return Ok(Some(d));
                }
            }
        }
        State::DropWhile { pred, it, dropping } => {
            let (pred, it, drop) = (*pred, *it, *dropping);
            loop {
                let Some(v) = vm.next(it)? else {
                    return Ok(None);
                };
                if !drop {
                    return Ok(Some(v));
                }
                let r = call1(vm, pred, v)?;
                if !vm.truthy(r)? {
                    if let Some(State::DropWhile { dropping, .. }) = state(vm, me) {
                        *dropping = false;
                    }
                    return Ok(Some(v));
                }
            }
        }
        State::TakeWhile { pred, it, done } => {
            if *done {
                return Ok(None);
            }
            let (pred, it) = (*pred, *it);
            let Some(v) = vm.next(it)? else {
                return Ok(None);
            };
            vm.temp_roots.push(v);
            let r = vm.call(pred, &[v]).and_then(|r| vm.truthy(r));
            vm.temp_roots.pop();
            if r? {
                return Ok(Some(v));
            }
            if let Some(State::TakeWhile { done, .. }) = state(vm, me) {
                *done = true;
            }
            Ok(None)
        }
        State::FilterFalse { pred, it } => {
            let (pred, it) = (*pred, *it);
            loop {
                let Some(v) = vm.next(it)? else {
                    return Ok(None);
                };
                let keep = if pred.is_none() {
                    !vm.truthy(v)?
                } else {
                    vm.temp_roots.push(v);
                    let r = vm.call(pred, &[v]).and_then(|r| vm.truthy(r));
                    vm.temp_roots.pop();
                    !r?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        State::StarMap { func, it } => {
            let (func, it) = (*func, *it);
            let Some(v) = vm.next(it)? else {
                return Ok(None);
            };
            vm.temp_roots.push(v);
            let args = vm.collect_iterable(v);
            let r = match args {
                Ok(args) => vm.call(func, &args),
                Err(e) => Err(e),
            };
            vm.temp_roots.pop();
            r.map(Some)
        }
        State::GroupBy { .. } => groupby_step(vm, me),
        State::Grouper { .. } => grouper_step(vm, me),
        State::ISlice { .. } => islice_step(vm, me),
        State::Pairwise { it, old } => {
            let Some(src) = *it else { return Ok(None) };
            let prev = match *old {
                Some(p) => p,
                None => match vm.next(src)? {
                    Some(p) => p,
                    None => {
                        if let Some(State::Pairwise { it, .. }) = state(vm, me) {
                            *it = None;
                        }
                        return Ok(None);
                    }
                },
            };
            vm.temp_roots.push(prev);
            let n = vm.next(src);
            vm.temp_roots.pop();
            match n? {
                Some(v) => {
                    if let Some(State::Pairwise { old, .. }) = state(vm, me) {
                        *old = Some(v);
                    }
                    Ok(Some(vm.new_tuple(vec![prev, v])))
                }
                None => {
                    if let Some(State::Pairwise { it, old }) = state(vm, me) {
                        *it = None;
                        *old = None;
                    }
                    Ok(None)
                }
            }
        }
        State::Tee { .. } => tee_step(vm, me),
        State::TeeData { .. } => Err(vm.type_error("'_tee_dataobject' object is not an iterator")),
        State::ZipLongest { .. } => zip_longest_step(vm, me),
        State::Comb(_) => itertools_comb::step(vm, me),
    }
}

fn chain_step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    loop {
        let Some(State::Chain { sources, cur }) = state(vm, me) else {
            return Ok(None);
        };
        let (sources, cur) = (*sources, *cur);
        if let Some(c) = cur {
            match vm.next(c) {
                Ok(Some(v)) => return Ok(Some(v)),
                Ok(None) => {
                    if let Some(State::Chain { cur, .. }) = state(vm, me) {
                        *cur = None;
                    }
                }
                Err(e) => return Err(e),
            }
        }
        let Some(src) = sources else { return Ok(None) };
        match vm.next(src)? {
            Some(iterable) => {
                vm.temp_roots.push(iterable);
                let it = vm.iter(iterable);
                vm.temp_roots.pop();
                let it = it?;
                if let Some(State::Chain { cur, .. }) = state(vm, me) {
                    *cur = Some(it);
                }
            }
            None => {
                if let Some(State::Chain { sources, .. }) = state(vm, me) {
                    *sources = None;
                }
                return Ok(None);
            }
        }
    }
}

/// Move the groupby to its next element: Ok(false) at the end.
fn groupby_advance(vm: &mut Vm, me: Value) -> PyResult<bool> {
    let Some(State::GroupBy { it, key, .. }) = state(vm, me) else {
        return Ok(false);
    };
    let (it, key) = (*it, *key);
    let Some(v) = vm.next(it)? else {
        if let Some(State::GroupBy { done, cur, .. }) = state(vm, me) {
            *done = true;
            *cur = None;
        }
        return Ok(false);
    };
    let k = if key.is_none() { v } else { call1(vm, key, v)? };
    if let Some(State::GroupBy { cur, .. }) = state(vm, me) {
        *cur = Some((k, v));
    }
    Ok(true)
}

fn groupby_step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    // Skip to the first element whose key differs from the last group's.
    loop {
        let Some(State::GroupBy { cur, tgt, done, .. }) = state(vm, me) else {
            return Ok(None);
        };
        if *done {
            return Ok(None);
        }
        let (cur, tgt) = (*cur, *tgt);
        match (cur, tgt) {
            (None, _) => {
                if !groupby_advance(vm, me)? {
                    return Ok(None);
                }
            }
            (Some((k, _)), Some(t)) => {
                vm.temp_roots.extend([k, t]);
                let same = vm.eq(t, k);
                vm.temp_roots.truncate(vm.temp_roots.len() - 2);
                if !same? {
                    break;
                }
                if !groupby_advance(vm, me)? {
                    return Ok(None);
                }
            }
            (Some(_), None) => break,
        }
    }
    let Some(State::GroupBy {
        cur, tgt, group, ..
    }) = state(vm, me)
    else {
        return Ok(None);
    };
    let Some((k, _)) = *cur else { return Ok(None) };
    *tgt = Some(k);
    *group += 1;
    let g = *group;
    let gcls = class(vm, "_grouper");
    let grouper = new_tool(
        vm,
        gcls,
        State::Grouper {
            parent: me,
            tgt: k,
            group: g,
        },
    )?;
    Ok(Some(vm.new_tuple(vec![k, grouper])))
}

fn grouper_step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(State::Grouper { parent, tgt, group }) = state(vm, me) else {
        return Ok(None);
    };
    let (parent, tgt, group) = (*parent, *tgt, *group);
    let Some(State::GroupBy {
        cur,
        group: pg,
        done,
        ..
    }) = state(vm, parent)
    else {
        return Ok(None);
    };
    if *pg != group || *done {
        return Ok(None);
    }
    let cur = *cur;
    let (k, v) = match cur {
        Some(kv) => kv,
        None => {
            if !groupby_advance(vm, parent)? {
                return Ok(None);
            }
            match state(vm, parent) {
                Some(State::GroupBy { cur: Some(kv), .. }) => *kv,
                _ => return Ok(None),
            }
        }
    };
    vm.temp_roots.extend([k, v]);
    let same = vm.eq(tgt, k);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    if !same? {
        return Ok(None);
    }
    // Consumed: the parent moves on when asked next.
    if let Some(State::GroupBy { cur, .. }) = state(vm, parent) {
        *cur = None;
    }
    Ok(Some(v))
}

/// An islice argument: None or an int in 0..=sys.maxsize.
fn islice_arg(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Option<usize>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) if i >= 0 => Ok(Some(i as usize)),
        Value::Bool(b) => Ok(Some(b as usize)),
        _ => Err(vm.value_error(msg)),
    }
}

fn islice_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let rest = &a.pos[2..];
    let (start, stop, step) = match rest.len() {
        1 => (Value::None, rest[0], Value::None),
        2 => (rest[0], rest[1], Value::None),
        3 => (rest[0], rest[1], rest[2]),
        n => {
            return Err(vm.type_error(if n == 0 {
                "islice expected at least 2 arguments, got 1".to_string()
            } else {
                format!("islice expected at most 4 arguments, got {}", n + 1)
            }))
        }
    };
    let stop = if rest.len() == 1 {
        islice_arg(
            vm,
            stop,
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?
    } else {
        islice_arg(
            vm,
            stop,
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?
    };
    let start = islice_arg(
        vm,
        start,
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
    )?
    .unwrap_or(0);
    let step = match step {
        Value::None => 1,
        Value::Int(i) if i >= 1 => i as usize,
        _ => {
            return Err(vm.value_error("Step for islice() must be a positive integer or None."));
        }
    };
    let it = vm.iter(a.pos[1])?;
    new_tool(
        vm,
        a.pos[0],
        State::ISlice {
            it: Some(it),
            next: start,
            stop,
            step,
            count: 0,
        },
    )
}

fn islice_step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(State::ISlice {
        it,
        next,
        stop,
        step,
        count,
    }) = state(vm, me)
    else {
        return Ok(None);
    };
    let Some(src) = *it else { return Ok(None) };
    let (mut nxt, stop, step, mut cnt) = (*next, *stop, *step, *count);
    // Skip to the next index wanted.
    while cnt < nxt {
        if stop.is_some_and(|s| cnt >= s) {
            break;
        }
        match vm.next(src)? {
            Some(_) => cnt += 1,
            None => {
                if let Some(State::ISlice { it, .. }) = state(vm, me) {
                    *it = None;
                }
                return Ok(None);
            }
        }
    }
    if stop.is_some_and(|s| cnt >= s) {
        if let Some(State::ISlice { it, count, .. }) = state(vm, me) {
            *it = None;
            *count = cnt;
        }
        return Ok(None);
    }
    let r = vm.next(src)?;
    match r {
        Some(v) => {
            cnt += 1;
            nxt = nxt.saturating_add(step);
            if let Some(stop) = stop {
                nxt = nxt.min(stop.max(cnt));
            }
            if let Some(State::ISlice { next, count, .. }) = state(vm, me) {
                *next = nxt;
                *count = cnt;
            }
            Ok(Some(v))
        }
        None => {
            if let Some(State::ISlice { it, .. }) = state(vm, me) {
                *it = None;
            }
            Ok(None)
        }
    }
}

fn zip_longest_step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(State::ZipLongest { its, fill, active }) = state(vm, me) else {
        return Ok(None);
    };
    if *active == 0 || its.is_empty() {
        return Ok(None);
    }
    let its: Vec<Option<Value>> = its.clone();
    let fill = *fill;
    let mut out = Vec::with_capacity(its.len());
    let mark = vm.temp_roots.len();
    for (i, it) in its.into_iter().enumerate() {
        let v = match it {
            None => fill,
            Some(it) => match vm.next(it) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    let Some(State::ZipLongest { its, active, .. }) = state(vm, me) else {
                        return Ok(None);
                    };
                    its[i] = None;
                    *active -= 1;
                    if *active == 0 {
                        vm.temp_roots.truncate(mark);
                        return Ok(None);
                    }
                    fill
                }
                Err(e) => {
                    vm.temp_roots.truncate(mark);
                    return Err(e);
                }
            },
        };
        vm.temp_roots.push(v);
        out.push(v);
    }
    vm.temp_roots.truncate(mark);
    Ok(Some(vm.new_tuple(out)))
}

// ---- tee: tee objects share linked data objects of up to TEE_LINK values ----

const TEE_LINK: usize = 57;

fn tee(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = match a.pos.get(1) {
        None => 2,
        Some(Value::Int(n)) if *n >= 0 => *n as usize,
        Some(Value::Int(_)) => return Err(vm.value_error("n must be >= 0")),
        Some(&v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if n == 0 {
        return Ok(vm.empty_tuple);
    }
    let src = a.pos[0];
    let (tee_cls, data_cls) = (class(vm, "_tee"), class(vm, "_tee_dataobject"));
    // A tee of a tee shares its data (CPython copies it with __copy__).
    let first = match state(vm, src) {
        Some(State::Tee { data, idx }) => State::Tee {
            data: *data,
            idx: *idx,
        },
        _ => {
            let it = vm.iter(src)?;
            vm.temp_roots.push(it);
            let data = new_tool(
                vm,
                data_cls,
                State::TeeData {
                    it,
                    values: Vec::new(),
                    next: None,
                },
            );
            vm.temp_roots.pop();
            State::Tee {
                data: data?,
                idx: 0,
            }
        }
    };
    let State::Tee { data, idx } = first else {
        unreachable!("built above")
    };
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(data);
    let mut out: Vec<Value> = vm.try_vec(n)?;
    for _ in 0..n {
        let t = new_tool(vm, tee_cls, State::Tee { data, idx })?;
        vm.temp_roots.push(t);
        out.push(t);
    }
    vm.temp_roots.truncate(mark);
    Ok(vm.new_tuple(out))
}

fn tee_step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(State::Tee { data, idx }) = state(vm, me) else {
        return Ok(None);
    };
    let (mut data, mut idx) = (*data, *idx);
    if idx >= TEE_LINK {
        // Move to the next link (made by whichever tee got there first).
        let next = match state(vm, data) {
            Some(State::TeeData { next: Some(n), .. }) => *n,
            Some(State::TeeData { it, next, .. }) => {
                let it = *it;
                let _ = next;
                let cls = Value::Obj(vm.type_of(data));
                vm.temp_roots.push(data);
                let n = new_tool(
                    vm,
                    cls,
                    State::TeeData {
                        it,
                        values: Vec::new(),
                        next: None,
                    },
                );
                vm.temp_roots.pop();
                let n = n?;
                if let Some(State::TeeData { next, .. }) = state(vm, data) {
                    *next = Some(n);
                }
                n
            }
            _ => return Ok(None),
        };
        data = next;
        idx = 0;
        if let Some(State::Tee { data: d, idx: i }) = state(vm, me) {
            *d = data;
            *i = 0;
        }
    }
    let (have, it) = match state(vm, data) {
        Some(State::TeeData { values, it, .. }) => (values.get(idx).copied(), *it),
        _ => return Ok(None),
    };
    let v = match have {
        Some(v) => v,
        None => {
            vm.temp_roots.push(data);
            let r = vm.next(it);
            vm.temp_roots.pop();
            match r? {
                Some(v) => {
                    if let Some(State::TeeData { values, .. }) = state(vm, data) {
                        values.push(v);
                    }
                    v
                }
                None => return Ok(None),
            }
        }
    };
    if let Some(State::Tee { idx: i, .. }) = state(vm, me) {
        *i = idx + 1;
    }
    Ok(Some(v))
}

// ---- count and repeat ----

fn count_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let start = a.get(vm, 1, "start").unwrap_or(Value::Int(0));
    let step = a.get(vm, 2, "step").unwrap_or(Value::Int(1));
    for v in [start, step] {
        if vm.num(v).is_none() && !is_number_like(vm, v) {
            return Err(vm.type_error("a number is required"));
        }
    }
    new_tool(vm, a.pos[0], State::Count { cur: start, step })
}

/// Instances of number-like classes (Fraction, Decimal, int subclasses...).
fn is_number_like(vm: &mut Vm, v: Value) -> bool {
    let ak = vm.intern("__add__");
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_) | Obj::Complex(..)))
        && vm.lookup_special(v, ak).is_some()
}

fn count_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(State::Count { cur, step }) = state(vm, a.pos[0]) else {
        return Err(vm.type_error("expected a count object"));
    };
    let (cur, step) = (*cur, *step);
    let c = vm.repr_string(cur)?;
    let s = if matches!(step, Value::Int(1)) {
        format!("count({c})")
    } else {
        let st = vm.repr_string(step)?;
        format!("count({c}, {st})")
    };
    Ok(vm.new_str(s))
}

fn repeat_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(State::Repeat { obj, left }) = state(vm, a.pos[0]) else {
        return Err(vm.type_error("expected a repeat object"));
    };
    let (obj, left) = (*obj, *left);
    let o = vm.repr_string(obj)?;
    let s = match left {
        Some(n) => format!("repeat({o}, {n})"),
        None => format!("repeat({o})"),
    };
    Ok(vm.new_str(s))
}

/// Set on module classes defined elsewhere (the combinatoric iterators).
pub(crate) fn new_comb(vm: &mut Vm, cls: Value, c: Comb) -> PyResult<Value> {
    new_tool(vm, cls, State::Comb(c))
}
