//! Socket objects: a `socket2::Socket` owned by a heap object (closed when
//! the object is closed or collected), Python address tuples, and CPython's
//! timeout modes: `None` blocks in the kernel, `0.0` is non-blocking (an
//! operation that would wait raises BlockingIOError), `t > 0` waits with
//! poll(2) and raises TimeoutError("timed out").
//!
//! The `socket` module's functions and the method table are in
//! src/modules/socket.rs; this file is the object and its I/O.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, RawFd};

use socket2::{Domain, SockAddr, Socket, Type};

use crate::object::*;
use crate::vm::Vm;

use super::oserror;

pub const AF_UNIX: i32 = libc::AF_UNIX;
pub const AF_INET: i32 = libc::AF_INET;
pub const AF_INET6: i32 = libc::AF_INET6;
/// glibc's "Address family for hostname not supported" (not in libc's list).
const EAI_ADDRFAMILY: i32 = -9;

#[derive(Debug)]
pub struct SocketObj {
    pub class: ObjRef,
    /// None once closed or detached.
    pub sock: Option<Socket>,
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    /// None: blocking; Some(0.0): non-blocking; Some(t): timeout.
    pub timeout: Option<f64>,
    pub dict: Option<ObjRef>,
}

impl NativeObj for SocketObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.extend(self.dict.map(Value::Obj));
    }
    fn attr_dict(&self) -> Option<ObjRef> {
        self.dict
    }
    fn set_attr_dict(&mut self, d: ObjRef) -> bool {
        self.dict = Some(d);
        true
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub fn sock_ref(vm: &Vm, v: Value) -> Option<&SocketObj> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => n.as_any().downcast_ref::<SocketObj>(),
            _ => None,
        },
        _ => None,
    }
}

pub fn sock_mut(vm: &mut Vm, v: Value) -> Option<&mut SocketObj> {
    match v {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Obj::NativeObj(n) => n.as_any_mut().downcast_mut::<SocketObj>(),
            _ => None,
        },
        _ => None,
    }
}

pub fn new_socket(
    vm: &mut Vm,
    class: ObjRef,
    sock: Socket,
    family: i32,
    kind: i32,
    proto: i32,
) -> Value {
    vm.alloc(Obj::NativeObj(Box::new(SocketObj {
        class,
        sock: Some(sock),
        family,
        kind,
        proto,
        timeout: None,
        dict: None,
    })))
}

/// The socket of a method's receiver, with its fd and timeout; closed
/// sockets raise OSError(EBADF) as CPython's do.
pub fn open_fd(vm: &mut Vm, v: Value) -> PyResult<(RawFd, Option<f64>)> {
    match sock_ref(vm, v) {
        Some(SocketObj {
            sock: Some(s),
            timeout,
            ..
        }) => Ok((s.as_raw_fd(), *timeout)),
        Some(_) => Err(oserror::from_errno(vm, libc::EBADF)),
        None => Err(vm.type_error("descriptor requires a 'socket' object")),
    }
}

/// Run `op` on the receiver's socket under its timeout mode. The Socket is
/// taken out of the object for the call and put back after, so no borrow of
/// the heap is held while the kernel waits.
pub fn with_sock<T>(
    vm: &mut Vm,
    v: Value,
    write: bool,
    mut op: impl FnMut(&Socket) -> io::Result<T>,
) -> PyResult<T> {
    let (_, timeout) = open_fd(vm, v)?;
    let Some(sock) = sock_mut(vm, v).and_then(|s| s.sock.take()) else {
        return Err(oserror::from_errno(vm, libc::EBADF));
    };
    let deadline = timeout
        .filter(|&t| t > 0.0)
        .map(|t| super::super::vm::real_monotonic() + t);
    if deadline.is_none() && timeout.is_none() {
        let _ = vm.stdout.flush();
    }
    let r = loop {
        match op(&sock) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                let Some(d) = deadline else { break Err(e) };
                let left = d - super::super::vm::real_monotonic();
                if left <= 0.0 || !wait_fd(sock.as_raw_fd(), write, left) {
                    break Err(io::Error::new(io::ErrorKind::TimedOut, "timed out"));
                }
            }
            r => break r,
        }
    };
    if let Some(s) = sock_mut(vm, v) {
        s.sock = Some(sock);
    }
    r.map_err(|e| oserror::from_io(vm, &e))
}

/// poll(2) one fd for up to `secs`; true when it became ready.
pub fn wait_fd(fd: RawFd, write: bool, secs: f64) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: if write { libc::POLLOUT } else { libc::POLLIN },
        revents: 0,
    };
    let ms = (secs * 1000.0).ceil().min(i32::MAX as f64) as i32;
    // SAFETY: one valid pollfd, count 1.
    unsafe { libc::poll(&mut p, 1, ms) > 0 }
}

pub fn domain(family: i32) -> Domain {
    Domain::from(family)
}

pub fn sock_type(kind: i32) -> Type {
    Type::from(kind)
}

/// A Python address for a socket address.
pub fn addr_to_value(vm: &mut Vm, a: &SockAddr) -> Value {
    if let Some(sa) = a.as_socket() {
        let host = vm.new_str(sa.ip().to_string());
        return match sa {
            SocketAddr::V4(v4) => vm.new_tuple(vec![host, Value::Int(v4.port() as i64)]),
            SocketAddr::V6(v6) => vm.new_tuple(vec![
                host,
                Value::Int(v6.port() as i64),
                Value::Int(v6.flowinfo() as i64),
                Value::Int(v6.scope_id() as i64),
            ]),
        };
    }
    if a.is_unix() {
        if let Some(p) = a.as_pathname() {
            return vm.new_str(p.to_string_lossy().to_string());
        }
        if let Some(n) = a.as_abstract_namespace() {
            let mut b = vec![0u8];
            b.extend_from_slice(n);
            return vm.alloc(Obj::Bytes(b.into_boxed_slice()));
        }
        return vm.new_str("");
    }
    Value::None
}

/// Resolve `host` for `family` the way CPython's setipaddr does: "" is
/// the wildcard, "<broadcast>" the broadcast address, numeric text is
/// parsed, names go through getaddrinfo.
fn resolve_host(vm: &mut Vm, host: &str, family: i32) -> PyResult<IpAddr> {
    if host.is_empty() {
        return Ok(if family == AF_INET6 {
            IpAddr::V6(Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        });
    }
    if host == "<broadcast>" {
        return Ok(IpAddr::V4(Ipv4Addr::BROADCAST));
    }
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(ip);
    }
    let list = getaddrinfo(host, None, family, 0, 0, 0).map_err(|e| gai_error(vm, e))?;
    list.into_iter()
        .find_map(|ai| ai.addr.as_socket().map(|s| s.ip()))
        .ok_or_else(|| gai_error(vm, libc::EAI_NONAME))
}

/// A Python address for `family`, as a socket2 address.
pub fn value_to_addr(vm: &mut Vm, family: i32, v: Value, what: &str) -> PyResult<SockAddr> {
    if family == AF_UNIX {
        let path = if let Some(s) = vm.as_str(v) {
            s.as_bytes().to_vec()
        } else if let Some(b) = vm.bytes_of(v) {
            b
        } else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        use std::os::unix::ffi::OsStrExt;
        let p = std::ffi::OsStr::from_bytes(&path);
        return SockAddr::unix(p).map_err(|e| oserror::from_io(vm, &e));
    }
    let items = match v {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_)) => vm.tuple_items(v),
        _ => {
            let tn = vm.type_name(v);
            let fam = if family == AF_INET6 {
                "AF_INET6"
            } else {
                "AF_INET"
            };
            return Err(vm.type_error(format!("{fam} address must be tuple, not {tn}")));
        }
    };
    let want = if family == AF_INET6 { 2..=4 } else { 2..=2 };
    if !want.contains(&items.len()) {
        let tn = if family == AF_INET6 {
            "AF_INET6"
        } else {
            "AF_INET"
        };
        return Err(vm.type_error(format!("{tn} address must be a pair (host, port)")));
    }
    let host = match vm.as_str(items[0]) {
        Some(s) => s.to_string(),
        None => match vm.bytes_of(items[0]) {
            Some(b) => String::from_utf8_lossy(&b).to_string(),
            None => {
                let tn = vm.type_name(items[0]);
                return Err(vm.type_error(format!("str, bytes or bytearray expected, not {tn}")));
            }
        },
    };
    let port = match vm.index_of(items[1])? {
        Some(p) if (0..=65535).contains(&p) => p as u16,
        Some(_) => {
            return Err(vm.overflow_error(format!("{what}(): port must be 0-65535.")));
        }
        None => {
            let tn = vm.type_name(items[1]);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    let ip = resolve_host(vm, &host, family)?;
    let sa = match (family, ip) {
        (AF_INET6, IpAddr::V6(v6)) => {
            let flow = match items.get(2) {
                Some(&Value::Int(i)) => i as u32,
                _ => 0,
            };
            let scope = match items.get(3) {
                Some(&Value::Int(i)) => i as u32,
                _ => 0,
            };
            SocketAddr::V6(std::net::SocketAddrV6::new(v6, port, flow, scope))
        }
        (AF_INET6, IpAddr::V4(v4)) => {
            SocketAddr::V6(std::net::SocketAddrV6::new(v4.to_ipv6_mapped(), port, 0, 0))
        }
        (_, IpAddr::V4(v4)) => SocketAddr::V4(std::net::SocketAddrV4::new(v4, port)),
        (_, IpAddr::V6(_)) => {
            return Err(gai_error(vm, EAI_ADDRFAMILY));
        }
    };
    Ok(SockAddr::from(sa))
}

/// One getaddrinfo result.
pub struct AddrInfo {
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    pub canon: String,
    pub addr: SockAddr,
}

/// getaddrinfo(3); the error is its EAI_* code.
pub fn getaddrinfo(
    host: &str,
    port: Option<&str>,
    family: i32,
    kind: i32,
    proto: i32,
    flags: i32,
) -> Result<Vec<AddrInfo>, i32> {
    use std::ffi::CString;
    let h = if host.is_empty() {
        None
    } else {
        Some(CString::new(host).map_err(|_| libc::EAI_NONAME)?)
    };
    let p = match port {
        Some(p) => Some(CString::new(p).map_err(|_| libc::EAI_SERVICE)?),
        None => None,
    };
    // SAFETY: an all-zero addrinfo is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = kind;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the C strings outlive the call; res is an out-pointer freed below.
    let rc = unsafe {
        libc::getaddrinfo(
            h.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err(rc);
    }
    let mut out = Vec::new();
    let mut cur = res;
    while !cur.is_null() {
        // SAFETY: cur walks the list getaddrinfo returned, until null.
        let ai = unsafe { &*cur };
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string owned by the list.
            unsafe { std::ffi::CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .to_string()
        };
        let len = ai.ai_addrlen as usize;
        if !ai.ai_addr.is_null() && len <= std::mem::size_of::<libc::sockaddr_storage>() {
            let mut storage = socket2::SockAddrStorage::zeroed();
            // SAFETY: copies ai_addrlen bytes of the address into storage,
            // which is a sockaddr_storage, at least that large (checked
            // above); the length given to SockAddr::new is the copied one.
            let addr = unsafe {
                let dst: &mut libc::sockaddr_storage = storage.view_as();
                std::ptr::copy_nonoverlapping(
                    ai.ai_addr as *const u8,
                    dst as *mut libc::sockaddr_storage as *mut u8,
                    len,
                );
                SockAddr::new(storage, ai.ai_addrlen)
            };
            out.push(AddrInfo {
                family: ai.ai_family,
                kind: ai.ai_socktype,
                proto: ai.ai_protocol,
                canon,
                addr,
            });
        }
        cur = ai.ai_next;
    }
    // SAFETY: res came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

/// socket.gaierror(code, message) for an EAI_* code.
pub fn gai_error(vm: &mut Vm, code: i32) -> Value {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .to_string();
    let cls = vm
        .native_classes
        .get("socket.gaierror")
        .copied()
        .unwrap_or(vm.t.os_error);
    let m = vm.new_str(msg);
    let t = vm.new_tuple(vec![Value::Int(code as i64), m]);
    vm.new_exception(cls, t)
}
