//! What the embedding boundary and the CLI need when an internal invariant
//! fails (a Rust panic inside the VM): the Python stack at that moment, as a
//! traceback, and a VM reset to a state where it can run code again.

use crate::object::Fiber;
use crate::vm::Vm;

impl Vm {
    /// The weft frames that were running (outermost first, resumers before
    /// the fiber they resumed), as CPython's traceback header and entries.
    pub fn stack_summary(&self) -> String {
        let mut out = String::from("Traceback (most recent call last):\n");
        let fibers = self
            .suspended
            .iter()
            .map(|f| &**f)
            .chain(std::iter::once(&self.fiber));
        for fiber in fibers {
            push_frames(&mut out, fiber);
        }
        out
    }

    /// Forget every running frame and nested-run state after a panic
    /// unwound through the dispatch loop, so the VM can run new code.
    /// Heap objects stay; what they referenced only from the dropped frames
    /// is garbage for the next collection.
    pub fn reset_after_panic(&mut self) {
        self.fiber = Fiber::new(None);
        self.suspended.clear();
        self.temp_roots.clear();
        self.native_args.clear();
        self.repr_stack.clear();
        self.depth = 0;
        self.native_depth = 0;
        self.native_inline = false;
        self.pending_await = None;
        self.varargs_tuple = None;
    }
}

fn push_frames(out: &mut String, fiber: &Fiber) {
    for f in &fiber.frames {
        let code = &f.code.code;
        let line = code.line_at((f.ip as usize).saturating_sub(1));
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            code.filename, line, code.name
        ));
    }
}
