//! `str.format` / `str.format_map` format-string parsing (CPython's MarkupIterator).
//!
//! Caller protocol: for each `Field`, resolve `name.first` with
//! [`AutoNumbering::resolve`] (positional index or keyword name), fetch the
//! object ([`index_out_of_range`] / KeyError), apply `name.rest` in order (an
//! `Invalid` entry raises its error when reached), check the conversion with
//! [`check_conversion`] and apply it, render the nested `spec` pieces to text,
//! then call `format(obj, spec_text)`.

use super::{decimal_value, ErrKind, TResult, TextError};

/// The first part of a replacement field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldFirst {
    /// `{}`: automatic numbering.
    Auto,
    /// `{3}`: explicit positional index.
    Index(usize),
    /// `{name}`: keyword argument.
    Name(String),
}

/// One `.attr` or `[key]` step after the first part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldAccess {
    /// `.name`
    Attr(String),
    /// `[3]` (all decimal digits)
    Index(usize),
    /// `[key]`
    Key(String),
    /// A malformed remainder; raise this error when reached.
    Invalid(TextError),
}

/// A parsed replacement field name such as `0.real` or `a[1][x]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName {
    pub first: FieldFirst,
    pub rest: Vec<FieldAccess>,
}

/// A piece of a parsed format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatPiece {
    /// Literal text with `{{` / `}}` already unescaped.
    Literal(String),
    /// A replacement field `{name!conv:spec}`; `spec` may hold nested fields.
    Field {
        name: FieldName,
        conversion: Option<char>,
        spec: Vec<FormatPiece>,
    },
}

fn verr(msg: &str) -> TextError {
    TextError::value(msg)
}

/// Parses a decimal integer made only of (Unicode) decimal digits.
fn get_integer(s: &str) -> TResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut v: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(|| verr("Too many decimal digits in format string"))?;
    }
    Ok(Some(v))
}

/// Splits a field name into its first part and `.attr` / `[key]` accesses.
pub fn parse_field_name(name: &str) -> TResult<FieldName> {
    let split = name.find(['.', '[']).unwrap_or(name.len());
    let first_s = &name[..split];
    let first = if first_s.is_empty() {
        FieldFirst::Auto
    } else {
        match get_integer(first_s)? {
            Some(i) => FieldFirst::Index(i),
            None => FieldFirst::Name(first_s.to_string()),
        }
    };
    let mut rest = Vec::new();
    let mut s = &name[split..];
    while !s.is_empty() {
        if let Some(after) = s.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            if end == 0 {
                rest.push(FieldAccess::Invalid(verr(
                    "Empty attribute in format string",
                )));
                break;
            }
            rest.push(FieldAccess::Attr(after[..end].to_string()));
            s = &after[end..];
        } else if let Some(after) = s.strip_prefix('[') {
            let Some(end) = after.find(']') else {
                rest.push(FieldAccess::Invalid(verr("Missing ']' in format string")));
                break;
            };
            let key = &after[..end];
            if key.is_empty() {
                rest.push(FieldAccess::Invalid(verr(
                    "Empty attribute in format string",
                )));
                break;
            }
            rest.push(match get_integer(key)? {
                Some(i) => FieldAccess::Index(i),
                None => FieldAccess::Key(key.to_string()),
            });
            s = &after[end + 1..];
            if !s.is_empty() && !s.starts_with(['.', '[']) {
                rest.push(FieldAccess::Invalid(verr(
                    "Only '.' or '[' may follow ']' in format field specifier",
                )));
                break;
            }
        } else {
            unreachable!("split at '.' or '['");
        }
    }
    Ok(FieldName { first, rest })
}

/// Parses a `str.format` template into literal text and replacement fields.
pub fn parse_format_string(s: &str) -> TResult<Vec<FormatPiece>> {
    parse_level(s, 2)
}

fn parse_level(s: &str, depth: u32) -> TResult<Vec<FormatPiece>> {
    if depth == 0 {
        return Err(verr("Max string recursion exceeded"));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(verr("Single '}' encountered in format string"));
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            lit.push('{');
            i += 2;
            continue;
        }
        if i + 1 >= chars.len() {
            return Err(verr("Single '{' encountered in format string"));
        }
        if !lit.is_empty() {
            pieces.push(FormatPiece::Literal(std::mem::take(&mut lit)));
        }
        i += 1;
        // Field name: up to '}', ':' or '!', skipping over [...].
        let name_start = i;
        let mut term = None;
        while i < chars.len() {
            match chars[i] {
                '{' => return Err(verr("unexpected '{' in field name")),
                '[' => {
                    while i < chars.len() && chars[i] != ']' {
                        i += 1;
                    }
                    if i < chars.len() {
                        i += 1;
                    }
                }
                t @ ('}' | ':' | '!') => {
                    term = Some(t);
                    break;
                }
                _ => i += 1,
            }
        }
        let Some(mut term) = term else {
            return Err(verr("expected '}' before end of string"));
        };
        let name_text: String = chars[name_start..i].iter().collect();
        i += 1;
        let mut conversion = None;
        if term == '!' {
            if i >= chars.len() {
                return Err(verr("end of string while looking for conversion specifier"));
            }
            conversion = Some(chars[i]);
            i += 1;
            if i >= chars.len() {
                return Err(verr("unmatched '{' in format spec"));
            }
            term = chars[i];
            i += 1;
            if term != '}' && term != ':' {
                return Err(verr("expected ':' after conversion specifier"));
            }
        }
        let mut spec = Vec::new();
        if term == ':' {
            let spec_start = i;
            let mut count = 1;
            while i < chars.len() {
                match chars[i] {
                    '{' => count += 1,
                    '}' => {
                        count -= 1;
                        if count == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            if count > 0 {
                return Err(verr("unmatched '{' in format spec"));
            }
            let spec_text: String = chars[spec_start..i].iter().collect();
            i += 1;
            if spec_text.contains(['{', '}']) {
                spec = parse_level(&spec_text, depth - 1)?;
            } else if !spec_text.is_empty() {
                spec.push(FormatPiece::Literal(spec_text));
            }
        }
        pieces.push(FormatPiece::Field {
            name: parse_field_name(&name_text)?,
            conversion,
            spec,
        });
    }
    if !lit.is_empty() {
        pieces.push(FormatPiece::Literal(lit));
    }
    Ok(pieces)
}

/// ValueError "Unknown conversion specifier X" unless the conversion is r, s or a.
pub fn check_conversion(c: char) -> TResult<()> {
    if matches!(c, 'r' | 's' | 'a') {
        Ok(())
    } else if (c as u32) < 128 {
        Err(TextError::value(format!(
            "Unknown conversion specifier {c}"
        )))
    } else {
        Err(TextError::value(format!(
            "Unknown conversion specifier \\x{:x}",
            c as u32
        )))
    }
}

/// IndexError "Replacement index N out of range for positional args tuple".
pub fn index_out_of_range(i: usize) -> TextError {
    TextError::new(
        ErrKind::IndexError,
        format!("Replacement index {i} out of range for positional args tuple"),
    )
}

/// Tracks automatic vs manual field numbering across one `str.format` call.
#[derive(Debug, Default, Clone)]
pub struct AutoNumbering {
    mode: u8,
    next: usize,
}

impl AutoNumbering {
    /// A fresh tracker for one `format` call.
    pub fn new() -> Self {
        Self::default()
    }

    /// Positional index for `first` (None for a keyword name), with CPython's
    /// "cannot switch from ... field numbering" errors.
    pub fn resolve(&mut self, first: &FieldFirst) -> TResult<Option<usize>> {
        match first {
            FieldFirst::Auto => {
                if self.mode == 2 {
                    return Err(verr(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                self.mode = 1;
                self.next += 1;
                Ok(Some(self.next - 1))
            }
            FieldFirst::Index(i) => {
                if self.mode == 1 {
                    return Err(verr(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.mode = 2;
                Ok(Some(*i))
            }
            FieldFirst::Name(_) => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(s: &str) -> String {
        match parse_format_string(s) {
            Ok(_) => "ok".into(),
            Err(e) => e.msg,
        }
    }

    fn field(name: FieldName, conversion: Option<char>, spec: Vec<FormatPiece>) -> FormatPiece {
        FormatPiece::Field {
            name,
            conversion,
            spec,
        }
    }

    fn lit(s: &str) -> FormatPiece {
        FormatPiece::Literal(s.into())
    }

    fn auto() -> FieldName {
        FieldName {
            first: FieldFirst::Auto,
            rest: vec![],
        }
    }

    #[test]
    fn errors() {
        // Expected messages from CPython 3.11.
        let cases = [
            ("{", "Single '{' encountered in format string"),
            ("}", "Single '}' encountered in format string"),
            ("a{", "Single '{' encountered in format string"),
            ("a}b", "Single '}' encountered in format string"),
            ("{0", "expected '}' before end of string"),
            ("{0:", "unmatched '{' in format spec"),
            (
                "{0!",
                "end of string while looking for conversion specifier",
            ),
            ("{0!r", "unmatched '{' in format spec"),
            ("{0!rx}", "expected ':' after conversion specifier"),
            ("{!}", "unmatched '{' in format spec"),
            ("{a[}", "expected '}' before end of string"),
            ("{:{:{}}}", "Max string recursion exceeded"),
            ("{x{}", "unexpected '{' in field name"),
            ("{0:}}", "Single '}' encountered in format string"),
            (
                "{99999999999999999999}",
                "Too many decimal digits in format string",
            ),
            ("{0!ab}", "expected ':' after conversion specifier"),
            ("{0[}]}", "ok"),
            ("{:{}}", "ok"),
        ];
        for (s, want) in cases {
            assert_eq!(msg(s), want, "{s:?}");
        }
    }

    #[test]
    fn structure() {
        assert_eq!(
            parse_format_string("a{{b}}c{}d{0!r:>{1}}").unwrap(),
            vec![
                lit("a{b}c"),
                field(auto(), None, vec![]),
                lit("d"),
                field(
                    FieldName {
                        first: FieldFirst::Index(0),
                        rest: vec![]
                    },
                    Some('r'),
                    vec![
                        lit(">"),
                        field(
                            FieldName {
                                first: FieldFirst::Index(1),
                                rest: vec![]
                            },
                            None,
                            vec![]
                        )
                    ]
                ),
            ]
        );
        assert_eq!(
            parse_format_string("{0:{{}}}").unwrap(),
            vec![field(
                FieldName {
                    first: FieldFirst::Index(0),
                    rest: vec![]
                },
                None,
                vec![lit("{}")]
            )]
        );
        let n = parse_field_name("a.b[c].d[0][x y]").unwrap();
        assert_eq!(n.first, FieldFirst::Name("a".into()));
        assert_eq!(
            n.rest,
            vec![
                FieldAccess::Attr("b".into()),
                FieldAccess::Key("c".into()),
                FieldAccess::Attr("d".into()),
                FieldAccess::Index(0),
                FieldAccess::Key("x y".into()),
            ]
        );
        let bad = |s: &str| match parse_field_name(s).unwrap().rest.pop() {
            Some(FieldAccess::Invalid(e)) => e.msg,
            other => format!("{other:?}"),
        };
        assert_eq!(bad("0."), "Empty attribute in format string");
        assert_eq!(bad("a[]"), "Empty attribute in format string");
        assert_eq!(
            bad("a[0]x"),
            "Only '.' or '[' may follow ']' in format field specifier"
        );
        assert_eq!(bad("a[0"), "Missing ']' in format string");
        assert_eq!(
            parse_field_name("-1").unwrap().first,
            FieldFirst::Name("-1".into())
        );
        assert_eq!(parse_field_name("00").unwrap().first, FieldFirst::Index(0));
        assert_eq!(parse_field_name("[0]").unwrap().first, FieldFirst::Auto);
    }

    #[test]
    fn numbering() {
        let mut a = AutoNumbering::new();
        assert_eq!(a.resolve(&FieldFirst::Auto).unwrap(), Some(0));
        assert_eq!(a.resolve(&FieldFirst::Name("x".into())).unwrap(), None);
        assert_eq!(a.resolve(&FieldFirst::Auto).unwrap(), Some(1));
        assert_eq!(
            a.resolve(&FieldFirst::Index(0)).unwrap_err().msg,
            "cannot switch from automatic field numbering to manual field specification"
        );
        let mut m = AutoNumbering::new();
        m.resolve(&FieldFirst::Index(0)).unwrap();
        assert_eq!(
            m.resolve(&FieldFirst::Auto).unwrap_err().msg,
            "cannot switch from manual field specification to automatic field numbering"
        );
        assert_eq!(
            check_conversion('z').unwrap_err().msg,
            "Unknown conversion specifier z"
        );
        assert_eq!(
            index_out_of_range(0).msg,
            "Replacement index 0 out of range for positional args tuple"
        );
    }
}
