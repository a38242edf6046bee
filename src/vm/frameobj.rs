//! Frame objects for introspection: `sys._getframe()`, `tb.tb_frame` and
//! the stack walks of the `traceback` and `warnings` modules.
//!
//! weft's frames live on fibers and are reused, so a frame object is a
//! snapshot made when asked for: its code, line, globals and the snapshot
//! of its caller (`f_back`). `f_locals` is the namespace of module and
//! class frames and an empty dict for function frames.

use std::rc::Rc;

use crate::object::*;

use super::Vm;

/// A running frame as seen from outside: code, ip, globals, locals dict
/// (if any), and a stack base.
pub type LiveFrame = (Rc<CodeRt>, u32, ObjRef, Option<ObjRef>, u32);

impl Vm {
    /// The class of frame objects (`types.FrameType`).
    pub fn frame_class(&mut self) -> ObjRef {
        if let Some(&c) = self.native_classes.get("frame") {
            return c;
        }
        let c = self.native_class("frame", None);
        let f = self.new_native("__repr__()", "frame.__repr__", |vm, a| {
            let me = a.pos[0];
            let addr = match me {
                Value::Obj(r) => super::display::addr(r),
                _ => String::new(),
            };
            let mut parts = Vec::new();
            for k in ["f_code", "f_lineno"] {
                let k = vm.intern(k);
                parts.push(vm.getattr(me, k)?);
            }
            let (file, name) = match parts[0] {
                Value::Obj(r) => match vm.heap.get(r) {
                    Obj::Code(c) => (c.code.filename.to_string(), c.code.name.to_string()),
                    _ => (String::new(), String::new()),
                },
                _ => (String::new(), String::new()),
            };
            let line = vm.repr_string(parts[1])?;
            let s = format!("<frame at {addr}, file '{file}', line {line}, code {name}>");
            Ok(vm.new_str(s))
        });
        let d = match self.heap.get(c) {
            Obj::Class(k) => k.dict,
            _ => return c,
        };
        let k = self.intern("__repr__");
        self.dict_set_str(d, k, f);
        c
    }

    /// A frame object for `code` at `line`.
    pub fn new_frame_object(
        &mut self,
        code: Rc<CodeRt>,
        line: u32,
        globals: Option<ObjRef>,
        locals: Option<ObjRef>,
        back: Value,
        lasti: i64,
    ) -> Value {
        let cls = self.frame_class();
        let d = self.heap.alloc(Obj::Dict(Box::default()));
        let codev = self.alloc(Obj::Code(code));
        let g = match globals {
            Some(g) => Value::Obj(g),
            None => self.new_dict(),
        };
        let l = match locals {
            Some(l) => Value::Obj(l),
            None => self.new_dict(),
        };
        for (k, v) in [
            ("f_code", codev),
            ("f_lineno", Value::Int(line as i64)),
            ("f_globals", g),
            ("f_locals", l),
            ("f_back", back),
            ("f_trace", Value::None),
            // The instruction running (an index, not CPython's byte
            // offset): traceback draws the frame's caret line from it.
            ("f_lasti", Value::Int(lasti)),
        ] {
            let k = self.intern(k);
            self.dict_set_str(d, k, v);
        }
        self.alloc(Obj::Instance(Box::new(Instance {
            class: cls,
            dict: Some(d),
            exc: None,
            base: Value::None,
        })))
    }

    /// The running frames, innermost first, with the line each is at and
    /// its globals and namespace (the frames of fibers that resumed this
    /// one follow, as their callers).
    pub fn live_frames(&self) -> Vec<LiveFrame> {
        let mut out = Vec::new();
        let fibers = std::iter::once(&self.fiber).chain(self.suspended.iter().rev().map(|b| &**b));
        for fiber in fibers {
            for f in fiber.frames.iter().rev() {
                let ip = (f.ip as usize).saturating_sub(1);
                let line = f.code.code.line_at(ip);
                let lasti = f.code.code.fault_ip(ip) as u32;
                let locals = if f.func.is_none() {
                    Some(f.locals.unwrap_or(f.globals))
                } else {
                    f.locals
                };
                out.push((f.code.clone(), line, f.globals, locals, lasti));
            }
        }
        out
    }

    /// `sys._getframe(depth)`: the frame `depth` calls above the caller,
    /// with its chain of callers.
    pub fn get_frame(&mut self, depth: usize) -> PyResult<Value> {
        let frames = self.live_frames();
        if depth >= frames.len() {
            return Err(self.value_error("call stack is not deep enough"));
        }
        let mut back = Value::None;
        let mark = self.temp_roots.len();
        for (code, line, g, l, lasti) in frames[depth..].iter().rev() {
            back = self.new_frame_object(code.clone(), *line, Some(*g), *l, back, *lasti as i64);
            self.temp_roots.push(back);
        }
        self.temp_roots.truncate(mark);
        Ok(back)
    }
}
