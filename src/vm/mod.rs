//! The virtual machine: state, allocation helpers, roots for the collector.
//!
//! Submodules: `interp` (the dispatch loop), `call` (the call protocol and
//! argument binding), `proto` (the object protocol: attributes, operators,
//! hashing, equality, repr), `unwind` (exceptions and tracebacks), `coro`
//! (generators and coroutines: fibers attach and detach), `types` (the
//! built-in type objects and exception hierarchy).

pub mod attrs;
pub mod call;
pub mod caps;
mod carets;
pub mod classes;
pub mod compare;
pub mod coro;
pub mod display;
pub mod frameobj;
pub mod internal;
pub mod interp;
pub mod interrupt;
pub mod items;
pub mod iterate;
pub mod lookup;
pub mod matching;
pub mod num;
pub mod size;
mod suggest;
pub mod types;
pub mod unwind;

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::bytecode::{CodeObject, Const};
use crate::object::*;
use crate::source::SourceFile;

pub use caps::{Cap, Caps};
pub use types::{Names, Types};

/// Why the dispatch loop stopped.
#[derive(Debug, Clone, Copy)]
pub enum Exit {
    Returned(Value),
    /// The fiber resumed by a native yielded this value (a generator step, or
    /// a task suspending on a future).
    Yielded(Value),
    Raised(Value),
}

/// Buffered standard output, flushed at exit and before reading stdin
/// (CPython's buffering: line-buffered on a terminal, blocks to a pipe).
pub struct Output {
    buf: Vec<u8>,
    pub line_buffered: bool,
    pub broken: bool,
    /// Where flushed bytes go instead of the process's stdout (an
    /// embedding host's writer, a test's capture).
    sink: Option<Box<dyn std::io::Write>>,
}

impl Output {
    fn new() -> Output {
        use std::io::IsTerminal;
        Output {
            buf: Vec::with_capacity(8192),
            line_buffered: std::io::stdout().is_terminal(),
            broken: false,
            sink: None,
        }
    }

    /// Send output to `w` instead of the process's stdout (block-buffered,
    /// as to a pipe).
    pub fn set_sink(&mut self, w: Box<dyn std::io::Write>) {
        let _ = self.flush();
        self.line_buffered = false;
        self.sink = Some(w);
    }
    /// Put `w` in place of the current sink (None: the process's stdout)
    /// after flushing what the old one was given; the buffering mode is
    /// kept. The REPL routes output through its line editor this way
    /// while the prompt waits.
    pub fn swap_sink(
        &mut self,
        w: Option<Box<dyn std::io::Write>>,
    ) -> Option<Box<dyn std::io::Write>> {
        let _ = self.flush();
        std::mem::replace(&mut self.sink, w)
    }
    pub fn write(&mut self, s: &str) -> std::io::Result<()> {
        self.buf.extend_from_slice(s.as_bytes());
        if self.buf.len() >= 8192 || (self.line_buffered && s.contains('\n')) {
            self.flush()?;
        }
        Ok(())
    }
    /// Raw bytes (sys.stdout.buffer.write), in order with the text.
    pub fn write_bytes(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.buf.extend_from_slice(b);
        if self.buf.len() >= 8192 || (self.line_buffered && b.contains(&b'\n')) {
            self.flush()?;
        }
        Ok(())
    }
    pub fn flush(&mut self) -> std::io::Result<()> {
        use std::io::Write;
        if self.buf.is_empty() {
            return Ok(());
        }
        let r = match &mut self.sink {
            Some(w) => w.write_all(&self.buf).and_then(|_| w.flush()),
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(&self.buf).and_then(|_| out.flush())
            }
        };
        self.buf.clear();
        if r.is_err() {
            self.broken = true;
        }
        r
    }
}

/// What was printed is never lost, even when a Rust panic unwinds through
/// the VM that owns the buffer.
impl Drop for Output {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// One step of `await obj` answered by a native module without the
/// iterator protocol: yield `v` to the task, or finish with `v`.
pub enum AwaitStep {
    Yield(Value),
    Return(Value),
}

/// Called by `YieldFrom` when the awaited object is a native object with
/// None sent: Some(step) if the module handled it (so no StopIteration is
/// allocated per resumption), None to use `__next__`/`send`.
/// Blocking work a native hands to aio's thread pool (`Vm::offload`): it
/// runs on a pool thread and returns what finishes the call on the loop
/// thread.
pub type Blocking = Box<dyn FnOnce() -> Finish + Send>;
/// Runs on the loop thread once the blocking work is done.
pub type Finish = Box<dyn FnOnce(&mut Vm) -> Step + Send>;
/// What a `Finish` decided: the call's result, or more blocking work (a
/// read that found only part of a line waits for the rest).
pub enum Step {
    Done(PyResult<Value>),
    Again(Blocking),
}
/// aio's pool: start the work, return the future the fiber waits on.
pub type OffloadHook = fn(&mut Vm, Blocking, &[Value]) -> PyResult<Value>;

pub type AwaitHook = fn(&mut Vm, ObjRef, Value) -> Option<PyResult<AwaitStep>>;

/// See `Vm::object_fns`.
#[derive(Debug, Default, Clone, Copy)]
pub struct ObjectFns {
    pub new: Value,
    pub init: Value,
    pub repr: Value,
    pub str: Value,
    /// BaseException.__str__
    pub exc_str: Value,
}

pub struct Vm {
    pub heap: Heap,
    /// The running fiber, inline: the dispatch loop reaches its stack
    /// with one load fewer than through a Box. Switching swaps contents
    /// with the box a generator or task keeps (no allocation).
    pub fiber: Fiber,
    /// Fibers that resumed another and wait for it (innermost last).
    pub suspended: Vec<Box<Fiber>>,
    pub t: Types,
    pub n: Names,
    interned: HashMap<Box<str>, ObjRef>,
    /// The `builtins` module's namespace.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    pub ellipsis: Value,
    pub not_implemented: Value,
    pub empty_tuple: Value,
    /// Frames alive across all fibers plus nested native calls.
    pub depth: usize,
    pub recursion_limit: usize,
    /// Values natives keep across calls back into the VM. Rule: a native
    /// that calls user code (vm.call, iteration, repr, eq, hash...) and holds
    /// values it created itself must push them here and truncate afterwards;
    /// the collector runs only inside the dispatch loop, so natives that never
    /// call back need nothing.
    pub temp_roots: Vec<Value>,
    /// Reused buffer for a plain native's positional arguments (see
    /// `call_from_stack`): taken while the native runs, so a nested native
    /// call finds it empty and uses its own.
    pub(crate) native_args: Vec<Value>,
    pub sources: HashMap<Rc<str>, Rc<SourceFile>>,
    pub stdout: Output,
    pub argv: Vec<String>,
    /// Folders searched for imports (sys.path).
    pub path: Vec<String>,
    /// Native modules by name, created on first import.
    pub native_modules: HashMap<&'static str, fn(&mut Vm) -> PyResult<Value>>,
    /// Extra roots registered by native modules (e.g. the event loop).
    pub extra_roots: Vec<Value>,
    /// Files named by coroutines' origins (index + 1; see `Origin`).
    pub origin_files: Vec<Rc<str>>,
    /// Nesting of native -> VM calls (the dispatch loop's Rust recursion).
    pub native_depth: usize,
    pub main_globals: Option<ObjRef>,
    /// Containers whose repr is in progress (prints `[...]` on a cycle).
    pub repr_stack: Vec<ObjRef>,
    /// Async generators first iterated while a loop was running (asyncio's
    /// shutdown_asyncgens closes those still suspended).
    pub asyncgens: Vec<ObjRef>,
    /// True while a native called directly by the dispatch loop runs (as
    /// opposed to one called from Rust); only those may suspend the fiber.
    pub native_inline: bool,
    /// Set by `call_ex` for a function taking only `*args`: the call's
    /// own argument tuple, which `bind_args` uses as *args without a copy.
    pub(crate) varargs_tuple: Option<ObjRef>,
    /// `gc.isenabled()` (see modules::gc: collection goes on regardless).
    pub gc_enabled: bool,
    /// Set by a native that wants the running fiber to await this future
    /// (a blocking call inside a thread-job fiber); the call's result is
    /// the value the fiber is resumed with.
    pub pending_await: Option<Value>,
    /// Set when a fiber suspends on `pending_await` (read by the task
    /// step, which then resumes it with the future's result).
    pub native_wait: bool,
    /// Set by ForIter around a native iterator's `__next__`: that native
    /// runs as called inline, so in a weft thread it may leave a future in
    /// `pending_await`, and ForIter parks the fiber and asks again once the
    /// future is done (a file's `for line in f`).
    pub retry_inline: bool,
    /// asyncio's hook making a future that completes after N seconds.
    pub sleep_hook: Value,
    /// The class attribute cache (see `class_lookup`) and its version,
    /// bumped whenever a class namespace changes or the collector runs.
    pub attr_cache: Box<[std::cell::Cell<lookup::AttrCacheEntry>]>,
    pub class_version: std::cell::Cell<u32>,
    /// Bumped whenever native code reads a frame's locals (locals(), vars(),
    /// dir(), super()): it ends in-place str ownership (see LoadFastInplace).
    pub locals_escapes: u64,
    /// Debug builds: print every instruction (WEFT_TRACE=1).
    pub trace: bool,
    /// Classes created by native modules, by name (rooted).
    pub native_classes: HashMap<&'static str, ObjRef>,
    /// object's own slot functions, compared by identity on hot paths
    /// (instantiation, str(), repr()) to tell "not overridden".
    pub object_fns: ObjectFns,
    /// A native module's fast path for `await` on its own objects (set by
    /// the asyncio module for futures; see `AwaitHook`).
    pub await_hook: Option<AwaitHook>,
    /// The event loop running on this VM (asyncio's running loop), or None.
    pub running_loop: Value,
    /// The loop `asyncio.get_event_loop()` returns when none is running.
    pub event_loop: Value,
    /// Virtual time: timers fire by jumping the clock (see `--virtual-time`).
    pub virtual_time: bool,
    /// Seconds the virtual clock is ahead of the real monotonic clock.
    pub clock_offset: f64,
    /// What the script may reach outside the VM (none until granted).
    pub caps: Caps,
    /// The interrupt word tested at the dispatch loop's safepoints (see
    /// `interrupt`).
    pub interrupt: interrupt::InterruptWord,
    /// Safepoints left before the next look at the interrupt word and the
    /// host's limits (never 0 between safepoints), and the countdown's
    /// starting value.
    pub(crate) tick: u32,
    pub(crate) tick_period: u32,
    /// The embedding host's step budget and deadline.
    pub limits: interrupt::HostLimits,
    /// Runs the Python handlers of signals that arrived (signal module).
    pub signal_hook: Option<interrupt::SignalHook>,
    /// The thread-job generator `preempt` just parked (taken by its task).
    pub(crate) preempted: Option<ObjRef>,
    /// `native_depth` of the task step running a thread-job fiber: only
    /// there (not inside a nested native run) may the fiber be preempted.
    pub preempt_depth: usize,
    /// `threading`'s private loop, where weft threads run when the main
    /// thread runs no loop, and the hook that gives them a turn when the
    /// switch interval ends at a safepoint of the main thread (aio's
    /// `fibers::main_slice`).
    pub threads_loop: Value,
    pub thread_slice_hook: Option<interrupt::SliceHook>,
    /// aio's thread pool (see `offload`).
    pub offload_hook: Option<OffloadHook>,
    /// The import system (installed by `crate::modules`): name, fromlist, level.
    pub importer: fn(&mut Vm, Value, Value, Value) -> PyResult<Value>,
}

impl Vm {
    /// A VM with its types and their methods but no builtins or modules:
    /// the runtime is assembled above the vm layer, by
    /// `crate::modules::new_vm` (builtins, then the import system).
    pub(crate) fn bare() -> Vm {
        let mut heap = Heap::new();
        let mut interned = HashMap::new();
        let (t, n) = types::bootstrap(&mut heap, &mut interned);
        let builtins = heap.alloc(Obj::Dict(Box::default()));
        let modules = heap.alloc(Obj::Dict(Box::default()));
        let empty_tuple = Value::Obj(heap.alloc(Obj::Tuple(Box::new([]))));
        let mut vm = Vm {
            heap,
            fiber: Fiber::new(None),
            suspended: Vec::new(),
            t,
            n,
            interned,
            builtins,
            modules,
            ellipsis: Value::None,
            not_implemented: Value::None,
            empty_tuple,
            depth: 0,
            recursion_limit: 1000,
            temp_roots: Vec::new(),
            native_args: Vec::new(),
            sources: HashMap::new(),
            stdout: Output::new(),
            argv: Vec::new(),
            path: Vec::new(),
            native_modules: HashMap::new(),
            extra_roots: Vec::new(),
            origin_files: Vec::new(),
            native_depth: 0,
            main_globals: None,
            repr_stack: Vec::new(),
            native_classes: HashMap::new(),
            object_fns: ObjectFns::default(),
            await_hook: None,
            trace: std::env::var_os("WEFT_TRACE").is_some(),
            asyncgens: Vec::new(),
            locals_escapes: 0,
            attr_cache: (0..lookup::ATTR_CACHE_SIZE)
                .map(|_| std::cell::Cell::new(lookup::AttrCacheEntry::default()))
                .collect(),
            class_version: std::cell::Cell::new(1),
            native_inline: false,
            varargs_tuple: None,
            gc_enabled: true,
            pending_await: None,
            native_wait: false,
            retry_inline: false,
            sleep_hook: Value::None,
            running_loop: Value::None,
            event_loop: Value::None,
            virtual_time: false,
            clock_offset: 0.0,
            caps: Caps::none(),
            interrupt: interrupt::InterruptWord::default(),
            tick: interrupt::CHECK_PERIOD,
            tick_period: interrupt::CHECK_PERIOD,
            limits: interrupt::HostLimits::default(),
            signal_hook: None,
            preempted: None,
            preempt_depth: usize::MAX,
            threads_loop: Value::None,
            thread_slice_hook: None,
            offload_hook: None,
            importer: |vm, _, _, _| Err(vm.runtime_error("no import system installed")),
        };
        let e = vm.t.ellipsis_type;
        vm.ellipsis = vm.new_instance(e);
        let ni = vm.t.notimplemented_type;
        vm.not_implemented = vm.new_instance(ni);
        types::install_type_methods(&mut vm);
        vm
    }

    /// Cache object's and BaseException's slot functions, once the
    /// builtins have filled their classes.
    pub(crate) fn cache_object_fns(&mut self) {
        let vm = self;
        let slot = |vm: &Vm, cls: ObjRef, name: &str| {
            let Obj::Class(c) = vm.heap.get(cls) else {
                return Value::Undefined;
            };
            vm.dict_ref(c.dict)
                .iter()
                .find(|e| vm.as_str(e.key) == Some(name))
                .map_or(Value::Undefined, |e| e.value)
        };
        let (obj, exc) = (vm.t.object, vm.t.base_exception);
        // __new__ is stored as a staticmethod; callers compare the function
        // inside (it used to be the wrapper, so no lookup ever matched and
        // every instantiation called object.__new__ as a native).
        let new = vm.unwrap_method_kind(slot(vm, obj, "__new__"));
        vm.object_fns = ObjectFns {
            new,
            init: slot(vm, obj, "__init__"),
            repr: slot(vm, obj, "__repr__"),
            str: slot(vm, obj, "__str__"),
            exc_str: slot(vm, exc, "__str__"),
        };
    }

    // ---- allocation ----

    #[inline]
    pub fn alloc(&mut self, o: Obj) -> Value {
        Value::Obj(self.heap.alloc(o))
    }

    pub fn new_str(&mut self, s: impl Into<String>) -> Value {
        self.alloc(Obj::Str(PyStr::new(s)))
    }

    /// The interned str for an identifier (same ObjRef for the same text).
    pub fn intern(&mut self, s: &str) -> Value {
        Value::Obj(self.intern_ref(s))
    }

    /// `intern`, as the ref.
    pub fn intern_ref(&mut self, s: &str) -> ObjRef {
        if let Some(&r) = self.interned.get(s) {
            return r;
        }
        let r = self.heap.alloc(Obj::Str(PyStr::new(s)));
        self.interned.insert(s.into(), r);
        r
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        self.alloc(Obj::Tuple(items.into_boxed_slice()))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Obj::List(items))
    }

    pub fn new_dict(&mut self) -> Value {
        self.alloc(Obj::Dict(Box::default()))
    }

    pub fn new_set(&mut self, frozen: bool) -> Value {
        self.alloc(Obj::Set(Box::default(), frozen))
    }

    /// An int from a BigInt, demoted to the i64 fast path when it fits.
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => self.alloc(Obj::BigInt(Box::new(b))),
        }
    }

    pub fn new_instance(&mut self, class: ObjRef) -> Value {
        self.alloc(Obj::Instance(Box::new(Instance {
            class,
            dict: None,
            exc: None,
            base: Value::None,
        })))
    }

    /// A native function from its declaration (`"len(obj, /)"`, see
    /// `object::sig`); the call path checks its arguments against it.
    pub fn new_native(
        &mut self,
        decl: &'static str,
        qualname: impl Into<String>,
        func: NativeFnPtr,
    ) -> Value {
        self.new_native_sig(Sig::parse(decl, false), qualname, func)
    }

    pub fn new_native_sig(
        &mut self,
        sig: Sig,
        qualname: impl Into<String>,
        func: NativeFnPtr,
    ) -> Value {
        self.alloc(Obj::BuiltinFn(Box::new(NativeFn {
            name: sig.name(),
            qualname: qualname.into(),
            func,
            kind: NativeKind::Plain,
            bound: None,
            sig,
        })))
    }

    /// Materialise a compiled code object (and nested ones) for execution.
    pub fn load_code(&mut self, code: &Rc<CodeObject>) -> Rc<CodeRt> {
        let consts = code.consts.iter().map(|c| self.const_value(c)).collect();
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let nslots = (code.varnames.len() + code.cellvars.len() + code.freevars.len()) as u32;
        let global_cache = (0..code.names.len())
            .map(|_| std::cell::Cell::new(GlobalCache::default()))
            .collect();
        let sites = AttrSites::new(&code.ops);
        use crate::bytecode::code::flags;
        let complex = flags::VARARGS
            | flags::VARKEYWORDS
            | flags::GENERATOR
            | flags::COROUTINE
            | flags::ASYNC_GENERATOR;
        let simple_argc = if code.flags & complex == 0 && code.kwonlyargcount == 0 {
            code.argcount
        } else {
            u32::MAX
        };
        let gens = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
        let gen_argc = if code.flags & complex & !gens == 0
            && code.flags & gens != 0
            && code.kwonlyargcount == 0
        {
            code.argcount
        } else {
            u32::MAX
        };
        let coro_argc = if code.flags & complex == flags::COROUTINE && code.kwonlyargcount == 0 {
            code.argcount
        } else {
            u32::MAX
        };
        Rc::new(CodeRt {
            code: code.clone(),
            consts,
            names,
            nslots,
            simple_argc,
            coro_argc,
            gen_argc,
            has_cells: !code.cellvars.is_empty() || !code.freevars.is_empty(),
            has_cellvars: !code.cellvars.is_empty(),
            global_cache,
            sites,
        })
    }

    fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(s) => {
                let b: BigInt = s.parse().unwrap_or_default();
                self.new_bigint(b)
            }
            Const::Float(f) => Value::Float(*f),
            Const::Complex(re, im) => self.alloc(Obj::Complex(*re, *im)),
            Const::Str(s) => {
                // Identifier-like constants are interned (CPython does the same),
                // which makes attribute lookups by constant name cheap.
                if s.len() <= 40 && s.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    self.intern(s)
                } else {
                    self.new_str(&**s)
                }
            }
            Const::Bytes(b) => self.alloc(Obj::Bytes(b.to_vec().into_boxed_slice())),
            Const::Tuple(items) => {
                let vals = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(vals)
            }
            Const::Code(code) => {
                let rt = self.load_code(code);
                self.alloc(Obj::Code(rt))
            }
            Const::Ellipsis => self.ellipsis,
        }
    }

    // ---- small accessors ----

    /// The &str of a str value (None for other values).
    #[inline]
    pub fn as_str(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        }
    }

    /// The text of a str value, or "" (for names known to be str).
    pub fn str_of(&self, v: Value) -> &str {
        self.as_str(v).unwrap_or("")
    }

    pub fn dict_ref(&self, r: ObjRef) -> &Dict {
        match self.heap.get(r) {
            Obj::Dict(d) => d,
            Obj::Set(d, _) => d,
            _ => panic!("weft internal error: not a dict"),
        }
    }

    pub fn dict_mut(&mut self, r: ObjRef) -> &mut Dict {
        match self.heap.get_mut(r) {
            Obj::Dict(d) => d,
            Obj::Set(d, _) => d,
            _ => panic!("weft internal error: not a dict"),
        }
    }

    /// Look a str key up in a dict whose keys are all str (namespaces):
    /// compares by identity first, then by text, never running user code.
    pub fn dict_get_str(&self, d: ObjRef, key: Value) -> Option<Value> {
        let ix = self.dict_index_str(d, key)?;
        Some(
            self.dict_ref(d)
                .entry_at(ix)
                .map_or(Value::None, |e| e.value),
        )
    }

    /// The slot of a str key in a namespace dict.
    pub fn dict_index_str(&self, d: ObjRef, key: Value) -> Option<usize> {
        let h = self.str_hash(key);
        let dict = self.dict_ref(d);
        let k = self.as_str(key)?;
        dict.find(h, |ek| {
            Some(ek.is(key) || self.as_str(ek).is_some_and(|s| s == k))
        })
        .ok()
        .flatten()
    }

    /// Set a str key in a namespace dict.
    pub fn dict_set_str(&mut self, d: ObjRef, key: Value, value: Value) {
        let h = self.str_hash(key);
        let found = {
            let dict = self.dict_ref(d);
            let k = self.as_str(key).unwrap_or("");
            dict.find(h, |ek| {
                Some(ek.is(key) || self.as_str(ek).is_some_and(|s| s == k))
            })
            .ok()
            .flatten()
        };
        let dict = self.dict_mut(d);
        match found {
            Some(ix) => {
                if let Some(e) = dict.entry_at_mut(ix) {
                    e.value = value;
                }
            }
            None => dict.insert_new(h, key, value),
        }
    }

    /// Remove a str key from a namespace dict; true if it was there.
    pub fn dict_del_str(&mut self, d: ObjRef, key: Value) -> bool {
        let h = self.str_hash(key);
        let found = {
            let dict = self.dict_ref(d);
            let k = self.as_str(key).unwrap_or("");
            dict.find(h, |ek| {
                Some(ek.is(key) || self.as_str(ek).is_some_and(|s| s == k))
            })
            .ok()
            .flatten()
        };
        match found {
            Some(ix) => {
                self.dict_mut(d).remove_at(ix);
                true
            }
            None => false,
        }
    }

    /// Hash of a str value (cached in the object).
    #[inline]
    pub fn str_hash(&self, v: Value) -> i64 {
        if let Value::Obj(r) = v {
            if let Obj::Str(s) = self.heap.get(r) {
                let h = s.hash.get();
                if h != crate::object::obj::NO_HASH {
                    return h;
                }
                let h = hash_str(&s.s);
                s.hash.set(h);
                return h;
            }
        }
        0
    }

    pub fn set_builtin(&mut self, name: &str, v: Value) {
        let k = self.intern(name);
        let b = self.builtins;
        self.dict_set_str(b, k, v);
    }

    // ---- the collector's roots ----

    /// Collect garbage if enough was allocated. Only called at instruction
    /// boundaries of the dispatch loop, where every live value is rooted.
    #[inline]
    pub fn maybe_collect(&mut self) {
        if self.heap.should_collect() {
            self.collect();
        }
    }

    pub fn collect(&mut self) {
        let mut roots: Vec<Value> = Vec::with_capacity(1024);
        self.fiber.trace(&mut roots);
        for f in &self.suspended {
            f.trace(&mut roots);
        }
        roots.extend_from_slice(&self.temp_roots);
        roots.extend_from_slice(&self.extra_roots);
        roots.extend(self.native_classes.values().map(|&r| Value::Obj(r)));
        roots.push(self.running_loop);
        roots.push(self.sleep_hook);
        roots.push(self.threads_loop);
        roots.extend(self.asyncgens.iter().map(|&r| Value::Obj(r)));
        roots.push(self.event_loop);
        roots.push(Value::Obj(self.builtins));
        roots.push(Value::Obj(self.modules));
        roots.push(self.ellipsis);
        roots.push(self.not_implemented);
        roots.push(self.empty_tuple);
        if let Some(g) = self.main_globals {
            roots.push(Value::Obj(g));
        }
        roots.extend(self.interned.values().map(|&r| Value::Obj(r)));
        self.t.trace(&mut roots);
        self.heap.collect(&roots);
        // Freed class (or name) slots may be reused: forget cached
        // lookups, but only then (collections are frequent).
        if std::mem::take(&mut self.heap.freed_class) {
            self.invalidate_classes();
        }
        if !self.heap.weak_pending.is_empty() {
            self.interrupt.raise(interrupt::FINALIZE);
        }
        if !self.heap.never_awaited.is_empty() {
            let names = std::mem::take(&mut self.heap.never_awaited);
            let _ = self.stdout.flush();
            for (n, origin) in names {
                self.warn_never_awaited(&n, origin);
            }
        }
    }
}

impl Vm {
    /// Call the callbacks of the weak references the collector cleared
    /// (`weakref.ref(obj, callback)`), each with its reference; an error
    /// is printed as CPython prints an exception it cannot raise.
    pub fn run_weak_callbacks(&mut self) {
        while !self.heap.weak_pending.is_empty() {
            let pending = std::mem::take(&mut self.heap.weak_pending);
            let base = self.temp_roots.len();
            self.temp_roots
                .extend(pending.iter().map(|&r| Value::Obj(r)));
            for w in pending {
                let cb = match self.heap.get_mut(w) {
                    Obj::NativeObj(n) => match n
                        .as_any_mut()
                        .downcast_mut::<crate::object::weakref::WeakRef>()
                    {
                        Some(wr) => std::mem::replace(&mut wr.callback, Value::None),
                        None => continue,
                    },
                    _ => continue,
                };
                if cb.is_none() {
                    continue;
                }
                self.temp_roots.push(cb);
                if let Err(e) = self.call(cb, &[Value::Obj(w)]) {
                    self.print_unraisable(cb, e);
                }
                self.temp_roots.pop();
            }
            self.temp_roots.truncate(base);
        }
    }

    /// `Exception ignored in: OBJ` and the traceback, on stderr.
    pub fn print_unraisable(&mut self, obj: Value, e: Value) {
        let what = match self.repr(obj) {
            Ok(r) => self.str_of(r).to_string(),
            Err(_) => "<object repr() failed>".to_string(),
        };
        let text = self.format_exception(e);
        let _ = self.stdout.flush();
        eprint!("Exception ignored in: {what}\n{text}");
    }

    /// The monotonic clock every timer uses (virtual under `--virtual-time`):
    /// loop.time(), time.monotonic() and time.perf_counter() agree.
    pub fn monotonic(&self) -> f64 {
        real_monotonic() + self.clock_offset
    }

    /// A class namespace changed: drop every cached attribute lookup.
    #[inline]
    pub fn invalidate_classes(&self) {
        let v = self.class_version.get().wrapping_add(1).max(1);
        self.class_version.set(v);
    }

    /// Whether a blocking native may suspend the running fiber instead of
    /// blocking the thread (inside a to_thread job, called from the loop).
    pub fn in_thread_job(&self) -> bool {
        self.native_inline
            && !self.running_loop.is_none()
            // Not inside a nested run (a `with` block's __enter__, a sort
            // key...): that run cannot suspend.
            && self.native_depth == self.preempt_depth
            && self
                .fiber
                .owner
                .is_some_and(|g| matches!(self.heap.get(g), Obj::Gen(x) if x.thread_job))
    }

    /// Blocking native work inside a weft thread's fiber (DESIGN decision
    /// 6): when the running code is a thread fiber, `work` goes to aio's
    /// thread pool and only this fiber waits; true means the native must
    /// return at once (its call's result is what the finish gives). False:
    /// not in a thread fiber, the caller blocks as usual. `keep` are values
    /// the finish uses, kept alive until it ran.
    pub fn offload(
        &mut self,
        keep: &[Value],
        work: impl FnOnce() -> Finish + Send + 'static,
    ) -> PyResult<bool> {
        let Some(hook) = self.offload_hook else {
            return Ok(false);
        };
        if !self.in_thread_job() {
            return Ok(false);
        }
        let fut = hook(self, Box::new(work), keep)?;
        self.pending_await = Some(fut);
        Ok(true)
    }

    /// A class for a native module's objects, created once per VM.
    pub fn native_class(&mut self, name: &'static str, base: Option<ObjRef>) -> ObjRef {
        if let Some(&c) = self.native_classes.get(name) {
            return c;
        }
        let namev = self.intern(name.rsplit('.').next().unwrap_or(name));
        let dict = self.heap.alloc(Obj::Dict(Box::default()));
        let object = self.t.object;
        let bases = vec![base.unwrap_or(object)];
        let cls = self.heap.alloc(Obj::Class(Box::new(Class {
            name: namev,
            qualname: namev,
            bases: bases.clone(),
            mro: Vec::new(),
            dict,
            layout: Layout::Builtin,
            metaclass: None,
            slots: None,
            builtin: true,
        })));
        let mro = types::c3_mro(&self.heap, cls, &bases).unwrap_or_else(|| vec![cls, object]);
        if let Obj::Class(c) = self.heap.get_mut(cls) {
            c.mro = mro;
        }
        self.native_classes.insert(name, cls);
        cls
    }
}

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

/// Seconds on the real monotonic clock since the process started.
pub fn real_monotonic() -> f64 {
    START.with(|s| s.elapsed().as_secs_f64())
}

/// FNV-1a over the UTF-8 bytes, folded into Python's hash range (never -1).
pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
