//! OSError values for failed system calls, as CPython builds them: the
//! subclass chosen by errno (PEP 3151), `args == (errno, strerror)`, and the
//! C library's message text (`[Errno 111] Connection refused`).

use crate::object::*;
use crate::vm::Vm;

/// The OSError subclass CPython raises for `errno`.
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
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => return vm.t.os_error,
    };
    by_name(vm, name).unwrap_or(vm.t.os_error)
}

pub fn by_name(vm: &Vm, name: &str) -> Option<ObjRef> {
    vm.t.exc_by_name
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, c)| *c)
}

/// The C library's text for `errno` (strerror).
pub fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// OSError(errno, strerror) of the right subclass.
pub fn from_errno(vm: &mut Vm, errno: i32) -> Value {
    let cls = class_for(vm, errno);
    let msg = vm.new_str(strerror(errno));
    let t = vm.new_tuple(vec![Value::Int(errno as i64), msg]);
    vm.new_exception(cls, t)
}

/// OSError(errno, strerror, filename).
pub fn with_filename(vm: &mut Vm, errno: i32, filename: &str) -> Value {
    let cls = class_for(vm, errno);
    let msg = vm.new_str(strerror(errno));
    let f = vm.new_str(filename);
    let t = vm.new_tuple(vec![Value::Int(errno as i64), msg, f]);
    vm.new_exception(cls, t)
}

/// The exception for an `io::Error`: by errno when it has one, else an
/// OSError carrying the error's text.
pub fn from_io(vm: &mut Vm, e: &std::io::Error) -> Value {
    match e.raw_os_error() {
        Some(n) => from_errno(vm, n),
        None => {
            if e.kind() == std::io::ErrorKind::TimedOut {
                let cls = vm.t.timeout_error;
                let m = vm.new_str("timed out");
                let t = vm.new_tuple(vec![m]);
                return vm.new_exception(cls, t);
            }
            let cls = vm.t.os_error;
            let m = vm.new_str(e.to_string());
            let t = vm.new_tuple(vec![m]);
            vm.new_exception(cls, t)
        }
    }
}

/// The last OS error (errno after a failed libc call).
pub fn last(vm: &mut Vm) -> Value {
    let e = std::io::Error::last_os_error();
    from_io(vm, &e)
}
