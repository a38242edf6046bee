//! `_heapq` and `_bisect`: the binary-heap and binary-search primitives
//! behind heapq and bisect, native because they sit in inner loops.
//!
//! The heap keeps CPython's layout exactly (scripts print heaps): a pop
//! moves the smaller child up until a leaf is reached and then sifts the
//! displaced last item back towards the root (Floyd's bottom-up variant),
//! and heapify sifts each parent from the middle of the list down to 0.
//! Comparisons use `<` only; a user `__lt__` may run, so every step
//! re-reads the list and a change of its size raises RuntimeError.

use crate::bytecode::op::CmpKind;
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module};

pub fn make_heapq(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_heapq");
    add_fn(vm, m, "heappush(heap, item, /)", |vm, a| {
        let h = heap_list(vm, a.pos[0], "heappush")?;
        list_mut(vm, h).push(a.pos[1]);
        let n = list_len(vm, h);
        sift_down(vm, h, 0, n - 1, false)?;
        Ok(Value::None)
    });
    add_fn(vm, m, "heappop(heap, /)", |vm, a| pop(vm, a.pos[0], false));
    add_fn(vm, m, "_heappop_max(heap, /)", |vm, a| {
        pop(vm, a.pos[0], true)
    });
    add_fn(vm, m, "heapify(heap, /)", |vm, a| {
        heapify(vm, a.pos[0], false)
    });
    add_fn(vm, m, "_heapify_max(heap, /)", |vm, a| {
        heapify(vm, a.pos[0], true)
    });
    add_fn(vm, m, "heapreplace(heap, item, /)", |vm, a| {
        replace(vm, a.pos[0], a.pos[1], false)
    });
    add_fn(vm, m, "_heapreplace_max(heap, item, /)", |vm, a| {
        replace(vm, a.pos[0], a.pos[1], true)
    });
    add_fn(vm, m, "heappushpop(heap, item, /)", |vm, a| {
        let h = heap_list(vm, a.pos[0], "heappushpop")?;
        let item = a.pos[1];
        let Some(top) = list_get(vm, h, 0) else {
            return Ok(item);
        };
        if !less(vm, top, item, false)? {
            return Ok(item);
        }
        let n = list_len(vm, h);
        if n == 0 {
            return Err(vm.new_error(vm.t.index_error, "index out of range"));
        }
        let top = list_mut(vm, h)[0];
        list_mut(vm, h)[0] = item;
        vm.temp_roots.push(top);
        let r = sift_up(vm, h, 0, false);
        vm.temp_roots.pop();
        r.map(|_| top)
    });
    Ok(m)
}

fn heap_list(vm: &mut Vm, v: Value, func: &str) -> PyResult<ObjRef> {
    match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::List(_)) => Ok(r),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{func}() argument 1 must be list, not {tn}")))
        }
    }
}

fn list_mut(vm: &mut Vm, r: ObjRef) -> &mut Vec<Value> {
    match vm.heap.get_mut(r) {
        Obj::List(l) => l,
        _ => unreachable!("checked to be a list"),
    }
}

fn list_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Obj::List(l) => l.len(),
        _ => 0,
    }
}

fn list_get(vm: &Vm, r: ObjRef, i: usize) -> Option<Value> {
    match vm.heap.get(r) {
        Obj::List(l) => l.get(i).copied(),
        _ => None,
    }
}

/// `a < b` (`b < a` for the max-heap variants).
fn less(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    let (x, y) = if max { (b, a) } else { (a, b) };
    match (x, y) {
        (Value::Int(p), Value::Int(q)) => return Ok(p < q),
        (Value::Float(p), Value::Float(q)) => return Ok(p < q),
        _ => {}
    }
    vm.temp_roots.extend([x, y]);
    let r = vm.compare(x, y, CmpKind::Lt).and_then(|r| vm.truthy(r));
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r
}

fn changed(vm: &mut Vm) -> Value {
    vm.runtime_error("list changed size during iteration")
}

/// Move the item at `pos` up towards `start` while it is smaller than
/// its parent.
fn sift_down(vm: &mut Vm, h: ObjRef, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let n = list_len(vm, h);
    let Some(item) = list_get(vm, h, pos) else {
        return Err(vm.new_error(vm.t.index_error, "index out of range"));
    };
    vm.temp_roots.push(item);
    let r = (|| -> PyResult<()> {
        while pos > start {
            let parent_pos = (pos - 1) >> 1;
            let parent = list_get(vm, h, parent_pos).unwrap_or(Value::None);
            let lt = less(vm, item, parent, max)?;
            if list_len(vm, h) != n {
                return Err(changed(vm));
            }
            if !lt {
                break;
            }
            let l = list_mut(vm, h);
            l[pos] = parent;
            pos = parent_pos;
        }
        list_mut(vm, h)[pos] = item;
        Ok(())
    })();
    vm.temp_roots.pop();
    r
}

/// Bottom-up: move the smaller child up until `pos` is a leaf, put the
/// item there, then sift it back down towards `pos`'s start.
fn sift_up(vm: &mut Vm, h: ObjRef, mut pos: usize, max: bool) -> PyResult<()> {
    let n = list_len(vm, h);
    let start = pos;
    let Some(item) = list_get(vm, h, pos) else {
        return Err(vm.new_error(vm.t.index_error, "index out of range"));
    };
    vm.temp_roots.push(item);
    let r = (|| -> PyResult<()> {
        let mut child = 2 * pos + 1;
        while child < n {
            let right = child + 1;
            if right < n {
                let (c, r) = (
                    list_get(vm, h, child).unwrap_or(Value::None),
                    list_get(vm, h, right).unwrap_or(Value::None),
                );
                let lt = less(vm, c, r, max)?;
                if list_len(vm, h) != n {
                    return Err(changed(vm));
                }
                if !lt {
                    child = right;
                }
            }
            let l = list_mut(vm, h);
            l[pos] = l[child];
            pos = child;
            child = 2 * pos + 1;
        }
        list_mut(vm, h)[pos] = item;
        Ok(())
    })();
    vm.temp_roots.pop();
    r?;
    sift_down(vm, h, start, pos, max)
}

fn pop(vm: &mut Vm, heap: Value, max: bool) -> PyResult<Value> {
    let h = heap_list(vm, heap, if max { "_heappop_max" } else { "heappop" })?;
    let Some(last) = list_mut(vm, h).pop() else {
        return Err(vm.new_error(vm.t.index_error, "index out of range"));
    };
    if list_len(vm, h) == 0 {
        return Ok(last);
    }
    let top = std::mem::replace(&mut list_mut(vm, h)[0], last);
    vm.temp_roots.push(top);
    let r = sift_up(vm, h, 0, max);
    vm.temp_roots.pop();
    r.map(|_| top)
}

fn heapify(vm: &mut Vm, heap: Value, max: bool) -> PyResult<Value> {
    let h = heap_list(vm, heap, if max { "_heapify_max" } else { "heapify" })?;
    let n = list_len(vm, h);
    for i in (0..n / 2).rev() {
        if list_len(vm, h) != n {
            return Err(changed(vm));
        }
        sift_up(vm, h, i, max)?;
    }
    Ok(Value::None)
}

fn replace(vm: &mut Vm, heap: Value, item: Value, max: bool) -> PyResult<Value> {
    let h = heap_list(
        vm,
        heap,
        if max {
            "_heapreplace_max"
        } else {
            "heapreplace"
        },
    )?;
    if list_len(vm, h) == 0 {
        return Err(vm.new_error(vm.t.index_error, "index out of range"));
    }
    let top = std::mem::replace(&mut list_mut(vm, h)[0], item);
    vm.temp_roots.push(top);
    let r = sift_up(vm, h, 0, max);
    vm.temp_roots.pop();
    r.map(|_| top)
}

// ---- bisect ----

pub fn make_bisect(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_bisect");
    add_fn(
        vm,
        m,
        "bisect_right(a, x, lo=0, hi=None, *, key=None)",
        |vm, a| search(vm, &a, true).map(|i| Value::Int(i as i64)),
    );
    add_fn(
        vm,
        m,
        "bisect_left(a, x, lo=0, hi=None, *, key=None)",
        |vm, a| search(vm, &a, false).map(|i| Value::Int(i as i64)),
    );
    add_fn(
        vm,
        m,
        "insort_right(a, x, lo=0, hi=None, *, key=None)",
        |vm, a| insort(vm, &a, true),
    );
    add_fn(
        vm,
        m,
        "insort_left(a, x, lo=0, hi=None, *, key=None)",
        |vm, a| insort(vm, &a, false),
    );
    Ok(m)
}

/// The insertion point of x in the sorted a[lo:hi]: after equal items
/// (`right`) or before them. With key, x is compared to key(a[i]) (x
/// itself is not passed through key, as CPython's bisect does).
fn search(vm: &mut Vm, a: &Args, right: bool) -> PyResult<usize> {
    let seq = a.pos[0];
    let x = a.pos[1];
    let lo = match a.get(vm, 2, "lo") {
        None => 0,
        Some(v) => index(vm, v)?,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match a.get(vm, 3, "hi") {
        None | Some(Value::None) => vm.len(seq)? as i64,
        Some(v) => index(vm, v)?,
    };
    let key = a.kw(vm, "key").filter(|k| !k.is_none());
    let (mut lo, mut hi) = (lo as usize, hi.max(0) as usize);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = match seq {
            Value::Obj(r) => match vm.heap.get(r) {
                Obj::List(l) => l.get(mid).copied(),
                _ => None,
            },
            _ => None,
        };
        if item.is_none() {
            item = Some(vm.getitem(seq, Value::Int(mid as i64))?);
        }
        let mut item = item.unwrap_or(Value::None);
        if let Some(k) = key {
            vm.temp_roots.push(item);
            let r = vm.call(k, &[item]);
            vm.temp_roots.pop();
            item = r?;
        }
        // right: x < item goes left; left: item < x goes right.
        let go_left = if right {
            less(vm, x, item, false)?
        } else {
            !less(vm, item, x, false)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn insort(vm: &mut Vm, a: &Args, right: bool) -> PyResult<Value> {
    let x = a.pos[1];
    // With key, the search compares key(x) with key(a[i]).
    let i = match a.kw(vm, "key").filter(|k| !k.is_none()) {
        Some(k) => {
            let kx = vm.call(k, &[x])?;
            vm.temp_roots.push(kx);
            let mut pos: Vec<Value> = a.pos.to_vec();
            pos[1] = kx;
            let args = Args {
                pos: &pos,
                kw: a.kw,
            };
            let r = search(vm, &args, right);
            vm.temp_roots.pop();
            r?
        }
        None => search(vm, a, right)?,
    };
    let seq = a.pos[0];
    if let Value::Obj(r) = seq {
        if let Obj::List(l) = vm.heap.get_mut(r) {
            let at = i.min(l.len());
            l.insert(at, x);
            return Ok(Value::None);
        }
    }
    let ik = vm.intern("insert");
    vm.call_method(seq, ik, &[Value::Int(i as i64), x])?;
    Ok(Value::None)
}
