//! The calendar half of `time`: gmtime, localtime, mktime, asctime, ctime,
//! strftime (the C library's, as CPython uses), strptime (stdlib/_strptime),
//! the CPU clocks, and timezone/altzone/daylight/tzname probed the way
//! CPython probes them. struct_time is stdlib/_time_struct.py.

use crate::object::*;
use crate::vm::Vm;

use super::{add_fn, load_module, set_attr};

extern "C" {
    // POSIX; the libc crate does not declare it.
    fn tzset();
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn struct_time_class(vm: &mut Vm) -> PyResult<Value> {
    let m = load_module(vm, "_time_struct")?;
    let k = vm.intern("struct_time");
    vm.getattr(m, k)
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: libc::tm is plain old data; all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

/// Seconds argument of gmtime/localtime/ctime (None: now), floored.
fn secs_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<libc::time_t> {
    let v = v.filter(|v| !v.is_none());
    let Some(v) = v else {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        return Ok(now as libc::time_t);
    };
    match v {
        Value::Int(i) => Ok(i as libc::time_t),
        Value::Bool(b) => Ok(b as libc::time_t),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            let f = f.floor();
            if !(-9.2e18..9.2e18).contains(&f) {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f as libc::time_t)
        }
        _ => match vm.as_bigint(v) {
            Some(_) => Err(vm.overflow_error("timestamp out of range for platform time_t")),
            None => {
                let f = crate::builtins::num::to_f64(vm, v)?;
                secs_arg(vm, Some(Value::Float(f)))
            }
        },
    }
}

fn tm_to_struct(vm: &mut Vm, tm: &libc::tm) -> PyResult<Value> {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: tm_zone points at a NUL-terminated string owned by the C
        // library (static zone names), valid while no tzset runs.
        let s = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) };
        vm.new_str(s.to_string_lossy().into_owned())
    };
    let items = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        zone,
        Value::Int(tm.tm_gmtoff),
    ];
    let t = vm.new_tuple(items);
    let cls = struct_time_class(vm)?;
    vm.call(cls, &[t])
}

fn gmtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = secs_arg(vm, a.pos.first().copied())?;
    let mut tm = zeroed_tm();
    // SAFETY: gmtime_r writes into our tm and reads our time_t.
    let r = unsafe { libc::gmtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    tm_to_struct(vm, &tm)
}

fn localtime_tm(vm: &mut Vm, t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    // SAFETY: localtime_r writes into our tm and reads our time_t.
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

fn localtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = secs_arg(vm, a.pos.first().copied())?;
    let tm = localtime_tm(vm, t)?;
    tm_to_struct(vm, &tm)
}

/// A struct_time or 9-tuple as a C tm (CPython's gettmarg), with the
/// checks strftime/asctime make (checktm).
fn tm_arg(vm: &mut Vm, v: Value, func: &str, check: bool) -> PyResult<libc::tm> {
    let items = match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Tuple(t) => Some(t.to_vec()),
            Obj::Instance(i) if !i.base.is_undefined() => match i.base {
                Value::Obj(b) => match vm.heap.get(b) {
                    Obj::Tuple(t) => Some(t.to_vec()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    let Some(items) = items else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, x) in items.iter().enumerate() {
        f[i] = match x {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            Value::Float(_) => {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"))
            }
            _ => {
                let n = crate::builtins::num::index_required(vm, *x)?;
                num_traits::ToPrimitive::to_i64(&n)
                    .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?
            }
        };
    }
    let mut tm = zeroed_tm();
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1).rem_euclid(7)) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    if check {
        if tm.tm_mon == -1 {
            tm.tm_mon = 0;
        } else if !(0..=11).contains(&tm.tm_mon) {
            return Err(vm.value_error("month out of range"));
        }
        if tm.tm_mday == 0 {
            tm.tm_mday = 1;
        } else if !(0..=31).contains(&tm.tm_mday) {
            return Err(vm.value_error("day of month out of range"));
        }
        if !(0..=23).contains(&tm.tm_hour) {
            return Err(vm.value_error("hour out of range"));
        }
        if !(0..=59).contains(&tm.tm_min) {
            return Err(vm.value_error("minute out of range"));
        }
        if !(0..=61).contains(&tm.tm_sec) {
            return Err(vm.value_error("seconds out of range"));
        }
        if f[6] < 0 {
            return Err(vm.value_error("day of week out of range"));
        }
        if tm.tm_yday == -1 {
            tm.tm_yday = 0;
        } else if !(0..=365).contains(&tm.tm_yday) {
            return Err(vm.value_error("day of year out of range"));
        }
    }
    Ok(tm)
}

fn asctime_of(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

/// The C library's strftime over a whole format (grown until it fits).
pub fn c_strftime(fmt: &str, tm: &libc::tm) -> Option<String> {
    if fmt.is_empty() {
        return Some(String::new());
    }
    let cfmt = std::ffi::CString::new(fmt).ok()?;
    let mut size = 256usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` writable bytes; cfmt is NUL-terminated; tm
        // is a valid struct.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                tm,
            )
        };
        if n > 0 || size > fmt.len() * 256 + 4096 {
            buf.truncate(n);
            return Some(String::from_utf8_lossy(&buf).into_owned());
        }
        size *= 4;
    }
}

fn cpu_clock(id: libc::clockid_t) -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into our timespec.
    unsafe { libc::clock_gettime(id, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn cpu_clock_ns(id: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into our timespec.
    unsafe { libc::clock_gettime(id, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

fn clock_id(vm: &mut Vm, v: Value) -> PyResult<libc::clockid_t> {
    match v {
        Value::Int(i) => Ok(i as libc::clockid_t),
        _ => Err(vm.type_error("an integer is required")),
    }
}

/// timezone, altzone, daylight and tzname from January and July of this
/// year, as CPython's init_timezone computes them.
fn set_zone_attrs(vm: &mut Vm, m: Value) -> PyResult<()> {
    // SAFETY: tzset only reads the TZ environment variable.
    unsafe { tzset() };
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = secs_arg(vm, None)? as i64;
    let t = (now / YEAR) * YEAR;
    let jan = localtime_tm(vm, t as libc::time_t)?;
    let jul = localtime_tm(vm, (t + YEAR / 2) as libc::time_t)?;
    let name = |tm: &libc::tm| -> String {
        if tm.tm_zone.is_null() {
            return String::new();
        }
        // SAFETY: a NUL-terminated zone name owned by the C library.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    let (janzone, julzone) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (jname, lname) = (name(&jan), name(&jul));
    let (tz, alt, n1, n2) = if janzone < julzone {
        (julzone, janzone, lname, jname)
    } else {
        (janzone, julzone, jname, lname)
    };
    set_attr(vm, m, "timezone", Value::Int(tz));
    set_attr(vm, m, "altzone", Value::Int(alt));
    set_attr(vm, m, "daylight", Value::Int((janzone != julzone) as i64));
    let a = vm.new_str(n1);
    let b = vm.new_str(n2);
    let names = vm.new_tuple(vec![a, b]);
    set_attr(vm, m, "tzname", names);
    Ok(())
}

pub fn install(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fn(vm, m, "gmtime(seconds=None, /)", |vm, a| gmtime(vm, &a));
    add_fn(vm, m, "localtime(seconds=None, /)", |vm, a| {
        localtime(vm, &a)
    });
    add_fn(vm, m, "mktime(t, /)", |vm, a| {
        let mut tm = tm_arg(vm, a.pos[0], "mktime", false)?;
        tm.tm_wday = -1;
        // SAFETY: mktime normalises our tm in place.
        let t = unsafe { libc::mktime(&mut tm) };
        if t == -1 && tm.tm_wday == -1 {
            return Err(vm.overflow_error("mktime argument out of range"));
        }
        Ok(Value::Float(t as f64))
    });
    add_fn(vm, m, "asctime(t=None, /)", |vm, a| {
        let tm = match a.pos.first() {
            Some(&v) => tm_arg(vm, v, "asctime", true)?,
            None => {
                let t = secs_arg(vm, None)?;
                localtime_tm(vm, t)?
            }
        };
        Ok(vm.new_str(asctime_of(&tm)))
    });
    add_fn(vm, m, "ctime(seconds=None, /)", |vm, a| {
        let t = secs_arg(vm, a.pos.first().copied())?;
        let tm = localtime_tm(vm, t)?;
        Ok(vm.new_str(asctime_of(&tm)))
    });
    add_fn(vm, m, "strftime(format, t=None, /)", |vm, a| {
        let Some(fmt) = vm.as_str(a.pos[0]).map(|s| s.to_string()) else {
            let tn = vm.type_name(a.pos[0]);
            return Err(vm.type_error(format!("strftime() argument 1 must be str, not {tn}")));
        };
        let tm = match a.pos.get(1) {
            Some(&v) => tm_arg(vm, v, "strftime", true)?,
            None => {
                let t = secs_arg(vm, None)?;
                localtime_tm(vm, t)?
            }
        };
        if fmt.contains('\0') {
            return Err(vm.value_error("embedded null character"));
        }
        match c_strftime(&fmt, &tm) {
            Some(s) => Ok(vm.new_str(s)),
            None => Err(vm.value_error("strftime format too long")),
        }
    });
    add_fn(
        vm,
        m,
        "strptime(string, format='%a %b %d %H:%M:%S %Y', /)",
        |vm, a| {
            let sp = load_module(vm, "_strptime")?;
            let k = vm.intern("_strptime_time");
            let f = vm.getattr(sp, k)?;
            vm.call(f, a.pos)
        },
    );
    add_fn(vm, m, "process_time()", |_, _| {
        Ok(Value::Float(cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)))
    });
    add_fn(vm, m, "process_time_ns()", |_, _| {
        Ok(Value::Int(cpu_clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
    });
    add_fn(vm, m, "thread_time()", |_, _| {
        Ok(Value::Float(cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)))
    });
    add_fn(vm, m, "thread_time_ns()", |_, _| {
        Ok(Value::Int(cpu_clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
    });
    add_fn(vm, m, "clock_gettime(clk_id, /)", |vm, a| {
        let id = clock_id(vm, a.pos[0])?;
        Ok(Value::Float(cpu_clock(id)))
    });
    add_fn(vm, m, "clock_gettime_ns(clk_id, /)", |vm, a| {
        let id = clock_id(vm, a.pos[0])?;
        Ok(Value::Int(cpu_clock_ns(id)))
    });
    add_fn(vm, m, "clock_getres(clk_id, /)", |vm, a| {
        let id = clock_id(vm, a.pos[0])?;
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_getres writes into our timespec.
        unsafe { libc::clock_getres(id, &mut ts) };
        Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
    });
    add_fn(vm, m, "tzset()", |vm, _| {
        let k = vm.intern("time");
        if let Some(m) = vm.dict_get_str(vm.modules, k) {
            set_zone_attrs(vm, m)?;
        }
        Ok(Value::None)
    });
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        set_attr(vm, m, name, Value::Int(id as i64));
    }
    set_zone_attrs(vm, m)?;
    let st = struct_time_class(vm)?;
    set_attr(vm, m, "struct_time", st);
    Ok(())
}
