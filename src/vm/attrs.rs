//! Attributes that built-in objects expose without a namespace
//! (`f.__name__`, `e.args`, `c.__mro__`, `g.gi_running`...).

use crate::object::*;

use super::Vm;

/// A copy of an attribute name that does not borrow the heap, so code can
/// match on it while calling `&mut Vm` methods. Names up to 32 bytes (all
/// the special ones) stay on the stack: `e.args` in a loop allocated a
/// String per access.
pub(crate) struct NameCopy {
    buf: [u8; 32],
    len: usize,
    long: Option<String>,
}

impl NameCopy {
    pub(crate) fn new(s: &str) -> NameCopy {
        let mut buf = [0u8; 32];
        if s.len() <= buf.len() {
            buf[..s.len()].copy_from_slice(s.as_bytes());
            NameCopy {
                buf,
                len: s.len(),
                long: None,
            }
        } else {
            NameCopy {
                buf,
                len: 0,
                long: Some(s.to_string()),
            }
        }
    }

    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match &self.long {
            Some(l) => l,
            // A whole str was copied, so this is valid UTF-8.
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default(),
        }
    }
}

impl Vm {
    /// Special attributes of non-class objects; None if `name` is not one.
    pub(crate) fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let nc = NameCopy::new(self.str_of(name));
        let n = nc.as_str();
        if n == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(obj))));
        }
        let Value::Obj(r) = obj else {
            return Ok(match (obj, n) {
                (Value::Int(_) | Value::Bool(_), "real" | "numerator") => Some(match obj {
                    Value::Bool(b) => Value::Int(b as i64),
                    _ => obj,
                }),
                (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
                (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
                (Value::Float(_), "real") => Some(obj),
                (Value::Float(_), "imag") => Some(Value::Float(0.0)),
                _ => None,
            });
        };
        let v = match self.heap.get(r) {
            Obj::BigInt(_) => match n {
                "real" | "numerator" => Some(obj),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Obj::Complex(re, im) => match n {
                "real" => Some(Value::Float(*re)),
                "imag" => Some(Value::Float(*im)),
                _ => None,
            },
            Obj::Function(f) => match n {
                "__name__" => Some(f.name),
                "__qualname__" => Some(f.qualname),
                "__doc__" => Some(f.doc),
                "__module__" => Some(f.module),
                "__globals__" => Some(Value::Obj(f.globals)),
                "__defaults__" => {
                    let d = f.defaults.clone();
                    Some(if d.is_empty() {
                        Value::None
                    } else {
                        self.new_tuple(d)
                    })
                }
                "__kwdefaults__" => Some(f.kwdefaults.map(Value::Obj).unwrap_or(Value::None)),
                "__closure__" => {
                    let c: Vec<Value> = f.closure.iter().map(|&c| Value::Obj(c)).collect();
                    Some(if c.is_empty() {
                        Value::None
                    } else {
                        self.new_tuple(c)
                    })
                }
                "__code__" => {
                    let c = f.code.clone();
                    Some(self.alloc(Obj::Code(c)))
                }
                "__dict__" => {
                    let d = match f.dict {
                        Some(d) => d,
                        None => {
                            let d = self.heap.alloc(Obj::Dict(Box::default()));
                            if let Obj::Function(f) = self.heap.get_mut(r) {
                                f.dict = Some(d);
                            }
                            d
                        }
                    };
                    Some(Value::Obj(d))
                }
                "__annotations__" => {
                    // Made empty on first use and kept, as CPython does.
                    if f.annotations.is_none() {
                        let d = self.new_dict();
                        if let Obj::Function(f) = self.heap.get_mut(r) {
                            f.annotations = d;
                        }
                        Some(d)
                    } else {
                        Some(f.annotations)
                    }
                }
                _ => None,
            },
            Obj::BuiltinFn(nf) => match n {
                "__name__" => {
                    let s = nf.name;
                    Some(self.intern(s))
                }
                "__qualname__" => {
                    let q = nf.qualname.clone();
                    Some(self.new_str(q))
                }
                "__self__" => Some(nf.bound.unwrap_or(Value::None)),
                "__doc__" => Some(Value::None),
                "__module__" => Some(self.intern("builtins")),
                _ => None,
            },
            Obj::BoundMethod { recv, func } => {
                let (recv, func) = (*recv, *func);
                match n {
                    "__self__" => Some(recv),
                    "__func__" => Some(func),
                    "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                        return self.getattr_opt(func, name);
                    }
                    _ => None,
                }
            }
            Obj::Module(m) => match n {
                "__dict__" => Some(Value::Obj(m.dict)),
                "__name__" => Some(m.name),
                _ => None,
            },
            Obj::Instance(i) => {
                let has_exc = i.exc.is_some();
                let idict = i.dict;
                match n {
                    "__dict__" => {
                        let d = match idict {
                            Some(d) => d,
                            None => {
                                let d = self.heap.alloc(Obj::Dict(Box::default()));
                                if let Obj::Instance(i) = self.heap.get_mut(r) {
                                    i.dict = Some(d);
                                }
                                d
                            }
                        };
                        Some(Value::Obj(d))
                    }
                    _ if has_exc => self.exc_attr(obj, n)?,
                    _ => None,
                }
            }
            Obj::Gen(g) => {
                let running = g.state == GenState::Running || g.state == GenState::Attached;
                let finished = g.state == GenState::Finished;
                match n {
                    "__name__" => Some(Value::Obj(g.name)),
                    "__qualname__" => Some(Value::Obj(g.qualname)),
                    "gi_running" | "cr_running" | "ag_running" => Some(Value::Bool(running)),
                    "gi_frame" | "cr_frame" | "ag_frame" => Some(if finished {
                        Value::None
                    } else {
                        Value::Bool(true)
                    }),
                    "gi_code" | "cr_code" | "ag_code" => {
                        let c = g.code.clone();
                        Some(self.alloc(Obj::Code(c)))
                    }
                    "gi_yieldfrom" | "cr_await" | "ag_await" => Some(Value::None),
                    "cr_origin" => Some(Value::None),
                    "gi_suspended" | "cr_suspended" => {
                        Some(Value::Bool(g.state == GenState::Suspended))
                    }
                    _ => None,
                }
            }
            Obj::Code(c) => match n {
                "co_name" => {
                    let s = c.code.name.clone();
                    Some(self.new_str(&*s))
                }
                "co_qualname" => {
                    let s = c.code.qualname.clone();
                    Some(self.new_str(&*s))
                }
                "co_filename" => {
                    let s = c.code.filename.clone();
                    Some(self.new_str(&*s))
                }
                "co_firstlineno" => Some(Value::Int(c.code.firstlineno as i64)),
                "co_argcount" => Some(Value::Int(c.code.argcount as i64)),
                "co_posonlyargcount" => Some(Value::Int(c.code.posonlyargcount as i64)),
                "co_kwonlyargcount" => Some(Value::Int(c.code.kwonlyargcount as i64)),
                "co_flags" => Some(Value::Int(c.code.flags as i64)),
                "co_varnames" => {
                    let names = c.code.varnames.clone();
                    let vals: Vec<Value> = names.iter().map(|s| self.new_str(&**s)).collect();
                    Some(self.new_tuple(vals))
                }
                _ => None,
            },
            // Entries are stored innermost first; a Python traceback object
            // starts at the outermost frame and tb_next goes inwards.
            Obj::Traceback(entries) => match n {
                "tb_lineno" => entries.last().map(|e| Value::Int(e.line as i64)),
                "tb_frame" => match entries.last() {
                    Some(e) => {
                        let (code, line) = (e.code.clone(), e.line);
                        Some(self.new_frame_object(code, line, None, None, Value::None))
                    }
                    None => Some(Value::None),
                },
                "tb_lasti" => Some(Value::Int(-1)),
                "tb_next" => {
                    if entries.len() > 1 {
                        let inner = entries[..entries.len() - 1].to_vec();
                        Some(self.alloc(Obj::Traceback(Box::new(inner))))
                    } else {
                        Some(Value::None)
                    }
                }
                _ => None,
            },
            Obj::Slice(s) => match n {
                "start" => Some(s[0]),
                "stop" => Some(s[1]),
                "step" => Some(s[2]),
                _ => None,
            },
            Obj::Range(a, b, s) => match n {
                "start" => Some(Value::Int(*a)),
                "stop" => Some(Value::Int(*b)),
                "step" => Some(Value::Int(*s)),
                _ => None,
            },
            Obj::Property(p) => match n {
                "fget" => Some(p[0]),
                "fset" => Some(p[1]),
                "fdel" => Some(p[2]),
                "__doc__" => Some(p[3]),
                _ => None,
            },
            Obj::StaticMethod(f) | Obj::ClassMethod(f) => match n {
                "__func__" | "__wrapped__" => Some(*f),
                _ => None,
            },
            Obj::Cell(v) => match n {
                "cell_contents" => {
                    if v.is_undefined() {
                        return Err(self.value_error("Cell is empty"));
                    }
                    Some(*v)
                }
                _ => None,
            },
            _ => None,
        };
        Ok(v)
    }

    fn exc_attr(&mut self, obj: Value, n: &str) -> PyResult<Option<Value>> {
        let Some(d) = self.exc_data(obj) else {
            return Ok(None);
        };
        let (args, tb, cause, ctx, sup) =
            (d.args, d.traceback, d.cause, d.context, d.suppress_context);
        Ok(match n {
            "args" => Some(args),
            "__traceback__" => Some(tb),
            "__cause__" => Some(cause),
            "__context__" => Some(ctx),
            "__suppress_context__" => Some(Value::Bool(sup)),
            "name" | "obj" if self.is_name_or_attr_error(obj) => {
                let d = self.exc_data(obj).expect("checked above");
                Some(if n == "name" { d.name } else { d.obj })
            }
            _ => {
                let items = self.tuple_items(args);
                let first = items.first().copied().unwrap_or(Value::None);
                let si = self.t.stop_iteration;
                let se = self.t.system_exit;
                let beg = self.t.base_exception_group;
                let ie = self.t.import_error;
                let ose = self.t.os_error;
                if n == "value"
                    && (self.isinstance_class(obj, si)
                        || self.isinstance_class(obj, self.t.stop_async_iteration))
                {
                    Some(first)
                } else if n == "code" && self.isinstance_class(obj, se) {
                    Some(if items.len() > 1 { args } else { first })
                } else if self.isinstance_class(obj, beg) && (n == "message" || n == "exceptions") {
                    Some(if n == "message" {
                        first
                    } else {
                        items.get(1).copied().unwrap_or(Value::None)
                    })
                } else if self.isinstance_class(obj, self.t.syntax_error)
                    && matches!(
                        n,
                        "msg"
                            | "filename"
                            | "lineno"
                            | "offset"
                            | "text"
                            | "end_lineno"
                            | "end_offset"
                            | "print_file_and_line"
                    )
                {
                    // SyntaxError(msg, (filename, lineno, offset, text
                    // [, end_lineno, end_offset])).
                    let details = items.get(1).map(|d| self.tuple_items(*d));
                    let at = |i: usize| {
                        details
                            .as_ref()
                            .and_then(|d| d.get(i).copied())
                            .unwrap_or(Value::None)
                    };
                    Some(match n {
                        "msg" => first,
                        "filename" => at(0),
                        "lineno" => at(1),
                        "offset" => at(2),
                        "text" => at(3),
                        "end_lineno" => at(4),
                        "end_offset" => at(5),
                        _ => Value::None,
                    })
                } else if self.isinstance_class(obj, ie)
                    && (n == "name" || n == "path" || n == "msg")
                {
                    Some(if n == "msg" { first } else { Value::None })
                } else if self.isinstance_class(obj, ose)
                    && matches!(n, "errno" | "strerror" | "filename" | "filename2")
                {
                    Some(match n {
                        "errno" if items.len() >= 2 => first,
                        "strerror" if items.len() >= 2 => items[1],
                        "filename" if items.len() >= 3 => items[2],
                        "filename2" if items.len() >= 5 => items[4],
                        _ => Value::None,
                    })
                } else {
                    None
                }
            }
        })
    }

    /// Attributes every class has (`__name__`, `__mro__`, `__dict__`...).
    pub(crate) fn class_special_attr(
        &mut self,
        cls: ObjRef,
        name: Value,
    ) -> PyResult<Option<Value>> {
        let nc = NameCopy::new(self.str_of(name));
        let n = nc.as_str();
        let Obj::Class(c) = self.heap.get(cls) else {
            return Ok(None);
        };
        let v = match n {
            "__name__" => Some(c.name),
            "__qualname__" => Some(c.qualname),
            "__mro__" => {
                let m: Vec<Value> = c.mro.iter().map(|&r| Value::Obj(r)).collect();
                Some(self.new_tuple(m))
            }
            "__bases__" => {
                let b: Vec<Value> = c.bases.iter().map(|&r| Value::Obj(r)).collect();
                Some(self.new_tuple(b))
            }
            "__base__" => Some(
                c.bases
                    .first()
                    .map(|&b| Value::Obj(b))
                    .unwrap_or(Value::None),
            ),
            "__dict__" => {
                // A read-only view in CPython; a copy keeps the class safe here.
                let d = c.dict;
                let copy = self.new_dict();
                let pairs: Vec<(Value, Value)> =
                    self.dict_ref(d).iter().map(|e| (e.key, e.value)).collect();
                for (k, v) in pairs {
                    self.dict_set(copy, k, v)?;
                }
                Some(copy)
            }
            "__class__" => Some(Value::Obj(self.type_of(Value::Obj(cls)))),
            "__module__" => Some(if c.builtin {
                self.intern("builtins")
            } else {
                Value::None
            }),
            "__doc__" => Some(Value::None),
            "__abstractmethods__" => None,
            _ => None,
        };
        Ok(v)
    }
}
