//! `_re`: compiled patterns (re.Pattern) and match objects (re.Match) for
//! stdlib/re.py, on fancy-regex. Patterns are translated from Python's
//! syntax (translate.rs); positions are code points for str subjects
//! (weft strs are UTF-8: byte offsets are converted, free for ASCII).

mod engine;
mod matchobj;
mod template;
mod translate;

use std::rc::Rc;

use crate::builtins::{add_method, add_staticmethod, set_class_attr};
use crate::object::*;
use crate::vm::Vm;

use engine::{Engine, Hay, Mode, RunError, Spans};
pub use translate::ReError;

use super::{add_fn, new_module, set_attr};

pub struct PatternObj {
    class: ObjRef,
    /// re.Match, looked up once here rather than by name per match.
    match_class: ObjRef,
    /// The pattern as given (str or bytes).
    pattern: Value,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    close_pos: Vec<usize>,
    bytes: bool,
    engine: Rc<Engine>,
}

impl std::fmt::Debug for PatternObj {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "<re.Pattern>")
    }
}

impl NativeObj for PatternObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.pattern);
        out.push(Value::Obj(self.match_class));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub(crate) fn pattern_obj(vm: &Vm, v: Value) -> Option<&PatternObj> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => n.as_any().downcast_ref::<PatternObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn pat(vm: &mut Vm, v: Value) -> PyResult<&PatternObj> {
    if pattern_obj(vm, v).is_none() {
        return Err(vm.type_error("descriptor requires a 're.Pattern' object"));
    }
    Ok(pattern_obj(vm, v).expect("checked above"))
}

/// re.error(msg, pattern, pos), made by stdlib/re.py's class.
pub(crate) fn re_error(vm: &mut Vm, e: ReError, pattern: Value) -> Value {
    let Some(&cls) = vm.native_classes.get("re.error") else {
        return vm.value_error(e.msg);
    };
    let msg = vm.new_str(e.msg);
    let pos = e.pos.map_or(Value::None, |p| Value::Int(p as i64));
    match vm.call(Value::Obj(cls), &[msg, pattern, pos]) {
        Ok(v) | Err(v) => v,
    }
}

/// A subject string, copied out of the heap for the engine.
pub enum Subject {
    Str {
        /// The text of the str object being searched, borrowed from the
        /// heap (see `subject`): a Subject lives only while its native runs.
        s: &'static str,
        /// Byte offset of each char (non-ASCII text only), plus the end.
        starts: Option<Vec<u32>>,
    },
    Bytes(Vec<u8>),
}

impl Subject {
    pub fn hay(&self) -> Hay<'_> {
        match self {
            Subject::Str { s, .. } => Hay::Str(s),
            Subject::Bytes(b) => Hay::Bytes(b),
        }
    }

    /// Length in indexes (code points or bytes).
    pub fn index_len(&self) -> usize {
        match self {
            Subject::Str { s, starts: None } => s.len(),
            Subject::Str {
                starts: Some(st), ..
            } => st.len() - 1,
            Subject::Bytes(b) => b.len(),
        }
    }

    pub fn to_byte(&self, i: usize) -> usize {
        match self {
            Subject::Str {
                starts: Some(st), ..
            } => st[i.min(st.len() - 1)] as usize,
            _ => i,
        }
    }

    pub fn to_index(&self, b: usize) -> usize {
        match self {
            Subject::Str {
                starts: Some(st), ..
            } => st.partition_point(|&x| (x as usize) < b),
            _ => b,
        }
    }

    pub fn bytes_len(&self) -> usize {
        match self {
            Subject::Str { s, .. } => s.len(),
            Subject::Bytes(b) => b.len(),
        }
    }
}

pub fn subject(vm: &mut Vm, v: Value, bytes_pat: bool) -> PyResult<Subject> {
    let base = match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) if !i.base.is_undefined() && !i.base.is_none() => i.base,
            _ => v,
        },
        _ => v,
    };
    let found = match base {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => {
                // SAFETY: str objects are immutable and their heap slots never
                // move; this one is an argument of the running native, so it
                // stays alive (and unchanged) until the native returns, and the
                // Subject is dropped before then. Copying the text instead
                // cost 13% of regex_scan (malloc + memmove per call, and per
                // step of finditer over one long string).
                let text: &'static str = unsafe { &*(s.s.as_str() as *const str) };
                Some(Ok((text, s.chars as usize == s.s.len())))
            }
            Obj::Bytes(b) => Some(Err(b.to_vec())),
            Obj::ByteArray(b) => Some(Err(b.clone())),
            _ => None,
        },
        _ => None,
    };
    match found {
        Some(Ok((s, ascii))) => {
            if bytes_pat {
                return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
            }
            let starts = if ascii {
                None
            } else {
                let mut st: Vec<u32> = s.char_indices().map(|(i, _)| i as u32).collect();
                st.push(s.len() as u32);
                Some(st)
            };
            Ok(Subject::Str { s, starts })
        }
        Some(Err(b)) => {
            if !bytes_pat {
                return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
            }
            Ok(Subject::Bytes(b))
        }
        None => match vm.bytes_of(base) {
            Some(b) if bytes_pat => Ok(Subject::Bytes(b)),
            _ => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")))
            }
        },
    }
}

fn run_error(vm: &mut Vm, e: RunError) -> Value {
    let RunError::Limit(m) = e;
    vm.runtime_error(format!(
        "weft's re gave up on this pattern (the backtracking engine hit its limit: {m})"
    ))
}

/// Normalized (pos, endpos) in indexes, CPython's clamping.
fn bounds(vm: &mut Vm, a: &Args, first: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, i: usize, name: &str| -> PyResult<Option<i64>> {
        match a.get(vm, i, name) {
            None => Ok(None),
            Some(v) => {
                let n = crate::builtins::num::index_required(vm, v)?;
                Ok(Some(num_traits::ToPrimitive::to_i64(&n).unwrap_or(
                    if num_traits::Signed::is_negative(&n) {
                        i64::MIN
                    } else {
                        i64::MAX
                    },
                )))
            }
        }
    };
    let pos = get(vm, first, "pos")?.unwrap_or(0).clamp(0, len as i64) as usize;
    let end = get(vm, first + 1, "endpos")?
        .unwrap_or(i64::MAX)
        .clamp(0, len as i64) as usize;
    Ok((pos, end))
}

/// The string for a slice of the subject (a new str or bytes).
fn slice_value(vm: &mut Vm, subj: &Subject, s: usize, e: usize) -> Value {
    match subj {
        Subject::Str { s: text, .. } => vm.new_str(&text[s..e]),
        Subject::Bytes(b) => vm.alloc(Obj::Bytes(b[s..e].to_vec().into_boxed_slice())),
    }
}

fn exec_one(vm: &mut Vm, this: Value, a: &Args, mode: Mode) -> PyResult<Value> {
    let (engine, bytes) = {
        let p = pat(vm, this)?;
        (p.engine.clone(), p.bytes)
    };
    let string = a.pos[1];
    let subj = subject(vm, string, bytes)?;
    let (pos, end) = bounds(vm, a, 2, subj.index_len())?;
    if pos > end {
        return Ok(Value::None);
    }
    let (pb, eb) = (subj.to_byte(pos), subj.to_byte(end));
    let found = {
        let hay = match &subj {
            Subject::Str { s, .. } => Hay::Str(&s[..eb]),
            Subject::Bytes(b) => Hay::Bytes(&b[..eb]),
        };
        engine.exec(&hay, pb, mode)
    };
    match found {
        Ok(Some(sp)) => Ok(matchobj::new_match(vm, this, string, &subj, pos, end, &sp)),
        Ok(None) => Ok(Value::None),
        Err(e) => Err(run_error(vm, e)),
    }
}

/// Every match of a scan over [pos, endpos) (byte spans), for findall,
/// finditer, sub and split. `limit` 0 is unlimited.
fn scan(
    vm: &mut Vm,
    engine: &Engine,
    subj: &Subject,
    pb: usize,
    eb: usize,
    limit: usize,
) -> PyResult<Vec<Spans>> {
    let hay = match subj {
        Subject::Str { s, .. } => Hay::Str(&s[..eb]),
        Subject::Bytes(b) => Hay::Bytes(&b[..eb]),
    };
    let mut out = Vec::new();
    let mut at = pb;
    let mut must_advance = false;
    while at <= eb {
        let found = match engine.next(&hay, at, must_advance) {
            Ok(f) => f,
            Err(e) => return Err(run_error(vm, e)),
        };
        let Some(sp) = found else { break };
        let (s, e) = sp[0].unwrap_or((at, at));
        must_advance = s == e;
        at = e;
        out.push(sp);
        if limit != 0 && out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

fn group_value(vm: &mut Vm, subj: &Subject, sp: &Spans, g: usize, default: Value) -> Value {
    match sp.get(g).copied().flatten() {
        Some((s, e)) => slice_value(vm, subj, s, e),
        None => default,
    }
}

fn findall(vm: &mut Vm, this: Value, a: &Args) -> PyResult<Value> {
    let (engine, bytes, groups) = {
        let p = pat(vm, this)?;
        (p.engine.clone(), p.bytes, p.groups)
    };
    let subj = subject(vm, a.pos[1], bytes)?;
    let (pos, end) = bounds(vm, a, 2, subj.index_len())?;
    if pos > end {
        return Ok(vm.new_list(Vec::new()));
    }
    let all = scan(vm, &engine, &subj, subj.to_byte(pos), subj.to_byte(end), 0)?;
    let empty = slice_value(vm, &subj, 0, 0);
    let mut items = Vec::with_capacity(all.len());
    for sp in &all {
        let v = match groups {
            0 => group_value(vm, &subj, sp, 0, empty),
            1 => group_value(vm, &subj, sp, 1, empty),
            n => {
                let t: Vec<Value> = (1..=n)
                    .map(|g| group_value(vm, &subj, sp, g, empty))
                    .collect();
                vm.new_tuple(t)
            }
        };
        items.push(v);
    }
    Ok(vm.new_list(items))
}

fn finditer(vm: &mut Vm, this: Value, a: &Args) -> PyResult<Value> {
    let (engine, bytes) = {
        let p = pat(vm, this)?;
        (p.engine.clone(), p.bytes)
    };
    let string = a.pos[1];
    let subj = subject(vm, string, bytes)?;
    let (pos, end) = bounds(vm, a, 2, subj.index_len())?;
    let all = if pos > end {
        Vec::new()
    } else {
        scan(vm, &engine, &subj, subj.to_byte(pos), subj.to_byte(end), 0)?
    };
    let items: Vec<Value> = all
        .iter()
        .map(|sp| matchobj::new_match(vm, this, string, &subj, pos, end, sp))
        .collect();
    let l = vm.new_list(items);
    vm.iter(l)
}

fn split(vm: &mut Vm, this: Value, a: &Args) -> PyResult<Value> {
    let (engine, bytes, groups) = {
        let p = pat(vm, this)?;
        (p.engine.clone(), p.bytes, p.groups)
    };
    let subj = subject(vm, a.pos[1], bytes)?;
    let maxsplit = match a.get(vm, 2, "maxsplit") {
        Some(v) => {
            let n = crate::builtins::num::index_required(vm, v)?;
            num_traits::ToPrimitive::to_i64(&n).unwrap_or(i64::MAX)
        }
        None => 0,
    };
    if maxsplit < 0 {
        let s = slice_value(vm, &subj, 0, subj.bytes_len());
        return Ok(vm.new_list(vec![s]));
    }
    let all = scan(vm, &engine, &subj, 0, subj.bytes_len(), maxsplit as usize)?;
    let mut items = Vec::new();
    let mut last = 0;
    for sp in &all {
        let (s, e) = sp[0].unwrap_or((last, last));
        let piece = slice_value(vm, &subj, last, s);
        items.push(piece);
        for g in 1..=groups {
            let v = group_value(vm, &subj, sp, g, Value::None);
            items.push(v);
        }
        last = e;
    }
    let tail = slice_value(vm, &subj, last, subj.bytes_len());
    items.push(tail);
    Ok(vm.new_list(items))
}

/// sub/subn: (result, count).
fn subn(vm: &mut Vm, this: Value, a: &Args) -> PyResult<(Value, usize)> {
    let (engine, bytes, groups, names) = {
        let p = pat(vm, this)?;
        (p.engine.clone(), p.bytes, p.groups, p.names.clone())
    };
    let repl = a.pos[1];
    let string = a.pos[2];
    let subj = subject(vm, string, bytes)?;
    let count = match a.get(vm, 3, "count") {
        Some(v) => {
            let n = crate::builtins::num::index_required(vm, v)?;
            num_traits::ToPrimitive::to_i64(&n)
                .unwrap_or(i64::MAX)
                .max(0) as usize
        }
        None => 0,
    };
    // A template (str/bytes of the pattern's kind) or a callable.
    let template: Option<Vec<template::Piece>> = match repl {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Str(_)) => {
            if bytes {
                let tn = vm.type_name(repl);
                return Err(vm.type_error(format!("expected a bytes-like object, {tn} found")));
            }
            let chars: Vec<char> = vm.str_of(repl).chars().collect();
            Some(parse_template(vm, &chars, groups, &names, repl)?)
        }
        _ if vm.bytes_of(repl).is_some() && vm.as_str(repl).is_none() => {
            if !bytes {
                let tn = vm.type_name(repl);
                return Err(vm.type_error(format!("expected str instance, {tn} found")));
            }
            let chars: Vec<char> = vm
                .bytes_of(repl)
                .unwrap_or_default()
                .iter()
                .map(|b| *b as char)
                .collect();
            Some(parse_template(vm, &chars, groups, &names, repl)?)
        }
        _ => None,
    };
    let all = scan(vm, &engine, &subj, 0, subj.bytes_len(), count)?;
    let n = all.len();
    if n == 0 {
        return Ok((string_as_result(vm, string, &subj), 0));
    }
    let mut out_s = String::new();
    let mut out_b: Vec<u8> = Vec::new();
    let mut last = 0;
    // Pieces joined so far (CPython's join names the bad item's index).
    let mut pieces = 0;
    for sp in &all {
        let (s, e) = sp[0].unwrap_or((last, last));
        if s > last {
            pieces += 1;
        }
        append_slice(&subj, last, s, &mut out_s, &mut out_b);
        match &template {
            Some(pieces) => {
                for p in pieces {
                    match p {
                        template::Piece::Lit(cs) => match subj {
                            Subject::Bytes(_) => out_b.extend(cs.iter().map(|c| *c as u32 as u8)),
                            _ => out_s.extend(cs.iter()),
                        },
                        template::Piece::Group(g) => {
                            if let Some((gs, ge)) = sp.get(*g).copied().flatten() {
                                append_slice(&subj, gs, ge, &mut out_s, &mut out_b);
                            }
                        }
                    }
                }
            }
            None => {
                let (pos, end) = (0, subj.index_len());
                let m = matchobj::new_match(vm, this, string, &subj, pos, end, sp);
                let r = vm.call(repl, &[m])?;
                match (&subj, vm.as_str(r)) {
                    // A function's None adds nothing, as in CPython.
                    _ if r.is_none() => {}
                    (Subject::Str { .. }, Some(t)) => out_s.push_str(t),
                    (Subject::Bytes(_), None) if vm.bytes_of(r).is_some() => {
                        out_b.extend(vm.bytes_of(r).unwrap_or_default())
                    }
                    _ => {
                        let tn = vm.type_name(r);
                        let want = if bytes {
                            "a bytes-like object"
                        } else {
                            "str instance"
                        };
                        return Err(vm.type_error(format!(
                            "sequence item {pieces}: expected {want}, {tn} found"
                        )));
                    }
                }
                if !r.is_none() {
                    pieces += 1;
                }
            }
        }
        last = e;
    }
    append_slice(&subj, last, subj.bytes_len(), &mut out_s, &mut out_b);
    let v = match subj {
        Subject::Bytes(_) => vm.alloc(Obj::Bytes(out_b.into_boxed_slice())),
        _ => vm.new_str(out_s),
    };
    Ok((v, n))
}

/// With no substitution re.sub returns the string itself (a str or
/// bytes, not a subclass).
fn string_as_result(vm: &mut Vm, string: Value, subj: &Subject) -> Value {
    let exact = match string {
        Value::Obj(r) => matches!(vm.heap.get(r), Obj::Str(_) | Obj::Bytes(_)),
        _ => false,
    };
    if exact {
        string
    } else {
        slice_value(vm, subj, 0, subj.bytes_len())
    }
}

fn append_slice(subj: &Subject, s: usize, e: usize, out_s: &mut String, out_b: &mut Vec<u8>) {
    match subj {
        Subject::Str { s: text, .. } => out_s.push_str(&text[s..e]),
        Subject::Bytes(b) => out_b.extend_from_slice(&b[s..e]),
    }
}

fn parse_template(
    vm: &mut Vm,
    chars: &[char],
    groups: usize,
    names: &[(String, usize)],
    repl: Value,
) -> PyResult<Vec<template::Piece>> {
    match template::parse(chars, groups, names) {
        Ok(p) => Ok(p),
        Err(e) if e.pos.is_none() => Err(vm.index_error(e.msg)),
        Err(e) => Err(re_error(vm, e, repl)),
    }
}

fn compile(vm: &mut Vm, pattern: Value, flags: Value) -> PyResult<Value> {
    let flags = match flags {
        Value::Int(i) => i as u32,
        Value::Bool(b) => b as u32,
        v => {
            let n = crate::builtins::num::index_required(vm, v)?;
            num_traits::ToPrimitive::to_u32(&n).unwrap_or(0)
        }
    };
    let (chars, bytes): (Vec<char>, bool) = match pattern {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => (s.s.chars().collect(), false),
            Obj::Bytes(b) => (b.iter().map(|c| *c as char).collect(), true),
            Obj::ByteArray(b) => (b.iter().map(|c| *c as char).collect(), true),
            _ => return Err(vm.type_error("first argument must be string or compiled pattern")),
        },
        _ => return Err(vm.type_error("first argument must be string or compiled pattern")),
    };
    let t = match translate::translate(&chars, flags, bytes) {
        Ok(t) => t,
        Err(e) => return Err(re_error(vm, e, pattern)),
    };
    let engine = match Engine::new(t.text, t.text_nl, bytes) {
        Ok(e) => e,
        Err(msg) => {
            let e = ReError {
                msg: format!("weft's re cannot compile this pattern: {msg}"),
                pos: None,
            };
            return Err(re_error(vm, e, pattern));
        }
    };
    let class = pattern_class(vm);
    let match_class = matchobj::class(vm);
    Ok(vm.alloc(Obj::NativeObj(Box::new(PatternObj {
        class,
        match_class,
        pattern,
        flags: t.flags,
        groups: t.groups,
        names: t.names,
        close_pos: t.close_pos,
        bytes,
        engine: Rc::new(engine),
    }))))
}

fn pattern_class(vm: &mut Vm) -> ObjRef {
    super::dotted_class(vm, "re.Pattern")
}

const FLAG_NAMES: &[(u32, &str)] = &[
    (translate::I, "re.IGNORECASE"),
    (translate::L, "re.LOCALE"),
    (translate::M, "re.MULTILINE"),
    (translate::S, "re.DOTALL"),
    (translate::U, "re.UNICODE"),
    (translate::X, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (translate::A, "re.ASCII"),
];

fn pattern_repr(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let (p, mut flags, bytes) = {
        let p = pat(vm, this)?;
        (p.pattern, p.flags, p.bytes)
    };
    let mut r = vm.repr_string(p)?;
    if r.chars().count() > 200 {
        r = r.chars().take(200).collect();
    }
    if !bytes && flags & (translate::L | translate::U | translate::A) == translate::U {
        flags &= !translate::U;
    }
    if flags == 0 {
        return Ok(vm.new_str(format!("re.compile({r})")));
    }
    let mut parts = Vec::new();
    for &(bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            parts.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        parts.push(format!("0x{flags:x}"));
    }
    Ok(vm.new_str(format!("re.compile({r}, {})", parts.join("|"))))
}

fn install_pattern(vm: &mut Vm) -> ObjRef {
    let c = pattern_class(vm);
    add_method(
        vm,
        c,
        "match(string, pos=0, endpos=sys.maxsize)",
        |vm, a| exec_one(vm, a.pos[0], &a, Mode::Match),
    );
    add_method(
        vm,
        c,
        "search(string, pos=0, endpos=sys.maxsize)",
        |vm, a| exec_one(vm, a.pos[0], &a, Mode::Search),
    );
    add_method(
        vm,
        c,
        "fullmatch(string, pos=0, endpos=sys.maxsize)",
        |vm, a| exec_one(vm, a.pos[0], &a, Mode::Full),
    );
    add_method(
        vm,
        c,
        "findall(string, pos=0, endpos=sys.maxsize)",
        |vm, a| findall(vm, a.pos[0], &a),
    );
    add_method(
        vm,
        c,
        "finditer(string, pos=0, endpos=sys.maxsize)",
        |vm, a| finditer(vm, a.pos[0], &a),
    );
    add_method(vm, c, "split(string, maxsplit=0)", |vm, a| {
        split(vm, a.pos[0], &a)
    });
    add_method(vm, c, "sub(repl, string, count=0)", |vm, a| {
        Ok(subn(vm, a.pos[0], &a)?.0)
    });
    add_method(vm, c, "subn(repl, string, count=0)", |vm, a| {
        let (v, n) = subn(vm, a.pos[0], &a)?;
        Ok(vm.new_tuple(vec![v, Value::Int(n as i64)]))
    });
    add_method(vm, c, "__repr__()", |vm, a| pattern_repr(vm, a.pos[0]));
    add_method(vm, c, "__copy__()", |_, a| Ok(a.pos[0]));
    add_method(vm, c, "__deepcopy__(memo, /)", |_, a| Ok(a.pos[0]));
    add_method(vm, c, "__eq__(other, /)", |vm, a| {
        let (p1, f1) = {
            let p = pat(vm, a.pos[0])?;
            (p.pattern, p.flags)
        };
        let Some((p2, f2)) = pattern_obj(vm, a.pos[1]).map(|p| (p.pattern, p.flags)) else {
            return Ok(vm.not_implemented);
        };
        Ok(Value::Bool(f1 == f2 && vm.eq(p1, p2)?))
    });
    add_method(vm, c, "__hash__()", |vm, a| {
        let (p, f) = {
            let p = pat(vm, a.pos[0])?;
            (p.pattern, p.flags)
        };
        let h = vm.hash(p)?;
        Ok(Value::Int(h ^ (f as i64).wrapping_mul(1_000_003)))
    });
    let getters: [(&str, NativeFnPtr); 4] = [
        ("pattern", |vm, a| Ok(pat(vm, a.pos[0])?.pattern)),
        ("flags", |vm, a| {
            Ok(Value::Int(pat(vm, a.pos[0])?.flags as i64))
        }),
        ("groups", |vm, a| {
            Ok(Value::Int(pat(vm, a.pos[0])?.groups as i64))
        }),
        ("groupindex", |vm, a| {
            let names = pat(vm, a.pos[0])?.names.clone();
            let d = vm.new_dict();
            for (n, g) in names {
                let k = vm.new_str(n);
                vm.dict_set(d, k, Value::Int(g as i64))?;
            }
            Ok(d)
        }),
    ];
    for (name, g) in getters {
        add_getter(vm, c, name, g);
    }
    c
}

pub(crate) fn add_getter(vm: &mut Vm, c: ObjRef, name: &'static str, g: NativeFnPtr) {
    let gv = vm.new_native("getter(self, /)", format!("{name}.getter"), g);
    let p = vm.alloc(Obj::Property(Box::new([
        gv,
        Value::None,
        Value::None,
        Value::None,
    ])));
    set_class_attr(vm, c, name, p);
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_re");
    let pc = install_pattern(vm);
    let mc = matchobj::install(vm);
    set_attr(vm, m, "Pattern", Value::Obj(pc));
    set_attr(vm, m, "Match", Value::Obj(mc));
    add_fn(vm, m, "compile(pattern, flags, /)", |vm, a| {
        compile(vm, a.pos[0], a.pos[1])
    });
    add_fn(vm, m, "_set_error(cls, /)", |vm, a| {
        if let Value::Obj(c) = a.pos[0] {
            vm.native_classes.insert("re.error", c);
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "_expand(pattern, match, template, /)", |vm, a| {
        matchobj::expand(vm, a.pos[1], a.pos[2])
    });
    let _ = add_staticmethod;
    Ok(m)
}
