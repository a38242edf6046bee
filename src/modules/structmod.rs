//! `struct`: pack / unpack / calcsize / iter_unpack / pack_into /
//! unpack_from and the Struct class, with CPython's format language (byte
//! order prefixes, native sizes and alignment for `@`, x86-64 native sizes)
//! and its struct.error messages.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::{add_method, add_staticmethod, set_class_attr};
use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    code: u8,
    /// Repeat count (for s/p: the byte length).
    count: usize,
    offset: usize,
    size: usize,
}

#[derive(Debug, Clone)]
pub struct Format {
    items: Vec<Item>,
    size: usize,
    order: Order,
    native: bool,
    /// Number of values pack takes / unpack gives.
    nvalues: usize,
}

fn item_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

pub fn parse(fmt: &str) -> Result<Format, &'static str> {
    let b = fmt.as_bytes();
    let (order, native, mut i) = match b.first() {
        Some(b'@') => (Order::Native, true, 1),
        Some(b'=') => (Order::Native, false, 1),
        Some(b'<') => (Order::Little, false, 1),
        Some(b'>') | Some(b'!') => (Order::Big, false, 1),
        _ => (Order::Native, true, 0),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0usize;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((b[i] - b'0') as usize))
                    .ok_or("total struct size too long")?;
                i += 1;
            }
            if i >= b.len() {
                return Err("repeat count given without format specifier");
            }
            count = n;
        }
        let code = b[i];
        i += 1;
        let sz = item_size(code, native).ok_or("bad char in struct format")?;
        if native {
            // Native mode aligns each item to its own size.
            let align = sz;
            if align > 1 && code != b's' && code != b'p' && code != b'x' {
                size = size.div_ceil(align) * align;
            }
        }
        match code {
            b's' | b'p' => {
                items.push(Item {
                    code,
                    count,
                    offset: size,
                    size: count,
                });
                size = size
                    .checked_add(count)
                    .ok_or("total struct size too long")?;
                nvalues += 1;
            }
            b'x' => {
                size = size
                    .checked_add(count)
                    .ok_or("total struct size too long")?;
            }
            _ => {
                for _ in 0..count {
                    items.push(Item {
                        code,
                        count: 1,
                        offset: size,
                        size: sz,
                    });
                    size = size.checked_add(sz).ok_or("total struct size too long")?;
                }
                nvalues += count;
            }
        }
    }
    Ok(Format {
        items,
        size,
        order,
        native,
        nvalues,
    })
}

fn struct_error(vm: &mut Vm, msg: impl Into<String>) -> Value {
    let cls = match vm.native_classes.get("struct.error") {
        Some(&c) => c,
        None => vm.t.value_error,
    };
    vm.new_error(cls, msg)
}

fn put_uint(out: &mut [u8], v: u64, order: Order) {
    let n = out.len();
    let bytes = v.to_le_bytes();
    match order {
        Order::Big => {
            for i in 0..n {
                out[i] = bytes[n - 1 - i];
            }
        }
        _ => out.copy_from_slice(&bytes[..n]),
    }
}

fn get_uint(data: &[u8], order: Order) -> u64 {
    let mut v = 0u64;
    match order {
        Order::Big => {
            for b in data {
                v = (v << 8) | *b as u64;
            }
        }
        _ => {
            for b in data.iter().rev() {
                v = (v << 8) | *b as u64;
            }
        }
    }
    v
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(i)),
        Value::Bool(b) => Ok(BigInt::from(b as i64)),
        _ => match crate::builtins::num::index_required(vm, v) {
            Ok(b) => Ok(b),
            Err(_) => Err(struct_error(vm, "required argument is not an integer")),
        },
    }
}

fn range_msg(code: u8, lo: i128, hi: i128) -> String {
    match code {
        b'b' => format!("byte format requires {lo} <= number <= {hi}"),
        b'B' => format!("ubyte format requires {lo} <= number <= {hi}"),
        b'h' => format!("short format requires {lo} <= number <= {hi}"),
        b'H' => format!("ushort format requires {lo} <= number <= {hi}"),
        c => format!("'{}' format requires {lo} <= number <= {hi}", c as char),
    }
}

/// f64 to IEEE half precision bits, rounding half to even; None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale to an integer count of the smallest subnormal (2**-24) or of
    // the exponent's unit, then round half to even.
    let e = a.log2().floor() as i32;
    let (exp, mant_unit) = if e < -14 {
        (0, 2f64.powi(-24))
    } else {
        (e + 15, 2f64.powi(e - 10))
    };
    let q = a / mant_unit;
    let mut m = q.floor();
    let frac = q - m;
    if frac > 0.5 || (frac == 0.5 && (m as u64) % 2 == 1) {
        m += 1.0;
    }
    let mut m = m as u32;
    let mut exp = exp;
    if exp == 0 {
        if m >= 1024 {
            // Rounded up into the normal range.
            exp = 1;
            m -= 1024;
        }
        return Some(sign | ((exp as u16) << 10) | m as u16);
    }
    if m >= 2048 {
        m /= 2;
        exp += 1;
    }
    if exp >= 31 {
        return None;
    }
    Some(sign | ((exp as u16) << 10) | (m as u16 & 0x3ff))
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match exp {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn pack_into_buf(vm: &mut Vm, f: &Format, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    if args.len() != f.nvalues {
        return Err(struct_error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                f.nvalues,
                args.len()
            ),
        ));
    }
    let order = f.order;
    for (it, &v) in f.items.iter().zip(args) {
        let slot = &mut out[it.offset..it.offset + it.size];
        match it.code {
            b's' | b'p' => {
                let Some(data) = (match v {
                    Value::Obj(r) => match vm.heap.get(r) {
                        Obj::Bytes(b) => Some(b.to_vec()),
                        Obj::ByteArray(b) => Some(b.clone()),
                        _ => None,
                    },
                    _ => None,
                }) else {
                    let c = it.code as char;
                    return Err(struct_error(
                        vm,
                        format!("argument for '{c}' must be a bytes object"),
                    ));
                };
                slot.fill(0);
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    slot[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    slot[0] = n as u8;
                    slot[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            b'c' => {
                let byte = match v {
                    Value::Obj(r) => match vm.heap.get(r) {
                        Obj::Bytes(b) if b.len() == 1 => Some(b[0]),
                        Obj::ByteArray(b) if b.len() == 1 => Some(b[0]),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(byte) = byte else {
                    return Err(struct_error(
                        vm,
                        "char format requires a bytes object of length 1",
                    ));
                };
                slot[0] = byte;
            }
            b'?' => slot[0] = vm.truthy(v)? as u8,
            b'e' | b'f' | b'd' => {
                let x = match v {
                    Value::Float(x) => x,
                    Value::Int(i) => i as f64,
                    Value::Bool(b) => b as i64 as f64,
                    _ => match crate::builtins::num::to_f64(vm, v) {
                        Ok(x) => x,
                        Err(_) => return Err(struct_error(vm, "required argument is not a float")),
                    },
                };
                let bits: u64 = match it.code {
                    b'd' => x.to_bits(),
                    b'f' => {
                        let y = x as f32;
                        if y.is_infinite() && x.is_finite() && !f.native {
                            return Err(vm.overflow_error("float too large to pack with f format"));
                        }
                        y.to_bits() as u64
                    }
                    _ => match to_half(x) {
                        Some(h) => h as u64,
                        None => {
                            return Err(vm.overflow_error("float too large to pack with e format"))
                        }
                    },
                };
                put_uint(slot, bits, order);
            }
            code => {
                let n = int_arg(vm, v)?;
                let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
                let bits = it.size * 8;
                let (lo, hi): (i128, i128) = if signed {
                    (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
                } else {
                    (0, (1i128 << bits) - 1)
                };
                let val = n.to_i128();
                let ok = val.is_some_and(|x| x >= lo && x <= hi);
                if !ok {
                    let named = matches!(code, b'b' | b'B' | b'h' | b'H');
                    let msg = if named {
                        range_msg(code, lo, hi)
                    } else if !signed && n.is_negative() {
                        "argument out of range".to_string()
                    } else if it.size == 8 {
                        if f.native {
                            "argument out of range".to_string()
                        } else {
                            "int too large to convert".to_string()
                        }
                    } else if f.native && !signed && code != b'I' {
                        "argument out of range".to_string()
                    } else {
                        range_msg(code, lo, hi)
                    };
                    return Err(struct_error(vm, msg));
                }
                let x = val.unwrap_or(0);
                put_uint(slot, x as u64, order);
            }
        }
    }
    Ok(())
}

fn unpack_buf(vm: &mut Vm, f: &Format, data: &[u8]) -> Value {
    let order = f.order;
    let mut out = Vec::with_capacity(f.nvalues);
    for it in &f.items {
        let d = &data[it.offset..it.offset + it.size];
        let v = match it.code {
            b's' => vm.alloc(Obj::Bytes(d.to_vec().into_boxed_slice())),
            b'p' => {
                let n = if it.count == 0 {
                    0
                } else {
                    (d[0] as usize).min(it.count - 1)
                };
                let body = if it.count == 0 { &d[..0] } else { &d[1..1 + n] };
                vm.alloc(Obj::Bytes(body.to_vec().into_boxed_slice()))
            }
            b'c' => vm.alloc(Obj::Bytes(vec![d[0]].into_boxed_slice())),
            b'?' => Value::Bool(d[0] != 0),
            b'd' => Value::Float(f64::from_bits(get_uint(d, order))),
            b'f' => Value::Float(f32::from_bits(get_uint(d, order) as u32) as f64),
            b'e' => Value::Float(from_half(get_uint(d, order) as u16)),
            code => {
                let u = get_uint(d, order);
                let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
                let bits = it.size * 8;
                if signed {
                    let shift = 64 - bits;
                    Value::Int(((u << shift) as i64) >> shift)
                } else if u <= i64::MAX as u64 {
                    Value::Int(u as i64)
                } else {
                    vm.new_bigint(BigInt::from(u))
                }
            }
        };
        out.push(v);
    }
    vm.new_tuple(out)
}

fn format_of(vm: &mut Vm, v: Value) -> PyResult<(Format, String)> {
    if let Some(st) = struct_obj(vm, v) {
        return Ok((st.fmt.clone(), st.text.clone()));
    }
    let text = match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => Some(s.s.clone()),
            Obj::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        },
        _ => None,
    };
    let Some(text) = text else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {tn}"
        )));
    };
    match parse(&text) {
        Ok(f) => Ok((f, text)),
        Err(msg) => Err(struct_error(vm, msg)),
    }
}

fn buffer_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_of(v) {
        Some(b) if vm.as_str(v).is_none() => Ok(b),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn do_pack(vm: &mut Vm, f: &Format, args: &[Value]) -> PyResult<Value> {
    let mut out = vec![0u8; f.size];
    pack_into_buf(vm, f, args, &mut out)?;
    Ok(vm.alloc(Obj::Bytes(out.into_boxed_slice())))
}

fn do_unpack(vm: &mut Vm, f: &Format, buf: Value) -> PyResult<Value> {
    let data = buffer_of(vm, buf)?;
    if data.len() != f.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", f.size),
        ));
    }
    Ok(unpack_buf(vm, f, &data))
}

fn offset_arg(vm: &mut Vm, v: Option<Value>, len: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(0) };
    let n = crate::builtins::num::index_required(vm, v)?;
    let n = n.to_i64().unwrap_or(i64::MIN);
    if n < 0 {
        if n.unsigned_abs() as usize > len {
            return Err(struct_error(
                vm,
                format!("offset {n} out of range for {len}-byte buffer"),
            ));
        }
        return Ok(len - n.unsigned_abs() as usize);
    }
    Ok(n as usize)
}

fn do_unpack_from(vm: &mut Vm, f: &Format, buf: Value, off: Option<Value>) -> PyResult<Value> {
    let data = buffer_of(vm, buf)?;
    let off = offset_arg(vm, off, data.len())?;
    if data.len() < off || data.len() - off < f.size {
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                f.size + off,
                f.size,
                off,
                data.len()
            ),
        ));
    }
    Ok(unpack_buf(vm, f, &data[off..off + f.size]))
}

fn do_pack_into(vm: &mut Vm, f: &Format, buf: Value, off: Value, args: &[Value]) -> PyResult<()> {
    let len = crate::object::memview::writable_len(&vm.heap, buf);
    let Some(len) = len else {
        let tn = vm.type_name(buf);
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {tn}"
        )));
    };
    let off = offset_arg(vm, Some(off), len)?;
    if len < off || len - off < f.size {
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                f.size + off,
                f.size,
                off,
                len
            ),
        ));
    }
    let mut tmp = vec![0u8; f.size];
    pack_into_buf(vm, f, args, &mut tmp)?;
    crate::object::memview::buffer_write(&mut vm.heap, buf, off, &tmp);
    Ok(())
}

fn do_iter_unpack(vm: &mut Vm, f: &Format, buf: Value) -> PyResult<Value> {
    let data = buffer_of(vm, buf)?;
    if f.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % f.size != 0 {
        return Err(struct_error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    let items: Vec<Value> = data.chunks(f.size).map(|c| unpack_buf(vm, f, c)).collect();
    let l = vm.new_list(items);
    vm.iter(l)
}

#[derive(Debug)]
struct StructObj {
    class: ObjRef,
    fmt: Format,
    text: String,
}

impl NativeObj for StructObj {
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

fn struct_obj(vm: &Vm, v: Value) -> Option<&StructObj> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => n.as_any().downcast_ref::<StructObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn self_format(vm: &mut Vm, v: Value) -> PyResult<Format> {
    match struct_obj(vm, v) {
        Some(s) => Ok(s.fmt.clone()),
        None => Err(vm.type_error("descriptor requires a '_struct.Struct' object")),
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "struct");
    let exc = vm.t.exception;
    let err = super::new_exception_class(vm, "struct.error", "error", "struct", exc)?;
    set_attr(vm, m, "error", Value::Obj(err));

    let c = super::dotted_class(vm, "_struct.Struct");
    add_staticmethod(vm, c, "__new__(cls, format)", |vm, a| {
        let Value::Obj(cls) = a.pos[0] else {
            return Err(vm.type_error("Struct.__new__(X): X is not a type object"));
        };
        let (fmt, text) = format_of(vm, a.pos[1])?;
        Ok(vm.alloc(Obj::NativeObj(Box::new(StructObj {
            class: cls,
            fmt,
            text,
        }))))
    });
    add_method(vm, c, "__init__(*args, **kwargs)", |_, _| Ok(Value::None));
    add_method(vm, c, "pack(*values)", |vm, a| {
        let f = self_format(vm, a.pos[0])?;
        do_pack(vm, &f, &a.pos[1..])
    });
    add_method(vm, c, "pack_into(buffer, offset, *values)", |vm, a| {
        let f = self_format(vm, a.pos[0])?;
        do_pack_into(vm, &f, a.pos[1], a.pos[2], &a.pos[3..])?;
        Ok(Value::None)
    });
    add_method(vm, c, "unpack(buffer, /)", |vm, a| {
        let f = self_format(vm, a.pos[0])?;
        do_unpack(vm, &f, a.pos[1])
    });
    add_method(vm, c, "unpack_from(buffer, offset=0)", |vm, a| {
        let f = self_format(vm, a.pos[0])?;
        let off = a.get(vm, 2, "offset");
        do_unpack_from(vm, &f, a.pos[1], off)
    });
    add_method(vm, c, "iter_unpack(buffer, /)", |vm, a| {
        let f = self_format(vm, a.pos[0])?;
        do_iter_unpack(vm, &f, a.pos[1])
    });
    let getters: [(&str, NativeFnPtr); 2] = [
        ("format", |vm, a| {
            let t = struct_obj(vm, a.pos[0]).map(|s| s.text.clone());
            Ok(vm.new_str(t.unwrap_or_default()))
        }),
        ("size", |vm, a| {
            let n = struct_obj(vm, a.pos[0]).map_or(0, |s| s.fmt.size);
            Ok(Value::Int(n as i64))
        }),
    ];
    for (name, g) in getters {
        let gv = vm.new_native("getter(self, /)", format!("Struct.{name}"), g);
        let p = vm.alloc(Obj::Property(Box::new([
            gv,
            Value::None,
            Value::None,
            Value::None,
        ])));
        set_class_attr(vm, c, name, p);
    }
    set_attr(vm, m, "Struct", Value::Obj(c));

    add_fn(vm, m, "calcsize(format, /)", |vm, a| {
        let (f, _) = format_of(vm, a.pos[0])?;
        Ok(Value::Int(f.size as i64))
    });
    add_fn(vm, m, "pack(format, /, *values)", |vm, a| {
        let (f, _) = format_of(vm, a.pos[0])?;
        do_pack(vm, &f, &a.pos[1..])
    });
    add_fn(
        vm,
        m,
        "pack_into(format, buffer, offset, /, *values)",
        |vm, a| {
            let (f, _) = format_of(vm, a.pos[0])?;
            do_pack_into(vm, &f, a.pos[1], a.pos[2], &a.pos[3..])?;
            Ok(Value::None)
        },
    );
    add_fn(vm, m, "unpack(format, buffer, /)", |vm, a| {
        let (f, _) = format_of(vm, a.pos[0])?;
        do_unpack(vm, &f, a.pos[1])
    });
    add_fn(
        vm,
        m,
        "unpack_from(format, /, buffer, offset=0)",
        |vm, a| {
            let (f, _) = format_of(vm, a.pos[0])?;
            let off = a.get(vm, 2, "offset");
            do_unpack_from(vm, &f, a.pos[1], off)
        },
    );
    add_fn(vm, m, "iter_unpack(format, buffer, /)", |vm, a| {
        let (f, _) = format_of(vm, a.pos[0])?;
        do_iter_unpack(vm, &f, a.pos[1])
    });
    Ok(m)
}
