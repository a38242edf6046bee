//! `_json`: the native encoder and decoder under stdlib/json (which holds
//! the public API: dumps/loads, JSONEncoder/JSONDecoder, JSONDecodeError).

mod decode;
mod encode;

use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module};

fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(b),
        Value::None => Ok(false),
        _ => vm.truthy(v),
    }
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

/// encode(obj, indent, sort_keys, item_separator, key_separator,
/// ensure_ascii, allow_nan, skipkeys, check_circular, default): the JSON
/// text of `obj`; `indent` is None or the str of one level.
fn encode_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let indent = if a.pos[1].is_none() {
        None
    } else {
        Some(str_arg(vm, a.pos[1], "indent")?)
    };
    let opts = encode::Options {
        indent,
        sort_keys: truthy(vm, a.pos[2])?,
        item_sep: str_arg(vm, a.pos[3], "item_separator")?,
        key_sep: str_arg(vm, a.pos[4], "key_separator")?,
        ensure_ascii: truthy(vm, a.pos[5])?,
        allow_nan: truthy(vm, a.pos[6])?,
        skipkeys: truthy(vm, a.pos[7])?,
        check_circular: truthy(vm, a.pos[8])?,
        default: a.pos[9],
    };
    let mut enc = encode::Encoder::new(vm, &opts);
    enc.encode(vm, a.pos[0])?;
    Ok(vm.new_str(enc.finish()))
}

/// The code-point offset of byte offset `i` in `s`.
fn char_pos(s: &str, i: usize) -> usize {
    let i = i.min(s.len());
    s.as_bytes()[..i]
        .iter()
        .filter(|b| (**b & 0xc0) != 0x80)
        .count()
}

/// The byte offset of code-point offset `c` in `s` (len if past the end).
fn byte_pos(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map_or(s.len(), |(i, _)| i)
}

/// decode(error_class, s, idx, whole, object_hook, object_pairs_hook,
/// parse_float, parse_int, parse_constant, strict): with `whole`, the
/// value of the whole document (whitespace around it allowed); without,
/// (value, end) for the value starting exactly at code point `idx`.
fn decode_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let err_cls = a.pos[0];
    let doc = a.pos[1];
    let text = str_arg(vm, doc, "the JSON object")?;
    let idx = match a.pos[2] {
        Value::Int(i) if i >= 0 => i as usize,
        Value::Int(_) => return Err(vm.value_error("idx cannot be negative")),
        v => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("idx must be int, not {tn}")));
        }
    };
    let whole = truthy(vm, a.pos[3])?;
    let hooks = decode::Hooks {
        object_hook: a.pos[4],
        object_pairs_hook: a.pos[5],
        parse_float: a.pos[6],
        parse_int: a.pos[7],
        parse_constant: a.pos[8],
        strict: truthy(vm, a.pos[9])?,
    };
    let ascii = text.is_ascii();
    let start = if ascii { idx } else { byte_pos(&text, idx) };
    let base = vm.temp_roots.len();
    let mut d = decode::Decoder::new(vm, &text, &hooks);
    let res = if whole {
        let i = d.skip_ws(start);
        d.value(vm, i).and_then(|(v, end)| {
            let end = d.skip_ws(end);
            if end != text.len() {
                Err(decode::Fail::Syntax("Extra data", end))
            } else {
                Ok((v, end))
            }
        })
    } else {
        d.value(vm, start)
    };
    vm.temp_roots.truncate(base);
    match res {
        Ok((v, end)) => {
            if whole {
                Ok(v)
            } else {
                let e = if ascii { end } else { char_pos(&text, end) };
                Ok(vm.new_tuple(vec![v, Value::Int(e as i64)]))
            }
        }
        Err(decode::Fail::Py(e)) => Err(e),
        Err(decode::Fail::Syntax(msg, at)) => {
            let pos = if ascii { at } else { char_pos(&text, at) };
            let m = vm.new_str(msg);
            let e = vm.call(err_cls, &[m, doc, Value::Int(pos as i64)])?;
            Err(e)
        }
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_json");
    add_fn(
        vm,
        m,
        "encode(obj, indent, sort_keys, item_separator, key_separator, ensure_ascii, allow_nan, skipkeys, check_circular, default, /)",
        encode_fn,
    );
    add_fn(
        vm,
        m,
        "decode(error_class, s, idx, whole, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, strict, /)",
        decode_fn,
    );
    add_fn(vm, m, "encode_basestring(s, /)", |vm, a| {
        let s = str_arg(vm, a.pos[0], "first argument")?;
        let mut out = String::with_capacity(s.len() + 2);
        encode::write_str(&mut out, &s, false);
        Ok(vm.new_str(out))
    });
    add_fn(vm, m, "encode_basestring_ascii(s, /)", |vm, a| {
        let s = str_arg(vm, a.pos[0], "first argument")?;
        let mut out = String::with_capacity(s.len() + 2);
        encode::write_str(&mut out, &s, true);
        Ok(vm.new_str(out))
    });
    Ok(m)
}
