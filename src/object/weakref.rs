//! Weak references' data. A `WeakRef` names its referent without tracing
//! it; the collector (heap.rs) clears every weak reference to an object it
//! frees, before the sweep, and queues the ones with a callback for the VM
//! to call. The natives of `weakref.ref` are in modules/weakref.rs.

use super::obj::NativeObj;
use super::value::{ObjRef, Value};

#[derive(Debug)]
pub struct WeakRef {
    pub class: ObjRef,
    /// None once the referent was collected.
    pub referent: Option<ObjRef>,
    /// Called with this reference when the referent dies (None: none).
    pub callback: Value,
    /// The referent's hash, kept once computed (a dead reference still
    /// hashes as its referent did).
    pub hash: Option<i64>,
    /// Attributes of instances of subclasses.
    pub dict: Option<ObjRef>,
}

impl NativeObj for WeakRef {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        // Not the referent: that is what makes the reference weak.
        out.push(self.callback);
        out.extend(self.dict.map(Value::Obj));
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
    fn attr_dict(&self) -> Option<ObjRef> {
        self.dict
    }
    fn set_attr_dict(&mut self, d: ObjRef) -> bool {
        self.dict = Some(d);
        true
    }
}
