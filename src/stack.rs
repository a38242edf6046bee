//! Stack independence: weft runs on any thread, the 2 MiB default of a
//! spawned Rust thread included. Rust recursion whose depth a script
//! controls (a nested run of the dispatch loop, repr / comparison / hash of
//! nested objects, the compiler's walks over deep expressions) passes through
//! `guard`, which moves the rest of the walk onto a fresh heap-allocated
//! stack segment when less than `RED_ZONE` bytes are left. Depth itself stays
//! bounded by `sys.getrecursionlimit()` and the compiler's limits; the guard
//! only makes sure those limits, not the host's thread, decide.

/// Bytes that must be left before entering a guarded level. It must cover
/// the deepest Rust stack used between two nested guarded points (the
/// dispatch loop's frame plus a native calling back into the VM, or one
/// level of repr / comparison / codegen). Measured by recording the stack
/// left at each guard against its parent's over tests/stack.rs and
/// tests/limits.rs (the conformance corpus, recursion to the limit, deep
/// sources): at most 8 KiB in the dev profile. 256 KiB leaves room for
/// natives with large frames and for release-build inlining.
pub const RED_ZONE: usize = 256 * 1024;

/// Size of each new segment (virtual memory, committed as it is touched).
pub const SEGMENT: usize = 4 * 1024 * 1024;

/// Run `f`, first switching to a new stack segment if this one is low.
#[inline]
pub fn guard<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
