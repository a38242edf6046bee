//! Running entries and the event loop between them.
//!
//! The session's loop is made when asyncio is first used (an entry that
//! awaits, or once `asyncio` is imported), so a prompt that never touches
//! asyncio pays nothing for it. From then on it is the running loop while
//! an entry runs and while the prompt waits, as in `python -m asyncio`: a
//! task created at the prompt runs between keystrokes, and an entry with a
//! top-level `await` is a task on it, driven until done.
//!
//! Ctrl-C while an entry runs: the terminal is out of raw mode then, so it
//! is SIGINT, whose handler raises KeyboardInterrupt at the dispatch loop's
//! next safepoint (a CPU loop), or as the loop's poll returns (an `await`
//! that waits). In the second case the exception is thrown into the
//! entry's task where it is suspended, so its `finally` blocks run and the
//! traceback shows where it was; the other tasks go on.

use std::rc::Rc;

use super::input::{Event, Input};
use crate::aio::eventloop::{loop_mut, loop_ref, run_once, Ready};
use crate::aio::future::{self, fut, fut_mut, DoneCb, FutState};
use crate::embed::{Interpreter, RunError};
use crate::object::{Obj, ObjRef, PyResult, Value};
use crate::vm::Vm;

/// What waiting for a line gave.
pub enum Waited {
    Line(String),
    Interrupted,
    Eof,
    /// A task called `sys.exit(code)` while the prompt waited.
    Exit(i32),
}

/// The session's state beyond the namespace: its event loop.
#[derive(Default)]
pub struct Session {
    event_loop: Option<ObjRef>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Compile and run one entry in `__main__`'s namespace.
    pub fn run_entry(&mut self, interp: &mut Interpreter, text: &str) -> Result<(), RunError> {
        let file = crate::source::SourceFile::new("<stdin>", text);
        interp.vm.sources.insert(Rc::from("<stdin>"), file.clone());
        let code = crate::syntax::parse(text)
            .and_then(|m| crate::compile::compile(&m, &file, crate::compile::Mode::Interactive))
            .map_err(|e| RunError::Syntax(e, file.clone()))?;
        let Some(main) = interp.vm.main_globals else {
            return Ok(());
        };
        let r = interp.guarded(|vm| -> PyResult<()> {
            let lp = self.session_loop(vm, code.is_coroutine())?;
            if !code.is_coroutine() {
                let prev = enter(vm, lp);
                let r = vm.run_module_code(&code, main);
                leave(vm, lp, prev);
                return r.map(|_| ());
            }
            let Some(l) = lp else { return Ok(()) };
            // Top-level await: the entry is a coroutine function over the
            // namespace, run as a task on the session's loop.
            let rt = vm.load_code(&code);
            let name = vm.intern("<module>");
            let f = vm.alloc(Obj::Function(Box::new(crate::object::Function {
                code: rt,
                globals: main,
                name,
                qualname: name,
                defaults: Vec::new(),
                kwdefaults: None,
                closure: Vec::new(),
                dict: None,
                module: Value::None,
                doc: Value::None,
                annotations: Value::None,
            })));
            let coro = vm.call(f, &[])?;
            vm.temp_roots.push(coro);
            let k = vm.intern("create_task");
            let task = vm
                .getattr(Value::Obj(l), k)
                .and_then(|ct| vm.call(ct, &[coro]));
            vm.temp_roots.pop();
            let task = task?;
            let Some(t) = future::fut_ref(vm, task) else {
                return Ok(());
            };
            vm.temp_roots.push(task);
            let r = drive_task(vm, l, t);
            vm.temp_roots.pop();
            r
        })?;
        r.map_err(|e| interp.exception_to_error(e))
    }

    /// The session's loop; made now if `make` or once asyncio is imported.
    fn session_loop(&mut self, vm: &mut Vm, make: bool) -> PyResult<Option<ObjRef>> {
        if let Some(l) = self.event_loop {
            if loop_ref(vm, l).is_some_and(|lo| !lo.closed) {
                return Ok(Some(l));
            }
            // Closed by the user: a new one takes its place.
            vm.extra_roots.retain(|&v| v != Value::Obj(l));
            self.event_loop = None;
        }
        if !make && !asyncio_imported(vm) {
            return Ok(None);
        }
        // The native core is enough: the weft layers of asyncio are
        // imported when the entry asks for them.
        let m = crate::modules::load_module(vm, "_asyncio")?;
        let k = vm.intern("new_event_loop");
        let new = vm.getattr(m, k)?;
        let lp = vm.call(new, &[])?;
        let Value::Obj(l) = lp else { return Ok(None) };
        // Kept alive for the whole session.
        vm.extra_roots.push(lp);
        let k = vm.intern("set_event_loop");
        let set = vm.getattr(m, k)?;
        vm.call(set, &[lp])?;
        self.event_loop = Some(l);
        Ok(Some(l))
    }

    /// Ask for a line and wait for it, running the session's loop
    /// meanwhile (if there is one) with output printed above the prompt;
    /// completions asked by the editor are answered here.
    pub fn wait_line(
        &mut self,
        interp: &mut Interpreter,
        input: &Input,
        prompt: &str,
        indent: &str,
    ) -> Waited {
        let vm = &mut interp.vm;
        let _ = vm.stdout.flush();
        let lp = self
            .event_loop
            .filter(|&l| loop_ref(vm, l).is_some_and(|lo| !lo.closed && lo.reactor.is_some()));
        let wake = lp.and_then(|l| {
            let r = loop_mut(vm, l)?.reactor.as_mut()?;
            // The line is work the loop waits for: it blocks in poll
            // instead of saying it has nothing to run.
            r.expect();
            Some(r.handle())
        });
        input.request_line(prompt, indent, wake.clone());
        let (Some(l), Some(_)) = (lp, wake) else {
            loop {
                match input.events.recv() {
                    Ok(ev) => {
                        if let Some(w) = answer(vm, ev) {
                            return w;
                        }
                    }
                    Err(_) => return Waited::Eof,
                }
            }
        };
        let direct = input
            .printer_sink()
            .map(|sink| vm.stdout.swap_sink(Some(sink)));
        let prev = enter(vm, Some(l));
        let waited = loop {
            match input.events.try_recv() {
                Ok(ev) => match answer(vm, ev) {
                    Some(w) => break w,
                    None => continue,
                },
                Err(std::sync::mpsc::TryRecvError::Disconnected) => break Waited::Eof,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
            if let Err(e) = run_once(vm, l) {
                if vm.isinstance_class(e, vm.t.system_exit) {
                    break Waited::Exit(exit_code(vm, e));
                }
                let text = vm.format_exception(e);
                let _ = vm.stdout.flush();
                input.print_above(text);
            }
        };
        leave(vm, Some(l), prev);
        if let Some(old) = direct {
            vm.stdout.swap_sink(old);
            input.drain_printer();
        }
        waited
    }
}

/// Act on an event from the reader: a completion is answered (None), a
/// line or key ends the wait.
fn answer(vm: &mut Vm, ev: Event) -> Option<Waited> {
    match ev {
        Event::Line(l) => Some(Waited::Line(l)),
        Event::Interrupted => Some(Waited::Interrupted),
        Event::Eof => Some(Waited::Eof),
        Event::Failed(msg) => {
            eprintln!("weft: {msg}");
            Some(Waited::Eof)
        }
        Event::Complete {
            before,
            word,
            reply,
        } => {
            let names = super::editor::completions(vm, &before, &word);
            let _ = reply.send(names);
            None
        }
    }
}

/// The exit code of a SystemExit (printing a non-integer code, as python
/// does).
fn exit_code(vm: &mut Vm, e: Value) -> i32 {
    let args = vm.exc_args(e);
    match args.first().copied().unwrap_or(Value::None) {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        other => {
            let s = vm.str_string(other).unwrap_or_default();
            let _ = vm.stdout.flush();
            eprintln!("{s}");
            1
        }
    }
}

fn asyncio_imported(vm: &mut Vm) -> bool {
    let k = vm.intern("asyncio");
    matches!(vm.dict_get(vm.modules, k), Ok(Some(_)))
}

/// Make `lp` the running loop (as inside `run_forever`); returns what to
/// put back.
fn enter(vm: &mut Vm, lp: Option<ObjRef>) -> Value {
    let Some(l) = lp else { return vm.running_loop };
    if let Some(lo) = loop_mut(vm, l) {
        lo.running = true;
    }
    std::mem::replace(&mut vm.running_loop, Value::Obj(l))
}

fn leave(vm: &mut Vm, lp: Option<ObjRef>, prev: Value) {
    let Some(l) = lp else { return };
    if let Some(lo) = loop_mut(vm, l) {
        lo.running = false;
        lo.stopping = false;
    }
    vm.running_loop = prev;
}

/// Run the loop until task `t` (an entry) is done; its outcome is the
/// entry's. A KeyboardInterrupt that comes out of the loop while the task
/// is still pending is thrown into the task.
fn drive_task(vm: &mut Vm, l: ObjRef, t: ObjRef) -> PyResult<()> {
    let prev = enter(vm, Some(l));
    let r = loop {
        if fut(vm, t).state != FutState::Pending {
            break Ok(());
        }
        if let Err(e) = run_once(vm, l) {
            if !vm.isinstance_class(e, vm.t.keyboard_interrupt) {
                break Err(e);
            }
            if fut(vm, t).state == FutState::Pending {
                // Raised by the signal handler outside the task (the loop
                // was polling) or in another task: a fresh one goes into
                // the entry where it waits.
                let ki = vm.t.keyboard_interrupt;
                let e = vm.new_exception(ki, vm.empty_tuple);
                throw_into_task(vm, l, t, e);
            }
        }
    };
    leave(vm, Some(l), prev);
    r?;
    future::result(vm, t).map(|_| ())
}

/// Resume task `t` with `exc` raised at its suspension point: it stops
/// waiting for the future it awaited (which is cancelled, as when a task
/// is cancelled) and steps with the exception.
fn throw_into_task(vm: &mut Vm, l: ObjRef, t: ObjRef, exc: Value) {
    let waiter = fut_mut(vm, t)
        .task
        .as_mut()
        .and_then(|td| td.fut_waiter.take());
    if let Some(w) = waiter {
        fut_mut(vm, w)
            .callbacks
            .retain(|c| !matches!(c, DoneCb::Wakeup(x) if *x == t));
        future::cancel_any(vm, w, Value::None);
    }
    if let Some(lo) = loop_mut(vm, l) {
        lo.ready
            .retain(|r| !matches!(r, Ready::Step(x, _) | Ready::Wakeup(x, _) if *x == t));
    }
    future::schedule_step(vm, t, exc);
}
