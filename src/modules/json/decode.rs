//! The JSON decoder behind json.loads / JSONDecoder.raw_decode: a recursive
//! descent over the UTF-8 bytes with CPython's acceptance rules (NaN,
//! Infinity, strict control characters) and its error messages; positions
//! in errors are code-point offsets, as CPython reports them.

use std::collections::HashMap;

use num_bigint::BigInt;

use crate::object::*;
use crate::vm::Vm;

pub struct Hooks {
    pub object_hook: Value,
    pub object_pairs_hook: Value,
    pub parse_float: Value,
    pub parse_int: Value,
    pub parse_constant: Value,
    pub strict: bool,
}

impl Hooks {
    fn any(&self) -> bool {
        !(self.object_hook.is_none()
            && self.object_pairs_hook.is_none()
            && self.parse_float.is_none()
            && self.parse_int.is_none()
            && self.parse_constant.is_none())
    }
}

/// A decode failure: the message and the byte offset it points at.
pub enum Fail {
    Syntax(&'static str, usize),
    /// A Python exception raised by a hook (or RecursionError).
    Py(Value),
}

pub struct Decoder<'s, 'h> {
    s: &'s str,
    b: &'s [u8],
    hooks: &'h Hooks,
    /// Keys seen in this document, so repeated keys share one str object.
    memo: HashMap<&'s str, Value>,
    depth: usize,
    limit: usize,
    /// Hooks may run the collector: values built so far are rooted here.
    rooting: bool,
}

type R<T> = Result<T, Fail>;

impl<'s, 'h> Decoder<'s, 'h> {
    pub fn new(vm: &Vm, s: &'s str, hooks: &'h Hooks) -> Decoder<'s, 'h> {
        Decoder {
            s,
            b: s.as_bytes(),
            hooks,
            memo: HashMap::new(),
            depth: 0,
            limit: vm.recursion_limit,
            rooting: hooks.any(),
        }
    }

    fn ws(&self, mut i: usize) -> usize {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(i) {
            i += 1;
        }
        i
    }

    fn call(&self, vm: &mut Vm, f: Value, args: &[Value]) -> R<Value> {
        let v = vm.call(f, args).map_err(Fail::Py)?;
        if self.rooting {
            vm.temp_roots.push(v);
        }
        Ok(v)
    }

    /// Decode one value starting at byte `i` (no leading whitespace).
    pub fn value(&mut self, vm: &mut Vm, i: usize) -> R<(Value, usize)> {
        let Some(&c) = self.b.get(i) else {
            return Err(Fail::Syntax("Expecting value", i));
        };
        match c {
            b'"' => {
                let (s, end) = self.string(i + 1)?;
                let v = vm.new_str(s);
                Ok((v, end))
            }
            b'{' => crate::stack::guard(|| self.object(vm, i + 1)),
            b'[' => crate::stack::guard(|| self.array(vm, i + 1)),
            b'n' if self.b[i..].starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if self.b[i..].starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if self.b[i..].starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if self.b[i..].starts_with(b"NaN") => self.constant(vm, "NaN", f64::NAN, i + 3),
            b'I' if self.b[i..].starts_with(b"Infinity") => {
                self.constant(vm, "Infinity", f64::INFINITY, i + 8)
            }
            b'-' if self.b[i..].starts_with(b"-Infinity") => {
                self.constant(vm, "-Infinity", f64::NEG_INFINITY, i + 9)
            }
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(Fail::Syntax("Expecting value", i)),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, f: f64, end: usize) -> R<(Value, usize)> {
        if self.hooks.parse_constant.is_none() {
            return Ok((Value::Float(f), end));
        }
        let n = vm.new_str(name);
        Ok((self.call(vm, self.hooks.parse_constant, &[n])?, end))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> R<(Value, usize)> {
        let b = self.b;
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = b.get(i) {
                    i += 1;
                }
            }
            _ => return Err(Fail::Syntax("Expecting value", start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && matches!(b.get(i + 1), Some(b'0'..=b'9')) {
            is_float = true;
            i += 1;
            while let Some(b'0'..=b'9') = b.get(i) {
                i += 1;
            }
        }
        if let Some(b'e' | b'E') = b.get(i) {
            let mut j = i + 1;
            if let Some(b'+' | b'-') = b.get(j) {
                j += 1;
            }
            if let Some(b'0'..=b'9') = b.get(j) {
                while let Some(b'0'..=b'9') = b.get(j) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = &self.s[start..i];
        if is_float {
            if !self.hooks.parse_float.is_none() {
                let t = vm.new_str(text);
                return Ok((self.call(vm, self.hooks.parse_float, &[t])?, i));
            }
            let f = text.parse::<f64>().unwrap_or(f64::NAN);
            return Ok((Value::Float(f), i));
        }
        if !self.hooks.parse_int.is_none() {
            let t = vm.new_str(text);
            return Ok((self.call(vm, self.hooks.parse_int, &[t])?, i));
        }
        if text.len() <= 18 {
            if let Ok(n) = text.parse::<i64>() {
                return Ok((Value::Int(n), i));
            }
        }
        match text.parse::<BigInt>() {
            Ok(n) => Ok((vm.new_bigint(n), i)),
            Err(_) => Err(Fail::Syntax("Expecting value", start)),
        }
    }

    /// A string body starting after its opening quote: (text, end after
    /// the closing quote).
    fn string(&self, start: usize) -> R<(std::borrow::Cow<'s, str>, usize)> {
        let b = self.b;
        let mut i = start;
        // Fast path: no escapes.
        while i < b.len() {
            match b[i] {
                b'"' => return Ok((std::borrow::Cow::Borrowed(&self.s[start..i]), i + 1)),
                b'\\' => break,
                c if c < 0x20 && self.hooks.strict => {
                    return Err(Fail::Syntax("Invalid control character at", i))
                }
                _ => i += 1,
            }
        }
        let mut out = String::from(&self.s[start..i]);
        loop {
            let Some(&c) = b.get(i) else {
                return Err(Fail::Syntax("Unterminated string starting at", start - 1));
            };
            match c {
                b'"' => return Ok((std::borrow::Cow::Owned(out), i + 1)),
                b'\\' => {
                    let Some(&e) = b.get(i + 1) else {
                        return Err(Fail::Syntax("Unterminated string starting at", start - 1));
                    };
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4(i + 2)?;
                            i += 6;
                            let mut cp = hi;
                            if (0xd800..0xdc00).contains(&hi)
                                && b.get(i) == Some(&b'\\')
                                && b.get(i + 1) == Some(&b'u')
                            {
                                if let Ok(lo) = self.hex4(i + 2) {
                                    if (0xdc00..0xe000).contains(&lo) {
                                        cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                                        i += 6;
                                    }
                                }
                            }
                            // A lone surrogate cannot live in a weft str.
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return Err(Fail::Syntax("Invalid \\escape", i)),
                    };
                    out.push(ch);
                    i += 2;
                }
                c if c < 0x20 && self.hooks.strict => {
                    return Err(Fail::Syntax("Invalid control character at", i))
                }
                _ => {
                    let run = i;
                    i += 1;
                    while i < b.len() && !matches!(b[i], b'"' | b'\\') && b[i] >= 0x20 {
                        i += 1;
                    }
                    out.push_str(&self.s[run..i]);
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> R<u32> {
        let h = self.b.get(i..i + 4);
        let ok = h.is_some_and(|h| h.iter().all(|c| c.is_ascii_hexdigit()));
        if !ok {
            return Err(Fail::Syntax("Invalid \\uXXXX escape", i - 1));
        }
        let t = &self.s[i..i + 4];
        Ok(u32::from_str_radix(t, 16).unwrap_or(0))
    }

    fn enter(&mut self, vm: &mut Vm, what: &str) -> R<()> {
        self.depth += 1;
        if self.depth > self.limit {
            let msg = format!("maximum recursion depth exceeded while decoding a JSON {what} from a unicode string");
            return Err(Fail::Py(vm.new_error(vm.t.recursion_error, msg)));
        }
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, start: usize) -> R<(Value, usize)> {
        self.enter(vm, "array")?;
        let list = vm.new_list(Vec::new());
        if self.rooting {
            vm.temp_roots.push(list);
        }
        let mut i = self.ws(start);
        if self.b.get(i) == Some(&b']') {
            self.depth -= 1;
            return Ok((list, i + 1));
        }
        loop {
            let (v, end) = self.value(vm, i)?;
            if let Value::Obj(r) = list {
                if let Obj::List(l) = vm.heap.get_mut(r) {
                    l.push(v);
                }
            }
            i = self.ws(end);
            match self.b.get(i) {
                Some(b']') => {
                    self.depth -= 1;
                    return Ok((list, i + 1));
                }
                Some(b',') => i = self.ws(i + 1),
                _ => return Err(Fail::Syntax("Expecting ',' delimiter", i)),
            }
        }
    }

    fn key(&mut self, vm: &mut Vm, i: usize) -> R<(Value, usize)> {
        let (s, end) = self.string(i + 1)?;
        let v = match s {
            std::borrow::Cow::Borrowed(k) => match self.memo.get(k) {
                Some(v) => *v,
                None => {
                    let v = vm.new_str(k);
                    if self.rooting {
                        vm.temp_roots.push(v);
                    }
                    self.memo.insert(k, v);
                    v
                }
            },
            std::borrow::Cow::Owned(k) => vm.new_str(k),
        };
        Ok((v, end))
    }

    fn object(&mut self, vm: &mut Vm, start: usize) -> R<(Value, usize)> {
        self.enter(vm, "object")?;
        let pairs_hook = self.hooks.object_pairs_hook;
        let mut pairs: Vec<Value> = Vec::new();
        let dict = if pairs_hook.is_none() {
            let d = vm.new_dict();
            if self.rooting {
                vm.temp_roots.push(d);
            }
            Some(d)
        } else {
            None
        };
        let mut i = self.ws(start);
        if self.b.get(i) != Some(&b'}') {
            loop {
                if self.b.get(i) != Some(&b'"') {
                    return Err(Fail::Syntax(
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (k, end) = self.key(vm, i)?;
                i = self.ws(end);
                if self.b.get(i) != Some(&b':') {
                    return Err(Fail::Syntax("Expecting ':' delimiter", i));
                }
                i = self.ws(i + 1);
                let (v, end) = self.value(vm, i)?;
                match dict {
                    Some(Value::Obj(d)) => vm.dict_set_str(d, k, v),
                    _ => {
                        let t = vm.new_tuple(vec![k, v]);
                        if self.rooting {
                            vm.temp_roots.push(t);
                        }
                        pairs.push(t);
                    }
                }
                i = self.ws(end);
                match self.b.get(i) {
                    Some(b'}') => break,
                    Some(b',') => i = self.ws(i + 1),
                    _ => return Err(Fail::Syntax("Expecting ',' delimiter", i)),
                }
            }
        }
        self.depth -= 1;
        let end = i + 1;
        if !pairs_hook.is_none() {
            let l = vm.new_list(pairs);
            if self.rooting {
                vm.temp_roots.push(l);
            }
            return Ok((self.call(vm, pairs_hook, &[l])?, end));
        }
        let d = dict.unwrap_or(Value::None);
        if !self.hooks.object_hook.is_none() {
            return Ok((self.call(vm, self.hooks.object_hook, &[d])?, end));
        }
        Ok((d, end))
    }

    /// Skip whitespace from byte `i` (for the caller's "Extra data" check).
    pub fn skip_ws(&self, i: usize) -> usize {
        self.ws(i)
    }
}
