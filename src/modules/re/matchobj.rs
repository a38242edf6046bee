//! re.Match: the spans of one match (code-point offsets, with the byte
//! offsets kept for slicing the subject) and its accessors.

use crate::builtins::add_method;
use crate::object::*;
use crate::vm::Vm;

use super::engine::Spans;
use super::{add_getter, pattern_obj, template, Subject};

#[derive(Debug)]
pub struct MatchObj {
    class: ObjRef,
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    /// Index spans per group (None: the group did not take part).
    spans: Box<[Option<(usize, usize)>]>,
    /// Byte spans into the subject (the same as `spans` for ASCII/bytes).
    bspans: Box<[Option<(usize, usize)>]>,
    lastindex: Option<usize>,
    bytes: bool,
}

impl NativeObj for MatchObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.pattern);
        out.push(self.string);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub(super) fn class(vm: &mut Vm) -> ObjRef {
    crate::modules::dotted_class(vm, "re.Match")
}

pub fn new_match(
    vm: &mut Vm,
    pattern: Value,
    string: Value,
    subj: &Subject,
    pos: usize,
    endpos: usize,
    sp: &Spans,
) -> Value {
    let spans: Box<[Option<(usize, usize)>]> = sp
        .iter()
        .map(|s| s.map(|(a, b)| (subj.to_index(a), subj.to_index(b))))
        .collect();
    let mut lastindex = None;
    let mut class = None;
    let bytes = match pattern_obj(vm, pattern) {
        Some(p) => {
            class = Some(p.match_class);
            let mut best = (0usize, 0usize);
            for (g, s) in sp.iter().enumerate().skip(1) {
                if let Some((_, e)) = s {
                    let key = (*e, p.close_pos.get(g - 1).copied().unwrap_or(0));
                    if lastindex.is_none() || key > best {
                        best = key;
                        lastindex = Some(g);
                    }
                }
            }
            p.bytes
        }
        None => false,
    };
    let class = match class {
        Some(c) => c,
        None => self::class(vm),
    };
    vm.alloc(Obj::NativeObj(Box::new(MatchObj {
        class,
        pattern,
        string,
        pos,
        endpos,
        spans,
        bspans: sp.clone().into_boxed_slice(),
        lastindex,
        bytes,
    })))
}

fn mobj(vm: &mut Vm, v: Value) -> PyResult<&MatchObj> {
    let ok = matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::NativeObj(n) if n.as_any().is::<MatchObj>()));
    if !ok {
        return Err(vm.type_error("descriptor requires a 're.Match' object"));
    }
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => Ok(n.as_any().downcast_ref::<MatchObj>().expect("checked")),
            _ => unreachable!("checked above"),
        },
        _ => unreachable!("checked above"),
    }
}

/// A group argument (an index or a name) as a group number.
fn group_index(vm: &mut Vm, m: Value, g: Value) -> PyResult<usize> {
    let (n, pattern) = {
        let mo = mobj(vm, m)?;
        (mo.spans.len(), mo.pattern)
    };
    let idx = match g {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        _ => {
            if let Some(name) = vm.as_str(g) {
                let found = pattern_obj(vm, pattern)
                    .and_then(|p| p.names.iter().find(|(k, _)| k == name).map(|(_, i)| *i));
                return match found {
                    Some(i) => Ok(i),
                    None => Err(vm.index_error("no such group")),
                };
            }
            match vm.index_of(g) {
                Ok(Some(i)) => Some(i),
                _ => None,
            }
        }
    };
    match idx {
        Some(i) if i >= 0 && (i as usize) < n => Ok(i as usize),
        _ => Err(vm.index_error("no such group")),
    }
}

fn group(vm: &mut Vm, m: Value, g: usize, default: Value) -> PyResult<Value> {
    let (bs, string, bytes) = {
        let mo = mobj(vm, m)?;
        (mo.bspans[g], mo.string, mo.bytes)
    };
    let Some((s, e)) = bs else { return Ok(default) };
    let base = match string {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) if !i.base.is_undefined() && !i.base.is_none() => i.base,
            _ => string,
        },
        _ => string,
    };
    if !bytes {
        let t = vm.str_of(base)[s..e].to_string();
        return Ok(vm.new_str(t));
    }
    let b = vm.bytes_of(base).unwrap_or_default();
    let piece = b.get(s..e).unwrap_or(&[]).to_vec();
    Ok(vm.alloc(Obj::Bytes(piece.into_boxed_slice())))
}

/// Match.expand(template) / the template path of sub.
pub fn expand(vm: &mut Vm, m: Value, t: Value) -> PyResult<Value> {
    let (pattern, bytes) = {
        let mo = mobj(vm, m)?;
        (mo.pattern, mo.bytes)
    };
    let (groups, names) = match pattern_obj(vm, pattern) {
        Some(p) => (p.groups, p.names.clone()),
        None => (0, Vec::new()),
    };
    let chars: Vec<char> = if bytes {
        vm.bytes_of(t)
            .unwrap_or_default()
            .iter()
            .map(|b| *b as char)
            .collect()
    } else {
        vm.str_of(t).chars().collect()
    };
    let pieces = super::parse_template(vm, &chars, groups, &names, t)?;
    let mut out_s = String::new();
    let mut out_b = Vec::new();
    for p in pieces {
        match p {
            template::Piece::Lit(cs) => {
                if bytes {
                    out_b.extend(cs.iter().map(|c| *c as u32 as u8));
                } else {
                    out_s.extend(cs.iter());
                }
            }
            template::Piece::Group(g) => {
                let v = group(vm, m, g, Value::None)?;
                if v.is_none() {
                    continue;
                }
                if bytes {
                    out_b.extend(vm.bytes_of(v).unwrap_or_default());
                } else {
                    out_s.push_str(vm.str_of(v));
                }
            }
        }
    }
    Ok(if bytes {
        vm.alloc(Obj::Bytes(out_b.into_boxed_slice()))
    } else {
        vm.new_str(out_s)
    })
}

fn span_of(vm: &mut Vm, a: &Args) -> PyResult<(i64, i64)> {
    let g = match a.pos.get(1) {
        Some(&g) => group_index(vm, a.pos[0], g)?,
        None => 0,
    };
    let sp = mobj(vm, a.pos[0])?.spans[g];
    Ok(sp.map_or((-1, -1), |(s, e)| (s as i64, e as i64)))
}

fn default_arg(vm: &Vm, a: &Args) -> Value {
    a.get(vm, 1, "default").unwrap_or(Value::None)
}

pub fn install(vm: &mut Vm) -> ObjRef {
    let c = class(vm);
    add_method(vm, c, "group(*args)", |vm, a| {
        let m = a.pos[0];
        match a.pos.len() {
            1 => group(vm, m, 0, Value::None),
            2 => {
                let g = group_index(vm, m, a.pos[1])?;
                group(vm, m, g, Value::None)
            }
            _ => {
                let mut out = Vec::with_capacity(a.pos.len() - 1);
                for &gv in &a.pos[1..] {
                    let g = group_index(vm, m, gv)?;
                    out.push(group(vm, m, g, Value::None)?);
                }
                Ok(vm.new_tuple(out))
            }
        }
    });
    add_method(vm, c, "__getitem__(group, /)", |vm, a| {
        let g = group_index(vm, a.pos[0], a.pos[1])?;
        group(vm, a.pos[0], g, Value::None)
    });
    add_method(vm, c, "groups(default=None)", |vm, a| {
        let d = default_arg(vm, &a);
        let n = mobj(vm, a.pos[0])?.spans.len();
        let mut out = Vec::with_capacity(n.saturating_sub(1));
        for g in 1..n {
            out.push(group(vm, a.pos[0], g, d)?);
        }
        Ok(vm.new_tuple(out))
    });
    add_method(vm, c, "groupdict(default=None)", |vm, a| {
        let d = default_arg(vm, &a);
        let pattern = mobj(vm, a.pos[0])?.pattern;
        let names = pattern_obj(vm, pattern)
            .map(|p| p.names.clone())
            .unwrap_or_default();
        let out = vm.new_dict();
        for (n, g) in names {
            let v = group(vm, a.pos[0], g, d)?;
            let k = vm.new_str(n);
            vm.dict_set(out, k, v)?;
        }
        Ok(out)
    });
    add_method(vm, c, "start(group=0, /)", |vm, a| {
        Ok(Value::Int(span_of(vm, &a)?.0))
    });
    add_method(vm, c, "end(group=0, /)", |vm, a| {
        Ok(Value::Int(span_of(vm, &a)?.1))
    });
    add_method(vm, c, "span(group=0, /)", |vm, a| {
        let (s, e) = span_of(vm, &a)?;
        Ok(vm.new_tuple(vec![Value::Int(s), Value::Int(e)]))
    });
    add_method(vm, c, "expand(template)", |vm, a| {
        expand(vm, a.pos[0], a.pos[1])
    });
    add_method(vm, c, "__copy__()", |_, a| Ok(a.pos[0]));
    add_method(vm, c, "__deepcopy__(memo, /)", |_, a| Ok(a.pos[0]));
    add_method(vm, c, "__repr__()", |vm, a| {
        let (s, e) = mobj(vm, a.pos[0])?.spans[0].unwrap_or((0, 0));
        let g = group(vm, a.pos[0], 0, Value::None)?;
        let r = vm.repr_string(g)?;
        Ok(vm.new_str(format!("<re.Match object; span=({s}, {e}), match={r}>")))
    });
    let getters: [(&str, NativeFnPtr); 7] = [
        ("string", |vm, a| Ok(mobj(vm, a.pos[0])?.string)),
        ("re", |vm, a| Ok(mobj(vm, a.pos[0])?.pattern)),
        ("pos", |vm, a| {
            Ok(Value::Int(mobj(vm, a.pos[0])?.pos as i64))
        }),
        ("endpos", |vm, a| {
            Ok(Value::Int(mobj(vm, a.pos[0])?.endpos as i64))
        }),
        ("lastindex", |vm, a| {
            Ok(mobj(vm, a.pos[0])?
                .lastindex
                .map_or(Value::None, |i| Value::Int(i as i64)))
        }),
        ("lastgroup", |vm, a| {
            let (li, pattern) = {
                let m = mobj(vm, a.pos[0])?;
                (m.lastindex, m.pattern)
            };
            let Some(li) = li else { return Ok(Value::None) };
            let name = pattern_obj(vm, pattern).and_then(|p| {
                p.names
                    .iter()
                    .find(|(_, g)| *g == li)
                    .map(|(n, _)| n.clone())
            });
            Ok(match name {
                Some(n) => vm.new_str(n),
                None => Value::None,
            })
        }),
        ("regs", |vm, a| {
            let spans = mobj(vm, a.pos[0])?.spans.clone();
            let items: Vec<Value> = spans
                .iter()
                .map(|s| {
                    let (x, y) = s.map_or((-1, -1), |(x, y)| (x as i64, y as i64));
                    vm.new_tuple(vec![Value::Int(x), Value::Int(y)])
                })
                .collect();
            Ok(vm.new_tuple(items))
        }),
    ];
    for (name, g) in getters {
        add_getter(vm, c, name, g);
    }
    c
}
