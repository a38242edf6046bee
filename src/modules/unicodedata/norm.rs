//! Normalization forms NFD, NFC, NFKD and NFKC (UAX #15): full
//! decomposition, canonical ordering by combining class, then canonical
//! composition, over the database's own tables so the result follows the
//! same Unicode version as the other functions.

use super::db::Db;

const S_BASE: u32 = 0xAC00;
const S_COUNT: u32 = 11172;

fn decompose_into(db: &Db, cp: u32, compat: bool, out: &mut Vec<u32>) {
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        out.push(0x1100 + s / 588);
        out.push(0x1161 + (s % 588) / 28);
        if !s.is_multiple_of(28) {
            out.push(0x11A7 + s % 28);
        }
        return;
    }
    let d = db.props(cp).decomposition;
    if d.is_empty() || (!compat && d.starts_with('<')) {
        out.push(cp);
        return;
    }
    let body = if d.starts_with('<') {
        d.split_once("> ").map_or("", |x| x.1)
    } else {
        d
    };
    for part in body.split(' ') {
        if let Ok(c) = u32::from_str_radix(part, 16) {
            decompose_into(db, c, compat, out);
        }
    }
}

pub fn normalize(db: &Db, s: &str, compose: bool, compat: bool) -> String {
    let mut cps: Vec<u32> = Vec::with_capacity(s.len());
    for ch in s.chars() {
        decompose_into(db, ch as u32, compat, &mut cps);
    }
    // Canonical ordering: a stable sort of each run of non-starters.
    let ccc = |c: u32| db.props(c).combining;
    let mut i = 0;
    while i < cps.len() {
        if ccc(cps[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < cps.len() && ccc(cps[i]) != 0 {
            i += 1;
        }
        cps[start..i].sort_by_key(|&c| ccc(c));
    }
    if compose {
        cps = recompose(db, &cps);
    }
    cps.into_iter().filter_map(char::from_u32).collect()
}

fn recompose(db: &Db, cps: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(cps.len());
    let mut starter: Option<usize> = None;
    let mut last_cc = 0u8;
    for &c in cps {
        let cc = db.props(c).combining;
        if let Some(si) = starter {
            // c is blocked from the starter by anything between them whose
            // class is 0 or not below c's.
            let between = out.len() - 1 > si;
            let blocked = between && (last_cc == 0 || last_cc >= cc);
            if !blocked {
                if let Some(comp) = db.compose(out[si], c) {
                    out[si] = comp;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
        }
        last_cc = cc;
        out.push(c);
    }
    out
}
