//! `hashlib` on the RustCrypto digests (md-5, sha1, sha2, sha3, blake2):
//! constructors, `new(name)`, hash objects with update / digest / hexdigest
//! / copy and name / digest_size / block_size, and pbkdf2_hmac.
//! blake2b/blake2s take `digest_size`; their key, salt and person
//! parameters raise a ValueError that says they are not supported.

use blake2::digest::{ExtendableOutput, Update, VariableOutput, XofReader};
use sha2::Digest;

use crate::builtins::{add_method, set_class_attr};
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2::Blake2bVar, usize),
    Blake2s(blake2::Blake2sVar, usize),
}

/// Names hashlib guarantees, in CPython's `algorithms_guaranteed` set.
const ALGORITHMS: &[&str] = &[
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha3_224",
    "sha3_256",
    "sha3_384",
    "sha3_512",
    "shake_128",
    "shake_256",
    "blake2b",
    "blake2s",
];

impl Hasher {
    fn new(name: &str, digest_size: Option<usize>) -> Option<Hasher> {
        Some(match name {
            "md5" => Hasher::Md5(md5::Md5::new()),
            "sha1" => Hasher::Sha1(sha1::Sha1::new()),
            "sha224" => Hasher::Sha224(sha2::Sha224::new()),
            "sha256" => Hasher::Sha256(sha2::Sha256::new()),
            "sha384" => Hasher::Sha384(sha2::Sha384::new()),
            "sha512" => Hasher::Sha512(sha2::Sha512::new()),
            "sha3_224" => Hasher::Sha3_224(sha3::Sha3_224::new()),
            "sha3_256" => Hasher::Sha3_256(sha3::Sha3_256::new()),
            "sha3_384" => Hasher::Sha3_384(sha3::Sha3_384::new()),
            "sha3_512" => Hasher::Sha3_512(sha3::Sha3_512::new()),
            "shake_128" => Hasher::Shake128(sha3::Shake128::default()),
            "shake_256" => Hasher::Shake256(sha3::Shake256::default()),
            "blake2b" => {
                let n = digest_size.unwrap_or(64);
                Hasher::Blake2b(blake2::Blake2bVar::new(n).ok()?, n)
            }
            "blake2s" => {
                let n = digest_size.unwrap_or(32);
                Hasher::Blake2s(blake2::Blake2sVar::new(n).ok()?, n)
            }
            _ => return None,
        })
    }

    fn name(&self) -> &'static str {
        match self {
            Hasher::Md5(_) => "md5",
            Hasher::Sha1(_) => "sha1",
            Hasher::Sha224(_) => "sha224",
            Hasher::Sha256(_) => "sha256",
            Hasher::Sha384(_) => "sha384",
            Hasher::Sha512(_) => "sha512",
            Hasher::Sha3_224(_) => "sha3_224",
            Hasher::Sha3_256(_) => "sha3_256",
            Hasher::Sha3_384(_) => "sha3_384",
            Hasher::Sha3_512(_) => "sha3_512",
            Hasher::Shake128(_) => "shake_128",
            Hasher::Shake256(_) => "shake_256",
            Hasher::Blake2b(..) => "blake2b",
            Hasher::Blake2s(..) => "blake2s",
        }
    }

    fn digest_size(&self) -> usize {
        match self {
            Hasher::Md5(_) => 16,
            Hasher::Sha1(_) => 20,
            Hasher::Sha224(_) | Hasher::Sha3_224(_) => 28,
            Hasher::Sha256(_) | Hasher::Sha3_256(_) => 32,
            Hasher::Sha384(_) | Hasher::Sha3_384(_) => 48,
            Hasher::Sha512(_) | Hasher::Sha3_512(_) => 64,
            Hasher::Shake128(_) | Hasher::Shake256(_) => 0,
            Hasher::Blake2b(_, n) | Hasher::Blake2s(_, n) => *n,
        }
    }

    fn block_size(&self) -> usize {
        match self {
            Hasher::Md5(_) | Hasher::Sha1(_) | Hasher::Sha224(_) | Hasher::Sha256(_) => 64,
            Hasher::Sha384(_) | Hasher::Sha512(_) | Hasher::Blake2b(..) => 128,
            Hasher::Blake2s(..) => 64,
            Hasher::Sha3_224(_) => 144,
            Hasher::Sha3_256(_) => 136,
            Hasher::Sha3_384(_) => 104,
            Hasher::Sha3_512(_) => 72,
            Hasher::Shake128(_) => 168,
            Hasher::Shake256(_) => 136,
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => Digest::update(h, data),
            Hasher::Sha1(h) => Digest::update(h, data),
            Hasher::Sha224(h) => Digest::update(h, data),
            Hasher::Sha256(h) => Digest::update(h, data),
            Hasher::Sha384(h) => Digest::update(h, data),
            Hasher::Sha512(h) => Digest::update(h, data),
            Hasher::Sha3_224(h) => Digest::update(h, data),
            Hasher::Sha3_256(h) => Digest::update(h, data),
            Hasher::Sha3_384(h) => Digest::update(h, data),
            Hasher::Sha3_512(h) => Digest::update(h, data),
            Hasher::Shake128(h) => Update::update(h, data),
            Hasher::Shake256(h) => Update::update(h, data),
            Hasher::Blake2b(h, _) => Update::update(h, data),
            Hasher::Blake2s(h, _) => Update::update(h, data),
        }
    }

    /// The digest of the data so far (the state is kept); `xof_len` is the
    /// length asked of a shake digest.
    fn digest(&self, xof_len: usize) -> Vec<u8> {
        let h = self.clone();
        match h {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
            Hasher::Sha3_224(h) => h.finalize().to_vec(),
            Hasher::Sha3_256(h) => h.finalize().to_vec(),
            Hasher::Sha3_384(h) => h.finalize().to_vec(),
            Hasher::Sha3_512(h) => h.finalize().to_vec(),
            Hasher::Shake128(h) => {
                let mut out = vec![0; xof_len];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Shake256(h) => {
                let mut out = vec![0; xof_len];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Blake2b(h, n) => {
                let mut out = vec![0; n];
                let _ = h.finalize_variable(&mut out);
                out
            }
            Hasher::Blake2s(h, n) => {
                let mut out = vec![0; n];
                let _ = h.finalize_variable(&mut out);
                out
            }
        }
    }

    fn is_xof(&self) -> bool {
        matches!(self, Hasher::Shake128(_) | Hasher::Shake256(_))
    }
}

struct HashObj {
    class: ObjRef,
    h: Hasher,
}

impl std::fmt::Debug for HashObj {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "<{} HASH>", self.h.name())
    }
}

impl NativeObj for HashObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

fn hasher(vm: &mut Vm, v: Value) -> PyResult<&mut Hasher> {
    let ok = matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::NativeObj(n) if n.as_any().is::<HashObj>()));
    if !ok {
        return Err(vm.type_error("a hash object is required"));
    }
    let Value::Obj(r) = v else {
        unreachable!("checked above")
    };
    match vm.heap.get_mut(r) {
        Obj::NativeObj(n) => Ok(&mut n
            .as_any_mut()
            .downcast_mut::<HashObj>()
            .expect("checked above")
            .h),
        _ => unreachable!("checked above"),
    }
}

/// The bytes of a bytes-like argument; str gets CPython's message.
pub fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.as_str(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn new_hash(vm: &mut Vm, name: &str, a: &Args, data_index: usize) -> PyResult<Value> {
    let data = a
        .get(vm, data_index, "data")
        .or_else(|| a.kw(vm, "string"))
        .filter(|v| !v.is_none());
    let digest_size = match a.kw(vm, "digest_size") {
        Some(v) => {
            let n = crate::builtins::num::index_required(vm, v)?;
            let max = if name == "blake2b" { 64 } else { 32 };
            match num_traits::ToPrimitive::to_usize(&n) {
                Some(n) if (1..=max).contains(&n) => Some(n),
                _ => {
                    return Err(
                        vm.value_error(format!("digest_size must be between 1 and {max} bytes"))
                    )
                }
            }
        }
        None => None,
    };
    for k in ["key", "salt", "person"] {
        if let Some(v) = a.kw(vm, k) {
            if vm.len(v).unwrap_or(0) > 0 {
                return Err(vm.value_error(format!("{name}: the {k} parameter is not supported")));
            }
        }
    }
    let Some(h) = Hasher::new(name, digest_size) else {
        return Err(vm.value_error(format!("unsupported hash type {name}")));
    };
    let class = super::dotted_class(vm, "_hashlib.HASH");
    let mut obj = HashObj { class, h };
    if let Some(d) = data {
        let bytes = data_arg(vm, d)?;
        obj.h.update(&bytes);
    }
    Ok(vm.alloc(Obj::NativeObj(Box::new(obj))))
}

fn xof_len(vm: &mut Vm, a: &Args) -> PyResult<Option<usize>> {
    match a.get(vm, 1, "length") {
        None => Ok(None),
        Some(v) => {
            let n = crate::builtins::num::index_required(vm, v)?;
            match num_traits::ToPrimitive::to_usize(&n) {
                Some(n) if n < (1 << 30) => Ok(Some(n)),
                _ => Err(vm.value_error("length is too large")),
            }
        }
    }
}

fn digest_of(vm: &mut Vm, a: &Args) -> PyResult<Vec<u8>> {
    let len = xof_len(vm, a)?;
    let h = hasher(vm, a.pos[0])?;
    match (h.is_xof(), len) {
        (true, Some(n)) => Ok(h.digest(n)),
        (true, None) => Err(vm.type_error("digest() missing required argument 'length' (pos 1)")),
        (false, Some(_)) => Err(vm.type_error("digest() takes no arguments (1 given)")),
        (false, None) => Ok(h.digest(0)),
    }
}

fn install_class(vm: &mut Vm) -> ObjRef {
    let fresh = !vm.native_classes.contains_key("_hashlib.HASH");
    let c = super::dotted_class(vm, "_hashlib.HASH");
    if !fresh {
        return c;
    }
    add_method(vm, c, "update(data, /)", |vm, a| {
        let bytes = data_arg(vm, a.pos[1])?;
        hasher(vm, a.pos[0])?.update(&bytes);
        Ok(Value::None)
    });
    add_method(vm, c, "digest(length=None)", |vm, a| {
        let d = digest_of(vm, &a)?;
        Ok(vm.alloc(Obj::Bytes(d.into_boxed_slice())))
    });
    add_method(vm, c, "hexdigest(length=None)", |vm, a| {
        let d = digest_of(vm, &a)?;
        Ok(vm.new_str(hex(&d)))
    });
    add_method(vm, c, "copy()", |vm, a| {
        let h = hasher(vm, a.pos[0])?.clone();
        let class = super::dotted_class(vm, "_hashlib.HASH");
        Ok(vm.alloc(Obj::NativeObj(Box::new(HashObj { class, h }))))
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let name = hasher(vm, a.pos[0])?.name();
        Ok(vm.new_str(format!("<{name} _hashlib.HASH object>")))
    });
    let getters: [(&str, NativeFnPtr); 3] = [
        ("name", |vm, a| {
            let n = hasher(vm, a.pos[0])?.name();
            Ok(vm.new_str(n))
        }),
        ("digest_size", |vm, a| {
            Ok(Value::Int(hasher(vm, a.pos[0])?.digest_size() as i64))
        }),
        ("block_size", |vm, a| {
            Ok(Value::Int(hasher(vm, a.pos[0])?.block_size() as i64))
        }),
    ];
    for (name, g) in getters {
        let gv = vm.new_native("getter(self, /)", format!("HASH.{name}"), g);
        let p = vm.alloc(Obj::Property(Box::new([
            gv,
            Value::None,
            Value::None,
            Value::None,
        ])));
        set_class_attr(vm, c, name, p);
    }
    c
}

pub fn hex(d: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(d.len() * 2);
    for b in d {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// HMAC (RFC 2104) over one of the fixed-size digests.
fn hmac(name: &str, key: &[u8], msg: &[&[u8]]) -> Option<Vec<u8>> {
    let proto = Hasher::new(name, None)?;
    let bs = proto.block_size();
    let mut k = if key.len() > bs {
        let mut h = proto.clone();
        h.update(key);
        h.digest(0)
    } else {
        key.to_vec()
    };
    k.resize(bs, 0);
    let mut inner = proto.clone();
    inner.update(&k.iter().map(|b| b ^ 0x36).collect::<Vec<_>>());
    for m in msg {
        inner.update(m);
    }
    let mut outer = proto;
    outer.update(&k.iter().map(|b| b ^ 0x5c).collect::<Vec<_>>());
    outer.update(&inner.digest(0));
    Some(outer.digest(0))
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "hashlib");
    let c = install_class(vm);
    let _ = c;
    add_fn(
        vm,
        m,
        "md5(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "md5", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha1(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha1", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha224(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha224", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha256(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha256", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha384(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha384", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha512(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha512", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha3_224(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha3_224", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha3_256(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha3_256", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha3_384(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha3_384", &a, 0),
    );
    add_fn(
        vm,
        m,
        "sha3_512(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "sha3_512", &a, 0),
    );
    add_fn(
        vm,
        m,
        "shake_128(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "shake_128", &a, 0),
    );
    add_fn(
        vm,
        m,
        "shake_256(data=b'', *, usedforsecurity=True, string=None)",
        |vm, a| new_hash(vm, "shake_256", &a, 0),
    );
    add_fn(
        vm,
        m,
        "blake2b(data=b'', *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)",
        |vm, a| new_hash(vm, "blake2b", &a, 0),
    );
    add_fn(
        vm,
        m,
        "blake2s(data=b'', *, digest_size=32, key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)",
        |vm, a| new_hash(vm, "blake2s", &a, 0),
    );
    add_fn(vm, m, "new(name, data=b'', **kwargs)", |vm, a| {
        let Some(name) = vm.as_str(a.pos[0]).map(|s| s.to_lowercase()) else {
            return Err(vm.type_error("new() argument 'name' must be str"));
        };
        let name = match name.as_str() {
            "sha-1" => "sha1".to_string(),
            "sha-256" => "sha256".to_string(),
            _ => name,
        };
        if !ALGORITHMS.contains(&name.as_str()) {
            return Err(vm.value_error(format!("unsupported hash type {name}")));
        }
        new_hash(vm, &name, &a, 1)
    });
    add_fn(
        vm,
        m,
        "pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)",
        |vm, a| {
            let name = vm.str_of(a.pos[0]).to_lowercase();
            let pw = data_arg(vm, a.pos[1])?;
            let salt = data_arg(vm, a.pos[2])?;
            let iters = crate::builtins::num::index_required(vm, a.pos[3])?;
            let iters = match num_traits::ToPrimitive::to_u32(&iters) {
                Some(0) | None => {
                    return Err(vm.value_error("iteration value must be greater than 0."))
                }
                Some(n) => n,
            };
            let Some(proto) = Hasher::new(&name, None).filter(|h| h.digest_size() > 0) else {
                return Err(vm.value_error(format!("unsupported hash type {name}")));
            };
            let hlen = proto.digest_size();
            let dklen = match a.get(vm, 4, "dklen").filter(|v| !v.is_none()) {
                None => hlen,
                Some(v) => {
                    let n = crate::builtins::num::index_required(vm, v)?;
                    match num_traits::ToPrimitive::to_usize(&n) {
                        Some(n) if (1..(1 << 31)).contains(&n) => n,
                        _ => return Err(vm.value_error("key length must be greater than 0.")),
                    }
                }
            };
            let mut out = Vec::with_capacity(dklen);
            let mut block = 1u32;
            while out.len() < dklen {
                let mut u = hmac(&name, &pw, &[&salt, &block.to_be_bytes()]).unwrap_or_default();
                let mut t = u.clone();
                for _ in 1..iters {
                    u = hmac(&name, &pw, &[&u]).unwrap_or_default();
                    for (x, y) in t.iter_mut().zip(&u) {
                        *x ^= y;
                    }
                }
                out.extend_from_slice(&t);
                block += 1;
            }
            out.truncate(dklen);
            Ok(vm.alloc(Obj::Bytes(out.into_boxed_slice())))
        },
    );
    add_fn(vm, m, "file_digest(fileobj, digest, /)", |vm, a| {
        let d = a.pos[1];
        let h = if let Some(name) = vm.as_str(d).map(|s| s.to_string()) {
            if !ALGORITHMS.contains(&name.as_str()) {
                return Err(vm.value_error(format!("unsupported hash type {name}")));
            }
            let args = Args { pos: &[], kw: &[] };
            new_hash(vm, &name, &args, 0)?
        } else {
            vm.call(d, &[])?
        };
        let base = vm.temp_roots.len();
        vm.temp_roots.push(h);
        let read = vm.intern("read");
        let update = vm.intern("update");
        let res = loop {
            let chunk = match vm.call_method(a.pos[0], read, &[Value::Int(1 << 18)]) {
                Ok(c) => c,
                Err(e) => break Err(e),
            };
            match vm.len(chunk) {
                Ok(0) => break Ok(h),
                Ok(_) => {}
                Err(e) => break Err(e),
            }
            if let Err(e) = vm.call_method(h, update, &[chunk]) {
                break Err(e);
            }
        };
        vm.temp_roots.truncate(base);
        res
    });
    let names: Vec<Value> = ALGORITHMS.iter().map(|n| vm.new_str(*n)).collect();
    for attr in ["algorithms_guaranteed", "algorithms_available"] {
        let s = vm.new_set(false);
        for n in &names {
            vm.set_add(s, *n)?;
        }
        set_attr(vm, m, attr, s);
    }
    Ok(m)
}
