//! "Did you mean" for NameError and AttributeError, computed as CPython
//! 3.11 computes it (Python/suggestions.c, described in the docs of
//! `NameError` and `AttributeError`): a Levenshtein distance where a case
//! flip costs 1 and any other edit 2, candidates within a third of the
//! characters involved, at most 750 candidates and 40 characters, the first
//! best candidate winning. A NameError looks at the failing frame's locals,
//! then its globals, then the builtins; an AttributeError at `dir(obj)`.

use crate::object::*;

use super::Vm;

const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of `a` and `b` in bytes, or `max + 1` once it is
/// certain to exceed `max`.
pub fn levenshtein(a: &[u8], b: &[u8], max: usize) -> usize {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a = &a[..a.len() - suf];
    b = &b[..b.len() - suf];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    // One row of the matrix, updated in place: row[i] is the cost of
    // turning b[..bi] into a[..i + 1].
    let mut row = [0usize; MAX_STRING];
    for (i, r) in row.iter_mut().enumerate().take(a.len()) {
        *r = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

/// The closest candidate to `name`, if one is close enough.
pub fn best_match<'a>(
    name: &str,
    candidates: impl ExactSizeIterator<Item = &'a str>,
) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

impl Vm {
    /// Record an AttributeError's or NameError's `name` (and `obj`: the
    /// object for an AttributeError, the failing frame's globals for a
    /// NameError) for the traceback's suggestion.
    pub fn set_exc_name(&mut self, exc: Value, name: Value, obj: Value) {
        let obj = if obj.is_none() && self.isinstance_class(exc, self.t.name_error) {
            self.fiber
                .frames
                .last()
                .map_or(Value::None, |f| Value::Obj(f.globals))
        } else {
            obj
        };
        if let Some(d) = self.exc_data_mut(exc) {
            d.name = name;
            d.obj = obj;
        }
    }

    pub(crate) fn is_name_or_attr_error(&self, exc: Value) -> bool {
        self.isinstance_class(exc, self.t.attribute_error)
            || self.isinstance_class(exc, self.t.name_error)
    }

    /// The name to suggest for an uncaught NameError or AttributeError.
    pub(crate) fn suggestion(&mut self, exc: Value) -> Option<String> {
        let d = self.exc_data(exc)?;
        let (name, obj, tb) = (d.name, d.obj, d.traceback);
        let name = self.as_str(name)?.to_string();
        if self.isinstance_class(exc, self.t.attribute_error) {
            let dir = self.builtins_get("dir")?;
            let listed = self.call(dir, &[obj]).ok()?;
            let items = self.collect_iterable(listed).ok()?;
            let names: Vec<String> = items
                .iter()
                .filter_map(|v| self.as_str(*v).map(str::to_string))
                .collect();
            return best_match(&name, names.iter().map(String::as_str)).map(str::to_string);
        }
        if !self.isinstance_class(exc, self.t.name_error) {
            return None;
        }
        // Locals of the innermost frame, then its globals, then builtins.
        let locals: Vec<String> = match tb {
            Value::Obj(r) => match self.heap.get(r) {
                // Entries run innermost first.
                Obj::Traceback(entries) => entries
                    .first()
                    .map(|e| e.code.code.varnames.iter().map(|v| v.to_string()).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            },
            _ => return None,
        };
        if let Some(s) = best_match(&name, locals.iter().map(String::as_str)) {
            return Some(s.to_string());
        }
        let mut scopes = Vec::new();
        if let Value::Obj(g) = obj {
            if matches!(self.heap.get(g), Obj::Dict(_)) {
                scopes.push(g);
            }
        }
        scopes.push(self.builtins);
        for d in scopes {
            let keys: Vec<String> = self
                .dict_ref(d)
                .keys()
                .iter()
                .filter_map(|k| self.as_str(*k).map(str::to_string))
                .collect();
            if let Some(s) = best_match(&name, keys.iter().map(String::as_str)) {
                return Some(s.to_string());
            }
        }
        None
    }

    fn builtins_get(&mut self, name: &str) -> Option<Value> {
        let k = self.new_str(name);
        self.dict_get_str(self.builtins, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_follow_cpython_costs() {
        assert_eq!(levenshtein(b"totl", b"total", 100), 2);
        assert_eq!(levenshtein(b"Print", b"print", 100), 1);
        assert_eq!(levenshtein(b"prot", b"port", 100), 4);
        assert_eq!(best_match("prot", ["port", "host"].into_iter()), None);
        assert_eq!(
            best_match("timout", ["host", "timeout"].into_iter()),
            Some("timeout")
        );
        assert_eq!(
            best_match("pritn", ["print", "len"].into_iter()),
            Some("print")
        );
    }
}
