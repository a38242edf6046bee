//! The JSON encoder behind json.dumps / JSONEncoder.encode: one pass over
//! the value into a String, with CPython's output byte for byte (its float
//! repr, NaN/Infinity spellings, escapes, separators and indentation).

use crate::bytecode::op::CmpKind;
use crate::object::*;
use crate::text;
use crate::vm::Vm;

pub struct Options {
    /// The indent unit; None for one line.
    pub indent: Option<String>,
    pub sort_keys: bool,
    pub item_sep: String,
    pub key_sep: String,
    pub ensure_ascii: bool,
    pub allow_nan: bool,
    pub skipkeys: bool,
    pub check_circular: bool,
    /// Called on values of other types; its result is encoded instead.
    pub default: Value,
}

pub struct Encoder<'o> {
    opts: &'o Options,
    out: String,
    /// Containers being encoded, for "Circular reference detected".
    stack: Vec<ObjRef>,
    depth: usize,
    limit: usize,
}

/// What a value is to the encoder (subclasses of built-ins by their base).
enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    Big(ObjRef),
    Float(f64),
    Str(ObjRef),
    Seq(ObjRef),
    Map(ObjRef),
    Other,
}

fn kind(vm: &Vm, v: Value) -> Kind {
    match v {
        Value::None => Kind::Null,
        Value::Bool(b) => Kind::Bool(b),
        Value::Int(i) => Kind::Int(i),
        Value::Float(f) => Kind::Float(f),
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(_) => Kind::Str(r),
            Obj::List(_) | Obj::Tuple(_) => Kind::Seq(r),
            Obj::Dict(_) => Kind::Map(r),
            Obj::BigInt(_) => Kind::Big(r),
            Obj::Instance(i) if !i.base.is_undefined() && !i.base.is_none() => {
                match kind(vm, i.base) {
                    // A subclass of dict/list keeps its own identity for the
                    // circular check; the items come from the base value.
                    Kind::Other | Kind::Null => Kind::Other,
                    k => k,
                }
            }
            _ => Kind::Other,
        },
        _ => Kind::Other,
    }
}

pub fn float_text(vm: &mut Vm, f: f64, allow_nan: bool) -> PyResult<String> {
    if f.is_finite() {
        return Ok(text::float::float_repr(f));
    }
    if !allow_nan {
        return Err(vm.value_error("Out of range float values are not JSON compliant"));
    }
    Ok(if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
    .to_string())
}

/// Append `s` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            0..=0x1f => Some(""),
            0x7f.. if ensure_ascii => Some(""),
            _ => None,
        };
        let Some(esc) = esc else { continue };
        if (0x80..0xc0).contains(&b) {
            // A continuation byte: its character was written at its lead
            // byte (so `start` is not a char boundary to slice at here).
            start = i + 1;
            continue;
        }
        out.push_str(&s[start..i]);
        if !esc.is_empty() {
            out.push_str(esc);
            start = i + 1;
        } else if b <= 0x7f {
            out.push_str(&format!("\\u{:04x}", b));
            start = i + 1;
        } else {
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            let cp = c as u32;
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                out.push_str(&format!(
                    "\\u{:04x}\\u{:04x}",
                    0xd800 + (v >> 10),
                    0xdc00 + (v & 0x3ff)
                ));
            } else {
                out.push_str(&format!("\\u{:04x}", cp));
            }
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

impl<'o> Encoder<'o> {
    pub fn new(vm: &Vm, opts: &'o Options) -> Encoder<'o> {
        Encoder {
            opts,
            out: String::new(),
            stack: Vec::new(),
            depth: 0,
            limit: vm.recursion_limit,
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn newline(&mut self) {
        if let Some(unit) = &self.opts.indent {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(unit);
            }
        }
    }

    fn enter(&mut self, vm: &mut Vm, r: ObjRef) -> PyResult<()> {
        if self.opts.check_circular && self.stack.contains(&r) {
            return Err(vm.value_error("Circular reference detected"));
        }
        if self.stack.len() >= self.limit {
            return Err(vm.new_error(
                vm.t.recursion_error,
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        self.stack.push(r);
        Ok(())
    }

    pub fn encode(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        match kind(vm, v) {
            Kind::Null => self.out.push_str("null"),
            Kind::Bool(b) => self.out.push_str(if b { "true" } else { "false" }),
            Kind::Int(i) => {
                use std::fmt::Write;
                let _ = write!(self.out, "{i}");
            }
            Kind::Big(r) => {
                if let Obj::BigInt(b) = vm.heap.get(r) {
                    let s = b.to_string();
                    self.out.push_str(&s);
                }
            }
            Kind::Float(f) => {
                let s = float_text(vm, f, self.opts.allow_nan)?;
                self.out.push_str(&s);
            }
            Kind::Str(r) => {
                if let Obj::Str(s) = vm.heap.get(r) {
                    write_str(&mut self.out, &s.s, self.opts.ensure_ascii);
                }
            }
            Kind::Seq(r) => crate::stack::guard(|| self.encode_seq(vm, v, r))?,
            Kind::Map(r) => crate::stack::guard(|| self.encode_map(vm, v, r))?,
            Kind::Other => self.encode_other(vm, v)?,
        }
        Ok(())
    }

    fn encode_seq(&mut self, vm: &mut Vm, v: Value, r: ObjRef) -> PyResult<()> {
        let n = match vm.heap.get(r) {
            Obj::List(l) => l.len(),
            Obj::Tuple(t) => t.len(),
            _ => 0,
        };
        if n == 0 {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = match v {
            Value::Obj(o) => o,
            _ => r,
        };
        self.enter(vm, id)?;
        self.out.push('[');
        self.depth += 1;
        self.newline();
        let mut i = 0;
        loop {
            // The list may change under a default() call: index it afresh.
            let item = match vm.heap.get(r) {
                Obj::List(l) => l.get(i).copied(),
                Obj::Tuple(t) => t.get(i).copied(),
                _ => None,
            };
            let Some(item) = item else { break };
            if i > 0 {
                self.out.push_str(&self.opts.item_sep);
                self.newline();
            }
            self.encode(vm, item)?;
            i += 1;
        }
        self.depth -= 1;
        self.newline();
        self.out.push(']');
        self.stack.pop();
        Ok(())
    }

    /// A dict key as JSON text, or None to skip it (skipkeys).
    fn key_text(&mut self, vm: &mut Vm, k: Value) -> PyResult<Option<String>> {
        Ok(Some(match kind(vm, k) {
            Kind::Str(r) => match vm.heap.get(r) {
                Obj::Str(s) => s.s.clone(),
                _ => String::new(),
            },
            Kind::Float(f) => float_text(vm, f, self.opts.allow_nan)?,
            Kind::Bool(b) => (if b { "true" } else { "false" }).to_string(),
            Kind::Null => "null".to_string(),
            Kind::Int(i) => i.to_string(),
            Kind::Big(r) => match vm.heap.get(r) {
                Obj::BigInt(b) => b.to_string(),
                _ => String::new(),
            },
            _ if self.opts.skipkeys => return Ok(None),
            _ => {
                let tn = vm.type_name(k);
                return Err(vm.type_error(format!(
                    "keys must be str, int, float, bool or None, not {tn}"
                )));
            }
        }))
    }

    fn encode_map(&mut self, vm: &mut Vm, v: Value, r: ObjRef) -> PyResult<()> {
        if vm.dict_ref(r).is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let id = match v {
            Value::Obj(o) => o,
            _ => r,
        };
        self.enter(vm, id)?;
        let mut items: Vec<(Value, Value)> =
            vm.dict_ref(r).iter().map(|e| (e.key, e.value)).collect();
        if self.opts.sort_keys {
            sort_items(vm, &mut items)?;
        }
        self.out.push('{');
        self.depth += 1;
        self.newline();
        let mut first = true;
        for (k, val) in items {
            let Some(ks) = self.key_text(vm, k)? else {
                continue;
            };
            if !first {
                self.out.push_str(&self.opts.item_sep);
                self.newline();
            }
            first = false;
            write_str(&mut self.out, &ks, self.opts.ensure_ascii);
            self.out.push_str(&self.opts.key_sep);
            self.encode(vm, val)?;
        }
        self.depth -= 1;
        self.newline();
        self.out.push('}');
        self.stack.pop();
        Ok(())
    }

    fn encode_other(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        let f = self.opts.default;
        if f.is_none() {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("Object of type {tn} is not JSON serializable")));
        }
        let id = match v {
            Value::Obj(o) => Some(o),
            _ => None,
        };
        if let Some(id) = id {
            self.enter(vm, id)?;
        }
        let base = vm.temp_roots.len();
        let r = vm.call(f, &[v]);
        let r = match r {
            Ok(x) => x,
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        };
        vm.temp_roots.push(r);
        let res = self.encode(vm, r);
        vm.temp_roots.truncate(base);
        if id.is_some() {
            self.stack.pop();
        }
        res
    }
}

/// Sort dict items by key as sorted(d.items()) does.
fn sort_items(vm: &mut Vm, items: &mut [(Value, Value)]) -> PyResult<()> {
    let all_str = items
        .iter()
        .all(|(k, _)| matches!(k, Value::Obj(r) if matches!(vm.heap.get(*r), Obj::Str(_))));
    if all_str {
        items.sort_by(|a, b| vm.str_of(a.0).cmp(vm.str_of(b.0)));
        return Ok(());
    }
    let mut err = None;
    // Insertion sort through the VM's comparison (a few keys; mixed types
    // raise TypeError as CPython's sort does).
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            let lt = vm.rich_compare(items[j].0, items[j - 1].0, CmpKind::Lt);
            let lt = match lt.and_then(|v| vm.truthy(v)) {
                Ok(b) => b,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            };
            if !lt {
                break;
            }
            items.swap(j, j - 1);
            j -= 1;
        }
        if err.is_some() {
            break;
        }
    }
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
