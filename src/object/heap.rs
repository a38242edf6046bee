//! The VM-owned heap and its mark-and-sweep collector.
//!
//! Objects live in a slot vector and are named by index (`ObjRef`). The VM
//! decides when to collect (only at instruction boundaries) and supplies the
//! roots; marking uses an explicit work stack, so a million-deep nested list is
//! no deeper for Rust than a flat one.

use super::obj::Obj;
use super::value::{ObjRef, Value};

pub struct Heap {
    slots: Vec<Option<Obj>>,
    marks: Vec<u64>,
    free: Vec<u32>,
    live: usize,
    /// Allocations since the last collection.
    pub since_gc: usize,
    /// Collect when `since_gc` passes this.
    pub threshold: usize,
    pub collections: u64,
    /// Approximate bytes allocated since the last collection: big strings
    /// and lists trigger a collection long before the object count would.
    pub bytes_since_gc: usize,
    pub byte_threshold: usize,
    /// Names of coroutines the last collection freed unstarted (the VM
    /// reports them as RuntimeWarnings).
    pub never_awaited: Vec<String>,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

/// The slot vector is reserved once, large, and never reallocated in the
/// common case: pages of a reservation cost no memory until they are
/// touched, while growing by doubling copied every slot and left the old
/// buffer resident in the allocator (measured on 100k pending tasks: 76
/// bytes per object, more than the 48-byte slot itself).
fn reserve_slots() -> Vec<Option<Obj>> {
    let mut slots = Vec::new();
    // 16M slots (768 MiB of address space) where the system lets us reserve
    // it; systems that refuse large reservations get less, and a heap that
    // outgrows the reservation grows as a Vec does.
    for shift in [24, 20, 16, 10] {
        if slots.try_reserve_exact(1usize << shift).is_ok() {
            break;
        }
    }
    // Slot 0 stays empty for good: no ObjRef is 0 (see ObjRef).
    slots.push(None);
    slots
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            slots: reserve_slots(),
            marks: Vec::new(),
            free: Vec::new(),
            live: 0,
            since_gc: 0,
            threshold: 100_000,
            collections: 0,
            bytes_since_gc: 0,
            byte_threshold: 64 << 20,
            never_awaited: Vec::new(),
        }
    }

    #[inline]
    pub fn alloc(&mut self, obj: Obj) -> ObjRef {
        self.live += 1;
        self.since_gc += 1;
        self.bytes_since_gc += obj.heap_size();
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            ObjRef::from_index(i)
        } else {
            let i = self.slots.len() as u32;
            self.slots.push(Some(obj));
            ObjRef::from_index(i)
        }
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Obj {
        match self.slots.get(r.index()) {
            Some(Some(o)) => o,
            _ => dangling(r),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Obj {
        match self.slots.get_mut(r.index()) {
            Some(Some(o)) => o,
            _ => dangling(r),
        }
    }

    pub fn live(&self) -> usize {
        self.live
    }

    #[inline]
    pub fn should_collect(&self) -> bool {
        self.since_gc >= self.threshold || self.bytes_since_gc >= self.byte_threshold
    }

    /// Mark everything reachable from `roots`, free the rest. Returns the
    /// number of objects freed.
    pub fn collect(&mut self, roots: &[Value]) -> usize {
        let words = self.slots.len().div_ceil(64);
        self.marks.clear();
        self.marks.resize(words, 0);
        // Objects are marked when first seen and queued by index, so the
        // work stack holds each object once, 4 bytes each; containers hand
        // over their items without an intermediate Vec (a list of 100k
        // tasks used to push 1.6 MB of Values through `scratch` and again
        // onto a 16-byte-per-entry stack).
        let (slots, marks) = (&self.slots, &mut self.marks);
        let mut stack: Vec<u32> = Vec::new();
        let mut scratch = Vec::new();
        #[inline(always)]
        fn mark(marks: &mut [u64], stack: &mut Vec<u32>, v: Value) {
            if let Value::Obj(r) = v {
                let i = r.index();
                if let Some(w) = marks.get_mut(i / 64) {
                    let b = 1u64 << (i % 64);
                    if *w & b == 0 {
                        *w |= b;
                        stack.push(i as u32);
                    }
                }
            }
        }
        for &v in roots {
            mark(marks, &mut stack, v);
        }
        while let Some(i) = stack.pop() {
            match slots.get(i as usize) {
                Some(Some(Obj::List(items))) => {
                    for &v in items {
                        mark(marks, &mut stack, v);
                    }
                }
                Some(Some(Obj::Tuple(items))) => {
                    for &v in items.iter() {
                        mark(marks, &mut stack, v);
                    }
                }
                Some(Some(Obj::Dict(d) | Obj::Set(d, _))) => {
                    for e in d.iter() {
                        mark(marks, &mut stack, e.key);
                        mark(marks, &mut stack, e.value);
                    }
                }
                Some(Some(o)) => {
                    scratch.clear();
                    o.trace(&mut scratch);
                    for &v in &scratch {
                        mark(marks, &mut stack, v);
                    }
                }
                _ => {}
            }
        }
        // Coroutines freed without ever being started: CPython warns
        // "coroutine '...' was never awaited" when it deallocates them.
        for i in 0..self.slots.len() {
            if self.marks[i / 64] & (1u64 << (i % 64)) == 0 {
                if let Some(Obj::Gen(g)) = &self.slots[i] {
                    if g.kind == super::obj::GenKind::Coroutine
                        && g.state == super::obj::GenState::Created
                    {
                        {
                            let q = g.qualname;
                            if let Some(Obj::Str(s)) =
                                self.slots.get(q.index()).and_then(|o| o.as_ref())
                            {
                                self.never_awaited.push(s.s.to_string());
                            }
                        }
                    }
                }
            }
        }
        let mut freed = 0;
        let mut live_bytes = 0usize;
        // Dropping an object frees only its own Rust storage (children are
        // indices), so sweeping never recurses.
        for i in 0..self.slots.len() {
            if self.marks[i / 64] & (1u64 << (i % 64)) == 0 {
                if self.slots[i].is_some() {
                    self.slots[i] = None;
                    self.free.push(i as u32);
                    freed += 1;
                }
            } else if let Some(o) = &self.slots[i] {
                live_bytes += o.heap_size();
            }
        }
        self.bytes_since_gc = 0;
        self.byte_threshold = live_bytes.max(64 << 20);
        self.live -= freed;
        self.since_gc = 0;
        // Next collection after the heap grows by as much as is live now
        // (at least 100k allocations), so collection work stays proportional.
        self.threshold = self.live.max(100_000);
        self.collections += 1;
        freed
    }
}

#[cold]
#[inline(never)]
fn dangling(r: ObjRef) -> ! {
    panic!(
        "weft internal error: reference to a freed object #{}",
        r.raw()
    )
}
