//! `_socket`: the socket type and the module functions asyncio users touch
//! (the object and its I/O are in src/aio/socket.rs). stdlib/socket.py
//! re-exports it and adds what is natural in weft (create_connection,
//! create_server, the `timeout` alias).

use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd};

use socket2::{Protocol, Socket};

use crate::aio::oserror;
use crate::aio::socket::{
    self as so, open_fd, sock_mut, sock_ref, with_sock, AF_INET, AF_INET6, AF_UNIX,
};
use crate::builtins::{add_method, add_staticmethod};
use crate::modules::{add_fn, new_module, set_attr};
use crate::object::*;
use crate::vm::{Cap, Vm};

fn socket_class(vm: &mut Vm) -> ObjRef {
    let c = vm.native_class("socket", None);
    vm.native_classes.insert("socket.socket", c);
    c
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn opt_int(vm: &mut Vm, a: &Args, i: usize, name: &str, default: i64) -> PyResult<i64> {
    match a.get(vm, i, name) {
        Some(Value::None) | None => Ok(default),
        Some(v) => int_arg(vm, v),
    }
}

fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    vm.bytes_of(v).ok_or_else(|| {
        let tn = vm.type_name(v);
        vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
    })
}

fn family_of(vm: &Vm, v: Value) -> i32 {
    sock_ref(vm, v).map_or(AF_INET, |s| s.family)
}

fn bytes_value(vm: &mut Vm, b: Vec<u8>) -> Value {
    vm.alloc(Obj::Bytes(b.into_boxed_slice()))
}

/// Read up to `n` bytes with `op` into a fresh buffer.
fn recv_buf(
    vm: &mut Vm,
    s: Value,
    n: i64,
    flags: i32,
    with_addr: bool,
) -> PyResult<(Vec<u8>, Option<socket2::SockAddr>)> {
    if n < 0 {
        return Err(vm.value_error("negative buffersize in recv"));
    }
    let n = n.min(1 << 30) as usize;
    let mut buf: Vec<std::mem::MaybeUninit<u8>> = vec![std::mem::MaybeUninit::uninit(); n];
    let (got, addr) = with_sock(vm, s, false, |sock| {
        if with_addr {
            sock.recv_from_with_flags(&mut buf, flags)
                .map(|(g, a)| (g, Some(a)))
        } else {
            sock.recv_with_flags(&mut buf, flags).map(|g| (g, None))
        }
    })?;
    // SAFETY: the kernel initialised the first `got` bytes.
    let out: Vec<u8> = buf[..got]
        .iter()
        .map(|b| unsafe { b.assume_init() })
        .collect();
    Ok((out, addr))
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    vm.require(Cap::Net, "socket")?;
    let m = new_module(vm, "_socket");
    let cls = socket_class(vm);
    set_attr(vm, m, "socket", Value::Obj(cls));
    set_attr(vm, m, "SocketType", Value::Obj(cls));
    let modname = vm.new_str("socket");
    crate::builtins::set_class_attr(vm, cls, "__module__", modname);

    // Exceptions: gaierror and herror are OSError subclasses of this module.
    for name in ["gaierror", "herror"] {
        let n = vm.new_str(name);
        let bases = vm.new_tuple(vec![Value::Obj(vm.t.os_error)]);
        let d = vm.new_dict();
        let mk = vm.new_str("__module__");
        let mv = vm.new_str("socket");
        vm.dict_set(d, mk, mv)?;
        let c = vm.call(Value::Obj(vm.t.type_), &[n, bases, d])?;
        if let Value::Obj(c) = c {
            let key = if name == "gaierror" {
                "socket.gaierror"
            } else {
                "socket.herror"
            };
            vm.native_classes.insert(key, c);
        }
        set_attr(vm, m, name, c);
    }
    set_attr(vm, m, "error", Value::Obj(vm.t.os_error));
    set_attr(vm, m, "timeout", Value::Obj(vm.t.timeout_error));

    for (name, v) in [
        ("AF_UNIX", AF_UNIX),
        ("AF_INET", AF_INET),
        ("AF_INET6", AF_INET6),
        ("AF_UNSPEC", libc::AF_UNSPEC),
        ("SOCK_STREAM", libc::SOCK_STREAM),
        ("SOCK_DGRAM", libc::SOCK_DGRAM),
        ("SOCK_RAW", libc::SOCK_RAW),
        ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
        ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
        ("SOL_SOCKET", libc::SOL_SOCKET),
        ("SO_REUSEADDR", libc::SO_REUSEADDR),
        ("SO_REUSEPORT", libc::SO_REUSEPORT),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
        ("SO_BROADCAST", libc::SO_BROADCAST),
        ("SO_ERROR", libc::SO_ERROR),
        ("SO_TYPE", libc::SO_TYPE),
        ("SO_SNDBUF", libc::SO_SNDBUF),
        ("SO_RCVBUF", libc::SO_RCVBUF),
        ("SO_LINGER", libc::SO_LINGER),
        ("IPPROTO_IP", libc::IPPROTO_IP),
        ("IPPROTO_TCP", libc::IPPROTO_TCP),
        ("IPPROTO_UDP", libc::IPPROTO_UDP),
        ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
        ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
        ("TCP_NODELAY", libc::TCP_NODELAY),
        ("SHUT_RD", libc::SHUT_RD),
        ("SHUT_WR", libc::SHUT_WR),
        ("SHUT_RDWR", libc::SHUT_RDWR),
        ("SOMAXCONN", libc::SOMAXCONN),
        ("MSG_PEEK", libc::MSG_PEEK),
        ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
        ("AI_PASSIVE", libc::AI_PASSIVE),
        ("AI_CANONNAME", libc::AI_CANONNAME),
        ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
        ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
        ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
        ("NI_NUMERICHOST", libc::NI_NUMERICHOST),
        ("NI_NUMERICSERV", libc::NI_NUMERICSERV),
        ("EAI_NONAME", libc::EAI_NONAME),
        ("EAI_AGAIN", libc::EAI_AGAIN),
        ("INADDR_ANY", 0),
    ] {
        set_attr(vm, m, name, Value::Int(v as i64));
    }
    set_attr(vm, m, "has_ipv6", Value::Bool(true));

    add_staticmethod(
        vm,
        cls,
        "__new__(cls, family=-1, type=-1, proto=-1, fileno=None)",
        socket_new,
    );
    add_method(vm, cls, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    install_methods(vm, cls);
    install_functions(vm, m);
    Ok(m)
}

fn socket_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.require(Cap::Net, "socket")?;
    let Value::Obj(cls) = a.pos[0] else {
        return Err(vm.type_error("socket.__new__(X): X is not a type object"));
    };
    let mut family = opt_int(vm, &a, 1, "family", -1)? as i32;
    let mut kind = opt_int(vm, &a, 2, "type", -1)? as i32;
    let mut proto = opt_int(vm, &a, 3, "proto", -1)? as i32;
    let fileno = a.get(vm, 4, "fileno").filter(|v| !v.is_none());
    let sock = if let Some(f) = fileno {
        let fd = int_arg(vm, f)?;
        if fd < 0 || fd > i32::MAX as i64 {
            return Err(vm.value_error("negative file descriptor"));
        }
        // SAFETY: the script hands us ownership of this fd, as in CPython.
        let s = unsafe { Socket::from_raw_fd(fd as i32) };
        if family == -1 {
            family = s.local_addr().map(|a| a.family() as i32).unwrap_or(AF_INET);
        }
        if kind == -1 {
            kind = s.r#type().map(i32::from).unwrap_or(libc::SOCK_STREAM);
        }
        if proto == -1 {
            proto = 0;
        }
        s
    } else {
        if family == -1 {
            family = AF_INET;
        }
        if kind == -1 {
            kind = libc::SOCK_STREAM;
        }
        if proto == -1 {
            proto = 0;
        }
        let p = (proto != 0).then(|| Protocol::from(proto));
        Socket::new(so::domain(family), so::sock_type(kind), p)
            .map_err(|e| oserror::from_io(vm, &e))?
    };
    // SOCK_NONBLOCK in type means timeout 0.0, as CPython does.
    let nonblock = kind & libc::SOCK_NONBLOCK != 0;
    let kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let v = so::new_socket(vm, cls, sock, family, kind, proto);
    if nonblock {
        set_timeout(vm, v, Some(0.0))?;
    }
    Ok(v)
}

fn set_timeout(vm: &mut Vm, s: Value, t: Option<f64>) -> PyResult<()> {
    open_fd(vm, s)?;
    let nonblocking = t.is_some();
    let r = sock_mut(vm, s).and_then(|so| {
        so.timeout = t;
        so.sock.as_ref().map(|k| k.set_nonblocking(nonblocking))
    });
    match r {
        Some(Err(e)) => Err(oserror::from_io(vm, &e)),
        _ => Ok(()),
    }
}

fn timeout_arg(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let t = crate::builtins::num::to_f64(vm, v)?;
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    Ok(Some(t))
}

fn install_methods(vm: &mut Vm, cls: ObjRef) {
    add_method(vm, cls, "fileno()", |vm, a| {
        Ok(Value::Int(
            sock_ref(vm, a.pos[0])
                .and_then(|s| s.sock.as_ref())
                .map_or(-1, |s| s.as_raw_fd() as i64),
        ))
    });
    add_method(vm, cls, "close()", |vm, a| {
        // Dropping the Socket closes the fd.
        if let Some(s) = sock_mut(vm, a.pos[0]) {
            s.sock = None;
        }
        Ok(Value::None)
    });
    add_method(vm, cls, "detach()", |vm, a| {
        let fd = sock_mut(vm, a.pos[0])
            .and_then(|s| s.sock.take())
            .map_or(-1, |s| s.into_raw_fd() as i64);
        Ok(Value::Int(fd))
    });
    add_method(vm, cls, "__enter__()", |_, a| Ok(a.pos[0]));
    add_method(vm, cls, "__exit__(*args)", |vm, a| {
        if let Some(s) = sock_mut(vm, a.pos[0]) {
            s.sock = None;
        }
        Ok(Value::None)
    });
    add_method(vm, cls, "setblocking(flag, /)", |vm, a| {
        let b = vm.truthy(a.pos[1])?;
        set_timeout(vm, a.pos[0], if b { None } else { Some(0.0) })?;
        Ok(Value::None)
    });
    add_method(vm, cls, "getblocking()", |vm, a| {
        open_fd(vm, a.pos[0])?;
        let t = sock_ref(vm, a.pos[0]).and_then(|s| s.timeout);
        Ok(Value::Bool(t != Some(0.0)))
    });
    add_method(vm, cls, "settimeout(value, /)", |vm, a| {
        let t = timeout_arg(vm, a.pos[1])?;
        set_timeout(vm, a.pos[0], t)?;
        Ok(Value::None)
    });
    add_method(vm, cls, "gettimeout()", |vm, a| {
        Ok(sock_ref(vm, a.pos[0])
            .and_then(|s| s.timeout)
            .map_or(Value::None, Value::Float))
    });
    add_method(
        vm,
        cls,
        "setsockopt(level, option, value, optlen=None, /)",
        |vm, a| {
            let (fd, _) = open_fd(vm, a.pos[0])?;
            let level = int_arg(vm, a.pos[1])? as i32;
            let opt = int_arg(vm, a.pos[2])? as i32;
            let buf: Vec<u8> = match a.pos[3] {
                Value::Int(_) | Value::Bool(_) => {
                    (int_arg(vm, a.pos[3])? as i32).to_ne_bytes().to_vec()
                }
                v => bytes_arg(vm, v)?,
            };
            // SAFETY: buf is valid for buf.len() bytes.
            let r = unsafe {
                libc::setsockopt(
                    fd,
                    level,
                    opt,
                    buf.as_ptr().cast(),
                    buf.len() as libc::socklen_t,
                )
            };
            if r < 0 {
                return Err(oserror::last(vm));
            }
            Ok(Value::None)
        },
    );
    add_method(
        vm,
        cls,
        "getsockopt(level, option, buflen=0, /)",
        |vm, a| {
            let (fd, _) = open_fd(vm, a.pos[0])?;
            let level = int_arg(vm, a.pos[1])? as i32;
            let opt = int_arg(vm, a.pos[2])? as i32;
            let buflen = opt_int(vm, &a, 3, "buflen", 0)?;
            if !(0..=1024).contains(&buflen) {
                return Err(oserror::from_errno(vm, libc::EINVAL));
            }
            let mut buf = vec![0u8; if buflen == 0 { 4 } else { buflen as usize }];
            let mut len = buf.len() as libc::socklen_t;
            // SAFETY: buf holds len bytes; len is updated by the kernel.
            let r = unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) };
            if r < 0 {
                return Err(oserror::last(vm));
            }
            if buflen == 0 {
                let mut b = [0u8; 4];
                b.copy_from_slice(&buf[..4]);
                return Ok(Value::Int(i32::from_ne_bytes(b) as i64));
            }
            buf.truncate(len as usize);
            Ok(bytes_value(vm, buf))
        },
    );
    add_method(vm, cls, "bind(address, /)", |vm, a| {
        let fam = family_of(vm, a.pos[0]);
        let addr = so::value_to_addr(vm, fam, a.pos[1], "bind")?;
        with_sock(vm, a.pos[0], false, |s| s.bind(&addr))?;
        Ok(Value::None)
    });
    add_method(vm, cls, "listen(backlog=128, /)", |vm, a| {
        let n = opt_int(vm, &a, 1, "backlog", 128)?.clamp(0, i32::MAX as i64) as i32;
        with_sock(vm, a.pos[0], false, |s| s.listen(n))?;
        Ok(Value::None)
    });
    add_method(vm, cls, "accept()", |vm, a| {
        let (fam, kind, proto) =
            sock_ref(vm, a.pos[0]).map_or((AF_INET, 1, 0), |s| (s.family, s.kind, s.proto));
        let (s, addr) = with_sock(vm, a.pos[0], false, |s| s.accept())?;
        let cls = socket_class(vm);
        let conn = so::new_socket(vm, cls, s, fam, kind, proto);
        let addr = so::addr_to_value(vm, &addr);
        Ok(vm.new_tuple(vec![conn, addr]))
    });
    add_method(vm, cls, "connect(address, /)", |vm, a| {
        let r = connect(vm, a.pos[0], a.pos[1])?;
        if r != 0 {
            return Err(oserror::from_errno(vm, r));
        }
        Ok(Value::None)
    });
    add_method(vm, cls, "connect_ex(address, /)", |vm, a| {
        Ok(Value::Int(connect(vm, a.pos[0], a.pos[1])? as i64))
    });
    add_method(vm, cls, "send(data, flags=0, /)", |vm, a| {
        let data = bytes_arg(vm, a.pos[1])?;
        let flags = opt_int(vm, &a, 2, "flags", 0)? as i32 | libc::MSG_NOSIGNAL;
        let n = with_sock(vm, a.pos[0], true, |s| s.send_with_flags(&data, flags))?;
        Ok(Value::Int(n as i64))
    });
    add_method(vm, cls, "sendall(data, flags=0, /)", |vm, a| {
        let data = bytes_arg(vm, a.pos[1])?;
        let flags = opt_int(vm, &a, 2, "flags", 0)? as i32 | libc::MSG_NOSIGNAL;
        let mut off = 0;
        while off < data.len() {
            off += with_sock(vm, a.pos[0], true, |s| {
                s.send_with_flags(&data[off..], flags)
            })?;
        }
        Ok(Value::None)
    });
    add_method(
        vm,
        cls,
        "sendto(data, flags_or_address, address=None, /)",
        |vm, a| {
            let data = bytes_arg(vm, a.pos[1])?;
            let (flags, addr) = match a.pos.get(3) {
                Some(&addr) => (int_arg(vm, a.pos[2])? as i32, addr),
                None => (0, a.pos[2]),
            };
            let fam = family_of(vm, a.pos[0]);
            let addr = so::value_to_addr(vm, fam, addr, "sendto")?;
            let n = with_sock(vm, a.pos[0], true, |s| {
                s.send_to_with_flags(&data, &addr, flags | libc::MSG_NOSIGNAL)
            })?;
            Ok(Value::Int(n as i64))
        },
    );
    add_method(vm, cls, "recv(bufsize, flags=0, /)", |vm, a| {
        let n = int_arg(vm, a.pos[1])?;
        let flags = opt_int(vm, &a, 2, "flags", 0)? as i32;
        let (b, _) = recv_buf(vm, a.pos[0], n, flags, false)?;
        Ok(bytes_value(vm, b))
    });
    add_method(vm, cls, "recvfrom(bufsize, flags=0, /)", |vm, a| {
        let n = int_arg(vm, a.pos[1])?;
        let flags = opt_int(vm, &a, 2, "flags", 0)? as i32;
        let (b, addr) = recv_buf(vm, a.pos[0], n, flags, true)?;
        let b = bytes_value(vm, b);
        let addr = match addr {
            Some(ad) => so::addr_to_value(vm, &ad),
            None => Value::None,
        };
        Ok(vm.new_tuple(vec![b, addr]))
    });
    add_method(
        vm,
        cls,
        "recv_into(buffer, nbytes=0, flags=0, /)",
        |vm, a| {
            let Some(cap) = crate::object::memview::writable_len(&vm.heap, a.pos[1]) else {
                return Err(vm.type_error(
                    "recv_into() argument 'buffer' must be read-write bytes-like object",
                ));
            };
            let mut n = opt_int(vm, &a, 2, "nbytes", 0)?;
            if n < 0 {
                return Err(vm.value_error("negative buffersize in recv_into"));
            }
            if n == 0 {
                n = cap as i64;
            }
            if n as usize > cap {
                return Err(vm.value_error("buffer too small for requested bytes"));
            }
            let flags = opt_int(vm, &a, 3, "flags", 0)? as i32;
            let (b, _) = recv_buf(vm, a.pos[0], n, flags, false)?;
            let got = b.len();
            crate::object::memview::buffer_write(&mut vm.heap, a.pos[1], 0, &b);
            Ok(Value::Int(got as i64))
        },
    );
    add_method(vm, cls, "shutdown(how, /)", |vm, a| {
        let how = match int_arg(vm, a.pos[1])? as i32 {
            libc::SHUT_RD => std::net::Shutdown::Read,
            libc::SHUT_WR => std::net::Shutdown::Write,
            libc::SHUT_RDWR => std::net::Shutdown::Both,
            _ => return Err(oserror::from_errno(vm, libc::EINVAL)),
        };
        with_sock(vm, a.pos[0], false, |s| s.shutdown(how))?;
        Ok(Value::None)
    });
    add_method(vm, cls, "getsockname()", |vm, a| {
        let ad = with_sock(vm, a.pos[0], false, |s| s.local_addr())?;
        Ok(so::addr_to_value(vm, &ad))
    });
    add_method(vm, cls, "getpeername()", |vm, a| {
        let ad = with_sock(vm, a.pos[0], false, |s| s.peer_addr())?;
        Ok(so::addr_to_value(vm, &ad))
    });
    for (name, f) in [
        (
            "family",
            (|vm, a| {
                Ok(Value::Int(
                    sock_ref(vm, a.pos[0]).map_or(0, |s| s.family as i64),
                ))
            }) as NativeFnPtr,
        ),
        ("type", |vm, a| {
            Ok(Value::Int(
                sock_ref(vm, a.pos[0]).map_or(0, |s| s.kind as i64),
            ))
        }),
        ("proto", |vm, a| {
            Ok(Value::Int(
                sock_ref(vm, a.pos[0]).map_or(0, |s| s.proto as i64),
            ))
        }),
        ("timeout", |vm, a| {
            Ok(sock_ref(vm, a.pos[0])
                .and_then(|s| s.timeout)
                .map_or(Value::None, Value::Float))
        }),
    ] {
        let getter = vm.new_native("(self, /)", format!("socket.{name}"), f);
        let p = vm.alloc(Obj::Property(Box::new([
            getter,
            Value::None,
            Value::None,
            Value::None,
        ])));
        crate::builtins::set_class_attr(vm, cls, name, p);
    }
    add_method(vm, cls, "__repr__()", |vm, a| {
        let Some(s) = sock_ref(vm, a.pos[0]) else {
            return Ok(vm.new_str("<socket>"));
        };
        let (fd, fam, kind, proto) = (
            s.sock.as_ref().map_or(-1, |k| k.as_raw_fd()),
            s.family,
            s.kind,
            s.proto,
        );
        let fam_name = match fam {
            AF_INET => "AddressFamily.AF_INET".to_string(),
            AF_INET6 => "AddressFamily.AF_INET6".to_string(),
            AF_UNIX => "AddressFamily.AF_UNIX".to_string(),
            n => n.to_string(),
        };
        let kind_name = match kind {
            libc::SOCK_STREAM => "SocketKind.SOCK_STREAM".to_string(),
            libc::SOCK_DGRAM => "SocketKind.SOCK_DGRAM".to_string(),
            n => n.to_string(),
        };
        let mut text = format!(
            "<socket.socket{} fd={fd}, family={fam_name}, type={kind_name}, proto={proto}",
            if fd < 0 { " [closed]" } else { "" }
        );
        if fd >= 0 {
            if let Ok(ad) = with_sock(vm, a.pos[0], false, |s| s.local_addr()) {
                let r = so::addr_to_value(vm, &ad);
                if !(fam == AF_UNIX && vm.as_str(r) == Some("")) {
                    let rs = vm.repr_str(r);
                    text.push_str(&format!(", laddr={rs}"));
                }
            }
            if let Ok(ad) = with_sock(vm, a.pos[0], false, |s| s.peer_addr()) {
                let r = so::addr_to_value(vm, &ad);
                let rs = vm.repr_str(r);
                text.push_str(&format!(", raddr={rs}"));
            }
        }
        text.push('>');
        Ok(vm.new_str(text))
    });
}

/// connect(2) under the socket's timeout mode; returns the errno (0 on
/// success), as connect_ex does.
fn connect(vm: &mut Vm, s: Value, addr: Value) -> PyResult<i32> {
    let fam = family_of(vm, s);
    let addr = so::value_to_addr(vm, fam, addr, "connect")?;
    let (fd, timeout) = open_fd(vm, s)?;
    let _ = vm.stdout.flush();
    let r = with_sock(vm, s, true, |k| Ok(k.connect(&addr)));
    let r = r?;
    let errno = match r {
        Ok(()) => 0,
        Err(e) => e.raw_os_error().unwrap_or(libc::EIO),
    };
    if errno == libc::EINPROGRESS {
        if let Some(t) = timeout.filter(|&t| t > 0.0) {
            if !so::wait_fd(fd, true, t) {
                let cls = vm.t.timeout_error;
                let m = vm.new_str("timed out");
                let tu = vm.new_tuple(vec![m]);
                return Err(vm.new_exception(cls, tu));
            }
            let e = with_sock(vm, s, false, |k| k.take_error())?;
            return Ok(e.and_then(|e| e.raw_os_error()).unwrap_or(0));
        }
    }
    Ok(errno)
}

fn install_functions(vm: &mut Vm, m: Value) {
    add_fn(vm, m, "gethostname()", |vm, _| {
        let mut buf = [0u8; 256];
        // SAFETY: buf has 256 writable bytes.
        if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } < 0 {
            return Err(oserror::last(vm));
        }
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        Ok(vm.new_str(String::from_utf8_lossy(&buf[..end]).to_string()))
    });
    add_fn(
        vm,
        m,
        "getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)",
        |vm, a| {
            vm.require(Cap::Net, "getaddrinfo")?;
            let host = match a.pos[0] {
                Value::None => String::new(),
                v => match vm.as_str(v) {
                    Some(s) => s.to_string(),
                    None => match vm.bytes_of(v) {
                        Some(b) => String::from_utf8_lossy(&b).to_string(),
                        None => {
                            return Err(
                                vm.type_error("getaddrinfo() argument 1 must be string or None")
                            )
                        }
                    },
                },
            };
            let port = match a.pos[1] {
                Value::None => None,
                Value::Int(i) => Some(i.to_string()),
                v => match vm.as_str(v) {
                    Some(s) => Some(s.to_string()),
                    None => match vm.bytes_of(v) {
                        Some(b) => Some(String::from_utf8_lossy(&b).to_string()),
                        None => return Err(vm.new_os_error_text("Int or String expected")),
                    },
                },
            };
            let family = opt_int(vm, &a, 2, "family", 0)? as i32;
            let kind = opt_int(vm, &a, 3, "type", 0)? as i32;
            let proto = opt_int(vm, &a, 4, "proto", 0)? as i32;
            let flags = opt_int(vm, &a, 5, "flags", 0)? as i32;
            let host_arg = if host.is_empty() && a.pos[0].is_none() {
                ""
            } else {
                &host
            };
            let _ = vm.stdout.flush();
            let list = so::getaddrinfo(host_arg, port.as_deref(), family, kind, proto, flags)
                .map_err(|e| so::gai_error(vm, e))?;
            let mut out = Vec::new();
            for ai in list {
                let canon = vm.new_str(ai.canon.clone());
                let addr = so::addr_to_value(vm, &ai.addr);
                out.push(vm.new_tuple(vec![
                    Value::Int(ai.family as i64),
                    Value::Int(ai.kind as i64),
                    Value::Int(ai.proto as i64),
                    canon,
                    addr,
                ]));
            }
            Ok(vm.new_list(out))
        },
    );
    add_fn(vm, m, "gethostbyname(hostname, /)", |vm, a| {
        let host = vm.str(a.pos[0])?;
        let host = vm.str_of(host).to_string();
        let list = so::getaddrinfo(&host, None, AF_INET, libc::SOCK_STREAM, 0, 0)
            .map_err(|e| so::gai_error(vm, e))?;
        match list.first().and_then(|ai| ai.addr.as_socket()) {
            Some(sa) => Ok(vm.new_str(sa.ip().to_string())),
            None => Err(so::gai_error(vm, libc::EAI_NONAME)),
        }
    });
    add_fn(
        vm,
        m,
        "socketpair(family=None, type=1, proto=0)",
        |vm, a| {
            let family = match a.get(vm, 0, "family") {
                Some(Value::None) | None => AF_UNIX,
                Some(v) => int_arg(vm, v)? as i32,
            };
            let kind = opt_int(vm, &a, 1, "type", libc::SOCK_STREAM as i64)? as i32;
            let proto = opt_int(vm, &a, 2, "proto", 0)? as i32;
            let p = (proto != 0).then(|| Protocol::from(proto));
            let (x, y) = Socket::pair(so::domain(family), so::sock_type(kind), p)
                .map_err(|e| oserror::from_io(vm, &e))?;
            let cls = socket_class(vm);
            let x = so::new_socket(vm, cls, x, family, kind, proto);
            let y = so::new_socket(vm, cls, y, family, kind, proto);
            Ok(vm.new_tuple(vec![x, y]))
        },
    );
    add_fn(vm, m, "inet_aton(ip, /)", |vm, a| {
        let s = vm.str(a.pos[0])?;
        match vm.str_of(s).parse::<std::net::Ipv4Addr>() {
            Ok(ip) => Ok(bytes_value(vm, ip.octets().to_vec())),
            Err(_) => Err(vm.new_os_error_text("illegal IP address string passed to inet_aton")),
        }
    });
    add_fn(vm, m, "inet_ntoa(packed, /)", |vm, a| {
        let b = bytes_arg(vm, a.pos[0])?;
        if b.len() != 4 {
            return Err(vm.new_os_error_text("packed IP wrong length for inet_ntoa"));
        }
        Ok(vm.new_str(std::net::Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string()))
    });
    add_fn(vm, m, "htons(x, /)", |vm, a| {
        let x = int_arg(vm, a.pos[0])?;
        Ok(Value::Int((x as u16).to_be() as i64))
    });
    add_fn(vm, m, "ntohs(x, /)", |vm, a| {
        let x = int_arg(vm, a.pos[0])?;
        Ok(Value::Int(u16::from_be(x as u16) as i64))
    });
    add_fn(vm, m, "getdefaulttimeout()", |_, _| Ok(Value::None));
}

impl Vm {
    /// OSError(message) with no errno.
    fn new_os_error_text(&mut self, msg: &str) -> Value {
        let cls = self.t.os_error;
        let m = self.new_str(msg);
        let t = self.new_tuple(vec![m]);
        self.new_exception(cls, t)
    }
}
