//! `binascii`: hex, base64, uu and CRC conversions between binary data and
//! ASCII, with CPython's binascii.Error messages. stdlib/base64.py is built
//! on it.

use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn error(vm: &mut Vm, msg: impl Into<String>) -> Value {
    let cls = vm
        .native_classes
        .get("binascii.Error")
        .copied()
        .unwrap_or(vm.t.value_error);
    vm.new_error(cls, msg)
}

/// A bytes-like argument (str allowed where CPython allows ASCII str).
fn data(vm: &mut Vm, v: Value, allow_str: bool) -> PyResult<Vec<u8>> {
    if let Some(s) = vm.as_str(v) {
        if !allow_str {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        }
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match vm.bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn bytes(vm: &mut Vm, b: Vec<u8>) -> Value {
    vm.alloc(Obj::Bytes(b.into_boxed_slice()))
}

pub fn b64encode(input: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len().div_ceil(3) * 4 + 1);
    for c in input.chunks(3) {
        let n = match c.len() {
            3 => (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32,
            2 => (c[0] as u32) << 16 | (c[1] as u32) << 8,
            _ => (c[0] as u32) << 16,
        };
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if c.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn b64value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Base64 decoding: outside strict mode characters outside the alphabet
/// are skipped and a completed pad group ends the data.
pub fn b64decode(input: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let mut quad = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    let mut padding = false;
    if strict && input.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    for (i, &c) in input.iter().enumerate() {
        if c == b'=' {
            padding = true;
            if strict && quad == 0 {
                return Err("Excess padding not allowed".into());
            }
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                if strict && i + 1 < input.len() {
                    return Err("Excess data after padding".into());
                }
                return Ok(out);
            }
            continue;
        }
        let Some(v) = b64value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad {
            0 => {
                left = v as u32;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v as u32 >> 4)) as u8);
                left = v as u32 & 0xf;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v as u32 >> 2)) as u8);
                left = v as u32 & 3;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v as u32) as u8);
                quad = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn hexlify(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = data(vm, a.pos[0], false)?;
    let hex = super::hashlib::hex(&d).into_bytes();
    let sep = a.get(vm, 1, "sep").filter(|v| !v.is_none());
    let Some(sep) = sep else {
        return Ok(bytes(vm, hex));
    };
    let sepb = data(vm, sep, true)?;
    if sepb.len() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match a.get(vm, 2, "bytes_per_sep") {
        Some(v) => crate::builtins::num::index_required(vm, v)?,
        None => 1.into(),
    };
    let per = num_traits::ToPrimitive::to_i64(&per).unwrap_or(i64::MAX);
    if per == 0 || d.is_empty() {
        return Ok(bytes(vm, hex));
    }
    let n = per.unsigned_abs() as usize;
    let pairs: Vec<&[u8]> = hex.chunks(2).collect();
    let mut groups: Vec<Vec<u8>> = Vec::new();
    if per > 0 {
        // Groups counted from the right.
        let first = pairs.len() % n;
        let (head, tail) = pairs.split_at(first);
        if !head.is_empty() {
            groups.push(head.concat());
        }
        for g in tail.chunks(n) {
            groups.push(g.concat());
        }
    } else {
        for g in pairs.chunks(n) {
            groups.push(g.concat());
        }
    }
    Ok(bytes(vm, groups.join(&sepb[0])))
}

fn unhexlify(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let d = data(vm, v, true)?;
    if d.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(d.len() / 2);
    for p in d.chunks(2) {
        let h = (p[0] as char).to_digit(16);
        let l = (p[1] as char).to_digit(16);
        match (h, l) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes(vm, out))
}

pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

fn crc_hqx(data: &[u8], mut crc: u32) -> u32 {
    for &b in data {
        crc ^= (b as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
            crc &= 0xffff;
        }
    }
    crc
}

fn uint_arg(vm: &mut Vm, v: Option<Value>, mask: u64) -> PyResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => {
            let n = crate::builtins::num::index_required(vm, v)?;
            let m = n & num_bigint::BigInt::from(mask);
            Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
        }
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "binascii");
    let ve = vm.t.value_error;
    let err = super::new_exception_class(vm, "binascii.Error", "Error", "binascii", ve)?;
    set_attr(vm, m, "Error", Value::Obj(err));
    let exc = vm.t.exception;
    let inc = super::new_exception_class(vm, "binascii.Incomplete", "Incomplete", "binascii", exc)?;
    set_attr(vm, m, "Incomplete", Value::Obj(inc));
    add_fn(
        vm,
        m,
        "hexlify(data, sep=None, bytes_per_sep=1)",
        |vm, a| hexlify(vm, &a),
    );
    add_fn(
        vm,
        m,
        "b2a_hex(data, sep=None, bytes_per_sep=1)",
        |vm, a| hexlify(vm, &a),
    );
    add_fn(vm, m, "unhexlify(hexstr, /)", |vm, a| {
        unhexlify(vm, a.pos[0])
    });
    add_fn(vm, m, "a2b_hex(hexstr, /)", |vm, a| unhexlify(vm, a.pos[0]));
    add_fn(vm, m, "b2a_base64(data, /, *, newline=True)", |vm, a| {
        let d = data(vm, a.pos[0], false)?;
        let nl = match a.kw(vm, "newline") {
            Some(v) => vm.truthy(v)?,
            None => true,
        };
        let out = b64encode(&d, nl);
        Ok(bytes(vm, out))
    });
    add_fn(
        vm,
        m,
        "a2b_base64(data, /, *, strict_mode=False)",
        |vm, a| {
            let d = data(vm, a.pos[0], true)?;
            let strict = match a.kw(vm, "strict_mode") {
                Some(v) => vm.truthy(v)?,
                None => false,
            };
            match b64decode(&d, strict) {
                Ok(out) => Ok(bytes(vm, out)),
                Err(msg) => Err(error(vm, msg)),
            }
        },
    );
    add_fn(vm, m, "crc32(data, crc=0, /)", |vm, a| {
        let d = data(vm, a.pos[0], false)?;
        let crc = uint_arg(vm, a.pos.get(1).copied(), 0xffff_ffff)?;
        Ok(Value::Int(crc32(&d, crc) as i64))
    });
    add_fn(vm, m, "crc_hqx(data, crc, /)", |vm, a| {
        let d = data(vm, a.pos[0], false)?;
        let crc = uint_arg(vm, Some(a.pos[1]), 0xffff)?;
        Ok(Value::Int(crc_hqx(&d, crc) as i64))
    });
    add_fn(vm, m, "b2a_uu(data, /, *, backtick=False)", |vm, a| {
        let d = data(vm, a.pos[0], false)?;
        if d.len() > 45 {
            return Err(error(vm, "At most 45 bytes at once"));
        }
        let backtick = match a.kw(vm, "backtick") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let enc = |v: u8| -> u8 {
            if backtick && v == 0 {
                b'`'
            } else {
                b' ' + v
            }
        };
        let mut out = vec![enc(d.len() as u8)];
        for c in d.chunks(3) {
            let mut g = [0u8; 3];
            g[..c.len()].copy_from_slice(c);
            let n = (g[0] as u32) << 16 | (g[1] as u32) << 8 | g[2] as u32;
            for s in [18, 12, 6, 0] {
                out.push(enc(((n >> s) & 63) as u8));
            }
        }
        out.push(b'\n');
        Ok(bytes(vm, out))
    });
    add_fn(vm, m, "a2b_uu(data, /)", |vm, a| {
        let d = data(vm, a.pos[0], true)?;
        let line: Vec<u8> = d
            .iter()
            .copied()
            .take_while(|c| *c != b'\n' && *c != b'\r')
            .collect();
        if line.is_empty() {
            return Ok(bytes(vm, vec![0; 32]));
        }
        let n = (line[0].wrapping_sub(b' ') & 63) as usize;
        let mut out = Vec::with_capacity(n);
        let dec = |c: u8| -> u8 { c.wrapping_sub(b' ') & 63 };
        let body = &line[1..];
        let mut i = 0;
        while out.len() < n {
            let g: Vec<u8> = (0..4)
                .map(|k| body.get(i + k).map_or(0, |c| dec(*c)))
                .collect();
            let v = (g[0] as u32) << 18 | (g[1] as u32) << 12 | (g[2] as u32) << 6 | g[3] as u32;
            for s in [16, 8, 0] {
                if out.len() < n {
                    out.push((v >> s) as u8);
                }
            }
            i += 4;
        }
        Ok(bytes(vm, out))
    });
    Ok(m)
}
