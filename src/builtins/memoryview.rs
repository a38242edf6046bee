//! `memoryview`: views on the memory of bytes, bytearray and array objects
//! (the data and its reads and writes are in object/memview.rs).
//!
//! What weft does differently: views are one-dimensional (a cast to a
//! shape of more than one dimension raises NotImplementedError); an array
//! keeps its items as values, so `memoryview(array)` views a read-only
//! copy of its bytes; and a bytearray may still be resized while a view
//! exists (CPython refuses with BufferError), after which reading the view
//! past the bytearray's new end raises IndexError.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::memview::{buffer_write, memview, MemView};
use crate::object::*;
use crate::vm::Vm;

use super::{add_method, add_staticmethod, set_class_attr};

pub fn install(vm: &mut Vm) {
    let c = vm.native_class("memoryview", None);
    let doc = vm.new_str("Create a new memoryview object which references the given object.");
    set_class_attr(vm, c, "__doc__", doc);
    vm.set_builtin("memoryview", Value::Obj(c));
    add_staticmethod(vm, c, "__new__(type, object)", |vm, a| {
        let Value::Obj(cls) = a.pos[0] else {
            return Err(vm.type_error("memoryview.__new__(X): X is not a type object"));
        };
        let obj = a.get(vm, 1, "object").unwrap_or(Value::None);
        new_view(vm, cls, obj)
    });
    add_method(vm, c, "__len__()", |vm, a| {
        let m = view(vm, a.pos[0])?;
        if m.ndim == 0 {
            return Err(vm.type_error("0-dim memory has no length"));
        }
        Ok(Value::Int(m.len as i64))
    });
    add_method(vm, c, "__getitem__(key, /)", getitem);
    add_method(vm, c, "__setitem__(key, value, /)", setitem);
    add_method(vm, c, "__delitem__(key, /)", |vm, a| {
        let ro = view(vm, a.pos[0])?.readonly;
        Err(vm.type_error(if ro {
            "cannot modify read-only memory"
        } else {
            "cannot delete memory"
        }))
    });
    add_method(vm, c, "__iter__()", |vm, a| {
        let items = items(vm, a.pos[0])?;
        let l = vm.new_list(items);
        vm.iter(l)
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let released = view_any(vm, a.pos[0])?.released;
        let addr = match a.pos[0] {
            Value::Obj(r) => crate::vm::display::addr(r),
            _ => String::new(),
        };
        let what = if released {
            "released memory"
        } else {
            "memory"
        };
        Ok(vm.new_str(format!("<{what} at {addr}>")))
    });
    add_method(vm, c, "__eq__(other, /)", |vm, a| {
        eq(vm, a.pos[0], a.pos[1])
    });
    add_method(vm, c, "__ne__(other, /)", |vm, a| {
        match eq(vm, a.pos[0], a.pos[1])? {
            Value::Bool(b) => Ok(Value::Bool(!b)),
            other => Ok(other),
        }
    });
    add_method(vm, c, "__hash__()", |vm, a| {
        let m = view(vm, a.pos[0])?;
        if !m.readonly {
            return Err(vm.value_error("cannot hash writable memoryview object"));
        }
        if !matches!(m.format.as_str(), "B" | "b" | "c") {
            return Err(
                vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
            );
        }
        let b = read(vm, a.pos[0])?;
        let bv = vm.alloc(Obj::Bytes(b.into_boxed_slice()));
        vm.hash(bv).map(Value::Int)
    });
    add_method(vm, c, "__enter__()", |vm, a| {
        view(vm, a.pos[0])?;
        Ok(a.pos[0])
    });
    add_method(vm, c, "__exit__(*args)", |vm, a| {
        release(vm, a.pos[0])?;
        Ok(Value::None)
    });
    add_method(vm, c, "release()", |vm, a| {
        release(vm, a.pos[0])?;
        Ok(Value::None)
    });
    add_method(vm, c, "tobytes(order='C')", |vm, a| {
        if let Some(o) = a.get(vm, 1, "order") {
            let ok = o.is_none() || matches!(vm.as_str(o), Some("C" | "F" | "A"));
            if !ok {
                return Err(vm.value_error("order must be 'C', 'F' or 'A'"));
            }
        }
        let b = read(vm, a.pos[0])?;
        Ok(vm.alloc(Obj::Bytes(b.into_boxed_slice())))
    });
    add_method(vm, c, "tolist()", |vm, a| {
        let m = view(vm, a.pos[0])?;
        if m.ndim == 0 {
            let mut it = items(vm, a.pos[0])?;
            return Ok(it.pop().unwrap_or(Value::None));
        }
        let it = items(vm, a.pos[0])?;
        Ok(vm.new_list(it))
    });
    add_method(vm, c, "hex(sep=None, bytes_per_sep=1)", |vm, a| {
        let b = read(vm, a.pos[0])?;
        let bv = vm.alloc(Obj::Bytes(b.into_boxed_slice()));
        vm.temp_roots.push(bv);
        let hk = vm.intern("hex");
        let r = vm.getattr(bv, hk).and_then(|f| {
            let kw: Vec<(Value, Value)> = a.kw.to_vec();
            vm.call_kw(f, &a.pos[1..], &kw)
        });
        vm.temp_roots.pop();
        r
    });
    add_method(vm, c, "toreadonly()", |vm, a| {
        let v = sub_view(vm, a.pos[0], |m| m.readonly = true)?;
        Ok(v)
    });
    add_method(vm, c, "cast(format, shape=None)", cast);
    for (name, f) in [
        ("obj", prop_obj as NativeFnPtr),
        ("nbytes", |vm, a| {
            Ok(Value::Int(view(vm, a.pos[0])?.nbytes() as i64))
        }),
        ("readonly", |vm, a| {
            Ok(Value::Bool(view(vm, a.pos[0])?.readonly))
        }),
        ("itemsize", |vm, a| {
            Ok(Value::Int(view(vm, a.pos[0])?.itemsize as i64))
        }),
        ("format", |vm, a| {
            let f = view(vm, a.pos[0])?.format.clone();
            Ok(vm.new_str(f))
        }),
        ("ndim", |vm, a| {
            Ok(Value::Int(view(vm, a.pos[0])?.ndim as i64))
        }),
        ("shape", |vm, a| {
            let m = view(vm, a.pos[0])?;
            let v = (m.ndim == 1).then_some(Value::Int(m.len as i64));
            Ok(vm.new_tuple(v.into_iter().collect()))
        }),
        ("strides", |vm, a| {
            let m = view(vm, a.pos[0])?;
            let v = (m.ndim == 1).then_some(Value::Int(m.stride as i64));
            Ok(vm.new_tuple(v.into_iter().collect()))
        }),
        ("suboffsets", |vm, a| {
            view(vm, a.pos[0])?;
            Ok(vm.new_tuple(Vec::new()))
        }),
        ("contiguous", contiguous),
        ("c_contiguous", contiguous),
        ("f_contiguous", contiguous),
    ] {
        let getter = vm.new_native("fget(self, /)", format!("memoryview.{name}"), f);
        let prop = vm.alloc(Obj::Property(Box::new([
            getter,
            Value::None,
            Value::None,
            Value::None,
        ])));
        set_class_attr(vm, c, name, prop);
    }
}

fn prop_obj(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(view(vm, a.pos[0])?.obj)
}

fn contiguous(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = view(vm, a.pos[0])?;
    Ok(Value::Bool(m.len <= 1 || m.stride == m.itemsize as isize))
}

/// `memoryview(obj)`.
fn new_view(vm: &mut Vm, cls: ObjRef, obj: Value) -> PyResult<Value> {
    let src = match obj {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Bytes(b) => Some((r, b.len(), true)),
            Obj::ByteArray(b) => Some((r, b.len(), false)),
            _ => None,
        },
        _ => None,
    };
    if let Some((buf, len, readonly)) = src {
        return Ok(vm.alloc(Obj::NativeObj(Box::new(MemView {
            class: cls,
            obj,
            buf,
            start: 0,
            len,
            stride: 1,
            itemsize: 1,
            format: "B".into(),
            readonly,
            released: false,
            ndim: 1,
        }))));
    }
    if memview(&vm.heap, obj).is_some() {
        let m = view(vm, obj)?;
        let mut copy = clone_view(m);
        copy.class = cls;
        return Ok(vm.alloc(Obj::NativeObj(Box::new(copy))));
    }
    // An instance of a bytes/bytearray subclass exposes its value.
    if let Value::Obj(r) = obj {
        if let Obj::Instance(i) = vm.heap.get(r) {
            let base = i.base;
            if let Value::Obj(b) = base {
                if let Obj::Bytes(_) | Obj::ByteArray(_) = vm.heap.get(b) {
                    let v = new_view(vm, cls, base)?;
                    if let Value::Obj(vr) = v {
                        if let Obj::NativeObj(n) = vm.heap.get_mut(vr) {
                            if let Some(m) = n.as_any_mut().downcast_mut::<MemView>() {
                                m.obj = obj;
                            }
                        }
                    }
                    return Ok(v);
                }
            }
        }
    }
    if let Some(v) = array_view(vm, cls, obj)? {
        return Ok(v);
    }
    let tn = vm.type_name(obj);
    Err(vm.type_error(format!(
        "memoryview: a bytes-like object is required, not '{tn}'"
    )))
}

/// A read-only view of an array.array's bytes (see the module doc).
fn array_view(vm: &mut Vm, cls: ObjRef, obj: Value) -> PyResult<Option<Value>> {
    let is_array = match obj {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)) => {
            let c = vm.type_of(obj);
            let mk = vm.n.module;
            let module = vm.class_dict_get(c, mk);
            vm.class_name(c) == "array" && module.and_then(|m| vm.as_str(m)) == Some("array")
        }
        _ => false,
    };
    if !is_array {
        return Ok(None);
    }
    let tk = vm.intern("typecode");
    let code = vm.getattr(obj, tk)?;
    let code = vm.as_str(code).unwrap_or("B").to_string();
    let bk = vm.intern("tobytes");
    let f = vm.getattr(obj, bk)?;
    let bytes = vm.call(f, &[])?;
    let Value::Obj(buf) = bytes else {
        return Ok(None);
    };
    let n = match vm.heap.get(buf) {
        Obj::Bytes(b) => b.len(),
        _ => return Ok(None),
    };
    // 'u' is a 4-byte wide character on x86-64 Linux: CPython's format 'w'.
    let format = if code == "u" { "w".to_string() } else { code };
    let itemsize = item_size(&format).unwrap_or(1);
    Ok(Some(vm.alloc(Obj::NativeObj(Box::new(MemView {
        class: cls,
        obj,
        buf,
        start: 0,
        len: n / itemsize,
        stride: itemsize as isize,
        itemsize,
        format,
        readonly: true,
        released: false,
        ndim: 1,
    })))))
}

fn clone_view(m: &MemView) -> MemView {
    MemView {
        class: m.class,
        obj: m.obj,
        buf: m.buf,
        start: m.start,
        len: m.len,
        stride: m.stride,
        itemsize: m.itemsize,
        format: m.format.clone(),
        readonly: m.readonly,
        released: false,
        ndim: m.ndim,
    }
}

/// A new view like `v`'s, changed by `change`.
fn sub_view(vm: &mut Vm, v: Value, change: impl FnOnce(&mut MemView)) -> PyResult<Value> {
    let mut m = clone_view(view(vm, v)?);
    change(&mut m);
    Ok(vm.alloc(Obj::NativeObj(Box::new(m))))
}

/// The view of `v`, ValueError if released.
fn view(vm: &mut Vm, v: Value) -> PyResult<&MemView> {
    let released = view_any(vm, v)?.released;
    if released {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    view_any(vm, v)
}

fn view_any(vm: &mut Vm, v: Value) -> PyResult<&MemView> {
    if memview(&vm.heap, v).is_none() {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{tn}'"
        )));
    }
    let Value::Obj(r) = v else {
        unreachable!("checked")
    };
    match vm.heap.get(r) {
        Obj::NativeObj(n) => match n.as_any().downcast_ref::<MemView>() {
            Some(m) => Ok(m),
            None => unreachable!("checked"),
        },
        _ => unreachable!("checked"),
    }
}

fn release(vm: &mut Vm, v: Value) -> PyResult<()> {
    view_any(vm, v)?;
    if let Value::Obj(r) = v {
        if let Obj::NativeObj(n) = vm.heap.get_mut(r) {
            if let Some(m) = n.as_any_mut().downcast_mut::<MemView>() {
                m.released = true;
            }
        }
    }
    Ok(())
}

/// The view's bytes in item order.
fn read(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    view(vm, v)?;
    match memview(&vm.heap, v).and_then(|m| m.read(&vm.heap)) {
        Some(b) => Ok(b),
        None => Err(resized(vm)),
    }
}

fn resized(vm: &mut Vm) -> Value {
    vm.new_error(
        vm.t.index_error,
        "memoryview: the underlying buffer was resized below the view",
    )
}

/// The view's items as values.
fn items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    let bytes = read(vm, v)?;
    let m = view(vm, v)?;
    let (format, size) = (m.format.clone(), m.itemsize);
    let mut out = Vec::with_capacity(bytes.len() / size.max(1));
    for chunk in bytes.chunks(size.max(1)) {
        out.push(unpack(vm, &format, chunk)?);
    }
    Ok(out)
}

/// Bytes of one item of a native single-character format.
fn item_size(format: &str) -> Option<usize> {
    let code = format.strip_prefix('@').unwrap_or(format);
    Some(match code {
        "c" | "b" | "B" | "?" => 1,
        "h" | "H" | "e" => 2,
        "i" | "I" | "f" | "w" => 4,
        "l" | "L" | "q" | "Q" | "n" | "N" | "d" | "P" => 8,
        _ => return None,
    })
}

fn unpack(vm: &mut Vm, format: &str, b: &[u8]) -> PyResult<Value> {
    let code = format.strip_prefix('@').unwrap_or(format);
    let arr = |n: usize| -> [u8; 8] {
        let mut a = [0u8; 8];
        a[..n].copy_from_slice(&b[..n]);
        a
    };
    Ok(match code {
        "c" => vm.alloc(Obj::Bytes(b[..1].to_vec().into_boxed_slice())),
        "b" => Value::Int(b[0] as i8 as i64),
        "B" => Value::Int(b[0] as i64),
        "?" => Value::Bool(b[0] != 0),
        "h" => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        "H" => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        "i" => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        "I" => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        "l" | "q" | "n" => Value::Int(i64::from_ne_bytes(arr(8))),
        "L" | "Q" | "N" | "P" => {
            let u = u64::from_ne_bytes(arr(8));
            match i64::try_from(u) {
                Ok(i) => Value::Int(i),
                Err(_) => vm.new_bigint(BigInt::from(u)),
            }
        }
        "f" => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        "d" => Value::Float(f64::from_ne_bytes(arr(8))),
        "e" => Value::Float(f16_to_f64(u16::from_ne_bytes([b[0], b[1]]))),
        "w" => {
            let u = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            match char::from_u32(u) {
                Some(c) => vm.new_str(c.to_string()),
                None => return Err(vm.value_error("character U+{u:x} is not in range")),
            }
        }
        _ => {
            return Err(vm.new_error(
                vm.t.not_implemented_error,
                format!("memoryview: format {format} not supported"),
            ))
        }
    })
}

fn pack(vm: &mut Vm, format: &str, v: Value) -> PyResult<Vec<u8>> {
    let code = format.strip_prefix('@').unwrap_or(format);
    let bad_type =
        |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{format}'"));
    let bad_value =
        |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{format}'"));
    match code {
        "c" => match vm.bytes_of(v) {
            Some(b) if b.len() == 1 && !is_view(vm, v) => Ok(b),
            Some(_) => Err(bad_value(vm)),
            None => Err(bad_type(vm)),
        },
        "?" => Ok(vec![vm.truthy(v)? as u8]),
        "f" | "d" | "e" => {
            let x = match v {
                Value::Float(f) => f,
                Value::Int(i) => i as f64,
                Value::Bool(b) => b as i64 as f64,
                _ => match vm.as_bigint(v) {
                    Some(b) => b.to_f64().unwrap_or(f64::INFINITY),
                    None => return Err(bad_type(vm)),
                },
            };
            Ok(match code {
                "f" => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        return Err(vm.new_error(
                            vm.t.overflow_error,
                            "float too large to pack with f format",
                        ));
                    }
                    y.to_ne_bytes().to_vec()
                }
                "d" => x.to_ne_bytes().to_vec(),
                _ => match f64_to_f16(x) {
                    Some(h) => h.to_ne_bytes().to_vec(),
                    None => {
                        return Err(vm.new_error(
                            vm.t.overflow_error,
                            "float too large to pack with e format",
                        ))
                    }
                },
            })
        }
        "w" => match vm.as_str(v) {
            Some(s) if s.chars().count() == 1 => {
                let c = s.chars().next().map_or(0, |c| c as u32);
                Ok(c.to_ne_bytes().to_vec())
            }
            Some(_) => Err(bad_value(vm)),
            None => Err(bad_type(vm)),
        },
        _ => {
            let n: i128 = match v {
                Value::Int(i) => i as i128,
                Value::Bool(b) => b as i128,
                Value::Float(_) => return Err(bad_type(vm)),
                _ => match vm.as_bigint(v) {
                    Some(b) => b.to_i128().unwrap_or(i128::MAX),
                    None if matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_))) => {
                        match vm.index_of(v)? {
                            Some(i) => i as i128,
                            None => return Err(bad_type(vm)),
                        }
                    }
                    None => return Err(bad_type(vm)),
                },
            };
            let size = item_size(code).unwrap_or(8);
            let signed = matches!(code, "b" | "h" | "i" | "l" | "q" | "n");
            let (lo, hi) = if signed {
                (-(1i128 << (size * 8 - 1)), (1i128 << (size * 8 - 1)) - 1)
            } else {
                (0, (1i128 << (size * 8)) - 1)
            };
            if n < lo || n > hi {
                return Err(bad_value(vm));
            }
            let bytes = (n as u128 as u64).to_ne_bytes();
            Ok(if cfg!(target_endian = "little") {
                bytes[..size].to_vec()
            } else {
                bytes[8 - size..].to_vec()
            })
        }
    }
}

fn is_view(vm: &Vm, v: Value) -> bool {
    memview(&vm.heap, v).is_some()
}

/// An index into the view, negative from the end; IndexError past it.
fn index(vm: &mut Vm, m_len: usize, key: Value) -> PyResult<Option<usize>> {
    let i = match key {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::Float(_) => return Ok(None),
        _ => {
            if vm.as_str(key).is_some() {
                return Ok(None);
            }
            match vm.index_of(key)? {
                Some(i) => i,
                None => return Ok(None),
            }
        }
    };
    let k = if i < 0 { i + m_len as i64 } else { i };
    if k < 0 || k >= m_len as i64 {
        return Err(vm.new_error(vm.t.index_error, "index out of bounds on dimension 1"));
    }
    Ok(Some(k as usize))
}

fn slice_of(vm: &Vm, key: Value) -> Option<[Value; 3]> {
    match key {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Slice(s) => Some(**s),
            _ => None,
        },
        _ => None,
    }
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let key = a.pos[1];
    let m = view(vm, me)?;
    let (len, ndim, start, stride, itemsize, buf) =
        (m.len, m.ndim, m.start, m.stride, m.itemsize, m.buf);
    let format = m.format.clone();
    if ndim == 0 {
        if matches!(key, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(t) if t.is_empty())) {
            let mut it = items(vm, me)?;
            return Ok(it.pop().unwrap_or(Value::None));
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(s) = slice_of(vm, key) {
        let (st, _, step, count) = crate::vm::items::slice_bounds(vm, s, len)?;
        return sub_view(vm, me, |m| {
            if count > 0 {
                m.start = (start as isize + stride * st as isize) as usize;
            }
            m.stride = stride * step as isize;
            m.len = count;
        });
    }
    let Some(k) = index(vm, len, key)? else {
        if matches!(key, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_))) {
            return Err(vm.new_error(
                vm.t.not_implemented_error,
                "multi-dimensional sub-views are not implemented",
            ));
        }
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let off = (start as isize + stride * k as isize) as usize;
    let bytes = match vm.heap.get(buf) {
        Obj::Bytes(b) => b.get(off..off + itemsize).map(|s| s.to_vec()),
        Obj::ByteArray(b) => b.get(off..off + itemsize).map(|s| s.to_vec()),
        _ => None,
    };
    match bytes {
        Some(b) => unpack(vm, &format, &b),
        None => Err(resized(vm)),
    }
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (me, key, value) = (a.pos[0], a.pos[1], a.pos[2]);
    let m = view(vm, me)?;
    let (len, readonly, itemsize, ndim) = (m.len, m.readonly, m.itemsize, m.ndim);
    let format = m.format.clone();
    if readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if ndim == 0 {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(s) = slice_of(vm, key) {
        let (st, _, step, count) = crate::vm::items::slice_bounds(vm, s, len)?;
        let (src_format, data) = match memview(&vm.heap, value) {
            Some(src) => {
                let f = src.format.clone();
                (f, read(vm, value)?)
            }
            None => match vm.bytes_of(value) {
                Some(b) => ("B".to_string(), b),
                None => {
                    let tn = vm.type_name(value);
                    return Err(
                        vm.type_error(format!("a bytes-like object is required, not '{tn}'"))
                    );
                }
            },
        };
        let same = src_format.trim_start_matches('@') == format.trim_start_matches('@')
            && data.len() == count * itemsize;
        if !same {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        for k in 0..count {
            let item = (st + step * k as i64) as usize;
            let chunk = &data[k * itemsize..(k + 1) * itemsize];
            if !buffer_write(&mut vm.heap, me, item * itemsize, chunk) {
                return Err(resized(vm));
            }
        }
        return Ok(Value::None);
    }
    let Some(k) = index(vm, len, key)? else {
        return Err(vm.type_error("memoryview: invalid slice key"));
    };
    let bytes = pack(vm, &format, value)?;
    if !buffer_write(&mut vm.heap, me, k * itemsize, &bytes) {
        return Err(resized(vm));
    }
    Ok(Value::None)
}

/// `==`: equal shapes and equal items (as struct unpacks them); bytes and
/// bytearray compare as views of unsigned bytes.
fn eq(vm: &mut Vm, me: Value, other: Value) -> PyResult<Value> {
    if me.is(other) {
        return Ok(Value::Bool(true));
    }
    let mine = view_any(vm, me)?.released;
    let theirs = memview(&vm.heap, other).map(|m| m.released);
    if mine || theirs == Some(true) {
        return Ok(Value::Bool(false));
    }
    let right = match theirs {
        Some(_) => items(vm, other)?,
        None => match vm.bytes_of(other) {
            Some(b) => b.into_iter().map(|x| Value::Int(x as i64)).collect(),
            None => return Ok(vm.not_implemented),
        },
    };
    let left = items(vm, me)?;
    if left.len() != right.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in left.into_iter().zip(right) {
        if !vm.eq(x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `cast(format, shape=None)`: byte formats to any native format and
/// back, one dimension (or shape `[]` for one item).
fn cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = a.pos[0];
    let fv = a.pos[1];
    let Some(format) = vm.as_str(fv).map(|s| s.to_string()) else {
        let tn = vm.type_name(fv);
        return Err(vm.type_error(format!(
            "memoryview.cast(): argument 'format' must be str, not {tn}"
        )));
    };
    let m = view(vm, me)?;
    let (old_format, nbytes, contiguous) = (
        m.format.clone(),
        m.nbytes(),
        m.len <= 1 || m.stride == m.itemsize as isize,
    );
    let Some(size) = item_size(&format).filter(|_| !matches!(format.as_str(), "w" | "e")) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !contiguous {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_fmt = |f: &str| matches!(f.trim_start_matches('@'), "B" | "b" | "c");
    if !byte_fmt(&format) && !byte_fmt(&old_format) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let mut ndim = 1u8;
    let mut len = nbytes / size;
    if let Some(shape) = a.get(vm, 2, "shape").filter(|s| !s.is_none()) {
        let dims = vm.collect_iterable(shape)?;
        match dims.as_slice() {
            [] => {
                if size != nbytes {
                    return Err(
                        vm.type_error("memoryview: product(shape) * itemsize != buffer size")
                    );
                }
                ndim = 0;
                len = 1;
            }
            [n] => {
                let n = match vm.index_of(*n)? {
                    Some(n) if n > 0 => n as usize,
                    _ => {
                        return Err(vm.value_error(
                            "memoryview.cast(): elements of shape must be integers > 0",
                        ))
                    }
                };
                if n.checked_mul(size) != Some(nbytes) {
                    return Err(
                        vm.type_error("memoryview: product(shape) * itemsize != buffer size")
                    );
                }
                len = n;
            }
            _ => {
                return Err(vm.new_error(
                    vm.t.not_implemented_error,
                    "memoryview.cast(): weft's memoryview is one-dimensional",
                ))
            }
        }
    } else if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    sub_view(vm, me, |m| {
        m.format = format;
        m.itemsize = size;
        m.stride = size as isize;
        m.len = len;
        m.ndim = ndim;
    })
}

/// IEEE 754 half precision to double.
fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1024.0 + frac) * 2f64.powi(exp - 25),
    }
}

/// Double to half precision, rounding half to even; None on overflow.
fn f64_to_f16(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a < 2f64.powi(-14) {
        // Subnormal (or zero): units of 2**-24; 1024 units is the
        // smallest normal, whose bits are the same number.
        let m = (a * 2f64.powi(24)).round_ties_even() as u16;
        return Some(sign | m);
    }
    let mut e = a.log2().floor() as i32;
    // log2 may be off by one near powers of two.
    if 2f64.powi(e) > a {
        e -= 1;
    } else if 2f64.powi(e + 1) <= a {
        e += 1;
    }
    let mut m = (a * 2f64.powi(10 - e)).round_ties_even() as u32;
    if m == 2048 {
        m = 1024;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | (m as u16 - 1024))
}
