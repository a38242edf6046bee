//! posix: file descriptors (open, read, write, close, pipe, dup, lseek,
//! isatty, terminal size).

use super::{fd_arg, int_arg, new_bytes, path_arg, path_error};
use crate::builtins::oserror;
use crate::modules::add_fn;
use crate::object::*;
use crate::vm::{Cap, Step, Vm};

/// Reads larger than this are refused before allocating (CPython raises
/// MemoryError or OverflowError for absurd sizes too).
const MAX_READ: i64 = 1 << 40;

pub fn install(vm: &mut Vm, m: Value) {
    add_fn(
        vm,
        m,
        "open(path, flags, mode=511, *, dir_fd=None)",
        |vm, a| {
            let p = path_arg(vm, a.pos[0], "open")?;
            let flags = int_arg(vm, a.pos[1])? as i32;
            let mode = match a.get(vm, 2, "mode") {
                Some(v) => int_arg(vm, v)?,
                None => 0o777,
            };
            let writes = flags & libc::O_ACCMODE != libc::O_RDONLY
                || flags & (libc::O_CREAT | libc::O_TRUNC | libc::O_APPEND) != 0;
            let cap = if writes { Cap::FsWrite } else { Cap::FsRead };
            vm.require_path(cap, "open", &p.path)?;
            let fifo = {
                use std::os::unix::fs::FileTypeExt;
                std::fs::metadata(&p.path).is_ok_and(|m| m.file_type().is_fifo())
            };
            if fifo {
                // Opening a FIFO waits for its other end: in a weft thread
                // only that thread waits (on the thread pool).
                let (c, name) = (p.c(), a.pos[0]);
                let offloaded = vm.offload(&[name], move || {
                    // SAFETY: as below, on a pool thread.
                    let fd = unsafe {
                        libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint)
                    };
                    let r = if fd < 0 {
                        Err(std::io::Error::last_os_error())
                    } else {
                        Ok(fd)
                    };
                    Box::new(move |vm: &mut Vm| {
                        Step::Done(match r {
                            Ok(fd) => Ok(Value::Int(fd as i64)),
                            Err(e) => Err(oserror::from_io(vm, &e, Some(name))),
                        })
                    })
                })?;
                if offloaded {
                    return Ok(Value::None);
                }
            }
            // SAFETY: a valid NUL-terminated path; descriptors are made
            // non-inheritable as CPython's os.open does (PEP 446).
            let fd = unsafe {
                libc::open(
                    p.c().as_ptr(),
                    flags | libc::O_CLOEXEC,
                    mode as libc::c_uint,
                )
            };
            if fd < 0 {
                return Err(path_error(vm, &p));
            }
            Ok(Value::Int(fd as i64))
        },
    );
    add_fn(vm, m, "read(fd, length, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let n = int_arg(vm, a.pos[1])?;
        if n < 0 {
            return Err(vm.value_error("negative buffersize in read"));
        }
        if n > MAX_READ {
            return Err(vm.new_error(vm.t.memory_error, ""));
        }
        vm.require(Cap::FsRead, "read")?;
        // In a weft thread the read waits on the thread pool, so only
        // that thread blocks (a FIFO or pipe with no writer yet).
        let offloaded = vm.offload(&[], move || {
            let r = read_fd(fd, n as usize);
            Box::new(move |vm: &mut Vm| {
                Step::Done(match r {
                    Ok(buf) => Ok(new_bytes(vm, buf)),
                    Err(e) => Err(oserror::from_io(vm, &e, None)),
                })
            })
        })?;
        if offloaded {
            return Ok(Value::None);
        }
        let mut buf = vec![0u8; n as usize];
        // SAFETY: reads at most buf.len() bytes into our own buffer.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        buf.truncate(r as usize);
        Ok(new_bytes(vm, buf))
    });
    add_fn(vm, m, "write(fd, data, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let Some(data) = vm.bytes_of(a.pos[1]) else {
            let tn = vm.type_name(a.pos[1]);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        vm.require(Cap::FsWrite, "write")?;
        if fd == 1 || fd == 2 {
            // Keep order with what print() buffered.
            let _ = vm.stdout.flush();
        }
        if fd > 2 {
            // In a weft thread a write to a full pipe waits on the pool.
            let buf = data.clone();
            let offloaded = vm.offload(&[], move || {
                // SAFETY: writes at most buf.len() bytes from our own buffer.
                let r = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
                let r = if r < 0 {
                    Err(std::io::Error::last_os_error())
                } else {
                    Ok(r as i64)
                };
                Box::new(move |vm: &mut Vm| {
                    Step::Done(
                        r.map(Value::Int)
                            .map_err(|e| oserror::from_io(vm, &e, None)),
                    )
                })
            })?;
            if offloaded {
                return Ok(Value::None);
            }
        }
        // SAFETY: writes at most data.len() bytes from our own buffer.
        let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "close(fd)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: closing a caller's descriptor; a bad one fails with EBADF.
        if unsafe { libc::close(fd) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "closerange(fd_low, fd_high, /)", |vm, a| {
        let lo = fd_arg(vm, a.pos[0])?;
        let hi = fd_arg(vm, a.pos[1])?;
        for fd in lo.max(0)..hi {
            // SAFETY: as close(); errors are ignored, as CPython does.
            unsafe { libc::close(fd) };
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "pipe()", |vm, _| {
        vm.require(Cap::FsWrite, "pipe")?;
        let mut fds = [0i32; 2];
        // SAFETY: pipe2 fills the two-int array we own.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(vm.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
    });
    add_fn(vm, m, "dup(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: duplicating a caller's descriptor (non-inheritable).
        let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "dup2(fd, fd2, inheritable=True)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let fd2 = fd_arg(vm, a.pos[1])?;
        let inheritable = match a.get(vm, 2, "inheritable") {
            Some(v) => vm.truthy(v)?,
            None => true,
        };
        if fd2 == 1 || fd2 == 2 {
            let _ = vm.stdout.flush();
        }
        let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
        // SAFETY: dup3/dup2 on caller's descriptors; errors come back as -1.
        let r = unsafe {
            if fd == fd2 {
                libc::dup2(fd, fd2)
            } else {
                libc::dup3(fd, fd2, flags)
            }
        };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r as i64))
    });
    add_fn(vm, m, "isatty(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: isatty only queries the descriptor.
        Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
    });
    add_fn(vm, m, "lseek(fd, position, whence, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let pos = int_arg(vm, a.pos[1])?;
        let how = int_arg(vm, a.pos[2])? as i32;
        // SAFETY: lseek on a caller's descriptor; errors come back as -1.
        let r = unsafe { libc::lseek(fd, pos, how) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Int(r))
    });
    add_fn(vm, m, "ftruncate(fd, length, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let len = int_arg(vm, a.pos[1])?;
        vm.require(Cap::FsWrite, "ftruncate")?;
        // SAFETY: as lseek.
        if unsafe { libc::ftruncate(fd, len) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "fsync(fd)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: as lseek.
        if unsafe { libc::fsync(fd) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "get_inheritable(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: reads the descriptor's flags.
        let r = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Bool(r & libc::FD_CLOEXEC == 0))
    });
    add_fn(vm, m, "set_inheritable(fd, inheritable, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let on = vm.truthy(a.pos[1])?;
        // SAFETY: reads then sets the descriptor's flags.
        let r = unsafe {
            let f = libc::fcntl(fd, libc::F_GETFD);
            if f < 0 {
                f
            } else if on {
                libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC)
            } else {
                libc::fcntl(fd, libc::F_SETFD, f | libc::FD_CLOEXEC)
            }
        };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "get_blocking(fd, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        // SAFETY: reads the descriptor's status flags.
        let r = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::Bool(r & libc::O_NONBLOCK == 0))
    });
    add_fn(vm, m, "set_blocking(fd, blocking, /)", |vm, a| {
        let fd = fd_arg(vm, a.pos[0])?;
        let on = vm.truthy(a.pos[1])?;
        // SAFETY: reads then sets the descriptor's status flags.
        let r = unsafe {
            let f = libc::fcntl(fd, libc::F_GETFL);
            if f < 0 {
                f
            } else if on {
                libc::fcntl(fd, libc::F_SETFL, f & !libc::O_NONBLOCK)
            } else {
                libc::fcntl(fd, libc::F_SETFL, f | libc::O_NONBLOCK)
            }
        };
        if r < 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "get_terminal_size(fd=1, /)", |vm, a| {
        let fd = match a.pos.first() {
            Some(&v) => fd_arg(vm, v)?,
            None => 1,
        };
        // SAFETY: TIOCGWINSZ fills the winsize struct we own.
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
            return Err(oserror::last_os_error(vm, None, None));
        }
        Ok(vm.new_tuple(vec![
            Value::Int(ws.ws_col as i64),
            Value::Int(ws.ws_row as i64),
        ]))
    });
}

/// One read(2) of at most `n` bytes (retried on EINTR), off the VM.
fn read_fd(fd: i32, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    loop {
        // SAFETY: reads at most buf.len() bytes into our own buffer.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(buf);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}
