//! `Value`: the 16-byte Copy handle every part of the VM passes around.

use std::num::NonZeroU32;

/// An index into the VM's heap. Copy, 4 bytes; only valid while the object
/// is reachable from a root (the collector frees unreachable slots). Heap
/// slot 0 is never used, so a ref is never 0 and `Option<ObjRef>` is 4
/// bytes too (frames, futures and fibers hold many).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjRef(NonZeroU32);

impl ObjRef {
    /// The ref to heap slot `i` (slot 0 is never allocated; asking for it
    /// gives a ref no slot answers to, which reads as dangling).
    #[inline]
    pub fn from_index(i: u32) -> ObjRef {
        ObjRef(NonZeroU32::new(i).unwrap_or(NonZeroU32::MAX))
    }

    #[inline]
    pub fn index(self) -> usize {
        self.0.get() as usize
    }

    /// The slot number, for hashing and ids.
    #[inline]
    pub fn raw(self) -> u32 {
        self.0.get()
    }
}

/// A Python value. Small values are immediate; everything else lives on the
/// heap behind an `ObjRef`.
// An 8-byte tag puts every payload at offset 8, so a Value copies as two
// aligned words. With a 1-byte tag, `Bool` sat at offset 1 and LLVM copied
// Values as overlapping unaligned pieces, which stalled store forwarding on
// every stack push.
#[derive(Debug, Clone, Copy, Default)]
#[repr(u64)]
pub enum Value {
    /// Internal only: an unbound local, an empty slot, "no self" after
    /// `LoadMethod`. Never visible to Python code.
    Undefined,
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Value {
    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }
    #[inline]
    pub fn is_undefined(self) -> bool {
        matches!(self, Value::Undefined)
    }
    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }
    /// Identity (`is`): same immediate value or same heap object.
    #[inline]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Undefined, Value::Undefined) => true,
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        self.is(*other)
    }
}

impl From<ObjRef> for Value {
    fn from(r: ObjRef) -> Value {
        Value::Obj(r)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }
}
