//! The character database: data/unicode/ucd.txt and names.txt (generated from CPython
//! 3.11's unicodedata by tools/gen_unicodedata.py), embedded in the binary
//! and parsed part by part on first use into sorted runs, so a
//! script that never imports the module pays nothing but the binary's size.

use std::collections::HashMap;
use std::sync::OnceLock;

static UCD: &str = include_str!("../../../data/unicode/ucd.txt");
static NAMES: &str = include_str!("../../../data/unicode/names.txt");

/// The properties of a run of code points.
pub struct Props {
    pub category: &'static str,
    pub bidi: &'static str,
    pub combining: u8,
    pub mirrored: bool,
    pub east_asian_width: &'static str,
    pub decimal: Option<u8>,
    pub digit: Option<u8>,
    pub numeric: Option<f64>,
    /// As unicodedata.decomposition() shows it ("<compat> 0020 0308").
    pub decomposition: &'static str,
    /// A canonical decomposition that NFC does not recompose.
    pub excluded: bool,
}

/// Each part is parsed on first use: properties, names, the name index
/// and the composition pairs (import alone parses nothing).
pub struct Db {
    pub version: &'static str,
    /// (first, last, properties), sorted and covering every code point.
    runs: OnceLock<Vec<(u32, u32, Props)>>,
    names: OnceLock<Names>,
    /// Explicit names sorted by name, for lookup().
    by_name: OnceLock<Vec<(&'static str, u32)>>,
    compose: OnceLock<HashMap<(u32, u32), u32>>,
}

struct Names {
    /// Explicit names, sorted by code point.
    explicit: Vec<(u32, &'static str)>,
    /// Runs named prefix + hex code point (CJK ideographs and the like).
    derived: Vec<(u32, u32, &'static str)>,
}

static DB: OnceLock<Db> = OnceLock::new();

pub fn db() -> &'static Db {
    DB.get_or_init(parse)
}

fn hex(s: &str) -> u32 {
    u32::from_str_radix(s, 16).unwrap_or(0)
}

fn parse() -> Db {
    let version = UCD
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("V "))
        .unwrap_or("");
    Db {
        version,
        runs: OnceLock::new(),
        names: OnceLock::new(),
        by_name: OnceLock::new(),
        compose: OnceLock::new(),
    }
}

fn parse_runs() -> Vec<(u32, u32, Props)> {
    let mut runs = Vec::new();
    for rest in UCD.lines().filter_map(|l| l.strip_prefix("P ")) {
        let mut f = rest.split(';');
        let range = f.next().unwrap_or("");
        let (a, b) = range.split_once(' ').unwrap_or((range, range));
        let mut next = || f.next().unwrap_or("");
        let category = next();
        let bidi = next();
        let combining = next().parse().unwrap_or(0);
        let mirrored = next() == "1";
        let east_asian_width = next();
        let decimal = next().parse().ok();
        let digit = next().parse().ok();
        let numeric = next().parse().ok();
        let decomposition = next();
        let excluded = next() == "1";
        runs.push((
            hex(a),
            hex(b),
            Props {
                category,
                bidi,
                combining,
                mirrored,
                east_asian_width,
                decimal,
                digit,
                numeric,
                decomposition,
                excluded,
            },
        ));
    }
    runs
}

fn parse_names() -> Names {
    let mut n = Names {
        explicit: Vec::new(),
        derived: Vec::new(),
    };
    for line in NAMES.lines() {
        if let Some(rest) = line.strip_prefix("N ") {
            if let Some((cp, name)) = rest.split_once(';') {
                n.explicit.push((hex(cp), name));
            }
        } else if let Some(rest) = line.strip_prefix("R ") {
            if let Some((range, prefix)) = rest.split_once(';') {
                let (a, b) = range.split_once(' ').unwrap_or((range, range));
                n.derived.push((hex(a), hex(b), prefix));
            }
        }
    }
    n
}

const S_BASE: u32 = 0xAC00;
const S_COUNT: u32 = 11172;

impl Db {
    pub fn props(&self, cp: u32) -> &Props {
        let runs = self.runs.get_or_init(parse_runs);
        let i = runs.partition_point(|r| r.1 < cp);
        &runs[i.min(runs.len() - 1)].2
    }

    fn names(&self) -> &Names {
        self.names.get_or_init(parse_names)
    }

    pub fn name(&self, cp: u32) -> Option<String> {
        let names = self.names();
        if let Ok(i) = names.explicit.binary_search_by_key(&cp, |n| n.0) {
            return Some(names.explicit[i].1.to_string());
        }
        let i = names.derived.partition_point(|r| r.1 < cp);
        match names.derived.get(i) {
            Some(&(a, _, prefix)) if a <= cp => Some(format!("{prefix}{cp:04X}")),
            _ => None,
        }
    }

    /// The code point of a name: explicit names match in any case; the
    /// derived ones need their prefix as written and uppercase hex, as in
    /// CPython.
    pub fn lookup(&self, name: &str) -> Option<u32> {
        let names = self.names();
        for &(a, b, prefix) in &names.derived {
            if let Some(h) = name.strip_prefix(prefix) {
                let ok = (4..=5).contains(&h.len())
                    && h.bytes()
                        .all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c));
                if ok {
                    let cp = hex(h);
                    if (a..=b).contains(&cp) {
                        return Some(cp);
                    }
                }
            }
        }
        let index = self.by_name.get_or_init(|| {
            let mut v: Vec<(&'static str, u32)> =
                names.explicit.iter().map(|&(cp, n)| (n, cp)).collect();
            v.sort_unstable();
            v
        });
        let key = name.to_ascii_uppercase();
        index
            .binary_search_by(|e| e.0.cmp(key.as_str()))
            .ok()
            .map(|i| index[i].1)
    }

    /// The primary composite of a starter and a following character.
    pub fn compose(&self, a: u32, b: u32) -> Option<u32> {
        // Hangul: L + V -> LV, LV + T -> LVT.
        if (0x1100..0x1113).contains(&a) && (0x1161..0x1176).contains(&b) {
            return Some(S_BASE + ((a - 0x1100) * 21 + (b - 0x1161)) * 28);
        }
        if (S_BASE..S_BASE + S_COUNT).contains(&a)
            && (a - S_BASE).is_multiple_of(28)
            && (0x11A8..0x11C3).contains(&b)
        {
            return Some(a + (b - 0x11A7));
        }
        let map = self.compose.get_or_init(|| {
            let mut m = HashMap::new();
            let runs = self.runs.get_or_init(parse_runs);
            for &(first, last, ref p) in runs {
                if p.excluded || p.decomposition.is_empty() || p.decomposition.starts_with('<') {
                    continue;
                }
                let parts: Vec<u32> = p.decomposition.split(' ').map(hex).collect();
                if parts.len() == 2 {
                    for cp in first..=last {
                        m.insert((parts[0], parts[1]), cp);
                    }
                }
            }
            m
        });
        map.get(&(a, b)).copied()
    }
}
