//! The `sys` module: interpreter facts (version, implementation, flags,
//! limits of the number types), argv/path/modules, and the standard
//! streams (src/modules/sys_streams.rs).
//!
//! weft has no tracing hooks: `sys.settrace` / `sys.setprofile` are absent.

use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, new_module, set_attr, structseq, sys_streams};

/// The CPython version weft follows.
const VERSION: (i64, i64, i64) = (3, 11, 7);

pub use sys_streams::stream_fd;

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "sys");
    let argv: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set_attr(vm, m, "argv", argv);
    let path: Vec<Value> = vm.path.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let path = vm.new_list(path);
    set_attr(vm, m, "path", path);
    let mods = Value::Obj(vm.modules);
    set_attr(vm, m, "modules", mods);
    facts(vm, m)?;
    sys_streams::install(vm, m);
    functions(vm, m);
    Ok(m)
}

fn set_str(vm: &mut Vm, m: Value, name: &str, s: &str) {
    let v = vm.new_str(s);
    set_attr(vm, m, name, v);
}

/// Version, platform and number-type facts.
fn facts(vm: &mut Vm, m: Value) -> PyResult<()> {
    let (major, minor, micro) = VERSION;
    set_str(
        vm,
        m,
        "version",
        &format!(
            "{major}.{minor}.{micro} (weft {}) [rustc]",
            env!("CARGO_PKG_VERSION")
        ),
    );
    let vi_cls = structseq::make_class(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    )?;
    let fin = vm.new_str("final");
    let vi = structseq::new(
        vm,
        vi_cls,
        vec![
            Value::Int(major),
            Value::Int(minor),
            Value::Int(micro),
            fin,
            Value::Int(0),
        ],
    );
    set_attr(vm, m, "version_info", vi);
    let hex = (major << 24) | (minor << 16) | (micro << 8) | 0xF0;
    set_attr(vm, m, "hexversion", Value::Int(hex));
    set_attr(vm, m, "api_version", Value::Int(1013));
    set_str(vm, m, "platform", std::env::consts::OS);
    let order = if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    };
    set_str(vm, m, "byteorder", order);
    set_attr(vm, m, "maxsize", Value::Int(i64::MAX));
    set_attr(vm, m, "maxunicode", Value::Int(0x10FFFF));
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    set_str(vm, m, "executable", &exe);
    set_str(vm, m, "_base_executable", &exe);
    let orig: Vec<Value> = std::env::args().map(|a| vm.new_str(a)).collect();
    let orig = vm.new_list(orig);
    set_attr(vm, m, "orig_argv", orig);
    for k in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        set_str(vm, m, k, "/usr/local");
    }
    set_str(vm, m, "platlibdir", "lib");
    set_attr(vm, m, "pycache_prefix", Value::None);
    set_attr(vm, m, "dont_write_bytecode", Value::Bool(true));
    set_str(
        vm,
        m,
        "copyright",
        "weft: a Python-like interpreter in Rust (MIT licence).",
    );
    let bmn: Vec<Value> = [
        "builtins", "sys", "posix", "errno", "_io", "gc", "math", "time",
    ]
    .iter()
    .map(|n| vm.new_str(*n))
    .collect();
    let bmn = vm.new_tuple(bmn);
    set_attr(vm, m, "builtin_module_names", bmn);
    let wo = vm.new_list(Vec::new());
    set_attr(vm, m, "warnoptions", wo);
    let xo = vm.new_dict();
    set_attr(vm, m, "_xoptions", xo);
    // sys.implementation: a namespace (name, cache_tag, version, hexversion).
    let ns_cls = namespace_class(vm)?;
    let impl_ns = vm.new_instance(ns_cls);
    let name = vm.new_str("weft");
    let k = vm.intern("name");
    vm.setattr(impl_ns, k, name)?;
    let k = vm.intern("cache_tag");
    vm.setattr(impl_ns, k, Value::None)?;
    let (wmaj, wmin, wpat) = weft_version();
    let fin = vm.new_str("final");
    let wv = structseq::new(
        vm,
        vi_cls,
        vec![
            Value::Int(wmaj),
            Value::Int(wmin),
            Value::Int(wpat),
            fin,
            Value::Int(0),
        ],
    );
    let k = vm.intern("version");
    vm.setattr(impl_ns, k, wv)?;
    let k = vm.intern("hexversion");
    let whex = (wmaj << 24) | (wmin << 16) | (wpat << 8) | 0xF0;
    vm.setattr(impl_ns, k, Value::Int(whex))?;
    let k = vm.intern("_multiarch");
    let ma = vm.new_str("x86_64-linux-gnu");
    vm.setattr(impl_ns, k, ma)?;
    set_attr(vm, m, "implementation", impl_ns);

    let flag_names = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let cls = structseq::make_class(vm, "sys", "flags", &flag_names)?;
    let mut vals = vec![Value::Int(0); flag_names.len()];
    vals[4] = Value::Int(1); // dont_write_bytecode: weft writes no caches
    vals[11] = Value::Int(1); // hash_randomization
    vals[14] = Value::Bool(false); // dev_mode
    vals[16] = Value::Bool(false); // safe_path
    vals[17] = Value::Int(-1);
    let flags = structseq::new(vm, cls, vals);
    set_attr(vm, m, "flags", flags);

    let cls = structseq::make_class(
        vm,
        "sys",
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
    )?;
    let fi = structseq::new(
        vm,
        cls,
        vec![
            Value::Float(f64::MAX),
            Value::Int(f64::MAX_EXP as i64),
            Value::Int(f64::MAX_10_EXP as i64),
            Value::Float(f64::MIN_POSITIVE),
            Value::Int(f64::MIN_EXP as i64),
            Value::Int(f64::MIN_10_EXP as i64),
            Value::Int(f64::DIGITS as i64),
            Value::Int(f64::MANTISSA_DIGITS as i64),
            Value::Float(f64::EPSILON),
            Value::Int(f64::RADIX as i64),
            Value::Int(1),
        ],
    );
    set_attr(vm, m, "float_info", fi);
    set_str(vm, m, "float_repr_style", "short");

    let cls = structseq::make_class(
        vm,
        "sys",
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
    )?;
    let ii = structseq::new(
        vm,
        cls,
        vec![
            Value::Int(30),
            Value::Int(4),
            Value::Int(4300),
            Value::Int(640),
        ],
    );
    set_attr(vm, m, "int_info", ii);

    let cls = structseq::make_class(
        vm,
        "sys",
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
    )?;
    let alg = vm.new_str("siphash13");
    let hi = structseq::new(
        vm,
        cls,
        vec![
            Value::Int(64),
            Value::Int((1i64 << 61) - 1),
            Value::Int(314159),
            Value::Int(0),
            Value::Int(1000003),
            alg,
            Value::Int(64),
            Value::Int(128),
            Value::Int(0),
        ],
    );
    set_attr(vm, m, "hash_info", hi);

    let cls = structseq::make_class(vm, "sys", "thread_info", &["name", "lock", "version"])?;
    let tn = vm.new_str("pthread");
    let tl = vm.new_str("semaphore");
    let ti = structseq::new(vm, cls, vec![tn, tl, Value::None]);
    set_attr(vm, m, "thread_info", ti);
    Ok(())
}

/// weft's own version, from Cargo.toml.
fn weft_version() -> (i64, i64, i64) {
    let mut it = env!("CARGO_PKG_VERSION")
        .split('.')
        .map(|p| p.parse::<i64>().unwrap_or(0));
    (
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
    )
}

/// The class of sys.implementation: attributes in a dict, shown as
/// `namespace(name='weft', ...)` like types.SimpleNamespace.
fn namespace_class(vm: &mut Vm) -> PyResult<ObjRef> {
    let ns = vm.new_dict();
    let mk = vm.n.module;
    let mv = vm.new_str("types");
    vm.dict_set(ns, mk, mv)?;
    let r = vm.new_native("__repr__(self, /)", "SimpleNamespace.__repr__", |vm, a| {
        let Some(&this) = a.pos.first() else {
            return Err(vm.type_error("__repr__ needs an instance"));
        };
        let mut parts = Vec::new();
        if let Some(d) = vm.instance_dict(this) {
            let keys = vm.dict_ref(d).keys();
            let vals = vm.dict_ref(d).values();
            for (k, v) in keys.into_iter().zip(vals) {
                let k = vm.str_of(k).to_string();
                let r = vm.repr_string(v)?;
                parts.push(format!("{k}={r}"));
            }
        }
        let s = format!("namespace({})", parts.join(", "));
        Ok(vm.new_str(s))
    });
    let k = vm.intern("__repr__");
    vm.dict_set(ns, k, r)?;
    let meta = Value::Obj(vm.t.type_);
    let name = vm.new_str("SimpleNamespace");
    let bases = vm.new_tuple(vec![Value::Obj(vm.t.object)]);
    match vm.type_new(meta, name, bases, ns)? {
        Value::Obj(c) => Ok(c),
        _ => Err(vm.type_error("no namespace class")),
    }
}

fn functions(vm: &mut Vm, m: Value) {
    add_fn(vm, m, "exit(status=None, /)", |vm, a| {
        let args = vm.new_tuple(a.pos.to_vec());
        Err(vm.new_exception(vm.t.system_exit, args))
    });
    add_fn(vm, m, "getrecursionlimit()", |vm, _| {
        Ok(Value::Int(vm.recursion_limit as i64))
    });
    add_fn(vm, m, "setrecursionlimit(limit, /)", |vm, a| {
        match a.pos[0] {
            Value::Int(n) if n >= 1 => {
                vm.recursion_limit = n as usize;
                Ok(Value::None)
            }
            Value::Int(_) => Err(vm.value_error("recursion limit must be greater or equal than 1")),
            _ => Err(vm.type_error("an integer is required")),
        }
    });
    add_fn(vm, m, "exc_info()", |vm, _| {
        let e = vm.current_exc();
        if e.is_none() {
            return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
        }
        let t = Value::Obj(vm.type_of(e));
        let tb = vm.exc_traceback(e);
        Ok(vm.new_tuple(vec![t, e, tb]))
    });
    // New in 3.11: the exception being handled, or None.
    add_fn(vm, m, "exception()", |vm, _| Ok(vm.current_exc()));
    add_fn(vm, m, "getsizeof(object, default=None, /)", |vm, a| {
        Ok(Value::Int(sizeof(vm, a.pos[0])))
    });
    add_fn(vm, m, "intern(string, /)", |vm, a| {
        let Some(s) = vm.as_str(a.pos[0]).map(str::to_string) else {
            let tn = vm.type_name(a.pos[0]);
            return Err(vm.type_error(format!("intern() argument must be str, not {tn}")));
        };
        Ok(vm.intern(&s))
    });
    add_fn(vm, m, "getdefaultencoding()", |vm, _| {
        Ok(vm.new_str("utf-8"))
    });
    add_fn(vm, m, "getfilesystemencoding()", |vm, _| {
        Ok(vm.new_str("utf-8"))
    });
    add_fn(vm, m, "getfilesystemencodeerrors()", |vm, _| {
        Ok(vm.new_str("surrogateescape"))
    });
    add_fn(vm, m, "getrefcount(object, /)", |_, _| Ok(Value::Int(2)));
    add_fn(vm, m, "getswitchinterval()", |_, _| {
        Ok(Value::Float(crate::aio::fibers::switch_interval()))
    });
    add_fn(vm, m, "is_finalizing()", |_, _| Ok(Value::Bool(false)));
    add_fn(vm, m, "get_int_max_str_digits()", |_, _| {
        Ok(Value::Int(4300))
    });
    add_fn(vm, m, "set_int_max_str_digits(maxdigits)", |vm, a| {
        // weft converts ints of any length: only the default (or 0, no
        // limit) is accepted.
        match vm.index_of(a.pos[0])? {
            Some(0) | Some(4300) => Ok(Value::None),
            Some(n) if n >= 640 => Err(vm.value_error(
                "weft does not limit int/str conversions; only the default 4300 or 0 are accepted",
            )),
            Some(_) => Err(vm.value_error("maxdigits must be 0 or larger than 640")),
            None => Err(vm.type_error("an integer is required")),
        }
    });
    add_fn(vm, m, "setswitchinterval(interval, /)", |vm, a| {
        // The fiber switch interval (threads are fibers): the ticker reads
        // it before each sleep.
        let secs = crate::builtins::num::to_f64(vm, a.pos[0])?;
        if secs <= 0.0 {
            return Err(vm.value_error("switch interval must be strictly positive"));
        }
        crate::aio::fibers::set_switch_interval(secs);
        Ok(Value::None)
    });
    add_fn(vm, m, "getallocatedblocks()", |vm, _| {
        Ok(Value::Int(vm.heap.live() as i64))
    });
    add_fn(vm, m, "getdlopenflags()", |_, _| Ok(Value::Int(2)));
    add_fn(vm, m, "setdlopenflags(flags, /)", |vm, _| {
        Err(vm.new_error(
            vm.t.not_implemented_error,
            "weft loads no C extensions: sys.setdlopenflags is not supported",
        ))
    });
    // No tracing or profiling hooks in weft: asking for one is an error,
    // asking for none (None) is allowed.
    add_fn(vm, m, "gettrace()", |_, _| Ok(Value::None));
    add_fn(vm, m, "getprofile()", |_, _| Ok(Value::None));
    add_fn(vm, m, "settrace(function, /)", |vm, a| {
        no_hooks(vm, a.pos[0], "settrace")
    });
    add_fn(vm, m, "setprofile(function, /)", |vm, a| {
        no_hooks(vm, a.pos[0], "setprofile")
    });
    add_fn(vm, m, "call_tracing(func, args, /)", |vm, a| {
        let args = vm.collect_iterable(a.pos[1])?;
        vm.call(a.pos[0], &args)
    });
    add_fn(vm, m, "get_coroutine_origin_tracking_depth()", |_, _| {
        Ok(Value::Int(0))
    });
    add_fn(
        vm,
        m,
        "set_coroutine_origin_tracking_depth(depth)",
        |vm, a| match vm.index_of(a.pos[0])? {
            Some(0) => Ok(Value::None),
            Some(n) if n < 0 => Err(vm.value_error("depth must be >= 0")),
            _ => Err(vm.new_error(
                vm.t.not_implemented_error,
                "weft does not track coroutine origins",
            )),
        },
    );
    add_fn(vm, m, "displayhook(object, /)", |vm, a| {
        let v = a.pos[0];
        if v.is_none() {
            return Ok(Value::None);
        }
        let r = vm.repr_string(v)?;
        crate::builtins::core::write_to(vm, None, &format!("{r}\n"), false)?;
        vm.set_builtin("_", v);
        Ok(Value::None)
    });
    add_fn(
        vm,
        m,
        "excepthook(exctype, value, traceback, /)",
        |vm, a| {
            let text = vm.format_exception(a.pos[1]);
            let _ = vm.stdout.flush();
            eprint!("{text}");
            Ok(Value::None)
        },
    );
    add_fn(vm, m, "unraisablehook(unraisable, /)", |vm, a| {
        let k = vm.intern("exc_value");
        let e = vm.getattr(a.pos[0], k)?;
        let text = vm.format_exception(e);
        let _ = vm.stdout.flush();
        eprint!("Exception ignored in: None\n{text}");
        Ok(Value::None)
    });
    add_fn(vm, m, "breakpointhook(*args, **kws)", |_, _| {
        Ok(Value::None)
    });
    add_fn(vm, m, "addaudithook(hook)", |vm, a| {
        let k = vm.intern("_audit_hooks");
        if let Some(h) = vm.sys_attr(k) {
            let ak = vm.intern("append");
            vm.call_method(h, ak, &[a.pos[0]])?;
        }
        Ok(Value::None)
    });
    add_fn(vm, m, "audit(event, *args)", |vm, a| {
        let k = vm.intern("_audit_hooks");
        let Some(h) = vm.sys_attr(k) else {
            return Ok(Value::None);
        };
        let hooks = vm.collect_iterable(h)?;
        let args = vm.new_tuple(a.pos[1..].to_vec());
        vm.temp_roots.push(args);
        let mut r = Ok(Value::None);
        for f in hooks {
            if let Err(e) = vm.call(f, &[a.pos[0], args]) {
                r = Err(e);
                break;
            }
        }
        vm.temp_roots.pop();
        r
    });
    let hooks = vm.new_list(Vec::new());
    set_attr(vm, m, "_audit_hooks", hooks);
    add_fn(vm, m, "get_asyncgen_hooks()", |vm, _| {
        Ok(vm.new_tuple(vec![Value::None, Value::None]))
    });
    add_fn(
        vm,
        m,
        "set_asyncgen_hooks(firstiter=None, finalizer=None)",
        |_, _| Ok(Value::None),
    );
    for (name, dunder) in [
        ("displayhook", "__displayhook__"),
        ("excepthook", "__excepthook__"),
        ("breakpointhook", "__breakpointhook__"),
        ("unraisablehook", "__unraisablehook__"),
    ] {
        let k = vm.intern(name);
        if let Some(d) = super::module_dict(vm, m) {
            if let Some(f) = vm.dict_get_str(d, k) {
                set_attr(vm, m, dunder, f);
            }
        }
    }
    let mp = vm.new_list(Vec::new());
    set_attr(vm, m, "meta_path", mp);
    let ph = vm.new_list(Vec::new());
    set_attr(vm, m, "path_hooks", ph);
    let pic = vm.new_dict();
    set_attr(vm, m, "path_importer_cache", pic);
    set_str(vm, m, "abiflags", "");
    // The standard-library modules weft provides (native and embedded).
    let mut names: Vec<String> = super::STDLIB
        .iter()
        .filter(|(n, _, _)| !n.contains('.') && !n.starts_with("_weft"))
        .map(|(n, _, _)| n.to_string())
        .collect();
    names.extend(vm.native_modules.keys().map(|k| k.to_string()));
    names.push("builtins".into());
    let fs = vm.new_set(true);
    for n in names {
        let v = vm.new_str(n);
        let _ = vm.set_add(fs, v);
    }
    set_attr(vm, m, "stdlib_module_names", fs);
}

fn no_hooks(vm: &mut Vm, f: Value, what: &str) -> PyResult<Value> {
    if f.is_none() {
        return Ok(Value::None);
    }
    Err(vm.new_error(
        vm.t.not_implemented_error,
        format!("sys.{what} is not supported by weft (it has no tracing or profiling hooks)"),
    ))
}

/// Plausible sizes in bytes, as CPython 3.11 on 64-bit Linux reports them
/// (weft's own layout differs: Values are 16 bytes, heap slots 40).
fn sizeof(vm: &mut Vm, v: Value) -> i64 {
    match v {
        Value::None => 16,
        Value::Bool(b) => 24 + 4 * b as i64,
        Value::Int(0) => 24,
        Value::Int(i) => {
            let bits = 64 - i.unsigned_abs().leading_zeros() as i64;
            24 + 4 * ((bits + 29) / 30).max(1)
        }
        Value::Float(_) => 24,
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => {
                let text = s.s.as_str();
                let max = text.chars().map(|c| c as u32).max().unwrap_or(0);
                let n = text.chars().count() as i64;
                match max {
                    0..=0x7F => 49 + n,
                    0x80..=0xFF => 73 + n,
                    0x100..=0xFFFF => 74 + 2 * n,
                    _ => 76 + 4 * n,
                }
            }
            Obj::Bytes(b) => 33 + b.len() as i64,
            Obj::Tuple(t) => 40 + 8 * t.len() as i64,
            Obj::List(l) => 56 + 8 * l.len() as i64,
            Obj::Dict(d) => {
                let n = d.len() as i64;
                if n == 0 {
                    64
                } else {
                    // CPython's compact dict: the index and entry tables
                    // grow in powers of two.
                    let mut cap = 8i64;
                    while cap * 2 / 3 < n {
                        cap *= 2;
                    }
                    64 + cap + 24 * (cap * 2 / 3) + 8
                }
            }
            Obj::BigInt(b) => 24 + 4 * ((b.bits() as i64 + 29) / 30),
            _ => 48,
        },
        _ => 16,
    }
}
