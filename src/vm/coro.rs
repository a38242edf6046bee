//! Generators, coroutines and async generators: fibers switch, attach and
//! detach.
//!
//! A generator owns a fiber. Resuming it (`next`, `send`, a `for` loop)
//! swaps it in as the running fiber; a `yield` swaps it back out. `yield from`
//! and `await` on a weft generator or coroutine *attach* its frames on top of
//! the delegating fiber, so a yield at any depth suspends the whole chain at
//! once and resuming costs the same at await depth 1 and 100. An async
//! generator's `yield` detaches its frames again and completes the `await`
//! of `__anext__`/`asend`.

use std::mem;
use std::rc::Rc;

use crate::object::*;

use super::{Exit, Vm};

/// What happens after a generator's fiber ended with an exception.
pub enum DoneRaise {
    Exit(Exit),
    /// Keep unwinding in the resumer's frame.
    Unwind,
    /// The resumer continues normally (a successful `close()`).
    Resume,
}

pub enum Delegated {
    Continue,
    Exit(Exit),
}

/// What an iterator did when sent a value.
pub enum Sent {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// The generator object behind a value (any kind), if it is one.
    #[inline]
    pub(crate) fn gen_of(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Gen(_) => Some(r),
                _ => None,
            },
            _ => None,
        }
    }

    pub(crate) fn gen(&self, g: ObjRef) -> &Gen {
        match self.heap.get(g) {
            Obj::Gen(x) => x,
            _ => panic!("weft internal error: not a generator"),
        }
    }

    pub(crate) fn gen_mut(&mut self, g: ObjRef) -> &mut Gen {
        match self.heap.get_mut(g) {
            Obj::Gen(x) => x,
            _ => panic!("weft internal error: not a generator"),
        }
    }

    fn gen_word(&self, g: ObjRef) -> &'static str {
        match self.gen(g).kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// Check a generator can be resumed; Err for running ones.
    fn check_resumable(&mut self, g: ObjRef) -> PyResult<()> {
        match self.gen(g).state {
            GenState::Running | GenState::Attached => {
                let word = self.gen_word(g);
                if self.gen(g).kind == GenKind::Coroutine {
                    Err(self.new_error(self.t.value_error, format!("{word} already executing")))
                } else {
                    Err(self.value_error(format!("{word} already executing")))
                }
            }
            _ => Ok(()),
        }
    }

    /// RecursionError if resuming `g` would pass the recursion limit: its
    /// frames count like CPython's nested generator/coroutine evaluation, so
    /// a 10,000-deep `yield from`, `await` or generator-expression chain
    /// raises instead of running unbounded.
    fn resume_depth_error(&mut self, g: ObjRef) -> Option<Value> {
        let frames = self.gen(g).fiber.as_ref().map_or(1, |f| f.frames.len());
        if self.depth + frames > self.recursion_limit {
            Some(self.new_error(self.t.recursion_error, "maximum recursion depth exceeded"))
        } else {
            None
        }
    }

    /// Swap the generator's fiber in as the running fiber.
    fn switch_in(&mut self, g: ObjRef, send: Value, mode: ResumeMode, push_send: bool) {
        let was_created = self.gen(g).state == GenState::Created;
        let gen = self.gen_mut(g);
        let fiber = gen
            .fiber
            .take()
            .unwrap_or_else(|| Box::new(Fiber::new(Some(g))));
        gen.state = GenState::Running;
        self.enter_fiber(fiber, mode);
        if push_send && !was_created {
            self.fiber.stack.push(send);
        }
    }

    /// Make a generator's `fiber` the running one; its box keeps the
    /// resumer's fiber on `suspended` (no allocation).
    #[inline(always)]
    fn enter_fiber(&mut self, mut fiber: Box<Fiber>, mode: ResumeMode) {
        fiber.resume = mode;
        self.depth += fiber.frames.len();
        mem::swap(&mut self.fiber, &mut *fiber);
        self.suspended.push(fiber);
    }

    /// The inverse of `enter_fiber`: the resumer's fiber (in `fiber`) runs
    /// again and the running one is parked, suspended, in generator `owner`.
    #[inline(always)]
    fn leave_fiber(&mut self, owner: ObjRef, mut fiber: Box<Fiber>) {
        self.depth = self.depth.saturating_sub(self.fiber.frames.len());
        mem::swap(&mut self.fiber, &mut *fiber);
        if let Obj::Gen(gen) = self.heap.get_mut(owner) {
            gen.fiber = Some(fiber);
            gen.state = GenState::Suspended;
        }
    }

    /// The common resume of a suspended generator (a for loop or next()):
    /// one heap access, then its fiber becomes the running one with `send`
    /// pushed. False: `g` is not a suspended generator within the recursion
    /// limit (nothing was done).
    #[inline(always)]
    pub(crate) fn resume_suspended(&mut self, g: ObjRef, send: Value, mode: ResumeMode) -> bool {
        let Obj::Gen(gen) = self.heap.get_mut(g) else {
            return false;
        };
        if gen.state != GenState::Suspended {
            return false;
        }
        let Some(fiber) = gen.fiber.take() else {
            return false;
        };
        if self.depth + fiber.frames.len() > self.recursion_limit {
            gen.fiber = Some(fiber);
            return false;
        }
        gen.state = GenState::Running;
        self.enter_fiber(fiber, mode);
        self.fiber.stack.push(send);
        true
    }

    /// `yield v` from a plain generator resumed by a for loop or next():
    /// back to the resumer with v. False: any other case (nothing was
    /// done; see `yield_value`).
    #[inline(always)]
    pub(crate) fn yield_simple(&mut self, v: Value) -> bool {
        let Some(owner) = self.fiber.owner else {
            return false;
        };
        if !matches!(
            self.fiber.resume,
            ResumeMode::ForIter { .. } | ResumeMode::Call { .. }
        ) || !matches!(self.heap.get(owner), Obj::Gen(g) if g.kind == GenKind::Generator)
        {
            return false;
        }
        let Some(fiber) = self.suspended.pop() else {
            return false;
        };
        self.leave_fiber(owner, fiber);
        self.push(v);
        true
    }

    /// Resume `g` from the dispatch loop (for loops and `send`/`next`/`throw`
    /// calls). Returns an Exit when the loop must stop.
    pub(crate) fn resume_inline(
        &mut self,
        g: ObjRef,
        send: Value,
        throw: Option<Value>,
        mode: ResumeMode,
    ) -> PyResult<Option<Exit>> {
        if throw.is_none() && self.resume_suspended(g, send, mode) {
            return Ok(None);
        }
        self.check_resumable(g)?;
        let state = self.gen(g).state;
        if state == GenState::Finished {
            return match (throw, mode) {
                (_, ResumeMode::Close) => {
                    self.push(Value::None);
                    Ok(None)
                }
                (Some(e), _) => Err(e),
                (None, ResumeMode::ForIter { target }) => {
                    self.fiber.stack.pop();
                    self.fiber.frames.last_mut().unwrap().ip = target;
                    Ok(None)
                }
                (None, ResumeMode::Call { default: Some(d) }) => {
                    let v = self.next_default(d);
                    self.push(v);
                    Ok(None)
                }
                _ => {
                    if self.gen(g).kind == GenKind::Coroutine {
                        Err(self.runtime_error("cannot reuse already awaited coroutine"))
                    } else {
                        Err(self.stop_iteration(Value::None))
                    }
                }
            };
        }
        if state == GenState::Created {
            if let Some(e) = throw {
                if mode == ResumeMode::Close {
                    self.gen_mut(g).state = GenState::Finished;
                    self.gen_mut(g).fiber = None;
                    self.push(Value::None);
                    return Ok(None);
                }
                // The exception escapes the unstarted generator (PEP 479
                // applies as if it were raised at its first line).
                return Err(self.gen_finished_with_error(g, e));
            }
            if !send.is_none() {
                let word = self.gen_word(g);
                return Err(self.type_error(format!(
                    "can't send non-None value to a just-started {word}"
                )));
            }
        }
        if let Some(e) = self.resume_depth_error(g) {
            return Err(e);
        }
        self.switch_in(g, send, mode, throw.is_none());
        if let Some(e) = throw {
            return Ok(self.unwind(e, true));
        }
        Ok(None)
    }

    /// Resume `g` from Rust and run it until it yields, returns or raises.
    pub fn resume_native(&mut self, g: ObjRef, send: Value, throw: Option<Value>) -> Exit {
        // The common case (next() from a native such as sum() or list()):
        // a suspended generator within the limits.
        if throw.is_none()
            && self.native_depth <= 20_000
            && self.resume_suspended(g, send, ResumeMode::Native)
        {
            return self.run_resumed();
        }
        if let Err(e) = self.check_resumable(g) {
            return Exit::Raised(e);
        }
        let state = self.gen(g).state;
        if state == GenState::Finished {
            return match throw {
                Some(e) => Exit::Raised(e),
                None => {
                    if self.gen(g).kind == GenKind::Coroutine {
                        Exit::Raised(self.runtime_error("cannot reuse already awaited coroutine"))
                    } else {
                        Exit::Returned(Value::None)
                    }
                }
            };
        }
        if state == GenState::Created {
            if let Some(e) = throw {
                return Exit::Raised(self.gen_finished_with_error(g, e));
            }
            if !send.is_none() {
                let word = self.gen_word(g);
                return Exit::Raised(self.type_error(format!(
                    "can't send non-None value to a just-started {word}"
                )));
            }
        }
        if self.native_depth > 20_000 {
            return Exit::Raised(
                self.new_error(self.t.recursion_error, "maximum recursion depth exceeded"),
            );
        }
        if let Some(e) = self.resume_depth_error(g) {
            return Exit::Raised(e);
        }
        self.switch_in(g, send, ResumeMode::Native, throw.is_none());
        if let Some(e) = throw {
            if let Some(exit) = self.unwind(e, true) {
                return exit;
            }
        }
        self.run_resumed()
    }

    /// Resume a thread-job coroutine that `preempt` parked at a safepoint:
    /// like `resume_native` with nothing sent (nothing is pushed: the
    /// fiber stopped between instructions, not at a yield).
    pub fn resume_preempted(&mut self, g: ObjRef) -> Exit {
        if let Err(e) = self.check_resumable(g) {
            return Exit::Raised(e);
        }
        if self.gen(g).state != GenState::Suspended {
            return Exit::Raised(self.runtime_error("resuming a fiber that was not preempted"));
        }
        self.switch_in(g, Value::None, ResumeMode::Native, false);
        self.run_resumed()
    }

    /// Run the fiber `resume_native` switched in until it yields, returns
    /// or raises.
    fn run_resumed(&mut self) -> Exit {
        self.native_depth += 1;
        let r = crate::stack::guard(|| self.run_loop());
        self.native_depth -= 1;
        r
    }

    /// Mark a generator finished by an exception; PEP 479 turns a
    /// StopIteration escaping a generator into RuntimeError.
    pub(crate) fn gen_finished_with_error(&mut self, g: ObjRef, exc: Value) -> Value {
        let kind = self.gen(g).kind;
        {
            let gen = self.gen_mut(g);
            gen.state = GenState::Finished;
            gen.fiber = None;
        }
        let si = self.t.stop_iteration;
        let sai = self.t.stop_async_iteration;
        let (bad, msg) = match kind {
            GenKind::Generator => (
                self.isinstance_class(exc, si),
                "generator raised StopIteration",
            ),
            GenKind::Coroutine => (
                self.isinstance_class(exc, si),
                "coroutine raised StopIteration",
            ),
            GenKind::AsyncGenerator => (
                self.isinstance_class(exc, si) || self.isinstance_class(exc, sai),
                if self.isinstance_class(exc, si) {
                    "async generator raised StopIteration"
                } else {
                    "async generator raised StopAsyncIteration"
                },
            ),
        };
        if bad {
            return self.replace_with_runtime_error(exc, msg);
        }
        exc
    }

    /// RuntimeError(msg) caused by `exc` (a StopIteration that escaped a
    /// generator or coroutine).
    pub(crate) fn replace_with_runtime_error(&mut self, exc: Value, msg: &str) -> Value {
        let e = self.runtime_error(msg);
        if let Some(d) = self.exc_data_mut(e) {
            d.cause = exc;
            d.context = exc;
            d.suppress_context = true;
        }
        e
    }

    /// The running generator fiber has no frames left after an exception
    /// escaped it: switch back to the resumer. None: keep unwinding there.
    pub(crate) fn fiber_done_raise(&mut self, exc: Value) -> DoneRaise {
        let mode = self.fiber.resume;
        let Some(resumer) = self.suspended.pop() else {
            return DoneRaise::Exit(Exit::Raised(exc));
        };
        self.fiber = *resumer;
        match mode {
            ResumeMode::Native => DoneRaise::Exit(Exit::Raised(exc)),
            ResumeMode::Close => {
                let ge = self.t.generator_exit;
                let si = self.t.stop_iteration;
                if self.isinstance_class(exc, ge) || self.isinstance_class(exc, si) {
                    // close() succeeded: continue after the call with None.
                    self.push(Value::None);
                    DoneRaise::Resume
                } else {
                    DoneRaise::Unwind
                }
            }
            _ => DoneRaise::Unwind,
        }
    }

    /// ReturnValue: pop the frame and deliver the value. Returns an Exit when
    /// the loop must stop.
    pub(crate) fn do_return(&mut self) -> Option<Exit> {
        // (The common return, from a plain call, is `return_simple`, which
        // the dispatch loop tries before this.)
        let v = self.pop();
        let Some(frame) = self.fiber.frames.pop() else {
            return Some(Exit::Returned(v));
        };
        self.depth = self.depth.saturating_sub(1);
        self.fiber.stack.truncate(frame.ret_sp as usize);
        if let Some(g) = frame.gen {
            let kind = self.gen(g).kind;
            {
                let gen = self.gen_mut(g);
                gen.state = GenState::Finished;
                gen.fiber = None;
            }
            if self.fiber.frames.is_empty() {
                let mode = self.fiber.resume;
                let Some(resumer) = self.suspended.pop() else {
                    return Some(Exit::Returned(v));
                };
                self.fiber = *resumer;
                return match mode {
                    ResumeMode::Native => {
                        if kind == GenKind::AsyncGenerator {
                            let e =
                                self.new_exception(self.t.stop_async_iteration, self.empty_tuple);
                            Some(Exit::Raised(e))
                        } else {
                            Some(Exit::Returned(v))
                        }
                    }
                    ResumeMode::ForIter { target } => {
                        self.fiber.stack.pop();
                        self.fiber.frames.last_mut().unwrap().ip = target;
                        None
                    }
                    ResumeMode::Call { default: Some(d) } => {
                        let v = self.next_default(d);
                        self.push(v);
                        None
                    }
                    ResumeMode::Call { default: None } => {
                        let e = self.stop_iteration(v);
                        self.unwind(e, true)
                    }
                    ResumeMode::Close => {
                        self.push(Value::None);
                        None
                    }
                    ResumeMode::AsyncGenStep => {
                        let e = self.new_exception(self.t.stop_async_iteration, self.empty_tuple);
                        self.unwind(e, true)
                    }
                };
            }
            // An attached generator finished: its value is the result of the
            // delegating YieldFrom (whose iterator ret_sp already removed).
            if kind == GenKind::AsyncGenerator {
                let closing = self.gen(g).closing;
                if closing {
                    self.push(Value::None);
                    return None;
                }
                let e = self.new_exception(self.t.stop_async_iteration, self.empty_tuple);
                return self.unwind(e, true);
            }
            self.push(v);
            return None;
        }
        let result = match frame.on_return {
            OnReturn::Normal => Ok(v),
            OnReturn::Discard => Ok(Value::Undefined),
            OnReturn::Awaited => Ok(v),
            OnReturn::Init { instance } => {
                if v.is_none() {
                    Ok(Value::Obj(instance))
                } else {
                    let tn = self.type_name(v);
                    Err(self.type_error(format!("__init__() should return None, not '{tn}'")))
                }
            }
            OnReturn::ClassBody { class_args } => self.finish_class(
                class_args,
                frame.locals.map_or(Value::Undefined, Value::Obj),
            ),
        };
        match result {
            Ok(r) => {
                if frame.exit {
                    return Some(Exit::Returned(r));
                }
                if !r.is_undefined() {
                    self.push(r);
                }
                None
            }
            Err(e) => {
                if frame.exit {
                    return Some(Exit::Raised(e));
                }
                self.unwind(e, true)
            }
        }
    }

    /// YieldValue: suspend the running generator (or, for an async
    /// generator attached to an awaiting frame, complete that await).
    pub(crate) fn yield_value(&mut self, v: Value) -> PyResult<Option<Exit>> {
        let top_gen = self.fiber.frames.last().and_then(|f| f.gen);
        if let Some(g) = top_gen {
            if self.gen(g).kind == GenKind::AsyncGenerator && self.fiber.frames.len() > 1 {
                if self.gen(g).closing {
                    return Err(self.runtime_error("async generator ignored GeneratorExit"));
                }
                self.detach_top(g);
                self.push(v);
                return Ok(None);
            }
        }
        Ok(self.suspend_fiber(v))
    }

    /// Move the attached frames of `g` (its root and everything above) back
    /// into its own fiber; the delegating frame's iterator is popped.
    fn detach_top(&mut self, g: ObjRef) {
        let Some(k) = self.fiber.frames.iter().rposition(|f| f.gen == Some(g)) else {
            return;
        };
        let frames: Vec<Frame> = self.fiber.frames.drain(k..).collect();
        let seg_start = frames[0].base as usize;
        let ret_sp = frames[0].ret_sp as usize;
        let stack: Vec<Value> = self.fiber.stack.drain(seg_start..).collect();
        self.fiber.stack.truncate(ret_sp);
        self.depth = self.depth.saturating_sub(frames.len());
        let off = seg_start as u32;
        let mut fiber = Box::new(Fiber::new(Some(g)));
        fiber.stack = stack;
        for mut f in frames {
            f.base -= off;
            f.ret_sp = f.ret_sp.saturating_sub(off);
            for b in f.blocks.iter_mut() {
                b.depth -= off;
            }
            fiber.frames.push(f);
        }
        let gen = self.gen_mut(g);
        gen.fiber = Some(fiber);
        gen.state = GenState::Suspended;
    }

    /// Suspend the whole running fiber, handing `v` to its resumer.
    pub(crate) fn suspend_fiber(&mut self, v: Value) -> Option<Exit> {
        let Some(owner) = self.fiber.owner else {
            let e = self.runtime_error("yield outside of a generator");
            return self.unwind(e, true);
        };
        let Some(fiber) = self.suspended.pop() else {
            return Some(Exit::Yielded(v));
        };
        let mode = self.fiber.resume;
        self.leave_fiber(owner, fiber);
        match mode {
            ResumeMode::Native => Some(Exit::Yielded(v)),
            ResumeMode::Close => {
                let word = self.gen_word(owner);
                let e = self.runtime_error(format!("{word} ignored GeneratorExit"));
                self.unwind(e, true)
            }
            _ => {
                self.push(v);
                None
            }
        }
    }

    /// Attach `g`'s frames on top of the running fiber (for YieldFrom).
    fn attach(&mut self, g: ObjRef, sent: Value, throw: Option<Value>) -> PyResult<Option<Exit>> {
        let state = self.gen(g).state;
        if state == GenState::Created && throw.is_none() && !sent.is_none() {
            let word = self.gen_word(g);
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {word}"
            )));
        }
        if let (GenState::Created, Some(e)) = (state, throw) {
            return Err(self.gen_finished_with_error(g, e));
        }
        if let Some(e) = self.resume_depth_error(g) {
            return Err(e);
        }
        let gen = self.gen_mut(g);
        let fiber = gen
            .fiber
            .take()
            .unwrap_or_else(|| Box::new(Fiber::new(Some(g))));
        gen.state = GenState::Attached;
        let off = self.fiber.stack.len() as u32;
        let Fiber { stack, frames, .. } = *fiber;
        self.fiber.stack.extend(stack);
        self.depth += frames.len();
        for (i, mut f) in frames.into_iter().enumerate() {
            f.base += off;
            f.ret_sp = if i == 0 { off - 1 } else { f.ret_sp + off };
            for b in f.blocks.iter_mut() {
                b.depth += off;
            }
            self.fiber.frames.push(f);
        }
        if let Some(e) = throw {
            return Ok(self.unwind(e, true));
        }
        if state != GenState::Created {
            self.push(sent);
        }
        Ok(None)
    }

    /// YieldFrom: `[.., iter, sent] -> [.., result]`, suspending while the
    /// iterator yields.
    pub(crate) fn yield_from(&mut self) -> PyResult<Delegated> {
        let sent = self.pop();
        let iter = self.top();
        if let Value::Obj(r) = iter {
            match self.heap.get(r) {
                Obj::Gen(gen) => match gen.state {
                    GenState::Created | GenState::Suspended => {
                        return Ok(match self.attach(r, sent, None)? {
                            Some(exit) => Delegated::Exit(exit),
                            None => Delegated::Continue,
                        });
                    }
                    GenState::Finished => {
                        if gen.kind == GenKind::Coroutine {
                            return Err(
                                self.runtime_error("cannot reuse already awaited coroutine")
                            );
                        }
                        self.pop();
                        self.push(Value::None);
                        return Ok(Delegated::Continue);
                    }
                    _ => {
                        if gen.kind == GenKind::Coroutine {
                            return Err(self.runtime_error("coroutine is being awaited already"));
                        }
                        return Err(self.value_error("generator already executing"));
                    }
                },
                Obj::AGenOp(op) => {
                    let (agen, kind, used) = (op.agen, op.kind, op.used);
                    if used {
                        return Err(
                            self.runtime_error("cannot reuse already awaited __anext__()/asend()")
                        );
                    }
                    if let Obj::AGenOp(op) = self.heap.get_mut(r) {
                        op.used = true;
                    }
                    return self.agen_step(agen, kind);
                }
                _ => {}
            }
        }
        let hooked = match (iter, self.await_hook) {
            (Value::Obj(r), Some(hook)) if matches!(self.heap.get(r), Obj::NativeObj(_)) => {
                hook(self, r, sent).map(|step| {
                    step.map(|s| match s {
                        super::AwaitStep::Yield(v) => Sent::Yielded(v),
                        super::AwaitStep::Return(v) => Sent::Returned(v),
                    })
                })
            }
            _ => None,
        };
        let step = match hooked {
            Some(step) => step?,
            None => self.iter_send(iter, sent)?,
        };
        match step {
            Sent::Returned(v) => {
                self.pop();
                self.push(v);
                Ok(Delegated::Continue)
            }
            Sent::Yielded(y) => {
                // Re-run this YieldFrom with the next sent value.
                let f = self.fiber.frames.last_mut().unwrap();
                f.ip -= 1;
                Ok(match self.suspend_fiber(y) {
                    Some(exit) => Delegated::Exit(exit),
                    None => Delegated::Continue,
                })
            }
        }
    }

    /// Await on an async generator step: attach the generator.
    fn agen_step(&mut self, agen: ObjRef, kind: AGenOpKind) -> PyResult<Delegated> {
        let state = self.gen(agen).state;
        if matches!(state, GenState::Running | GenState::Attached) {
            return Err(self.runtime_error("anext(): asynchronous generator is already running"));
        }
        if state == GenState::Finished {
            return match kind {
                AGenOpKind::Close => {
                    self.pop();
                    self.push(Value::None);
                    Ok(Delegated::Continue)
                }
                AGenOpKind::Throw(e) => Err(e),
                AGenOpKind::Send(_) => {
                    Err(self.new_exception(self.t.stop_async_iteration, self.empty_tuple))
                }
            };
        }
        if state == GenState::Created
            && !self.running_loop.is_none()
            && !self.asyncgens.contains(&agen)
        {
            self.asyncgens.push(agen);
        }
        let (sent, throw) = match kind {
            AGenOpKind::Send(v) => (v, None),
            AGenOpKind::Throw(e) => (Value::None, Some(e)),
            AGenOpKind::Close => {
                if state == GenState::Created {
                    self.gen_mut(agen).state = GenState::Finished;
                    self.gen_mut(agen).fiber = None;
                    self.pop();
                    self.push(Value::None);
                    return Ok(Delegated::Continue);
                }
                self.gen_mut(agen).closing = true;
                let e = self.new_exception(self.t.generator_exit, self.empty_tuple);
                (Value::None, Some(e))
            }
        };
        Ok(match self.attach(agen, sent, throw)? {
            Some(exit) => Delegated::Exit(exit),
            None => Delegated::Continue,
        })
    }

    /// Send a value into a non-generator iterator (`yield from` a list
    /// iterator, a custom awaitable's iterator...).
    pub(crate) fn iter_send(&mut self, iter: Value, sent: Value) -> PyResult<Sent> {
        let si = self.t.stop_iteration;
        let builtin_iter =
            matches!(iter, Value::Obj(r) if matches!(self.heap.get(r), Obj::Iter(_) | Obj::Gen(_)));
        let r = if sent.is_none() && builtin_iter {
            match self.next(iter) {
                Ok(Some(v)) => return Ok(Sent::Yielded(v)),
                Ok(None) => return Ok(Sent::Returned(Value::None)),
                Err(e) => Err(e),
            }
        } else if sent.is_none() {
            // Call __next__ directly: StopIteration's value is the result.
            let nk = self.n.next;
            match self.lookup_special(iter, nk) {
                Some(f) => self.call_bound(f, iter, &[]),
                None => Err(self.type_error_obj(iter, "is not an iterator")),
            }
        } else {
            let name = self.intern("send");
            self.call_method(iter, name, &[sent])
        };
        match r {
            Ok(v) => Ok(Sent::Yielded(v)),
            Err(e) if self.isinstance_class(e, si) => {
                let args = self.exc_args(e);
                Ok(Sent::Returned(args.first().copied().unwrap_or(Value::None)))
            }
            Err(e) => Err(e),
        }
    }

    pub(crate) fn get_yield_from_iter(&mut self, v: Value, _code: &CodeRt) -> PyResult<Value> {
        if self.gen_of(v).is_some() {
            return Ok(v);
        }
        self.iter(v)
    }

    /// GetAwaitable: coroutines pass through, else `__await__()`.
    pub(crate) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if let Some(g) = self.gen_of(v) {
            if self.gen(g).kind != GenKind::AsyncGenerator {
                return Ok(v);
            }
        }
        if let Value::Obj(r) = v {
            if matches!(self.heap.get(r), Obj::AGenOp(_)) {
                return Ok(v);
            }
        }
        let aw = self.n.await_;
        match self.lookup_special(v, aw) {
            Some(f) => {
                let it = self.call_bound(f, v, &[])?;
                if let Some(g) = self.gen_of(it) {
                    if self.gen(g).kind == GenKind::Coroutine {
                        return Err(self.type_error("__await__() returned a coroutine"));
                    }
                    return Ok(it);
                }
                if !self.is_iterator(it) {
                    let tn = self.type_name(it);
                    return Err(self
                        .type_error(format!("__await__() returned non-iterator of type '{tn}'")));
                }
                Ok(it)
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("object {tn} can't be used in 'await' expression")))
            }
        }
    }

    pub(crate) fn get_aiter(&mut self, v: Value) -> PyResult<Value> {
        let ai = self.n.aiter;
        match self.lookup_special(v, ai) {
            Some(f) => {
                let it = self.call_bound(f, v, &[])?;
                let an = self.n.anext;
                if self.gen_of(it).is_none() && self.lookup_special(it, an).is_none() {
                    let tn = self.type_name(it);
                    return Err(self.type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
                    )));
                }
                Ok(it)
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!(
                    "'async for' requires an object with __aiter__ method, got {tn}"
                )))
            }
        }
    }

    pub(crate) fn get_anext(&mut self, v: Value) -> PyResult<Value> {
        if let Some(g) = self.gen_of(v) {
            if self.gen(g).kind == GenKind::AsyncGenerator {
                return Ok(self.alloc(Obj::AGenOp(Box::new(AGenOp {
                    agen: g,
                    kind: AGenOpKind::Send(Value::None),
                    used: false,
                }))));
            }
        }
        let an = self.n.anext;
        match self.lookup_special(v, an) {
            Some(f) => {
                let aw = self.call_bound(f, v, &[])?;
                match self.get_awaitable(aw) {
                    Ok(x) => Ok(x),
                    Err(_) => {
                        let tn = self.type_name(aw);
                        Err(self.type_error(format!(
                            "'async for' received an invalid object from __anext__: {tn}"
                        )))
                    }
                }
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!(
                    "'async for' requires an iterator with __anext__ method, got {tn}"
                )))
            }
        }
    }

    /// A new generator, coroutine or async generator running `frame`.
    /// `await f(args)` where `f` is an `async def` needing no argument
    /// binding: make the coroutine object and push its frame directly onto
    /// the awaiting fiber, in the state `attach` would leave it (the
    /// coroutine in the callee's stack slot, the frame returning into it),
    /// without building a fiber of its own first. The awaiting frame
    /// resumes at `resume_ip` (after the YieldFrom). None: not applicable.
    pub(crate) fn call_and_await(&mut self, at: usize, resume_ip: u32) -> Option<PyResult<()>> {
        let Value::Obj(fref) = self.fiber.stack[at] else {
            return None;
        };
        let Obj::Function(f) = self.heap.get(fref) else {
            return None;
        };
        let nargs = self.fiber.stack.len() - at - 1;
        let argc = f.code.coro_argc as usize;
        // Missing trailing arguments come from the defaults.
        if nargs > argc || nargs + f.defaults.len() < argc {
            return None;
        }
        let missing = argc - nargs;
        if missing > 0 {
            let from = f.defaults.len() - missing;
            let defaults: crate::vm::call::ArgVec = f.defaults[from..].iter().copied().collect();
            self.fiber.stack.extend_from_slice(&defaults);
        }
        let Obj::Function(f) = self.heap.get(fref) else {
            return None;
        };
        let code = f.code.clone();
        let globals = f.globals;
        if self.depth >= self.recursion_limit.min(super::call::MAX_FRAMES) {
            self.fiber.stack.truncate(at);
            return Some(Err(self.new_error(
                self.t.recursion_error,
                "maximum recursion depth exceeded",
            )));
        }
        let base = at + 1;
        self.fiber
            .stack
            .resize(base + code.nslots as usize, Value::Undefined);
        if code.has_cells {
            self.init_cells(fref, &code, base);
        }
        // The callee's slot, cut when the frame returns, held the function.
        self.fiber.stack[at] = Value::None;
        self.fiber.frames.last_mut().unwrap().ip = resume_ip;
        self.depth += 1;
        self.fiber.push_frame(|| Frame {
            on_return: OnReturn::Awaited,
            ..Frame::new(code, base, at, globals, Some(fref))
        });
        Some(Ok(()))
    }

    /// The source line `g` is at: where it is suspended or running, or its
    /// `def` line before it starts (what CPython's coroutine reprs show).
    pub(crate) fn gen_line(&self, g: ObjRef) -> Option<u32> {
        let gen = self.gen(g);
        if gen.state == GenState::Created {
            return Some(gen.code.code.firstlineno);
        }
        let frame = match &gen.fiber {
            Some(f) => f.frames.first()?,
            None => self
                .fiber
                .frames
                .iter()
                .chain(self.suspended.iter().flat_map(|f| f.frames.iter()))
                .find(|f| f.gen == Some(g))?,
        };
        Some(
            frame
                .code
                .code
                .line_at((frame.ip as usize).saturating_sub(1)),
        )
    }

    /// The default of `next(g, default)`, kept in a 1-tuple by the
    /// resume mode.
    pub(crate) fn next_default(&self, d: ObjRef) -> Value {
        match self.heap.get(d) {
            Obj::Tuple(t) => t.first().copied().unwrap_or(Value::None),
            _ => Value::None,
        }
    }

    /// The running frame's file and line, for a coroutine made there: a
    /// coroutine freed unstarted is reported at the line that made it (in
    /// CPython, which frees it by reference counting as that line drops
    /// it, the same line in the common case of a call missing its await).
    fn caller_origin(&mut self) -> Origin {
        let Some(f) = self.fiber.frames.last() else {
            return Origin::default();
        };
        let code = &f.code.code;
        let line = code.line_at((f.ip as usize).saturating_sub(1));
        let file = &code.filename;
        let idx = match self
            .origin_files
            .iter()
            .rposition(|x| Rc::ptr_eq(x, file) || x == file)
        {
            Some(i) => i,
            None => {
                self.origin_files.push(file.clone());
                self.origin_files.len() - 1
            }
        };
        Origin {
            file: idx as u32 + 1,
            line,
        }
    }

    pub(crate) fn make_gen(&mut self, fref: ObjRef, stack: Vec<Value>) -> Value {
        let Obj::Function(f) = self.heap.get(fref) else {
            unreachable!("make_gen of a function")
        };
        let code = f.code.clone();
        let (globals, name, qualname) = (f.globals, f.name, f.qualname);
        let mut frame = Frame::new(code.clone(), 0, 0, globals, Some(fref));
        let kind = if code.code.is_async_generator() {
            GenKind::AsyncGenerator
        } else if code.code.is_coroutine() {
            GenKind::Coroutine
        } else {
            GenKind::Generator
        };
        // A function's __name__ and __qualname__ are always str objects
        // (setting anything else is a TypeError).
        let mut as_ref = |v: Value| match v {
            Value::Obj(r) => r,
            _ => self.intern_ref(""),
        };
        let (name, qualname) = (as_ref(name), as_ref(qualname));
        let origin = if kind == GenKind::Coroutine {
            self.caller_origin()
        } else {
            Origin::default()
        };
        let r = self.heap.alloc_gen(Obj::Gen(Box::new(Gen {
            kind,
            state: GenState::Created,
            fiber: None,
            name,
            qualname,
            code,
            awaited_by: None,
            closing: false,
            thread_job: false,
            origin,
        })));
        frame.gen = Some(r);
        let mut fiber = Box::new(Fiber::new(Some(r)));
        fiber.stack = stack;
        // Most generators never hold more than their own frame while
        // suspended; Vec's first push would reserve four (448 bytes).
        fiber.frames.reserve_exact(1);
        fiber.frames.push(frame);
        self.gen_mut(r).fiber = Some(fiber);
        Value::Obj(r)
    }
}
