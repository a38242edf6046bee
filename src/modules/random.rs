//! `_random`: the Mersenne Twister core under stdlib/random.py.
//!
//! The generator is MT19937 as published by Matsumoto and Nishimura, seeded
//! the way CPython's `_random` seeds it (an int's absolute value split into
//! 32-bit words, least significant first, fed to `init_by_array`), so that a
//! seed gives the same `random()` / `getrandbits()` stream as CPython 3.11.
//! Everything built on those two (randrange, shuffle, gauss...) lives in
//! stdlib/random.py, written after the documented algorithms.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::{add_method, add_staticmethod};
use crate::object::*;
use crate::vm::Vm;

use super::{new_module, set_attr};

const N: usize = 624;
const M: usize = 397;

#[derive(Debug)]
pub struct Mt {
    mt: [u32; N],
    idx: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt {
            mt: [0; N],
            idx: N + 1,
        };
        m.init_genrand(19650218);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.idx = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        for k in 0..N {
            let y = (self.mt[k] & UPPER) | (self.mt[(k + 1) % N] & LOWER);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            self.mt[k] = self.mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.idx = 0;
    }

    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.idx >= N {
            self.twist();
        }
        let mut y = self.mt[self.idx];
        self.idx += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits, as CPython's random().
    #[inline]
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `k` random bits (k > 0), the first word drawn the least significant.
    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &out)
    }
}

#[derive(Debug)]
struct RandomObj {
    class: ObjRef,
    mt: Box<Mt>,
    /// Attributes set by weft code (random.Random keeps gauss_next here).
    dict: Option<ObjRef>,
    /// Whether the class draws integers straight from the generator (its
    /// random, getrandbits and _randbelow are the native ones), decided on
    /// the first call of a native fast path.
    fast: Option<bool>,
}

impl NativeObj for RandomObj {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, out: &mut Vec<Value>) {
        if let Some(d) = self.dict {
            out.push(Value::Obj(d));
        }
    }
    fn attr_dict(&self) -> Option<ObjRef> {
        self.dict
    }
    fn set_attr_dict(&mut self, d: ObjRef) -> bool {
        self.dict = Some(d);
        true
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

fn mt_of(vm: &mut Vm, v: Value) -> PyResult<&mut Mt> {
    let ok = matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::NativeObj(n) if n.as_any().is::<RandomObj>()));
    if !ok {
        return Err(vm.type_error("descriptor requires a '_random.Random' object"));
    }
    let Value::Obj(r) = v else {
        unreachable!("checked above")
    };
    match vm.heap.get_mut(r) {
        Obj::NativeObj(n) => Ok(&mut n
            .as_any_mut()
            .downcast_mut::<RandomObj>()
            .expect("checked above")
            .mt),
        _ => unreachable!("checked above"),
    }
}

/// Entropy for seed(None): the OS's random device, else the clock.
fn os_entropy() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if ok {
        return buf
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
    }
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    vec![
        t as u32,
        (t >> 32) as u32,
        (t >> 64) as u32,
        std::process::id(),
    ]
}

/// CPython's seed rule: None draws from the OS; an int seeds with its
/// absolute value; anything else with its hash taken as an unsigned word.
fn seed(vm: &mut Vm, this: Value, arg: Value) -> PyResult<()> {
    let key: Vec<u32> = if arg.is_none() {
        os_entropy()
    } else {
        let n: BigInt = match arg {
            Value::Int(i) => BigInt::from(i).abs(),
            Value::Obj(r) if matches!(vm.heap.get(r), Obj::BigInt(_)) => {
                vm.as_bigint(arg).unwrap_or_default().abs()
            }
            _ => {
                let h = vm.hash(arg)?;
                BigInt::from(h as u64)
            }
        };
        if n.is_zero() {
            vec![0]
        } else {
            n.to_u32_digits().1
        }
    };
    mt_of(vm, this)?.init_by_array(&key);
    Ok(())
}

fn getrandbits(vm: &mut Vm, this: Value, k: Value) -> PyResult<Value> {
    let k = match k {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        v => {
            let b = crate::builtins::num::index_required(vm, v)?;
            match b.to_i64() {
                Some(i) => i,
                None if b.is_negative() => -1,
                None => {
                    return Err(
                        vm.overflow_error("Python int too large to convert to C int".to_string())
                    )
                }
            }
        }
    };
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k > i32::MAX as i64 {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    if k <= 32 {
        let r = mt_of(vm, this)?.next_u32() >> (32 - k);
        return Ok(Value::Int(r as i64));
    }
    let b = mt_of(vm, this)?.getrandbits(k as u64);
    Ok(vm.new_bigint(b))
}

fn obj_mut(vm: &mut Vm, v: Value) -> Option<&mut RandomObj> {
    match v {
        Value::Obj(r) => match vm.heap.get_mut(r) {
            Obj::NativeObj(n) => n.as_any_mut().downcast_mut::<RandomObj>(),
            _ => None,
        },
        _ => None,
    }
}

/// See RandomObj::fast. (A class patched after its first draw keeps the
/// answer it had then.)
fn is_fast(vm: &mut Vm, this: Value) -> bool {
    if let Some(f) = obj_mut(vm, this).and_then(|o| o.fast) {
        return f;
    }
    let base = super::dotted_class(vm, "_random.Random");
    let cls = vm.type_of(this);
    let same = |vm: &mut Vm, name: &str, base_name: &str| {
        let k = vm.intern(name);
        let kb = vm.intern(base_name);
        matches!((vm.class_lookup(cls, k), vm.class_lookup(base, kb)), (Some(x), Some(y)) if x.is(y))
    };
    let fast = cls == base
        || (same(vm, "random", "random")
            && same(vm, "getrandbits", "getrandbits")
            && same(vm, "_randbelow", "_randbelow_bits"));
    if let Some(o) = obj_mut(vm, this) {
        o.fast = Some(fast);
    }
    fast
}

/// A random int in [0, n) for 0 < n: CPython's _randbelow_with_getrandbits.
fn below_i64(mt: &mut Mt, n: i64) -> i64 {
    let k = 64 - (n as u64).leading_zeros() as u64;
    loop {
        let r = if k <= 32 {
            (mt.next_u32() >> (32 - k)) as i64
        } else {
            let lo = mt.next_u32() as u64;
            let hi = (mt.next_u32() >> (64 - k)) as u64;
            ((hi << 32) | lo) as i64
        };
        if r < n {
            return r;
        }
    }
}

fn small_int(v: Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        _ => None,
    }
}

/// The weft implementation of `name` (random.py's `_NAME_py`), for what
/// the fast paths do not cover: other argument types, errors, subclasses.
fn slow(vm: &mut Vm, this: Value, name: &str, a: &Args) -> PyResult<Value> {
    let k = vm.intern(&format!("_{name}_py"));
    let f = vm.getattr(this, k)?;
    vm.call_kw(f, &a.pos[1..], a.kw)
}

/// randrange over machine ints, or None when the weft path must decide.
fn randrange_fast(
    vm: &mut Vm,
    this: Value,
    start: i64,
    stop: Option<i64>,
    step: i64,
) -> PyResult<Option<i64>> {
    let Some(stop) = stop else {
        if step != 1 || start <= 0 {
            return Ok(None);
        }
        return Ok(Some(below_i64(mt_of(vm, this)?, start)));
    };
    let Some(width) = stop.checked_sub(start) else {
        return Ok(None);
    };
    let n = if step == 1 {
        width
    } else if step > 0 {
        match width.checked_add(step - 1) {
            Some(w) => w.div_euclid(step),
            None => return Ok(None),
        }
    } else if step < 0 {
        match width.checked_add(step + 1) {
            Some(w) => floor_div(w, step),
            None => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    if n <= 0 {
        return Ok(None);
    }
    let r = below_i64(mt_of(vm, this)?, n);
    Ok(step.checked_mul(r).and_then(|x| x.checked_add(start)))
}

fn floor_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_random");
    let c = super::dotted_class(vm, "_random.Random");
    add_staticmethod(vm, c, "__new__(cls, *args, **kwargs)", |vm, a| {
        let Value::Obj(cls) = a.pos[0] else {
            return Err(vm.type_error("Random.__new__(X): X is not a type object"));
        };
        let obj = vm.alloc(Obj::NativeObj(Box::new(RandomObj {
            class: cls,
            mt: Box::new(Mt::new()),
            dict: None,
            fast: None,
        })));
        if a.pos.len() > 2 {
            return Err(vm.type_error("Random() requires 0 or 1 argument"));
        }
        seed(vm, obj, a.pos.get(1).copied().unwrap_or(Value::None))?;
        Ok(obj)
    });
    add_method(vm, c, "seed(n=None, /)", |vm, a| {
        let arg = a.pos.get(1).copied().unwrap_or(Value::None);
        seed(vm, a.pos[0], arg)?;
        Ok(Value::None)
    });
    add_method(vm, c, "random()", |vm, a| {
        Ok(Value::Float(mt_of(vm, a.pos[0])?.random()))
    });
    add_method(vm, c, "getrandbits(k, /)", |vm, a| {
        getrandbits(vm, a.pos[0], a.pos[1])
    });
    add_method(vm, c, "getstate()", |vm, a| {
        let mt = mt_of(vm, a.pos[0])?;
        let mut items: Vec<Value> = mt.mt.iter().map(|w| Value::Int(*w as i64)).collect();
        items.push(Value::Int(mt.idx as i64));
        Ok(vm.new_tuple(items))
    });
    add_method(vm, c, "setstate(state, /)", |vm, a| {
        let st = a.pos[1];
        let is_tuple = matches!(st, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_)));
        if !is_tuple {
            return Err(vm.type_error("state vector must be a tuple"));
        }
        let items = vm.tuple_items(st);
        if items.len() != N + 1 {
            return Err(vm.value_error("state vector is the wrong size"));
        }
        let mut words = [0u32; N + 1];
        for (i, v) in items.iter().enumerate() {
            let b = crate::builtins::num::index_required(vm, *v)?;
            words[i] = match b.to_u64() {
                Some(w) if i < N => w as u32,
                Some(w) => w.min(u32::MAX as u64) as u32,
                None => {
                    return Err(vm.overflow_error(
                        "Python int too large to convert to C unsigned long".to_string(),
                    ))
                }
            };
        }
        let idx = words[N] as usize;
        if idx > N {
            return Err(vm.value_error("invalid state"));
        }
        let mt = mt_of(vm, a.pos[0])?;
        mt.mt.copy_from_slice(&words[..N]);
        mt.idx = idx;
        Ok(Value::None)
    });
    // A fast path for random.py's _randbelow when getrandbits is not
    // overridden: the same draws CPython's _randbelow_with_getrandbits
    // makes (k = n.bit_length() bits until one is below n).
    add_method(vm, c, "_randbelow_bits(n, /)", |vm, a| {
        let n = a.pos[1];
        match n {
            Value::Int(n) if n > 0 => {
                let k = 64 - (n as u64).leading_zeros() as u64;
                let mt = mt_of(vm, a.pos[0])?;
                loop {
                    let r = if k <= 32 {
                        (mt.next_u32() >> (32 - k)) as i64
                    } else {
                        let lo = mt.next_u32() as u64;
                        let hi = (mt.next_u32() >> (64 - k)) as u64;
                        ((hi << 32) | lo) as i64
                    };
                    if r < n {
                        return Ok(Value::Int(r));
                    }
                }
            }
            _ => {
                let nb = crate::builtins::num::index_required(vm, n)?;
                if !nb.is_positive() {
                    return Err(vm.value_error("n must be positive"));
                }
                let k = nb.bits();
                let mt = mt_of(vm, a.pos[0])?;
                loop {
                    let r = mt.getrandbits(k);
                    if r < nb {
                        return Ok(vm.new_bigint(r));
                    }
                }
            }
        }
    });
    // Fast paths for the integer and sequence methods: the same draws as
    // random.py's versions (which they fall back to), without a weft frame
    // per call.
    add_method(vm, c, "randrange(start, stop=None, step=1)", |vm, a| {
        let this = a.pos[0];
        if a.kw.is_empty() && is_fast(vm, this) {
            let start = small_int(a.pos[1]);
            let stop = match a.pos.get(2) {
                None | Some(Value::None) => Some(None),
                Some(&v) => small_int(v).map(Some),
            };
            let step = a.pos.get(3).map_or(Some(1), |v| small_int(*v));
            if let (Some(start), Some(stop), Some(step)) = (start, stop, step) {
                if let Some(r) = randrange_fast(vm, this, start, stop, step)? {
                    return Ok(Value::Int(r));
                }
            }
        }
        slow(vm, this, "randrange", &a)
    });
    add_method(vm, c, "randint(a, b)", |vm, a| {
        let this = a.pos[0];
        if a.kw.is_empty() && is_fast(vm, this) {
            if let (Some(lo), Some(hi)) = (small_int(a.pos[1]), small_int(a.pos[2])) {
                if let Some(stop) = hi.checked_add(1) {
                    if let Some(r) = randrange_fast(vm, this, lo, Some(stop), 1)? {
                        return Ok(Value::Int(r));
                    }
                }
            }
        }
        slow(vm, this, "randint", &a)
    });
    add_method(vm, c, "choice(seq)", |vm, a| {
        let this = a.pos[0];
        if a.kw.is_empty() && is_fast(vm, this) {
            let n = vm.len(a.pos[1])?;
            if n == 0 {
                return Err(vm.index_error("Cannot choose from an empty sequence"));
            }
            let j = below_i64(mt_of(vm, this)?, n as i64);
            return vm.getitem(a.pos[1], Value::Int(j));
        }
        slow(vm, this, "choice", &a)
    });
    add_method(vm, c, "shuffle(x)", |vm, a| {
        let this = a.pos[0];
        let is_list = matches!(a.pos[1], Value::Obj(r) if matches!(vm.heap.get(r), Obj::List(_)));
        if a.kw.is_empty() && is_list && is_fast(vm, this) {
            let Value::Obj(lr) = a.pos[1] else {
                unreachable!("checked above")
            };
            let n = match vm.heap.get(lr) {
                Obj::List(l) => l.len(),
                _ => 0,
            };
            let mut draws = Vec::with_capacity(n);
            {
                let mt = mt_of(vm, this)?;
                for i in (1..n).rev() {
                    draws.push((i, below_i64(mt, i as i64 + 1) as usize));
                }
            }
            if let Obj::List(l) = vm.heap.get_mut(lr) {
                for (i, j) in draws {
                    if i < l.len() && j < l.len() {
                        l.swap(i, j);
                    }
                }
            }
            return Ok(Value::None);
        }
        slow(vm, this, "shuffle", &a)
    });
    super::add_fn(vm, m, "_urandom(n, /)", |vm, a| {
        let n = crate::builtins::num::index_required(vm, a.pos[0])?;
        let Some(n) = n.to_usize() else {
            return Err(vm.value_error("negative argument not allowed"));
        };
        let mut out: Vec<u8> = vm.try_vec(n)?;
        while out.len() < n {
            for w in os_entropy() {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out.truncate(n);
        Ok(vm.alloc(Obj::Bytes(out.into_boxed_slice())))
    });
    set_attr(vm, m, "Random", Value::Obj(c));
    Ok(m)
}
