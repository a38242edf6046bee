//! posix: the less common calls (ownership, process groups and sessions,
//! user and group ids, priorities, fork/exec, devices, positioned I/O,
//! system configuration). Each is a thin wrapper over one libc call.

use std::ffi::{CStr, CString};

use super::{fd_arg, int_arg, new_bytes, path_arg, path_error};
use crate::builtins::oserror;
use crate::modules::add_fn;
use crate::object::*;
use crate::vm::{Cap, Vm};

/// -1 from a libc call becomes an OSError from errno; otherwise None.
fn done(vm: &mut Vm, r: i32) -> PyResult<Value> {
    if r < 0 {
        return Err(oserror::last_os_error(vm, None, None));
    }
    Ok(Value::None)
}

fn id_arg(vm: &mut Vm, v: Value) -> PyResult<u32> {
    let n = int_arg(vm, v)?;
    // -1 means "leave unchanged" for chown-style calls.
    if n == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(n).map_err(|_| vm.overflow_error("uid/gid out of range"))
}

fn pid_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

fn c_str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<CString> {
    let Some(s) = vm.as_str(v).map(str::to_string) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("{what}: expected str, not {tn}")));
    };
    CString::new(s).map_err(|_| vm.value_error("embedded null character"))
}

pub fn install(vm: &mut Vm, m: Value) {
    add_fn(vm, m, "abort()", |vm, _| {
        let _ = vm.stdout.flush();
        std::process::abort()
    });
    add_fn(
        vm,
        m,
        "chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)",
        |vm, a| chown(vm, a, true),
    );
    add_fn(vm, m, "lchown(path, uid, gid)", |vm, a| chown(vm, a, false));
    add_fn(vm, m, "fchown(fd, uid, gid)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let (u, g) = (id_arg(vm, a.pos[1])?, id_arg(vm, a.pos[2])?);
        vm.require(Cap::FsWrite, "fchown")?;
        // SAFETY: plain integers; errors come back as -1.
        let r = unsafe { libc::fchown(fd, u, g) };
        done(vm, r)
    });
    add_fn(vm, m, "fchmod(fd, mode)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let mode = int_arg(vm, a.pos[1])? as libc::mode_t;
        vm.require(Cap::FsWrite, "fchmod")?;
        // SAFETY: plain integers; errors come back as -1.
        let r = unsafe { libc::fchmod(fd, mode) };
        done(vm, r)
    });
    add_fn(vm, m, "chroot(path)", |vm, a| {
        let p = path_arg(vm, a.pos[0], "chroot")?;
        vm.require_path(Cap::FsWrite, "chroot", &p.path)?;
        // SAFETY: a valid NUL-terminated path.
        if unsafe { libc::chroot(p.c().as_ptr()) } != 0 {
            return Err(path_error(vm, &p));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "fchdir(fd)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        vm.require(Cap::FsRead, "fchdir")?;
        // SAFETY: a caller's descriptor; errors come back as -1.
        let r = unsafe { libc::fchdir(fd) };
        done(vm, r)
    });
    add_fn(vm, m, "fdatasync(fd)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: as fchdir.
        let r = unsafe { libc::fdatasync(fd) };
        done(vm, r)
    });
    add_fn(vm, m, "sync()", |_, _| {
        // SAFETY: no arguments, cannot fail.
        unsafe { libc::sync() };
        Ok(Value::None)
    });
    add_fn(vm, m, "mkfifo(path, mode=438, *, dir_fd=None)", |vm, a| {
        let p = path_arg(vm, a.pos[0], "mkfifo")?;
        let mode = match a.get(vm, 1, "mode") {
            Some(v) => int_arg(vm, v)?,
            None => 0o666,
        };
        vm.require_path(Cap::FsWrite, "mkfifo", &p.path)?;
        // SAFETY: a valid NUL-terminated path.
        if unsafe { libc::mkfifo(p.c().as_ptr(), mode as libc::mode_t) } != 0 {
            return Err(path_error(vm, &p));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "major(device, /)", |vm, a| {
        let d = int_arg(vm, a.pos[0])? as u64;
        Ok(Value::Int(libc::major(d) as i64))
    });
    add_fn(vm, m, "minor(device, /)", |vm, a| {
        let d = int_arg(vm, a.pos[0])? as u64;
        Ok(Value::Int(libc::minor(d) as i64))
    });
    add_fn(vm, m, "makedev(major, minor, /)", |vm, a| {
        let (ma, mi) = (int_arg(vm, a.pos[0])?, int_arg(vm, a.pos[1])?);
        Ok(Value::Int(libc::makedev(ma as u32, mi as u32) as i64))
    });
    add_fn(vm, m, "pipe2(flags, /)", |vm, a| {
        let flags = int_arg(vm, a.pos[0])? as i32;
        vm.require(Cap::FsWrite, "pipe2")?;
        let mut fds = [0i32; 2];
        // SAFETY: pipe2 fills the two-int array we own.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(vm.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
    });
    add_fn(vm, m, "pread(fd, length, offset, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let n = int_arg(vm, a.pos[1])?;
        let off = int_arg(vm, a.pos[2])?;
        if !(0..=1 << 40).contains(&n) {
            return Err(vm.value_error("negative buffersize in pread"));
        }
        vm.require(Cap::FsRead, "pread")?;
        let mut buf = vec![0u8; n as usize];
        // SAFETY: reads at most buf.len() bytes into our own buffer.
        let r = unsafe { libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), off) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        buf.truncate(r as usize);
        Ok(new_bytes(vm, buf))
    });
    add_fn(vm, m, "pwrite(fd, data, offset, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let Some(data) = vm.bytes_of(a.pos[1]) else {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        let off = int_arg(vm, a.pos[2])?;
        vm.require(Cap::FsWrite, "pwrite")?;
        // SAFETY: writes at most data.len() bytes from our own buffer.
        let r = unsafe { libc::pwrite(fd, data.as_ptr().cast(), data.len(), off) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "getrandom(size, flags=0)", |vm, a| {
        let n = int_arg(vm, a.pos[0])?;
        let flags = match a.get(vm, 1, "flags") {
            Some(v) => int_arg(vm, v)? as u32,
            None => 0,
        };
        if n < 0 {
            return Err(vm.value_error("negative argument not allowed"));
        }
        if n > 1 << 32 {
            return Err(vm.new_error(vm.t.memory_error, ""));
        }
        let mut buf = vec![0u8; n as usize];
        // SAFETY: writes at most buf.len() bytes into our own buffer.
        let r = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), flags) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        buf.truncate(r as usize);
        Ok(new_bytes(vm, buf))
    });
    add_fn(vm, m, "ttyname(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let mut buf = [0 as libc::c_char; 256];
        // SAFETY: ttyname_r writes a NUL-terminated name into our buffer.
        let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len()) };
        if r != 0 {
            return Err(oserror::os_error(vm, r, None, None));
        }
        // SAFETY: NUL-terminated by ttyname_r on success.
        let s = unsafe { CStr::from_ptr(buf.as_ptr()) }
            .to_string_lossy()
            .into_owned();
        Ok(vm.new_str(s))
    });
    add_fn(vm, m, "ctermid()", |vm, _| Ok(vm.new_str("/dev/tty")));
    add_fn(vm, m, "getloadavg()", |vm, _| {
        let mut l = [0f64; 3];
        // SAFETY: fills our three-element array.
        if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
            return Err(vm.new_error(vm.t.os_error, "Load averages are unobtainable"));
        }
        Ok(vm.new_tuple(l.iter().map(|&x| Value::Float(x)).collect()))
    });
    add_fn(vm, m, "getgroups()", |vm, _| {
        let mut g = vec![0 as libc::gid_t; 4096];
        // SAFETY: fills at most g.len() entries of our buffer.
        let n = unsafe { libc::getgroups(g.len() as i32, g.as_mut_ptr()) };
        if n < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        let items = g[..n as usize]
            .iter()
            .map(|&x| Value::Int(x as i64))
            .collect();
        Ok(vm.new_list(items))
    });
    add_fn(vm, m, "getresuid()", |vm, _| {
        let (mut r, mut e, mut s) = (0, 0, 0);
        // SAFETY: writes three ints we own.
        unsafe { libc::getresuid(&mut r, &mut e, &mut s) };
        Ok(vm.new_tuple(vec![
            Value::Int(r as i64),
            Value::Int(e as i64),
            Value::Int(s as i64),
        ]))
    });
    add_fn(vm, m, "getresgid()", |vm, _| {
        let (mut r, mut e, mut s) = (0, 0, 0);
        // SAFETY: writes three ints we own.
        unsafe { libc::getresgid(&mut r, &mut e, &mut s) };
        Ok(vm.new_tuple(vec![
            Value::Int(r as i64),
            Value::Int(e as i64),
            Value::Int(s as i64),
        ]))
    });
    add_fn(vm, m, "getpgid(pid)", |vm, a| {
        let pid = pid_arg(vm, a.pos[0])?;
        // SAFETY: a plain integer; errors come back as -1.
        let r = unsafe { libc::getpgid(pid) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "getsid(pid, /)", |vm, a| {
        let pid = pid_arg(vm, a.pos[0])?;
        // SAFETY: as getpgid.
        let r = unsafe { libc::getsid(pid) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "setsid()", |vm, _| {
        vm.require(Cap::Subprocess, "setsid")?;
        // SAFETY: no arguments; errors come back as -1.
        let r = unsafe { libc::setsid() };
        done(vm, r)
    });
    add_fn(vm, m, "setpgid(pid, pgrp, /)", |vm, a| {
        let (p, g) = (pid_arg(vm, a.pos[0])?, pid_arg(vm, a.pos[1])?);
        vm.require(Cap::Subprocess, "setpgid")?;
        // SAFETY: plain integers.
        let r = unsafe { libc::setpgid(p, g) };
        done(vm, r)
    });
    add_fn(vm, m, "setpgrp()", |vm, _| {
        vm.require(Cap::Subprocess, "setpgrp")?;
        // SAFETY: plain integers.
        let r = unsafe { libc::setpgid(0, 0) };
        done(vm, r)
    });
    add_fn(vm, m, "killpg(pgid, signal, /)", |vm, a| {
        let (p, s) = (pid_arg(vm, a.pos[0])?, pid_arg(vm, a.pos[1])?);
        vm.require(Cap::Subprocess, "killpg")?;
        // SAFETY: plain integers.
        let r = unsafe { libc::killpg(p, s) };
        done(vm, r)
    });
    add_fn(vm, m, "getpriority(which, who)", |vm, a| {
        let (w, who) = (int_arg(vm, a.pos[0])?, int_arg(vm, a.pos[1])?);
        // SAFETY: plain integers; -1 is also a valid answer, so errno is
        // cleared first and read after.
        unsafe { *libc::__errno_location() = 0 };
        let r = unsafe { libc::getpriority(w as libc::__priority_which_t, who as libc::id_t) };
        if r == -1 && std::io::Error::last_os_error().raw_os_error().unwrap_or(0) != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "setpriority(which, who, priority)", |vm, a| {
        let (w, who, p) = (
            int_arg(vm, a.pos[0])?,
            int_arg(vm, a.pos[1])?,
            int_arg(vm, a.pos[2])?,
        );
        vm.require(Cap::Subprocess, "setpriority")?;
        // SAFETY: plain integers.
        let r = unsafe {
            libc::setpriority(w as libc::__priority_which_t, who as libc::id_t, p as i32)
        };
        done(vm, r)
    });
    add_fn(vm, m, "nice(increment, /)", |vm, a| {
        let inc = int_arg(vm, a.pos[0])? as i32;
        vm.require(Cap::Subprocess, "nice")?;
        // SAFETY: as getpriority.
        unsafe { *libc::__errno_location() = 0 };
        let r = unsafe { libc::nice(inc) };
        if r == -1 && std::io::Error::last_os_error().raw_os_error().unwrap_or(0) != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    for (decl, which) in [
        ("setuid(uid, /)", 0u8),
        ("setgid(gid, /)", 1),
        ("seteuid(euid, /)", 2),
        ("setegid(egid, /)", 3),
    ] {
        let f: NativeFnPtr = match which {
            0 => |vm, a| set_id(vm, a, 0),
            1 => |vm, a| set_id(vm, a, 1),
            2 => |vm, a| set_id(vm, a, 2),
            _ => |vm, a| set_id(vm, a, 3),
        };
        add_fn(vm, m, decl, f);
    }
    add_fn(vm, m, "sysconf(name, /)", |vm, a| {
        let name = conf_name(vm, a.pos[0], SYSCONF)?;
        // SAFETY: a plain integer; -1 means unlimited or unknown.
        let r = unsafe { libc::sysconf(name) };
        Ok(Value::Int(r as i64))
    });
    let names = vm.new_dict();
    for (k, v) in SYSCONF {
        let k = vm.new_str(*k);
        let _ = vm.dict_set(names, k, Value::Int(*v as i64));
    }
    crate::modules::set_attr(vm, m, "sysconf_names", names);
    add_fn(vm, m, "fpathconf(fd, name, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let name = conf_name(vm, a.pos[1], PATHCONF)?;
        // SAFETY: plain integers.
        let r = unsafe { libc::fpathconf(fd, name) };
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "pathconf(path, name)", |vm, a| {
        let p = path_arg(vm, a.pos[0], "pathconf")?;
        let name = conf_name(vm, a.pos[1], PATHCONF)?;
        vm.require_path(Cap::FsRead, "pathconf", &p.path)?;
        // SAFETY: a valid NUL-terminated path.
        let r = unsafe { libc::pathconf(p.c().as_ptr(), name) };
        Ok(Value::Int(r as i64))
    });
    let names = vm.new_dict();
    for (k, v) in PATHCONF {
        let k = vm.new_str(*k);
        let _ = vm.dict_set(names, k, Value::Int(*v as i64));
    }
    crate::modules::set_attr(vm, m, "pathconf_names", names);
    add_fn(vm, m, "sched_yield()", |_, _| {
        // SAFETY: no arguments.
        unsafe { libc::sched_yield() };
        Ok(Value::None)
    });
    add_fn(vm, m, "sched_getaffinity(pid, /)", |vm, a| {
        let pid = pid_arg(vm, a.pos[0])?;
        // SAFETY: fills the cpu_set_t we own.
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        let r = unsafe {
            libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set)
        };
        if r != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        let s = vm.new_set(false);
        for cpu in 0..libc::CPU_SETSIZE as usize {
            // SAFETY: reads a bit of the set we own.
            if unsafe { libc::CPU_ISSET(cpu, &set) } {
                vm.set_add(s, Value::Int(cpu as i64))?;
            }
        }
        Ok(s)
    });
    add_fn(vm, m, "lockf(fd, command, length, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let (cmd, len) = (int_arg(vm, a.pos[1])? as i32, int_arg(vm, a.pos[2])?);
        // SAFETY: plain integers on a caller's descriptor.
        let r = unsafe { libc::lockf(fd, cmd, len) };
        done(vm, r)
    });
    add_fn(vm, m, "fork()", |vm, _| {
        vm.require(Cap::Subprocess, "fork")?;
        // Buffered output would otherwise be written by both processes.
        let _ = vm.stdout.flush();
        // SAFETY: the VM runs on one thread; the child continues it alone.
        let r = unsafe { libc::fork() };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "execv(path, argv, /)", |vm, a| exec(vm, a, None));
    add_fn(vm, m, "execve(path, argv, env)", |vm, a| {
        let env = a.pos[2];
        exec(vm, a, Some(env))
    });
}

fn set_id(vm: &mut Vm, a: Args, which: u8) -> PyResult<Value> {
    let id = id_arg(vm, a.pos[0])?;
    vm.require(Cap::Subprocess, "setuid")?;
    // SAFETY: plain integers; errors come back as -1.
    let r = unsafe {
        match which {
            0 => libc::setuid(id),
            1 => libc::setgid(id),
            2 => libc::seteuid(id),
            _ => libc::setegid(id),
        }
    };
    done(vm, r)
}

fn chown(vm: &mut Vm, a: Args, follow: bool) -> PyResult<Value> {
    let follow = follow && super::flag(vm, a.kw(vm, "follow_symlinks"), true)?;
    let p = path_arg(vm, a.pos[0], "chown")?;
    let (u, g) = (id_arg(vm, a.pos[1])?, id_arg(vm, a.pos[2])?);
    vm.require_path(Cap::FsWrite, "chown", &p.path)?;
    let c = p.c();
    // SAFETY: a valid NUL-terminated path and plain integers.
    let r = unsafe {
        if follow {
            libc::chown(c.as_ptr(), u, g)
        } else {
            libc::lchown(c.as_ptr(), u, g)
        }
    };
    if r != 0 {
        return Err(path_error(vm, &p));
    }
    Ok(Value::None)
}

/// execv/execve: replace the process image; returns only on failure.
fn exec(vm: &mut Vm, a: Args, env: Option<Value>) -> PyResult<Value> {
    let p = path_arg(vm, a.pos[0], "execv")?;
    let argv = vm.collect_iterable(a.pos[1])?;
    if argv.is_empty() {
        return Err(vm.value_error("execv() arg 2 must not be empty"));
    }
    vm.require(Cap::Subprocess, "exec")?;
    let mut args = Vec::with_capacity(argv.len());
    for v in argv {
        let s = path_arg(vm, v, "execv")?;
        args.push(s.c());
    }
    let mut envs = Vec::new();
    if let Some(e) = env {
        let k = vm.intern("items");
        let items = vm.call_method(e, k, &[])?;
        for pair in vm.collect_iterable(items)? {
            let kv = vm.tuple_items(pair);
            if kv.len() == 2 {
                let k = c_str_arg(vm, kv[0], "execve")?;
                let v = c_str_arg(vm, kv[1], "execve")?;
                let mut line = k.into_bytes();
                line.push(b'=');
                line.extend_from_slice(v.as_bytes());
                envs.push(CString::new(line).unwrap_or_default());
            }
        }
    }
    let _ = vm.stdout.flush();
    let mut argp: Vec<*const libc::c_char> = args.iter().map(|c| c.as_ptr()).collect();
    argp.push(std::ptr::null());
    let path = p.c();
    // SAFETY: NULL-terminated arrays of pointers into CStrings that live
    // until the call; exec only returns on failure.
    unsafe {
        if env.is_some() {
            let mut envp: Vec<*const libc::c_char> = envs.iter().map(|c| c.as_ptr()).collect();
            envp.push(std::ptr::null());
            libc::execve(path.as_ptr(), argp.as_ptr(), envp.as_ptr());
        } else {
            libc::execv(path.as_ptr(), argp.as_ptr());
        }
    }
    Err(path_error(vm, &p))
}

/// A sysconf/pathconf name: an int, or a key of the names table.
fn conf_name(vm: &mut Vm, v: Value, table: &[(&str, i32)]) -> PyResult<i32> {
    if let Some(s) = vm.as_str(v) {
        let s = s.to_string();
        return match table.iter().find(|(k, _)| *k == s) {
            Some((_, n)) => Ok(*n),
            None => Err(vm.value_error("unrecognized configuration name")),
        };
    }
    Ok(int_arg(vm, v)? as i32)
}

const SYSCONF: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGESIZE),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_HOST_NAME_MAX", libc::_SC_HOST_NAME_MAX),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX),
];

const PATHCONF: &[(&str, i32)] = &[
    ("PC_LINK_MAX", libc::_PC_LINK_MAX),
    ("PC_MAX_CANON", libc::_PC_MAX_CANON),
    ("PC_MAX_INPUT", libc::_PC_MAX_INPUT),
    ("PC_NAME_MAX", libc::_PC_NAME_MAX),
    ("PC_PATH_MAX", libc::_PC_PATH_MAX),
    ("PC_PIPE_BUF", libc::_PC_PIPE_BUF),
];
