//! posix: the process and its host (ids, umask, signals, system, times,
//! uname, cpu count, random bytes, environment).

use std::ffi::CStr;
use std::os::unix::process::ExitStatusExt;

use super::{int_arg, new_bytes};
use crate::builtins::oserror;
use crate::modules::add_fn;
use crate::object::*;
use crate::vm::{Cap, Vm};

pub fn install(vm: &mut Vm, m: Value) {
    // SAFETY (all id getters): these calls take no arguments and cannot fail.
    add_fn(vm, m, "getpid()", |_, _| {
        Ok(Value::Int(std::process::id() as i64))
    });
    add_fn(vm, m, "getppid()", |_, _| {
        Ok(Value::Int(unsafe { libc::getppid() } as i64))
    });
    add_fn(vm, m, "getuid()", |_, _| {
        Ok(Value::Int(unsafe { libc::getuid() } as i64))
    });
    add_fn(vm, m, "geteuid()", |_, _| {
        Ok(Value::Int(unsafe { libc::geteuid() } as i64))
    });
    add_fn(vm, m, "getgid()", |_, _| {
        Ok(Value::Int(unsafe { libc::getgid() } as i64))
    });
    add_fn(vm, m, "getegid()", |_, _| {
        Ok(Value::Int(unsafe { libc::getegid() } as i64))
    });
    add_fn(vm, m, "getpgrp()", |_, _| {
        Ok(Value::Int(unsafe { libc::getpgrp() } as i64))
    });
    add_fn(vm, m, "umask(mask, /)", |vm, a| {
        let mask = int_arg(vm, a.pos[0])?;
        vm.require(Cap::FsWrite, "umask")?;
        // SAFETY: umask only swaps the process's mask.
        Ok(Value::Int(
            unsafe { libc::umask(mask as libc::mode_t) } as i64
        ))
    });
    add_fn(vm, m, "kill(pid, signal, /)", |vm, a| {
        let pid = int_arg(vm, a.pos[0])?;
        let sig = int_arg(vm, a.pos[1])?;
        vm.require(Cap::Subprocess, "kill")?;
        let (Ok(pid), Ok(sig)) = (i32::try_from(pid), i32::try_from(sig)) else {
            return Err(vm.overflow_error("signed integer is greater than maximum"));
        };
        // SAFETY: kill takes plain integers; errors come back as -1.
        if unsafe { libc::kill(pid, sig) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "waitpid(pid, options, /)", |vm, a| {
        let pid = int_arg(vm, a.pos[0])? as i32;
        let opts = int_arg(vm, a.pos[1])? as i32;
        vm.require(Cap::Subprocess, "waitpid")?;
        let mut status = 0;
        let r = loop {
            // SAFETY: waitpid writes the status int we own.
            let r = unsafe { libc::waitpid(pid, &mut status, opts) };
            if r < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            break r;
        };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(vm.new_tuple(vec![Value::Int(r as i64), Value::Int(status as i64)]))
    });
    add_fn(vm, m, "system(command)", |vm, a| {
        let Some(cmd) = vm.as_str(a.pos[0]).map(str::to_string) else {
            let tn = vm.type_name(a.pos[0]);
            return Err(vm.type_error(format!("system() argument 'command' must be str, not {tn}")));
        };
        vm.require(Cap::Subprocess, "system")?;
        let _ = vm.stdout.flush();
        let st = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(&cmd)
            .status()
            .map_err(|e| oserror::from_io(vm, &e, None))?;
        Ok(Value::Int(st.into_raw() as i64))
    });
    add_fn(vm, m, "_exit(status)", |vm, a| {
        let code = int_arg(vm, a.pos[0])?;
        let _ = vm.stdout.flush();
        std::process::exit(code as i32)
    });
    add_fn(vm, m, "times()", |vm, _| {
        // SAFETY: times fills the tms struct we own.
        let mut t: libc::tms = unsafe { std::mem::zeroed() };
        let elapsed = unsafe { libc::times(&mut t) };
        let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
        let f = [
            t.tms_utime as f64,
            t.tms_stime as f64,
            t.tms_cutime as f64,
            t.tms_cstime as f64,
            elapsed as f64,
        ];
        Ok(vm.new_tuple(f.iter().map(|&x| Value::Float(x / tick)).collect()))
    });
    add_fn(vm, m, "uname()", |vm, _| {
        // SAFETY: uname fills the utsname struct we own with NUL-terminated
        // fields.
        let mut u: libc::utsname = unsafe { std::mem::zeroed() };
        if unsafe { libc::uname(&mut u) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        let field = |f: &[libc::c_char]| {
            // SAFETY: the kernel NUL-terminates each field.
            unsafe { CStr::from_ptr(f.as_ptr()) }
                .to_string_lossy()
                .into_owned()
        };
        let parts = [
            field(&u.sysname),
            field(&u.nodename),
            field(&u.release),
            field(&u.version),
            field(&u.machine),
        ];
        let vals = parts.into_iter().map(|s| vm.new_str(s)).collect();
        Ok(vm.new_tuple(vals))
    });
    add_fn(vm, m, "cpu_count()", |_, _| {
        // SAFETY: sysconf takes a constant and returns -1 when unknown.
        let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
        Ok(if n > 0 {
            Value::Int(n as i64)
        } else {
            Value::None
        })
    });
    add_fn(vm, m, "urandom(size, /)", |vm, a| {
        let n = int_arg(vm, a.pos[0])?;
        if n < 0 {
            return Err(vm.value_error("negative argument not allowed"));
        }
        if n > 1 << 32 {
            return Err(vm.new_error(vm.t.memory_error, ""));
        }
        let mut buf = vec![0u8; n as usize];
        let mut got = 0;
        while got < buf.len() {
            // SAFETY: getrandom writes into the rest of our own buffer.
            let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr().cast(), buf.len() - got, 0) };
            if r < 0 {
                if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(oserror::last_os_error(vm, None, None));
            }
            got += r as usize;
        }
        Ok(new_bytes(vm, buf))
    });
    add_fn(vm, m, "strerror(code, /)", |vm, a| {
        let code = int_arg(vm, a.pos[0])?;
        let s = match i32::try_from(code) {
            Ok(c) => oserror::strerror(c),
            Err(_) => format!("Unknown error {code}"),
        };
        Ok(vm.new_str(s))
    });
    // The environment as a fresh dict of str; empty when the host did not
    // grant Env (os.environ is then empty, and changing it raises).
    add_fn(vm, m, "_environ()", |vm, _| {
        let d = vm.new_dict();
        if !vm.caps.allows(Cap::Env) {
            return Ok(d);
        }
        for (k, v) in std::env::vars_os() {
            let k = vm.new_str(k.to_string_lossy().into_owned());
            let v = vm.new_str(v.to_string_lossy().into_owned());
            vm.dict_set(d, k, v)?;
        }
        Ok(d)
    });
    add_fn(vm, m, "putenv(name, value, /)", |vm, a| {
        let (k, v) = (env_str(vm, a.pos[0])?, env_str(vm, a.pos[1])?);
        if k.is_empty() || k.contains('=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        vm.require(Cap::Env, "putenv")?;
        // Safe in this single-threaded VM: no other thread reads the
        // environment while it changes.
        std::env::set_var(k, v);
        Ok(Value::None)
    });
    add_fn(vm, m, "unsetenv(name, /)", |vm, a| {
        let k = env_str(vm, a.pos[0])?;
        if k.is_empty() || k.contains('=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        vm.require(Cap::Env, "unsetenv")?;
        std::env::remove_var(k);
        Ok(Value::None)
    });
    add_fn(vm, m, "getlogin()", |vm, _| {
        // SAFETY: getlogin returns a static NUL-terminated string or NULL.
        let p = unsafe { libc::getlogin() };
        if p.is_null() {
            return Err(oserror::last_os_error(vm, None, None));
        }
        let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
        Ok(vm.new_str(s))
    });
    // The user name of the uid from the password database (getpass.getuser's
    // last resort); None when there is no entry.
    add_fn(vm, m, "_pw_name(uid, /)", |vm, a| {
        let uid = int_arg(vm, a.pos[0])? as libc::uid_t;
        Ok(match passwd_field(uid, true) {
            Some(s) => vm.new_str(s),
            None => Value::None,
        })
    });
    add_fn(vm, m, "_gr_name(gid, /)", |vm, a| {
        let gid = int_arg(vm, a.pos[0])? as libc::gid_t;
        Ok(match group_name(gid) {
            Some(s) => vm.new_str(s),
            None => Value::None,
        })
    });
    add_fn(vm, m, "_pw_dir(uid, /)", |vm, a| {
        let uid = int_arg(vm, a.pos[0])? as libc::uid_t;
        Ok(match passwd_field(uid, false) {
            Some(s) => vm.new_str(s),
            None => Value::None,
        })
    });
}

/// The name of `gid` in the group database.
fn group_name(gid: libc::gid_t) -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 16384];
    // SAFETY: getgrgid_r fills the group struct and buffer we own; the
    // result pointer is null or points at `gr`.
    let mut gr: libc::group = unsafe { std::mem::zeroed() };
    let mut res: *mut libc::group = std::ptr::null_mut();
    let r = unsafe { libc::getgrgid_r(gid, &mut gr, buf.as_mut_ptr(), buf.len(), &mut res) };
    if r != 0 || res.is_null() || gr.gr_name.is_null() {
        return None;
    }
    // SAFETY: the name points into `buf`, NUL-terminated by the C library.
    Some(
        unsafe { CStr::from_ptr(gr.gr_name) }
            .to_string_lossy()
            .into_owned(),
    )
}

/// The name (or home folder) of `uid` in the password database.
fn passwd_field(uid: libc::uid_t, name: bool) -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 16384];
    // SAFETY: getpwuid_r fills the passwd struct and buffer we own; the
    // result pointer is null or points at `pw`.
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut res: *mut libc::passwd = std::ptr::null_mut();
    let r = unsafe { libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), buf.len(), &mut res) };
    if r != 0 || res.is_null() {
        return None;
    }
    let p = if name { pw.pw_name } else { pw.pw_dir };
    if p.is_null() {
        return None;
    }
    // SAFETY: the field points into `buf`, NUL-terminated by the C library.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

fn env_str(vm: &mut Vm, v: Value) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) if s.contains('\0') => Err(vm.value_error("embedded null character")),
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("str expected, not {tn}")))
        }
    }
}

/// Natives for getpass and platform: terminal echo and the C library's
/// version.
pub fn install_extra(vm: &mut Vm, m: Value) {
    // Turn a terminal's echo on or off; returns whether it was on.
    add_fn(vm, m, "_set_echo(fd, on, /)", |vm, a| {
        let fd = super::fd_arg(vm, a.pos[0])?;
        let on = vm.truthy(a.pos[1])?;
        // SAFETY: tcgetattr/tcsetattr read and write a termios struct we
        // own; a descriptor that is no terminal fails with ENOTTY.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        let was = t.c_lflag & libc::ECHO != 0;
        if on {
            t.c_lflag |= libc::ECHO;
        } else {
            t.c_lflag &= !libc::ECHO;
        }
        if unsafe { libc::tcsetattr(fd, libc::TCSAFLUSH, &t) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Bool(was))
    });
    add_fn(vm, m, "_glibc_version()", |vm, _| {
        // SAFETY: returns a static NUL-terminated string.
        let p = unsafe { libc::gnu_get_libc_version() };
        let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
        Ok(vm.new_str(s))
    });
}
