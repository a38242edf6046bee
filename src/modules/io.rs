//! `_io`: the native side of the io module (stdlib/io.py): the built-in
//! file classes, open, UnsupportedOperation and the class of sys's standard
//! streams, so io.py can register them with its abstract base classes.

use crate::object::*;
use crate::vm::Vm;

use super::{new_module, set_attr};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_io");
    let classes = crate::builtins::file::classes(vm);
    let names = [
        "TextIOWrapper",
        "BufferedReader",
        "BufferedWriter",
        "BufferedRandom",
    ];
    for (n, c) in names.into_iter().zip(classes) {
        set_attr(vm, m, n, Value::Obj(c));
    }
    let uo = crate::builtins::file::unsupported_operation(vm);
    set_attr(vm, m, "UnsupportedOperation", Value::Obj(uo));
    let k = vm.intern("open");
    if let Some(open) = vm.dict_get_str(vm.builtins, k) {
        set_attr(vm, m, "open", open);
    }
    set_attr(vm, m, "DEFAULT_BUFFER_SIZE", Value::Int(8192));
    // The class of sys.stdin/stdout/stderr (text streams over fds 0-2).
    let sk = vm.intern("stdout");
    let stream = vm.sys_attr(sk);
    let mut extra = Vec::new();
    if let Some(s) = stream {
        extra.push(Value::Obj(vm.type_of(s)));
    }
    let l = vm.new_list(extra);
    set_attr(vm, m, "_stream_classes", l);
    Ok(m)
}
