//! The `bytes` and `bytearray` types: constructors and methods. Searching,
//! splitting and replacing reuse the `str` algorithms of `crate::text::strops`
//! on the bytes read as latin-1 text (one code point per byte), so indices
//! and semantics match; case and whitespace rules are ASCII-only as in CPython.

use crate::object::*;
use crate::text::{self, strops};
use crate::vm::Vm;

use super::str::{base_value, opt_index, percent_core, str_ref};
use super::{add_classmethod, add_method, add_staticmethod, int_arg};

pub fn install(vm: &mut Vm) {
    let b = vm.t.bytes;
    let ba = vm.t.bytearray;
    add_staticmethod(vm, b, "__new__(*args, **kwargs)", |vm, a| {
        new_impl(vm, a, false)
    });
    add_staticmethod(vm, ba, "__new__(*args, **kwargs)", |vm, a| {
        new_impl(vm, a, true)
    });
    for c in [b, ba] {
        install_common(vm, c);
    }
    add_method(vm, b, "__hash__()", |vm, a| {
        let (s, _) = this(vm, &a, "__hash__")?;
        let v = vm.alloc(Obj::Bytes(s.into_boxed_slice()));
        Ok(Value::Int(vm.hash(v)?))
    });
    add_method(vm, b, "__bytes__()", |vm, a| {
        let (s, _) = this(vm, &a, "__bytes__")?;
        Ok(vm.alloc(Obj::Bytes(s.into_boxed_slice())))
    });
    install_bytearray(vm, ba);
}

fn install_common(vm: &mut Vm, c: ObjRef) {
    macro_rules! map {
        ($($name:literal => $f:expr),* $(,)?) => {$(
            add_method(vm, c, concat!($name, "()"), |vm, a| {
                let (s, ba) = this_n(vm, &a, $name, 0, 0)?;
                let f: fn(u8) -> u8 = $f;
                let r: Vec<u8> = s.iter().map(|&x| f(x)).collect();
                Ok(mk(vm, ba, r))
            });
        )*};
    }
    map! {
        "upper" => |x| x.to_ascii_uppercase(),
        "lower" => |x| x.to_ascii_lowercase(),
        "swapcase" => |x| if x.is_ascii_uppercase() { x.to_ascii_lowercase() } else { x.to_ascii_uppercase() },
    }
    add_method(vm, c, "capitalize()", |vm, a| {
        let (s, ba) = this_n(vm, &a, "capitalize", 0, 0)?;
        let r: Vec<u8> = s
            .iter()
            .enumerate()
            .map(|(i, &x)| {
                if i == 0 {
                    x.to_ascii_uppercase()
                } else {
                    x.to_ascii_lowercase()
                }
            })
            .collect();
        Ok(mk(vm, ba, r))
    });
    add_method(vm, c, "title()", |vm, a| {
        let (s, ba) = this_n(vm, &a, "title", 0, 0)?;
        let mut prev_cased = false;
        let r: Vec<u8> = s
            .iter()
            .map(|&x| {
                let y = if prev_cased {
                    x.to_ascii_lowercase()
                } else {
                    x.to_ascii_uppercase()
                };
                prev_cased = x.is_ascii_alphabetic();
                y
            })
            .collect();
        Ok(mk(vm, ba, r))
    });
    macro_rules! pred {
        ($($name:literal => $f:expr),* $(,)?) => {$(
            add_method(vm, c, concat!($name, "()"), |vm, a| {
                let (s, _) = this_n(vm, &a, $name, 0, 0)?;
                let f: fn(&[u8]) -> bool = $f;
                Ok(Value::Bool(f(&s)))
            });
        )*};
    }
    pred! {
        "isdigit" => |s| !s.is_empty() && s.iter().all(|x| x.is_ascii_digit()),
        "isalpha" => |s| !s.is_empty() && s.iter().all(|x| x.is_ascii_alphabetic()),
        "isalnum" => |s| !s.is_empty() && s.iter().all(|x| x.is_ascii_alphanumeric()),
        "isspace" => |s| !s.is_empty() && s.iter().all(|&x| is_space(x)),
        "isascii" => |s| s.is_ascii(),
        "isupper" => |s| s.iter().any(|x| x.is_ascii_uppercase()) && !s.iter().any(|x| x.is_ascii_lowercase()),
        "islower" => |s| s.iter().any(|x| x.is_ascii_lowercase()) && !s.iter().any(|x| x.is_ascii_uppercase()),
        "istitle" => |s| strops::istitle(&latin1(s)),
    }
    add_method(
        vm,
        c,
        "decode(encoding='utf-8', errors='strict')",
        |vm, a| {
            let (s, _) = this_n(vm, &a, "decode", 0, 2)?;
            let enc = match a.get(vm, 1, "encoding") {
                Some(v) => text_arg(vm, v, "decode() argument 'encoding'")?,
                None => "utf-8".to_string(),
            };
            let errs = match a.get(vm, 2, "errors") {
                Some(v) => text_arg(vm, v, "decode() argument 'errors'")?,
                None => "strict".to_string(),
            };
            let r = text::bytes::decode(&s, &enc, &errs).map_err(|e| vm.text_error(e))?;
            Ok(vm.new_str(r))
        },
    );
    add_method(vm, c, "hex(sep=None, bytes_per_sep=1)", |vm, a| {
        let (s, _) = this_n(vm, &a, "hex", 0, 2)?;
        let sep = match a.get(vm, 1, "sep") {
            None => None,
            Some(v) => match str_ref(vm, v) {
                Some(t) => Some(t.to_string()),
                None => match vm.bytes_of(v) {
                    Some(b) => Some(latin1(&b)),
                    None => return Err(vm.type_error("sep must be str or bytes.")),
                },
            },
        };
        let n = match a.get(vm, 2, "bytes_per_sep") {
            Some(v) => int_arg(vm, v, "bytes_per_sep")?,
            None => 1,
        };
        let r = text::bytes::hex(&s, sep.as_deref(), n).map_err(|e| vm.text_error(e))?;
        Ok(vm.new_str(r))
    });
    add_classmethod(vm, c, "fromhex(string, /)", |vm, a| {
        let Some(&s) = a.pos.get(1) else {
            return Err(vm.type_error("fromhex() takes exactly one argument (0 given)"));
        };
        let Some(s) = str_ref(vm, s).map(|x| x.to_string()) else {
            let tn = vm.type_name(s);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
        };
        let b = text::bytes::fromhex(&s).map_err(|e| vm.text_error(e))?;
        let ba = matches!(a.pos[0], Value::Obj(c) if vm.is_subclass(c, vm.t.bytearray));
        Ok(mk(vm, ba, b))
    });
    add_method(vm, c, "join(iterable_of_bytes, /)", |vm, a| {
        let (sep, ba) = this_n(vm, &a, "join", 1, 1)?;
        let items = vm.collect_iterable(a.pos[1])?;
        let mut out = Vec::new();
        for (i, &x) in items.iter().enumerate() {
            let Some(b) = vm.bytes_of(base_value(vm, x)) else {
                let tn = vm.type_name(x);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {tn} found"
                )));
            };
            if i > 0 {
                out.extend_from_slice(&sep);
            }
            out.extend_from_slice(&b);
        }
        Ok(mk(vm, ba, out))
    });
    add_method(vm, c, "split(sep=None, maxsplit=-1)", |vm, a| {
        split_impl(vm, a, "split", false)
    });
    add_method(vm, c, "rsplit(sep=None, maxsplit=-1)", |vm, a| {
        split_impl(vm, a, "rsplit", true)
    });
    add_method(vm, c, "splitlines(keepends=False)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "splitlines", 0, 1)?;
        let keep = match a.get(vm, 1, "keepends") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let mut parts = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < s.len() {
            let eol = match s[i] {
                b'\n' => 1,
                b'\r' if s.get(i + 1) == Some(&b'\n') => 2,
                b'\r' => 1,
                _ => 0,
            };
            if eol == 0 {
                i += 1;
                continue;
            }
            let end = if keep { i + eol } else { i };
            parts.push(s[start..end].to_vec());
            i += eol;
            start = i;
        }
        if start < s.len() {
            parts.push(s[start..].to_vec());
        }
        let vals: Vec<Value> = parts.into_iter().map(|p| mk(vm, ba, p)).collect();
        Ok(vm.new_list(vals))
    });
    add_method(vm, c, "strip(bytes=None, /)", |vm, a| {
        strip_impl(vm, a, "strip", true, true)
    });
    add_method(vm, c, "lstrip(bytes=None, /)", |vm, a| {
        strip_impl(vm, a, "lstrip", true, false)
    });
    add_method(vm, c, "rstrip(bytes=None, /)", |vm, a| {
        strip_impl(vm, a, "rstrip", false, true)
    });
    add_method(
        vm,
        c,
        "startswith(prefix, start=None, end=None, /)",
        |vm, a| affix_impl(vm, a, "startswith"),
    );
    add_method(
        vm,
        c,
        "endswith(suffix, start=None, end=None, /)",
        |vm, a| affix_impl(vm, a, "endswith"),
    );
    add_method(vm, c, "find(sub, start=None, end=None, /)", |vm, a| {
        find_impl(vm, a, "find")
    });
    add_method(vm, c, "rfind(sub, start=None, end=None, /)", |vm, a| {
        find_impl(vm, a, "rfind")
    });
    add_method(vm, c, "index(sub, start=None, end=None, /)", |vm, a| {
        find_impl(vm, a, "index")
    });
    add_method(vm, c, "rindex(sub, start=None, end=None, /)", |vm, a| {
        find_impl(vm, a, "rindex")
    });
    add_method(vm, c, "count(sub, start=None, end=None, /)", |vm, a| {
        find_impl(vm, a, "count")
    });
    add_method(vm, c, "replace(old, new, count=-1, /)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "replace", 2, 3)?;
        let old = bytes_arg(vm, a.pos[1])?;
        let new = bytes_arg(vm, a.pos[2])?;
        let count = match a.pos.get(3) {
            Some(&v) => int_arg(vm, v, "count")?,
            None => -1,
        };
        let r = strops::replace(&latin1(&s), &latin1(&old), &latin1(&new), count);
        Ok(mk(vm, ba, unlatin1(&r)))
    });
    add_method(vm, c, "partition(sep, /)", |vm, a| {
        partition_impl(vm, a, false)
    });
    add_method(vm, c, "rpartition(sep, /)", |vm, a| {
        partition_impl(vm, a, true)
    });
    add_method(vm, c, "removeprefix(prefix, /)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "removeprefix", 1, 1)?;
        let p = bytes_arg(vm, a.pos[1])?;
        let r = s.strip_prefix(&p[..]).unwrap_or(&s).to_vec();
        Ok(mk(vm, ba, r))
    });
    add_method(vm, c, "removesuffix(suffix, /)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "removesuffix", 1, 1)?;
        let p = bytes_arg(vm, a.pos[1])?;
        let r = s.strip_suffix(&p[..]).unwrap_or(&s).to_vec();
        Ok(mk(vm, ba, r))
    });
    add_method(vm, c, "center(width, fillchar=b' ', /)", |vm, a| {
        pad_impl(vm, a, "center")
    });
    add_method(vm, c, "ljust(width, fillchar=b' ', /)", |vm, a| {
        pad_impl(vm, a, "ljust")
    });
    add_method(vm, c, "rjust(width, fillchar=b' ', /)", |vm, a| {
        pad_impl(vm, a, "rjust")
    });
    add_method(vm, c, "zfill(width, /)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "zfill", 1, 1)?;
        let w = int_arg(vm, a.pos[1], "width")?;
        vm.room_for(w.max(0) as usize * 2)?;
        let r = strops::zfill(&latin1(&s), w);
        Ok(mk(vm, ba, unlatin1(&r)))
    });
    add_method(vm, c, "expandtabs(tabsize=8)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "expandtabs", 0, 1)?;
        let n = match a.get(vm, 1, "tabsize") {
            Some(v) => int_arg(vm, v, "tabsize")?,
            None => 8,
        };
        let r = strops::expandtabs(&latin1(&s), n);
        Ok(mk(vm, ba, unlatin1(&r)))
    });

    add_method(vm, c, "__len__()", |vm, a| {
        let (s, _) = this_n(vm, &a, "__len__", 0, 0)?;
        Ok(Value::Int(s.len() as i64))
    });
    add_method(vm, c, "__contains__(key, /)", |vm, a| {
        this_n(vm, &a, "__contains__", 1, 1)?;
        let base = base_value(vm, a.pos[0]);
        let x = a.pos[1];
        if let Some(i) = small_int(vm, x)? {
            let hay = vm.bytes_of(base).unwrap_or_default();
            if !(0..256).contains(&i) {
                return Err(vm.value_error("byte must be in range(0, 256)"));
            }
            return Ok(Value::Bool(hay.contains(&(i as u8))));
        }
        Ok(Value::Bool(vm.contains(base, x)?))
    });
    add_method(vm, c, "__getitem__(key, /)", |vm, a| {
        this_n(vm, &a, "__getitem__", 1, 1)?;
        let base = base_value(vm, a.pos[0]);
        crate::vm::items::seq_getitem(vm, base, a.pos[1])
    });
    add_method(vm, c, "__iter__()", |vm, a| {
        this_n(vm, &a, "__iter__", 0, 0)?;
        let Value::Obj(r) = base_value(vm, a.pos[0]) else {
            return Err(vm.type_error("expected bytes"));
        };
        Ok(vm.alloc(Obj::Iter(Box::new(IterState::Bytes { b: r, idx: 0 }))))
    });
    add_method(vm, c, "__add__(value, /)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "__add__", 1, 1)?;
        match vm.bytes_of(base_value(vm, a.pos[1])) {
            Some(t) => {
                let mut r = s;
                r.extend_from_slice(&t);
                Ok(mk(vm, ba, r))
            }
            None if is_instance(vm, a.pos[1]) => Ok(vm.not_implemented),
            None => {
                let tn = vm.type_name(a.pos[1]);
                let me = if ba { "bytearray" } else { "bytes" };
                Err(vm.type_error(format!("can't concat {tn} to {me}")))
            }
        }
    });
    add_method(vm, c, "__mul__(value, /)", mul_impl);
    add_method(vm, c, "__rmul__(value, /)", mul_impl);
    add_method(vm, c, "__mod__(value, /)", |vm, a| {
        let (s, ba) = this_n(vm, &a, "__mod__", 1, 1)?;
        let base = vm.temp_roots.len();
        let r = percent_core(vm, &latin1(&s), a.pos[1], true);
        vm.temp_roots.truncate(base);
        let r = r?;
        Ok(mk(vm, ba, unlatin1(&r)))
    });
    add_method(vm, c, "__rmod__(value, /)", |vm, _| Ok(vm.not_implemented));
    add_method(vm, c, "__eq__(value, /)", |vm, a| {
        cmp_impl(vm, a, |o| o.is_eq())
    });
    add_method(vm, c, "__ne__(value, /)", |vm, a| {
        cmp_impl(vm, a, |o| o.is_ne())
    });
    add_method(vm, c, "__lt__(value, /)", |vm, a| {
        cmp_impl(vm, a, |o| o.is_lt())
    });
    add_method(vm, c, "__le__(value, /)", |vm, a| {
        cmp_impl(vm, a, |o| o.is_le())
    });
    add_method(vm, c, "__gt__(value, /)", |vm, a| {
        cmp_impl(vm, a, |o| o.is_gt())
    });
    add_method(vm, c, "__ge__(value, /)", |vm, a| {
        cmp_impl(vm, a, |o| o.is_ge())
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let (s, ba) = this_n(vm, &a, "__repr__", 0, 0)?;
        let r = text::repr::bytes_repr(&s);
        let r = if ba { format!("bytearray({r})") } else { r };
        Ok(vm.new_str(r))
    });
}

fn install_bytearray(vm: &mut Vm, c: ObjRef) {
    add_method(vm, c, "append(item, /)", |vm, a| {
        this_n(vm, &a, "append", 1, 1)?;
        let x = byte_value(vm, a.pos[1])?;
        with_ba(vm, a.pos[0], |v| v.push(x));
        Ok(Value::None)
    });
    add_method(vm, c, "extend(iterable_of_ints, /)", |vm, a| {
        this_n(vm, &a, "extend", 1, 1)?;
        let add = iterable_bytes(vm, a.pos[1], true)?;
        with_ba(vm, a.pos[0], |v| v.extend_from_slice(&add));
        Ok(Value::None)
    });
    add_method(vm, c, "pop(index=-1, /)", |vm, a| {
        let (s, _) = this_n(vm, &a, "pop", 0, 1)?;
        if s.is_empty() {
            return Err(vm.index_error("pop from empty bytearray"));
        }
        let i = match a.pos.get(1) {
            Some(&v) => int_arg(vm, v, "index")?,
            None => -1,
        };
        let j = if i < 0 { i + s.len() as i64 } else { i };
        if j < 0 || j >= s.len() as i64 {
            return Err(vm.index_error("pop index out of range"));
        }
        let mut out = 0;
        with_ba(vm, a.pos[0], |v| out = v.remove(j as usize));
        Ok(Value::Int(out as i64))
    });
    add_method(vm, c, "insert(index, item, /)", |vm, a| {
        let (s, _) = this_n(vm, &a, "insert", 2, 2)?;
        let i = int_arg(vm, a.pos[1], "index")?;
        let x = byte_value(vm, a.pos[2])?;
        let n = s.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        with_ba(vm, a.pos[0], |v| v.insert(j, x));
        Ok(Value::None)
    });
    add_method(vm, c, "remove(value, /)", |vm, a| {
        let (s, _) = this_n(vm, &a, "remove", 1, 1)?;
        let x = byte_value(vm, a.pos[1])?;
        let Some(j) = s.iter().position(|&y| y == x) else {
            return Err(vm.value_error("value not found in bytearray"));
        };
        with_ba(vm, a.pos[0], |v| {
            v.remove(j);
        });
        Ok(Value::None)
    });
    add_method(vm, c, "clear()", |vm, a| {
        this_n(vm, &a, "clear", 0, 0)?;
        with_ba(vm, a.pos[0], |v| v.clear());
        Ok(Value::None)
    });
    add_method(vm, c, "reverse()", |vm, a| {
        this_n(vm, &a, "reverse", 0, 0)?;
        with_ba(vm, a.pos[0], |v| v.reverse());
        Ok(Value::None)
    });
    add_method(vm, c, "copy()", |vm, a| {
        let (s, _) = this_n(vm, &a, "copy", 0, 0)?;
        Ok(vm.alloc(Obj::ByteArray(s)))
    });
    add_method(vm, c, "__setitem__(key, value, /)", |vm, a| {
        this_n(vm, &a, "__setitem__", 2, 2)?;
        let base = base_value(vm, a.pos[0]);
        if let Value::Obj(k) = a.pos[1] {
            if let Obj::Slice(s) = vm.heap.get(k) {
                let s = **s;
                return bytearray_set_slice(vm, base, s, a.pos[2]).map(|_| Value::None);
            }
        }
        crate::vm::items::seq_setitem(vm, base, a.pos[1], a.pos[2]).map(|_| Value::None)
    });
    add_method(vm, c, "__delitem__(key, /)", |vm, a| {
        this_n(vm, &a, "__delitem__", 1, 1)?;
        let base = base_value(vm, a.pos[0]);
        crate::vm::items::seq_delitem(vm, base, a.pos[1]).map(|_| Value::None)
    });
    add_method(vm, c, "__iadd__(value, /)", |vm, a| {
        this_n(vm, &a, "__iadd__", 1, 1)?;
        let Some(add) = vm.bytes_of(base_value(vm, a.pos[1])) else {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("can't concat {tn} to bytearray")));
        };
        with_ba(vm, a.pos[0], |v| v.extend_from_slice(&add));
        Ok(a.pos[0])
    });
}

/// `ba[start:stop:step] = v` for a bytearray (v: bytes-like, an iterable
/// of ints, or an int count of zero bytes is refused like CPython).
pub fn bytearray_set_slice(vm: &mut Vm, obj: Value, s: [Value; 3], v: Value) -> PyResult<()> {
    let len = vm.len(obj)?;
    let (start, stop, step, count) = crate::vm::items::slice_bounds(vm, s, len)?;
    let items = match vm.bytes_of(base_value(vm, v)) {
        Some(b) => b,
        None => {
            if str_ref(vm, v).is_some() || matches!(v, Value::Int(_) | Value::Bool(_)) {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256), not {tn}"
                )));
            }
            iterable_bytes(vm, v, true)?
        }
    };
    let Value::Obj(r) = obj else { return Ok(()) };
    if step == 1 {
        let stop = stop.max(start) as usize;
        if let Obj::ByteArray(b) = vm.heap.get_mut(r) {
            let start = (start as usize).min(b.len());
            let stop = stop.min(b.len());
            b.splice(start..stop, items);
        }
        return Ok(());
    }
    if items.len() != count {
        let n = items.len();
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {n} to extended slice of size {count}"
        )));
    }
    if let Obj::ByteArray(b) = vm.heap.get_mut(r) {
        for (k, x) in items.into_iter().enumerate() {
            if let Some(slot) = b.get_mut((start + step * k as i64) as usize) {
                *slot = x;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Helpers

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&x| x as char).collect()
}

fn unlatin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

fn is_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn is_instance(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)))
}

/// A new bytes or bytearray.
fn mk(vm: &mut Vm, bytearray: bool, b: Vec<u8>) -> Value {
    if bytearray {
        vm.alloc(Obj::ByteArray(b))
    } else {
        vm.alloc(Obj::Bytes(b.into_boxed_slice()))
    }
}

/// Mutate the bytearray inside `v` (or inside a subclass instance).
fn with_ba(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vec<u8>)) {
    if let Value::Obj(r) = base_value(vm, v) {
        if let Obj::ByteArray(b) = vm.heap.get_mut(r) {
            f(b);
        }
    }
}

/// `self` of a bytes/bytearray method: its bytes and whether it is a bytearray.
fn this(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Vec<u8>, bool)> {
    let Some(&v) = a.pos.first() else {
        return Err(vm.type_error(format!("unbound method {name}() needs an argument")));
    };
    let base = base_value(vm, v);
    if let Value::Obj(r) = base {
        match vm.heap.get(r) {
            Obj::Bytes(b) => return Ok((b.to_vec(), false)),
            Obj::ByteArray(b) => return Ok((b.clone(), true)),
            _ => {}
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor '{name}' for 'bytes' objects doesn't apply to a '{tn}' object"
    )))
}

fn this_n(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<(Vec<u8>, bool)> {
    let r = this(vm, a, name)?;
    let n = a.pos.len() - 1;
    if n < min || n > max {
        let msg = if max == 0 {
            format!("{name}() takes no arguments ({n} given)")
        } else if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({n} given)")
        } else if n < min {
            format!("{name} expected at least {min} arguments, got {n}")
        } else {
            format!("{name} expected at most {max} arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

/// A bytes-like argument; TypeError "a bytes-like object is required, not 'str'".
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(base_value(vm, v)) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn text_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match str_ref(vm, v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

/// An int (not float/str) argument as i64, None for other types.
fn small_int(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    match v {
        Value::Int(i) => Ok(Some(i)),
        Value::Bool(b) => Ok(Some(b as i64)),
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::BigInt(_)) => Ok(Some(-1)),
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)) => {
            if vm.bytes_of(base_value(vm, v)).is_some() {
                return Ok(None);
            }
            vm.index_of(v)
        }
        _ => Ok(None),
    }
}

/// One byte value for append/insert/remove: ValueError outside range(256).
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    match vm.index_of(v)? {
        Some(i) if (0..256).contains(&i) && !matches!(v, Value::Float(_)) => Ok(i as u8),
        Some(_) if !matches!(v, Value::Float(_)) => {
            Err(vm.value_error("byte must be in range(0, 256)"))
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The bytes of a bytes-like value or of an iterable of ints.
fn iterable_bytes(vm: &mut Vm, v: Value, bytearray: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_of(base_value(vm, v)) {
        return Ok(b);
    }
    if str_ref(vm, v).is_some() {
        return Err(vm.type_error("an integer is required"));
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match vm.index_of(x)? {
            Some(i) if (0..256).contains(&i) && !matches!(x, Value::Float(_)) => out.push(i as u8),
            Some(_) if !matches!(x, Value::Float(_)) => {
                let msg = if bytearray {
                    "byte must be in range(0, 256)"
                } else {
                    "bytes must be in range(0, 256)"
                };
                return Err(vm.value_error(msg));
            }
            _ => {
                let tn = vm.type_name(x);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Constructor and methods

fn new_impl(vm: &mut Vm, a: Args, bytearray: bool) -> PyResult<Value> {
    let name = if bytearray { "bytearray" } else { "bytes" };
    let cls = match a.pos.first() {
        Some(Value::Obj(c)) => *c,
        _ => return Err(vm.type_error(format!("{name}.__new__(X): X is not a type object"))),
    };
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if !matches!(ks.as_str(), "source" | "encoding" | "errors") {
            return Err(vm.type_error(format!(
                "'{ks}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    if a.pos.len() > 4 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    let src = a.get(vm, 1, "source");
    let enc = a.get(vm, 2, "encoding");
    let errs = a.get(vm, 3, "errors");
    let data: Vec<u8> = match src {
        None => {
            if enc.is_some() || errs.is_some() {
                let what = if enc.is_some() { "encoding" } else { "errors" };
                return Err(vm.type_error(format!("{what} without a string argument")));
            }
            Vec::new()
        }
        Some(s) => {
            if let Some(text) = str_ref(vm, s).map(|x| x.to_string()) {
                let Some(e) = enc else {
                    return Err(vm.type_error("string argument without an encoding"));
                };
                let e = text_arg(vm, e, &format!("{name}() argument 'encoding'"))?;
                let er = match errs {
                    Some(x) => text_arg(vm, x, &format!("{name}() argument 'errors'"))?,
                    None => "strict".to_string(),
                };
                text::bytes::encode(&text, &e, &er).map_err(|e| vm.text_error(e))?
            } else if enc.is_some() || errs.is_some() {
                let what = if enc.is_some() { "encoding" } else { "errors" };
                return Err(vm.type_error(format!("{what} without a string argument")));
            } else if let Some(b) = vm.bytes_of(base_value(vm, s)) {
                b
            } else if let (false, Some(f)) = (bytearray, {
                let bk = vm.n.bytes_;
                if is_instance(vm, s) {
                    vm.lookup_special(s, bk)
                } else {
                    None
                }
            }) {
                let r = vm.call_bound(f, s, &[])?;
                match vm.bytes_of(r) {
                    Some(b) => b,
                    None => {
                        let tn = vm.type_name(r);
                        return Err(
                            vm.type_error(format!("__bytes__ returned non-bytes (type {tn})"))
                        );
                    }
                }
            } else if let Some(n) = match s {
                Value::Float(_) => None,
                _ if vm.iter(s).is_ok() && !matches!(s, Value::Int(_) | Value::Bool(_)) => None,
                _ => vm.index_of(s)?,
            } {
                if n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                if n > (1 << 34) {
                    return Err(vm.new_error(vm.t.memory_error, ""));
                }
                vec![0u8; n as usize]
            } else {
                if vm.iter(s).is_err() {
                    let tn = vm.type_name(s);
                    return Err(vm.type_error(format!("cannot convert '{tn}' object to {name}")));
                }
                iterable_bytes(vm, s, bytearray)?
            }
        }
    };
    let v = mk(vm, bytearray, data);
    let builtin = if bytearray {
        vm.t.bytearray
    } else {
        vm.t.bytes
    };
    if cls == builtin {
        return Ok(v);
    }
    let base = vm.temp_roots.len();
    vm.temp_roots.push(v);
    let inst = vm.new_instance(cls);
    if let Value::Obj(r) = inst {
        if let Obj::Instance(i) = vm.heap.get_mut(r) {
            i.base = v;
        }
    }
    vm.temp_roots.truncate(base);
    Ok(inst)
}

fn split_impl(vm: &mut Vm, a: Args, name: &str, right: bool) -> PyResult<Value> {
    let (s, ba) = this_n(vm, &a, name, 0, 2)?;
    let sep = match a.get(vm, 1, "sep") {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, v)?),
    };
    let maxsplit = match a.get(vm, 2, "maxsplit") {
        Some(v) => int_arg(vm, v, "maxsplit")?,
        None => -1,
    };
    let parts: Vec<Vec<u8>> = match sep {
        Some(sep) => {
            let r = if right {
                strops::rsplit(&latin1(&s), Some(&latin1(&sep)), maxsplit)
            } else {
                strops::split(&latin1(&s), Some(&latin1(&sep)), maxsplit)
            }
            .map_err(|e| vm.text_error(e))?;
            r.iter().map(|p| unlatin1(p)).collect()
        }
        None => split_ws(&s, maxsplit, right),
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| mk(vm, ba, p)).collect();
    Ok(vm.new_list(vals))
}

/// Whitespace split (ASCII whitespace only), from the left or the right.
fn split_ws(s: &[u8], maxsplit: i64, right: bool) -> Vec<Vec<u8>> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    if !right {
        let mut i = 0;
        let n = s.len();
        loop {
            while i < n && is_space(s[i]) {
                i += 1;
            }
            if i >= n {
                break;
            }
            if out.len() == max {
                let mut end = n;
                while end > i && is_space(s[end - 1]) {
                    end -= 1;
                }
                out.push(s[i..end].to_vec());
                break;
            }
            let st = i;
            while i < n && !is_space(s[i]) {
                i += 1;
            }
            out.push(s[st..i].to_vec());
        }
    } else {
        let mut i = s.len();
        loop {
            while i > 0 && is_space(s[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if out.len() == max {
                let mut st = 0;
                while st < i && is_space(s[st]) {
                    st += 1;
                }
                out.push(s[st..i].to_vec());
                break;
            }
            let end = i;
            while i > 0 && !is_space(s[i - 1]) {
                i -= 1;
            }
            out.push(s[i..end].to_vec());
        }
        out.reverse();
    }
    out
}

fn strip_impl(vm: &mut Vm, a: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (s, ba) = this_n(vm, &a, name, 0, 1)?;
    let chars = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(&v) => Some(bytes_arg(vm, v)?),
    };
    let strip = |x: u8| match &chars {
        None => is_space(x),
        Some(c) => c.contains(&x),
    };
    let mut st = 0;
    let mut end = s.len();
    if left {
        while st < end && strip(s[st]) {
            st += 1;
        }
    }
    if right {
        while end > st && strip(s[end - 1]) {
            end -= 1;
        }
    }
    Ok(mk(vm, ba, s[st..end].to_vec()))
}

fn affix_impl(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let (s, _) = this_n(vm, &a, name, 1, 3)?;
    let start = opt_index(vm, a.pos.get(2).copied())?;
    let end = opt_index(vm, a.pos.get(3).copied())?;
    let hay = latin1(&s);
    let test = |p: &[u8]| {
        let p = latin1(p);
        if name == "startswith" {
            strops::startswith(&hay, &p, start, end)
        } else {
            strops::endswith(&hay, &p, start, end)
        }
    };
    let arg = a.pos[1];
    if let Some(p) = vm.bytes_of(base_value(vm, arg)) {
        return Ok(Value::Bool(test(&p)));
    }
    if let Value::Obj(r) = arg {
        if let Obj::Tuple(items) = vm.heap.get(r) {
            let items = items.to_vec();
            for x in items {
                match vm.bytes_of(base_value(vm, x)) {
                    Some(p) => {
                        if test(&p) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    None => {
                        let tn = vm.type_name(x);
                        return Err(
                            vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
                        );
                    }
                }
            }
            return Ok(Value::Bool(false));
        }
    }
    let tn = vm.type_name(arg);
    Err(vm.type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {tn}"
    )))
}

fn find_impl(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let (s, _) = this_n(vm, &a, name, 1, 3)?;
    let arg = a.pos[1];
    let sub = match vm.bytes_of(base_value(vm, arg)) {
        Some(b) => b,
        None => match small_int(vm, arg)? {
            Some(i) if (0..256).contains(&i) => vec![i as u8],
            Some(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
            None => {
                let tn = vm.type_name(arg);
                return Err(vm.type_error(format!(
                    "argument should be integer or bytes-like object, not '{tn}'"
                )));
            }
        },
    };
    let start = opt_index(vm, a.pos.get(2).copied())?;
    let end = opt_index(vm, a.pos.get(3).copied())?;
    let (hay, sub) = (latin1(&s), latin1(&sub));
    let r = match name {
        "find" => strops::find(&hay, &sub, start, end),
        "rfind" => strops::rfind(&hay, &sub, start, end),
        "index" | "rindex" => {
            let r = if name == "index" {
                strops::find(&hay, &sub, start, end)
            } else {
                strops::rfind(&hay, &sub, start, end)
            };
            if r < 0 {
                return Err(vm.value_error("subsection not found"));
            }
            r
        }
        _ => strops::count(&hay, &sub, start, end) as i64,
    };
    Ok(Value::Int(r))
}

fn partition_impl(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    let (s, ba) = this_n(vm, &a, name, 1, 1)?;
    let sep = bytes_arg(vm, a.pos[1])?;
    let (x, y, z) = if right {
        strops::rpartition(&latin1(&s), &latin1(&sep))
    } else {
        strops::partition(&latin1(&s), &latin1(&sep))
    }
    .map_err(|e| vm.text_error(e))?;
    let x = mk(vm, ba, unlatin1(&x));
    let y = mk(vm, ba, unlatin1(&y));
    let z = mk(vm, ba, unlatin1(&z));
    Ok(vm.new_tuple(vec![x, y, z]))
}

fn pad_impl(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let (s, ba) = this_n(vm, &a, name, 1, 2)?;
    let w = int_arg(vm, a.pos[1], "width")?;
    let fill = match a.pos.get(2) {
        None => b' ',
        Some(&v) => match vm.bytes_of(base_value(vm, v)) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
        },
    };
    vm.room_for(w.max(0) as usize * 2)?;
    let (h, f) = (latin1(&s), fill as char);
    let r = match name {
        "center" => strops::center(&h, w, f),
        "ljust" => strops::ljust(&h, w, f),
        _ => strops::rjust(&h, w, f),
    };
    Ok(mk(vm, ba, unlatin1(&r)))
}

fn mul_impl(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, ba) = this_n(vm, &a, "__mul__", 1, 1)?;
    let other = a.pos[1];
    let n = match other {
        Value::Float(_) | Value::None => None,
        Value::Obj(r) if !matches!(vm.heap.get(r), Obj::BigInt(_) | Obj::Instance(_)) => None,
        _ => vm.repeat_count(other)?,
    };
    let Some(n) = n else {
        if is_instance(vm, other) {
            return Ok(vm.not_implemented);
        }
        let tn = vm.type_name(other);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'")));
    };
    let r = vm.try_repeat(&s, n)?;
    Ok(mk(vm, ba, r))
}

fn cmp_impl(vm: &mut Vm, a: Args, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let (s, _) = this_n(vm, &a, "__eq__", 1, 1)?;
    match vm.bytes_of(base_value(vm, a.pos[1])) {
        Some(t) => Ok(Value::Bool(f(s.as_slice().cmp(t.as_slice())))),
        None => Ok(vm.not_implemented),
    }
}
