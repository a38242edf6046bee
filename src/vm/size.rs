//! Sizes and repeat counts that come from scripts (`[0] * n`, `s.center(n)`,
//! `(5).to_bytes(n)`, `bytes(n)`): one place that turns them into Rust
//! sizes, raising what CPython raises for the same expression instead of a
//! capacity-overflow panic or an allocation abort.
//!
//! CPython's rule: a count that does not fit a C `ssize_t` is an
//! OverflowError; a product of count and item size past `PY_SSIZE_T_MAX`,
//! or an allocation the system refuses, is a MemoryError.

use crate::object::*;

use super::Vm;

impl Vm {
    /// A bare MemoryError (CPython's `PyErr_NoMemory`).
    pub fn no_memory(&mut self) -> Value {
        self.new_error(self.t.memory_error, "")
    }

    /// `count` items of `item` bytes each, as a byte count that an
    /// allocation can ask for: MemoryError past what the machine has
    /// (`crate::sysmem`).
    pub fn alloc_bytes(&mut self, count: usize, item: usize) -> PyResult<usize> {
        match count.checked_mul(item.max(1)) {
            Some(n) if crate::sysmem::fits(n) => Ok(n),
            _ => Err(self.no_memory()),
        }
    }

    /// An empty Vec with room for `n` items, or MemoryError when the system
    /// refuses the reservation (where `Vec::with_capacity` would abort).
    pub fn try_vec<T>(&mut self, n: usize) -> PyResult<Vec<T>> {
        let mut v = Vec::new();
        self.alloc_bytes(n, std::mem::size_of::<T>())?;
        v.try_reserve_exact(n).map_err(|_| self.no_memory())?;
        Ok(v)
    }

    /// Room for `extra` more items in `v`, or MemoryError.
    pub fn try_grow<T>(&mut self, v: &mut Vec<T>, extra: usize) -> PyResult<()> {
        let total = v.len().checked_add(extra).ok_or_else(|| self.no_memory())?;
        self.alloc_bytes(total, std::mem::size_of::<T>())?;
        v.try_reserve(extra).map_err(|_| self.no_memory())
    }

    /// MemoryError unless `bytes` more bytes may be allocated, checked
    /// before text of that size is built.
    pub fn room_for(&mut self, bytes: usize) -> PyResult<()> {
        self.alloc_bytes(bytes, 1).map(|_| ())
    }

    /// A C `ssize_t` argument (a width, a count): an int past it is
    /// CPython's OverflowError; None if `v` is not an integer.
    pub fn ssize_of(&mut self, v: Value) -> PyResult<Option<i64>> {
        if let Value::Obj(r) = v {
            if matches!(self.heap.get(r), Obj::BigInt(_)) {
                return Err(self.new_error(
                    self.t.overflow_error,
                    "Python int too large to convert to C ssize_t",
                ));
            }
        }
        self.index_of(v)
    }

    /// The count of a sequence repetition (`s * n`): negative counts are
    /// 0; an int past `ssize_t` either way is CPython's OverflowError. None
    /// if `v` is not an integer.
    pub fn repeat_count(&mut self, v: Value) -> PyResult<Option<usize>> {
        if let Value::Obj(r) = v {
            if matches!(self.heap.get(r), Obj::BigInt(_)) {
                return Err(self.new_error(
                    self.t.overflow_error,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
        }
        Ok(self.index_of(v)?.map(|n| n.max(0) as usize))
    }

    /// `items` repeated `n` times (sequence repetition), or MemoryError.
    pub fn try_repeat<T: Copy>(&mut self, items: &[T], n: usize) -> PyResult<Vec<T>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let total = items.len().checked_mul(n).ok_or_else(|| self.no_memory())?;
        let mut v = self.try_vec(total)?;
        for _ in 0..n {
            v.extend_from_slice(items);
        }
        Ok(v)
    }

    /// `s` repeated `n` times: CPython's OverflowError when the length
    /// passes `ssize_t`, else MemoryError if it cannot be had.
    pub fn try_repeat_str(&mut self, s: &str, n: usize) -> PyResult<String> {
        if s.chars()
            .count()
            .checked_mul(n)
            .is_none_or(|c| c > isize::MAX as usize)
        {
            return Err(self.new_error(self.t.overflow_error, "repeated string is too long"));
        }
        let v = self.try_repeat(s.as_bytes(), n)?;
        // Whole copies of valid UTF-8 are valid UTF-8.
        Ok(String::from_utf8(v).unwrap_or_default())
    }
}
