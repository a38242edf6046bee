//! The call protocol: binding arguments to parameters, pushing frames,
//! calling natives, instantiating classes and building them.

use smallvec::SmallVec;

use crate::bytecode::code::flags;
use crate::object::*;

use super::{Exit, Vm};

/// Outcome of starting a call.
pub enum Invoked {
    /// The call completed with this value.
    Value(Value),
    /// A frame was pushed (or a fiber switched in): the loop continues there.
    Frame,
    /// The loop must stop (a resumed generator's exception reached an exit).
    Exit(Exit),
}

pub(crate) type ArgVec = SmallVec<[Value; 8]>;

/// A hard cap on live frames whatever sys.setrecursionlimit says: frames
/// live on the heap, and without a cap a runaway recursion would exhaust
/// memory instead of raising RecursionError.
pub(crate) const MAX_FRAMES: usize = 4_000_000;
type KwVec = SmallVec<[(Value, Value); 4]>;

impl Vm {
    /// Start a call whose callee is at `stack[at]` with the arguments above it
    /// (the last len(kwnames) of them are keyword arguments).
    pub(crate) fn call_from_stack(
        &mut self,
        at: usize,
        kwnames: Option<Value>,
        _unused: bool,
    ) -> PyResult<Invoked> {
        let callee = self.fiber.stack[at];
        if kwnames.is_none() {
            if let Value::Obj(r) = callee {
                match self.heap.get(r) {
                    // A plain function with exactly its positional parameters.
                    Obj::Function(f) => {
                        let nargs = self.fiber.stack.len() - at - 1;
                        let argc = f.code.simple_argc as usize;
                        // Missing trailing arguments come from the defaults.
                        if nargs < argc && nargs + f.defaults.len() >= argc {
                            self.push_trailing_defaults(r, argc - nargs);
                            return self.call_from_stack(at, None, false);
                        }
                        if f.code.gen_argc as usize == nargs && !f.code.has_cellvars {
                            return Ok(Invoked::Value(self.make_gen_from_stack(at, r)));
                        }
                        if argc == nargs {
                            let code_rt = f.code.clone();
                            let globals = f.globals;
                            let nslots = code_rt.nslots as usize;
                            let base = at + 1;
                            self.fiber.stack.resize(base + nslots, Value::Undefined);
                            if code_rt.has_cells {
                                self.init_cells(r, &code_rt, base);
                            }
                            return self.push_frame(code_rt, base, at, globals, callee.as_obj());
                        }
                    }
                    // A plain native: the callee and arguments stay on the
                    // stack, rooted, while it runs (no temp_roots copies).
                    Obj::BuiltinFn(n) if n.kind == NativeKind::Plain && n.bound.is_none() => {
                        let func = n.func;
                        let nargs = self.fiber.stack.len() - at - 1;
                        if !n.sig.accepts(nargs) {
                            let e = self.native_arg_error(r, nargs, &[]);
                            self.fiber.stack.truncate(at);
                            return Err(e);
                        }
                        // A copy, since the native gets `&mut self`; the
                        // buffer is reused (collecting into an ArgVec cost a
                        // 136-byte memcpy per call).
                        let mut args = std::mem::take(&mut self.native_args);
                        args.clear();
                        args.extend_from_slice(&self.fiber.stack[at + 1..]);
                        let prev_inline = std::mem::replace(&mut self.native_inline, true);
                        let r = func(
                            self,
                            Args {
                                pos: &args,
                                kw: &[],
                            },
                        );
                        self.native_args = args;
                        self.native_inline = prev_inline;
                        self.fiber.stack.truncate(at);
                        let v = r?;
                        if let Some(f) = self.pending_await.take() {
                            // The native asked to await `f` (see invoke).
                            self.native_wait = true;
                            return Ok(match self.suspend_fiber(f) {
                                Some(exit) => Invoked::Exit(exit),
                                None => Invoked::Frame,
                            });
                        }
                        return Ok(Invoked::Value(v));
                    }
                    // str(x), int(x), type(x): the conversions scripts
                    // call most, without the general path's argument copies
                    // (the argument stays rooted on the stack meanwhile).
                    Obj::Class(_) if self.fiber.stack.len() == at + 2 && self.is_conversion(r) => {
                        let x = self.fiber.stack[at + 1];
                        let r = if r == self.t.str {
                            self.str(x)
                        } else if r == self.t.int {
                            crate::builtins::int::int_from_value(self, x)
                        } else {
                            Ok(Value::Obj(self.type_of(x)))
                        };
                        self.fiber.stack.truncate(at);
                        return r.map(Invoked::Value);
                    }
                    Obj::Class(_) => {
                        if let Some(r) = self.enter_init(at, r) {
                            return r;
                        }
                    }
                    _ => {}
                }
            }
        }
        self.call_from_stack_slow(at, kwnames)
    }

    /// The TypeError for a call that does not match a native's declared
    /// parameters (`npos` counts its receiver), or None when it matches
    /// (a keyword may supply a required parameter).
    #[cold]
    #[inline(never)]
    fn native_arg_error(&mut self, r: ObjRef, npos: usize, kw: &[(Value, Value)]) -> Value {
        let Obj::BuiltinFn(n) = self.heap.get(r) else {
            return Value::None;
        };
        let names = kw.iter().map(|(k, _)| self.as_str(*k).unwrap_or(""));
        match crate::object::sig::check_call(&n.sig, &n.qualname, npos, names) {
            Some(msg) => self.type_error(msg),
            None => Value::None,
        }
    }

    /// A generator, coroutine or async generator function called with
    /// exactly its positional parameters (`gen_argc`, no cells of its own):
    /// its frame's slots are built straight from the arguments at `at`.
    fn make_gen_from_stack(&mut self, at: usize, fref: ObjRef) -> Value {
        let Obj::Function(f) = self.heap.get(fref) else {
            unreachable!("make_gen_from_stack on a function")
        };
        let code = &f.code;
        let nslots = code.nslots as usize;
        // Sized once for the frame's slots and its deepest operand stack: a
        // suspended generator keeps this allocation.
        let mut stack: Vec<Value> = Vec::with_capacity(nslots + code.code.max_stack as usize);
        stack.extend_from_slice(&self.fiber.stack[at + 1..]);
        stack.resize(nslots, Value::Undefined);
        if code.has_cells {
            // Free variables only: the closure's cells follow the locals.
            copy_closure(&mut stack[code.code.varnames.len()..], &f.closure);
        }
        self.fiber.stack.truncate(at);
        self.make_gen(fref, stack)
    }

    /// The function inside a staticmethod or classmethod object (anything
    /// else as it is).
    pub(crate) fn unwrap_method_kind(&self, v: Value) -> Value {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::StaticMethod(inner) | Obj::ClassMethod(inner) => *inner,
                _ => v,
            },
            _ => v,
        }
    }

    fn is_conversion(&self, cls: ObjRef) -> bool {
        cls == self.t.str || cls == self.t.int || cls == self.t.type_
    }

    /// `C(args)` for a plain class (no metaclass, no __new__, a Python
    /// __init__ that takes the arguments positionally): the instance is
    /// made here and __init__'s frame starts where the class was on the
    /// stack, with `self` in the class's slot. None: nothing was done.
    fn enter_init(&mut self, at: usize, cls: ObjRef) -> Option<PyResult<Invoked>> {
        let Obj::Class(c) = self.heap.get(cls) else {
            return None;
        };
        if c.layout != Layout::Object || self.type_of(Value::Obj(cls)) != self.t.type_ {
            return None;
        }
        let (newk, initk) = (self.n.new, self.n.init);
        if let Some(new) = self.class_lookup(cls, newk) {
            let new = self.unwrap_method_kind(new);
            if !self.is_object_new(new) {
                return None;
            }
        }
        let Some(Value::Obj(init)) = self.class_lookup(cls, initk) else {
            return None;
        };
        let Obj::Function(f) = self.heap.get(init) else {
            return None;
        };
        // With `self`, the arguments are the stack from `at` on.
        let nargs = self.fiber.stack.len() - at;
        let argc = f.code.simple_argc as usize;
        if f.code.has_cellvars || nargs > argc || nargs + f.defaults.len() < argc {
            return None;
        }
        let (code, globals) = (f.code.clone(), f.globals);
        self.push_trailing_defaults(init, argc - nargs);
        let inst = self.new_instance(cls);
        self.fiber.stack[at] = inst;
        self.fiber
            .stack
            .resize(at + code.nslots as usize, Value::Undefined);
        if code.has_cells {
            self.init_cells(init, &code, at);
        }
        let Value::Obj(instance) = inst else {
            unreachable!("new_instance returns an object")
        };
        // push_frame raises RecursionError past the limit, as the general
        // path would.
        let r = self.push_frame(code, at, at, globals, Some(init));
        if r.is_ok() {
            self.fiber.frames.last_mut().unwrap().on_return = OnReturn::Init { instance };
        }
        Some(r)
    }

    /// Push the last `missing` defaults of function `fref` (the trailing
    /// positional arguments a call left out).
    fn push_trailing_defaults(&mut self, fref: ObjRef, missing: usize) {
        if missing == 0 {
            return;
        }
        if let Obj::Function(f) = self.heap.get(fref) {
            let from = f.defaults.len() - missing;
            self.fiber.stack.extend_from_slice(&f.defaults[from..]);
        }
    }

    /// The general case of `call_from_stack` (keywords, bound methods,
    /// classes, natives with state...), out of line so the fast paths
    /// above do not pay for its stack frame.
    #[inline(never)]
    fn call_from_stack_slow(&mut self, at: usize, kwnames: Option<Value>) -> PyResult<Invoked> {
        let callee = self.fiber.stack[at];
        let nkw = match kwnames {
            Some(t) => self.tuple_items(t).len(),
            None => 0,
        };
        let all: ArgVec = self.fiber.stack[at + 1..].iter().copied().collect();
        self.fiber.stack.truncate(at);
        let npos = all.len() - nkw;
        let mut kw: KwVec = SmallVec::new();
        if let Some(t) = kwnames {
            let names = self.tuple_items(t);
            for (i, n) in names.into_iter().enumerate() {
                kw.push((n, all[npos + i]));
            }
        }
        self.invoke(callee, &all[..npos], &kw, false)
    }

    /// `f(*args, **kwargs)`. `args` is the tuple the compiled call built
    /// for this call alone (Op::CallEx is its only caller), so nothing else
    /// can see it.
    pub(crate) fn call_ex(
        &mut self,
        callee: Value,
        args: Value,
        kw: Option<Value>,
    ) -> PyResult<Invoked> {
        // A function whose positional parameters are only `*args` takes
        // that tuple as its *args as it is: `gather(*tasks)` over 100k
        // tasks used to copy it twice (1.6 MB each).
        let whole_tuple = match (callee, args) {
            (Value::Obj(cr), Value::Obj(tr)) => {
                let only_varargs = matches!(self.heap.get(cr), Obj::Function(f)
                    if f.code.code.argcount == 0 && f.code.code.flags & flags::VARARGS != 0);
                (only_varargs && matches!(self.heap.get(tr), Obj::Tuple(_))).then_some(tr)
            }
            _ => None,
        };
        let pos: ArgVec = match args {
            _ if whole_tuple.is_some() => SmallVec::new(),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(t) => t.iter().copied().collect(),
                Obj::List(l) => l.iter().copied().collect(),
                _ => self.collect_iterable(args)?.into_iter().collect(),
            },
            _ => self.collect_iterable(args)?.into_iter().collect(),
        };
        let mut kwv: KwVec = SmallVec::new();
        if let Some(Value::Obj(d)) = kw {
            if let Obj::Dict(dict) = self.heap.get(d) {
                for e in dict.iter() {
                    kwv.push((e.key, e.value));
                }
            }
            for (k, _) in kwv.iter() {
                if self.as_str(*k).is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
            }
        }
        self.varargs_tuple = whole_tuple;
        let r = self.invoke(callee, &pos, &kwv, false);
        self.varargs_tuple = None;
        r
    }

    fn push_frame(
        &mut self,
        code: std::rc::Rc<CodeRt>,
        base: usize,
        ret_sp: usize,
        globals: ObjRef,
        func: Option<ObjRef>,
    ) -> PyResult<Invoked> {
        if self.depth >= self.recursion_limit.min(MAX_FRAMES) {
            self.fiber.stack.truncate(ret_sp);
            return Err(self.new_error(self.t.recursion_error, "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        self.fiber
            .push_frame(|| Frame::new(code, base, ret_sp, globals, func));
        Ok(Invoked::Frame)
    }

    /// Create the cells of a new frame whose locals start at `base`.
    pub(crate) fn init_cells(&mut self, func: ObjRef, code: &CodeRt, base: usize) {
        let nvar = code.code.varnames.len();
        let ncell = code.code.cellvars.len();
        for i in 0..ncell {
            let init = match code.code.cell2arg.get(i).copied().flatten() {
                Some(a) => {
                    let v = self.fiber.stack[base + a as usize];
                    self.fiber.stack[base + a as usize] = Value::Undefined;
                    v
                }
                None => Value::Undefined,
            };
            let c = self.alloc(Obj::Cell(init));
            self.fiber.stack[base + nvar + i] = c;
        }
        // Free variables: the function's closure cells, copied straight
        // from the function object (heap and stack are separate fields).
        if let Obj::Function(f) = self.heap.get(func) {
            let from = (base + nvar + ncell).min(self.fiber.stack.len());
            copy_closure(&mut self.fiber.stack[from..], &f.closure);
        }
    }

    /// Start a call of any callable with arguments in hand. Frames pushed get
    /// `ret_sp` = the current stack height.
    pub(crate) fn invoke(
        &mut self,
        callee: Value,
        args: &[Value],
        kw: &[(Value, Value)],
        nested: bool,
    ) -> PyResult<Invoked> {
        let Value::Obj(r) = callee else {
            return Err(self.type_error_obj(callee, "is not callable"));
        };
        match self.heap.get(r) {
            Obj::Function(_) => self.invoke_function(r, args, kw),
            Obj::BuiltinFn(n) => {
                let (func, kind, bound, sig) = (n.func, n.kind, n.bound, n.sig);
                if kind != NativeKind::Plain {
                    return self.gen_method(kind, args, nested);
                }
                let npos = args.len() + bound.is_some() as usize;
                if !(kw.is_empty() && sig.accepts(npos)) {
                    let e = self.native_arg_error(r, npos, kw);
                    if !e.is_none() {
                        return Err(e);
                    }
                }
                // Keywords that name positional parameters move into the
                // positional list, so a native reads every parameter it
                // was given (required ones included) at its index.
                if !kw.is_empty() && sig.declared() {
                    if let Some((pos, rest)) = self.kw_to_positional(sig, bound, args, kw) {
                        return self.invoke(callee, &pos, &rest, nested);
                    }
                }
                // The arguments were popped off the stack: keep them rooted
                // while the native runs (it may call back into the VM).
                let base = self.temp_roots.len();
                self.temp_roots.push(callee);
                self.temp_roots.extend_from_slice(args);
                self.temp_roots
                    .extend(kw.iter().flat_map(|(k, v)| [*k, *v]));
                // ForIter's `__next__` counts as called inline (see
                // `retry_inline`).
                let inline = !nested || std::mem::take(&mut self.retry_inline);
                let prev_inline = std::mem::replace(&mut self.native_inline, inline);
                let r = match bound {
                    Some(b) => {
                        let mut all: ArgVec = SmallVec::new();
                        all.push(b);
                        all.extend_from_slice(args);
                        func(self, Args { pos: &all, kw })
                    }
                    None => func(self, Args { pos: args, kw }),
                };
                self.native_inline = prev_inline;
                self.temp_roots.truncate(base);
                let v = r?;
                if !nested {
                    if let Some(f) = self.pending_await.take() {
                        // The native asked to await `f`: suspend the fiber;
                        // the value it is resumed with is the call's result.
                        self.native_wait = true;
                        return Ok(match self.suspend_fiber(f) {
                            Some(exit) => Invoked::Exit(exit),
                            None => Invoked::Frame,
                        });
                    }
                }
                Ok(Invoked::Value(v))
            }
            Obj::BoundMethod { recv, func } => {
                let (recv, func) = (*recv, *func);
                let mut all: ArgVec = SmallVec::new();
                all.push(recv);
                all.extend_from_slice(args);
                self.invoke(func, &all, kw, nested)
            }
            Obj::Class(_) => {
                let base = self.temp_roots.len();
                self.temp_roots.push(callee);
                self.temp_roots.extend_from_slice(args);
                self.temp_roots
                    .extend(kw.iter().flat_map(|(k, v)| [*k, *v]));
                let r = self.instantiate(r, args, kw, nested, false);
                self.temp_roots.truncate(base);
                r
            }
            Obj::StaticMethod(f) => {
                let f = *f;
                self.invoke(f, args, kw, nested)
            }
            _ => {
                let c = self.n.call;
                match self.lookup_special(callee, c) {
                    Some(f) => {
                        let mut all: ArgVec = SmallVec::new();
                        all.push(callee);
                        all.extend_from_slice(args);
                        self.invoke(f, &all, kw, nested)
                    }
                    None => Err(self.type_error_obj(callee, "is not callable")),
                }
            }
        }
    }

    /// The positional arguments and keywords left after moving keywords
    /// that name the positional parameters following the given ones (in
    /// order, up to the first one not passed); None when no keyword moves.
    #[cold]
    fn kw_to_positional(
        &self,
        sig: Sig,
        bound: Option<Value>,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> Option<(ArgVec, Vec<(Value, Value)>)> {
        let given = args.len() + bound.is_some() as usize - sig.method as usize;
        let mut pos: ArgVec = SmallVec::new();
        let mut rest: Vec<(Value, Value)> = kw.to_vec();
        let mut moved = false;
        let names = crate::object::sig::params(sig.text).filter(|p| {
            matches!(
                p.kind,
                crate::object::sig::ParamKind::PositionalOnly
                    | crate::object::sig::ParamKind::PositionalOrKeyword
            )
        });
        for p in names.skip(given) {
            let Some(i) = rest
                .iter()
                .position(|(k, _)| self.as_str(*k) == Some(p.name))
            else {
                break;
            };
            if !moved {
                pos.extend_from_slice(args);
                moved = true;
            }
            pos.push(rest.remove(i).1);
        }
        moved.then_some((pos, rest))
    }

    fn invoke_function(
        &mut self,
        fref: ObjRef,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Invoked> {
        let (code, globals, is_gen) = match self.heap.get(fref) {
            Obj::Function(f) => {
                let c = &f.code.code;
                (
                    f.code.clone(),
                    f.globals,
                    c.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0,
                )
            }
            _ => unreachable!(),
        };
        let ret_sp = self.fiber.stack.len();
        let base = ret_sp;
        self.fiber
            .stack
            .resize(base + code.nslots as usize, Value::Undefined);
        if let Err(e) = self.bind_args(fref, &code, base, args, kw) {
            self.fiber.stack.truncate(ret_sp);
            return Err(e);
        }
        if !code.code.cellvars.is_empty() || !code.code.freevars.is_empty() {
            self.init_cells(fref, &code, base);
        }
        if is_gen {
            // Sized once for the frame's slots and its deepest operand
            // stack: a suspended generator keeps this allocation.
            let mut stack: Vec<Value> =
                Vec::with_capacity(code.nslots as usize + code.code.max_stack as usize);
            stack.extend(self.fiber.stack.drain(base..));
            return Ok(Invoked::Value(self.make_gen(fref, stack)));
        }
        self.push_frame(code, base, ret_sp, globals, Some(fref))
    }

    /// Bind call arguments into the new frame's slots at `base` (CPython's
    /// rules and error messages).
    fn bind_args(
        &mut self,
        fref: ObjRef,
        code: &CodeRt,
        base: usize,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<()> {
        let co = &code.code;
        let argcount = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & flags::VARARGS != 0;
        let has_varkw = co.flags & flags::VARKEYWORDS != 0;
        // Defaults are read from the function when needed (no copy per call).
        let (qualname, ndefaults, kwdefaults) = match self.heap.get(fref) {
            Obj::Function(f) => (f.qualname, f.defaults.len(), f.kwdefaults),
            _ => unreachable!(),
        };
        let n = args.len().min(argcount);
        for (i, &a) in args.iter().take(n).enumerate() {
            self.fiber.stack[base + i] = a;
        }
        let mut slot = argcount + kwonly;
        if has_varargs {
            let t = match self.varargs_tuple.take() {
                Some(t) => Value::Obj(t),
                None if args.len() > argcount => self.new_tuple(args[argcount..].to_vec()),
                None => self.empty_tuple,
            };
            self.fiber.stack[base + slot] = t;
            slot += 1;
        } else if args.len() > argcount {
            let ndef = ndefaults;
            let given_kw = kw
                .iter()
                .filter(|(k, _)| {
                    let ks = self.str_of(*k);
                    co.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|v| &**v == ks)
                })
                .count();
            let takes = if ndef > 0 {
                format!("from {} to {}", argcount - ndef, argcount)
            } else {
                format!("{argcount}")
            };
            let plural = if argcount == 1 && ndef == 0 { "" } else { "s" };
            let given = args.len();
            let was = if given == 1 { "was" } else { "were" };
            let kwpart = if given_kw > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    given_kw,
                    if given_kw == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            let msg = if given_kw > 0 {
                let qn = self.str_of(qualname).to_string();
                format!("{qn}() takes {takes} positional argument{plural} but {given}{kwpart} were given")
            } else {
                let qn = self.str_of(qualname).to_string();
                format!("{qn}() takes {takes} positional argument{plural} but {given} {was} given")
            };
            return Err(self.type_error(msg));
        }
        let kwdict = if has_varkw {
            let d = self.new_dict();
            self.fiber.stack[base + slot] = d;
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for &(k, v) in kw {
            let ks = self.str_of(k).to_string();
            let idx = co.varnames[posonly..argcount + kwonly]
                .iter()
                .position(|p| **p == *ks)
                .map(|i| i + posonly);
            match idx {
                Some(i) => {
                    if !self.fiber.stack[base + i].is_undefined() {
                        let qn = self.str_of(qualname).to_string();
                        return Err(self.type_error(format!(
                            "{qn}() got multiple values for argument '{ks}'"
                        )));
                    }
                    self.fiber.stack[base + i] = v;
                }
                None => match kwdict {
                    Some(d) => {
                        self.dict_set(d, k, v)?;
                    }
                    None => {
                        if co.varnames[..posonly].iter().any(|p| **p == *ks) {
                            posonly_as_kw.push(ks);
                        } else {
                            let qn = self.str_of(qualname).to_string();
                            return Err(self.type_error(format!(
                                "{qn}() got an unexpected keyword argument '{ks}'"
                            )));
                        }
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let qn = self.str_of(qualname).to_string();
            return Err(self.type_error(format!(
                "{qn}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for positional parameters.
        let ndef = ndefaults;
        let first_default = argcount - ndef.min(argcount);
        let mut missing: Vec<String> = Vec::new();
        for i in n..argcount {
            if self.fiber.stack[base + i].is_undefined() {
                if i >= first_default {
                    let d = match self.heap.get(fref) {
                        Obj::Function(f) => f.defaults.get(i - first_default).copied(),
                        _ => None,
                    };
                    self.fiber.stack[base + i] = d.unwrap_or(Value::None);
                } else {
                    missing.push(format!("'{}'", co.varnames[i]));
                }
            }
        }
        if !missing.is_empty() {
            let qn = self.str_of(qualname).to_string();
            return Err(self.type_error(format!(
                "{qn}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        for i in argcount..argcount + kwonly {
            if self.fiber.stack[base + i].is_undefined() {
                let name = co.varnames[i].clone();
                let key = self.intern(&name);
                let d = kwdefaults.and_then(|d| self.dict_get_str(d, key));
                match d {
                    Some(v) => self.fiber.stack[base + i] = v,
                    None => missing.push(format!("'{name}'")),
                }
            }
        }
        if !missing.is_empty() {
            let qn = self.str_of(qualname).to_string();
            return Err(self.type_error(format!(
                "{qn}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        Ok(())
    }

    /// Call a callable from Rust and run it to completion (a nested run of
    /// the dispatch loop; `await` inside it cannot suspend past this point).
    pub fn call(&mut self, callee: Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(callee, args, &[])
    }

    /// `type.__call__(cls, *args, **kw)`: make an instance with __new__
    /// and __init__, without the metaclass's own __call__ (which is what
    /// calls this, through `super().__call__`).
    pub fn type_call(
        &mut self,
        cls: ObjRef,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let frames_before = self.fiber.frames.len();
        let r = self.instantiate(cls, args, kw, true, true)?;
        self.finish_nested(r, frames_before)
    }

    pub fn call_kw(
        &mut self,
        callee: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let frames_before = self.fiber.frames.len();
        let r = self.invoke(callee, args, kw, true)?;
        self.finish_nested(r, frames_before)
    }

    /// The value of a call started in nested mode: run the frame it pushed
    /// (above `frames_before`) to its return.
    fn finish_nested(&mut self, r: Invoked, frames_before: usize) -> PyResult<Value> {
        match r {
            Invoked::Value(v) => Ok(v),
            Invoked::Exit(Exit::Returned(v)) => Ok(v),
            Invoked::Exit(Exit::Raised(e)) => Err(e),
            Invoked::Exit(Exit::Yielded(_)) => Err(self.cannot_suspend_error()),
            Invoked::Frame => {
                if self.fiber.frames.len() <= frames_before {
                    // A fiber switch in nested mode is handled by gen_method.
                    return Err(
                        self.runtime_error("weft internal error: nested call lost its frame")
                    );
                }
                self.fiber.frames.last_mut().unwrap().exit = true;
                self.run_nested()
            }
        }
    }

    /// CPython's `Py_EnterRecursiveCall(what)`: Rust recursion over
    /// user-built depth (repr, comparison) counts against the recursion
    /// limit like a frame, and against the native nesting cap so a raised
    /// `sys.setrecursionlimit` cannot overflow the Rust stack. Pair with
    /// `leave_recursive_call`.
    pub(crate) fn enter_recursive_call(&mut self, what: &str) -> PyResult<()> {
        if self.depth >= self.recursion_limit || self.native_depth > 20_000 {
            return Err(self.new_error(
                self.t.recursion_error,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.depth += 1;
        self.native_depth += 1;
        Ok(())
    }

    pub(crate) fn leave_recursive_call(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    fn run_nested(&mut self) -> PyResult<Value> {
        if self.native_depth > 20_000 {
            // Unwind the frame we just pushed.
            if let Some(f) = self.fiber.frames.pop() {
                self.depth = self.depth.saturating_sub(1);
                self.fiber.stack.truncate(f.ret_sp as usize);
            }
            return Err(self.new_error(self.t.recursion_error, "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        let r = crate::stack::guard(|| self.run_loop());
        self.native_depth -= 1;
        match r {
            Exit::Returned(v) => Ok(v),
            Exit::Raised(e) => Err(e),
            Exit::Yielded(_) => Err(self.cannot_suspend_error()),
        }
    }

    /// A nested run (a built-in calling weft code from Rust: a sort key,
    /// `__eq__` from a dict lookup, `__repr__` of a list item) cannot hand
    /// its fiber to the event loop, so an `await` that must suspend there is
    /// refused, like Lua's "attempt to yield across a C-call boundary".
    pub(crate) fn cannot_suspend_error(&mut self) -> Value {
        self.runtime_error(
            "cannot suspend here: the await (or yield) runs inside a call made by a built-in \
             function (a sort key, __eq__/__hash__ from a dict lookup, __repr__...), which \
             cannot pause; await the value before passing it to the built-in",
        )
    }

    /// Call `f` (found on a type) as a method of `obj`.
    pub fn call_bound(&mut self, f: Value, obj: Value, args: &[Value]) -> PyResult<Value> {
        let bound = self.bind_descriptor(f, obj)?;
        match bound {
            Some(b) => self.call(b, args),
            None => {
                let mut all: ArgVec = SmallVec::new();
                all.push(obj);
                all.extend_from_slice(args);
                self.call(f, &all)
            }
        }
    }

    /// `obj.name(*args)`
    pub fn call_method(&mut self, obj: Value, name: Value, args: &[Value]) -> PyResult<Value> {
        let (f, recv) = self.load_method(obj, name)?;
        match recv {
            Some(r) => {
                let mut all: ArgVec = SmallVec::new();
                all.push(r);
                all.extend_from_slice(args);
                self.call(f, &all)
            }
            None => self.call(f, args),
        }
    }

    /// Generator methods that switch fibers: send, __next__, throw, close
    /// (and builtin next() on a generator).
    fn gen_method(&mut self, kind: NativeKind, args: &[Value], nested: bool) -> PyResult<Invoked> {
        let recv = args.first().copied().unwrap_or(Value::None);
        let Some(g) = self.gen_of(recv) else {
            // builtin next() on a non-generator, or a bad receiver.
            if kind == NativeKind::GenNext {
                let v = crate::builtins::core::next_builtin(self, args)?;
                return Ok(Invoked::Value(v));
            }
            return Err(self.type_error("descriptor requires a generator object"));
        };
        // next(g, default): the value to give when g is exhausted.
        let default = match kind {
            NativeKind::GenNext => args.get(1).copied(),
            _ => None,
        };
        let (send, throw, mode) = match kind {
            NativeKind::GenSend => (
                args.get(1).copied().unwrap_or(Value::None),
                None,
                ResumeMode::Call { default: None },
            ),
            NativeKind::GenNext => (Value::None, None, ResumeMode::Call { default: None }),
            NativeKind::GenThrow => {
                let e = args.get(1).copied().unwrap_or(Value::None);
                let e = if args.len() > 2 && self.is_exception_class(e) {
                    // throw(type, value): instantiate with the value.
                    let val = args[2];
                    if self.exc_data(val).is_some() {
                        val
                    } else {
                        self.call(e, &[val])?
                    }
                } else {
                    self.make_exception(e)?
                };
                (Value::None, Some(e), ResumeMode::Call { default: None })
            }
            NativeKind::GenClose => {
                let e = self.new_exception(self.t.generator_exit, self.empty_tuple);
                (Value::None, Some(e), ResumeMode::Close)
            }
            NativeKind::Plain => unreachable!(),
        };
        if self.gen(g).kind == GenKind::AsyncGenerator {
            let tn = self.type_name(recv);
            return Err(self.type_error(format!("'{tn}' object is not an iterator")));
        }
        if nested {
            if mode == ResumeMode::Close {
                let st = self.gen(g).state;
                if matches!(st, GenState::Created | GenState::Finished) {
                    self.gen_mut(g).state = GenState::Finished;
                    self.gen_mut(g).fiber = None;
                    return Ok(Invoked::Value(Value::None));
                }
            }
            return match self.resume_native(g, send, throw) {
                Exit::Yielded(v) => {
                    if mode == ResumeMode::Close {
                        Err(self.runtime_error("generator ignored GeneratorExit"))
                    } else {
                        Ok(Invoked::Value(v))
                    }
                }
                Exit::Returned(v) => match mode {
                    ResumeMode::Close => Ok(Invoked::Value(Value::None)),
                    _ => match default {
                        Some(d) => Ok(Invoked::Value(d)),
                        None => Err(self.stop_iteration(v)),
                    },
                },
                Exit::Raised(e) => {
                    let ge = self.t.generator_exit;
                    if mode == ResumeMode::Close && self.isinstance_class(e, ge) {
                        return Ok(Invoked::Value(Value::None));
                    }
                    if let (ResumeMode::Call { .. }, Some(d)) = (mode, default) {
                        let si = self.t.stop_iteration;
                        if self.isinstance_class(e, si) {
                            return Ok(Invoked::Value(d));
                        }
                    }
                    Err(e)
                }
            };
        }
        // The fiber's resume mode holds the default from here on (traced
        // with the fiber).
        let mode = match (mode, default) {
            (ResumeMode::Call { .. }, Some(d)) => ResumeMode::Call {
                default: Some(self.heap.alloc(Obj::Tuple(Box::new([d])))),
            },
            (m, _) => m,
        };
        match self.resume_inline(g, send, throw, mode)? {
            Some(exit) => Ok(Invoked::Exit(exit)),
            None => Ok(Invoked::Frame),
        }
    }

    /// `cls(*args, **kw)`: `__new__` then `__init__`.
    fn instantiate(
        &mut self,
        cls: ObjRef,
        args: &[Value],
        kw: &[(Value, Value)],
        nested: bool,
        from_type_call: bool,
    ) -> PyResult<Invoked> {
        if args.len() == 1 && kw.is_empty() {
            if cls == self.t.type_ {
                return Ok(Invoked::Value(Value::Obj(self.type_of(args[0]))));
            }
            // str(x): what str.__new__ does with one argument (built-in
            // classes cannot be changed, and str has no __init__ of its own).
            if cls == self.t.str {
                return self.str(args[0]).map(Invoked::Value);
            }
        }
        // A custom metaclass's __call__.
        let meta = self.type_of(Value::Obj(cls));
        if meta != self.t.type_ && !from_type_call {
            let callk = self.n.call;
            if let Some(f) = self.class_lookup(meta, callk) {
                if !matches!(f, Value::Obj(fr) if matches!(self.heap.get(fr), Obj::BuiltinFn(_))) {
                    let mut all: ArgVec = SmallVec::new();
                    all.push(Value::Obj(cls));
                    all.extend_from_slice(args);
                    return self.invoke(f, &all, kw, nested);
                }
            }
        }
        let newk = self.n.new;
        let new = self.class_lookup(cls, newk);
        let mut all: ArgVec = SmallVec::new();
        all.push(Value::Obj(cls));
        all.extend_from_slice(args);
        let (inst, new_is_object) = match new {
            Some(f) => {
                let f = self.unwrap_method_kind(f);
                let is_obj_new = self.is_object_new(f);
                let layout = match self.heap.get(cls) {
                    Obj::Class(c) => c.layout,
                    _ => Layout::Builtin,
                };
                if is_obj_new && layout == Layout::Object {
                    // object.__new__ on a plain class: no need to go
                    // through the native call machinery.
                    (self.new_instance(cls), true)
                } else {
                    (self.call_kw(f, &all, kw)?, is_obj_new)
                }
            }
            None => (self.new_instance(cls), true),
        };
        if !self.isinstance_class(inst, cls) {
            return Ok(Invoked::Value(inst));
        }
        let initk = self.n.init;
        let init = self.class_lookup(cls, initk);
        let Some(init) = init else {
            return Ok(Invoked::Value(inst));
        };
        all[0] = inst;
        if let (Value::Obj(ir), Value::Obj(inst_ref)) = (init, inst) {
            match self.heap.get(ir) {
                Obj::Function(_) => {
                    return match self.invoke_function(ir, &all, kw)? {
                        Invoked::Frame => {
                            let f = self.fiber.frames.last_mut().unwrap();
                            f.on_return = OnReturn::Init { instance: inst_ref };
                            if nested {
                                f.exit = true;
                                let v = self.run_nested()?;
                                Ok(Invoked::Value(v))
                            } else {
                                Ok(Invoked::Frame)
                            }
                        }
                        other => Ok(other),
                    };
                }
                Obj::BuiltinFn(_) if init.is(self.object_fns.init) => {
                    if new_is_object && (!args.is_empty() || !kw.is_empty()) {
                        let name = self.class_name(cls);
                        return Err(self.type_error(format!("{name}() takes no arguments")));
                    }
                    return Ok(Invoked::Value(inst));
                }
                _ => {}
            }
        }
        self.call_kw(init, &all, kw)?;
        Ok(Invoked::Value(inst))
    }

    fn is_object_new(&self, f: Value) -> bool {
        f.is(self.object_fns.new)
    }

    /// BuildClass: run the class body in a fresh namespace; `finish_class`
    /// makes the class when the body returns.
    pub(crate) fn build_class(&mut self, nargs: usize, has_kw: bool) -> PyResult<Invoked> {
        let kwnames = if has_kw { self.pop() } else { Value::None };
        let nkw = if has_kw {
            self.tuple_items(kwnames).len()
        } else {
            0
        };
        let at = self.fiber.stack.len() - nargs;
        let vals: Vec<Value> = self.fiber.stack.drain(at..).collect();
        let name = self.pop();
        let body = self.pop();
        let bases: Vec<Value> = vals[..nargs - nkw].to_vec();
        let kwd = self.new_dict();
        let mut meta = Value::None;
        let names = self.tuple_items(kwnames);
        for (i, k) in names.into_iter().enumerate() {
            let v = vals[nargs - nkw + i];
            if self.str_of(k) == "metaclass" {
                meta = v;
            } else {
                self.dict_set(kwd, k, v)?;
            }
        }
        let orig_bases = self.new_tuple(bases.clone());
        self.temp_roots.extend([orig_bases, kwd, name, body]);
        let r = self.prepare_class(orig_bases, &bases, meta, name, kwd);
        self.temp_roots.truncate(self.temp_roots.len() - 4);
        let (bases_t, meta, ns, frame_ns) = r?;
        // The namespace the metaclass gets rides along (it may be a dict
        // subclass instance wrapping the dict the body writes to).
        let class_args = self
            .heap
            .alloc(Obj::Tuple(Box::new([name, bases_t, meta, kwd, ns])));
        let Value::Obj(fr) = body else {
            return Err(self.type_error("class body is not a function"));
        };
        let (code, globals) = match self.heap.get(fr) {
            Obj::Function(f) => (f.code.clone(), f.globals),
            _ => return Err(self.type_error("class body is not a function")),
        };
        let base = self.fiber.stack.len();
        self.fiber
            .stack
            .resize(base + code.nslots as usize, Value::Undefined);
        self.init_cells(fr, &code, base);
        self.push_frame(code, base, base, globals, body.as_obj())?;
        let f = self.fiber.frames.last_mut().unwrap();
        f.locals = Some(frame_ns);
        f.on_return = OnReturn::ClassBody { class_args };
        Ok(Invoked::Frame)
    }

    /// Before a class body runs: resolve `__mro_entries__`, pick the
    /// metaclass and call its `__prepare__`. Returns the bases tuple, the
    /// metaclass, the namespace the metaclass receives and the dict the
    /// body writes to (the same dict, or the built-in dict inside a dict
    /// subclass instance: weft's name stores go to a dict directly).
    fn prepare_class(
        &mut self,
        orig_bases: Value,
        bases: &[Value],
        meta: Value,
        name: Value,
        kwd: Value,
    ) -> PyResult<(Value, Value, Value, ObjRef)> {
        let (resolved, changed) = self.resolve_bases(bases)?;
        let bases_t = if changed {
            self.new_tuple(resolved.clone())
        } else {
            orig_bases
        };
        self.temp_roots.push(bases_t);
        let meta = self.calculate_meta(meta, &resolved);
        self.temp_roots.pop();
        let meta = meta?;
        let mut ns = Value::None;
        if meta.as_obj() != Some(self.t.type_) {
            let pk = self.intern("__prepare__");
            if let Some(p) = self.getattr_opt(meta, pk)? {
                let kw: Vec<(Value, Value)> = match kwd {
                    Value::Obj(d) => self.dict_ref(d).iter().map(|e| (e.key, e.value)).collect(),
                    _ => Vec::new(),
                };
                self.temp_roots.extend([bases_t, meta]);
                let r = self.call_kw(p, &[name, bases_t], &kw);
                self.temp_roots.truncate(self.temp_roots.len() - 2);
                ns = r?;
            }
        }
        if ns.is_none() {
            ns = self.new_dict();
        }
        let frame_ns = match ns {
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Dict(_)) => r,
            other => match self.builtin_base(other) {
                Some(r) if matches!(self.heap.get(r), Obj::Dict(_)) => r,
                _ => {
                    let tn = self.type_name(other);
                    return Err(self.type_error(format!(
                        "__prepare__() returned a '{tn}': weft runs class bodies in a dict or a dict subclass"
                    )));
                }
            },
        };
        if changed {
            let ok = self.intern("__orig_bases__");
            self.dict_set_str(frame_ns, ok, orig_bases);
        }
        Ok((bases_t, meta, ns, frame_ns))
    }

    /// Create the class from the executed body's namespace.
    pub(crate) fn finish_class(&mut self, class_args: ObjRef, ns: Value) -> PyResult<Value> {
        let a = self.tuple_items(Value::Obj(class_args));
        let (name, bases, meta, kwd) = (a[0], a[1], a[2], a[3]);
        // The mapping __prepare__ returned, if it is not the body's dict.
        let ns = match a.get(4) {
            Some(&p) if !p.is(ns) && !p.is_none() => p,
            _ => ns,
        };
        let bases_v = self.tuple_items(bases);
        // Metaclass: explicit, else the most derived metaclass of the bases.
        let mut meta = meta;
        if meta.is_none() {
            meta = Value::Obj(self.t.type_);
            for &b in &bases_v {
                let mb = self.type_of(b);
                if mb != self.t.type_ {
                    meta = Value::Obj(mb);
                }
            }
        }
        let kw: Vec<(Value, Value)> = match kwd {
            Value::Obj(d) => self.dict_ref(d).iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        if meta.as_obj() != Some(self.t.type_) {
            return self.call_kw(meta, &[name, bases, ns], &kw);
        }
        let cls = self.type_new(Value::Obj(self.t.type_), name, bases, ns)?;
        self.init_subclass(cls, &kw)?;
        Ok(cls)
    }

    /// Call `__init_subclass__` of the parent (with the class keywords).
    pub(crate) fn init_subclass(&mut self, cls: Value, kw: &[(Value, Value)]) -> PyResult<()> {
        let Value::Obj(c) = cls else { return Ok(()) };
        let mro = match self.heap.get(c) {
            Obj::Class(k) => k.mro.clone(),
            _ => return Ok(()),
        };
        let isk = self.n.init_subclass;
        for &m in mro.iter().skip(1) {
            let d = match self.heap.get(m) {
                Obj::Class(k) => k.dict,
                _ => continue,
            };
            if let Some(f) = self.dict_get_str(d, isk) {
                let f = self.unwrap_method_kind(f);
                if let Value::Obj(r) = f {
                    if matches!(self.heap.get(r), Obj::BuiltinFn(_)) {
                        if !kw.is_empty() {
                            let name = self.class_name(c);
                            return Err(self.type_error(format!(
                                "{name}.__init_subclass__() takes no keyword arguments"
                            )));
                        }
                        return Ok(());
                    }
                }
                self.call_kw(f, &[cls], kw)?;
                return Ok(());
            }
        }
        Ok(())
    }

    /// `with`: push the bound `__exit__`, then `__enter__` and its receiver
    /// for the `CallMethod(0)` that follows (DESIGN decision 2: the dispatch
    /// loop makes the call, so a weft `__enter__` is a frame of this fiber).
    pub(crate) fn before_with(&mut self, mgr: Value) -> PyResult<()> {
        let (ek, xk) = (self.n.enter, self.n.exit);
        self.push_with_methods(mgr, ek, xk, "")
    }

    pub(crate) fn before_async_with(&mut self, mgr: Value) -> PyResult<()> {
        let (ek, xk) = (self.n.aenter, self.n.aexit);
        self.push_with_methods(mgr, ek, xk, "asynchronous ")
    }

    fn push_with_methods(&mut self, mgr: Value, ek: Value, xk: Value, kind: &str) -> PyResult<()> {
        let enter = self.lookup_special(mgr, ek);
        let exit = self.lookup_special(mgr, xk);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let tn = self.type_name(mgr);
            return Err(self.type_error(format!(
                "'{tn}' object does not support the {kind}context manager protocol"
            )));
        };
        let bound_exit = self.bind_method_value(exit, mgr)?;
        self.push(bound_exit);
        match self.bind_descriptor(enter, mgr) {
            Ok(Some(b)) => {
                self.push(b);
                self.push(Value::Undefined);
            }
            Ok(None) => {
                self.push(enter);
                self.push(mgr);
            }
            Err(e) => {
                self.pop();
                return Err(e);
            }
        }
        Ok(())
    }

    /// A bound method object for `f` found on `obj`'s type.
    pub(crate) fn bind_method_value(&mut self, f: Value, obj: Value) -> PyResult<Value> {
        match self.bind_descriptor(f, obj)? {
            Some(b) => Ok(b),
            None => Ok(self.alloc(Obj::BoundMethod { recv: obj, func: f })),
        }
    }
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// A closure's cells into the frame slots that follow its locals and cells.
#[inline(always)]
pub(crate) fn copy_closure(slots: &mut [Value], closure: &[ObjRef]) {
    for (slot, &c) in slots.iter_mut().zip(closure) {
        *slot = Value::Obj(c);
    }
}
