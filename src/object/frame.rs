//! Frames and fibers: the heap-resident execution state.
//!
//! A fiber owns a value stack and a chain of frames. The main program, each
//! task and each generator/coroutine own one; switching between them swaps a
//! boxed fiber, so resuming costs the same at any await depth.

use std::rc::Rc;

use super::obj::CodeRt;
use super::value::{ObjRef, Value};

/// An active exception handler (`SetupExcept`).
#[derive(Debug, Clone, Copy)]
pub struct Block {
    pub handler: u32,
    /// Operand-stack height (absolute index into the fiber stack) to restore.
    pub depth: u32,
}

/// What happens when a frame returns, besides handing the value to its caller.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OnReturn {
    /// Push the value for the caller.
    Normal,
    /// The frame ran a class body: build the class from its namespace.
    ClassBody { class_args: ObjRef },
    /// The frame ran `__init__`: the call's result is `instance` (and the
    /// return value must be None).
    Init { instance: Value },
    /// Discard the value (e.g. a callback whose result is unused).
    Discard,
}

#[derive(Debug)]
pub struct Frame {
    pub code: Rc<CodeRt>,
    pub ip: u32,
    /// Stack index of local slot 0.
    pub base: u32,
    /// Stack height to cut back to when this frame returns.
    pub ret_sp: u32,
    pub globals: ObjRef,
    /// The locals mapping of module and class bodies (Undefined otherwise).
    pub locals: Value,
    /// The function being run (Undefined for module code).
    pub func: Value,
    pub blocks: Vec<Block>,
    /// Set on the first frame of a generator or coroutine: returning from it
    /// finishes that generator.
    pub gen: Option<ObjRef>,
    pub on_return: OnReturn,
    /// Leave the dispatch loop when this frame returns or raises (a native
    /// called this function).
    pub exit: bool,
}

/// How a suspended fiber's outcome is delivered to whoever resumed it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ResumeMode {
    /// Resumed by `ForIter` in the resumer: a yield pushes the value, a
    /// return ends the loop (jump to `target`).
    ForIter { target: u32 },
    /// Resumed by a call (`send`, `__next__`, `next()`): a yield is the
    /// call's result, a return raises StopIteration(value) unless `default`
    /// is given (`next(g, default)`).
    Call { default: Value },
    /// Resumed by `YieldFrom` on an async generator's awaitable (`__anext__`,
    /// `asend`): a `yield` completes the await with the value.
    AsyncGenStep,
    /// `close()`: GeneratorExit was thrown in; a yield is a RuntimeError,
    /// GeneratorExit or StopIteration out of it means success (None).
    Close,
    /// A native (Rust) resumed it: leave the dispatch loop.
    Native,
}

#[derive(Debug)]
pub struct Fiber {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// The exception being handled (sys.exc_info()), or None.
    pub exc_info: Value,
    pub resume: ResumeMode,
    /// The generator this fiber belongs to (None for the main fiber or a task).
    pub owner: Option<ObjRef>,
}

impl Fiber {
    pub fn new(owner: Option<ObjRef>) -> Fiber {
        Fiber {
            stack: Vec::new(),
            frames: Vec::new(),
            exc_info: Value::None,
            resume: ResumeMode::Native,
            owner,
        }
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.stack);
        out.push(self.exc_info);
        if let Some(o) = self.owner {
            out.push(Value::Obj(o));
        }
        if let ResumeMode::Call { default } = self.resume {
            out.push(default);
        }
        for f in &self.frames {
            super::obj::trace_code(&f.code, out);
            out.push(Value::Obj(f.globals));
            out.push(f.locals);
            out.push(f.func);
            if let Some(g) = f.gen {
                out.push(Value::Obj(g));
            }
            match f.on_return {
                OnReturn::ClassBody { class_args } => out.push(Value::Obj(class_args)),
                OnReturn::Init { instance } => out.push(instance),
                _ => {}
            }
        }
    }
}
