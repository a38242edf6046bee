//! Values, the heap and the object types.

pub mod dict;
pub mod frame;
pub mod heap;
pub mod memview;
pub mod obj;
pub mod sig;
pub mod value;
pub mod weakref;

pub use dict::Dict;
pub use frame::{Block, Fiber, Frame, OnReturn, ResumeMode};
pub use heap::Heap;
pub use obj::*;
pub use sig::Sig;
pub use value::{ObjRef, Value};
