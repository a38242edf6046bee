//! The event loop core: futures, tasks, timers and the ready queue
//! (DESIGN.md decision 4). The `_asyncio` module (src/modules/asyncio.rs)
//! exposes it; the higher layers of asyncio are weft code in
//! stdlib/asyncio.py.

pub mod await_step;
pub mod eventloop;
pub mod fibers;
pub mod future;
pub mod oserror;
pub mod pool;
pub mod queue;
pub mod reactor;
pub mod socket;
