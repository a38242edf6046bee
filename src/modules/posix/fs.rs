//! posix: paths and folders (stat, listdir, scandir, mkdir, rename, links,
//! chmod, utime, access, cwd).

use std::ffi::CString;
use std::os::unix::fs::DirEntryExt;

use super::{fd_arg, flag, int_arg, io_path_error, name_value, path_arg, path_error, PathArg};
use crate::builtins::oserror;
use crate::modules::add_fn;
use crate::object::*;
use crate::vm::{Cap, Vm};

pub fn install(vm: &mut Vm, m: Value) {
    add_fn(
        vm,
        m,
        "stat(path, *, dir_fd=None, follow_symlinks=True)",
        |vm, a| {
            no_dir_fd(vm, &a, "dir_fd")?;
            let follow = flag(vm, a.kw(vm, "follow_symlinks"), true)?;
            stat_any(vm, a.pos[0], follow, "stat")
        },
    );
    add_fn(vm, m, "lstat(path, *, dir_fd=None)", |vm, a| {
        no_dir_fd(vm, &a, "dir_fd")?;
        stat_any(vm, a.pos[0], false, "lstat")
    });
    add_fn(vm, m, "fstat(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        vm.require(Cap::FsRead, "fstat")?;
        // SAFETY: fstat writes a plain C struct we own; an invalid fd only
        // makes it fail with EBADF.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(stat_tuple(vm, &st))
    });
    add_fn(vm, m, "listdir(path=None)", |vm, a| {
        let v = match a.get(vm, 0, "path") {
            None | Some(Value::None) => vm.new_str("."),
            Some(v) => v,
        };
        let p = path_arg(vm, v, "listdir")?;
        vm.require_path(Cap::FsRead, "listdir", &p.path)?;
        let rd = std::fs::read_dir(&p.path).map_err(|e| io_path_error(vm, &e, &p))?;
        let mut names = Vec::new();
        for e in rd {
            let e = e.map_err(|e| io_path_error(vm, &e, &p))?;
            names.push(name_value(vm, &e.file_name(), p.bytes));
        }
        Ok(vm.new_list(names))
    });
    // (name, kind, inode) per entry; kind: 1 file, 2 folder, 3 symlink,
    // 4 other, 0 unknown. os.scandir builds its DirEntry objects on it.
    add_fn(vm, m, "_scandir(path, /)", |vm, a| {
        let p = path_arg(vm, a.pos[0], "scandir")?;
        vm.require_path(Cap::FsRead, "scandir", &p.path)?;
        let rd = std::fs::read_dir(&p.path).map_err(|e| io_path_error(vm, &e, &p))?;
        let mut out = Vec::new();
        for e in rd {
            let e = e.map_err(|e| io_path_error(vm, &e, &p))?;
            let kind = match e.file_type() {
                Ok(t) if t.is_symlink() => 3,
                Ok(t) if t.is_dir() => 2,
                Ok(t) if t.is_file() => 1,
                Ok(_) => 4,
                Err(_) => 0,
            };
            let name = name_value(vm, &e.file_name(), p.bytes);
            let t = vm.new_tuple(vec![name, Value::Int(kind), Value::Int(e.ino() as i64)]);
            out.push(t);
        }
        Ok(vm.new_list(out))
    });
    add_fn(vm, m, "mkdir(path, mode=511, *, dir_fd=None)", |vm, a| {
        no_dir_fd(vm, &a, "dir_fd")?;
        let p = path_arg(vm, a.pos[0], "mkdir")?;
        let mode = match a.get(vm, 1, "mode") {
            Some(v) => int_arg(vm, v)?,
            None => 0o777,
        };
        vm.require_path(Cap::FsWrite, "mkdir", &p.path)?;
        // SAFETY: a valid NUL-terminated path; mkdir only reads it.
        let r = unsafe { libc::mkdir(p.c().as_ptr(), mode as libc::mode_t) };
        check(vm, r, &p)
    });
    add_fn(vm, m, "rmdir(path, *, dir_fd=None)", |vm, a| {
        no_dir_fd(vm, &a, "dir_fd")?;
        let p = path_arg(vm, a.pos[0], "rmdir")?;
        vm.require_path(Cap::FsWrite, "rmdir", &p.path)?;
        std::fs::remove_dir(&p.path).map_err(|e| io_path_error(vm, &e, &p))?;
        Ok(Value::None)
    });
    add_fn(vm, m, "unlink(path, *, dir_fd=None)", unlink);
    add_fn(vm, m, "remove(path, *, dir_fd=None)", unlink);
    add_fn(
        vm,
        m,
        "rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)",
        |vm, a| two_paths(vm, a, "rename"),
    );
    add_fn(
        vm,
        m,
        "replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)",
        |vm, a| two_paths(vm, a, "replace"),
    );
    add_fn(
        vm,
        m,
        "link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)",
        |vm, a| two_paths(vm, a, "link"),
    );
    add_fn(
        vm,
        m,
        "symlink(src, dst, target_is_directory=False, *, dir_fd=None)",
        |vm, a| two_paths(vm, a, "symlink"),
    );
    add_fn(vm, m, "readlink(path, *, dir_fd=None)", |vm, a| {
        no_dir_fd(vm, &a, "dir_fd")?;
        let p = path_arg(vm, a.pos[0], "readlink")?;
        vm.require_path(Cap::FsRead, "readlink", &p.path)?;
        let t = std::fs::read_link(&p.path).map_err(|e| io_path_error(vm, &e, &p))?;
        Ok(name_value(vm, t.as_os_str(), p.bytes))
    });
    add_fn(
        vm,
        m,
        "chmod(path, mode, *, dir_fd=None, follow_symlinks=True)",
        |vm, a| {
            no_dir_fd(vm, &a, "dir_fd")?;
            let mode = int_arg(vm, a.pos[1])? as libc::mode_t;
            if let Value::Int(fd) = a.pos[0] {
                vm.require(Cap::FsWrite, "chmod")?;
                // SAFETY: fchmod on a caller's fd; a bad fd fails with EBADF.
                let r = unsafe { libc::fchmod(fd as i32, mode) };
                if r != 0 {
                    return Err(oserror::last_os_error(vm, None, None));
                }
                return Ok(Value::None);
            }
            let p = path_arg(vm, a.pos[0], "chmod")?;
            vm.require_path(Cap::FsWrite, "chmod", &p.path)?;
            // SAFETY: a valid NUL-terminated path.
            let r = unsafe { libc::chmod(p.c().as_ptr(), mode) };
            check(vm, r, &p)
        },
    );
    add_fn(
        vm,
        m,
        "utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)",
        utime,
    );
    add_fn(
        vm,
        m,
        "access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)",
        |vm, a| {
            no_dir_fd(vm, &a, "dir_fd")?;
            let p = path_arg(vm, a.pos[0], "access")?;
            let mode = int_arg(vm, a.pos[1])? as i32;
            vm.require_path(Cap::FsRead, "access", &p.path)?;
            // SAFETY: a valid NUL-terminated path.
            let r = unsafe { libc::access(p.c().as_ptr(), mode) };
            Ok(Value::Bool(r == 0))
        },
    );
    add_fn(vm, m, "getcwd()", |vm, _| {
        vm.require(Cap::FsRead, "getcwd")?;
        let d = std::env::current_dir().map_err(|e| oserror::from_io(vm, &e, None))?;
        Ok(name_value(vm, d.as_os_str(), false))
    });
    add_fn(vm, m, "getcwdb()", |vm, _| {
        vm.require(Cap::FsRead, "getcwd")?;
        let d = std::env::current_dir().map_err(|e| oserror::from_io(vm, &e, None))?;
        Ok(name_value(vm, d.as_os_str(), true))
    });
    add_fn(vm, m, "chdir(path)", |vm, a| {
        let p = path_arg(vm, a.pos[0], "chdir")?;
        vm.require_path(Cap::FsRead, "chdir", &p.path)?;
        std::env::set_current_dir(&p.path).map_err(|e| io_path_error(vm, &e, &p))?;
        Ok(Value::None)
    });
    add_fn(vm, m, "truncate(path, length)", |vm, a| {
        let len = int_arg(vm, a.pos[1])?;
        if let Value::Int(fd) = a.pos[0] {
            vm.require(Cap::FsWrite, "truncate")?;
            // SAFETY: ftruncate on a caller's fd; bad values fail with errno.
            if unsafe { libc::ftruncate(fd as i32, len) } != 0 {
                return Err(oserror::last_os_error(vm, None, None));
            }
            return Ok(Value::None);
        }
        let p = path_arg(vm, a.pos[0], "truncate")?;
        vm.require_path(Cap::FsWrite, "truncate", &p.path)?;
        // SAFETY: a valid NUL-terminated path.
        let r = unsafe { libc::truncate(p.c().as_ptr(), len) };
        check(vm, r, &p)
    });
    add_fn(vm, m, "statvfs(path)", |vm, a| {
        let p = path_arg(vm, a.pos[0], "statvfs")?;
        vm.require_path(Cap::FsRead, "statvfs", &p.path)?;
        // SAFETY: statvfs fills a plain C struct we own from a valid path.
        let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statvfs(p.c().as_ptr(), &mut st) } != 0 {
            return Err(path_error(vm, &p));
        }
        let f = [
            st.f_bsize as i64,
            st.f_frsize as i64,
            st.f_blocks as i64,
            st.f_bfree as i64,
            st.f_bavail as i64,
            st.f_files as i64,
            st.f_ffree as i64,
            st.f_favail as i64,
            st.f_flag as i64,
            st.f_namemax as i64,
        ];
        Ok(vm.new_tuple(f.iter().map(|&x| Value::Int(x)).collect()))
    });
}

/// dir_fd-style arguments: only None (the default) is supported.
fn no_dir_fd(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    match a.kw(vm, name) {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(vm.new_error(
            vm.t.not_implemented_error,
            format!("{name} unavailable on this platform"),
        )),
    }
}

fn check(vm: &mut Vm, r: i32, p: &PathArg) -> PyResult<Value> {
    if r != 0 {
        return Err(path_error(vm, p));
    }
    Ok(Value::None)
}

fn unlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_dir_fd(vm, &a, "dir_fd")?;
    let p = path_arg(vm, a.pos[0], "remove")?;
    vm.require_path(Cap::FsWrite, "remove", &p.path)?;
    // SAFETY: a valid NUL-terminated path.
    let r = unsafe { libc::unlink(p.c().as_ptr()) };
    check(vm, r, &p)
}

/// rename, replace, link and symlink: errors name both paths.
fn two_paths(vm: &mut Vm, a: Args, what: &str) -> PyResult<Value> {
    no_dir_fd(vm, &a, "dir_fd")?;
    no_dir_fd(vm, &a, "src_dir_fd")?;
    no_dir_fd(vm, &a, "dst_dir_fd")?;
    let src = path_arg(vm, a.pos[0], what)?;
    let dst = path_arg(vm, a.pos[1], what)?;
    if src.bytes != dst.bytes && what != "symlink" {
        return Err(vm.type_error(format!("{what}: src and dst must be the same type")));
    }
    if what != "symlink" {
        vm.require_path(Cap::FsWrite, what, &src.path)?;
    }
    vm.require_path(Cap::FsWrite, what, &dst.path)?;
    let (s, d): (CString, CString) = (src.c(), dst.c());
    // SAFETY: both are valid NUL-terminated paths the calls only read.
    let r = unsafe {
        match what {
            "link" => libc::link(s.as_ptr(), d.as_ptr()),
            "symlink" => libc::symlink(s.as_ptr(), d.as_ptr()),
            _ => libc::rename(s.as_ptr(), d.as_ptr()),
        }
    };
    if r != 0 {
        return Err(oserror::last_os_error(vm, Some(src.orig), Some(dst.orig)));
    }
    Ok(Value::None)
}

fn utime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_dir_fd(vm, &a, "dir_fd")?;
    let follow = flag(vm, a.kw(vm, "follow_symlinks"), true)?;
    let p = path_arg(vm, a.pos[0], "utime")?;
    let times = a.get(vm, 1, "times").filter(|v| !v.is_none());
    let ns = a.kw(vm, "ns").filter(|v| !v.is_none());
    let now = libc::timespec {
        tv_sec: 0,
        tv_nsec: libc::UTIME_NOW,
    };
    let mut ts = [now, now];
    match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (Some(t), None) => {
            let items = tuple_pair(
                vm,
                t,
                "utime: 'times' must be either a tuple of two ints or None",
            )?;
            for (i, v) in items.into_iter().enumerate() {
                let secs = number(vm, v)?;
                let whole = secs.floor();
                ts[i] = libc::timespec {
                    tv_sec: whole as libc::time_t,
                    tv_nsec: ((secs - whole) * 1e9) as libc::c_long,
                };
            }
        }
        (None, Some(n)) => {
            let items = tuple_pair(vm, n, "utime: 'ns' must be a tuple of two ints")?;
            for (i, v) in items.into_iter().enumerate() {
                let n = int_arg(vm, v)?;
                ts[i] = libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000) as libc::time_t,
                    tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long,
                };
            }
        }
        (None, None) => {}
    }
    vm.require_path(Cap::FsWrite, "utime", &p.path)?;
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: a valid path and a two-element timespec array we own.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, p.c().as_ptr(), ts.as_ptr(), flags) };
    check(vm, r, &p)
}

fn tuple_pair(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Tuple(t) if t.len() == 2 => t.to_vec(),
            _ => return Err(vm.type_error(msg.to_string())),
        },
        _ => return Err(vm.type_error(msg.to_string())),
    };
    Ok(items)
}

fn number(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(i as f64),
        Value::Float(f) => Ok(f),
        Value::Bool(b) => Ok(b as i64 as f64),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("an integer or float is required, not {tn}")))
        }
    }
}

/// stat / lstat of a path, or fstat of an int fd.
fn stat_any(vm: &mut Vm, v: Value, follow: bool, what: &str) -> PyResult<Value> {
    // SAFETY: the stat calls fill a plain C struct we own, from a valid
    // NUL-terminated path or a caller's fd (a bad one fails with EBADF).
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if let Value::Int(fd) = v {
        vm.require(Cap::FsRead, what)?;
        if unsafe { libc::fstat(fd as i32, &mut st) } != 0 {
            return Err(oserror::last_os_error(vm, Some(v), None));
        }
        return Ok(stat_tuple(vm, &st));
    }
    let p = path_arg(vm, v, what)?;
    vm.require_path(Cap::FsRead, what, &p.path)?;
    let c = p.c();
    let r = unsafe {
        if follow {
            libc::stat(c.as_ptr(), &mut st)
        } else {
            libc::lstat(c.as_ptr(), &mut st)
        }
    };
    if r != 0 {
        return Err(path_error(vm, &p));
    }
    Ok(stat_tuple(vm, &st))
}

/// The fields os.stat_result is built from: mode, ino, dev, nlink, uid,
/// gid, size, atime, mtime, ctime (floats), their _ns ints, blksize,
/// blocks, rdev.
fn stat_tuple(vm: &mut Vm, st: &libc::stat) -> Value {
    let secs = |s: i64, ns: i64| s as f64 + ns as f64 * 1e-9;
    let ns = |s: i64, ns: i64| Value::Int(s.saturating_mul(1_000_000_000).saturating_add(ns));
    let items = vec![
        Value::Int(st.st_mode as i64),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        Value::Float(secs(st.st_atime, st.st_atime_nsec)),
        Value::Float(secs(st.st_mtime, st.st_mtime_nsec)),
        Value::Float(secs(st.st_ctime, st.st_ctime_nsec)),
        ns(st.st_atime, st.st_atime_nsec),
        ns(st.st_mtime, st.st_mtime_nsec),
        ns(st.st_ctime, st.st_ctime_nsec),
        Value::Int(st.st_blksize),
        Value::Int(st.st_blocks),
        Value::Int(st.st_rdev as i64),
    ];
    vm.new_tuple(items)
}
