//! Replacement templates of re.sub / Match.expand: `\1`, `\g<name>`,
//! `\g<1>`, character escapes; an unknown escape of an ASCII letter is an
//! error, other unknown escapes keep their backslash (CPython 3.7+).

use super::translate::ReError;

#[derive(Debug, Clone)]
pub enum Piece {
    Lit(Vec<char>),
    Group(usize),
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError {
        msg: msg.into(),
        pos: Some(pos),
    })
}

/// Parse `t` for a pattern with `groups` groups and the given names.
/// An unknown group name is Err with pos None (CPython raises IndexError).
pub fn parse(t: &[char], groups: usize, names: &[(String, usize)]) -> Result<Vec<Piece>, ReError> {
    let mut out: Vec<Piece> = Vec::new();
    let mut lit: Vec<char> = Vec::new();
    let mut i = 0;
    let flush = |lit: &mut Vec<char>, out: &mut Vec<Piece>| {
        if !lit.is_empty() {
            out.push(Piece::Lit(std::mem::take(lit)));
        }
    };
    while i < t.len() {
        let c = t[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = t.get(i) else {
            return err("bad escape (end of pattern)", start);
        };
        i += 1;
        match e {
            'g' => {
                if t.get(i) != Some(&'<') {
                    return err("missing <", i);
                }
                i += 1;
                let ns = i;
                while i < t.len() && t[i] != '>' {
                    i += 1;
                }
                if i >= t.len() {
                    return err("missing >, unterminated name", ns);
                }
                let name: String = t[ns..i].iter().collect();
                i += 1;
                if name.is_empty() {
                    return err("missing group name", ns);
                }
                let g = if name.chars().all(|c| c.is_ascii_digit()) {
                    let g: usize = name.parse().unwrap_or(usize::MAX);
                    if g > groups {
                        return err(format!("invalid group reference {name}"), ns);
                    }
                    g
                } else {
                    let mut chars = name.chars();
                    let ident = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                        && chars.all(|c| c == '_' || c.is_alphanumeric());
                    if !ident {
                        return err(format!("bad character in group name '{name}'"), ns);
                    }
                    match names.iter().find(|(n, _)| *n == name) {
                        Some(&(_, g)) => g,
                        None => {
                            return Err(ReError {
                                msg: format!("unknown group name '{name}'"),
                                pos: None,
                            })
                        }
                    }
                };
                flush(&mut lit, &mut out);
                out.push(Piece::Group(g));
            }
            '0' => {
                let mut v = 0u32;
                for _ in 0..2 {
                    match t.get(i).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                lit.push(char::from_u32(v).unwrap_or('\0'));
            }
            '1'..='9' => {
                let oct = |c: Option<&char>| c.is_some_and(|c| ('0'..='7').contains(c));
                if ('1'..='7').contains(&e) && oct(t.get(i)) && oct(t.get(i + 1)) {
                    let s: String = [e, t[i], t[i + 1]].iter().collect();
                    let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                    if v > 0o377 {
                        return err(
                            format!("octal escape value \\{s} outside of range 0-0o377"),
                            start,
                        );
                    }
                    i += 2;
                    lit.push(char::from_u32(v).unwrap_or('\0'));
                    continue;
                }
                let mut g = e.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = t.get(i).and_then(|d| d.to_digit(10)) {
                    g = g * 10 + d as usize;
                    i += 1;
                }
                if g > groups {
                    return err(format!("invalid group reference {g}"), start + 1);
                }
                flush(&mut lit, &mut out);
                out.push(Piece::Group(g));
            }
            'a' => lit.push('\x07'),
            'b' => lit.push('\x08'),
            'f' => lit.push('\x0c'),
            'n' => lit.push('\n'),
            'r' => lit.push('\r'),
            't' => lit.push('\t'),
            'v' => lit.push('\x0b'),
            '\\' => lit.push('\\'),
            c if c.is_ascii_alphabetic() => return err(format!("bad escape \\{c}"), start),
            c => {
                lit.push('\\');
                lit.push(c);
            }
        }
    }
    flush(&mut lit, &mut out);
    Ok(out)
}
