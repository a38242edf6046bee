//! The VM-owned heap and its mark-and-sweep collector.
//!
//! Objects live in a slot vector and are named by index (`ObjRef`). The VM
//! decides when to collect (only at instruction boundaries) and supplies the
//! roots; marking uses an explicit work stack, so a million-deep nested list is
//! no deeper for Rust than a flat one.

use super::obj::Obj;
use super::value::{ObjRef, Value};
use super::weakref::WeakRef;

/// The fewest allocations between two collections. Small enough that the
/// slots and buffers a short-lived-object loop cycles through stay in L2
/// (fannkuch.py at scale 0.5: 100_000 -> 8_000 took its user time from
/// 1.21 s to 0.84 s); the live set at startup is ~1,500 objects, so
/// marking it costs little per allocation even this often. 4_000 was ~8%
/// faster again on fannkuch.py but raised async_spawn.py's peak RSS from
/// 67 to 73 MB (not understood yet).
const MIN_THRESHOLD: usize = 8_000;

/// The allocations between collections while up to a quarter of this is
/// live (more live: as many as are live).
const BASE_THRESHOLD: usize = 100_000;

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
    pub never_awaited: Vec<(String, super::obj::Origin)>,
    /// The last collection freed a class or a str (the VM then drops its
    /// cached attribute lookups, which name classes and names by slot).
    pub freed_class: bool,
    /// The slots of the generators and coroutines allocated (live or not
    /// yet found dead), for the never-awaited warning.
    gens: Vec<u32>,
    /// Weak references by referent slot: the slots of the `WeakRef`s
    /// naming it (cleared when the referent is freed).
    weak: std::collections::HashMap<u32, Vec<u32>>,
    /// Cleared weak references whose callbacks the VM has yet to call
    /// (roots until then), in the order to call them.
    pub weak_pending: Vec<ObjRef>,
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
            threshold: MIN_THRESHOLD,
            collections: 0,
            bytes_since_gc: 0,
            byte_threshold: 64 << 20,
            never_awaited: Vec::new(),
            freed_class: false,
            gens: Vec::new(),
            weak: std::collections::HashMap::new(),
            weak_pending: Vec::new(),
        }
    }

    #[inline]
    pub fn alloc(&mut self, obj: Obj) -> ObjRef {
        self.live += 1;
        self.since_gc += 1;
        self.bytes_since_gc += obj.heap_size();
        debug_assert!(
            !matches!(obj, Obj::Gen(_)),
            "generators go through alloc_gen"
        );
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            ObjRef::from_index(i)
        } else {
            let i = self.slots.len() as u32;
            self.slots.push(Some(obj));
            ObjRef::from_index(i)
        }
    }

    /// `alloc` for a generator or coroutine (`Obj::Gen`): listed for the
    /// collector's never-awaited check.
    pub fn alloc_gen(&mut self, obj: Obj) -> ObjRef {
        self.live += 1;
        self.since_gc += 1;
        self.bytes_since_gc += obj.heap_size();
        let i = if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            i
        } else {
            let i = self.slots.len() as u32;
            self.slots.push(Some(obj));
            i
        };
        self.gens.push(i);
        ObjRef::from_index(i)
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

    /// Record that the `WeakRef` at `wr` names `referent`.
    pub fn register_weak(&mut self, referent: ObjRef, wr: ObjRef) {
        self.weak
            .entry(referent.index() as u32)
            .or_default()
            .push(wr.index() as u32);
    }

    /// The weak references to `referent` still alive, oldest first.
    pub fn weakrefs_to(&self, referent: ObjRef) -> Vec<ObjRef> {
        let Some(list) = self.weak.get(&(referent.index() as u32)) else {
            return Vec::new();
        };
        list.iter()
            .filter(|&&i| {
                matches!(self.slots.get(i as usize), Some(Some(Obj::NativeObj(n)))
                    if n.as_any().downcast_ref::<WeakRef>().is_some_and(|w| w.referent == Some(referent)))
            })
            .map(|&i| ObjRef::from_index(i))
            .collect()
    }

    /// Clear the weak references to the objects this collection frees
    /// (unmarked), forget the freed weak references, and queue the
    /// callbacks: per referent newest first (CPython's order), referents
    /// in slot order.
    fn clear_weak(&mut self) {
        let marks = &self.marks;
        let marked = |i: u32| marks[i as usize / 64] & (1u64 << (i % 64)) != 0;
        let mut dead: Vec<(u32, Vec<u32>)> = Vec::new();
        self.weak.retain(|&referent, refs| {
            refs.retain(|&w| marked(w));
            if refs.is_empty() {
                return false;
            }
            if marked(referent) {
                return true;
            }
            dead.push((referent, std::mem::take(refs)));
            false
        });
        dead.sort_unstable_by_key(|(r, _)| *r);
        for (_, refs) in dead {
            for &w in refs.iter().rev() {
                if let Some(Some(Obj::NativeObj(n))) = self.slots.get_mut(w as usize) {
                    if let Some(wr) = n.as_any_mut().downcast_mut::<WeakRef>() {
                        wr.referent = None;
                        if !wr.callback.is_none() {
                            self.weak_pending.push(ObjRef::from_index(w));
                        }
                    }
                }
            }
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
        for &r in &self.weak_pending {
            mark(marks, &mut stack, Value::Obj(r));
        }
        // Counted while marking, which reads every live object anyway (the
        // sweep then touches only dead slots).
        let mut live_bytes = 0usize;
        while let Some(i) = stack.pop() {
            let slot = slots.get(i as usize);
            if let Some(Some(o)) = slot {
                live_bytes += o.heap_size();
            }
            match slot {
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
        if !self.weak.is_empty() {
            self.clear_weak();
        }
        // Coroutines freed without ever being started: CPython warns
        // "coroutine '...' was never awaited" when it deallocates them.
        // Generators are listed as they are allocated, so finding the dead
        // ones reads no other dead object (and every name is still there).
        let mut gens = std::mem::take(&mut self.gens);
        let mut unawaited: Vec<(u32, String, super::obj::Origin)> = Vec::new();
        gens.retain(|&i| {
            let (ix, i) = (i, i as usize);
            if self.marks[i / 64] & (1u64 << (i % 64)) != 0 {
                return true;
            }
            if let Some(Obj::Gen(g)) = &self.slots[i] {
                if g.kind == super::obj::GenKind::Coroutine
                    && g.state == super::obj::GenState::Created
                {
                    if let Some(Obj::Str(s)) =
                        self.slots.get(g.qualname.index()).and_then(|o| o.as_ref())
                    {
                        unawaited.push((ix, s.s.to_string(), g.origin));
                    }
                }
            }
            false
        });
        self.gens = gens;
        // In slot order, as a sweep meets them.
        unawaited.sort_unstable_by_key(|&(i, _, _)| i);
        self.never_awaited
            .extend(unawaited.into_iter().map(|(_, name, o)| (name, o)));
        // Sweep: drop every unmarked object, noting whether a class or a
        // str died (the VM's attribute caches name classes and attribute
        // names by slot, and a freed slot may be reused).
        // One pass over the slots: each dead object is read once.
        // A word at a time: marked slots are skipped unread.
        let mut freed = 0;
        let mut top = 1;
        let len = self.slots.len();
        for (w, &m) in self.marks.iter().enumerate() {
            if m != 0 {
                // Marks are only set for occupied slots.
                top = top.max(w * 64 + 64 - m.leading_zeros() as usize);
            }
            let mut dead = !m;
            while dead != 0 {
                let i = w * 64 + dead.trailing_zeros() as usize;
                dead &= dead - 1;
                if i >= len {
                    break;
                }
                // Dropping an object frees only its own Rust storage
                // (children are indices), so sweeping never recurses.
                let Some(o) = self.slots[i].take() else {
                    continue;
                };
                freed += 1;
                if let Obj::Class(_) | Obj::Str(_) = o {
                    self.freed_class = true;
                }
            }
        }
        // Free slots above the highest live object are given back, and the
        // free list is rebuilt so that allocation reuses the lowest slots
        // first (`pop` takes from the end): a program whose live set is
        // small keeps its objects, and the next sweep, within a few hundred
        // KB that stay in cache, even after a phase that used many slots.
        self.slots.truncate(top);
        self.free.clear();
        for w in (0..top.div_ceil(64)).rev() {
            let mut dead = !self.marks[w];
            while dead != 0 {
                let b = 63 - dead.leading_zeros() as usize;
                dead &= !(1u64 << b);
                let i = w * 64 + b;
                if i != 0 && i < top {
                    self.free.push(i as u32);
                }
            }
        }
        self.bytes_since_gc = 0;
        self.byte_threshold = live_bytes.max(64 << 20);
        self.live -= freed;
        self.since_gc = 0;
        // Next collection after the heap grows by as much as is live now,
        // so marking work stays proportional; at least 4x the live set up
        // to BASE_THRESHOLD (small live sets collect often, in cache;
        // middling ones are not marked over and over); and after at least
        // a quarter of the slots the sweep visits (up to BASE_THRESHOLD:
        // more let async_spawn.py's garbage pile up, +2 MB peak), so a live
        // object stranded high up cannot make every sweep long.
        self.threshold = self
            .live
            .max((4 * self.live).min(BASE_THRESHOLD))
            .max((self.slots.len() / 4).min(BASE_THRESHOLD))
            .max(MIN_THRESHOLD);
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
