//! itertools' combinatoric iterators: product, permutations, combinations
//! and combinations_with_replacement, stepped over index vectors as
//! CPython's (and the recipes in its documentation) do. The pools are
//! copied into Vecs when the iterator is made, so a step calls no user code.

use crate::builtins::add_staticmethod;
use crate::object::*;
use crate::vm::Vm;

use super::itertools::{new_comb, state, State};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CombKind {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

#[derive(Debug)]
pub struct Comb {
    kind: CombKind,
    /// One pool per position for product; one shared pool otherwise.
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    /// permutations' countdowns.
    cycles: Vec<usize>,
    r: usize,
    first: bool,
    done: bool,
}

impl Comb {
    pub fn trace(&self, out: &mut Vec<Value>) {
        for p in &self.pools {
            out.extend_from_slice(p);
        }
    }

    /// The current combination as a tuple's items.
    fn current(&self) -> Vec<Value> {
        match self.kind {
            CombKind::Product => self
                .indices
                .iter()
                .zip(&self.pools)
                .map(|(&i, p)| p[i])
                .collect(),
            _ => self.indices[..self.r]
                .iter()
                .map(|&i| self.pools[0][i])
                .collect(),
        }
    }

    /// Advance to the next combination; false when there is none.
    fn advance(&mut self) -> bool {
        let n = self.pools.first().map_or(0, |p| p.len());
        let r = self.r;
        match self.kind {
            CombKind::Product => {
                for i in (0..self.indices.len()).rev() {
                    if self.indices[i] + 1 < self.pools[i].len() {
                        self.indices[i] += 1;
                        return true;
                    }
                    self.indices[i] = 0;
                }
                false
            }
            CombKind::Permutations => {
                for i in (0..r).rev() {
                    self.cycles[i] -= 1;
                    if self.cycles[i] == 0 {
                        let moved = self.indices[i];
                        self.indices[i..].rotate_left(1);
                        *self.indices.last_mut().expect("n >= 1") = moved;
                        self.cycles[i] = n - i;
                    } else {
                        let j = self.cycles[i];
                        let len = self.indices.len();
                        self.indices.swap(i, len - j);
                        return true;
                    }
                }
                false
            }
            CombKind::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
                    return false;
                };
                self.indices[i] += 1;
                for j in i + 1..r {
                    self.indices[j] = self.indices[j - 1] + 1;
                }
                true
            }
            CombKind::WithReplacement => {
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else {
                    return false;
                };
                let v = self.indices[i] + 1;
                for x in &mut self.indices[i..] {
                    *x = v;
                }
                true
            }
        }
    }
}

pub fn step(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let Some(State::Comb(c)) = state(vm, me) else {
        return Ok(None);
    };
    if c.done {
        return Ok(None);
    }
    if c.first {
        c.first = false;
    } else if !c.advance() {
        c.done = true;
        return Ok(None);
    }
    let items = c.current();
    Ok(Some(vm.new_tuple(items)))
}

/// The `r` argument: None (the pool's length) or a non-negative int.
fn r_arg(vm: &mut Vm, v: Option<Value>, n: usize, required: bool) -> PyResult<usize> {
    match v {
        None | Some(Value::None) if !required => Ok(n),
        Some(Value::Int(r)) if r >= 0 => Ok(r as usize),
        Some(Value::Int(_)) => Err(vm.value_error("r must be non-negative")),
        Some(Value::Bool(b)) => Ok(b as usize),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
        None => Err(vm.type_error("combinations() missing required argument 'r' (pos 2)")),
    }
}

fn comb(kind: CombKind, pools: Vec<Vec<Value>>, indices: Vec<usize>, r: usize, done: bool) -> Comb {
    let n = pools.first().map_or(0, |p| p.len());
    let cycles = if kind == CombKind::Permutations {
        (0..r).map(|i| n - i).collect()
    } else {
        Vec::new()
    };
    Comb {
        kind,
        pools,
        indices,
        cycles,
        r,
        first: true,
        done,
    }
}

pub fn install(vm: &mut Vm, _m: Value, cls: &dyn Fn(&mut Vm, &str) -> ObjRef) -> PyResult<()> {
    let c = cls(vm, "product");
    add_staticmethod(vm, c, "__new__(cls, /, *iterables, repeat=1)", |vm, a| {
        let repeat = match a.kw(vm, "repeat") {
            None => 1,
            Some(Value::Int(n)) if n >= 0 => n as usize,
            Some(Value::Int(_)) => {
                return Err(vm.value_error("repeat argument cannot be negative"));
            }
            Some(v) => {
                let tn = vm.type_name(v);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        };
        let mut base = Vec::with_capacity(a.pos.len() - 1);
        let mark = vm.temp_roots.len();
        for &x in &a.pos[1..] {
            match vm.collect_iterable(x) {
                Ok(p) => {
                    vm.temp_roots.extend_from_slice(&p);
                    base.push(p);
                }
                Err(e) => {
                    vm.temp_roots.truncate(mark);
                    return Err(e);
                }
            }
        }
        vm.temp_roots.truncate(mark);
        let total = base.len().saturating_mul(repeat);
        if total > 1 << 24 {
            return Err(vm.new_error(vm.t.memory_error, ""));
        }
        let mut pools = Vec::with_capacity(total);
        for _ in 0..repeat {
            pools.extend(base.iter().cloned());
        }
        let done = pools.iter().any(|p| p.is_empty());
        let indices = vec![0; pools.len()];
        let r = pools.len();
        new_comb(
            vm,
            a.pos[0],
            comb(CombKind::Product, pools, indices, r, done),
        )
    });
    let c = cls(vm, "permutations");
    add_staticmethod(vm, c, "__new__(cls, iterable, r=None)", |vm, a| {
        let pool = vm.collect_iterable(a.pos[1])?;
        let n = pool.len();
        let rv = a.get(vm, 2, "r");
        vm.temp_roots.extend_from_slice(&pool);
        let r = r_arg(vm, rv, n, false);
        vm.temp_roots.truncate(vm.temp_roots.len() - n);
        let r = r?;
        let done = r > n;
        let indices = (0..n).collect();
        let c = comb(
            CombKind::Permutations,
            vec![pool],
            indices,
            if done { 0 } else { r },
            done,
        );
        new_comb(vm, a.pos[0], c)
    });
    let c = cls(vm, "combinations");
    add_staticmethod(vm, c, "__new__(cls, iterable, r)", |vm, a| {
        let pool = vm.collect_iterable(a.pos[1])?;
        let n = pool.len();
        let rv = a.get(vm, 2, "r");
        let r = r_arg(vm, rv, n, true)?;
        let done = r > n;
        let indices = (0..r.min(n)).collect();
        let c = comb(CombKind::Combinations, vec![pool], indices, r, done);
        new_comb(vm, a.pos[0], c)
    });
    let c = cls(vm, "combinations_with_replacement");
    add_staticmethod(vm, c, "__new__(cls, iterable, r)", |vm, a| {
        let pool = vm.collect_iterable(a.pos[1])?;
        let n = pool.len();
        let rv = a.get(vm, 2, "r");
        let r = r_arg(vm, rv, n, true)?;
        let done = n == 0 && r > 0;
        let indices = vec![0; if done { 0 } else { r }];
        let c = comb(CombKind::WithReplacement, vec![pool], indices, r, done);
        new_comb(vm, a.pos[0], c)
    });
    Ok(())
}
