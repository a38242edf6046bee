//! The heap object types: data only. Behaviour that may run user code lives in
//! the VM and builtins.

use std::cell::Cell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::dict::Dict;
use super::frame::Fiber;
use super::value::{ObjRef, Value};
use crate::bytecode::CodeObject;

/// A str: immutable UTF-8 with its code-point length and a lazily computed hash.
#[derive(Debug)]
pub struct PyStr {
    /// A String (not Box<str>) so `x += y` can append to a str only one
    /// local references (see Op::LoadFastInplace).
    pub s: String,
    /// Number of code points (== s.len() for ASCII, which enables O(1) indexing).
    pub chars: u32,
    /// The cached hash, or `NO_HASH` (str hashes are never negative; an
    /// Option would make every heap slot 8 bytes larger).
    pub hash: Cell<i64>,
}

/// `PyStr::hash` before the hash is computed.
pub const NO_HASH: i64 = -1;

impl PyStr {
    pub fn new(s: impl Into<String>) -> PyStr {
        let s = s.into();
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        } as u32;
        PyStr {
            s,
            chars,
            hash: Cell::new(NO_HASH),
        }
    }
    /// A str whose code-point count is already known (e.g. a concatenation).
    pub fn with_chars(s: String, chars: u32) -> PyStr {
        debug_assert_eq!(s.chars().count(), chars as usize);
        PyStr {
            s,
            chars,
            hash: Cell::new(NO_HASH),
        }
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars as usize == self.s.len()
    }
}

/// Runtime form of a code object: constants materialised as values and names
/// interned, shared by every function made from it.
#[derive(Debug)]
pub struct CodeRt {
    pub code: Rc<CodeObject>,
    pub consts: Vec<Value>,
    /// `code.names` interned.
    pub names: Vec<Value>,
    /// Locals + cells: the slots a frame reserves below its operand stack.
    pub nslots: u32,
    /// The positional argument count when a call with exactly that many
    /// positional arguments needs no binding work (no *args/**kwargs, no
    /// keyword-only parameters, not a generator or coroutine); u32::MAX
    /// otherwise. One load on the call fast path instead of four.
    pub simple_argc: u32,
    /// Like `simple_argc`, for a coroutine function (`async def`) whose
    /// call needs no binding work; u32::MAX otherwise.
    pub coro_argc: u32,
    /// Like `simple_argc`, for a generator, coroutine or async generator
    /// function (the call only makes the generator object).
    pub gen_argc: u32,
    /// The frame has cells or free variables to set up.
    pub has_cells: bool,
    /// The frame has cells of its own to create (not only free variables,
    /// which are copied from the function's closure).
    pub has_cellvars: bool,
    /// LoadGlobal inline caches, one per name.
    pub global_cache: Box<[std::cell::Cell<GlobalCache>]>,
    /// LoadAttr / StoreAttr / LoadMethod inline caches.
    pub sites: AttrSites,
}

/// The inline caches of a code object's attribute instructions: one `Site`
/// per LoadAttr, StoreAttr or LoadMethod, found through a per-instruction
/// index (a dense table rather than a cache for every instruction).
#[derive(Debug)]
pub struct AttrSites {
    /// For each instruction, the index of its site in `sites`; other
    /// instructions point at site 0, which no instruction uses. Every
    /// entry is below `sites.len()`.
    index: Box<[u32]>,
    sites: Box<[Site]>,
}

impl AttrSites {
    pub fn new(ops: &[crate::bytecode::Op]) -> AttrSites {
        use crate::bytecode::Op;
        let mut n = 1u32;
        let index = ops
            .iter()
            .map(|op| match op {
                Op::LoadAttr(_) | Op::StoreAttr(_) | Op::LoadMethod(_) => {
                    n += 1;
                    n - 1
                }
                _ => 0,
            })
            .collect();
        let sites = (0..n).map(|_| Site::default()).collect();
        AttrSites { index, sites }
    }

    /// The site of instruction `ix` (a LoadAttr, StoreAttr or LoadMethod
    /// of the ops this table was built from).
    #[inline(always)]
    pub fn site(&self, ix: usize) -> &Site {
        let k = self.index[ix] as usize;
        debug_assert!(k > 0);
        // SAFETY: `new` is the only constructor and makes every entry of
        // `index` below `sites.len()`; neither field changes afterwards.
        // (Checking this second index cost ~5 instructions per attribute
        // op, 0.6% of scheduler.py's instructions.)
        unsafe { self.sites.get_unchecked(k) }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Site> {
        self.sites.iter()
    }
}

impl Default for AttrSites {
    fn default() -> AttrSites {
        AttrSites::new(&[])
    }
}

/// How many classes one attribute site remembers at once. Call sites such
/// as `task.step()` over a list of tasks of a few different classes are
/// common; four ways cover them while a lookup stays one cache line pair.
pub const SITE_WAYS: usize = 4;

/// A polymorphic inline cache: one entry per class the site has seen
/// (most recent classes replace the last way once all are taken).
pub type Site = [std::cell::Cell<SiteCache>; SITE_WAYS];

/// What an attribute site learnt about instances of one class (valid while
/// `Vm::class_version` is unchanged): one way of a `Site`. 16 bytes, so a
/// four-way site is one cache line.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteCache {
    /// `SiteCache::key(class, version)`: the class (or, for kind 4, the
    /// module) and the class version the entry was filled at (0 for kind
    /// 4, which no class change affects; versions start at 1, so an empty
    /// entry, key 0, never matches a class). A hit is one comparison.
    pub key: u64,
    /// 1: loads of the name are decided by the instance dict (no custom
    /// __getattribute__, no data descriptor); 2: it is a plain method on
    /// the class; 3: stores of the name go plainly to the instance dict;
    /// 4: a module attribute.
    pub kind: u8,
    /// For 2: the name's hash modulo 64, so a hit can skip looking for the
    /// name in an instance dict that cannot hold it (`Dict::may_contain`).
    pub hash_bit: u8,
    /// For 1, 3 and 4: the dict slot where the name was last found
    /// (u32::MAX: not yet known). For 2: the method (an ObjRef).
    pub value: u32,
}

impl SiteCache {
    /// `kind` of an entry holding a method (its `value` is an ObjRef).
    pub const METHOD: u8 = 2;

    #[inline(always)]
    pub fn key(cls: u32, version: u32) -> u64 {
        (version as u64) << 32 | cls as u64
    }

    #[inline]
    pub fn cls(&self) -> u32 {
        self.key as u32
    }

    #[inline]
    pub fn version(&self) -> u32 {
        (self.key >> 32) as u32
    }
}

/// A cached global lookup, valid while the globals and builtins dicts keep
/// the versions it was filled with.
#[derive(Debug, Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals: u32,
    pub gver: u32,
    pub bver: u32,
    pub valid: bool,
    pub value: Value,
}

#[derive(Debug)]
pub struct Function {
    pub code: Rc<CodeRt>,
    pub globals: ObjRef,
    pub name: Value,
    pub qualname: Value,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<ObjRef>,
    pub closure: Vec<ObjRef>,
    /// Function attributes (`f.x = 1`, `__doc__`, `__wrapped__`...), created lazily.
    pub dict: Option<ObjRef>,
    pub module: Value,
    pub doc: Value,
    /// `__annotations__`: a dict, or None until first asked for.
    pub annotations: Value,
}

/// Call arguments given to a native: positional values and keyword pairs
/// (keyword names are str values).
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(Value, Value)],
}

/// Result type of everything that may raise: the error is the exception value.
pub type PyResult<T> = Result<T, Value>;

pub type NativeFnPtr = fn(&mut crate::vm::Vm, Args) -> PyResult<Value>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NativeKind {
    /// An ordinary built-in.
    Plain,
    /// Generator methods that switch fibers (handled by the dispatch loop).
    GenSend,
    GenThrow,
    GenClose,
    GenNext,
}

pub struct NativeFn {
    pub name: &'static str,
    pub qualname: String,
    pub func: NativeFnPtr,
    pub kind: NativeKind,
    /// For natives closed over a value (e.g. a bound helper), passed as args.pos[0].
    pub bound: Option<Value>,
    /// The declared parameters, checked by the call path before `func` runs.
    pub sig: crate::object::Sig,
}

impl std::fmt::Debug for NativeFn {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "<native {}>", self.qualname)
    }
}

/// Which built-in type's layout instances of a class have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `object` or a plain user class: attributes in a dict.
    Object,
    /// BaseException and subclasses: args, traceback, cause, context.
    Exception,
    /// A built-in type whose values are not instances (int, str, list...):
    /// user subclasses of these store the built-in value in `Instance::base`.
    Builtin,
}

#[derive(Debug)]
pub struct Class {
    pub name: Value,
    pub qualname: Value,
    pub bases: Vec<ObjRef>,
    pub mro: Vec<ObjRef>,
    /// The class namespace (a dict object).
    pub dict: ObjRef,
    pub layout: Layout,
    /// The class's metaclass (`type` for most).
    pub metaclass: Option<ObjRef>,
    /// `__slots__` names, if declared (attributes are then restricted).
    pub slots: Option<Vec<Value>>,
    /// True for built-in types (their dict cannot be changed from weft).
    pub builtin: bool,
}

#[derive(Debug, Default)]
pub struct ExcData {
    pub args: Value,
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// AttributeError's and NameError's `name`, and AttributeError's `obj`:
    /// what the traceback's "Did you mean" looks at.
    pub name: Value,
    pub obj: Value,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args,
            traceback: Value::None,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
            name: Value::None,
            obj: Value::None,
        }
    }
}

#[derive(Debug)]
pub struct Instance {
    pub class: ObjRef,
    /// Attribute dict (a dict object), created lazily.
    pub dict: Option<ObjRef>,
    pub exc: Option<Box<ExcData>>,
    /// For subclasses of built-in types: the built-in value.
    pub base: Value,
}

#[derive(Debug)]
pub struct Module {
    pub name: Value,
    /// The module namespace (a dict object), also the globals of its code.
    pub dict: ObjRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    /// Its frames are attached to another fiber (it is being delegated to by
    /// `yield from` / `await`).
    Attached,
    Finished,
}

#[derive(Debug)]
pub struct Gen {
    pub kind: GenKind,
    pub state: GenState,
    /// The suspended frames; None while running or attached.
    pub fiber: Option<Box<Fiber>>,
    /// `__name__` and `__qualname__` (str objects; held as refs so a
    /// suspended coroutine's Gen stays in a 40-byte allocation).
    pub name: ObjRef,
    pub qualname: ObjRef,
    pub code: Rc<CodeRt>,
    /// Async generators: the value being yielded by `yield` (as opposed to a
    /// suspension through `await`) is wrapped; see vm::coro.
    pub awaited_by: Option<ObjRef>,
    /// Async generators: an `aclose()` is in progress (a `yield` is then a
    /// RuntimeError, GeneratorExit a normal end).
    pub closing: bool,
    /// A coroutine running a blocking function for `to_thread` /
    /// `run_in_executor` (threads are fibers): blocking natives such as
    /// time.sleep suspend this fiber instead of the whole thread.
    pub thread_job: bool,
    /// Where the coroutine was made (for "was never awaited").
    pub origin: Origin,
}

/// A source position kept cheaply: an index into the VM's `origin_files`
/// (0 for none) and a line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: u32,
    pub line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// Built-in iterator states.
#[derive(Debug)]
pub enum IterState {
    /// list or tuple by index (re-checks the length each step, as CPython).
    Seq {
        seq: ObjRef,
        idx: usize,
    },
    /// str by byte position.
    Str {
        s: ObjRef,
        pos: usize,
    },
    Bytes {
        b: ObjRef,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// dict / set / view iteration over entry slots.
    Dict {
        d: ObjRef,
        idx: usize,
        kind: ViewKind,
        len: usize,
    },
    Reversed {
        seq: ObjRef,
        idx: isize,
    },
    Enumerate {
        it: Value,
        count: i64,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    /// `iter(callable, sentinel)`
    Callable {
        f: Value,
        sentinel: Value,
        done: bool,
    },
    /// Old-style iteration through `__getitem__` with 0, 1, 2...
    GetItem {
        obj: Value,
        idx: i64,
        done: bool,
    },
    /// A fixed list of values (used by natives that precompute results).
    Values {
        vals: Vec<Value>,
        idx: usize,
    },
}

/// One traceback line: the frame's code (for its file and function
/// names; one Rc per entry instead of two) and the line it was at.
#[derive(Clone, Debug)]
pub struct TbEntry {
    pub code: Rc<CodeRt>,
    pub line: u32,
    /// The instruction that failed (its source range gives the carets).
    pub ip: u32,
}

impl TbEntry {
    pub fn filename(&self) -> &Rc<str> {
        &self.code.code.filename
    }

    pub fn name(&self) -> &Rc<str> {
        &self.code.code.name
    }
}

#[derive(Debug)]
pub enum Obj {
    Str(PyStr),
    BigInt(Box<BigInt>),
    Complex(f64, f64),
    Tuple(Box<[Value]>),
    List(Vec<Value>),
    Dict(Box<Dict>),
    /// A set (values of the table are unused); `frozen` for frozenset.
    Set(Box<Dict>, bool),
    Bytes(Box<[u8]>),
    ByteArray(Vec<u8>),
    Range(i64, i64, i64),
    Slice(Box<[Value; 3]>),
    Function(Box<Function>),
    /// A function written in Rust (a builtin, a type's method, a native
    /// module's function), with its declared signature.
    BuiltinFn(Box<NativeFn>),
    BoundMethod {
        recv: Value,
        func: Value,
    },
    Class(Box<Class>),
    Instance(Box<Instance>),
    Module(Box<Module>),
    Cell(Value),
    Code(Rc<CodeRt>),
    Gen(Box<Gen>),
    Iter(Box<IterState>),
    DictView(ObjRef, ViewKind),
    Property(Box<[Value; 4]>),
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        cls: ObjRef,
        obj: Value,
    },
    Traceback(Box<Vec<TbEntry>>),
    /// The awaitable of an async generator step (`__anext__`, `asend`,
    /// `athrow`, `aclose`); awaiting it attaches the generator's frames.
    AGenOp(Box<AGenOp>),
    /// A Rust-side object owned by a native module (files, loop handles...).
    NativeObj(Box<dyn NativeObj>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AGenOpKind {
    /// `__anext__()` / `asend(v)`
    Send(Value),
    /// `athrow(exc)`
    Throw(Value),
    /// `aclose()`
    Close,
}

#[derive(Debug)]
pub struct AGenOp {
    pub agen: ObjRef,
    pub kind: AGenOpKind,
    /// Already awaited (an AGenOp is awaitable once).
    pub used: bool,
}

/// Objects defined by native modules. `trace` reports the values they hold.
pub trait NativeObj: std::fmt::Debug + std::any::Any {
    /// The class whose namespace holds this object's methods.
    fn class(&self) -> ObjRef;
    fn trace(&self, out: &mut Vec<Value>);
    fn as_any(&self) -> &dyn std::any::Any;
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
    /// The attribute dict of objects that accept attributes (so that weft
    /// subclasses of native classes can keep state).
    fn attr_dict(&self) -> Option<ObjRef> {
        None
    }
    fn set_attr_dict(&mut self, _d: ObjRef) -> bool {
        false
    }
}

impl Obj {
    /// Approximate bytes of Rust heap this object owns (for GC pacing).
    pub fn heap_size(&self) -> usize {
        64 + match self {
            Obj::Str(s) => s.s.len(),
            Obj::Tuple(t) => t.len() * 16,
            Obj::List(l) => l.capacity() * 16,
            Obj::Dict(d) | Obj::Set(d, _) => d.slots() * 40,
            Obj::Bytes(b) => b.len(),
            Obj::ByteArray(b) => b.capacity(),
            Obj::BigInt(b) => (b.bits() / 8) as usize,
            _ => 0,
        }
    }

    /// Push every value this object references (for the collector).
    pub fn trace(&self, out: &mut Vec<Value>) {
        match self {
            Obj::Str(_)
            | Obj::BigInt(_)
            | Obj::Complex(..)
            | Obj::Bytes(_)
            | Obj::ByteArray(_)
            | Obj::Range(..)
            | Obj::Traceback(_) => {}
            Obj::Tuple(v) => out.extend_from_slice(v),
            Obj::List(v) => out.extend_from_slice(v),
            Obj::Dict(d) | Obj::Set(d, _) => {
                for e in d.iter() {
                    out.push(e.key);
                    out.push(e.value);
                }
            }
            Obj::Slice(s) => out.extend_from_slice(&s[..]),
            Obj::Function(f) => {
                trace_code(&f.code, out);
                out.push(Value::Obj(f.globals));
                out.push(f.name);
                out.push(f.qualname);
                out.extend_from_slice(&f.defaults);
                if let Some(k) = f.kwdefaults {
                    out.push(Value::Obj(k));
                }
                out.extend(f.closure.iter().map(|&c| Value::Obj(c)));
                if let Some(d) = f.dict {
                    out.push(Value::Obj(d));
                }
                out.push(f.module);
                out.push(f.doc);
                out.push(f.annotations);
            }
            Obj::BuiltinFn(n) => {
                if let Some(b) = n.bound {
                    out.push(b);
                }
            }
            Obj::BoundMethod { recv, func } => {
                out.push(*recv);
                out.push(*func);
            }
            Obj::Class(c) => {
                out.push(c.name);
                out.push(c.qualname);
                out.extend(c.bases.iter().map(|&b| Value::Obj(b)));
                out.extend(c.mro.iter().map(|&b| Value::Obj(b)));
                out.push(Value::Obj(c.dict));
                if let Some(m) = c.metaclass {
                    out.push(Value::Obj(m));
                }
                if let Some(s) = &c.slots {
                    out.extend_from_slice(s);
                }
            }
            Obj::Instance(i) => {
                out.push(Value::Obj(i.class));
                if let Some(d) = i.dict {
                    out.push(Value::Obj(d));
                }
                if let Some(e) = &i.exc {
                    out.push(e.args);
                    out.push(e.traceback);
                    out.push(e.cause);
                    out.push(e.context);
                    out.push(e.name);
                    out.push(e.obj);
                }
                out.push(i.base);
            }
            Obj::Module(m) => {
                out.push(m.name);
                out.push(Value::Obj(m.dict));
            }
            Obj::Cell(v) => out.push(*v),
            Obj::Code(c) => trace_code(c, out),
            Obj::Gen(g) => {
                out.push(Value::Obj(g.name));
                out.push(Value::Obj(g.qualname));
                trace_code(&g.code, out);
                if let Some(f) = &g.fiber {
                    f.trace(out);
                }
                if let Some(a) = g.awaited_by {
                    out.push(Value::Obj(a));
                }
            }
            Obj::Iter(it) => match &**it {
                IterState::Seq { seq, .. } => out.push(Value::Obj(*seq)),
                IterState::Str { s, .. } => out.push(Value::Obj(*s)),
                IterState::Bytes { b, .. } => out.push(Value::Obj(*b)),
                IterState::Range { .. } => {}
                IterState::Dict { d, .. } => out.push(Value::Obj(*d)),
                IterState::Reversed { seq, .. } => out.push(Value::Obj(*seq)),
                IterState::Enumerate { it, .. } => out.push(*it),
                IterState::Zip { its, .. } => out.extend_from_slice(its),
                IterState::Map { f, its } => {
                    out.push(*f);
                    out.extend_from_slice(its);
                }
                IterState::Filter { f, it } => {
                    out.push(*f);
                    out.push(*it);
                }
                IterState::Callable { f, sentinel, .. } => {
                    out.push(*f);
                    out.push(*sentinel);
                }
                IterState::GetItem { obj, .. } => out.push(*obj),
                IterState::Values { vals, .. } => out.extend_from_slice(vals),
            },
            Obj::DictView(d, _) => out.push(Value::Obj(*d)),
            Obj::Property(p) => out.extend_from_slice(&p[..]),
            Obj::StaticMethod(v) | Obj::ClassMethod(v) => out.push(*v),
            Obj::Super { cls, obj } => {
                out.push(Value::Obj(*cls));
                out.push(*obj);
            }
            Obj::AGenOp(op) => {
                out.push(Value::Obj(op.agen));
                match op.kind {
                    AGenOpKind::Send(v) | AGenOpKind::Throw(v) => out.push(v),
                    AGenOpKind::Close => {}
                }
            }
            Obj::NativeObj(n) => n.trace(out),
        }
    }
}

pub fn trace_code(c: &CodeRt, out: &mut Vec<Value>) {
    out.extend_from_slice(&c.consts);
    out.extend_from_slice(&c.names);
    out.extend(c.global_cache.iter().map(|e| e.get().value));
    // Methods a site remembers (stale ones never match again: every
    // collection bumps the class version).
    out.extend(
        c.sites
            .iter()
            .flatten()
            .map(|e| e.get())
            .filter(|e| e.kind == SiteCache::METHOD)
            .map(|e| Value::Obj(ObjRef::from_index(e.value))),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_coroutine_stays_in_a_40_byte_allocation() {
        // Its origin (file index and line) used the padding that was left.
        assert!(std::mem::size_of::<super::Gen>() <= 40);
    }
}
