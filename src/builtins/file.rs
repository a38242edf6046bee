//! open() and the file objects it returns (text: `_io.TextIOWrapper`,
//! binary: `_io.BufferedReader` / `BufferedWriter` / `BufferedRandom`),
//! implemented over std::fs with a write buffer.

use std::fs::{File, OpenOptions};
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileTypeExt;

use crate::vm::Cap;
use std::io::{Read, Seek, SeekFrom, Write};

use crate::object::*;
use crate::text;
use crate::vm::Vm;

use super::{add_fn, add_method, set_class_attr};

#[derive(Debug)]
struct FileObj {
    class: ObjRef,
    name: Value,
    mode: String,
    binary: bool,
    readable: bool,
    writable: bool,
    file: Option<File>,
    /// Bytes read from the OS but not consumed yet (binary mode).
    rbuf: Vec<u8>,
    rpos: usize,
    /// Decoded text read but not consumed yet (text mode), and the number of
    /// file bytes it came from.
    tbuf: String,
    tpos: usize,
    tbytes: usize,
    /// Bytes read from the OS and not decoded yet (an incomplete UTF-8
    /// sequence, or a '\r' held back until the next byte shows whether
    /// it starts "\r\n").
    raw: Vec<u8>,
    /// The OS reported the end of the file (reset by seek and write).
    eof: bool,
    wbuf: Vec<u8>,
    closed: bool,
    encoding: String,
    errors: String,
    /// Universal newlines on input (newline=None).
    universal: bool,
    /// What "\n" becomes on output (newline='\r' or '\r\n'), if anything.
    write_nl: Option<&'static str>,
    /// Close the descriptor with the file (false: open(fd, closefd=False)).
    closefd: bool,
}

impl NativeObj for FileObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        out.push(self.name);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

impl Drop for FileObj {
    fn drop(&mut self) {
        if let Some(f) = &mut self.file {
            let _ = f.write_all(&self.wbuf);
        }
        release(self);
    }
}

impl FileObj {
    /// Bytes read from the OS that the reader has not consumed (the
    /// logical position is the OS position minus these).
    fn pending(&self) -> usize {
        if self.binary {
            return self.rbuf.len() - self.rpos;
        }
        let text = if self.tpos < self.tbuf.len() {
            // Newline translation aside, text is UTF-8 bytes of the file.
            self.tbytes.saturating_sub(self.tbuf[..self.tpos].len())
        } else {
            0
        };
        text + self.raw.len()
    }

    /// Forget what was read ahead (after a seek, write or truncate).
    fn reset_read(&mut self) {
        self.rbuf.clear();
        self.rpos = 0;
        self.tbuf.clear();
        self.tpos = 0;
        self.tbytes = 0;
        self.raw.clear();
        self.eof = false;
    }
}

/// Drop the File, leaving its descriptor open when closefd was false.
fn release(fo: &mut FileObj) {
    if let Some(f) = fo.file.take() {
        if !fo.closefd {
            use std::os::fd::IntoRawFd;
            let _ = f.into_raw_fd();
        }
    }
}

/// The file classes: text, binary reader, writer, random access.
pub fn classes(vm: &mut Vm) -> [ObjRef; 4] {
    let names = [
        "_io.TextIOWrapper",
        "_io.BufferedReader",
        "_io.BufferedWriter",
        "_io.BufferedRandom",
    ];
    let mut out = [vm.t.object; 4];
    for (i, n) in names.into_iter().enumerate() {
        let fresh = !vm.native_classes.contains_key(n);
        let c = vm.native_class(n, None);
        if fresh {
            let q = vm.intern(n);
            if let Obj::Class(k) = vm.heap.get_mut(c) {
                k.qualname = q;
            }
            install_methods(vm, c);
        }
        out[i] = c;
    }
    out
}

pub fn install(vm: &mut Vm) {
    classes(vm);
    add_fn(vm, "open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)", open);
}

fn install_methods(vm: &mut Vm, c: ObjRef) {
    add_method(vm, c, "read(size=-1, /)", |vm, a| {
        let size = size_arg(vm, a.pos.get(1).copied())?;
        read(vm, a.pos[0], size, false, Wait::Result)
    });
    add_method(vm, c, "readline(size=-1, /)", |vm, a| {
        let size = size_arg(vm, a.pos.get(1).copied())?;
        read(vm, a.pos[0], size, true, Wait::Result)
    });
    add_method(vm, c, "readlines(hint=-1, /)", |vm, a| {
        let f = a.pos[0];
        let mut lines = Vec::new();
        let base = vm.temp_roots.len();
        loop {
            let l = read(vm, f, None, true, Wait::No);
            let l = match l {
                Ok(l) => l,
                Err(e) => {
                    vm.temp_roots.truncate(base);
                    return Err(e);
                }
            };
            if vm.len(l).unwrap_or(0) == 0 {
                break;
            }
            vm.temp_roots.push(l);
            lines.push(l);
        }
        vm.temp_roots.truncate(base);
        Ok(vm.new_list(lines))
    });
    add_method(vm, c, "__next__()", |vm, a| {
        // `for line in f` in a weft thread: the loop's ForIter waits for
        // the data and asks again (see Wait::Retry).
        let l = read(vm, a.pos[0], None, true, Wait::Retry)?;
        if vm.pending_await.is_some() {
            return Ok(Value::None);
        }
        if vm.len(l)? == 0 {
            return Err(vm.stop_iteration(Value::None));
        }
        Ok(l)
    });
    add_method(vm, c, "__iter__()", |vm, a| {
        check_open(vm, a.pos[0])?;
        Ok(a.pos[0])
    });
    add_method(vm, c, "__enter__()", |vm, a| {
        check_open(vm, a.pos[0])?;
        Ok(a.pos[0])
    });
    add_method(vm, c, "__exit__(*args)", |vm, a| {
        close(vm, a.pos[0])?;
        Ok(Value::None)
    });
    add_method(vm, c, "close()", |vm, a| {
        close(vm, a.pos[0])?;
        Ok(Value::None)
    });
    add_method(vm, c, "write(text, /)", write);
    add_method(vm, c, "writelines(lines, /)", |vm, a| {
        let f = a.pos[0];
        let Some(&lines) = a.pos.get(1) else {
            return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
        };
        let items = vm.collect_iterable(lines)?;
        let base = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&items);
        for it in items {
            let r = write(
                vm,
                Args {
                    pos: &[f, it],
                    kw: &[],
                },
            );
            if let Err(e) = r {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
        vm.temp_roots.truncate(base);
        Ok(Value::None)
    });
    add_method(vm, c, "flush()", |vm, a| {
        let f = a.pos[0];
        check_open(vm, f)?;
        flush(vm, f)?;
        Ok(Value::None)
    });
    add_method(vm, c, "tell()", |vm, a| {
        let f = a.pos[0];
        check_open(vm, f)?;
        flush(vm, f)?;
        let fo = file_mut(vm, f).expect("file");
        let pending = fo.pending();
        let pos = match fo.file.as_mut().map(|f| f.stream_position()) {
            Some(Ok(p)) => p,
            _ => 0,
        };
        Ok(Value::Int(pos.saturating_sub(pending as u64) as i64))
    });
    add_method(vm, c, "seek(cookie, whence=os.SEEK_SET, /)", |vm, a| {
        let f = a.pos[0];
        check_open(vm, f)?;
        let Some(off) = a.pos.get(1).copied() else {
            return Err(vm.type_error("seek expected at least 1 argument, got 0"));
        };
        let off = match vm.index_of(off)? {
            Some(o) => o,
            None => {
                let tn = vm.type_name(off);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        };
        let whence = match a.pos.get(2) {
            Some(&w) => vm.index_of(w)?.unwrap_or(0),
            None => 0,
        };
        flush(vm, f)?;
        let fo = file_mut(vm, f).expect("file");
        let binary = fo.binary;
        if !binary && whence != 0 && off != 0 {
            let msg = if whence == 1 {
                "can't do nonzero cur-relative seeks"
            } else {
                "can't do nonzero end-relative seeks"
            };
            return Err(vm.new_error(vm.t.os_error, msg));
        }
        let target = match whence {
            0 => {
                if off < 0 {
                    return Err(vm.value_error(format!("negative seek position {off}")));
                }
                SeekFrom::Start(off as u64)
            }
            1 => {
                let pending = fo.pending() as i64;
                SeekFrom::Current(off - pending)
            }
            2 => SeekFrom::End(off),
            _ => {
                return Err(
                    vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
                )
            }
        };
        let fo = file_mut(vm, f).expect("file");
        fo.reset_read();
        let r = fo.file.as_mut().map(|h| h.seek(target));
        match r {
            Some(Ok(p)) => Ok(Value::Int(p as i64)),
            Some(Err(e)) => Err(io_error(vm, &e, None)),
            None => Ok(Value::Int(0)),
        }
    });
    for (name, what) in [
        ("readable()", 0u8),
        ("writable()", 1),
        ("seekable()", 2),
        ("isatty()", 3),
    ] {
        let f: NativeFnPtr = match what {
            0 => |vm, a| {
                check_open(vm, a.pos[0])?;
                Ok(Value::Bool(
                    file_ref(vm, a.pos[0]).is_some_and(|f| f.readable),
                ))
            },
            1 => |vm, a| {
                check_open(vm, a.pos[0])?;
                Ok(Value::Bool(
                    file_ref(vm, a.pos[0]).is_some_and(|f| f.writable),
                ))
            },
            2 => |vm, a| {
                check_open(vm, a.pos[0])?;
                Ok(Value::Bool(true))
            },
            _ => |vm, a| {
                check_open(vm, a.pos[0])?;
                Ok(Value::Bool(false))
            },
        };
        add_method(vm, c, name, f);
    }
    add_method(vm, c, "fileno()", |vm, a| {
        use std::os::fd::AsRawFd;
        check_open(vm, a.pos[0])?;
        let fd = file_ref(vm, a.pos[0])
            .and_then(|f| f.file.as_ref())
            .map_or(-1, |f| f.as_raw_fd());
        Ok(Value::Int(fd as i64))
    });
    add_method(vm, c, "truncate(pos=None, /)", |vm, a| {
        let f = a.pos[0];
        check_open(vm, f)?;
        if !file_ref(vm, f).is_some_and(|fo| fo.writable) {
            let c = unsupported_operation(vm);
            return Err(vm.new_error(c, "File not open for writing"));
        }
        flush(vm, f)?;
        let size = match a.pos.get(1) {
            Some(&v) if !v.is_none() => match vm.index_of(v)? {
                Some(n) if n >= 0 => Some(n as u64),
                Some(n) => {
                    return Err(
                        vm.new_error(vm.t.os_error, format!("[Errno 22] Invalid argument: {n}"))
                    )
                }
                None => {
                    let tn = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            },
            _ => None,
        };
        let fo = file_mut(vm, f).expect("file");
        // The logical position: unread buffered input does not count.
        let pending = fo.pending() as i64;
        let r = fo.file.as_mut().map(|h| -> std::io::Result<u64> {
            let here = h.stream_position()? as i64 - pending;
            let size = size.unwrap_or(here.max(0) as u64);
            h.set_len(size)?;
            h.seek(SeekFrom::Start(here.max(0) as u64))?;
            Ok(size)
        });
        fo.reset_read();
        match r {
            Some(Ok(n)) => Ok(Value::Int(n as i64)),
            Some(Err(e)) => Err(io_error(vm, &e, None)),
            None => Ok(Value::Int(0)),
        }
    });
    add_method(vm, c, "__repr__()", |vm, a| {
        let f = a.pos[0];
        let Some(fo) = file_ref(vm, f) else {
            return Ok(vm.new_str("<file>"));
        };
        let (binary, name, mode, enc) = (fo.binary, fo.name, fo.mode.clone(), fo.encoding.clone());
        let cls = vm.type_of(f);
        let cname = vm.class_name(cls);
        let n = vm.repr_string(name)?;
        let s = if binary {
            format!("<_io.{cname} name={n}>")
        } else {
            format!("<_io.{cname} name={n} mode='{mode}' encoding='{enc}'>")
        };
        Ok(vm.new_str(s))
    });
    let getters: [(&str, NativeFnPtr); 5] = [
        ("name", |vm, a| {
            Ok(file_ref(vm, a.pos[0])
                .map(|f| f.name)
                .unwrap_or(Value::None))
        }),
        ("mode", |vm, a| {
            let m = file_ref(vm, a.pos[0])
                .map(|f| f.mode.clone())
                .unwrap_or_default();
            Ok(vm.new_str(m))
        }),
        ("closed", |vm, a| {
            Ok(Value::Bool(file_ref(vm, a.pos[0]).is_none_or(|f| f.closed)))
        }),
        ("encoding", |vm, a| {
            let Some(f) = file_ref(vm, a.pos[0]) else {
                return Ok(Value::None);
            };
            if f.binary {
                return Err(vm.new_error(
                    vm.t.attribute_error,
                    "'_io.BufferedReader' object has no attribute 'encoding'",
                ));
            }
            let e = f.encoding.clone();
            Ok(vm.new_str(e))
        }),
        ("errors", |vm, a| {
            let e = file_ref(vm, a.pos[0])
                .map(|f| f.errors.clone())
                .unwrap_or_default();
            Ok(vm.new_str(e))
        }),
    ];
    for (name, g) in getters {
        let gv = vm.new_native("getter(self, /)", format!("{name}.getter"), g);
        let p = vm.alloc(Obj::Property(Box::new([
            gv,
            Value::None,
            Value::None,
            Value::None,
        ])));
        set_class_attr(vm, c, name, p);
    }
}

fn file_ref(vm: &Vm, v: Value) -> Option<&FileObj> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => n.as_any().downcast_ref::<FileObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn file_mut(vm: &mut Vm, v: Value) -> Option<&mut FileObj> {
    match v {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Obj::NativeObj(n) => n.as_any_mut().downcast_mut::<FileObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn check_open(vm: &mut Vm, f: Value) -> PyResult<()> {
    match file_ref(vm, f) {
        Some(fo) if !fo.closed => Ok(()),
        Some(_) => Err(vm.value_error("I/O operation on closed file.")),
        None => Err(vm.type_error("expected a file object")),
    }
}

fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.index_of(v)? {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("argument should be integer or None, not '{tn}'")))
            }
        },
    }
}

/// An OSError subclass for an io::Error, with errno/strerror/filename.
fn io_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> Value {
    super::oserror::from_io(vm, e, filename)
}

/// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)
fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::check(
        vm,
        "open",
        &a,
        0,
        8,
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
    )?;
    let Some(name) = a.get(vm, 0, "file") else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let mode_v = a.get(vm, 1, "mode");
    let mode = match mode_v {
        None => "r".to_string(),
        Some(m) => match vm.as_str(m) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(m);
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {tn}")));
            }
        },
    };
    let enc_v = a.get(vm, 3, "encoding").filter(|v| !v.is_none());
    let errors_v = a.get(vm, 4, "errors").filter(|v| !v.is_none());
    let newline_v = a.get(vm, 5, "newline").filter(|v| !v.is_none());
    // Parse the mode like CPython's _io.open.
    let (mut r, mut w, mut x, mut ap, mut plus, mut b, mut t) =
        (false, false, false, false, false, false, false);
    for ch in mode.chars() {
        let seen = match ch {
            'r' => std::mem::replace(&mut r, true),
            'w' => std::mem::replace(&mut w, true),
            'x' => std::mem::replace(&mut x, true),
            'a' => std::mem::replace(&mut ap, true),
            '+' => std::mem::replace(&mut plus, true),
            'b' => std::mem::replace(&mut b, true),
            't' => std::mem::replace(&mut t, true),
            _ => return Err(vm.value_error(format!("invalid mode: '{mode}'"))),
        };
        if seen {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
    }
    if (r as u8 + w as u8 + x as u8 + ap as u8) != 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if b && t {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if b && enc_v.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if b && errors_v.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if b && newline_v.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    let encoding = match enc_v {
        Some(e) => {
            let s = vm.str_of(e).to_string();
            text::bytes::normalize_encoding(&s).map_err(|e| vm.text_error(e))?;
            s
        }
        None => "UTF-8".to_string(),
    };
    let errors = match errors_v {
        Some(e) => vm.str_of(e).to_string(),
        None => "strict".to_string(),
    };
    let closefd = match a.get(vm, 6, "closefd") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if let Value::Int(fd) = name {
        return open_fd(vm, fd, &mode, b, closefd, encoding, errors, newline_v);
    }
    if !closefd {
        return Err(vm.value_error("Cannot use closefd=False with file name"));
    }
    let name = fspath(vm, name)?;
    let path = match vm.as_str(name) {
        Some(s) => s.to_string(),
        None => match vm.bytes_of(name) {
            Some(bs) => String::from_utf8_lossy(&bs).into_owned(),
            None => {
                let tn = vm.type_name(name);
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {tn}"
                )));
            }
        },
    };
    let writes = w || x || ap || plus;
    let cap = if writes { Cap::FsWrite } else { Cap::FsRead };
    vm.require_path(cap, "open", std::path::Path::new(&path))?;
    let mut oo = OpenOptions::new();
    oo.read(r || plus);
    oo.write(w || x || ap || plus);
    if w {
        oo.create(true).truncate(true);
    }
    if ap {
        oo.append(true).create(true);
    }
    if x {
        oo.create_new(true);
    }
    let spec = OpenSpec {
        name,
        mode,
        r,
        w,
        x,
        plus,
        binary: b,
        encoding,
        errors,
        universal: newline_v.is_none(),
        write_nl: newline_kind(vm, newline_v)?,
    };
    if vm.in_thread_job() && std::fs::metadata(&path).is_ok_and(|m| m.file_type().is_fifo()) {
        // Opening a FIFO waits for its other end: in a weft thread only
        // that thread waits (on the thread pool).
        let (oo, path, spec) = (oo.clone(), path.clone(), spec.clone());
        let offloaded = vm.offload(&[name], move || {
            let opened = oo.open(&path);
            Box::new(move |vm: &mut Vm| {
                crate::vm::Step::Done(match opened {
                    Ok(file) => file_object(vm, file, spec),
                    Err(e) => Err(io_error(vm, &e, Some(name))),
                })
            })
        })?;
        if offloaded {
            return Ok(Value::None);
        }
    }
    let file = match oo.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(io_error(vm, &e, Some(name))),
    };
    file_object(vm, file, spec)
}

/// What open() decided before opening the file.
#[derive(Clone)]
struct OpenSpec {
    name: Value,
    mode: String,
    r: bool,
    w: bool,
    x: bool,
    plus: bool,
    binary: bool,
    encoding: String,
    errors: String,
    universal: bool,
    write_nl: Option<&'static str>,
}

/// The file object open() returns for the opened `file`.
fn file_object(vm: &mut Vm, file: File, spec: OpenSpec) -> PyResult<Value> {
    let OpenSpec {
        name,
        mode,
        r,
        w,
        x,
        plus,
        binary: b,
        encoding,
        errors,
        universal,
        write_nl,
    } = spec;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(io_error(vm, &e, Some(name)));
    }
    let [text_c, reader_c, writer_c, random_c] = classes(vm);
    let class = if !b {
        text_c
    } else if plus {
        random_c
    } else if r {
        reader_c
    } else {
        writer_c
    };
    let shown_mode = if b {
        let base = if r {
            "r"
        } else if w {
            "w"
        } else if x {
            "x"
        } else {
            "a"
        };
        format!("{base}b{}", if plus { "+" } else { "" })
    } else {
        mode
    };
    let fo = FileObj {
        class,
        name,
        mode: shown_mode,
        binary: b,
        readable: r || plus,
        writable: !r || plus,
        file: Some(file),
        rbuf: Vec::new(),
        rpos: 0,
        tbuf: String::new(),
        tpos: 0,
        tbytes: 0,
        raw: Vec::new(),
        eof: false,
        wbuf: Vec::new(),
        closed: false,
        encoding,
        errors,
        universal,
        write_nl,
        closefd: true,
    };
    Ok(vm.alloc(Obj::NativeObj(Box::new(fo))))
}

/// A PathLike's `__fspath__()` (str and bytes pass through; anything else
/// is left for the caller's type check).
fn fspath(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.as_str(v).is_some() || vm.bytes_of(v).is_some() {
        return Ok(v);
    }
    let k = vm.intern("__fspath__");
    match vm.lookup_special(v, k) {
        Some(f) => vm.call_bound(f, v, &[]),
        None => Ok(v),
    }
}

/// The newline argument: checked, and what "\n" turns into on output.
fn newline_kind(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<&'static str>> {
    let Some(v) = v else { return Ok(None) };
    let Some(s) = vm.as_str(v) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "open() argument 'newline' must be str or None, not {tn}"
        )));
    };
    match s {
        "" | "\n" => Ok(None),
        "\r" => Ok(Some("\r")),
        "\r\n" => Ok(Some("\r\n")),
        other => {
            let r = crate::text::repr::str_repr(other);
            Err(vm.value_error(format!("illegal newline value: {r}")))
        }
    }
}

/// open(fd, ...): a file object over a descriptor the caller owns.
#[allow(clippy::too_many_arguments)]
fn open_fd(
    vm: &mut Vm,
    fd: i64,
    mode: &str,
    binary: bool,
    closefd: bool,
    encoding: String,
    errors: String,
    newline_v: Option<Value>,
) -> PyResult<Value> {
    use std::os::fd::FromRawFd;
    let Ok(fd32) = i32::try_from(fd) else {
        return Err(vm.overflow_error("fd is greater than maximum"));
    };
    if fd32 < 0 {
        return Err(vm.value_error("negative file descriptor"));
    }
    // SAFETY: fcntl only checks that the descriptor is open.
    if unsafe { libc::fcntl(fd32, libc::F_GETFD) } < 0 {
        return Err(super::oserror::last_os_error(vm, None, None));
    }
    let (r, plus) = (mode.contains('r'), mode.contains('+'));
    let writes = !r || plus;
    vm.require(if writes { Cap::FsWrite } else { Cap::FsRead }, "open")?;
    // SAFETY: the descriptor is open; with closefd=False `release` gives it
    // back without closing it.
    let file = unsafe { File::from_raw_fd(fd32) };
    let [text_c, reader_c, writer_c, random_c] = classes(vm);
    let class = match (binary, plus, r) {
        (false, _, _) => text_c,
        (true, true, _) => random_c,
        (true, false, true) => reader_c,
        _ => writer_c,
    };
    let shown_mode = if binary {
        let base = mode.chars().find(|c| "rwxa".contains(*c)).unwrap_or('r');
        format!("{base}b{}", if plus { "+" } else { "" })
    } else {
        mode.to_string()
    };
    let write_nl = newline_kind(vm, newline_v)?;
    let fo = FileObj {
        class,
        name: Value::Int(fd),
        mode: shown_mode,
        binary,
        readable: r || plus,
        writable: writes,
        file: Some(file),
        rbuf: Vec::new(),
        rpos: 0,
        tbuf: String::new(),
        tpos: 0,
        tbytes: 0,
        raw: Vec::new(),
        eof: false,
        wbuf: Vec::new(),
        closed: false,
        encoding,
        errors,
        universal: newline_v.is_none(),
        write_nl,
        closefd,
    };
    Ok(vm.alloc(Obj::NativeObj(Box::new(fo))))
}

fn flush(vm: &mut Vm, f: Value) -> PyResult<()> {
    let Some(fo) = file_mut(vm, f) else {
        return Ok(());
    };
    if fo.wbuf.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut fo.wbuf);
    let r = match fo.file.as_mut() {
        Some(h) => h.write_all(&data),
        None => Ok(()),
    };
    r.map_err(|e| io_error(vm, &e, None))
}

fn close(vm: &mut Vm, f: Value) -> PyResult<()> {
    if file_ref(vm, f).is_none_or(|fo| fo.closed) {
        return Ok(());
    }
    let r = flush(vm, f);
    if let Some(fo) = file_mut(vm, f) {
        fo.closed = true;
        release(fo);
        fo.rbuf.clear();
        fo.tbuf.clear();
    }
    r
}

fn write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = a.pos[0];
    check_open(vm, f)?;
    let Some(&data) = a.pos.get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let fo = file_ref(vm, f).expect("file");
    if !fo.writable {
        let c = unsupported_operation(vm);
        return Err(vm.new_error(c, "not writable"));
    }
    let binary = fo.binary;
    let (bytes, count) = if binary {
        match vm.bytes_of(data) {
            Some(b) => {
                let n = b.len();
                (b, n)
            }
            None => {
                let tn = vm.type_name(data);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
            }
        }
    } else {
        match vm.as_str(data) {
            Some(s) => {
                let mut s = s.to_string();
                let n = s.chars().count();
                if let Some(nl) = fo.write_nl {
                    s = s.replace('\n', nl);
                }
                let (enc, errs) = (fo.encoding.clone(), fo.errors.clone());
                let b = text::bytes::encode(&s, &enc, &errs).map_err(|e| vm.text_error(e))?;
                (b, n)
            }
            None => {
                let tn = vm.type_name(data);
                return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
            }
        }
    };
    // Drop read-ahead so the write lands at the logical position.
    let fo = file_mut(vm, f).expect("file");
    let pending = fo.pending() as i64;
    if pending > 0 {
        if let Some(h) = fo.file.as_mut() {
            let _ = h.seek(SeekFrom::Current(-pending));
        }
    }
    fo.reset_read();
    fo.wbuf.extend_from_slice(&bytes);
    if fo.wbuf.len() >= 8192 {
        flush(vm, f)?;
    }
    Ok(Value::Int(count as i64))
}

/// Read from the OS until the buffer holds what read/readline needs: a
/// line, `size` bytes or characters, or (neither) everything. Pipes and
/// terminals are read as data arrives, so a readline() on a child's
/// stdout returns once that line is there, not at the end of the stream.
///
/// `nb` (a weft thread's read): before each read from the OS, see whether
/// it would block; if so stop and return false, and the caller waits for
/// the descriptor on the thread pool, then fills again.
fn fill(vm: &mut Vm, f: Value, size: Option<usize>, line: bool, nb: bool) -> PyResult<bool> {
    let mut chunk = Vec::new();
    loop {
        let fo = file_mut(vm, f).expect("file");
        if fo.eof || enough(fo, size, line) {
            return Ok(true);
        }
        if nb
            && fo
                .file
                .as_ref()
                .is_some_and(|h| !readable_now(h.as_raw_fd()))
        {
            return Ok(false);
        }
        // A thread's read() reads in chunks, so that it waits off the VM
        // between them.
        let all = size.is_none() && !line && !nb;
        let r = match fo.file.as_mut() {
            // read() without a size wants everything: one read to the end.
            Some(h) if all => {
                chunk.clear();
                h.read_to_end(&mut chunk)
            }
            Some(h) => {
                // Allocated on the first read only: most readline() calls
                // are answered from the buffer.
                if chunk.len() < 65536 {
                    chunk.resize(65536, 0);
                }
                h.read(&mut chunk)
            }
            None => Ok(0),
        };
        let n = match r {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error(vm, &e, None)),
        };
        let fo = file_mut(vm, f).expect("file");
        if n == 0 || all {
            // read_to_end stops only at the end.
            fo.eof = true;
        }
        if fo.binary {
            if fo.rpos > 0 {
                fo.rbuf.drain(..fo.rpos);
                fo.rpos = 0;
            }
            fo.rbuf.extend_from_slice(&chunk[..n]);
            continue;
        }
        if fo.raw.is_empty() && all {
            fo.raw = std::mem::take(&mut chunk);
        } else {
            fo.raw.extend_from_slice(&chunk[..n]);
        }
        let (enc, errs) = (fo.encoding.clone(), fo.errors.clone());
        // The other encodings open() knows (ascii, latin-1) take one byte
        // per character, so any cut is a character boundary.
        let utf8 = matches!(text::bytes::normalize_encoding(&enc), Ok("utf-8"));
        let mut take = fo.raw.len();
        if utf8 && !fo.eof {
            if let Err(e) = std::str::from_utf8(&fo.raw) {
                if e.error_len().is_none() {
                    // An incomplete sequence at the end waits for its rest.
                    take = e.valid_up_to();
                }
            }
        }
        if fo.universal && !fo.eof && take > 0 && fo.raw[take - 1] == b'\r' {
            take -= 1;
        }
        let bytes: Vec<u8> = if take == fo.raw.len() {
            std::mem::take(&mut fo.raw)
        } else {
            fo.raw.drain(..take).collect()
        };
        let s = text::bytes::decode(&bytes, &enc, &errs).map_err(|e| vm.text_error(e))?;
        let fo = file_mut(vm, f).expect("file");
        let s = if fo.universal && s.contains('\r') {
            s.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            s
        };
        if fo.tpos > 0 {
            // Keep tell()'s arithmetic: drop the consumed text and its bytes.
            let used = fo.tbuf[..fo.tpos].len();
            fo.tbytes = fo.tbytes.saturating_sub(used);
            fo.tbuf.drain(..fo.tpos);
            fo.tpos = 0;
        }
        if fo.tbuf.is_empty() {
            fo.tbuf = s;
        } else {
            fo.tbuf.push_str(&s);
        }
        fo.tbytes += take;
    }
}

/// Whether the buffered input already answers the read.
fn enough(fo: &FileObj, size: Option<usize>, line: bool) -> bool {
    if fo.binary {
        let rest = &fo.rbuf[fo.rpos..];
        return (line && rest.contains(&b'\n')) || size.is_some_and(|n| rest.len() >= n);
    }
    let rest = &fo.tbuf[fo.tpos..];
    (line && rest.contains('\n'))
        || size.is_some_and(|n| rest.len() >= n.saturating_mul(4) || rest.chars().count() >= n)
}

/// What a read in a weft thread does when the data is not there yet.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wait {
    /// Block the VM thread (a caller that cannot suspend).
    No,
    /// Wait on the thread pool; the call's result is the data.
    Result,
    /// Wait on the thread pool, filling the buffer; the caller (ForIter
    /// on `__next__`) asks again once it is there.
    Retry,
}

/// read(size) / readline(size) for both modes.
fn read(vm: &mut Vm, f: Value, size: Option<usize>, line: bool, wait: Wait) -> PyResult<Value> {
    if file_ref(vm, f).is_some_and(|fo| fo.closed && fo.binary) {
        let what = if line { "readline" } else { "read" };
        return Err(vm.value_error(format!("{what} of closed file")));
    }
    check_open(vm, f)?;
    if !file_ref(vm, f).is_some_and(|fo| fo.readable) {
        let c = unsupported_operation(vm);
        return Err(vm.new_error(c, "not readable"));
    }
    flush(vm, f)?;
    let fd = file_ref(vm, f).and_then(|fo| fo.file.as_ref().map(|h| h.as_raw_fd()));
    let nb = wait != Wait::No && fd.is_some() && vm.in_thread_job();
    if !fill(vm, f, size, line, nb)? {
        // A weft thread: only its fiber waits for the data.
        if let Some(fd) = fd {
            let give = wait == Wait::Result;
            if vm.offload(&[f], move || wait_readable(fd, f, size, line, give))? {
                return Ok(Value::None);
            }
        }
        fill(vm, f, size, line, false)?;
    }
    take(vm, f, size, line)
}

/// A descriptor a read would not block on (data, end of file or error).
fn readable_now(fd: i32) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd we own, no wait.
    let n = unsafe { libc::poll(&mut p, 1, 0) };
    n != 0
}

/// Thread-pool work: wait until `fd` is readable, then (on the loop)
/// fill and answer the read, or wait again.
fn wait_readable(
    fd: i32,
    f: Value,
    size: Option<usize>,
    line: bool,
    give: bool,
) -> crate::vm::Finish {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd we own; EINTR just ends the wait early (the
    // finish then sees the fd is not ready and waits again).
    unsafe { libc::poll(&mut p, 1, -1) };
    Box::new(move |vm: &mut Vm| {
        if file_ref(vm, f).is_none_or(|fo| fo.closed) {
            return crate::vm::Step::Done(Err(vm.value_error("I/O operation on closed file.")));
        }
        match fill(vm, f, size, line, true) {
            Ok(true) if give => crate::vm::Step::Done(take(vm, f, size, line)),
            Ok(true) => crate::vm::Step::Done(Ok(Value::None)),
            Ok(false) => {
                crate::vm::Step::Again(Box::new(move || wait_readable(fd, f, size, line, give)))
            }
            Err(e) => crate::vm::Step::Done(Err(e)),
        }
    })
}

/// Answer read(size) / readline(size) from the buffer `fill` filled.
fn take(vm: &mut Vm, f: Value, size: Option<usize>, line: bool) -> PyResult<Value> {
    let fo = file_mut(vm, f).expect("file");
    if fo.binary {
        let rest = &fo.rbuf[fo.rpos..];
        let mut n = rest.len();
        if line {
            if let Some(i) = rest.iter().position(|&c| c == b'\n') {
                n = i + 1;
            }
        }
        if let Some(s) = size {
            n = n.min(s);
        }
        let out = rest[..n].to_vec();
        fo.rpos += n;
        Ok(vm.alloc(Obj::Bytes(out.into_boxed_slice())))
    } else {
        let rest = &fo.tbuf[fo.tpos..];
        let mut end = rest.len();
        if line {
            if let Some(i) = rest.find('\n') {
                end = i + 1;
            }
        }
        if let Some(s) = size {
            if let Some((i, _)) = rest[..end].char_indices().nth(s) {
                end = i;
            }
        }
        let out = rest[..end].to_string();
        fo.tpos += end;
        Ok(vm.new_str(out))
    }
}

/// io.UnsupportedOperation (an OSError and a ValueError), made once.
pub fn unsupported_operation(vm: &mut Vm) -> ObjRef {
    const KEY: &str = "io.UnsupportedOperation";
    if let Some(&c) = vm.native_classes.get(KEY) {
        return c;
    }
    let meta = Value::Obj(vm.t.type_);
    let name = vm.new_str("UnsupportedOperation");
    let bases = vm.new_tuple(vec![
        Value::Obj(vm.t.os_error),
        Value::Obj(vm.t.value_error),
    ]);
    let ns = vm.new_dict();
    let mk = vm.n.module;
    let mv = vm.new_str("io");
    let _ = vm.dict_set(ns, mk, mv);
    match vm.type_new(meta, name, bases, ns) {
        Ok(Value::Obj(c)) => {
            vm.native_classes.insert(KEY, c);
            c
        }
        _ => vm.t.os_error,
    }
}
