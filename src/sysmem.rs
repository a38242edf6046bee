//! The largest single allocation a script may ask for. The allocator
//! (mimalloc) maps huge blocks without reserving them, so the system never
//! refuses a request the way CPython's malloc sees it refused: a request
//! for a terabyte would succeed and the process would die filling it.
//! Sizes that come from scripts are checked against the machine's RAM plus
//! swap (what Linux's heuristic overcommit allows one allocation) and get
//! MemoryError beyond it, as in CPython.

use std::sync::OnceLock;

/// Bytes of RAM plus swap, read once.
pub fn max_single_alloc() -> usize {
    static MAX: OnceLock<usize> = OnceLock::new();
    *MAX.get_or_init(|| {
        // SAFETY: sysinfo fills the zeroed struct it is given and reads
        // nothing else.
        let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
        if unsafe { libc::sysinfo(&mut info) } != 0 {
            return isize::MAX as usize;
        }
        let unit = info.mem_unit.max(1) as u128;
        let total = (info.totalram as u128 + info.totalswap as u128) * unit;
        total.min(isize::MAX as u128) as usize
    })
}

/// Whether one allocation of `bytes` may be attempted.
pub fn fits(bytes: usize) -> bool {
    bytes <= max_single_alloc()
}
