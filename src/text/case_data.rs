//! Loads the generated case tables of tests/text_cases/ (CPython's results
//! for str methods and format specs, made by the scripts in tools/) for the
//! unit tests of this module.

use std::path::Path;

/// The cases of tests/text_cases/NAME.txt: four fields per line.
pub fn load(name: &str) -> Vec<[String; 4]> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/text_cases")
        .join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases: Vec<[String; 4]> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<String> = l.split('\t').map(unescape).collect();
            f.try_into()
                .unwrap_or_else(|f: Vec<String>| panic!("{name}: {} fields in {l:?}", f.len()))
        })
        .collect();
    assert!(cases.len() > 1000, "{name}: only {} cases", cases.len());
    cases
}

/// A field is a Rust string literal's body: `\\`, `\"` and `\u{X}`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('u') => {
                let hex: String = it.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let cp = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(cp).expect("scalar value"));
            }
            Some(other) => out.push(other),
            None => panic!("dangling backslash in {s:?}"),
        }
    }
    out
}
