//! memoryview's data: a window on the bytes of a bytes or bytearray object
//! (the exporter), read and written in place, so that a view of a
//! bytearray sees and makes changes to it. The methods are in
//! builtins/memoryview.rs; this layer only reads and writes the memory,
//! for the natives that take any bytes-like object (`Vm::bytes_of`) or a
//! writable buffer (`buffer_write`).
//!
//! Views are one-dimensional (shape `(n,)`, or `()` for a 0-d cast); the
//! window is `len` items of `itemsize` bytes starting at byte `start`,
//! `stride` bytes apart (negative for a reversed slice).

use super::heap::Heap;
use super::obj::{NativeObj, Obj};
use super::value::{ObjRef, Value};

#[derive(Debug)]
pub struct MemView {
    pub class: ObjRef,
    /// What `memoryview(x)` was given (`.obj`).
    pub obj: Value,
    /// The Bytes or ByteArray holding the memory (`obj` itself, or a copy
    /// for exporters that keep their items as values, like array).
    pub buf: ObjRef,
    pub start: usize,
    pub len: usize,
    pub stride: isize,
    pub itemsize: usize,
    /// The struct format of an item (`"B"`, `"i"`, `"d"`...).
    pub format: String,
    pub readonly: bool,
    pub released: bool,
    /// 0 for a view cast to shape `[]` (one item, no length).
    pub ndim: u8,
}

impl NativeObj for MemView {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.obj);
        out.push(Value::Obj(self.buf));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

impl MemView {
    /// Bytes of the view in item order, or None when released or when the
    /// exporter shrank below the window.
    pub fn read(&self, heap: &Heap) -> Option<Vec<u8>> {
        if self.released {
            return None;
        }
        let mem: &[u8] = match heap.get(self.buf) {
            Obj::Bytes(b) => b,
            Obj::ByteArray(b) => b,
            _ => return None,
        };
        if self.stride == self.itemsize as isize {
            let end = self.start.checked_add(self.len * self.itemsize)?;
            return mem.get(self.start..end).map(|s| s.to_vec());
        }
        let mut out = Vec::with_capacity(self.len * self.itemsize);
        for k in 0..self.len {
            let at = self.item_offset(k)?;
            out.extend_from_slice(mem.get(at..at + self.itemsize)?);
        }
        Some(out)
    }

    /// The byte offset of item `k` in the exporter's memory.
    pub fn item_offset(&self, k: usize) -> Option<usize> {
        let off = (self.start as isize).checked_add(self.stride.checked_mul(k as isize)?)?;
        usize::try_from(off).ok()
    }

    pub fn nbytes(&self) -> usize {
        self.len * self.itemsize
    }
}

/// The view behind a value, if it is a memoryview.
pub fn memview(heap: &Heap, v: Value) -> Option<&MemView> {
    match v {
        Value::Obj(r) => match heap.get(r) {
            Obj::NativeObj(n) => n.as_any().downcast_ref::<MemView>(),
            _ => None,
        },
        _ => None,
    }
}

/// Bytes a writable buffer (a bytearray or a writable, unreleased
/// memoryview) can take; None for anything else.
pub fn writable_len(heap: &Heap, v: Value) -> Option<usize> {
    let Value::Obj(r) = v else { return None };
    match heap.get(r) {
        Obj::ByteArray(b) => Some(b.len()),
        Obj::NativeObj(n) => {
            let m = n.as_any().downcast_ref::<MemView>()?;
            (!m.readonly && !m.released).then(|| m.nbytes())
        }
        _ => None,
    }
}

/// Copy `data` into a writable buffer at byte `at` (of the view, for a
/// memoryview). False when `v` is not writable or the bytes do not fit.
pub fn buffer_write(heap: &mut Heap, v: Value, at: usize, data: &[u8]) -> bool {
    let Value::Obj(r) = v else { return false };
    let view = match heap.get(r) {
        Obj::ByteArray(_) => None,
        Obj::NativeObj(n) => match n.as_any().downcast_ref::<MemView>() {
            Some(m) if !m.readonly && !m.released => {
                Some((m.buf, m.start, m.stride, m.itemsize, m.len))
            }
            _ => return false,
        },
        _ => return false,
    };
    match view {
        None => match heap.get_mut(r) {
            Obj::ByteArray(b) => match b.get_mut(at..at + data.len()) {
                Some(dst) => {
                    dst.copy_from_slice(data);
                    true
                }
                None => false,
            },
            _ => false,
        },
        Some((buf, start, stride, itemsize, len)) => {
            if at + data.len() > len * itemsize {
                return false;
            }
            let Obj::ByteArray(mem) = heap.get_mut(buf) else {
                return false;
            };
            for (i, &byte) in data.iter().enumerate() {
                let pos = at + i;
                let (k, within) = (pos / itemsize, pos % itemsize);
                let off = start as isize + stride * k as isize + within as isize;
                match usize::try_from(off).ok().and_then(|o| mem.get_mut(o)) {
                    Some(dst) => *dst = byte,
                    None => return false,
                }
            }
            true
        }
    }
}
