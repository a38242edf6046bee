//! OSError values from OS error numbers, with the subclass CPython picks for
//! each errno (PEP 3151) and its `[Errno N] strerror: 'filename'` text.

use crate::object::*;
use crate::vm::Vm;

/// The OSError subclass CPython raises for `errno` (Linux numbers).
pub fn class_for(vm: &Vm, errno: i32) -> ObjRef {
    let name = match errno {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EINTR => "InterruptedError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => return vm.t.os_error,
    };
    vm.t.exc_by_name
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, c)| *c)
        .unwrap_or(vm.t.os_error)
}

/// The C library's message for `errno` ("No such file or directory").
pub fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// An OSError (subclass) for `errno`; `filename2` shows as `'a' -> 'b'`.
pub fn os_error(
    vm: &mut Vm,
    errno: i32,
    filename: Option<Value>,
    filename2: Option<Value>,
) -> Value {
    let cls = class_for(vm, errno);
    let msg = vm.new_str(strerror(errno));
    let mut args = vec![Value::Int(errno as i64), msg];
    if let Some(f) = filename {
        args.push(f);
        if let Some(f2) = filename2 {
            // CPython's slot 4 is winerror; filename2 is the fifth argument.
            args.push(Value::None);
            args.push(f2);
        }
    }
    let t = vm.new_tuple(args);
    vm.new_exception(cls, t)
}

/// An OSError for a std::io::Error (an errno where the OS gave one).
pub fn from_io(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> Value {
    match e.raw_os_error() {
        Some(code) => os_error(vm, code, filename, None),
        None => {
            let msg = e.to_string();
            vm.new_error(vm.t.os_error, msg)
        }
    }
}

/// An OSError from the calling thread's errno (after a failed libc call).
pub fn last_os_error(vm: &mut Vm, filename: Option<Value>, filename2: Option<Value>) -> Value {
    let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    os_error(vm, code, filename, filename2)
}
