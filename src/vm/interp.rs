//! The dispatch loop.
//!
//! Weft-to-weft calls push a frame and continue this loop; generator resumes
//! switch fibers and continue it too. The loop returns only when a frame
//! marked `exit` returns or raises, or when a fiber resumed by a native
//! yields: see `Exit`.

use crate::bytecode::op::{BinOpKind, CmpKind, Conversion, Op, UnaryKind};
use crate::object::*;

use super::call::Invoked;
use super::interrupt::Interrupted;
use super::{Exit, Vm};

/// If the call at `ip - 1` is awaited right away (`await f(...)`:
/// GetAwaitable, LoadConst None, YieldFrom follow), where the caller
/// resumes once the await completes.
#[inline]
fn awaited_call(ops: &[Op], ip: usize, code: &CodeRt) -> Option<u32> {
    match ops.get(ip..ip + 3) {
        Some(&[Op::GetAwaitable, Op::LoadConst(c), Op::YieldFrom])
            if code.consts[c as usize].is_none() =>
        {
            Some(ip as u32 + 3)
        }
        _ => None,
    }
}

#[inline]
fn int_cmp(x: i64, y: i64, kind: CmpKind) -> bool {
    match kind {
        CmpKind::Lt => x < y,
        CmpKind::Le => x <= y,
        CmpKind::Eq => x == y,
        CmpKind::Ne => x != y,
        CmpKind::Gt => x > y,
        CmpKind::Ge => x >= y,
    }
}

/// SiteCache kinds (see `SiteCache`).
const ATTR_LOAD: u8 = 1;
const METHOD: u8 = SiteCache::METHOD;
const ATTR_STORE: u8 = 3;
const MODULE_ATTR: u8 = 4;

/// The way of `site` whose key is `key` (see `SiteCache::key`). A site
/// belongs to one kind of instruction, so for a class (version >= 1) the
/// key alone says what the entry is; module entries (version 0) are
/// checked for their kind by the caller.
#[inline(always)]
fn site_way(site: &Site, key: u64) -> Option<(usize, SiteCache)> {
    for (way, c) in site.iter().enumerate() {
        let e = c.get();
        if e.key == key {
            return Some((way, e));
        }
    }
    None
}

impl Vm {
    #[inline]
    pub(crate) fn push(&mut self, v: Value) {
        self.fiber.stack.push(v);
    }

    #[inline]
    pub(crate) fn pop(&mut self) -> Value {
        self.fiber.stack.pop().unwrap_or(Value::None)
    }

    /// Replace the top `n` items with `v` (ops that keep their operands on
    /// the stack, rooted, while user code runs).
    #[inline]
    pub(crate) fn set_top(&mut self, n: usize, v: Value) {
        let len = self.fiber.stack.len();
        self.fiber.stack.truncate(len.saturating_sub(n));
        self.fiber.stack.push(v);
    }

    /// Pop the top `n` items, in stack order.
    #[inline]
    pub(crate) fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.fiber.stack.len().saturating_sub(n);
        self.fiber.stack.drain(at..).collect()
    }

    #[inline]
    pub(crate) fn drop_top(&mut self, n: usize) {
        let len = self.fiber.stack.len();
        self.fiber.stack.truncate(len.saturating_sub(n));
    }

    #[inline]
    pub(crate) fn top(&self) -> Value {
        self.fiber.stack.last().copied().unwrap_or(Value::None)
    }

    #[inline]
    pub(crate) fn peek(&self, n: usize) -> Value {
        let s = &self.fiber.stack;
        s.get(s.len().wrapping_sub(n))
            .copied()
            .unwrap_or(Value::None)
    }

    /// Run the current fiber's top frame until an exit condition (see module doc).
    pub fn run_loop(&mut self) -> Exit {
        'frames: loop {
            let Some(frame) = self.fiber.frames.last() else {
                return Exit::Returned(Value::None);
            };
            let code_ptr: *const CodeRt = std::rc::Rc::as_ptr(&frame.code);
            // SAFETY: `code` is used only during this iteration of 'frames,
            // while the frame it came from is the running frame: every path
            // that pushes, pops or switches frames or fibers ends the
            // iteration (`continue 'frames` / `return`) before `code` is
            // used again, and natives that call back into the VM only add
            // and remove frames above it. That frame owns an Rc of the
            // CodeRt, so the pointee outlives every use. (Cloning the Rc
            // here instead cost a refcount increment and decrement on every
            // call and return.)
            let code: &CodeRt = unsafe { &*code_ptr };
            let mut ip = frame.ip as usize;
            let base = frame.base as usize;
            let globals = frame.globals;
            let ops = &code.code.ops[..];
            // In-place `x += y` on str (CPython's refcount-1 trick, done with
            // an ownership proof instead): `owned` is a local slot whose str
            // no other reference can see. Any plain load of the slot, any
            // store of something else into it, a frame switch (this state
            // starts afresh) or an introspection of locals ends ownership.
            let mut owned: u32 = u32::MAX;
            let mut fresh: Option<(ObjRef, usize)> = None;
            let mut owned_snap: u64 = u64::MAX;
            // Safepoints: frame entry (calls, returns) and backward jumps.
            if self.heap.should_collect() {
                self.collect();
            }
            if self.safepoint_due() {
                match self.on_interrupt(true) {
                    Interrupted::Continue => {}
                    Interrupted::Raise(e) => match self.unwind(e, true) {
                        Some(exit) => return exit,
                        None => continue 'frames,
                    },
                    Interrupted::Yield => return self.preempt(),
                }
            }
            // One inline step of the ForIter/ForIterStore `$op` (ip is
            // just past it): the item goes to the stack or, for
            // ForIterStore, straight into its local; an exhausted iterator
            // is popped and the loop exits.
            macro_rules! for_step {
                ($step:expr, $op:expr) => {
                    match ($step, $op) {
                        (Some(v), Op::ForIterStore(_, x)) => {
                            let x = x as u32;
                            fresh = None;
                            if x == owned {
                                owned = u32::MAX;
                            }
                            self.fiber.stack[base + x as usize] = v;
                            ip += 1;
                        }
                        (Some(v), _) => self.push(v),
                        (None, Op::ForIterStore(t, _) | Op::ForIter(t)) => {
                            self.fiber.stack.pop();
                            ip = t as usize;
                        }
                        (None, _) => {}
                    }
                };
            }
            'ops: loop {
                let Some(&op) = ops.get(ip) else {
                    // Falling off the end cannot happen for compiled code (it
                    // always ends in ReturnValue); treat it as `return None`.
                    self.push(Value::None);
                    self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                    match self.do_return() {
                        Some(exit) => return exit,
                        None => continue 'frames,
                    }
                };
                ip += 1;
                #[cfg(debug_assertions)]
                if self.trace {
                    eprintln!(
                        "[{}:{}] {:?} stack={} frames={}",
                        code.code.name,
                        ip - 1,
                        op,
                        self.fiber.stack.len(),
                        self.fiber.frames.len()
                    );
                }
                let res: PyResult<()> = match op {
                    Op::Nop => Ok(()),
                    Op::Pop => {
                        self.fiber.stack.pop();
                        Ok(())
                    }
                    Op::DupTop => {
                        let v = self.top();
                        self.push(v);
                        Ok(())
                    }
                    Op::DupTop2Subscr => {
                        let key = self.peek(1);
                        let obj = self.peek(2);
                        if let Some(v) = self.seq_index_fast(obj, key) {
                            self.push(v);
                            ip += 1;
                            continue;
                        }
                        // The DupTop2 alone; the BinarySubscr runs next.
                        self.push(obj);
                        self.push(key);
                        Ok(())
                    }
                    Op::InplaceStoreSubscr(kind) => 'op: {
                        let b = self.peek(1);
                        let a = self.peek(2);
                        let Some(r) = fast_arith(a, b, kind) else {
                            // The InplaceOp alone (its str fast path needs
                            // an owned local, which a subscript never is).
                            break 'op self.binary_op(a, b, kind, true).map(|v| self.set_top(2, v));
                        };
                        let (key, obj) = (self.peek(3), self.peek(4));
                        if let (Value::Obj(c), Value::Int(i)) = (obj, key) {
                            if let Obj::List(l) = self.heap.get_mut(c) {
                                let n = l.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if (0..n).contains(&j) {
                                    l[j as usize] = r;
                                    self.drop_top(4);
                                    ip += 2;
                                    continue 'ops;
                                }
                            }
                        }
                        // Any other container: the RotThree and StoreSubscr
                        // after this run alone.
                        self.set_top(2, r);
                        continue 'ops;
                    }
                    Op::DupTop2 => {
                        let a = self.peek(2);
                        let b = self.peek(1);
                        self.push(a);
                        self.push(b);
                        Ok(())
                    }
                    Op::RotTwo => {
                        let n = self.fiber.stack.len();
                        if n >= 2 {
                            self.fiber.stack.swap(n - 1, n - 2);
                        }
                        Ok(())
                    }
                    Op::RotThree => {
                        let c = self.pop();
                        let n = self.fiber.stack.len();
                        self.fiber.stack.insert(n.saturating_sub(2), c);
                        Ok(())
                    }
                    Op::RotFour => {
                        let d = self.pop();
                        let n = self.fiber.stack.len();
                        self.fiber.stack.insert(n.saturating_sub(3), d);
                        Ok(())
                    }
                    Op::Copy(n) => {
                        let v = self.peek(n as usize);
                        self.push(v);
                        Ok(())
                    }
                    Op::Swap(n) => {
                        let len = self.fiber.stack.len();
                        let n = n as usize;
                        if n >= 1 && n <= len {
                            self.fiber.stack.swap(len - 1, len - n);
                        }
                        Ok(())
                    }
                    Op::LoadConst(i) => {
                        let v = code.consts[i as usize];
                        self.push(v);
                        Ok(())
                    }
                    Op::LoadFast(i) | Op::LoadFastInplace(i) => {
                        if i == owned && !matches!(op, Op::LoadFastInplace(_)) {
                            owned = u32::MAX;
                        }
                        let v = self.fiber.stack[base + i as usize];
                        self.push_local(v, code, i)
                    }
                    Op::SubscrLocals(a, b) => {
                        // list[int] / tuple[int] in range: the whole triple.
                        // Anything else runs the first LoadFast alone and
                        // goes on to the ops after it.
                        let (a, b) = (a as u32, b as u32);
                        if a == owned || b == owned {
                            owned = u32::MAX;
                        }
                        let seq = self.fiber.stack[base + a as usize];
                        let key = self.fiber.stack[base + b as usize];
                        if let Some(v) = self.seq_index_fast(seq, key) {
                            ip += 2;
                            self.push(v);
                            continue;
                        }
                        self.push_local(seq, code, a)
                    }
                    Op::BinaryOpLocals(kind, a, b) | Op::BinaryOpLocalConst(kind, a, b) => {
                        // Numbers: the whole triple. Anything else runs the
                        // first LoadFast alone and goes on to the ops after.
                        let a = a as u32;
                        let va = self.fiber.stack[base + a as usize];
                        let vb = match op {
                            Op::BinaryOpLocals(..) => self.fiber.stack[base + b as usize],
                            _ => code.consts[b as usize],
                        };
                        if a == owned || (b as u32 == owned && matches!(op, Op::BinaryOpLocals(..)))
                        {
                            owned = u32::MAX;
                        }
                        if let Some(r) = fast_arith(va, vb, kind) {
                            ip += 2;
                            self.push(r);
                            continue;
                        }
                        self.push_local(va, code, a)
                    }
                    Op::InplaceOpStoreFast(kind, x) => 'op: {
                        // As InplaceOp then StoreFast: numbers, and `s += t`
                        // growing a str this local owns (which it then
                        // still owns). Anything else runs the InplaceOp
                        // alone (the StoreFast after it stays in place).
                        let b = self.peek(1);
                        let a = self.peek(2);
                        let x = x as u32;
                        let r = match fast_arith(a, b, kind) {
                            Some(r) => {
                                if x == owned {
                                    owned = u32::MAX;
                                }
                                r
                            }
                            None if kind == BinOpKind::Add => {
                                match self.inplace_str_add(a, b, base, owned, owned_snap) {
                                    Some(r) => {
                                        owned = x;
                                        owned_snap = self.locals_escapes;
                                        Value::Obj(r)
                                    }
                                    None => {
                                        let r = self.binary_op(a, b, kind, true);
                                        break 'op r.map(|v| self.set_top(2, v));
                                    }
                                }
                            }
                            None => {
                                let r = self.binary_op(a, b, kind, true);
                                break 'op r.map(|v| self.set_top(2, v));
                            }
                        };
                        fresh = None;
                        self.drop_top(2);
                        self.fiber.stack[base + x as usize] = r;
                        ip += 1;
                        continue 'ops;
                    }
                    Op::BinaryOpStoreFast(kind, x) => {
                        // Numbers: the operation and the store. Anything
                        // else runs the BinaryOp alone (the StoreFast after
                        // it stays in place).
                        let b = self.peek(1);
                        let a = self.peek(2);
                        if let Some(r) = fast_arith(a, b, kind) {
                            let x = x as u32;
                            fresh = None;
                            if x == owned {
                                owned = u32::MAX;
                            }
                            self.drop_top(2);
                            self.fiber.stack[base + x as usize] = r;
                            ip += 1;
                            continue;
                        }
                        self.binary_op(a, b, kind, false)
                            .map(|v| self.set_top(2, v))
                    }
                    Op::LoadFastLoadFast(a, b) => {
                        let (a, b) = (a as u32, b as u32);
                        if a == owned || b == owned {
                            owned = u32::MAX;
                        }
                        let va = self.fiber.stack[base + a as usize];
                        let vb = self.fiber.stack[base + b as usize];
                        if va.is_undefined() {
                            Err(self.unbound_local(code, a))
                        } else if vb.is_undefined() {
                            ip += 1;
                            self.push(va);
                            Err(self.unbound_local(code, b))
                        } else {
                            ip += 1;
                            self.push(va);
                            self.push(vb);
                            Ok(())
                        }
                    }
                    Op::LoadFastAttr(a, n) | Op::LoadFastMethod(a, n) => {
                        // The pair's second op is at `ip` (its site too).
                        let a = a as u32;
                        if a == owned {
                            owned = u32::MAX;
                        }
                        let obj = self.fiber.stack[base + a as usize];
                        let name = code.names[n as usize];
                        let site = code.sites.site(ip);
                        if let Op::LoadFastAttr(..) = op {
                            if let Some(v) = self.cached_load_attr(obj, name, site) {
                                self.push(v);
                                ip += 1;
                                continue;
                            }
                        } else if let Some((f, recv)) = self.cached_method(obj, name, site) {
                            self.push(f);
                            self.push(recv);
                            ip += 1;
                            continue;
                        }
                        // A miss: the LoadFast alone (the second op runs next).
                        self.push_local(obj, code, a)
                    }
                    Op::LoadFastLoadConst(a, c) => {
                        let a = a as u32;
                        if a == owned {
                            owned = u32::MAX;
                        }
                        let va = self.fiber.stack[base + a as usize];
                        if va.is_undefined() {
                            Err(self.unbound_local(code, a))
                        } else {
                            ip += 1;
                            self.push(va);
                            self.push(code.consts[c as usize]);
                            Ok(())
                        }
                    }
                    Op::CmpLocalsJump { kind, a, t, .. }
                    | Op::CmpLocalConstJump { kind, a, t, .. } => {
                        // Two ints: compare and branch at once. Anything
                        // else runs the first LoadFast alone and goes on to
                        // the ops after it.
                        let a = a as u32;
                        if a == owned {
                            owned = u32::MAX;
                        }
                        let va = self.fiber.stack[base + a as usize];
                        let vb = match op {
                            Op::CmpLocalsJump { b, .. } => {
                                if b as u32 == owned {
                                    owned = u32::MAX;
                                }
                                self.fiber.stack[base + b as usize]
                            }
                            Op::CmpLocalConstJump { c, .. } => code.consts[c as usize],
                            _ => Value::Undefined,
                        };
                        if let (Value::Int(x), Value::Int(y)) = (va, vb) {
                            ip = if int_cmp(x, y, kind) {
                                ip + 3
                            } else {
                                t as usize
                            };
                            continue;
                        }
                        self.push_local(va, code, a)
                    }
                    Op::CompareJumpIfFalse(kind, t) | Op::CompareJumpIfTrue(kind, t) => {
                        let b = self.peek(1);
                        let a = self.peek(2);
                        let jump_if = matches!(op, Op::CompareJumpIfTrue(..));
                        let truth = if let (Value::Int(x), Value::Int(y)) = (a, b) {
                            self.drop_top(2);
                            Ok(int_cmp(x, y, kind))
                        } else {
                            match self.compare(a, b, kind) {
                                Ok(Value::Bool(x)) => {
                                    self.drop_top(2);
                                    Ok(x)
                                }
                                Ok(v) => {
                                    // Rooted on the stack while __bool__ runs.
                                    self.set_top(2, v);
                                    let t = self.truthy(v);
                                    self.drop_top(1);
                                    t
                                }
                                Err(e) => Err(e),
                            }
                        };
                        truth.map(|x| ip = if x == jump_if { t as usize } else { ip + 1 })
                    }
                    Op::StoreFast(i) => {
                        let v = self.pop();
                        match fresh.take() {
                            Some((f, at)) if at + 1 == ip && v.as_obj() == Some(f) => {
                                owned = i;
                                owned_snap = self.locals_escapes;
                            }
                            _ => {
                                if i == owned {
                                    owned = u32::MAX;
                                }
                            }
                        }
                        self.fiber.stack[base + i as usize] = v;
                        Ok(())
                    }
                    Op::DeleteFast(i) => {
                        if i == owned {
                            owned = u32::MAX;
                        }
                        let slot = &mut self.fiber.stack[base + i as usize];
                        if slot.is_undefined() {
                            let name = code.code.varnames[i as usize].clone();
                            Err(self.new_error(
                                self.t.unbound_local_error,
                                format!(
                                    "cannot access local variable '{name}' where it is not associated with a value"
                                ),
                            ))
                        } else {
                            *slot = Value::Undefined;
                            Ok(())
                        }
                    }
                    Op::LoadDeref(i) => {
                        let nvar = code.code.varnames.len();
                        let cell = self.fiber.stack[base + nvar + i as usize];
                        let v = self.cell_get(cell);
                        if v.is_undefined() {
                            Err(self.unbound_deref(code, i as usize))
                        } else {
                            self.push(v);
                            Ok(())
                        }
                    }
                    Op::StoreDeref(i) => {
                        let v = self.pop();
                        let nvar = code.code.varnames.len();
                        let cell = self.fiber.stack[base + nvar + i as usize];
                        self.cell_set(cell, v);
                        Ok(())
                    }
                    Op::DeleteDeref(i) => {
                        let nvar = code.code.varnames.len();
                        let cell = self.fiber.stack[base + nvar + i as usize];
                        if self.cell_get(cell).is_undefined() {
                            Err(self.unbound_deref(code, i as usize))
                        } else {
                            self.cell_set(cell, Value::Undefined);
                            Ok(())
                        }
                    }
                    Op::LoadClosure(i) => {
                        let nvar = code.code.varnames.len();
                        let cell = self.fiber.stack[base + nvar + i as usize];
                        self.push(cell);
                        Ok(())
                    }
                    Op::LoadClassDeref(i) => self.load_class_deref(code, base, i as usize),
                    Op::LoadGlobal(i) => {
                        let gver = self.dict_ref(globals).version;
                        let bver = self.dict_ref(self.builtins).version;
                        let slot = &code.global_cache[i as usize];
                        let e = slot.get();
                        if e.valid && e.globals == globals.raw() && e.gver == gver && e.bver == bver
                        {
                            self.push(e.value);
                            Ok(())
                        } else {
                            let name = code.names[i as usize];
                            match self.load_global(globals, name) {
                                Some(v) => {
                                    slot.set(GlobalCache {
                                        globals: globals.raw(),
                                        gver,
                                        bver,
                                        valid: true,
                                        value: v,
                                    });
                                    self.push(v);
                                    Ok(())
                                }
                                None => Err(self.name_error(name)),
                            }
                        }
                    }
                    Op::StoreGlobal(i) => {
                        let name = code.names[i as usize];
                        let v = self.pop();
                        let globals = self.fiber.frames.last().unwrap().globals;
                        self.dict_set_str(globals, name, v);
                        Ok(())
                    }
                    Op::DeleteGlobal(i) => {
                        let name = code.names[i as usize];
                        let globals = self.fiber.frames.last().unwrap().globals;
                        if self.dict_del_str(globals, name) {
                            Ok(())
                        } else {
                            Err(self.name_error(name))
                        }
                    }
                    Op::LoadName(i) => self.load_name(code.names[i as usize]),
                    Op::StoreName(i) => {
                        let name = code.names[i as usize];
                        let v = self.pop();
                        let f = self.fiber.frames.last().unwrap();
                        let target = f.locals.unwrap_or(f.globals);
                        self.mapping_set_str(target, name, v)
                    }
                    Op::DeleteName(i) => {
                        let name = code.names[i as usize];
                        let f = self.fiber.frames.last().unwrap();
                        let target = f.locals.unwrap_or(f.globals);
                        if self.dict_del_str(target, name) {
                            Ok(())
                        } else {
                            Err(self.name_error(name))
                        }
                    }
                    Op::LoadAttr(i) => {
                        // Operands stay on the stack (rooted) while user code runs.
                        let obj = self.top();
                        let name = code.names[i as usize];
                        let site = code.sites.site(ip - 1);
                        if let Some(v) = self.cached_load_attr(obj, name, site) {
                            self.set_top(1, v);
                            continue;
                        }
                        match self.getattr(obj, name) {
                            Ok(v) => {
                                self.learn_instance_attr(obj, name, site, ATTR_LOAD);
                                self.learn_module_attr(obj, name, site);
                                self.set_top(1, v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::StoreAttr(i) => {
                        let obj = self.peek(1);
                        let v = self.peek(2);
                        let name = code.names[i as usize];
                        let site = code.sites.site(ip - 1);
                        if self.cached_store_attr(obj, name, v, site) {
                            self.drop_top(2);
                            continue;
                        }
                        let r = self.setattr(obj, name, v);
                        if r.is_ok() {
                            self.learn_instance_attr(obj, name, site, ATTR_STORE);
                        }
                        self.drop_top(2);
                        r
                    }
                    Op::DeleteAttr(i) => {
                        let obj = self.pop();
                        let name = code.names[i as usize];
                        self.delattr(obj, name)
                    }
                    Op::LoadMethod(i) => {
                        let obj = self.pop();
                        let name = code.names[i as usize];
                        let site = code.sites.site(ip - 1);
                        if let Some((f, recv)) = self.cached_method(obj, name, site) {
                            self.push(f);
                            self.push(recv);
                            continue;
                        }
                        match self.load_method(obj, name) {
                            Ok((f, Some(recv))) => {
                                self.learn_method(obj, name, f, site);
                                self.push(f);
                                self.push(recv);
                                Ok(())
                            }
                            Ok((f, None)) => {
                                self.learn_module_attr(obj, name, site);
                                self.push(f);
                                self.push(Value::Undefined);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::BinarySubscr => {
                        let key = self.peek(1);
                        let obj = self.peek(2);
                        if let Some(v) = self.seq_index_fast(obj, key) {
                            self.set_top(2, v);
                            continue;
                        }
                        self.getitem(obj, key).map(|v| self.set_top(2, v))
                    }
                    Op::StoreSubscr => {
                        let key = self.peek(1);
                        let obj = self.peek(2);
                        let v = self.peek(3);
                        if let (Value::Obj(r), Value::Int(i)) = (obj, key) {
                            if let Obj::List(l) = self.heap.get_mut(r) {
                                let n = l.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if (0..n).contains(&j) {
                                    l[j as usize] = v;
                                    self.drop_top(3);
                                    continue;
                                }
                            }
                        }
                        let r = self.setitem(obj, key, v);
                        self.drop_top(3);
                        r
                    }
                    Op::DeleteSubscr => {
                        let key = self.peek(1);
                        let obj = self.peek(2);
                        let r = self.delitem(obj, key);
                        self.drop_top(2);
                        r
                    }
                    Op::BuildSlice(n) => {
                        let n = n as usize;
                        // `seq[lo:hi(:step)]` of a built-in sequence: slice
                        // it directly, without a slice object.
                        let seq = self.peek(n + 1);
                        let direct = ops.get(ip) == Some(&Op::BinarySubscr)
                            && matches!(seq, Value::Obj(r) if matches!(
                                self.heap.get(r),
                                Obj::List(_) | Obj::Tuple(_) | Obj::Str(_)
                            ));
                        if direct {
                            let step = if n == 3 { self.peek(1) } else { Value::None };
                            let bounds = [self.peek(n), self.peek(n - 1), step];
                            match super::items::seq_getslice(self, seq, bounds) {
                                Ok(v) => {
                                    self.set_top(n + 1, v);
                                    ip += 1;
                                    Ok(())
                                }
                                Err(e) => Err(e),
                            }
                        } else {
                            let step = if n == 3 { self.pop() } else { Value::None };
                            let hi = self.pop();
                            let lo = self.pop();
                            let s = self.alloc(Obj::Slice(Box::new([lo, hi, step])));
                            self.push(s);
                            Ok(())
                        }
                    }
                    Op::BinaryOp(kind) => {
                        let b = self.peek(1);
                        let a = self.peek(2);
                        if let Some(r) = fast_arith(a, b, kind) {
                            self.set_top(2, r);
                            continue;
                        }
                        self.binary_op(a, b, kind, false)
                            .map(|v| self.set_top(2, v))
                    }
                    Op::InplaceOp(kind) => {
                        let b = self.peek(1);
                        let a = self.peek(2);
                        if kind == BinOpKind::Add {
                            if let Some(r) = self.inplace_str_add(a, b, base, owned, owned_snap) {
                                self.set_top(2, Value::Obj(r));
                                fresh = Some((r, ip));
                                continue;
                            }
                        }
                        if let Some(r) = fast_arith(a, b, kind) {
                            self.set_top(2, r);
                            continue;
                        }
                        self.binary_op(a, b, kind, true).map(|v| self.set_top(2, v))
                    }
                    Op::UnaryOp(kind) => {
                        let a = self.top();
                        match kind {
                            UnaryKind::Not => {
                                self.truthy(a).map(|t| self.set_top(1, Value::Bool(!t)))
                            }
                            _ => self.unary_op(a, kind).map(|v| self.set_top(1, v)),
                        }
                    }
                    Op::CompareOp(kind) => {
                        let b = self.peek(1);
                        let a = self.peek(2);
                        self.compare(a, b, kind).map(|v| self.set_top(2, v))
                    }
                    Op::IsOp(invert) => {
                        let b = self.pop();
                        let a = self.pop();
                        self.push(Value::Bool(a.is(b) != invert));
                        Ok(())
                    }
                    Op::ContainsOp(invert) => {
                        let container = self.peek(1);
                        let item = self.peek(2);
                        self.contains(container, item)
                            .map(|r| self.set_top(2, Value::Bool(r != invert)))
                    }
                    Op::Jump(t) => {
                        if (t as usize) < ip && self.heap.should_collect() {
                            self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                            self.collect();
                        }
                        if (t as usize) < ip && self.safepoint_due() {
                            // The frame-entry safepoint handles it, from t
                            // (its countdown reaches zero again).
                            self.tick = 1;
                            self.fiber.frames.last_mut().unwrap().ip = t;
                            continue 'frames;
                        }
                        ip = t as usize;
                        Ok(())
                    }
                    Op::JumpForIter(t) => {
                        if (t as usize) < ip && self.heap.should_collect() {
                            self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                            self.collect();
                        }
                        if (t as usize) < ip && self.safepoint_due() {
                            // Resume at the loop's ForIter (at t).
                            self.tick = 1;
                            self.fiber.frames.last_mut().unwrap().ip = t;
                            continue 'frames;
                        }
                        // The loop's next step here when its iterator steps
                        // inline; otherwise the ForIter at t runs alone.
                        ip = t as usize;
                        if let Some(step) = self.for_iter_fast(self.top()) {
                            let for_op = ops[ip];
                            ip += 1;
                            for_step!(step, for_op);
                        }
                        continue;
                    }
                    Op::PopJumpIfFalse(t) => {
                        let v = self.pop();
                        match v {
                            Value::Bool(b) => {
                                if !b {
                                    ip = t as usize;
                                }
                                Ok(())
                            }
                            _ => self.truthy(v).map(|b| {
                                if !b {
                                    ip = t as usize;
                                }
                            }),
                        }
                    }
                    Op::PopJumpIfTrue(t) => {
                        let v = self.pop();
                        match v {
                            Value::Bool(b) => {
                                if b {
                                    ip = t as usize;
                                }
                                Ok(())
                            }
                            _ => self.truthy(v).map(|b| {
                                if b {
                                    ip = t as usize;
                                }
                            }),
                        }
                    }
                    Op::JumpIfFalseOrPop(t) => {
                        let v = self.top();
                        self.truthy(v).map(|b| {
                            if !b {
                                ip = t as usize;
                            } else {
                                self.fiber.stack.pop();
                            }
                        })
                    }
                    Op::JumpIfTrueOrPop(t) => {
                        let v = self.top();
                        self.truthy(v).map(|b| {
                            if b {
                                ip = t as usize;
                            } else {
                                self.fiber.stack.pop();
                            }
                        })
                    }
                    Op::PopJumpIfNone(t) => {
                        if self.pop().is_none() {
                            ip = t as usize;
                        }
                        Ok(())
                    }
                    Op::PopJumpIfNotNone(t) => {
                        if !self.pop().is_none() {
                            ip = t as usize;
                        }
                        Ok(())
                    }
                    Op::GetIter => {
                        let v = self.top();
                        self.iter(v).map(|it| self.set_top(1, it))
                    }
                    Op::ForIter(t) | Op::ForIterStore(t, _) => {
                        let it = self.top();
                        // Inline steps of range and list/tuple iterators;
                        // ForIterStore also does the StoreFast after it.
                        // Other iterators run as ForIter (that StoreFast
                        // stays in place).
                        if let Some(step) = self.for_iter_fast(it) {
                            for_step!(step, op);
                            continue;
                        }
                        if let Some(g) = self.gen_of(it) {
                            self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                            let mode = ResumeMode::ForIter { target: t };
                            if self.resume_suspended(g, Value::None, mode) {
                                continue 'frames;
                            }
                            match self.resume_inline(
                                g,
                                Value::None,
                                None,
                                ResumeMode::ForIter { target: t },
                            ) {
                                Ok(None) => continue 'frames,
                                Ok(Some(exit)) => return exit,
                                Err(e) => Err(e),
                            }
                        } else {
                            self.retry_inline = true;
                            let r = self.next(it);
                            self.retry_inline = false;
                            if let Some(f) = self.pending_await.take() {
                                // A native iterator in a weft thread waits
                                // for its data (a file's next line): park
                                // the fiber at this ForIter, which runs
                                // again once `f` is done.
                                self.fiber.frames.last_mut().unwrap().ip = ip as u32 - 1;
                                self.preempted = self.fiber.owner;
                                self.native_wait = false;
                                match self.suspend_fiber(f) {
                                    Some(exit) => return exit,
                                    None => continue 'frames,
                                }
                            }
                            match r {
                                Ok(Some(v)) => {
                                    self.push(v);
                                    Ok(())
                                }
                                Ok(None) => {
                                    self.fiber.stack.pop();
                                    ip = t as usize;
                                    Ok(())
                                }
                                Err(e) => Err(e),
                            }
                        }
                    }
                    Op::BuildTuple(n) => {
                        let items = self.pop_n(n as usize);
                        let t = self.new_tuple(items);
                        self.push(t);
                        Ok(())
                    }
                    Op::BuildList(n) => {
                        let items = self.pop_n(n as usize);
                        let l = self.new_list(items);
                        self.push(l);
                        Ok(())
                    }
                    Op::BuildSet(n) => {
                        let items = self.pop_n(n as usize);
                        let s = self.new_set(false);
                        self.push(s);
                        let mut r = Ok(());
                        for v in items {
                            if let Err(e) = self.set_add(s, v) {
                                r = Err(e);
                                break;
                            }
                        }
                        r
                    }
                    Op::BuildMap(n) => {
                        let at = self.fiber.stack.len() - 2 * n as usize;
                        let items: Vec<Value> = self.fiber.stack.drain(at..).collect();
                        let d = self.new_dict();
                        self.push(d);
                        let mut r = Ok(());
                        for kv in items.chunks(2) {
                            if let Err(e) = self.dict_set(d, kv[0], kv[1]) {
                                r = Err(e);
                                break;
                            }
                        }
                        r
                    }
                    Op::BuildString(n) => {
                        let at = self.fiber.stack.len() - n as usize;
                        let len: usize = self.fiber.stack[at..]
                            .iter()
                            .map(|&v| self.str_of(v).len())
                            .sum();
                        let mut s = String::with_capacity(len);
                        for i in at..self.fiber.stack.len() {
                            s.push_str(self.str_of(self.fiber.stack[i]));
                        }
                        self.fiber.stack.truncate(at);
                        let v = self.new_str(s);
                        self.push(v);
                        Ok(())
                    }
                    Op::FormatValue { conv, has_spec } => {
                        let spec = if has_spec { Some(self.pop()) } else { None };
                        let v = self.pop();
                        self.format_value(v, conv, spec).map(|s| self.push(s))
                    }
                    Op::ListAppend(i) => {
                        let v = self.pop();
                        let l = self.peek(i as usize);
                        if let Value::Obj(r) = l {
                            if let Obj::List(items) = self.heap.get_mut(r) {
                                items.push(v);
                            }
                        }
                        Ok(())
                    }
                    Op::SetAdd(i) => {
                        let v = self.top();
                        let s = self.peek(i as usize + 1);
                        let r = self.set_add(s, v);
                        self.drop_top(1);
                        r
                    }
                    Op::MapAdd(i) => {
                        let v = self.peek(1);
                        let k = self.peek(2);
                        let d = self.peek(i as usize + 2);
                        let r = self.dict_set(d, k, v);
                        self.drop_top(2);
                        r
                    }
                    Op::ListExtend(i) => {
                        let it = self.pop();
                        let l = self.peek(i as usize);
                        // `[*xs]` / `f(*xs)` of a list or tuple: copy its
                        // items straight across (no intermediate Vec, which
                        // for `gather(*tasks)` over 100k tasks is 1.6 MB).
                        if let (Value::Obj(dst), Value::Obj(src)) = (l, it) {
                            if dst != src {
                                let mut items = match self.heap.get_mut(dst) {
                                    Obj::List(items) => std::mem::take(items),
                                    _ => Vec::new(),
                                };
                                let done = match self.heap.get(src) {
                                    Obj::List(s) => {
                                        items.extend_from_slice(s);
                                        true
                                    }
                                    Obj::Tuple(s) => {
                                        items.extend_from_slice(s);
                                        true
                                    }
                                    _ => false,
                                };
                                if let Obj::List(slot) = self.heap.get_mut(dst) {
                                    *slot = items;
                                }
                                if done {
                                    continue;
                                }
                            }
                        }
                        match self.collect_iterable(it) {
                            Ok(vals) => {
                                if let Value::Obj(r) = l {
                                    if let Obj::List(items) = self.heap.get_mut(r) {
                                        items.extend(vals);
                                    }
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::SetUpdate(i) => {
                        let it = self.pop();
                        let s = self.peek(i as usize);
                        match self.collect_iterable(it) {
                            Ok(vals) => {
                                let mut r = Ok(());
                                for v in vals {
                                    if let Err(e) = self.set_add(s, v) {
                                        r = Err(e);
                                        break;
                                    }
                                }
                                r
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::DictUpdate(i) | Op::DictMerge(i) => {
                        let m = self.pop();
                        let d = self.peek(i as usize);
                        let merge = matches!(op, Op::DictMerge(_));
                        self.dict_update_from(d, m, merge)
                    }
                    Op::ListToTuple => {
                        // The list is the compiler's own temporary (built
                        // just before for a tuple display or `*args`), so
                        // its items can move instead of being copied.
                        let l = self.pop();
                        let items = match l {
                            Value::Obj(r) => match self.heap.get_mut(r) {
                                Obj::List(v) => std::mem::take(v),
                                _ => Vec::new(),
                            },
                            _ => Vec::new(),
                        };
                        let t = self.new_tuple(items);
                        self.push(t);
                        Ok(())
                    }
                    Op::UnpackSequence(n) => {
                        let seq = self.pop();
                        // A tuple or list of the right length: push its
                        // items straight from the heap (no copy).
                        if let Value::Obj(r) = seq {
                            let items = match self.heap.get(r) {
                                Obj::Tuple(t) => Some(&t[..]),
                                Obj::List(l) => Some(&l[..]),
                                _ => None,
                            };
                            if let Some(items) = items.filter(|i| i.len() == n as usize) {
                                self.fiber.stack.extend(items.iter().rev());
                                continue;
                            }
                        }
                        self.unpack(seq, n as usize, None)
                    }
                    Op::UnpackEx { before, after } => {
                        let seq = self.pop();
                        self.unpack(seq, before as usize, Some(after as usize))
                    }
                    Op::MakeFunction(flags) => self.make_function(flags).map(|f| self.push(f)),
                    Op::Call(n) => {
                        let at = self.fiber.stack.len() - n as usize - 1;
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        if self.enter_simple(at) {
                            continue 'frames;
                        }
                        let awaited = awaited_call(ops, ip, code);
                        match self.call_at(at, awaited) {
                            Ok(Invoked::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Ok(Invoked::Frame) => continue 'frames,
                            Ok(Invoked::Exit(exit)) => return exit,
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallKw(n) => {
                        let names = self.pop();
                        let at = self.fiber.stack.len() - n as usize - 1;
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        match self.call_from_stack(at, Some(names), false) {
                            Ok(Invoked::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Ok(Invoked::Frame) => continue 'frames,
                            Ok(Invoked::Exit(exit)) => return exit,
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallMethod(n) => {
                        let at = self.fiber.stack.len() - n as usize - 2;
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        if self.fiber.stack[at + 1].is_undefined() {
                            // No receiver: drop the marker, a plain call.
                            self.fiber.stack.remove(at + 1);
                        }
                        if self.enter_simple(at) {
                            continue 'frames;
                        }
                        let awaited = awaited_call(ops, ip, code);
                        match self.call_at(at, awaited) {
                            Ok(Invoked::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Ok(Invoked::Frame) => continue 'frames,
                            Ok(Invoked::Exit(exit)) => return exit,
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallEx(has_kw) => {
                        let kw = if has_kw { Some(self.pop()) } else { None };
                        let args = self.pop();
                        let callee = self.pop();
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        match self.call_ex(callee, args, kw) {
                            Ok(Invoked::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Ok(Invoked::Frame) => continue 'frames,
                            Ok(Invoked::Exit(exit)) => return exit,
                            Err(e) => Err(e),
                        }
                    }
                    Op::ReturnLocal(x) => {
                        // `return x`: an unbound x runs the LoadFast alone
                        // (which raises).
                        let v = self.fiber.stack[base + x as usize];
                        if v.is_undefined() {
                            Err(self.unbound_local(code, x as u32))
                        } else {
                            self.push(v);
                            if self.return_simple() {
                                continue 'frames;
                            }
                            self.fiber.frames.last_mut().unwrap().ip = ip as u32 + 1;
                            match self.do_return() {
                                Some(exit) => return exit,
                                None => continue 'frames,
                            }
                        }
                    }
                    Op::ReturnValue => {
                        if self.return_simple() {
                            continue 'frames;
                        }
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        match self.do_return() {
                            Some(exit) => return exit,
                            None => continue 'frames,
                        }
                    }
                    Op::BuildClass { nargs, has_kw } => {
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        match self.build_class(nargs as usize, has_kw) {
                            Ok(Invoked::Value(v)) => {
                                self.push(v);
                                Ok(())
                            }
                            Ok(Invoked::Frame) => continue 'frames,
                            Ok(Invoked::Exit(exit)) => return exit,
                            Err(e) => Err(e),
                        }
                    }
                    Op::SetupExcept(t) => {
                        let depth = self.fiber.stack.len() as u32;
                        self.fiber
                            .frames
                            .last_mut()
                            .unwrap()
                            .blocks
                            .push(Block { handler: t, depth });
                        Ok(())
                    }
                    Op::PopBlock => {
                        self.fiber.frames.last_mut().unwrap().blocks.pop();
                        Ok(())
                    }
                    Op::PushExcInfo => {
                        let exc = self.pop();
                        let prev = self.fiber.exc_info;
                        self.push(prev.map_or(Value::None, Value::Obj));
                        self.push(exc);
                        self.fiber.exc_info = exc.as_obj();
                        Ok(())
                    }
                    Op::PopExcept => {
                        let prev = self.pop();
                        self.fiber.exc_info = prev.as_obj();
                        Ok(())
                    }
                    Op::Reraise => {
                        // The exception stays on the stack: a handler that is
                        // still active expects it at its cut-back depth.
                        let exc = self.top();
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        match self.unwind(exc, false) {
                            Some(exit) => return exit,
                            None => continue 'frames,
                        }
                    }
                    Op::RaiseVarargs(n) => self.do_raise(n),
                    Op::CheckExcMatch => {
                        let typ = self.pop();
                        let exc = self.top();
                        self.exc_matches(exc, typ)
                            .map(|b| self.push(Value::Bool(b)))
                    }
                    Op::CheckEgMatch => {
                        let typ = self.pop();
                        let eg = self.pop();
                        self.check_eg_match(eg, typ).map(|(rest, m)| {
                            self.push(rest);
                            self.push(m);
                        })
                    }
                    Op::PrepReraiseStar => {
                        let raised = self.pop();
                        let orig = self.pop();
                        self.prep_reraise_star(orig, raised).map(|v| self.push(v))
                    }
                    Op::LoadAssertionError => {
                        let c = Value::Obj(self.t.assertion_error);
                        self.push(c);
                        Ok(())
                    }
                    Op::BeforeWith => {
                        let mgr = self.pop();
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        self.before_with(mgr)
                    }
                    Op::BeforeAsyncWith => {
                        let mgr = self.pop();
                        self.before_async_with(mgr)
                    }
                    Op::WithExceptStart => {
                        let exc = self.peek(1);
                        let exit = self.peek(3);
                        let typ = Value::Obj(self.type_of(exc));
                        let tb = self.exc_traceback(exc);
                        self.push(exit);
                        self.push(typ);
                        self.push(exc);
                        self.push(tb);
                        Ok(())
                    }
                    Op::YieldValue => {
                        let v = self.pop();
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        if self.yield_simple(v) {
                            continue 'frames;
                        }
                        match self.yield_value(v) {
                            Ok(Some(exit)) => return exit,
                            Ok(None) => continue 'frames,
                            Err(e) => Err(e),
                        }
                    }
                    Op::GetYieldFromIter => {
                        let v = self.pop();
                        self.get_yield_from_iter(v, code).map(|it| self.push(it))
                    }
                    Op::GetAwaitable => {
                        let v = self.pop();
                        self.get_awaitable(v).map(|it| self.push(it))
                    }
                    Op::YieldFrom => {
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        match self.yield_from() {
                            Ok(super::coro::Delegated::Continue) => continue 'frames,
                            Ok(super::coro::Delegated::Exit(exit)) => return exit,
                            Err(e) => Err(e),
                        }
                    }
                    Op::GetAIter => {
                        let v = self.pop();
                        self.get_aiter(v).map(|it| self.push(it))
                    }
                    Op::GetANext => {
                        let v = self.top();
                        self.get_anext(v).map(|it| self.push(it))
                    }
                    Op::EndAsyncFor => {
                        let exc = self.pop();
                        let sai = self.t.stop_async_iteration;
                        if self.isinstance_class(exc, sai) {
                            self.fiber.stack.pop();
                            Ok(())
                        } else {
                            self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                            match self.unwind(exc, false) {
                                Some(exit) => return exit,
                                None => continue 'frames,
                            }
                        }
                    }
                    Op::ImportName(i) => {
                        let fromlist = self.pop();
                        let level = self.pop();
                        let name = code.names[i as usize];
                        self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                        self.import_name(name, fromlist, level)
                            .map(|m| self.push(m))
                    }
                    Op::ImportFrom(i) => {
                        let m = self.top();
                        let name = code.names[i as usize];
                        self.import_from(m, name).map(|v| self.push(v))
                    }
                    Op::ImportStar => {
                        let m = self.pop();
                        self.import_star(m)
                    }
                    Op::GetLen => {
                        let v = self.top();
                        self.len(v).map(|n| self.push(Value::Int(n as i64)))
                    }
                    Op::MatchMapping => {
                        let v = self.top();
                        let b = self.is_mapping(v);
                        self.push(Value::Bool(b));
                        Ok(())
                    }
                    Op::MatchSequence => {
                        let v = self.top();
                        let b = self.is_sequence(v);
                        self.push(Value::Bool(b));
                        Ok(())
                    }
                    Op::MatchKeys => {
                        let keys = self.peek(1);
                        let subj = self.peek(2);
                        self.match_keys(subj, keys).map(|v| self.push(v))
                    }
                    Op::MatchClass(n) => {
                        let names = self.pop();
                        let cls = self.pop();
                        let subj = self.pop();
                        self.match_class(subj, cls, n as usize, names)
                            .map(|v| self.push(v))
                    }
                    Op::CopyDictWithoutKeys => {
                        let keys = self.pop();
                        let subj = self.top();
                        self.copy_dict_without_keys(subj, keys)
                            .map(|v| self.push(v))
                    }
                    Op::SetupAnnotations => {
                        let f = self.fiber.frames.last().unwrap();
                        let target = f.locals.unwrap_or(f.globals);
                        let k = self.n.annotations;
                        if self.dict_get_str(target, k).is_none() {
                            let d = self.new_dict();
                            self.dict_set_str(target, k, d);
                        }
                        Ok(())
                    }
                    Op::PrintExpr => {
                        let v = self.pop();
                        self.print_expr(v)
                    }
                };
                if let Err(exc) = res {
                    self.fiber.frames.last_mut().unwrap().ip = ip as u32;
                    match self.unwind(exc, true) {
                        Some(exit) => return exit,
                        None => continue 'frames,
                    }
                }
            }
        }
    }

    /// A module attribute site hit (`math.sqrt`): the site remembers the
    /// module and the slot of its dict holding the name, and reads the
    /// entry there if the key is still that name (so a rebinding is seen at
    /// once and nothing stale can be returned).
    #[inline]
    fn cached_module_attr(&self, r: ObjRef, m: &Module, name: Value, site: &Site) -> Option<Value> {
        let (_, e) = site_way(site, SiteCache::key(r.raw(), 0))?;
        if e.kind != MODULE_ATTR {
            return None;
        }
        self.dict_ref(m.dict)
            .value_if_key_at(e.value as usize, name)
    }

    /// Remember at the site where a module attribute found in the module's
    /// dict lives.
    fn learn_module_attr(&self, obj: Value, name: Value, site: &Site) {
        let Value::Obj(r) = obj else { return };
        let Obj::Module(m) = self.heap.get(r) else {
            return;
        };
        if self.as_str(name).is_none_or(|n| n.starts_with("__")) {
            return;
        }
        if let Some(ix) = self.dict_index_str(m.dict, name) {
            self.site_learn(
                site,
                SiteCache {
                    key: SiteCache::key(r.raw(), 0),
                    kind: MODULE_ATTR,
                    hash_bit: 0,
                    value: ix as u32,
                },
            );
        }
    }

    /// Fill a way of `site` with `e`: the way that already speaks for the
    /// same class and kind, else one that is free or stale, else the last
    /// (so a megamorphic site keeps hitting for its first classes).
    fn site_learn(&self, site: &Site, e: SiteCache) {
        let cur = self.class_version.get();
        let way = site
            .iter()
            .position(|c| {
                let x = c.get();
                x.cls() == e.cls() && x.kind == e.kind
            })
            .or_else(|| {
                site.iter().position(|c| {
                    let x = c.get();
                    x.kind == 0 || (x.kind != MODULE_ATTR && x.version() != cur)
                })
            })
            .unwrap_or(SITE_WAYS - 1);
        site[way].set(e);
    }

    /// `seq[i]` for a list or tuple and an int index in range (the
    /// subscript fast path; anything else is None).
    #[inline(always)]
    fn seq_index_fast(&self, seq: Value, key: Value) -> Option<Value> {
        let (Value::Obj(r), Value::Int(i)) = (seq, key) else {
            return None;
        };
        match self.heap.get(r) {
            Obj::List(l) => index_in(l, i),
            Obj::Tuple(t) => index_in(t, i),
            _ => None,
        }
    }

    /// One step of a range or list/tuple iterator without leaving the
    /// dispatch loop: Some(Some(v)) next item, Some(None) exhausted, None
    /// not such an iterator.
    #[inline]
    fn for_iter_fast(&mut self, it: Value) -> Option<Option<Value>> {
        let Value::Obj(r) = it else { return None };
        let seq = match self.heap.get_mut(r) {
            Obj::Iter(st) => match &mut **st {
                IterState::Range { cur, stop, step } => {
                    let c = *cur;
                    return Some(if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                        *cur = c.saturating_add(*step);
                        Some(Value::Int(c))
                    } else {
                        None
                    });
                }
                IterState::Seq { seq, idx } => (*seq, *idx),
                _ => return None,
            },
            _ => return None,
        };
        let (seq, idx) = seq;
        let item = match self.heap.get(seq) {
            Obj::List(l) => l.get(idx).copied(),
            Obj::Tuple(t) => t.get(idx).copied(),
            _ => return None,
        };
        if let Obj::Iter(st) = self.heap.get_mut(r) {
            if let IterState::Seq { idx: i, .. } = &mut **st {
                // An exhausted iterator stays exhausted even if the list
                // grows later (CPython drops its reference).
                *i = if item.is_some() { idx + 1 } else { usize::MAX };
            }
        }
        Some(item)
    }

    /// Push local `i`'s value `v`, or raise UnboundLocalError if unset
    /// (also the slow path of a superinstruction: its first LoadFast alone).
    #[inline(always)]
    fn push_local(&mut self, v: Value, code: &CodeRt, i: u32) -> PyResult<()> {
        if v.is_undefined() {
            Err(self.unbound_local(code, i))
        } else {
            self.push(v);
            Ok(())
        }
    }

    #[cold]
    fn unbound_local(&mut self, code: &CodeRt, i: u32) -> Value {
        let name = code.code.varnames[i as usize].clone();
        self.new_error(
            self.t.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    /// The common call, inside the dispatch loop: a plain function (no
    /// cells of its own, defaults, keywords, *args or generator flags) given
    /// exactly its positional parameters gets its frame pushed here; a
    /// closure's free variables are copied in. False: nothing was done,
    /// take the general path (which also raises RecursionError).
    #[inline(always)]
    fn enter_simple(&mut self, at: usize) -> bool {
        let Value::Obj(r) = self.fiber.stack[at] else {
            return false;
        };
        let Obj::Function(f) = self.heap.get(r) else {
            return false;
        };
        let code = &f.code;
        if code.simple_argc as usize != self.fiber.stack.len() - at - 1
            || code.has_cellvars
            || self.depth >= self.recursion_limit.min(super::call::MAX_FRAMES)
        {
            return false;
        }
        let (code, globals) = (code.clone(), f.globals);
        let base = at + 1;
        self.fiber
            .stack
            .resize(base + code.nslots as usize, Value::Undefined);
        if code.has_cells {
            // Free variables only: the closure's cells follow the locals.
            let from = base + code.code.varnames.len();
            super::call::copy_closure(&mut self.fiber.stack[from..], &f.closure);
        }
        self.depth += 1;
        self.fiber
            .push_frame(|| Frame::new(code, base, at, globals, Some(r)));
        true
    }

    /// The common return (the value is on top of the stack): from a frame
    /// a plain call or an attached await pushed, back into its caller's
    /// frame. False: nothing was done, take `do_return`.
    #[inline(always)]
    fn return_simple(&mut self) -> bool {
        let n = self.fiber.frames.len();
        if n < 2 {
            return false;
        }
        let f = &self.fiber.frames[n - 1];
        if f.gen.is_some() || !matches!(f.on_return, OnReturn::Normal | OnReturn::Awaited) || f.exit
        {
            return false;
        }
        let ret_sp = f.ret_sp as usize;
        let v = self.pop();
        self.fiber.frames.truncate(n - 1);
        self.depth = self.depth.saturating_sub(1);
        self.fiber.stack.truncate(ret_sp);
        self.push(v);
        true
    }

    /// Call the callable at stack index `at` with the arguments above it.
    /// `awaited`: the call is awaited at once and the caller resumes there;
    /// an `async def` then starts attached (see call_and_await).
    #[inline]
    fn call_at(&mut self, at: usize, awaited: Option<u32>) -> PyResult<Invoked> {
        if let Some(resume) = awaited {
            if let Some(started) = self.call_and_await(at, resume) {
                return started.map(|()| Invoked::Frame);
            }
        }
        self.call_from_stack(at, None, false)
    }

    /// LoadAttr inline cache hit. On an instance: the attribute is in the
    /// instance dict and the site knows that, for this class, the instance
    /// dict decides (no custom __getattribute__, no data descriptor of that
    /// name). The site also remembers the dict slot where it last found the
    /// name, so a hit is an identity check instead of a hash lookup. On a
    /// module: see `cached_module_attr`.
    #[inline]
    fn cached_load_attr(&self, obj: Value, name: Value, site: &Site) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let inst = match self.heap.get(r) {
            Obj::Instance(inst) => inst,
            Obj::Module(m) => return self.cached_module_attr(r, m, name, site),
            _ => return None,
        };
        let (way, e) = site_way(
            site,
            SiteCache::key(inst.class.raw(), self.class_version.get()),
        )?;
        debug_assert_eq!(e.kind, ATTR_LOAD);
        let d = inst.dict?;
        let dict = self.dict_ref(d);
        if let Some(v) = dict.value_if_key_at(e.value as usize, name) {
            return Some(v);
        }
        let ix = self.dict_index_str(d, name)?;
        site[way].set(SiteCache {
            value: ix as u32,
            ..e
        });
        dict.entry_at(ix).map(|e| e.value)
    }

    /// StoreAttr inline cache hit: `obj.name = v` on an instance whose class
    /// the site knows stores that name plainly in the instance dict.
    #[inline]
    fn cached_store_attr(&mut self, obj: Value, name: Value, v: Value, site: &Site) -> bool {
        let Value::Obj(r) = obj else { return false };
        let Obj::Instance(inst) = self.heap.get(r) else {
            return false;
        };
        let Some((way, e)) = site_way(
            site,
            SiteCache::key(inst.class.raw(), self.class_version.get()),
        ) else {
            return false;
        };
        debug_assert_eq!(e.kind, ATTR_STORE);
        let d = match inst.dict {
            Some(d) => d,
            None => {
                // The first attribute of a fresh instance.
                let d = self.heap.alloc(Obj::Dict(Box::default()));
                if let Obj::Instance(i) = self.heap.get_mut(r) {
                    i.dict = Some(d);
                }
                d
            }
        };
        if self
            .dict_mut(d)
            .set_value_if_key_at(e.value as usize, name, v)
        {
            return true;
        }
        match self.dict_index_str(d, name) {
            Some(ix) => {
                self.dict_mut(d).set_value_if_key_at(ix, name, v);
                site[way].set(SiteCache {
                    value: ix as u32,
                    ..e
                });
            }
            None => self.dict_set_str(d, name, v),
        }
        true
    }

    /// After a slow-path load or store of `name` on an instance: if, for its
    /// class, the instance dict alone decides that attribute, remember it
    /// at the site (`kind` ATTR_LOAD or ATTR_STORE).
    fn learn_instance_attr(&self, obj: Value, name: Value, site: &Site, kind: u8) {
        let Value::Obj(r) = obj else { return };
        let Obj::Instance(inst) = self.heap.get(r) else {
            return;
        };
        if inst.exc.is_some() || inst.dict.is_none() {
            return;
        }
        let cls = inst.class;
        let hook = if kind == ATTR_LOAD {
            self.n.getattribute
        } else {
            self.n.setattr
        };
        if self.has_custom(cls, hook).is_some() {
            return;
        }
        // Dunder names may have special meaning (`__class__`, `__dict__`).
        if self.as_str(name).is_none_or(|n| n.starts_with("__")) {
            return;
        }
        if let Some(Value::Obj(d)) = self.class_lookup(cls, name) {
            // A class attribute that may be a data descriptor decides first.
            if !matches!(
                self.heap.get(d),
                Obj::Function(_) | Obj::Str(_) | Obj::Tuple(_) | Obj::BigInt(_)
            ) {
                return;
            }
        }
        if kind == ATTR_STORE && !self.slots_allow(cls, name) {
            return;
        }
        self.site_learn(
            site,
            SiteCache {
                key: SiteCache::key(cls.raw(), self.class_version.get()),
                kind,
                hash_bit: 0,
                value: u32::MAX,
            },
        );
    }

    /// LoadMethod inline cache hit: a plain method of the instance's class,
    /// not shadowed by the instance dict (`[func, self]`), or a module
    /// attribute (`[func, Undefined]`).
    #[inline]
    fn cached_method(&self, obj: Value, name: Value, site: &Site) -> Option<(Value, Value)> {
        let Value::Obj(r) = obj else { return None };
        let cls = match self.heap.get(r) {
            Obj::Instance(inst) => {
                let (_, e) = site_way(
                    site,
                    SiteCache::key(inst.class.raw(), self.class_version.get()),
                )?;
                debug_assert_eq!(e.kind, METHOD);
                if let Some(d) = inst.dict {
                    if self.dict_ref(d).may_contain(1u64 << e.hash_bit)
                        && self.dict_get_str(d, name).is_some()
                    {
                        return None;
                    }
                }
                return Some((Value::Obj(ObjRef::from_index(e.value)), obj));
            }
            Obj::Module(m) => {
                return self
                    .cached_module_attr(r, m, name, site)
                    .map(|f| (f, Value::Undefined))
            }
            // Built-in containers and generators have no instance dict to
            // shadow methods, and their types cannot change.
            Obj::List(_) => self.t.list,
            Obj::Dict(_) => self.t.dict,
            Obj::Str(_) => self.t.str,
            Obj::Tuple(_) => self.t.tuple,
            Obj::Set(_, false) => self.t.set,
            Obj::Set(_, true) => self.t.frozenset,
            Obj::Gen(g) => match g.kind {
                GenKind::Generator => self.t.generator,
                GenKind::Coroutine => self.t.coroutine,
                GenKind::AsyncGenerator => self.t.async_generator,
            },
            _ => return None,
        };
        let (_, e) = site_way(site, SiteCache::key(cls.raw(), self.class_version.get()))?;
        debug_assert_eq!(e.kind, METHOD);
        Some((Value::Obj(ObjRef::from_index(e.value)), obj))
    }

    /// After a slow-path LoadMethod found plain method `f` on the class of
    /// an instance or a built-in container: remember it at the site.
    fn learn_method(&self, obj: Value, name: Value, f: Value, site: &Site) {
        let (Value::Obj(r), Value::Obj(f)) = (obj, f) else {
            return;
        };
        let cls = match self.heap.get(r) {
            Obj::Instance(inst) => inst.class,
            Obj::List(_)
            | Obj::Dict(_)
            | Obj::Str(_)
            | Obj::Tuple(_)
            | Obj::Set(..)
            | Obj::Gen(_) => self.type_of(obj),
            _ => return,
        };
        self.site_learn(
            site,
            SiteCache {
                key: SiteCache::key(cls.raw(), self.class_version.get()),
                kind: METHOD,
                hash_bit: (self.str_hash(name) as u64 & 63) as u8,
                value: f.raw(),
            },
        );
    }

    /// `a += b` for two strs: appends in place when `a` is the str owned
    /// by local `owned` (nothing else can see it), else builds a new str.
    /// Returns the result, which the following StoreFast may own.
    #[inline]
    fn inplace_str_add(
        &mut self,
        a: Value,
        b: Value,
        base: usize,
        owned: u32,
        snap: u64,
    ) -> Option<ObjRef> {
        let (Value::Obj(ar), Value::Obj(br)) = (a, b) else {
            return None;
        };
        let (add, add_chars) = match self.heap.get(br) {
            Obj::Str(t) => (t.s.len(), t.chars),
            _ => return None,
        };
        if !matches!(self.heap.get(ar), Obj::Str(_)) {
            return None;
        }
        let unique = owned != u32::MAX
            && snap == self.locals_escapes
            && ar != br
            && self
                .fiber
                .stack
                .get(base + owned as usize)
                .is_some_and(|v| v.is(a));
        if unique {
            let tail = match self.heap.get(br) {
                Obj::Str(t) => t.s.clone(),
                _ => return None,
            };
            if let Obj::Str(s) = self.heap.get_mut(ar) {
                s.s.push_str(&tail);
                s.chars += add_chars;
                s.hash.set(crate::object::obj::NO_HASH);
            }
            self.heap.bytes_since_gc += add;
            return Some(ar);
        }
        let out = match (self.heap.get(ar), self.heap.get(br)) {
            (Obj::Str(s), Obj::Str(t)) => {
                // Spare capacity makes the next appends amortised O(1).
                let mut out = String::with_capacity((s.s.len() + t.s.len()) * 2);
                out.push_str(&s.s);
                out.push_str(&t.s);
                out
            }
            _ => return None,
        };
        match self.new_str(out) {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }

    fn load_class_deref(&mut self, code: &CodeRt, base: usize, i: usize) -> PyResult<()> {
        let ncell = code.code.cellvars.len();
        let locals = self.fiber.frames.last().unwrap().locals;
        if let (Some(fi), Some(l)) = (i.checked_sub(ncell), locals) {
            let name = code.code.freevars[fi].clone();
            let key = self.intern(&name);
            if let Some(v) = self.mapping_get_str(l, key)? {
                self.push(v);
                return Ok(());
            }
        }
        let nvar = code.code.varnames.len();
        let cell = self.fiber.stack[base + nvar + i];
        let v = self.cell_get(cell);
        if v.is_undefined() {
            return Err(self.unbound_deref(code, i));
        }
        self.push(v);
        Ok(())
    }

    fn load_name(&mut self, name: Value) -> PyResult<()> {
        let f = self.fiber.frames.last().unwrap();
        let (locals, globals) = (f.locals, f.globals);
        let mut found = None;
        if let Some(l) = locals {
            found = self.mapping_get_str(l, name)?;
        }
        if found.is_none() {
            found = self.load_global(globals, name);
        }
        match found {
            Some(v) => {
                self.push(v);
                Ok(())
            }
            None => Err(self.name_error(name)),
        }
    }

    fn unbound_deref(&mut self, code: &CodeRt, i: usize) -> Value {
        let ncell = code.code.cellvars.len();
        if i < ncell {
            let name = code.code.cellvars[i].clone();
            self.new_error(
                self.t.unbound_local_error,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = code.code.freevars[i - ncell].clone();
            self.new_error(
                self.t.name_error,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    #[inline]
    pub(crate) fn cell_get(&self, cell: Value) -> Value {
        match cell {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Cell(v) => *v,
                _ => Value::Undefined,
            },
            _ => Value::Undefined,
        }
    }

    #[inline]
    pub(crate) fn cell_set(&mut self, cell: Value, v: Value) {
        if let Value::Obj(r) = cell {
            if let Obj::Cell(c) = self.heap.get_mut(r) {
                *c = v;
            }
        }
    }

    /// Globals, then builtins.
    #[inline]
    pub(crate) fn load_global(&mut self, globals: ObjRef, name: Value) -> Option<Value> {
        if let Some(v) = self.dict_get_str(globals, name) {
            return Some(v);
        }
        self.dict_get_str(self.builtins, name)
    }

    pub(crate) fn name_error(&mut self, name: Value) -> Value {
        let n = self.str_of(name).to_string();
        let e = self.new_error(self.t.name_error, format!("name '{n}' is not defined"));
        self.set_exc_name(e, name, Value::None);
        e
    }

    /// Get a str key from a locals mapping (a dict, or any mapping via __getitem__).
    pub(crate) fn mapping_get_str(&mut self, m: ObjRef, key: Value) -> PyResult<Option<Value>> {
        if matches!(self.heap.get(m), Obj::Dict(_)) {
            return Ok(self.dict_get_str(m, key));
        }
        let ke = self.t.key_error;
        match self.getitem(Value::Obj(m), key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.isinstance_class(e, ke) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn mapping_set_str(&mut self, m: ObjRef, key: Value, v: Value) -> PyResult<()> {
        if matches!(self.heap.get(m), Obj::Dict(_)) {
            self.dict_set_str(m, key, v);
            return Ok(());
        }
        self.setitem(Value::Obj(m), key, v)
    }

    fn format_value(&mut self, v: Value, conv: Conversion, spec: Option<Value>) -> PyResult<Value> {
        let v = match conv {
            Conversion::None => v,
            Conversion::Str => self.str(v)?,
            Conversion::Repr => self.repr(v)?,
            Conversion::Ascii => self.ascii(v)?,
        };
        let spec_empty = spec.is_none_or(|s| self.str_of(s).is_empty());
        if spec_empty {
            if self.as_str(v).is_some() {
                return Ok(v);
            }
            // format(int, "") is str(int); skip the __format__ machinery.
            if let Value::Int(i) = v {
                return Ok(self.new_str(i.to_string()));
            }
        }
        let spec = match spec {
            Some(s) => s,
            None => self.intern(""),
        };
        self.format(v, spec)
    }

    /// `[.., seq] -> [.., vn, .., v1]`; with `after`, starred unpacking.
    fn unpack(&mut self, seq: Value, before: usize, after: Option<usize>) -> PyResult<()> {
        let items: Vec<Value> = match seq {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(t) => t.to_vec(),
                Obj::List(l) => l.clone(),
                _ => self.collect_iterable(seq)?,
            },
            _ => self.collect_iterable(seq)?,
        };
        match after {
            None => {
                if items.len() != before {
                    let msg = if items.len() < before {
                        format!(
                            "not enough values to unpack (expected {}, got {})",
                            before,
                            items.len()
                        )
                    } else {
                        format!("too many values to unpack (expected {before})")
                    };
                    return Err(self.new_error(self.t.value_error, msg));
                }
                for &v in items.iter().rev() {
                    self.push(v);
                }
            }
            Some(after) => {
                if items.len() < before + after {
                    let msg = format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    );
                    return Err(self.new_error(self.t.value_error, msg));
                }
                let mid_end = items.len() - after;
                for &v in items[mid_end..].iter().rev() {
                    self.push(v);
                }
                let mid = items[before..mid_end].to_vec();
                let l = self.new_list(mid);
                self.push(l);
                for &v in items[..before].iter().rev() {
                    self.push(v);
                }
            }
        }
        Ok(())
    }

    fn make_function(&mut self, flags: u32) -> PyResult<Value> {
        use crate::bytecode::op::make_fn;
        let code_v = self.pop();
        let closure = if flags & make_fn::CLOSURE != 0 {
            let t = self.pop();
            self.tuple_items(t)
                .iter()
                .filter_map(|v| v.as_obj())
                .collect()
        } else {
            Vec::new()
        };
        let annotations = if flags & make_fn::ANNOTATIONS != 0 {
            Some(self.pop())
        } else {
            None
        };
        let kwdefaults = if flags & make_fn::KWDEFAULTS != 0 {
            self.pop().as_obj()
        } else {
            None
        };
        let defaults = if flags & make_fn::DEFAULTS != 0 {
            let t = self.pop();
            self.tuple_items(t)
        } else {
            Vec::new()
        };
        let code = match code_v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Code(c) => c.clone(),
                _ => return Err(self.new_error(self.t.type_error, "expected a code object")),
            },
            _ => return Err(self.new_error(self.t.type_error, "expected a code object")),
        };
        let globals = self.fiber.frames.last().unwrap().globals;
        let name = self.intern(&code.code.name.clone());
        let qualname = self.new_str(&*code.code.qualname);
        let modname = self.n.name;
        let module = self.dict_get_str(globals, modname).unwrap_or(Value::None);
        let doc = match &code.code.doc {
            Some(d) => {
                let d = d.clone();
                self.new_str(&*d)
            }
            None => Value::None,
        };
        Ok(self.alloc(Obj::Function(Box::new(Function {
            code,
            globals,
            name,
            qualname,
            defaults,
            kwdefaults,
            closure,
            dict: None,
            module,
            doc,
            annotations: annotations.unwrap_or(Value::None),
        }))))
    }

    /// Items of a tuple or list value (empty for anything else).
    pub fn tuple_items(&self, v: Value) -> Vec<Value> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(t) => t.to_vec(),
                Obj::List(l) => l.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn do_raise(&mut self, n: u32) -> PyResult<()> {
        match n {
            0 => {
                let cur = self.current_exc();
                if cur.is_none() {
                    Err(self.new_error(self.t.runtime_error, "No active exception to reraise"))
                } else {
                    Err(cur)
                }
            }
            1 => {
                let e = self.pop();
                let exc = self.make_exception(e)?;
                Err(exc)
            }
            _ => {
                let cause = self.pop();
                let e = self.pop();
                let exc = self.make_exception(e)?;
                let cause = if cause.is_none() {
                    Value::None
                } else {
                    match self.make_exception(cause) {
                        Ok(c) => c,
                        Err(_) => {
                            return Err(self.new_error(
                                self.t.type_error,
                                "exception causes must derive from BaseException",
                            ))
                        }
                    }
                };
                if let Some(d) = self.exc_data_mut(exc) {
                    d.cause = cause;
                    d.suppress_context = true;
                }
                Err(exc)
            }
        }
    }

    fn print_expr(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let r = self.repr(v)?;
        let s = format!("{}\n", self.str_of(r));
        let _ = self.stdout.write(&s);
        let k = self.intern("_");
        let b = self.builtins;
        self.dict_set_str(b, k, v);
        Ok(())
    }

    pub(crate) fn compare(&mut self, a: Value, b: Value, kind: CmpKind) -> PyResult<Value> {
        // Fast paths for ints and floats.
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(int_cmp(x, y, kind))),
            (Value::Float(x), Value::Float(y)) => {
                return Ok(Value::Bool(match kind {
                    CmpKind::Lt => x < y,
                    CmpKind::Le => x <= y,
                    CmpKind::Eq => x == y,
                    CmpKind::Ne => x != y,
                    CmpKind::Gt => x > y,
                    CmpKind::Ge => x >= y,
                }))
            }
            _ => {}
        }
        self.rich_compare(a, b, kind)
    }
}

/// `seq[i]` for an in-range int index (negative counts from the end).
#[inline]
fn index_in(items: &[Value], i: i64) -> Option<Value> {
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if (0..n).contains(&j) {
        Some(items[j as usize])
    } else {
        None
    }
}

/// Arithmetic on two ints or floats that needs no allocation or error
/// (anything else takes the general path).
#[inline(always)]
fn fast_arith(a: Value, b: Value, kind: BinOpKind) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match kind {
            BinOpKind::Add => x.checked_add(y).map(Value::Int),
            BinOpKind::Sub => x.checked_sub(y).map(Value::Int),
            BinOpKind::Mul => x.checked_mul(y).map(Value::Int),
            BinOpKind::And => Some(Value::Int(x & y)),
            BinOpKind::Or => Some(Value::Int(x | y)),
            BinOpKind::Xor => Some(Value::Int(x ^ y)),
            BinOpKind::Mod if y > 0 && x >= 0 => Some(Value::Int(x % y)),
            BinOpKind::FloorDiv if y > 0 && x >= 0 => Some(Value::Int(x / y)),
            // Python's floor semantics for the other signs (y == 0 and
            // i64::MIN by -1 take the general path: an error, a bigint).
            BinOpKind::Mod if y != 0 => x.checked_rem(y).map(|r| {
                Value::Int(if r != 0 && (r < 0) != (y < 0) {
                    r + y
                } else {
                    r
                })
            }),
            BinOpKind::FloorDiv if y != 0 => x.checked_div(y).map(|q| {
                let inexact = q.wrapping_mul(y) != x;
                Value::Int(if inexact && (x < 0) != (y < 0) {
                    q - 1
                } else {
                    q
                })
            }),
            // An arithmetic shift floors like Python's.
            BinOpKind::RShift if y >= 0 => Some(Value::Int(x >> y.min(63))),
            BinOpKind::LShift if (0..63).contains(&y) => {
                let r = x << y;
                (r >> y == x).then_some(Value::Int(r))
            }
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => float_op(x, y, kind),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
            float_op(x, y as f64, kind)
        }
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
            float_op(x as f64, y, kind)
        }
        _ => None,
    }
}

#[inline(always)]
fn float_op(x: f64, y: f64, kind: BinOpKind) -> Option<Value> {
    match kind {
        BinOpKind::Add => Some(Value::Float(x + y)),
        BinOpKind::Sub => Some(Value::Float(x - y)),
        BinOpKind::Mul => Some(Value::Float(x * y)),
        BinOpKind::TrueDiv if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}
