//! The `str` type: constructor, methods, `str.format`, printf-style `%`, and
//! the `chr` / `ord` builtins. The text algorithms live in `crate::text`;
//! this file converts arguments and results and raises CPython's errors.

use num_bigint::BigInt;

use crate::object::*;
use crate::text::{self, percent, strfmt, strops};
use crate::vm::num::Num;
use crate::vm::Vm;

use super::{add_fn, add_method, add_staticmethod, int_arg};

pub fn install(vm: &mut Vm) {
    let c = vm.t.str;
    add_staticmethod(vm, c, "__new__(*args, **kwargs)", str_new);
    add_fn(vm, "chr(i, /)", builtin_chr);
    add_fn(vm, "ord(c, /)", builtin_ord);

    // Case conversions: fn(&str) -> String, no arguments.
    macro_rules! to_str {
        ($($name:literal => $f:path),* $(,)?) => {$(
            add_method(vm, c, concat!($name, "()"), |vm, a| {
                let s = this(vm, &a, $name, 0, 0)?;
                let r = $f(&s);
                Ok(vm.new_str(r))
            });
        )*};
    }
    to_str! {
        "upper" => strops::upper, "lower" => strops::lower, "casefold" => strops::casefold,
        "capitalize" => strops::capitalize, "title" => strops::title,
        "swapcase" => strops::swapcase,
    }
    // Predicates: fn(&str) -> bool.
    macro_rules! pred {
        ($($name:literal => $f:path),* $(,)?) => {$(
            add_method(vm, c, concat!($name, "()"), |vm, a| {
                let s = this(vm, &a, $name, 0, 0)?;
                Ok(Value::Bool($f(&s)))
            });
        )*};
    }
    pred! {
        "isalpha" => strops::isalpha, "isalnum" => strops::isalnum,
        "isdecimal" => strops::isdecimal, "isdigit" => strops::isdigit,
        "isnumeric" => strops::isnumeric, "isascii" => strops::isascii,
        "isupper" => strops::isupper, "islower" => strops::islower,
        "istitle" => strops::istitle, "isidentifier" => strops::isidentifier,
        "isspace" => strops::isspace, "isprintable" => text::repr::is_printable,
    }

    add_method(vm, c, "join(iterable, /)", str_join);
    add_method(vm, c, "split(sep=None, maxsplit=-1)", |vm, a| {
        split_impl(vm, a, "split", false)
    });
    add_method(vm, c, "rsplit(sep=None, maxsplit=-1)", |vm, a| {
        split_impl(vm, a, "rsplit", true)
    });
    add_method(vm, c, "splitlines(keepends=False)", str_splitlines);
    add_method(vm, c, "strip(chars=None, /)", |vm, a| {
        strip_impl(vm, a, "strip", strops::strip)
    });
    add_method(vm, c, "lstrip(chars=None, /)", |vm, a| {
        strip_impl(vm, a, "lstrip", strops::lstrip)
    });
    add_method(vm, c, "rstrip(chars=None, /)", |vm, a| {
        strip_impl(vm, a, "rstrip", strops::rstrip)
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
    add_method(vm, c, "replace(old, new, count=-1, /)", str_replace);
    add_method(vm, c, "center(width, fillchar=' ', /)", |vm, a| {
        pad_impl(vm, a, "center")
    });
    add_method(vm, c, "ljust(width, fillchar=' ', /)", |vm, a| {
        pad_impl(vm, a, "ljust")
    });
    add_method(vm, c, "rjust(width, fillchar=' ', /)", |vm, a| {
        pad_impl(vm, a, "rjust")
    });
    add_method(vm, c, "zfill(width, /)", |vm, a| {
        let s = this(vm, &a, "zfill", 1, 1)?;
        let w = ssize_arg(vm, a.pos[1])?;
        vm.room_for(w.max(0) as usize)?;
        let r = strops::zfill(&s, w);
        Ok(vm.new_str(r))
    });
    add_method(vm, c, "expandtabs(tabsize=8)", |vm, a| {
        let s = this(vm, &a, "expandtabs", 0, 1)?;
        let n = match a.get(vm, 1, "tabsize") {
            Some(v) => int_arg(vm, v, "tabsize")?,
            None => 8,
        };
        // CPython reads tabsize as a C int.
        if i32::try_from(n).is_err() {
            return Err(vm.overflow_error("Python int too large to convert to C int"));
        }
        let tabs = s.matches('\t').count();
        vm.room_for(tabs.saturating_mul(n.max(0) as usize))?;
        let r = strops::expandtabs(&s, n);
        Ok(vm.new_str(r))
    });
    add_method(vm, c, "partition(sep, /)", |vm, a| {
        partition_impl(vm, a, false)
    });
    add_method(vm, c, "rpartition(sep, /)", |vm, a| {
        partition_impl(vm, a, true)
    });
    add_method(vm, c, "removeprefix(prefix, /)", |vm, a| {
        let s = this(vm, &a, "removeprefix", 1, 1)?;
        let p = str_arg(vm, a.pos[1], "removeprefix() argument")?;
        let r = strops::removeprefix(&s, &p).to_string();
        Ok(vm.new_str(r))
    });
    add_method(vm, c, "removesuffix(suffix, /)", |vm, a| {
        let s = this(vm, &a, "removesuffix", 1, 1)?;
        let p = str_arg(vm, a.pos[1], "removesuffix() argument")?;
        let r = strops::removesuffix(&s, &p).to_string();
        Ok(vm.new_str(r))
    });
    add_method(
        vm,
        c,
        "encode(encoding='utf-8', errors='strict')",
        str_encode,
    );
    add_method(vm, c, "format(*args, **kwargs)", |vm, a| {
        this_any(vm, &a, "format")?;
        let s = str_ref(vm, a.pos[0]).unwrap_or_default().to_string();
        let out = format_impl(vm, &s, &a.pos[1..], Kw::Pairs(a.kw))?;
        Ok(vm.new_str(out))
    });
    add_method(vm, c, "format_map(mapping, /)", |vm, a| {
        let s = this(vm, &a, "format_map", 1, 1)?;
        let out = format_impl(vm, &s, &[], Kw::Map(a.pos[1]))?;
        Ok(vm.new_str(out))
    });
    add_staticmethod(vm, c, "maketrans(x, y=None, z=None, /)", str_maketrans);
    add_method(vm, c, "translate(table, /)", str_translate);

    add_method(vm, c, "__len__()", |vm, a| {
        let s = this(vm, &a, "__len__", 0, 0)?;
        Ok(Value::Int(strops::char_len(&s) as i64))
    });
    add_method(vm, c, "__contains__(key, /)", |vm, a| {
        let s = this(vm, &a, "__contains__", 1, 1)?;
        let Some(sub) = str_ref(vm, a.pos[1]) else {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {tn}"
            )));
        };
        Ok(Value::Bool(s.contains(sub)))
    });
    add_method(vm, c, "__getitem__(key, /)", |vm, a| {
        this(vm, &a, "__getitem__", 1, 1)?;
        let base = base_value(vm, a.pos[0]);
        crate::vm::items::seq_getitem(vm, base, a.pos[1])
    });
    add_method(vm, c, "__iter__()", |vm, a| {
        this(vm, &a, "__iter__", 0, 0)?;
        let Value::Obj(r) = base_value(vm, a.pos[0]) else {
            return Err(vm.type_error("expected str"));
        };
        Ok(vm.alloc(Obj::Iter(Box::new(IterState::Str { s: r, pos: 0 }))))
    });
    add_method(vm, c, "__add__(value, /)", |vm, a| {
        let s = this(vm, &a, "__add__", 1, 1)?;
        match str_ref(vm, a.pos[1]) {
            Some(t) => {
                let r = format!("{s}{t}");
                Ok(vm.new_str(r))
            }
            None if is_instance(vm, a.pos[1]) => Ok(vm.not_implemented),
            None => {
                let tn = vm.type_name(a.pos[1]);
                Err(vm.type_error(format!("can only concatenate str (not \"{tn}\") to str")))
            }
        }
    });
    add_method(vm, c, "__mul__(value, /)", str_mul);
    add_method(vm, c, "__rmul__(value, /)", str_mul);
    add_method(vm, c, "__mod__(value, /)", |vm, a| {
        this(vm, &a, "__mod__", 1, 1)?;
        let base = base_value(vm, a.pos[0]);
        percent_format(vm, base, a.pos[1])
    });
    add_method(vm, c, "__rmod__(value, /)", |vm, a| {
        this(vm, &a, "__rmod__", 1, 1)?;
        Ok(vm.not_implemented)
    });
    add_method(vm, c, "__eq__(value, /)", |vm, a| {
        str_cmp(vm, a, "__eq__", |o| o.is_eq())
    });
    add_method(vm, c, "__ne__(value, /)", |vm, a| {
        str_cmp(vm, a, "__ne__", |o| o.is_ne())
    });
    add_method(vm, c, "__lt__(value, /)", |vm, a| {
        str_cmp(vm, a, "__lt__", |o| o.is_lt())
    });
    add_method(vm, c, "__le__(value, /)", |vm, a| {
        str_cmp(vm, a, "__le__", |o| o.is_le())
    });
    add_method(vm, c, "__gt__(value, /)", |vm, a| {
        str_cmp(vm, a, "__gt__", |o| o.is_gt())
    });
    add_method(vm, c, "__ge__(value, /)", |vm, a| {
        str_cmp(vm, a, "__ge__", |o| o.is_ge())
    });
    add_method(vm, c, "__hash__()", |vm, a| {
        let s = this(vm, &a, "__hash__", 0, 0)?;
        Ok(Value::Int(crate::vm::hash_str(&s)))
    });
    add_method(vm, c, "__str__()", |vm, a| {
        let s = this(vm, &a, "__str__", 0, 0)?;
        if vm.as_str(a.pos[0]).is_some() {
            return Ok(a.pos[0]);
        }
        Ok(vm.new_str(s))
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let s = this(vm, &a, "__repr__", 0, 0)?;
        let r = text::repr::str_repr(&s);
        Ok(vm.new_str(r))
    });
    add_method(vm, c, "__format__(format_spec, /)", |vm, a| {
        let s = this(vm, &a, "__format__", 1, 1)?;
        let Some(spec) = str_ref(vm, a.pos[1]).map(|x| x.to_string()) else {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        };
        let r = text::spec::parse_format_spec(&spec, "str")
            .and_then(|f| text::spec::format_str_for(&s, &f, "str"))
            .map_err(|e| vm.text_error(e))?;
        Ok(vm.new_str(r))
    });
    add_method(vm, c, "__getnewargs__()", |vm, a| {
        let s = this(vm, &a, "__getnewargs__", 0, 0)?;
        let v = vm.new_str(s);
        Ok(vm.new_tuple(vec![v]))
    });
}

// ---------------------------------------------------------------------------
// Argument helpers

/// The text of a str or of an instance of a str subclass.
pub fn str_ref(vm: &Vm, v: Value) -> Option<&str> {
    let Value::Obj(r) = v else { return None };
    match vm.heap.get(r) {
        Obj::Str(s) => Some(&s.s),
        Obj::Instance(i) => match i.base {
            Value::Obj(b) => match vm.heap.get(b) {
                Obj::Str(s) => Some(&s.s),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The built-in value inside an instance of a subclass of a built-in type
/// (the value itself otherwise).
pub fn base_value(vm: &Vm, v: Value) -> Value {
    if let Value::Obj(r) = v {
        if let Obj::Instance(i) = vm.heap.get(r) {
            if matches!(i.base, Value::Obj(_)) {
                return i.base;
            }
        }
    }
    v
}

fn is_instance(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)))
}

/// `self` of a str method (cloned out of the heap), after checking that
/// between `min` and `max` positional arguments follow it.
fn this(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<String> {
    this_check(vm, a, name, min, max)?;
    Ok(str_ref(vm, a.pos[0]).unwrap_or_default().to_string())
}

/// `this` without copying the str: the checks only (the caller then reads
/// `str_ref(vm, a.pos[0])`, which is Some).
fn this_check(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    this_any(vm, a, name)?;
    let n = a.pos.len() - 1;
    if n < min || n > max {
        let msg = if max == 0 {
            format!("str.{name}() takes no arguments ({n} given)")
        } else if min == max {
            if min == 1 {
                format!("str.{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// `self` of a str method without an argument-count check.
fn this_any(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    let Some(&v) = a.pos.first() else {
        return Err(vm.type_error(format!("unbound method str.{name}() needs an argument")));
    };
    match str_ref(vm, v) {
        Some(_) => Ok(()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// A str argument; TypeError "`what` must be str, not int".
fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match str_ref(vm, v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

/// An optional start/end index: absent or None gives None.
pub fn opt_index(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.index_of(v)? {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// Root `v` for the rest of the native (see the GC rule in vm).
fn root(vm: &mut Vm, v: Value) -> Value {
    vm.temp_roots.push(v);
    v
}

// ---------------------------------------------------------------------------
// Constructor, chr, ord

fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = match a.pos.first() {
        Some(Value::Obj(c)) => *c,
        _ => return Err(vm.type_error("str.__new__(X): X is not a type object")),
    };
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if !matches!(ks.as_str(), "object" | "encoding" | "errors") {
            return Err(vm.type_error(format!("'{ks}' is an invalid keyword argument for str()")));
        }
    }
    if a.pos.len() > 4 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(format!("str() takes at most 3 arguments ({n} given)")));
    }
    let obj = a.get(vm, 1, "object");
    let enc = a.get(vm, 2, "encoding");
    let errs = a.get(vm, 3, "errors");
    let v = if enc.is_none() && errs.is_none() {
        match obj {
            None => vm.new_str(""),
            Some(o) => vm.str(o)?,
        }
    } else {
        let enc_s = match enc {
            Some(e) => str_arg(vm, e, "str() argument 'encoding'")?,
            None => "utf-8".to_string(),
        };
        let err_s = match errs {
            Some(e) => str_arg(vm, e, "str() argument 'errors'")?,
            None => "strict".to_string(),
        };
        let o = obj.unwrap_or(Value::None);
        let Some(b) = vm.bytes_of(base_value(vm, o)) else {
            let tn = vm.type_name(o);
            if str_ref(vm, o).is_some() {
                return Err(vm.type_error("decoding str is not supported"));
            }
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {tn} found"
            )));
        };
        let s = text::bytes::decode(&b, &enc_s, &err_s).map_err(|e| vm.text_error(e))?;
        vm.new_str(s)
    };
    if cls == vm.t.str {
        return Ok(v);
    }
    // A subclass of str: an instance carrying the text as its base value.
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

fn builtin_chr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::check(vm, "chr", &a, 1, 1, &[])?;
    let v = a.pos[0];
    let i = int_arg(vm, v, "chr")?;
    if !(0..0x110000).contains(&i) {
        if i == i64::MAX || i == i64::MIN {
            return Err(vm.overflow_error("Python int too large to convert to C int"));
        }
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    // Lone surrogates cannot be held in a Rust string; they become U+FFFD.
    let c = char::from_u32(i as u32).unwrap_or('\u{fffd}');
    let mut buf = [0u8; 4];
    Ok(vm.char_str(c.encode_utf8(&mut buf)))
}

fn builtin_ord(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::check(vm, "ord", &a, 1, 1, &[])?;
    let v = a.pos[0];
    if let Some(s) = str_ref(vm, v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(c as i64)),
            _ => {
                let n = strops::char_len(s);
                Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )))
            }
        };
    }
    if let Some(b) = vm.bytes_of(base_value(vm, v)) {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
}

// ---------------------------------------------------------------------------
// Methods

/// `sep.join(items)` for a list or tuple of exact strs, read in place
/// and built in one allocation; None for anything else (the general path
/// below then reports the error).
fn join_in_place(vm: &Vm, sep: Value, items: Value) -> Option<String> {
    let Value::Obj(r) = items else { return None };
    let items: &[Value] = match vm.heap.get(r) {
        Obj::List(l) => l,
        Obj::Tuple(t) => t,
        _ => return None,
    };
    let sep = str_ref(vm, sep)?;
    let as_str = |v: Value| match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => Some(s.s.as_str()),
            _ => None,
        },
        _ => None,
    };
    let mut len = sep.len() * items.len().saturating_sub(1);
    for &x in items {
        len += as_str(x)?.len();
    }
    let mut out = String::with_capacity(len);
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(as_str(x)?);
    }
    Some(out)
}

fn str_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    this_check(vm, &a, "join", 1, 1)?;
    if let Some(out) = join_in_place(vm, a.pos[0], a.pos[1]) {
        return Ok(vm.new_str(out));
    }
    let sep = str_ref(vm, a.pos[0]).unwrap_or_default().to_string();
    let items = vm.collect_iterable(a.pos[1])?;
    let mut out = String::new();
    for (i, &x) in items.iter().enumerate() {
        match str_ref(vm, x) {
            Some(s) => {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(s);
            }
            None => {
                let tn = vm.type_name(x);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    Ok(vm.new_str(out))
}

fn split_impl(vm: &mut Vm, a: Args, name: &str, right: bool) -> PyResult<Value> {
    this_check(vm, &a, name, 0, 2)?;
    check_kw(vm, &a, name, &["sep", "maxsplit"])?;
    let sep = match a.get(vm, 1, "sep") {
        None | Some(Value::None) => None,
        Some(v) => match str_ref(vm, v) {
            Some(t) => Some(t.to_string()),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("must be str or None, not {tn}")));
            }
        },
    };
    let maxsplit = match a.get(vm, 2, "maxsplit") {
        Some(v) => int_arg(vm, v, "maxsplit")?,
        None => -1,
    };
    // The str is read in place (nothing above runs once it is borrowed).
    let s = str_ref(vm, a.pos[0]).unwrap_or_default();
    let ascii = s.is_ascii();
    let parts = if right {
        strops::rsplit(s, sep.as_deref(), maxsplit)
    } else {
        strops::split(s, sep.as_deref(), maxsplit)
    }
    .map_err(|e| vm.text_error(e))?;
    let vals: Vec<Value> = parts
        .into_iter()
        .map(|p| {
            if ascii {
                // Pieces of ASCII text are ASCII: no scan for the length.
                let n = p.len() as u32;
                vm.alloc(Obj::Str(PyStr::with_chars(p, n)))
            } else {
                vm.new_str(p)
            }
        })
        .collect();
    Ok(vm.new_list(vals))
}

/// TypeError for a keyword argument not in `allowed`.
fn check_kw(vm: &mut Vm, a: &Args, name: &str, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in a.kw {
        let ks = vm.str_of(*k).to_string();
        if !allowed.contains(&ks.as_str()) {
            return Err(vm.type_error(format!(
                "{name}() got an unexpected keyword argument '{ks}'"
            )));
        }
    }
    Ok(())
}

fn str_splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "splitlines", 0, 1)?;
    check_kw(vm, &a, "splitlines", &["keepends"])?;
    let keep = match a.get(vm, 1, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let parts = strops::splitlines(&s, keep);
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(vals))
}

fn strip_impl(
    vm: &mut Vm,
    a: Args,
    name: &str,
    f: for<'x> fn(&'x str, Option<&str>) -> &'x str,
) -> PyResult<Value> {
    let s = this(vm, &a, name, 0, 1)?;
    let chars = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(&v) => match str_ref(vm, v) {
            Some(t) => Some(t.to_string()),
            None => {
                return Err(vm.type_error(format!("{name} arg must be None or str")));
            }
        },
    };
    let r = f(&s, chars.as_deref());
    if r.len() == s.len() && vm.as_str(a.pos[0]).is_some() {
        return Ok(a.pos[0]);
    }
    let r = r.to_string();
    Ok(vm.new_str(r))
}

fn affix_impl(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    this_check(vm, &a, name, 1, 3)?;
    let start = opt_index(vm, a.pos.get(2).copied())?;
    let end = opt_index(vm, a.pos.get(3).copied())?;
    let arg = a.pos[1];
    if let (Some(s), Some(p)) = (str_ref(vm, a.pos[0]), str_ref(vm, arg)) {
        // One prefix, both strs read in place.
        return Ok(Value::Bool(if name == "startswith" {
            strops::startswith(s, p, start, end)
        } else {
            strops::endswith(s, p, start, end)
        }));
    }
    let s = str_ref(vm, a.pos[0]).unwrap_or_default().to_string();
    let test = |p: &str| {
        if name == "startswith" {
            strops::startswith(&s, p, start, end)
        } else {
            strops::endswith(&s, p, start, end)
        }
    };
    if let Value::Obj(r) = arg {
        if let Obj::Tuple(items) = vm.heap.get(r) {
            let items = items.to_vec();
            for x in items {
                match str_ref(vm, x) {
                    Some(p) => {
                        if test(p) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    None => {
                        let tn = vm.type_name(x);
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {tn}"
                        )));
                    }
                }
            }
            return Ok(Value::Bool(false));
        }
    }
    let tn = vm.type_name(arg);
    Err(vm.type_error(format!(
        "{name} first arg must be str or a tuple of str, not {tn}"
    )))
}

fn find_impl(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    this_check(vm, &a, name, 1, 3)?;
    if str_ref(vm, a.pos[1]).is_none() {
        let tn = vm.type_name(a.pos[1]);
        return Err(vm.type_error(format!("must be str, not {tn}")));
    }
    let start = opt_index(vm, a.pos.get(2).copied())?;
    let end = opt_index(vm, a.pos.get(3).copied())?;
    // Both strs are read in place (no copies): nothing below runs user code.
    let (s, sub) = (
        str_ref(vm, a.pos[0]).unwrap_or_default(),
        str_ref(vm, a.pos[1]).unwrap_or_default(),
    );
    let r = match name {
        "find" => strops::find(s, sub, start, end),
        "rfind" => strops::rfind(s, sub, start, end),
        "index" => strops::index(s, sub, start, end).map_err(|e| vm.text_error(e))?,
        "rindex" => strops::rindex(s, sub, start, end).map_err(|e| vm.text_error(e))?,
        _ => strops::count(s, sub, start, end) as i64,
    };
    Ok(Value::Int(r))
}

fn str_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "replace", 2, 3)?;
    let old = str_arg(vm, a.pos[1], "replace() argument 1")?;
    let new = str_arg(vm, a.pos[2], "replace() argument 2")?;
    let count = match a.pos.get(3) {
        Some(&v) => int_arg(vm, v, "count")?,
        None => -1,
    };
    let r = strops::replace(&s, &old, &new, count);
    Ok(vm.new_str(r))
}

/// A width argument: an int that fits a C ssize_t.
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.ssize_of(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn pad_impl(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let s = this(vm, &a, name, 1, 2)?;
    let w = ssize_arg(vm, a.pos[1])?;
    let fill = match a.pos.get(2) {
        None => ' ',
        Some(&v) => {
            let Some(f) = str_ref(vm, v) else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("{name}() argument 2 must be str, not {tn}")));
            };
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
    };
    vm.room_for(w.max(0) as usize * fill.len_utf8())?;
    let r = match name {
        "center" => strops::center(&s, w, fill),
        "ljust" => strops::ljust(&s, w, fill),
        _ => strops::rjust(&s, w, fill),
    };
    Ok(vm.new_str(r))
}

fn partition_impl(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    let s = this(vm, &a, name, 1, 1)?;
    let sep = str_arg(vm, a.pos[1], "must be str, not").map_err(|_| {
        let tn = vm.type_name(a.pos[1]);
        vm.type_error(format!("must be str, not {tn}"))
    })?;
    let (x, y, z) = if right {
        strops::rpartition(&s, &sep)
    } else {
        strops::partition(&s, &sep)
    }
    .map_err(|e| vm.text_error(e))?;
    let x = vm.new_str(x);
    let y = vm.new_str(y);
    let z = vm.new_str(z);
    Ok(vm.new_tuple(vec![x, y, z]))
}

fn str_encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "encode", 0, 2)?;
    check_kw(vm, &a, "encode", &["encoding", "errors"])?;
    let enc = match a.get(vm, 1, "encoding") {
        Some(v) => str_arg(vm, v, "encode() argument 'encoding'")?,
        None => "utf-8".to_string(),
    };
    let errs = match a.get(vm, 2, "errors") {
        Some(v) => str_arg(vm, v, "encode() argument 'errors'")?,
        None => "strict".to_string(),
    };
    let b = text::bytes::encode(&s, &enc, &errs).map_err(|e| vm.text_error(e))?;
    Ok(vm.alloc(Obj::Bytes(b.into_boxed_slice())))
}

fn str_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "__mul__", 1, 1)?;
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
    let r = vm.try_repeat_str(&s, n)?;
    Ok(vm.new_str(r))
}

fn str_cmp(vm: &mut Vm, a: Args, name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let s = this(vm, &a, name, 1, 1)?;
    match str_ref(vm, a.pos[1]) {
        Some(t) => Ok(Value::Bool(f(s.as_str().cmp(t)))),
        None => Ok(vm.not_implemented),
    }
}

fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = vm.new_dict();
    let base = vm.temp_roots.len();
    vm.temp_roots.push(d);
    let r = maketrans_into(vm, &a, d);
    vm.temp_roots.truncate(base);
    r.map(|_| d)
}

fn maketrans_into(vm: &mut Vm, a: &Args, d: Value) -> PyResult<()> {
    match a.pos.len() {
        1 => {
            let m = a.pos[0];
            let Value::Obj(mr) = m else {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            let pairs: Vec<(Value, Value)> = match vm.heap.get(mr) {
                Obj::Dict(dd) => dd.iter().map(|e| (e.key, e.value)).collect(),
                _ => {
                    return Err(vm.type_error(
                        "if you give only one argument to maketrans it must be a dict",
                    ))
                }
            };
            for (k, v) in pairs {
                if let Some(ks) = str_ref(vm, k) {
                    let mut it = ks.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => {
                            vm.dict_set(d, Value::Int(c as i64), v)?;
                        }
                        _ => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                } else if let Some(i) = match k {
                    Value::Int(_) | Value::Bool(_) => vm.index_of(k)?,
                    _ => None,
                } {
                    vm.dict_set(d, Value::Int(i), v)?;
                } else {
                    return Err(
                        vm.type_error("keys in translate table must be strings or integers")
                    );
                }
            }
            Ok(())
        }
        2 | 3 => {
            let x = str_arg(vm, a.pos[0], "maketrans() argument 1")?;
            let y = str_arg(vm, a.pos[1], "maketrans() argument 2")?;
            let xs: Vec<char> = x.chars().collect();
            let ys: Vec<char> = y.chars().collect();
            if xs.len() != ys.len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (cx, cy) in xs.into_iter().zip(ys) {
                vm.dict_set(d, Value::Int(cx as i64), Value::Int(cy as i64))?;
            }
            if let Some(&z) = a.pos.get(2) {
                let z = str_arg(vm, z, "maketrans() argument 3")?;
                for cz in z.chars() {
                    vm.dict_set(d, Value::Int(cz as i64), Value::None)?;
                }
            }
            Ok(())
        }
        n => Err(vm.type_error(format!("maketrans() takes at most 3 arguments ({n} given)"))),
    }
}

fn str_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "translate", 1, 1)?;
    let table = a.pos[1];
    let lookup_err = vm.t.lookup_error;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let r = match vm.getitem(table, Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) => {
                if vm.isinstance_class(e, lookup_err) {
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        if r.is_none() {
            continue;
        }
        if let Some(t) = str_ref(vm, r) {
            out.push_str(t);
            continue;
        }
        match r {
            Value::Int(i) if (0..0x110000).contains(&i) => {
                out.push(char::from_u32(i as u32).unwrap_or('\u{fffd}'))
            }
            Value::Int(_) => {
                return Err(vm.value_error("character mapping must be in range(0x110000)"))
            }
            _ => return Err(vm.type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(vm.new_str(out))
}

// ---------------------------------------------------------------------------
// str.format

/// Where `{name}` fields come from.
enum Kw<'a> {
    Pairs(&'a [(Value, Value)]),
    Map(Value),
}

fn format_impl(vm: &mut Vm, fmt: &str, args: &[Value], kw: Kw) -> PyResult<String> {
    let pieces = strfmt::parse_format_string(fmt).map_err(|e| vm.text_error(e))?;
    let base = vm.temp_roots.len();
    let mut auto = strfmt::AutoNumbering::new();
    let mut out = String::new();
    let r = render_pieces(vm, &pieces, args, &kw, &mut auto, &mut out);
    vm.temp_roots.truncate(base);
    r.map(|_| out)
}

fn render_pieces(
    vm: &mut Vm,
    pieces: &[strfmt::FormatPiece],
    args: &[Value],
    kw: &Kw,
    auto: &mut strfmt::AutoNumbering,
    out: &mut String,
) -> PyResult<()> {
    for p in pieces {
        match p {
            strfmt::FormatPiece::Literal(s) => out.push_str(s),
            strfmt::FormatPiece::Field {
                name,
                conversion,
                spec,
            } => {
                let idx = auto.resolve(&name.first).map_err(|e| vm.text_error(e))?;
                let mut obj = match (idx, &name.first) {
                    (Some(i), _) => match args.get(i) {
                        Some(&v) => v,
                        None => return Err(vm.text_error(strfmt::index_out_of_range(i))),
                    },
                    (None, strfmt::FieldFirst::Name(n)) => {
                        let key = vm.new_str(n.as_str());
                        root(vm, key);
                        match kw {
                            Kw::Pairs(pairs) => {
                                match pairs.iter().find(|(k, _)| vm.as_str(*k) == Some(n)) {
                                    Some(&(_, v)) => v,
                                    None => return Err(vm.key_error(key)),
                                }
                            }
                            Kw::Map(m) => vm.getitem(*m, key)?,
                        }
                    }
                    (None, _) => Value::None,
                };
                root(vm, obj);
                for acc in &name.rest {
                    obj = match acc {
                        strfmt::FieldAccess::Attr(n) => {
                            let k = vm.intern(n);
                            vm.getattr(obj, k)?
                        }
                        strfmt::FieldAccess::Index(i) => vm.getitem(obj, Value::Int(*i as i64))?,
                        strfmt::FieldAccess::Key(k) => {
                            let k = vm.new_str(k.as_str());
                            root(vm, k);
                            vm.getitem(obj, k)?
                        }
                        strfmt::FieldAccess::Invalid(e) => return Err(vm.text_error(e.clone())),
                    };
                    root(vm, obj);
                }
                if let Some(c) = conversion {
                    strfmt::check_conversion(*c).map_err(|e| vm.text_error(e))?;
                    obj = match c {
                        'r' => vm.repr(obj)?,
                        's' => vm.str(obj)?,
                        _ => vm.ascii(obj)?,
                    };
                    root(vm, obj);
                }
                let mut spec_text = String::new();
                render_pieces(vm, spec, args, kw, auto, &mut spec_text)?;
                let sv = vm.new_str(spec_text);
                root(vm, sv);
                let r = vm.format(obj, sv)?;
                out.push_str(vm.str_of(r));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// printf-style formatting

/// `fmt % args` (printf-style formatting).
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f = str_ref(vm, fmt).unwrap_or("").to_string();
    let base = vm.temp_roots.len();
    // Called from the binary operator with operands already popped off the
    // value stack: root them while user code (__str__, __format__) runs.
    vm.temp_roots.push(fmt);
    vm.temp_roots.push(args);
    let r = percent_core(vm, &f, args, false);
    vm.temp_roots.truncate(base);
    let s = r?;
    Ok(vm.new_str(s))
}

/// `%` formatting of `fmt` (for bytes, `fmt` holds the bytes as latin-1
/// code points and so does the result).
pub fn percent_core(vm: &mut Vm, fmt: &str, args: Value, bytes: bool) -> PyResult<String> {
    let pieces = percent::parse_percent(fmt);
    let tuple: Option<Vec<Value>> = match args {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Tuple(t) => Some(t.to_vec()),
            _ => None,
        },
        _ => None,
    };
    let is_map = tuple.is_none() && str_ref(vm, args).is_none() && is_mapping(vm, args);
    // CPython's state: the current args, their length (-1 for a single
    // object) and the next index (-2 for a single object not yet used).
    let (mut list, mut arglen, mut argidx): (Vec<Value>, i64, i64) = match tuple {
        Some(t) => {
            let n = t.len() as i64;
            (t, n, 0)
        }
        None => (vec![args], -1, -2),
    };
    let mut out = String::new();
    for p in pieces {
        let mut spec = match p {
            percent::PercentPiece::Literal(s) => {
                out.push_str(&s);
                continue;
            }
            percent::PercentPiece::Error(e) => return Err(vm.text_error(e)),
            percent::PercentPiece::Spec(s) => s,
        };
        // With a key, the looked-up value becomes the (single) current args.
        if let Some(k) = &spec.key {
            if !is_map {
                return Err(vm.text_error(percent::requires_mapping()));
            }
            let kv = if bytes {
                let b: Vec<u8> = k.chars().map(|c| c as u32 as u8).collect();
                vm.alloc(Obj::Bytes(b.into_boxed_slice()))
            } else {
                vm.new_str(k.as_str())
            };
            root(vm, kv);
            let v = vm.getitem(args, kv)?;
            list = vec![root(vm, v)];
            arglen = -1;
            argidx = -2;
        }
        let mut next = |vm: &mut Vm| -> PyResult<Value> {
            if argidx < arglen {
                let i = argidx;
                argidx += 1;
                if arglen < 0 {
                    return Ok(list[0]);
                }
                return Ok(list[i as usize]);
            }
            Err(vm.text_error(percent::not_enough_args()))
        };
        if spec.width_star {
            let v = next(vm)?;
            let n = star_int(vm, v)?;
            spec.set_star_width(n);
        }
        if spec.precision_star {
            let v = next(vm)?;
            let n = star_int(vm, v)?;
            spec.set_star_precision(n);
        }
        let v = next(vm)?;
        percent::check_conversion(&spec).map_err(|e| vm.text_error(e))?;
        crate::text::check_room(spec.width.unwrap_or(0), 1).map_err(|e| vm.text_error(e))?;
        let piece = percent_one(vm, v, &spec, bytes)?;
        out.push_str(&piece);
    }
    if argidx < arglen && !is_map {
        return Err(vm.text_error(percent::not_all_converted()));
    }
    Ok(out)
}

fn star_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.num(v) {
        Some(Num::Int(i)) => Ok(i),
        Some(Num::Big(_)) => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        _ => Err(vm.text_error(percent::star_wants_int())),
    }
}

/// PyMapping_Check without tuples and str: has `__getitem__`.
fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    let Value::Obj(r) = v else { return false };
    match vm.heap.get(r) {
        Obj::Dict(_)
        | Obj::List(_)
        | Obj::Bytes(_)
        | Obj::ByteArray(_)
        | Obj::Range(..)
        | Obj::DictView(..) => true,
        Obj::Instance(_) | Obj::NativeObj(_) => {
            let gk = vm.n.getitem;
            vm.lookup_special(v, gk).is_some()
        }
        _ => false,
    }
}

/// One converted value of a `%` format.
fn percent_one(
    vm: &mut Vm,
    v: Value,
    spec: &percent::PercentSpec,
    bytes: bool,
) -> PyResult<String> {
    let te = |vm: &mut Vm, e| vm.text_error(e);
    match spec.conv {
        's' | 'b' if bytes => {
            let b = bytes_for_percent(vm, v)?;
            let s: String = b.iter().map(|&x| x as char).collect();
            Ok(percent::percent_format_str(&s, spec))
        }
        's' => {
            let s = vm.str_string(v)?;
            Ok(percent::percent_format_str(&s, spec))
        }
        'r' | 'a' => {
            let r = vm.repr_string(v)?;
            let s = if spec.conv == 'a' || bytes {
                text::repr::ascii_escape(&r)
            } else {
                r
            };
            Ok(percent::percent_format_str(&s, spec))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let b = int_for_percent(vm, v, spec.conv)?;
            percent::percent_format_int(&b, spec).map_err(|e| te(vm, e))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = float_for_percent(vm, v, spec.conv)?;
            percent::percent_format_float(f, spec).map_err(|e| te(vm, e))
        }
        'c' => {
            if bytes {
                let c = if let Some(b) = vm.bytes_of(base_value(vm, v)) {
                    if b.len() != 1 {
                        return Err(
                            vm.type_error("%c requires an integer in range(256) or a single byte")
                        );
                    }
                    b[0]
                } else {
                    match vm.index_of(v)? {
                        Some(i) if (0..256).contains(&i) => i as u8,
                        Some(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                        None => {
                            return Err(vm.type_error(
                                "%c requires an integer in range(256) or a single byte",
                            ))
                        }
                    }
                };
                return Ok(percent::percent_format_char(c as char, spec));
            }
            if let Some(s) = str_ref(vm, v) {
                let c = percent::percent_char_from_str(s).map_err(|e| te(vm, e))?;
                return Ok(percent::percent_format_char(c, spec));
            }
            let b = match vm.num(v) {
                Some(Num::Int(i)) => BigInt::from(i),
                Some(Num::Big(b)) => b,
                _ => match vm.index_of(v)? {
                    Some(i) if !matches!(v, Value::Float(_)) => BigInt::from(i),
                    _ => return Err(te(vm, percent::wrong_type('c', "x"))),
                },
            };
            let c = percent::percent_char_from_int(&b).map_err(|e| te(vm, e))?;
            Ok(percent::percent_format_char(c, spec))
        }
        c => Err(te(vm, percent::wrong_type(c, "?"))),
    }
}

/// The bytes `%s` / `%b` inserts into a bytes format.
fn bytes_for_percent(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_of(base_value(vm, v)) {
        return Ok(b);
    }
    let bk = vm.n.bytes_;
    if let Some(f) = vm.lookup_special(v, bk) {
        let r = vm.call_bound(f, v, &[])?;
        if let Some(b) = vm.bytes_of(r) {
            return Ok(b);
        }
        let tn = vm.type_name(r);
        return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
    )))
}

fn int_for_percent(vm: &mut Vm, v: Value, conv: char) -> PyResult<BigInt> {
    match vm.num(v) {
        Some(Num::Int(i)) => return Ok(BigInt::from(i)),
        Some(Num::Big(b)) => return Ok(b),
        Some(Num::Float(f)) => {
            if matches!(conv, 'o' | 'x' | 'X') {
                return Err(vm.text_error(percent::wrong_type(conv, "float")));
            }
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            return Ok(crate::vm::num::float_to_bigint(f));
        }
        None => {}
    }
    if is_instance(vm, v) {
        let ik = vm.n.index;
        let intk = vm.n.int_;
        let f = match vm.lookup_special(v, ik) {
            Some(f) => Some(f),
            None if !matches!(conv, 'o' | 'x' | 'X') => vm.lookup_special(v, intk),
            None => None,
        };
        if let Some(f) = f {
            let r = vm.call_bound(f, v, &[])?;
            if let Some(b) = vm.as_bigint(r) {
                return Ok(b);
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.text_error(percent::wrong_type(conv, &tn)))
}

fn float_for_percent(vm: &mut Vm, v: Value, conv: char) -> PyResult<f64> {
    match vm.num(v) {
        Some(Num::Int(i)) => return Ok(i as f64),
        Some(Num::Big(b)) => {
            return crate::vm::num::bigint_to_f64(&b)
                .ok_or_else(|| vm.overflow_error("int too large to convert to float"))
        }
        Some(Num::Float(f)) => return Ok(f),
        None => {}
    }
    if is_instance(vm, v) {
        let fk = vm.n.float_;
        let ik = vm.n.index;
        if let Some(f) = vm.lookup_special(v, fk) {
            let r = vm.call_bound(f, v, &[])?;
            if let Value::Float(x) = r {
                return Ok(x);
            }
            let tn = vm.type_name(v);
            let rn = vm.type_name(r);
            return Err(vm.type_error(format!("{tn}.__float__ returned non-float (type {rn})")));
        }
        if let Some(f) = vm.lookup_special(v, ik) {
            let r = vm.call_bound(f, v, &[])?;
            if let Some(Num::Int(i)) = vm.num(r) {
                return Ok(i as f64);
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.text_error(percent::wrong_type(conv, &tn)))
}
