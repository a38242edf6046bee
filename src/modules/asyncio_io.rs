//! The I/O half of `_asyncio`: the loop's fd callbacks (CPython's selector
//! loop API: add_reader / remove_reader / add_writer / remove_writer), the
//! raw pipe operations the weft transports use, and child processes
//! (spawned here, reaped through a pidfd on the reactor, so no zombie is
//! left and no SIGCHLD handler is needed).

use std::os::fd::{IntoRawFd, RawFd};

use crate::aio::eventloop::{self as el, handle_mut, loop_mut, loop_ref};
use crate::aio::oserror;
use crate::builtins::add_method;
use crate::modules::{add_fn, set_attr};
use crate::object::*;
use crate::vm::{Cap, Vm};

use super::asyncio::{classes, loop_arg};

/// An fd argument: an int, or an object with `fileno()`.
pub fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<RawFd> {
    let n = match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => {
            let m = vm.intern("fileno");
            let f = match vm.getattr(v, m) {
                Ok(f) => f,
                Err(_) => {
                    let r = vm.repr_str(v);
                    return Err(vm.value_error(format!("Invalid file object: {r}")));
                }
            };
            match vm.call(f, &[])? {
                Value::Int(i) => i,
                _ => return Err(vm.type_error("fileno() returned a non-integer")),
            }
        }
    };
    if n < 0 || n > i32::MAX as i64 {
        return Err(vm.value_error(format!("Invalid file descriptor: {n}")));
    }
    Ok(n as RawFd)
}

/// Install (or with `cb == None`, remove) the reader or writer of `fd`.
/// Returns the Handle replaced, cancelled.
fn set_callback(
    vm: &mut Vm,
    l: ObjRef,
    fd: RawFd,
    write: bool,
    cb: Option<(Value, Vec<Value>)>,
    child: bool,
) -> PyResult<Option<ObjRef>> {
    if loop_ref(vm, l).is_some_and(|lo| lo.closed) {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    let h = cb.map(|(cb, args)| {
        let c = classes(vm);
        el::new_handle(vm, l, c.handle, cb, args, None)
    });
    let r = match loop_mut(vm, l).and_then(|lo| lo.reactor.as_mut()) {
        Some(r) => r.set(fd, write, h, child),
        None => return Err(vm.runtime_error("this event loop has no reactor (epoll failed)")),
    };
    let old = r.map_err(|e| oserror::from_io(vm, &e))?;
    if let Some(o) = old {
        if let Some(ho) = handle_mut(vm, o) {
            ho.cancelled = true;
        }
    }
    Ok(old)
}

fn add_cb(vm: &mut Vm, a: &Args, write: bool) -> PyResult<Value> {
    let l = loop_arg(vm, a.pos[0])?;
    let fd = fd_arg(vm, a.pos[1])?;
    let args = a.pos[3..].to_vec();
    set_callback(vm, l, fd, write, Some((a.pos[2], args)), false)?;
    Ok(Value::None)
}

fn remove_cb(vm: &mut Vm, a: &Args, write: bool) -> PyResult<Value> {
    let l = loop_arg(vm, a.pos[0])?;
    let fd = fd_arg(vm, a.pos[1])?;
    if loop_ref(vm, l).is_some_and(|lo| lo.closed) {
        return Ok(Value::Bool(false));
    }
    let had = loop_ref(vm, l)
        .and_then(|lo| lo.reactor.as_ref())
        .is_some_and(|r| r.get(fd, write).is_some());
    if had {
        set_callback(vm, l, fd, write, None, false)?;
    }
    Ok(Value::Bool(had))
}

fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn int_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be an integer, not {tn}")))
        }
    }
}

pub fn install(vm: &mut Vm, m: Value) {
    let lp = classes(vm).lp;
    add_method(vm, lp, "add_reader(fd, callback, *args)", |vm, a| {
        add_cb(vm, &a, false)
    });
    add_method(vm, lp, "add_writer(fd, callback, *args)", |vm, a| {
        add_cb(vm, &a, true)
    });
    add_method(vm, lp, "remove_reader(fd, /)", |vm, a| {
        remove_cb(vm, &a, false)
    });
    add_method(vm, lp, "remove_writer(fd, /)", |vm, a| {
        remove_cb(vm, &a, true)
    });

    // Raw fd operations for the pipe transports: None when the call would
    // block, an OSError of CPython's subclass otherwise.
    add_fn(vm, m, "_fd_read(fd, n, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let n = int_arg(vm, a.pos[1], "n")?.clamp(0, 1 << 24) as usize;
        let mut buf = vec![0u8; n];
        // SAFETY: buf is a live, writable allocation of n bytes.
        let got = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n) };
        if got < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::WouldBlock {
                return Ok(Value::None);
            }
            return Err(oserror::from_io(vm, &e));
        }
        buf.truncate(got as usize);
        Ok(vm.alloc(Obj::Bytes(buf.into_boxed_slice())))
    });
    add_fn(vm, m, "_fd_write(fd, data, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let data = bytes_arg(vm, a.pos[1])?;
        // SAFETY: data is a live allocation of data.len() bytes.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::WouldBlock {
                return Ok(Value::Int(0));
            }
            return Err(oserror::from_io(vm, &e));
        }
        Ok(Value::Int(n as i64))
    });
    add_fn(vm, m, "_fd_close(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: closing an fd the script owns; a bad fd gives EBADF.
        if unsafe { libc::close(fd) } < 0 {
            return Err(oserror::last(vm));
        }
        Ok(Value::None)
    });

    // Child processes.
    add_fn(
        vm,
        m,
        "_spawn(args, cwd, env, stdin, stdout, stderr, /)",
        spawn,
    );
    add_method(vm, lp, "_watch_child(pid, callback, /)", watch_child);
    add_fn(vm, m, "_kill(pid, sig, /)", |vm, a| {
        vm.require(Cap::Subprocess, "kill")?;
        let pid = int_arg(vm, a.pos[0], "pid")?;
        let sig = int_arg(vm, a.pos[1], "signal")?;
        if pid <= 0 || pid > i32::MAX as i64 || !(0..=64).contains(&sig) {
            return Err(oserror::from_errno(vm, libc::EINVAL));
        }
        // SAFETY: kill(2) has no memory effects.
        if unsafe { libc::kill(pid as i32, sig as i32) } < 0 {
            return Err(oserror::last(vm));
        }
        Ok(Value::None)
    });
    // Threads are fibers: a blocking wait inside a thread-job fiber
    // suspends only that fiber until `fut` is done (its result is the
    // call's result).
    add_fn(vm, m, "_in_thread_job()", |vm, _| {
        // This native is itself called inline, so ask about the caller.
        Ok(Value::Bool(vm.in_thread_job()))
    });
    add_fn(vm, m, "_block_on(fut, /)", |vm, a| {
        if !vm.in_thread_job() {
            return Err(vm.runtime_error(
                "a blocking wait here would stop the event loop (only weft threads may block)",
            ));
        }
        // As `await fut` would: the task step sees a blocking future.
        match crate::aio::future::fut_ref(vm, a.pos[0]) {
            Some(f) => crate::aio::future::fut_mut(vm, f).blocking = true,
            None => return Err(vm.type_error("_block_on() needs an asyncio Future")),
        }
        vm.pending_await = Some(a.pos[0]);
        Ok(Value::None)
    });
    add_fn(vm, m, "_set_threads_loop(loop, /)", |vm, a| {
        // threading's private loop: the main thread lends it its time at
        // safepoints and in time.sleep (aio::fibers::main_slice).
        let l = loop_arg(vm, a.pos[0])?;
        vm.threads_loop = Value::Obj(l);
        vm.thread_slice_hook = Some(crate::aio::fibers::main_slice);
        Ok(Value::None)
    });
    add_fn(vm, m, "_fd_count()", |vm, _| {
        // Open fds of this process (leak checks; /proc on Linux).
        vm.require(Cap::FsRead, "_fd_count")?;
        match std::fs::read_dir("/proc/self/fd") {
            Ok(rd) => Ok(Value::Int(rd.count() as i64)),
            Err(e) => Err(oserror::from_io(vm, &e)),
        }
    });
    add_fn(vm, m, "_format_exception(exc, /)", |vm, a| {
        // The traceback text an uncaught exception prints.
        let text = vm.format_exception(a.pos[0]);
        Ok(vm.new_str(text))
    });
    add_fn(vm, m, "_set_nonblocking(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        set_nonblocking(fd);
        Ok(Value::None)
    });
    add_fn(vm, m, "_os_error(errno, message, /)", |vm, a| {
        // OSError(errno, message) of the subclass CPython picks for errno.
        let errno = int_arg(vm, a.pos[0], "errno")?;
        let cls = oserror::class_for(vm, errno.clamp(0, i32::MAX as i64) as i32);
        let t = vm.new_tuple(vec![a.pos[0], a.pos[1]]);
        Ok(vm.new_exception(cls, t))
    });
    set_attr(vm, m, "_PIPE", Value::Int(-1));
    set_attr(vm, m, "_STDOUT", Value::Int(-2));
    set_attr(vm, m, "_DEVNULL", Value::Int(-3));
}

/// How one of the child's standard streams is set up.
fn stdio_for(vm: &mut Vm, v: Value, is_stderr: bool) -> PyResult<std::process::Stdio> {
    use std::os::fd::FromRawFd;
    use std::process::Stdio;
    Ok(match v {
        Value::None => Stdio::inherit(),
        Value::Int(-1) => Stdio::piped(),
        Value::Int(-3) => Stdio::null(),
        Value::Int(-2) if is_stderr => {
            // Filled in by spawn (a dup of the stdout pipe's write end).
            Stdio::piped()
        }
        other => {
            let fd = fd_arg(vm, other)?;
            // SAFETY: dup gives us our own fd for the Stdio to own and close.
            let d = unsafe { libc::dup(fd) };
            if d < 0 {
                return Err(oserror::last(vm));
            }
            // SAFETY: d is a fresh fd nothing else owns.
            unsafe { Stdio::from_raw_fd(d) }
        }
    })
}

fn set_nonblocking(fd: RawFd) {
    // SAFETY: fcntl on an fd we own; no memory is touched.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl >= 0 {
            libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK);
        }
    }
}

/// `_spawn(args, cwd, env, stdin, stdout, stderr)` -> (pid, in_fd, out_fd,
/// err_fd), each fd None unless piped. stdio values: None (inherit), -1
/// (PIPE), -2 (STDOUT, for stderr), -3 (DEVNULL) or an fd / file object.
fn spawn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.require(Cap::Subprocess, "subprocess")?;
    let argv: Vec<String> = vm
        .tuple_items(a.pos[0])
        .into_iter()
        .map(|v| vm.str(v).map(|s| vm.str_of(s).to_string()))
        .collect::<PyResult<_>>()?;
    let Some(prog) = argv.first().cloned() else {
        return Err(vm.value_error("args must not be empty"));
    };
    if prog.contains('\0') || argv.iter().any(|s| s.contains('\0')) {
        return Err(vm.value_error("embedded null byte"));
    }
    let mut cmd = std::process::Command::new(&prog);
    cmd.args(&argv[1..]);
    if !a.pos[1].is_none() {
        let cwd = vm.str(a.pos[1])?;
        cmd.current_dir(vm.str_of(cwd));
    }
    if !a.pos[2].is_none() {
        cmd.env_clear();
        for kv in vm.tuple_items(a.pos[2]) {
            let pair = vm.tuple_items(kv);
            if let [k, v] = pair[..] {
                let (k, v) = (vm.str(k)?, vm.str(v)?);
                cmd.env(vm.str_of(k), vm.str_of(v));
            }
        }
    }
    cmd.stdin(stdio_for(vm, a.pos[3], false)?);
    cmd.stdout(stdio_for(vm, a.pos[4], false)?);
    let merge = matches!(a.pos[5], Value::Int(-2));
    let mut merged_fd = None;
    if merge {
        // stderr=STDOUT: the child's stderr is its stdout. With stdout
        // piped we make the pipe ourselves so both ends share its write end.
        if matches!(a.pos[4], Value::Int(-1)) {
            let mut fds = [0; 2];
            // SAFETY: fds is a 2-element array as pipe2 requires.
            if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
                return Err(oserror::last(vm));
            }
            use std::os::fd::FromRawFd;
            // SAFETY: both fds are fresh from pipe2; each Stdio owns one.
            unsafe {
                let dup = libc::dup(fds[1]);
                cmd.stdout(std::process::Stdio::from_raw_fd(fds[1]));
                cmd.stderr(std::process::Stdio::from_raw_fd(dup));
            }
            merged_fd = Some(fds[0]);
        } else {
            let target = if a.pos[4].is_none() { 1 } else { -1 };
            let fd = if target == 1 {
                1
            } else {
                match a.pos[4] {
                    Value::Int(-3) => -3,
                    v => fd_arg(vm, v)?,
                }
            };
            if fd == -3 {
                cmd.stderr(std::process::Stdio::null());
            } else {
                // SAFETY: dup of an fd the script passed or our stdout.
                let d = unsafe { libc::dup(fd) };
                if d < 0 {
                    return Err(oserror::last(vm));
                }
                use std::os::fd::FromRawFd;
                // SAFETY: d is a fresh fd the Stdio owns.
                cmd.stderr(unsafe { std::process::Stdio::from_raw_fd(d) });
            }
        }
    } else {
        cmd.stderr(stdio_for(vm, a.pos[5], true)?);
    }
    let _ = vm.stdout.flush();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            if let Some(fd) = merged_fd {
                // SAFETY: our own read end, not handed out.
                unsafe { libc::close(fd) };
            }
            let errno = e.raw_os_error().unwrap_or(libc::ENOENT);
            return Err(oserror::with_filename(vm, errno, &prog));
        }
    };
    // The Command still holds the merged pipe's write ends; drop it so
    // the read end sees EOF when the child exits.
    drop(cmd);
    let pid = child.id() as i64;
    let fd_of = |fd: Option<RawFd>| match fd {
        Some(fd) => {
            set_nonblocking(fd);
            Value::Int(fd as i64)
        }
        None => Value::None,
    };
    let i = fd_of(child.stdin.take().map(|s| s.into_raw_fd()));
    let o = fd_of(merged_fd.or_else(|| child.stdout.take().map(|s| s.into_raw_fd())));
    let e = fd_of(if merge {
        None
    } else {
        child.stderr.take().map(|s| s.into_raw_fd())
    });
    // The Child is dropped without waiting: the loop reaps it (watch_child).
    Ok(vm.new_tuple(vec![Value::Int(pid), i, o, e]))
}

/// `loop._watch_child(pid, callback)`: call `callback(pid, returncode)` on
/// the loop once the child exits, and reap it. A pidfd makes the exit an
/// fd event; returncode is negative for a signal, as in CPython.
fn watch_child(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let l = loop_arg(vm, a.pos[0])?;
    let pid = int_arg(vm, a.pos[1], "pid")?;
    if pid <= 0 || pid > i32::MAX as i64 {
        return Err(oserror::from_errno(vm, libc::ESRCH));
    }
    // SAFETY: pidfd_open has no memory arguments.
    let pfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) } as RawFd;
    if pfd < 0 {
        return Err(oserror::last(vm));
    }
    let reap = vm.new_native(
        "_reap_child(fd, pid, callback, loop, /)",
        "_asyncio._reap_child",
        reap_child,
    );
    let args = vec![
        Value::Int(pfd as i64),
        Value::Int(pid),
        a.pos[2],
        Value::Obj(l),
    ];
    set_callback(vm, l, pfd, false, Some((reap, args)), true)?;
    Ok(Value::None)
}

/// The pidfd became readable: the child exited (or will be reaped on a
/// later call if waitpid says it has not yet).
fn reap_child(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (Value::Int(pfd), Value::Int(pid)) = (a.pos[0], a.pos[1]) else {
        return Ok(Value::None);
    };
    let mut status = 0;
    // SAFETY: status is a valid out-pointer.
    let r = unsafe { libc::waitpid(pid as i32, &mut status, libc::WNOHANG) };
    if r == 0 {
        return Ok(Value::None);
    }
    let code = if r < 0 {
        // Reaped elsewhere: CPython reports 255 then.
        255
    } else if libc::WIFSIGNALED(status) {
        -(libc::WTERMSIG(status) as i64)
    } else {
        libc::WEXITSTATUS(status) as i64
    };
    if let Value::Obj(l) = a.pos[3] {
        set_callback(vm, l, pfd as RawFd, false, None, true)?;
    }
    // SAFETY: the pidfd is ours and now unregistered.
    unsafe { libc::close(pfd as RawFd) };
    vm.call(a.pos[2], &[Value::Int(pid), Value::Int(code)])?;
    Ok(Value::None)
}
