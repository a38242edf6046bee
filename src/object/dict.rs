//! An insertion-ordered hash table keyed by Python values (dict, set,
//! namespaces).
//!
//! Equality of keys may need user code (`__eq__`), which only the VM can run,
//! so the table never compares keys itself: lookups take a comparison result
//! from the caller through `find`, which is given a closure that answers
//! "is the key at entry i equal to mine?" and may report that it needs the VM.

use super::value::Value;

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// `Value::Undefined` marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

/// Tables with fewer entries than this have no index (linear scan).
const SMALL: usize = 8;
const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

#[derive(Debug, Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    /// Open-addressing index into `entries`; length is 0 or a power of two.
    indices: Vec<u32>,
    len: usize,
    /// Bumped on every change (new key, removal, value replaced): LoadGlobal's
    /// inline caches compare it.
    pub version: u32,
    /// Bit `hash & 63` is set for the hash of every key inserted since the
    /// table was last empty (removals leave their bit): a clear bit proves
    /// a key absent without a lookup (LoadMethod's check that an instance
    /// dict does not shadow a method).
    hash_bits: u64,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::default();
        if n > 0 {
            d.entries.reserve(n);
            if n >= SMALL {
                d.rebuild((n * 3 / 2).next_power_of_two().max(8));
            }
        }
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_undefined())
    }

    /// Number of entry slots (live or deleted): iteration positions range over these.
    #[inline]
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// The live entry at slot `i`, if any.
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_undefined())
    }

    /// Mutable access to a live entry. Counts as a change (bumps `version`),
    /// since callers use it to replace values and global caches must see it.
    pub fn entry_at_mut(&mut self, i: usize) -> Option<&mut Entry> {
        self.version = self.version.wrapping_add(1);
        self.entries.get_mut(i).filter(|e| !e.key.is_undefined())
    }

    /// The value at slot `ix` if that slot's key is `key` itself (identity):
    /// the check behind an attribute site's remembered slot.
    #[inline]
    pub fn value_if_key_at(&self, ix: usize, key: Value) -> Option<Value> {
        match self.entries.get(ix) {
            Some(e) if e.key.is(key) => Some(e.value),
            _ => None,
        }
    }

    /// Replace the value at slot `ix` if that slot's key is `key` itself.
    #[inline]
    pub fn set_value_if_key_at(&mut self, ix: usize, key: Value, value: Value) -> bool {
        match self.entries.get_mut(ix) {
            Some(e) if e.key.is(key) => {
                e.value = value;
                self.version = self.version.wrapping_add(1);
                true
            }
            _ => false,
        }
    }

    /// Find the entry whose key equals ours. `eq(entry_key)` answers
    /// Some(true/false), or None when the comparison needs user code; then
    /// `find` returns `Err(())` and the caller falls back to `candidates`.
    #[inline]
    #[allow(clippy::result_unit_err)]
    pub fn find(
        &self,
        hash: i64,
        mut eq: impl FnMut(Value) -> Option<bool>,
    ) -> Result<Option<usize>, ()> {
        if self.indices.is_empty() {
            // Small tables have no index: scan the entries (hash first).
            for (ix, e) in self.entries.iter().enumerate() {
                if e.hash == hash && !e.key.is_undefined() {
                    match eq(e.key) {
                        Some(true) => return Ok(Some(ix)),
                        Some(false) => {}
                        None => return Err(()),
                    }
                }
            }
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DELETED {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    match eq(e.key) {
                        Some(true) => return Ok(Some(ix as usize)),
                        Some(false) => {}
                        None => return Err(()),
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Entry indices whose hash equals `hash` (for comparisons that run user code).
    pub fn candidates(&self, hash: i64) -> smallvec::SmallVec<[usize; 4]> {
        let mut out = smallvec::SmallVec::new();
        if self.indices.is_empty() {
            for (ix, e) in self.entries.iter().enumerate() {
                if e.hash == hash && !e.key.is_undefined() {
                    out.push(ix);
                }
            }
            return out;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return out;
            }
            if ix != DELETED && self.entries[ix as usize].hash == hash {
                out.push(ix as usize);
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Bit of `hash` in `hash_bits`.
    #[inline]
    pub fn hash_bit(hash: i64) -> u64 {
        1u64 << (hash as u64 & 63)
    }

    /// False if no key with a hash whose bit is `bit` (see `hash_bit`) can
    /// be in the table.
    #[inline]
    pub fn may_contain(&self, bit: u64) -> bool {
        self.hash_bits & bit != 0
    }

    /// Append a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.hash_bits |= Dict::hash_bit(hash);
        if self.indices.is_empty() && self.entries.len() < SMALL {
            // Small tables (most instance dicts, kwargs) skip the index.
            self.entries.push(Entry { hash, key, value });
            self.len += 1;
            self.version = self.version.wrapping_add(1);
            return;
        }
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            let want = ((self.len + 1) * 3).next_power_of_two().max(8);
            self.compact();
            self.rebuild(want);
        }
        let ix = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.place(hash, ix);
        self.len += 1;
        self.version = self.version.wrapping_add(1);
    }

    /// Remove the entry at index `ix` (found by `find`), returning it.
    pub fn remove_at(&mut self, ix: usize) -> Entry {
        let e = self.entries[ix];
        if !self.indices.is_empty() {
            self.unindex(ix, e.hash);
        }
        self.entries[ix].key = Value::Undefined;
        self.entries[ix].value = Value::Undefined;
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        if self.len == 0 {
            self.hash_bits = 0;
            self.entries.clear();
            self.indices.iter_mut().for_each(|x| *x = EMPTY);
        }
        e
    }

    /// Mark the index slot pointing at entry `ix` deleted.
    fn unindex(&mut self, ix: usize, hash: i64) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.indices[i] == ix as u32 {
                self.indices[i] = DELETED;
                break;
            }
            if self.indices[i] == EMPTY {
                break;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Remove and return the last live entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let ix = self.entries.iter().rposition(|e| !e.key.is_undefined())?;
        let e = self.remove_at(ix);
        self.entries.truncate(ix);
        Some(e)
    }

    pub fn clear(&mut self) {
        self.hash_bits = 0;
        self.entries.clear();
        self.indices.clear();
        self.len = 0;
        self.version = self.version.wrapping_add(1);
    }

    /// Values of live entries, in order (keys, values or both).
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value).collect()
    }

    fn place(&mut self, hash: i64, ix: u32) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.indices[i] = ix;
    }

    fn compact(&mut self) {
        if self.entries.len() != self.len {
            self.entries.retain(|e| !e.key.is_undefined());
        }
    }

    fn rebuild(&mut self, size: usize) {
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        for ix in 0..self.entries.len() {
            let h = self.entries[ix].hash;
            self.place(h, ix as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_eq(k: i64) -> impl FnMut(Value) -> Option<bool> {
        move |v| match v {
            Value::Int(x) => Some(x == k),
            _ => Some(false),
        }
    }

    #[test]
    fn hash_bits_cover_every_live_key() {
        let mut d = Dict::new();
        assert!(!d.may_contain(Dict::hash_bit(5)));
        for k in 0..20i64 {
            d.insert_new(k * 3, Value::Int(k), Value::None);
        }
        for k in 0..20i64 {
            assert!(d.may_contain(Dict::hash_bit(k * 3)));
        }
        assert!(!d.may_contain(Dict::hash_bit(61)));
        let ix = d.find(0, key_eq(0)).unwrap().unwrap();
        d.remove_at(ix);
        assert!(d.may_contain(Dict::hash_bit(3)));
        d.clear();
        assert!(!d.may_contain(Dict::hash_bit(3)));
        d.insert_new(-7, Value::Int(1), Value::None);
        assert!(d.may_contain(Dict::hash_bit(-7)));
        d.remove_at(0);
        assert!(!d.may_contain(Dict::hash_bit(-7)));
    }

    #[test]
    fn insert_find_remove_keeps_order() {
        let mut d = Dict::new();
        for k in 0..1000i64 {
            d.insert_new(k % 7, Value::Int(k), Value::Int(k * 2));
        }
        assert_eq!(d.len(), 1000);
        for k in 0..1000i64 {
            let ix = d.find(k % 7, key_eq(k)).unwrap().unwrap();
            assert!(matches!(d.entry_at(ix).unwrap().value, Value::Int(v) if v == k * 2));
        }
        for k in (0..1000i64).step_by(2) {
            let ix = d.find(k % 7, key_eq(k)).unwrap().unwrap();
            d.remove_at(ix);
        }
        assert_eq!(d.len(), 500);
        let keys: Vec<i64> = d
            .iter()
            .map(|e| match e.key {
                Value::Int(x) => x,
                _ => -1,
            })
            .collect();
        assert_eq!(keys, (1..1000).step_by(2).collect::<Vec<_>>());
        assert!(d.find(2, key_eq(2)).unwrap().is_none());
        d.insert_new(5, Value::Int(2), Value::None);
        assert!(d.find(5, key_eq(2)).unwrap().is_some());
    }
}
