//! The `unicodedata` module over the Unicode 14.0.0 database of CPython
//! 3.11 (db.rs), with the normalization forms (norm.rs). Not provided:
//! name aliases and named sequences in lookup(), and the ucd_3_2_0 object.

mod db;
mod norm;

use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

/// The code point of a one-character str argument.
fn char_arg(vm: &mut Vm, v: Value, func: &str, numbered: bool) -> PyResult<u32> {
    let one = vm.as_str(v).and_then(|s| {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c as u32),
            _ => None,
        }
    });
    match one {
        Some(c) => Ok(c),
        None => {
            let tn = vm.type_name(v);
            let which = if numbered { "argument 1" } else { "argument" };
            Err(vm.type_error(format!(
                "{func}() {which} must be a unicode character, not {tn}"
            )))
        }
    }
}

fn str_arg(vm: &mut Vm, v: Value, func: &str, n: usize) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{func}() argument {n} must be str, not {tn}")))
        }
    }
}

/// (compose, compat) of a normalization form's name.
fn form(vm: &mut Vm, v: Value, func: &str) -> PyResult<(bool, bool)> {
    let f = str_arg(vm, v, func, 1)?;
    match f.as_str() {
        "NFC" => Ok((true, false)),
        "NFD" => Ok((false, false)),
        "NFKC" => Ok((true, true)),
        "NFKD" => Ok((false, true)),
        _ => Err(vm.value_error("invalid normalization form")),
    }
}

/// decimal/digit/numeric: the value, the default, or ValueError(msg).
fn numeric_result(vm: &mut Vm, a: &Args, v: Option<Value>, msg: &str) -> PyResult<Value> {
    if let Some(v) = v {
        return Ok(v);
    }
    match a.get(vm, 1, "default") {
        Some(d) => Ok(d),
        None => Err(vm.value_error(msg)),
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "unicodedata");
    let d = db::db();
    let ver = vm.new_str(d.version);
    set_attr(vm, m, "unidata_version", ver);
    add_fn(vm, m, "name(chr, default=None, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "name", true)?;
        match db::db().name(cp) {
            Some(n) => Ok(vm.new_str(n)),
            None => match a.get(vm, 1, "default") {
                Some(dv) => Ok(dv),
                None => Err(vm.value_error("no such name")),
            },
        }
    });
    add_fn(vm, m, "lookup(name, /)", |vm, a| {
        let name = str_arg(vm, a.pos[0], "lookup", 1)?;
        match db::db().lookup(&name) {
            Some(cp) => Ok(vm.new_str(char::from_u32(cp).unwrap_or('\u{FFFD}').to_string())),
            None => {
                let msg = vm.new_str(format!("undefined character name '{name}'"));
                Err(vm.key_error(msg))
            }
        }
    });
    add_fn(vm, m, "category(chr, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "category", false)?;
        Ok(vm.new_str(db::db().props(cp).category))
    });
    add_fn(vm, m, "bidirectional(chr, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "bidirectional", false)?;
        Ok(vm.new_str(db::db().props(cp).bidi))
    });
    add_fn(vm, m, "east_asian_width(chr, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "east_asian_width", false)?;
        Ok(vm.new_str(db::db().props(cp).east_asian_width))
    });
    add_fn(vm, m, "decomposition(chr, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "decomposition", false)?;
        Ok(vm.new_str(db::db().props(cp).decomposition))
    });
    add_fn(vm, m, "combining(chr, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "combining", false)?;
        Ok(Value::Int(db::db().props(cp).combining as i64))
    });
    add_fn(vm, m, "mirrored(chr, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "mirrored", false)?;
        Ok(Value::Int(db::db().props(cp).mirrored as i64))
    });
    add_fn(vm, m, "decimal(chr, default=None, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "decimal", true)?;
        let v = db::db().props(cp).decimal.map(|x| Value::Int(x as i64));
        numeric_result(vm, &a, v, "not a decimal")
    });
    add_fn(vm, m, "digit(chr, default=None, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "digit", true)?;
        let v = db::db().props(cp).digit.map(|x| Value::Int(x as i64));
        numeric_result(vm, &a, v, "not a digit")
    });
    add_fn(vm, m, "numeric(chr, default=None, /)", |vm, a| {
        let cp = char_arg(vm, a.pos[0], "numeric", true)?;
        let v = db::db().props(cp).numeric.map(Value::Float);
        numeric_result(vm, &a, v, "not a numeric character")
    });
    add_fn(vm, m, "normalize(form, unistr, /)", |vm, a| {
        let (compose, compat) = form(vm, a.pos[0], "normalize")?;
        let s = str_arg(vm, a.pos[1], "normalize", 2)?;
        if s.is_ascii() {
            return Ok(a.pos[1]);
        }
        let r = norm::normalize(db::db(), &s, compose, compat);
        Ok(vm.new_str(r))
    });
    add_fn(vm, m, "is_normalized(form, unistr, /)", |vm, a| {
        let (compose, compat) = form(vm, a.pos[0], "is_normalized")?;
        let s = str_arg(vm, a.pos[1], "is_normalized", 2)?;
        if s.is_ascii() {
            return Ok(Value::Bool(true));
        }
        Ok(Value::Bool(
            norm::normalize(db::db(), &s, compose, compat) == s,
        ))
    });
    Ok(m)
}
