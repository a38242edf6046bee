//! Raising and handling exceptions: creating exception objects, unwinding
//! frames to a handler, tracebacks and their CPython text.

use std::rc::Rc;

use crate::object::*;

use super::{Exit, Vm};

impl Vm {
    /// A new exception instance of `class` with one str argument.
    pub fn new_error(&mut self, class: ObjRef, msg: impl Into<String>) -> Value {
        let s = self.new_str(msg.into());
        let args = self.new_tuple(vec![s]);
        self.new_exception(class, args)
    }

    /// A new exception instance with the given args tuple.
    pub fn new_exception(&mut self, class: ObjRef, args: Value) -> Value {
        self.alloc(Obj::Instance(Box::new(Instance {
            class,
            dict: None,
            exc: Some(Box::new(ExcData::new(args))),
            base: Value::None,
        })))
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> Value {
        self.new_error(self.t.type_error, msg)
    }
    pub fn value_error(&mut self, msg: impl Into<String>) -> Value {
        self.new_error(self.t.value_error, msg)
    }
    pub fn index_error(&mut self, msg: impl Into<String>) -> Value {
        self.new_error(self.t.index_error, msg)
    }
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> Value {
        self.new_error(self.t.overflow_error, msg)
    }
    pub fn zero_division(&mut self, msg: impl Into<String>) -> Value {
        self.new_error(self.t.zero_division_error, msg)
    }
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> Value {
        self.new_error(self.t.runtime_error, msg)
    }
    pub fn key_error(&mut self, key: Value) -> Value {
        let args = self.new_tuple(vec![key]);
        self.new_exception(self.t.key_error, args)
    }
    pub fn stop_iteration(&mut self, value: Value) -> Value {
        let args = if value.is_none() {
            self.empty_tuple
        } else {
            self.new_tuple(vec![value])
        };
        self.new_exception(self.t.stop_iteration, args)
    }
    /// `TypeError` naming the value's type, e.g. "'int' object is not iterable".
    pub fn type_error_obj(&mut self, v: Value, what: &str) -> Value {
        let tn = self.type_name(v);
        self.type_error(format!("'{tn}' object {what}"))
    }

    pub fn exc_data(&self, v: Value) -> Option<&ExcData> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Instance(i) => i.exc.as_deref(),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn exc_data_mut(&mut self, v: Value) -> Option<&mut ExcData> {
        match v {
            Value::Obj(r) => match self.heap.get_mut(r) {
                Obj::Instance(i) => i.exc.as_deref_mut(),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn exc_args(&self, v: Value) -> Vec<Value> {
        match self.exc_data(v) {
            Some(d) => self.tuple_items(d.args),
            None => Vec::new(),
        }
    }

    pub fn exc_traceback(&self, v: Value) -> Value {
        self.exc_data(v).map(|d| d.traceback).unwrap_or(Value::None)
    }

    pub fn is_exception_class(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Class(_) => self.is_subclass(r, self.t.base_exception),
                _ => false,
            },
            _ => false,
        }
    }

    /// `raise X`: an exception instance as is, a class instantiated with no
    /// arguments, anything else a TypeError.
    pub fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        if self.exc_data(v).is_some() {
            return Ok(v);
        }
        if self.is_exception_class(v) {
            let e = self.call(v, &[])?;
            if self.exc_data(e).is_some() {
                return Ok(e);
            }
            let rv = self.repr_str(v);
            let tn = self.type_name(e);
            return Err(self.type_error(format!(
                "calling {rv} should have returned an instance of BaseException, not {tn}"
            )));
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// The exception being handled (sys.exc_info()[1]), looking through
    /// fibers that resumed this one.
    pub fn current_exc(&self) -> Value {
        let cur = self.fiber.exc_info;
        cur.or_else(|| self.suspended.iter().rev().find_map(|f| f.exc_info))
            .map_or(Value::None, Value::Obj)
    }

    fn add_traceback_entry(&mut self, exc: Value) {
        let Some(frame) = self.fiber.frames.last() else {
            return;
        };
        let ip = frame
            .code
            .code
            .fault_ip((frame.ip as usize).saturating_sub(1));
        let entry = TbEntry {
            line: frame.code.code.line_at(ip),
            ip: ip as u32,
            code: frame.code.clone(),
        };
        let tb = self.exc_traceback(exc);
        match tb {
            Value::Obj(r) => {
                if let Obj::Traceback(v) = self.heap.get_mut(r) {
                    v.push(entry);
                }
            }
            _ => {
                let t = self.alloc(Obj::Traceback(Box::new(vec![entry])));
                if let Some(d) = self.exc_data_mut(exc) {
                    d.traceback = t;
                }
            }
        }
    }

    /// Unwind from the current frame to the innermost handler. Returns None
    /// when execution continues in some frame of this loop, or the Exit.
    pub(crate) fn unwind(&mut self, exc: Value, add_tb: bool) -> Option<Exit> {
        // Implicit chaining: an exception raised while another is handled
        // records it as __context__ (CPython skips cycles).
        let cur = self.current_exc();
        if !cur.is_none() && !cur.is(exc) {
            let has_ctx = self
                .exc_data(exc)
                .map(|d| !d.context.is_none())
                .unwrap_or(true);
            if !has_ctx {
                // Break a cycle exc -> ... -> exc in the context chain.
                let mut c = cur;
                let mut steps = 0;
                while let Some(d) = self.exc_data(c) {
                    if d.context.is(exc) {
                        if let Some(dm) = self.exc_data_mut(c) {
                            dm.context = Value::None;
                        }
                        break;
                    }
                    c = d.context;
                    steps += 1;
                    if steps > 10_000 {
                        break;
                    }
                }
                if let Some(d) = self.exc_data_mut(exc) {
                    d.context = cur;
                }
            }
        }
        let mut exc = exc;
        let mut add_tb = add_tb;
        loop {
            if add_tb {
                self.add_traceback_entry(exc);
            }
            add_tb = true;
            let Some(frame) = self.fiber.frames.last_mut() else {
                return Some(Exit::Raised(exc));
            };
            if let Some(block) = frame.blocks.pop() {
                frame.ip = block.handler;
                let depth = block.depth as usize;
                self.fiber.stack.truncate(depth);
                self.fiber.stack.push(exc);
                return None;
            }
            // No handler here: pop the frame.
            let frame = self.fiber.frames.pop().unwrap();
            self.depth = self.depth.saturating_sub(1);
            self.fiber.stack.truncate(frame.ret_sp as usize);
            if frame.on_return == OnReturn::Awaited {
                let si = self.t.stop_iteration;
                if self.isinstance_class(exc, si) {
                    exc = self.replace_with_runtime_error(exc, "coroutine raised StopIteration");
                }
            }
            if let Some(g) = frame.gen {
                let ge = self.t.generator_exit;
                if self.gen(g).closing
                    && !self.fiber.frames.is_empty()
                    && self.isinstance_class(exc, ge)
                {
                    // aclose() succeeded: the await of it returns None.
                    self.gen_finished_with_error(g, exc);
                    self.fiber.stack.push(Value::None);
                    return None;
                }
                exc = self.gen_finished_with_error(g, exc);
                if self.fiber.frames.is_empty() {
                    // The generator's own fiber ended: hand the exception to
                    // whoever resumed it.
                    match self.fiber_done_raise(exc) {
                        super::coro::DoneRaise::Exit(exit) => return Some(exit),
                        super::coro::DoneRaise::Resume => return None,
                        // Continue unwinding in the resumer's frame (the
                        // resuming instruction raised).
                        super::coro::DoneRaise::Unwind => continue,
                    }
                }
            }
            if frame.exit {
                return Some(Exit::Raised(exc));
            }
        }
    }

    /// `except T:` matching: T a class or a tuple of classes.
    pub fn exc_matches(&mut self, exc: Value, typ: Value) -> PyResult<bool> {
        match typ {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(items) => {
                    let items = items.to_vec();
                    for t in items {
                        if self.exc_matches(exc, t)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                Obj::Class(_) if self.is_subclass(r, self.t.base_exception) => {
                    Ok(self.isinstance_class(exc, r))
                }
                _ => Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            },
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `except*`: split `eg` by `typ` into (rest, match).
    pub(crate) fn check_eg_match(&mut self, eg: Value, typ: Value) -> PyResult<(Value, Value)> {
        let is_group = self.isinstance_class(eg, self.t.base_exception_group);
        if !is_group {
            if self.exc_matches(eg, typ)? {
                // A naked exception matched: wrap it in an ExceptionGroup("", [eg]).
                let msg = self.new_str("");
                let lst = self.new_list(vec![eg]);
                let cls = Value::Obj(self.t.exception_group);
                let group = self.call(cls, &[msg, lst])?;
                return Ok((Value::None, group));
            }
            return Ok((eg, Value::None));
        }
        let (m, rest) = self.eg_split(eg, typ)?;
        Ok((rest, m))
    }

    /// Split an exception group into (matching, rest), each None if empty.
    pub(crate) fn eg_split(&mut self, eg: Value, typ: Value) -> PyResult<(Value, Value)> {
        if self.exc_matches(eg, typ)? {
            return Ok((eg, Value::None));
        }
        if !self.isinstance_class(eg, self.t.base_exception_group) {
            return Ok((Value::None, eg));
        }
        let excs = self.group_exceptions(eg);
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for e in excs {
            let (m, r) = self.eg_split(e, typ)?;
            if !m.is_none() {
                matched.push(m);
            }
            if !r.is_none() {
                rest.push(r);
            }
        }
        let m = if matched.is_empty() {
            Value::None
        } else {
            self.derive_group(eg, matched)?
        };
        let r = if rest.is_empty() {
            Value::None
        } else {
            self.derive_group(eg, rest)?
        };
        Ok((m, r))
    }

    /// The `exceptions` tuple of an exception group.
    pub fn group_exceptions(&self, eg: Value) -> Vec<Value> {
        let args = self.exc_args(eg);
        match args.get(1) {
            Some(&v) => self.tuple_items(v),
            None => Vec::new(),
        }
    }

    /// A group like `eg` (same message, traceback, cause, context) holding `excs`.
    fn derive_group(&mut self, eg: Value, excs: Vec<Value>) -> PyResult<Value> {
        let args = self.exc_args(eg);
        let msg = args.first().copied().unwrap_or(Value::None);
        let lst = self.new_list(excs);
        let cls = Value::Obj(self.type_of(eg));
        let g = match self.call(cls, &[msg, lst]) {
            Ok(g) => g,
            Err(_) => {
                let cls = Value::Obj(self.t.exception_group);
                self.call(cls, &[msg, lst])?
            }
        };
        let (tb, cause, ctx) = match self.exc_data(eg) {
            Some(d) => (d.traceback, d.cause, d.context),
            None => (Value::None, Value::None, Value::None),
        };
        if let Some(d) = self.exc_data_mut(g) {
            d.traceback = tb;
            d.cause = cause;
            d.context = ctx;
        }
        Ok(g)
    }

    /// End of `try/except*`: what remains unhandled plus what handlers raised.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, raised: Value) -> PyResult<Value> {
        let raised = self.tuple_items(raised);
        let raised: Vec<Value> = raised.into_iter().filter(|v| !v.is_none()).collect();
        if raised.is_empty() {
            return Ok(Value::None);
        }
        if !self.isinstance_class(orig, self.t.base_exception_group) {
            return Ok(raised[0]);
        }
        // Re-raised parts are those that are leaves of the original group;
        // raised anew are the others. Keep the original's structure for the
        // re-raised ones and add the new ones beside.
        let leaves = self.group_leaves(orig);
        let mut reraised = Vec::new();
        let mut new = Vec::new();
        for r in raised {
            let rl = self.group_leaves(r);
            if rl.iter().all(|x| leaves.iter().any(|l| l.is(*x))) {
                reraised.extend(rl);
            } else {
                new.push(r);
            }
        }
        let kept = if reraised.is_empty() {
            Value::None
        } else {
            self.project_group(orig, &reraised)?
        };
        if new.is_empty() {
            return Ok(kept);
        }
        let mut all = Vec::new();
        if !kept.is_none() {
            all.push(kept);
        }
        all.extend(new);
        if all.len() == 1 {
            return Ok(all[0]);
        }
        let msg = self.new_str("");
        let lst = self.new_list(all);
        let cls = Value::Obj(self.t.exception_group);
        self.call(cls, &[msg, lst])
    }

    fn group_leaves(&self, e: Value) -> Vec<Value> {
        let mut out = Vec::new();
        let mut stack = vec![e];
        while let Some(x) = stack.pop() {
            if self.isinstance_class(x, self.t.base_exception_group) {
                let mut ex = self.group_exceptions(x);
                ex.reverse();
                stack.extend(ex);
            } else {
                out.push(x);
            }
        }
        out
    }

    fn project_group(&mut self, eg: Value, keep: &[Value]) -> PyResult<Value> {
        if !self.isinstance_class(eg, self.t.base_exception_group) {
            return Ok(if keep.iter().any(|k| k.is(eg)) {
                eg
            } else {
                Value::None
            });
        }
        let mut parts = Vec::new();
        for e in self.group_exceptions(eg) {
            let p = self.project_group(e, keep)?;
            if !p.is_none() {
                parts.push(p);
            }
        }
        if parts.is_empty() {
            return Ok(Value::None);
        }
        self.derive_group(eg, parts)
    }

    /// CPython's text for an uncaught exception, chained causes/contexts included.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut chain = vec![(exc, "")];
        let mut seen = vec![exc];
        let mut cur = exc;
        while let Some(d) = self.exc_data(cur) {
            let (next, msg) = if !d.cause.is_none() {
                (
                    d.cause,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                )
            } else if !d.context.is_none() && !d.suppress_context {
                (
                    d.context,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                )
            } else {
                break;
            };
            if seen.iter().any(|s| s.is(next)) || seen.len() > 100 {
                break;
            }
            seen.push(next);
            chain.push((next, msg));
            cur = next;
        }
        let mut out = String::new();
        for i in (0..chain.len()).rev() {
            let (e, _) = chain[i];
            out.push_str(&self.format_one_exception(e));
            // chain[i].1 links chain[i] to the exception printed after it.
            out.push_str(chain[i].1);
        }
        out
    }

    fn format_one_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        if let Value::Obj(tb) = self.exc_traceback(exc) {
            if let Obj::Traceback(entries) = self.heap.get(tb) {
                out.push_str("Traceback (most recent call last):\n");
                let entries: Vec<TbEntry> = entries.iter().rev().cloned().collect();
                self.format_tb_entries(&entries, &mut out);
            }
        }
        out.push_str(&self.exception_only(exc));
        out
    }

    /// The last line of a traceback: `TypeName: message`, the "Did you
    /// mean" suggestion, a newline.
    pub fn exception_only(&mut self, exc: Value) -> String {
        let mut out = self.exception_summary(exc);
        if let Some(s) = self.suggestion(exc) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
        out
    }

    /// The `File ..., line N, in f` lines of a traceback, outermost first,
    /// each with its source line and caret line.
    pub fn format_tb_entries(&self, entries: &[TbEntry], out: &mut String) {
        // CPython's tb_print_internal: at most sys.tracebacklimit (1000)
        // innermost entries; a run of more than 3 identical entries prints
        // "[Previous line repeated N more times]"; no source text for
        // `<string>`-like names (linecache has none).
        let skip = entries.len().saturating_sub(1000);
        let mut last: Option<(&Rc<str>, u32, &Rc<str>)> = None;
        let mut count = 0usize;
        for e in &entries[skip..] {
            let (file, line, name) = (e.filename(), e.line, e.name());
            if last != Some((file, line, name)) {
                push_repeated(out, count);
                last = Some((file, line, name));
                count = 0;
            }
            count += 1;
            if count > 3 {
                continue;
            }
            out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
            if file.starts_with('<') && file.ends_with('>') {
                continue;
            }
            if let Some(src) = self.sources.get(file) {
                super::carets::source_and_carets(src, &e.code.code, e.ip as usize, line, out);
            }
        }
        push_repeated(out, count);
    }

    /// CPython's RuntimeWarning for a coroutine freed before it started:
    /// `FILE:LINE: RuntimeWarning: ...`, the source line, and the
    /// tracemalloc hint (`sys:1` when no weft frame made it).
    pub(crate) fn warn_never_awaited(&mut self, name: &str, origin: Origin) {
        let file = (origin.file as usize)
            .checked_sub(1)
            .and_then(|i| self.origin_files.get(i).cloned());
        let mut out = String::new();
        match &file {
            Some(f) => {
                out.push_str(&format!(
                    "{f}:{}: RuntimeWarning: coroutine '{name}' was never awaited\n",
                    origin.line
                ));
                if let Some(src) = self.sources.get(f) {
                    let text = src.line_text(origin.line).trim();
                    if !text.is_empty() {
                        out.push_str(&format!("  {text}\n"));
                    }
                }
            }
            None => out.push_str(&format!(
                "sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n"
            )),
        }
        out.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        eprint!("{out}");
    }

    /// `TypeName: message` as the last traceback line prints it.
    pub fn exception_summary(&mut self, exc: Value) -> String {
        let cls = self.type_of(exc);
        let name = self.class_qualified_name(cls);
        let msg = match self.str(exc) {
            Ok(s) => self.str_of(s).to_string(),
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// `module.Name` for classes outside builtins (as tracebacks print them).
    pub fn class_qualified_name(&mut self, cls: ObjRef) -> String {
        let (qual, builtin) = match self.heap.get(cls) {
            Obj::Class(c) => (self.str_of(c.qualname).to_string(), c.builtin),
            _ => (String::new(), true),
        };
        if builtin {
            return qual;
        }
        let modk = self.n.module;
        let module = self.class_dict_get(cls, modk);
        match module.and_then(|m| self.as_str(m).map(|s| s.to_string())) {
            Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qual}"),
            _ => qual,
        }
    }
}

/// CPython's `tb_print_line_repeated` for a run of `count` identical entries.
fn push_repeated(out: &mut String, count: usize) {
    if count > 3 {
        let n = count - 3;
        let s = if n > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}
