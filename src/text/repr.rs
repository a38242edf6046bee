//! `repr()` / `ascii()` of str and bytes, and `str.isprintable`.

use super::{in_ranges, unidata};

/// Python's `str.isprintable` for one code point (Unicode 14 tables of CPython 3.11).
pub fn char_is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_ranges(c, unidata::NONPRINTABLE)
}

/// `str.isprintable()`.
pub fn is_printable(s: &str) -> bool {
    s.chars().all(char_is_printable)
}

fn quote_for(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escaped(out: &mut String, c: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        ' '..='~' => out.push(c),
        _ if !c.is_ascii() && !ascii_only && char_is_printable(c) => out.push(c),
        _ => {
            let v = c as u32;
            if v < 0x100 {
                out.push_str(&format!("\\x{v:02x}"));
            } else if v < 0x10000 {
                out.push_str(&format!("\\u{v:04x}"));
            } else {
                out.push_str(&format!("\\U{v:08x}"));
            }
        }
    }
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let q = quote_for(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        if c == q {
            out.push('\\');
            out.push(c);
        } else {
            push_escaped(&mut out, c, ascii_only);
        }
    }
    out.push(q);
    out
}

/// `repr(s)` for a str.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` for a str: like repr but every non-ASCII character escaped.
pub fn ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// `ascii()` applied to an already computed repr text (escapes its non-ASCII characters).
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escaped(&mut out, c, true);
        }
    }
    out
}

/// `repr(b)` for bytes (`prefix` "b"), or the inner part of a bytearray repr.
pub fn bytes_repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(q);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if x as char == q => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(x as char),
            _ => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(q);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_reprs() {
        // Expected values from CPython 3.11.
        let cases: &[(&str, &str)] = &[
            ("abc", "'abc'"),
            ("it's", "\"it's\""),
            ("say \"hi\"", "'say \"hi\"'"),
            ("both ' and \"", "'both \\' and \"'"),
            ("a\\b\n\r\t", "'a\\\\b\\n\\r\\t'"),
            ("\x00\x1f\x7f", "'\\x00\\x1f\\x7f'"),
            ("é€😀", "'é€😀'"),
            ("\u{a0}\u{ad}\u{85}", "'\\xa0\\xad\\x85'"),
            ("\u{200b}\u{2028}\u{feff}", "'\\u200b\\u2028\\ufeff'"),
            ("\u{e000}\u{10ffff}", "'\\ue000\\U0010ffff'"),
            ("\u{378}", "'\\u0378'"),
            ("\u{3000}", "'\\u3000'"),
            ("", "''"),
        ];
        for (s, want) in cases {
            assert_eq!(str_repr(s), *want, "{s:?}");
        }
        assert_eq!(ascii_repr("é€😀'"), "\"\\xe9\\u20ac\\U0001f600'\"");
        assert!(is_printable("abc é"));
        assert!(!is_printable("a\n"));
        assert!(is_printable(""));
    }

    #[test]
    fn bytes_reprs() {
        assert_eq!(bytes_repr(b"abc"), "b'abc'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(
            bytes_repr(b"\x00\xff\t\n\r\\"),
            "b'\\x00\\xff\\t\\n\\r\\\\'"
        );
        assert_eq!(bytes_repr(b""), "b''");
    }
}
