//! printf-style `str % args` formatting: parsing the format string and
//! formatting single, already converted values.
//!
//! Caller protocol (matches CPython's order of errors): walk the pieces; for a
//! `Spec`: look up `key` in the mapping (KeyError / [`requires_mapping`]),
//! fetch '*' width then '*' precision from the args ([`star_wants_int`],
//! [`PercentSpec::set_star_width`], [`PercentSpec::set_star_precision`]),
//! fetch the value ([`not_enough_args`]), then call [`check_conversion`] and
//! the `percent_format_*` function for `conv`. After the last piece, leftover
//! positional args raise [`not_all_converted`]. A trailing `Error` piece is
//! raised when reached.

use num_bigint::BigInt;
use num_traits::Signed;

use super::float::{format_digits, FloatMode};
use super::int::{int_to_decimal, magnitude_radix};
use super::spec::char_from_int;
use super::{TResult, TextError};

/// One conversion specifier of a `%` format string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PercentSpec {
    /// `%(key)s` mapping key.
    pub key: Option<String>,
    /// '-' flag: left adjust.
    pub left: bool,
    /// '+' flag.
    pub plus: bool,
    /// ' ' flag.
    pub space: bool,
    /// '#' flag.
    pub alt: bool,
    /// '0' flag.
    pub zero: bool,
    /// Field width (after resolving '*').
    pub width: Option<usize>,
    /// True when the width is '*' (taken from the args).
    pub width_star: bool,
    /// Precision (after resolving '*').
    pub precision: Option<usize>,
    /// True when the precision is '*' (taken from the args).
    pub precision_star: bool,
    /// Conversion character (may be unsupported; see [`check_conversion`]).
    pub conv: char,
    /// Code point index of the conversion character in the format string.
    pub index: usize,
}

impl PercentSpec {
    /// Applies a '*' width argument (negative means left-adjusted).
    pub fn set_star_width(&mut self, n: i64) {
        if n < 0 {
            self.left = true;
        }
        self.width = Some(n.unsigned_abs() as usize);
    }

    /// Applies a '*' precision argument (negative counts as zero).
    pub fn set_star_precision(&mut self, n: i64) {
        self.precision = Some(n.max(0) as usize);
    }
}

/// A piece of a parsed `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Literal text (with `%%` already turned into `%`).
    Literal(String),
    /// A conversion specifier.
    Spec(PercentSpec),
    /// A syntax error ("incomplete format", "incomplete format key") raised when reached.
    Error(TextError),
}

/// Parses a `%` format string into pieces (CPython's `PyUnicode_Format` grammar).
pub fn parse_percent(fmt: &str) -> Vec<PercentPiece> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    let incomplete = || TextError::value("incomplete format");
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            lit.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i < chars.len() && chars[i] == '%' {
            lit.push('%');
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        let mut spec = PercentSpec::default();
        if i < chars.len() && chars[i] == '(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                pieces.push(PercentPiece::Error(TextError::value(
                    "incomplete format key",
                )));
                return pieces;
            }
            spec.key = Some(chars[start..i - 1].iter().collect());
        }
        while i < chars.len() {
            match chars[i] {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < chars.len() && chars[i] == '*' {
            spec.width_star = true;
            i += 1;
        } else {
            let mut w: Option<usize> = None;
            while i < chars.len() && chars[i].is_ascii_digit() {
                let d = chars[i] as usize - '0' as usize;
                w = Some(w.unwrap_or(0).saturating_mul(10).saturating_add(d));
                i += 1;
            }
            spec.width = w;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                spec.precision_star = true;
                i += 1;
            } else {
                let mut p = 0usize;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p
                        .saturating_mul(10)
                        .saturating_add(chars[i] as usize - '0' as usize);
                    i += 1;
                }
                spec.precision = Some(p);
            }
        }
        // Length modifiers are accepted and ignored.
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            pieces.push(PercentPiece::Error(incomplete()));
            return pieces;
        }
        spec.conv = chars[i];
        spec.index = i;
        i += 1;
        pieces.push(PercentPiece::Spec(spec));
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    pieces
}

/// True for the conversion characters `%` formatting understands.
pub fn is_supported(conv: char) -> bool {
    matches!(
        conv,
        's' | 'r'
            | 'a'
            | 'd'
            | 'i'
            | 'u'
            | 'o'
            | 'x'
            | 'X'
            | 'e'
            | 'E'
            | 'f'
            | 'F'
            | 'g'
            | 'G'
            | 'c'
    )
}

/// ValueError "unsupported format character 'z' (0x7a) at index 3" for a bad conversion.
pub fn check_conversion(spec: &PercentSpec) -> TResult<()> {
    if is_supported(spec.conv) {
        return Ok(());
    }
    let c = spec.conv;
    let shown = if (' '..='~').contains(&c) { c } else { '?' };
    Err(TextError::value(format!(
        "unsupported format character '{shown}' (0x{:x}) at index {}",
        c as u32, spec.index
    )))
}

/// TypeError "not enough arguments for format string".
pub fn not_enough_args() -> TextError {
    TextError::type_err("not enough arguments for format string")
}

/// TypeError "not all arguments converted during string formatting".
pub fn not_all_converted() -> TextError {
    TextError::type_err("not all arguments converted during string formatting")
}

/// TypeError "format requires a mapping".
pub fn requires_mapping() -> TextError {
    TextError::type_err("format requires a mapping")
}

/// TypeError "* wants int".
pub fn star_wants_int() -> TextError {
    TextError::type_err("* wants int")
}

/// TypeError for a value of the wrong type for `conv` (e.g. "%d format: a real number is required, not str").
pub fn wrong_type(conv: char, type_name: &str) -> TextError {
    match conv {
        'd' | 'i' | 'u' => TextError::type_err(format!(
            "%{conv} format: a real number is required, not {type_name}"
        )),
        'o' | 'x' | 'X' => TextError::type_err(format!(
            "%{conv} format: an integer is required, not {type_name}"
        )),
        'c' => TextError::type_err("%c requires int or char"),
        _ => TextError::type_err(format!("must be real number, not {type_name}")),
    }
}

/// Pads a signed number: `sign`, `prefix`, `body` with the spec's width, '-' and '0' flags.
fn pad_number(sign: &str, prefix: &str, body: &str, spec: &PercentSpec) -> String {
    let len = sign.len() + prefix.len() + body.chars().count();
    let width = spec.width.unwrap_or(0);
    if width <= len {
        return format!("{sign}{prefix}{body}");
    }
    let n = width - len;
    if spec.left {
        format!("{sign}{prefix}{body}{}", " ".repeat(n))
    } else if spec.zero {
        format!("{sign}{prefix}{}{body}", "0".repeat(n))
    } else {
        format!("{}{sign}{prefix}{body}", " ".repeat(n))
    }
}

fn sign_of(neg: bool, spec: &PercentSpec) -> &'static str {
    if neg {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// `%d %i %u %o %x %X` of an int (floats are truncated to int by the caller).
pub fn percent_format_int(v: &BigInt, spec: &PercentSpec) -> TResult<String> {
    let (prefix, mut digits) = match spec.conv {
        'o' => ("0o", magnitude_radix(v, 8)),
        'x' => ("0x", magnitude_radix(v, 16)),
        'X' => ("0X", magnitude_radix(v, 16).to_ascii_uppercase()),
        _ => ("", int_to_decimal(v)?.trim_start_matches('-').to_string()),
    };
    if let Some(p) = spec.precision {
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = if spec.alt { prefix } else { "" };
    Ok(pad_number(
        sign_of(v.is_negative(), spec),
        prefix,
        &digits,
        spec,
    ))
}

/// `%e %E %f %F %g %G` of a float.
pub fn percent_format_float(x: f64, spec: &PercentSpec) -> TResult<String> {
    let prec = spec.precision.unwrap_or(6);
    let (mode, upper) = match spec.conv {
        'e' => (FloatMode::Exp, false),
        'E' => (FloatMode::Exp, true),
        'f' => (FloatMode::Fixed, false),
        'F' => (FloatMode::Fixed, true),
        'g' => (FloatMode::General, false),
        'G' => (FloatMode::General, true),
        c => return Err(wrong_type(c, "float")),
    };
    let (neg, body) = format_digits(x, mode, prec, upper, spec.alt, false);
    Ok(pad_number(sign_of(neg, spec), "", &body, spec))
}

/// `%s %r %a` given the already computed str()/repr()/ascii() text.
pub fn percent_format_str(text: &str, spec: &PercentSpec) -> String {
    let (t, len) = match spec.precision {
        Some(p) => match text.char_indices().nth(p) {
            Some((i, _)) => (&text[..i], p),
            None => (text, text.chars().count()),
        },
        None => (text, text.chars().count()),
    };
    let width = spec.width.unwrap_or(0);
    if width <= len {
        return t.to_string();
    }
    let pad = " ".repeat(width - len);
    if spec.left {
        format!("{t}{pad}")
    } else {
        format!("{pad}{t}")
    }
}

/// `%c` given the character.
pub fn percent_format_char(c: char, spec: &PercentSpec) -> String {
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    let no_prec = PercentSpec {
        precision: None,
        ..spec.clone()
    };
    percent_format_str(s, &no_prec)
}

/// The character for `%c` of an int (OverflowError "%c arg not in range(0x110000)").
pub fn percent_char_from_int(v: &BigInt) -> TResult<char> {
    char_from_int(v).map_err(|_| TextError::overflow("%c arg not in range(0x110000)"))
}

/// The character for `%c` of a str (TypeError "%c requires int or char" unless length 1).
pub fn percent_char_from_str(s: &str) -> TResult<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(wrong_type('c', "str")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formats with a tuple of simple values, the way an interpreter would.
    enum V {
        I(i64),
        F(f64),
        S(&'static str),
    }

    fn fmt(f: &str, args: &[V]) -> String {
        let mut out = String::new();
        let mut k = 0;
        let next = |k: &mut usize| -> TResult<&V> {
            let v = args.get(*k).ok_or_else(not_enough_args)?;
            *k += 1;
            Ok(v)
        };
        let r: TResult<()> = (|| {
            for p in parse_percent(f) {
                match p {
                    PercentPiece::Literal(s) => out.push_str(&s),
                    PercentPiece::Error(e) => return Err(e),
                    PercentPiece::Spec(mut s) => {
                        if s.width_star {
                            match next(&mut k)? {
                                V::I(n) => s.set_star_width(*n),
                                _ => return Err(star_wants_int()),
                            }
                        }
                        if s.precision_star {
                            match next(&mut k)? {
                                V::I(n) => s.set_star_precision(*n),
                                _ => return Err(star_wants_int()),
                            }
                        }
                        let v = next(&mut k)?;
                        check_conversion(&s)?;
                        let text = match (s.conv, v) {
                            ('s' | 'r' | 'a', V::S(t)) => percent_format_str(t, &s),
                            ('s' | 'r' | 'a', V::I(i)) => percent_format_str(&i.to_string(), &s),
                            ('c', V::I(i)) => {
                                percent_format_char(percent_char_from_int(&BigInt::from(*i))?, &s)
                            }
                            ('c', V::S(t)) => percent_format_char(percent_char_from_str(t)?, &s),
                            ('d' | 'i' | 'u' | 'o' | 'x' | 'X', V::I(i)) => {
                                percent_format_int(&BigInt::from(*i), &s)?
                            }
                            ('d' | 'i' | 'u', V::F(x)) => {
                                percent_format_int(&BigInt::from(x.trunc() as i64), &s)?
                            }
                            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', V::F(x)) => {
                                percent_format_float(*x, &s)?
                            }
                            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', V::I(i)) => {
                                percent_format_float(*i as f64, &s)?
                            }
                            (c, V::S(_)) => return Err(wrong_type(c, "str")),
                            (c, _) => return Err(wrong_type(c, "float")),
                        };
                        out.push_str(&text);
                    }
                }
            }
            if k < args.len() {
                return Err(not_all_converted());
            }
            Ok(())
        })();
        match r {
            Ok(()) => out,
            Err(e) => format!("{:?}: {}", e.kind, e.msg),
        }
    }

    #[test]
    fn cases() {
        use V::*;
        // Expected values from CPython 3.11.
        let cases: Vec<(&str, Vec<V>, &str)> = vec![
            (
                "%d",
                vec![S("a")],
                "TypeError: %d format: a real number is required, not str",
            ),
            (
                "%x",
                vec![F(1.5)],
                "TypeError: %x format: an integer is required, not float",
            ),
            (
                "%e",
                vec![S("s")],
                "TypeError: must be real number, not str",
            ),
            ("%c", vec![S("ab")], "TypeError: %c requires int or char"),
            (
                "%c",
                vec![I(0x110000)],
                "OverflowError: %c arg not in range(0x110000)",
            ),
            (
                "%z",
                vec![I(1)],
                "ValueError: unsupported format character 'z' (0x7a) at index 1",
            ),
            ("abc%", vec![I(1)], "ValueError: incomplete format"),
            ("%(a", vec![], "ValueError: incomplete format key"),
            ("%*d", vec![S("a"), I(1)], "TypeError: * wants int"),
            (
                "%s %s",
                vec![I(1)],
                "TypeError: not enough arguments for format string",
            ),
            (
                "%s",
                vec![I(1), I(2)],
                "TypeError: not all arguments converted during string formatting",
            ),
            (
                "%\u{e9}",
                vec![I(1)],
                "ValueError: unsupported format character '?' (0xe9) at index 1",
            ),
            (
                "%5%",
                vec![],
                "TypeError: not enough arguments for format string",
            ),
            (
                "%5%",
                vec![I(1)],
                "ValueError: unsupported format character '%' (0x25) at index 2",
            ),
            ("%.3d", vec![I(5)], "005"),
            ("%+.3d", vec![I(-5)], "-005"),
            ("%#x", vec![I(255)], "0xff"),
            ("%#o", vec![I(8)], "0o10"),
            ("%#X", vec![I(255)], "0XFF"),
            ("%05d", vec![I(-42)], "-0042"),
            ("%-05d", vec![I(-42)], "-42  "),
            ("% d", vec![I(5)], " 5"),
            ("%#.0f", vec![F(1.0)], "1."),
            ("%#g", vec![F(1.0)], "1.00000"),
            ("%g", vec![F(1e20)], "1e+20"),
            ("%.3s", vec![S("abcdef")], "abc"),
            ("%10.3s", vec![S("abcdef")], "       abc"),
            ("%-10s|", vec![S("ab")], "ab        |"),
            ("%x", vec![I(-255)], "-ff"),
            ("%#5x", vec![I(-255)], "-0xff"),
            ("%08.3f", vec![F(-3.14158)], "-003.142"),
            ("%i", vec![F(3.9)], "3"),
            ("%ld", vec![I(7)], "7"),
            ("%5c", vec![S("x")], "    x"),
            ("%c", vec![I(65)], "A"),
            ("%.0e", vec![I(12345)], "1e+04"),
            ("%%s", vec![], "%s"),
            ("%F", vec![F(f64::INFINITY)], "INF"),
            ("%010f", vec![F(f64::NEG_INFINITY)], "-000000inf"),
            ("%#.3x", vec![I(5)], "0x005"),
            ("%.2x", vec![I(-1)], "-01"),
            ("%*.*f", vec![I(8), I(2), F(3.14158)], "    3.14"),
            ("%-*d", vec![I(5), I(3)], "3    "),
            ("%*d", vec![I(-5), I(3)], "3    "),
            ("%.*f", vec![I(-2), F(3.14158)], "3"),
            ("%0*d", vec![I(5), I(-3)], "-0003"),
            ("%.3c", vec![I(65)], "A"),
            ("%05s", vec![S("ab")], "   ab"),
            ("%+s", vec![S("ab")], "ab"),
            ("%+05.1f", vec![F(2.25)], "+02.2"),
            ("% 8.2e", vec![F(-0.0)], "-0.00e+00"),
            ("%#o", vec![I(0)], "0o0"),
            ("% x", vec![I(10)], " a"),
            ("%+x", vec![I(10)], "+a"),
            ("%.0f", vec![F(0.5)], "0"),
            ("%.0f", vec![F(1.5)], "2"),
            ("%g", vec![F(0.0001)], "0.0001"),
            ("%g", vec![F(1e-5)], "1e-05"),
            ("%.17g", vec![F(0.1)], "0.10000000000000001"),
            ("%.3g", vec![F(1234.0)], "1.23e+03"),
            ("%.3G", vec![F(1e-10)], "1E-10"),
            ("no args", vec![], "no args"),
            ("%s and %r", vec![S("x"), S("'y'")], "x and 'y'"),
        ];
        for (f, args, want) in cases {
            assert_eq!(fmt(f, &args), want, "{f:?}");
        }
    }

    #[test]
    fn keys() {
        let p = parse_percent("%(a(b)c)-5s|%(x)d");
        match &p[0] {
            PercentPiece::Spec(s) => {
                assert_eq!(s.key.as_deref(), Some("a(b)c"));
                assert!(s.left);
                assert_eq!(s.width, Some(5));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(p[1], PercentPiece::Literal("|".into()));
    }
}
