//! `posix`: the native core of `os` (stdlib/os.py builds the Python-level
//! module on it, as CPython's os.py does on its posix module). One file per
//! concern: `fs` (paths, stat, folders, links), `fd` (file descriptors),
//! `proc` (processes, environment, system facts).
//!
//! Every native that touches the host asks for its capability first.

mod consts;
mod fd;
mod fs;
mod more;
mod proc;

use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::PathBuf;

use crate::builtins::oserror;
use crate::object::*;
use crate::vm::Vm;

use super::{new_module, set_attr};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "posix");
    fs::install(vm, m);
    fd::install(vm, m);
    proc::install(vm, m);
    proc::install_extra(vm, m);
    more::install(vm, m);
    super::add_fn(vm, m, "fspath(path)", |vm, a| fspath(vm, a.pos[0]));
    for (name, v) in consts::CONSTANTS.iter().chain(consts::LINUX_CONSTANTS) {
        set_attr(vm, m, name, Value::Int(*v));
    }
    Ok(m)
}

/// A path argument, converted once: the OS path, whether the caller
/// passed bytes (results then come back as bytes), and the value itself
/// (for the error's filename).
pub(crate) struct PathArg {
    pub path: PathBuf,
    pub bytes: bool,
    pub orig: Value,
}

impl PathArg {
    /// The path as a NUL-terminated C string (the conversion already
    /// rejected embedded NULs).
    pub fn c(&self) -> CString {
        CString::new(self.path.as_os_str().as_bytes()).unwrap_or_default()
    }
}

/// os.fspath: str and bytes as they are; otherwise `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.as_str(v).is_some() || is_bytes(vm, v) {
        return Ok(v);
    }
    let k = vm.intern("__fspath__");
    let Some(f) = vm.lookup_special(v, k) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {tn}"
        )));
    };
    let r = vm.call_bound(f, v, &[])?;
    if vm.as_str(r).is_some() || is_bytes(vm, r) {
        return Ok(r);
    }
    let (tn, rn) = (vm.type_name(v), vm.type_name(r));
    Err(vm.type_error(format!(
        "expected {tn}.__fspath__() to return str or bytes, not {rn}"
    )))
}

fn is_bytes(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Bytes(_)))
}

/// Convert a path argument of `func` (str, bytes or os.PathLike).
pub(crate) fn path_arg(vm: &mut Vm, v: Value, func: &str) -> PyResult<PathArg> {
    let p = if vm.as_str(v).is_some() || is_bytes(vm, v) {
        v
    } else {
        let k = vm.intern("__fspath__");
        if vm.lookup_special(v, k).is_none() {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "{func}: path should be string, bytes or os.PathLike, not {tn}"
            )));
        }
        fspath(vm, v)?
    };
    let (raw, bytes): (Vec<u8>, bool) = match vm.as_str(p) {
        Some(s) => (s.as_bytes().to_vec(), false),
        None => (vm.bytes_of(p).unwrap_or_default(), true),
    };
    if raw.contains(&0) {
        return Err(vm.value_error(format!("{func}: embedded null character in path")));
    }
    // Errors name the path as text, as CPython's do (not the PathLike).
    Ok(PathArg {
        path: PathBuf::from(OsString::from_vec(raw)),
        bytes,
        orig: p,
    })
}

/// A file name from the OS as str (or bytes when the caller used bytes).
pub(crate) fn name_value(vm: &mut Vm, name: &OsStr, bytes: bool) -> Value {
    if bytes {
        vm.alloc(Obj::Bytes(name.as_bytes().to_vec().into_boxed_slice()))
    } else {
        vm.new_str(name.to_string_lossy().into_owned())
    }
}

/// An integer argument (anything with `__index__`).
pub(crate) fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    // index_of saturates big ints (right for slices); a C argument must not.
    if matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::BigInt(_))) {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    }
    match vm.index_of(v)? {
        Some(n) => Ok(n),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// A file descriptor argument: an int in C int range.
pub(crate) fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

/// OSError from errno after a failed libc call on `path`.
pub(crate) fn path_error(vm: &mut Vm, p: &PathArg) -> Value {
    oserror::last_os_error(vm, Some(p.orig), None)
}

/// OSError for a std::io::Error on `path`.
pub(crate) fn io_path_error(vm: &mut Vm, e: &std::io::Error, p: &PathArg) -> Value {
    oserror::from_io(vm, e, Some(p.orig))
}

/// A bool keyword/positional argument (truthiness, as CPython's `p` format).
pub(crate) fn flag(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(v),
    }
}

pub(crate) fn new_bytes(vm: &mut Vm, data: Vec<u8>) -> Value {
    vm.alloc(Obj::Bytes(data.into_boxed_slice()))
}
