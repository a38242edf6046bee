//! `_subprocess`: the native side of stdlib/subprocess.py. Starting a
//! child (std::process::Command, with the caller's descriptors as its
//! standard streams), feeding and draining its pipes with poll(2) so a
//! large output cannot deadlock, and waiting with or without a timeout.
//! Everything here blocks the VM thread, as CPython's subprocess does.

use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::builtins::oserror;
use crate::object::*;
use crate::vm::{Cap, Step, Vm};

use super::posix::{fd_arg, path_arg};
use super::{add_fn, new_module};

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_subprocess");
    add_fn(
        vm,
        m,
        "spawn(args, executable, cwd, env, stdin, stdout, stderr, start_new_session, /)",
        spawn,
    );
    add_fn(
        vm,
        m,
        "communicate(stdin, input, stdout, stderr, timeout, /)",
        communicate,
    );
    add_fn(vm, m, "wait(pid, timeout, /)", wait);
    Ok(m)
}

/// One argument of the child's argv as OS bytes (str, bytes or PathLike).
fn os_arg(vm: &mut Vm, v: Value) -> PyResult<std::ffi::OsString> {
    let p = path_arg(vm, v, "subprocess")?;
    Ok(p.path.into_os_string())
}

/// A descriptor for the child's stream: -1 inherits ours.
fn stdio(vm: &mut Vm, v: Value) -> PyResult<Stdio> {
    let fd = fd_arg(vm, v)?;
    if fd < 0 {
        return Ok(Stdio::inherit());
    }
    // SAFETY: dup gives us a descriptor of our own, which the Stdio owns
    // and closes after the spawn; the caller's descriptor stays open.
    let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if dup < 0 {
        return Err(oserror::last_os_error(vm, None, None));
    }
    Ok(Stdio::from(unsafe { OwnedFd::from_raw_fd(dup) }))
}

fn spawn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.require(Cap::Subprocess, "subprocess")?;
    let argv = vm.collect_iterable(a.pos[0])?;
    if argv.is_empty() {
        return Err(vm.new_error(vm.t.index_error, "list index out of range"));
    }
    let mut args = Vec::with_capacity(argv.len());
    for v in &argv {
        args.push(os_arg(vm, *v)?);
    }
    let (prog, shown) = if a.pos[1].is_none() {
        (args[0].clone(), argv[0])
    } else {
        (os_arg(vm, a.pos[1])?, a.pos[1])
    };
    let mut cmd = Command::new(&prog);
    cmd.arg0(&args[0]).args(&args[1..]);
    if !a.pos[2].is_none() {
        let cwd = path_arg(vm, a.pos[2], "subprocess")?;
        if !cwd.path.is_dir() {
            // std would report the chdir failure without the folder's name.
            let code = if cwd.path.exists() {
                libc::ENOTDIR
            } else {
                libc::ENOENT
            };
            return Err(oserror::os_error(vm, code, Some(cwd.orig), None));
        }
        cmd.current_dir(&cwd.path);
    }
    if !a.pos[3].is_none() {
        cmd.env_clear();
        let items = {
            let k = vm.intern("items");
            let it = vm.call_method(a.pos[3], k, &[])?;
            vm.collect_iterable(it)?
        };
        for pair in items {
            let kv = vm.tuple_items(pair);
            if kv.len() != 2 {
                continue;
            }
            let (k, v) = (os_arg(vm, kv[0])?, os_arg(vm, kv[1])?);
            if k.as_bytes().contains(&b'=') {
                return Err(vm.value_error("illegal environment variable name"));
            }
            cmd.env(k, v);
        }
    }
    cmd.stdin(stdio(vm, a.pos[4])?);
    cmd.stdout(stdio(vm, a.pos[5])?);
    cmd.stderr(stdio(vm, a.pos[6])?);
    if vm.truthy(a.pos[7])? {
        cmd.process_group(0);
    }
    match cmd.spawn() {
        // The Child is dropped without waiting: wait() reaps it by pid.
        Ok(child) => Ok(Value::Int(child.id() as i64)),
        Err(e) => {
            let code = e.raw_os_error().unwrap_or(libc::ENOENT);
            Err(oserror::os_error(vm, code, Some(shown), None))
        }
    }
}

/// Write `input` to `stdin` (closing it when all is written or the child
/// stops reading) while reading `stdout` and `stderr` to their ends;
/// returns (out, err, timed_out, stdin still open or -1, bytes written).
/// Descriptors of -1 are not used. On a timeout, what was read so far
/// comes back and subprocess.py keeps it for the next call.
fn communicate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fin = fd_arg(vm, a.pos[0])?;
    let input = if a.pos[1].is_none() {
        Vec::new()
    } else {
        match vm.bytes_of(a.pos[1]) {
            Some(b) => b,
            None => {
                let tn = vm.type_name(a.pos[1]);
                return Err(vm.type_error(format!(
                    "memoryview: a bytes-like object is required, not '{tn}'"
                )));
            }
        }
    };
    let fout = fd_arg(vm, a.pos[2])?;
    let ferr = fd_arg(vm, a.pos[3])?;
    let deadline = timeout_arg(vm, a.pos[4])?.map(|t| Instant::now() + t);
    // In a weft thread the pumping runs on the thread pool: only that
    // thread waits for the child.
    if vm.in_thread_job() && vm.offload_hook.is_some() {
        vm.offload(&[], move || {
            let r = pump(fin, input, fout, ferr, deadline);
            Box::new(move |vm: &mut Vm| Step::Done(pumped(vm, r)))
        })?;
        return Ok(Value::None);
    }
    let r = pump(fin, input, fout, ferr, deadline);
    pumped(vm, r)
}

/// What `pump` gathered: stdout, stderr, whether the deadline passed, the
/// stdin fd still open (-1 if closed) and the input bytes written.
type Pumped = (Vec<u8>, Vec<u8>, bool, i32, usize);

/// communicate's result tuple.
fn pumped(vm: &mut Vm, r: std::io::Result<Pumped>) -> PyResult<Value> {
    let (out, err, timed_out, fin, written) = r.map_err(|e| oserror::from_io(vm, &e, None))?;
    let outv = vm.alloc(Obj::Bytes(out.into_boxed_slice()));
    let errv = vm.alloc(Obj::Bytes(err.into_boxed_slice()));
    let res = vec![
        outv,
        errv,
        Value::Bool(timed_out),
        Value::Int(fin as i64),
        Value::Int(written as i64),
    ];
    Ok(vm.new_tuple(res))
}

/// Feed `input` to `fin` and read `fout` and `ferr` until both end (or
/// the deadline passes), without the VM.
fn pump(
    mut fin: i32,
    input: Vec<u8>,
    mut fout: i32,
    mut ferr: i32,
    deadline: Option<Instant>,
) -> std::io::Result<Pumped> {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut written = 0usize;
    if fin >= 0 && input.is_empty() {
        // SAFETY: closing the caller's pipe end, as CPython does.
        unsafe { libc::close(fin) };
        fin = -1;
    }
    let mut timed_out = false;
    while fin >= 0 || fout >= 0 || ferr >= 0 {
        let mut fds = Vec::with_capacity(3);
        for (fd, ev) in [
            (fin, libc::POLLOUT),
            (fout, libc::POLLIN),
            (ferr, libc::POLLIN),
        ] {
            if fd >= 0 {
                fds.push(libc::pollfd {
                    fd,
                    events: ev,
                    revents: 0,
                });
            }
        }
        let wait_ms = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    timed_out = true;
                    break;
                }
                left.as_millis().min(i32::MAX as u128) as i32
            }
        };
        // SAFETY: poll reads and writes the pollfd array we own.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, wait_ms) };
        if r < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(std::io::Error::last_os_error());
        }
        for p in &fds {
            if p.revents == 0 {
                continue;
            }
            if p.fd == fin {
                // PIPE_BUF bytes never block once poll says writable.
                let chunk = &input[written..(written + 4096).min(input.len())];
                // SAFETY: writes from our own buffer.
                let n = unsafe { libc::write(fin, chunk.as_ptr().cast(), chunk.len()) };
                if n > 0 {
                    written += n as usize;
                }
                if n < 0 || written >= input.len() {
                    // A child that closed its stdin (EPIPE) just gets no more.
                    unsafe { libc::close(fin) };
                    fin = -1;
                }
            } else {
                let buf = if p.fd == fout { &mut out } else { &mut err };
                let mut chunk = [0u8; 32768];
                // SAFETY: reads into our own buffer.
                let n = unsafe { libc::read(p.fd, chunk.as_mut_ptr().cast(), chunk.len()) };
                if n > 0 {
                    buf.extend_from_slice(&chunk[..n as usize]);
                } else if n == 0 || p.revents & (libc::POLLHUP | libc::POLLERR) != 0 {
                    // At its end the stream is left open for its owner
                    // (the Popen's file object) to close.
                    if p.fd == fout {
                        fout = -1;
                    } else {
                        ferr = -1;
                    }
                }
            }
        }
    }
    Ok((out, err, timed_out, fin, written))
}

fn timeout_arg(vm: &mut Vm, v: Value) -> PyResult<Option<Duration>> {
    let secs = match v {
        Value::None => return Ok(None),
        Value::Int(i) => i as f64,
        Value::Float(f) => f,
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as a timeout")));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    Ok(Some(Duration::from_secs_f64(secs.clamp(0.0, 1e9))))
}

/// The return code of a wait status: the exit code, or -signal.
fn returncode(status: i32) -> i64 {
    if libc::WIFSIGNALED(status) {
        -(libc::WTERMSIG(status) as i64)
    } else {
        libc::WEXITSTATUS(status) as i64
    }
}

/// Wait for `pid`: its return code, or None once `timeout` (seconds; 0
/// polls) passes first.
fn wait(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pid = fd_arg(vm, a.pos[0])?;
    let timeout = timeout_arg(vm, a.pos[1])?;
    let deadline = timeout.map(|t| Instant::now() + t);
    if timeout != Some(Duration::ZERO) {
        // In a weft thread the wait runs on the thread pool.
        let offloaded = vm.offload(&[], move || {
            let r = wait_pid(pid, deadline);
            Box::new(move |vm: &mut Vm| Step::Done(waited(vm, r)))
        })?;
        if offloaded {
            return Ok(Value::None);
        }
    }
    let r = wait_pid(pid, deadline);
    waited(vm, r)
}

fn waited(vm: &mut Vm, r: Result<Option<i64>, i32>) -> PyResult<Value> {
    match r {
        Ok(Some(code)) => Ok(Value::Int(code)),
        Ok(None) => Ok(Value::None),
        Err(e) => Err(oserror::os_error(vm, e, None, None)),
    }
}

/// waitpid until `pid` ends (its return code) or the deadline passes
/// (None), without the VM; Err(errno).
fn wait_pid(pid: i32, deadline: Option<Instant>) -> Result<Option<i64>, i32> {
    let mut nap = Duration::from_micros(500);
    loop {
        let mut status = 0;
        let flags = if deadline.is_some() { libc::WNOHANG } else { 0 };
        // SAFETY: waitpid writes the status int we own.
        let r = unsafe { libc::waitpid(pid, &mut status, flags) };
        if r == pid {
            return Ok(Some(returncode(status)));
        }
        if r < 0 {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if e == libc::EINTR {
                continue;
            }
            if e == libc::ECHILD {
                // Reaped elsewhere: CPython reports 0 then.
                return Ok(Some(0));
            }
            return Err(e);
        }
        let Some(d) = deadline else { continue };
        let now = Instant::now();
        if now >= d {
            return Ok(None);
        }
        std::thread::sleep(nap.min(d - now));
        nap = (nap * 2).min(Duration::from_millis(50));
    }
}
