//! Float repr, parsing, rounding and the low-level digit formatting shared by
//! `format()` and `%`-formatting.

use super::repr::str_repr;
use super::{decimal_value, is_py_space, TResult, TextError};

/// Shortest round-trip decimal digits of `|x|` (finite) and the decimal point
/// position: `|x| = 0.DIGITS * 10**decpt`. Zero gives ("0", 1).
pub fn shortest_digits(x: f64) -> (String, i32) {
    let (digits, decpt) = split_exp(&format!("{:e}", x.abs()));
    if digits.len() < 15 {
        return (digits, decpt);
    }
    // Among equally short candidates that read back as `x`, CPython's dtoa
    // takes the one nearest the exact value; Rust may take another. The
    // correctly rounded digits are that one when they read back as `x`
    // (they may not at a power of two, where the float's interval is
    // lopsided: then Rust's digits are the only shortest candidate).
    let (near, near_pt) = sig_digits(x, digits.len());
    let back = format!("0.{near}e{near_pt}").parse::<f64>();
    if back == Ok(x.abs()) {
        (near, near_pt)
    } else {
        (digits, decpt)
    }
}

/// `n >= 1` significant digits of `|x|` (finite), correctly rounded half-even,
/// with the decimal point position as in [`shortest_digits`].
pub fn sig_digits(x: f64, n: usize) -> (String, i32) {
    // A double's exact decimal expansion has at most 767 significant
    // digits; past that they are zeros (and Rust's formatter takes at most
    // u16::MAX of precision).
    const EXACT: usize = 800;
    let (mut digits, decpt) = split_exp(&format!("{:.*e}", n.clamp(1, EXACT) - 1, x.abs()));
    if n > EXACT {
        digits.extend(std::iter::repeat_n('0', n - EXACT));
    }
    (digits, decpt)
}

fn split_exp(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').expect("exponent form");
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().expect("exponent");
    (digits, exp + 1)
}

/// How [`format_digits`] lays the digits out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatMode {
    /// 'e': `precision` digits after the point in scientific notation.
    Exp,
    /// 'f': `precision` digits after the point in fixed notation.
    Fixed,
    /// 'g': `precision` significant digits, the shorter of fixed and scientific.
    General,
    /// repr: shortest round-trip digits (precision ignored).
    Repr,
}

/// Formats a float like CPython's `PyOS_double_to_string` (without the sign):
/// returns (is_negative, body). `add_dot_0` appends ".0" to integral fixed
/// output (used by repr and the empty format type); `alt` is the '#' flag.
pub fn format_digits(
    x: f64,
    mode: FloatMode,
    precision: usize,
    upper: bool,
    alt: bool,
    add_dot_0: bool,
) -> (bool, String) {
    let neg = x.is_sign_negative() && !x.is_nan();
    if x.is_nan() {
        return (false, if upper { "NAN" } else { "nan" }.to_string());
    }
    if x.is_infinite() {
        return (neg, if upper { "INF" } else { "inf" }.to_string());
    }
    let ax = x.abs();
    let body = match mode {
        FloatMode::Fixed => {
            // At most 1074 fraction digits are not zero (2**-1074 is the
            // least double); the rest are padding.
            const EXACT: usize = 1100;
            let mut s = format!("{:.*}", precision.min(EXACT), ax);
            if precision > EXACT {
                s.extend(std::iter::repeat_n('0', precision - EXACT));
            }
            if alt && precision == 0 {
                s.push('.');
            }
            s
        }
        FloatMode::Exp => {
            let (digits, decpt) = sig_digits(ax, precision + 1);
            layout(&digits, decpt, true, precision, alt, false, upper)
        }
        FloatMode::General => {
            let p = precision.max(1);
            let (mut digits, decpt) = sig_digits(ax, p);
            let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
            let use_exp = decpt <= -4 || decpt > limit;
            if !alt {
                trim_zeros(&mut digits);
            }
            let point = if use_exp { 1 } else { decpt };
            let min_frac = if alt {
                (p as i32 - point).max(0) as usize
            } else {
                0
            };
            layout(&digits, decpt, use_exp, min_frac, alt, add_dot_0, upper)
        }
        FloatMode::Repr => {
            let (mut digits, decpt) = shortest_digits(ax);
            trim_zeros(&mut digits);
            let use_exp = decpt <= -4 || decpt > 16;
            layout(&digits, decpt, use_exp, 0, alt, add_dot_0, upper)
        }
    };
    (neg, body)
}

fn trim_zeros(digits: &mut String) {
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
}

/// Places the decimal point: `min_frac` is the least number of fraction
/// digits (zero padded); `alt` forces the point; `add_dot_0` adds ".0" to
/// integral fixed output.
fn layout(
    digits: &str,
    decpt: i32,
    use_exp: bool,
    min_frac: usize,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
) -> String {
    let point = if use_exp { 1 } else { decpt as i64 };
    let nd = digits.len() as i64;
    let mut out = String::new();
    if point <= 0 {
        out.push('0');
    } else if point >= nd {
        out.push_str(digits);
        for _ in 0..(point - nd) {
            out.push('0');
        }
    } else {
        out.push_str(&digits[..point as usize]);
    }
    let mut frac = String::new();
    if point < 0 {
        for _ in 0..(-point) {
            frac.push('0');
        }
        frac.push_str(digits);
    } else if point < nd {
        frac.push_str(&digits[point as usize..]);
    }
    if frac.chars().all(|c| c == '0') && frac.len() > min_frac {
        frac.truncate(min_frac);
    }
    while frac.len() < min_frac {
        frac.push('0');
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    } else if add_dot_0 && !use_exp {
        out.push_str(".0");
    } else if alt {
        out.push('.');
    }
    if use_exp {
        let e = decpt - 1;
        out.push(if upper { 'E' } else { 'e' });
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", e.abs()));
    }
    out
}

/// `repr(x)` / `str(x)` for a Python float.
pub fn float_repr(x: f64) -> String {
    let (neg, body) = format_digits(x, FloatMode::Repr, 0, false, false, true);
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// `str(x)` for a Python float (identical to repr in Python 3).
pub fn float_str(x: f64) -> String {
    float_repr(x)
}

/// `float(s)` for a str argument: whitespace, PEP 515 underscores, inf/nan.
pub fn parse_float(s: &str) -> TResult<f64> {
    parse_float_opt(s).ok_or_else(|| {
        TextError::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    })
}

/// Parses a float literal after Python's normalisation; None when invalid.
fn parse_float_opt(s: &str) -> Option<f64> {
    let t = s.trim_matches(is_py_space);
    // Map Unicode decimal digits to ASCII.
    let mut ascii = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else if let Some(d) = decimal_value(c) {
            ascii.push(char::from_digit(d, 10).unwrap());
        } else {
            return None;
        }
    }
    let b = ascii.as_bytes();
    let (neg, rest) = match b.first() {
        Some(b'-') => (true, &ascii[1..]),
        Some(b'+') => (false, &ascii[1..]),
        _ => (false, &ascii[..]),
    };
    let lower = rest.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Some(f64::NAN);
    }
    let clean = strip_underscores_float(rest)?;
    let v: f64 = clean.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// Validates `digits[.digits][e[+-]digits]` with underscores only between
/// digits, returning the text without underscores.
fn strip_underscores_float(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    // Reads a digit run (with single underscores between digits); returns count.
    let digits = |i: &mut usize, out: &mut String| -> Option<usize> {
        let start = *i;
        let mut n = 0;
        while *i < b.len() {
            let c = b[*i];
            if c.is_ascii_digit() {
                out.push(c as char);
                n += 1;
                *i += 1;
            } else if c == b'_' {
                if *i == start
                    || !b[*i - 1].is_ascii_digit()
                    || *i + 1 >= b.len()
                    || !b[*i + 1].is_ascii_digit()
                {
                    return None;
                }
                *i += 1;
            } else {
                break;
            }
        }
        Some(n)
    };
    let int_n = digits(&mut i, &mut out)?;
    let mut frac_n = 0;
    if i < b.len() && b[i] == b'.' {
        out.push('.');
        i += 1;
        frac_n = digits(&mut i, &mut out)?;
    }
    if int_n + frac_n == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        out.push('e');
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            out.push(b[i] as char);
            i += 1;
        }
        if digits(&mut i, &mut out)? == 0 {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    Some(out)
}

/// `round(x, ndigits)` for a float: correctly rounded (half-even on the
/// exact binary value), OverflowError "rounded value too large to represent".
pub fn round_float(x: f64, ndigits: i64) -> TResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let r = if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse::<f64>().expect("rounded float")
    } else {
        let k = (-ndigits) as usize;
        let int_part = format!("{:.0}", x.abs().trunc());
        let frac_nonzero = x.fract() != 0.0;
        let digits = int_part.as_bytes();
        let value = if digits.len() < k {
            0.0
        } else {
            let keep = &int_part[..digits.len() - k];
            let dropped = &digits[digits.len() - k..];
            let first = dropped[0];
            let rest_nonzero = dropped[1..].iter().any(|&d| d != b'0') || frac_nonzero;
            let mut kept: Vec<u8> = keep.bytes().collect();
            let last_odd = kept.last().is_some_and(|d| (d - b'0') % 2 == 1);
            let up = first > b'5' || (first == b'5' && (rest_nonzero || last_odd));
            if up {
                let mut j = kept.len();
                loop {
                    if j == 0 {
                        kept.insert(0, b'1');
                        break;
                    }
                    j -= 1;
                    if kept[j] == b'9' {
                        kept[j] = b'0';
                    } else {
                        kept[j] += 1;
                        break;
                    }
                }
            }
            let mut s = String::from_utf8(kept).unwrap();
            if s.is_empty() {
                s.push('0');
            }
            s.push_str(&"0".repeat(k));
            s.parse::<f64>().expect("rounded float")
        };
        if x < 0.0 {
            -value
        } else {
            value
        }
    };
    if r.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    // Keep the sign of zero results.
    Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_cases() {
        let cases: &[(f64, &str)] = &[
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e19, "1.2345678901234567e+19"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.3333333333333333"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (1e100, "1e+100"),
            (-1.5e-7, "-1.5e-07"),
            (0.00012345, "0.00012345"),
            (100.0, "100.0"),
            (2.5, "2.5"),
            (-75652021786268.62, "-75652021786268.62"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "repr({x})");
        }
    }

    #[test]
    fn parse_cases() {
        let ok: &[(&str, f64)] = &[
            ("1_000.5", 1000.5),
            ("1e1_0", 1e10),
            (" 1.5 ", 1.5),
            ("\u{a0}1.5\u{2003}", 1.5),
            ("-Infinity", f64::NEG_INFINITY),
            ("+inf", f64::INFINITY),
            ("1.", 1.0),
            (".5", 0.5),
            ("+.5e-3", 0.0005),
            ("1E5", 100000.0),
            ("\u{661}\u{662}\u{663}", 123.0),
        ];
        for (s, want) in ok {
            assert_eq!(parse_float(s).unwrap(), *want, "{s:?}");
        }
        assert!(parse_float("nAn").unwrap().is_nan());
        assert!(parse_float("-nan").unwrap().is_nan());
        for bad in [
            "1__0", "_1", "1_", "1_.5", "1._5", "1e_10", "infinit", ".", "e5", "0x10", "1e", "1e+",
            "++1", "1.5j", "", "  ", "in f",
        ] {
            let e = parse_float(bad).unwrap_err();
            assert_eq!(
                e.msg,
                format!("could not convert string to float: {}", str_repr(bad))
            );
        }
    }

    #[test]
    fn round_cases() {
        assert_eq!(round_float(2.675, 2).unwrap(), 2.67);
        assert_eq!(round_float(1234.5, -2).unwrap(), 1200.0);
        assert_eq!(round_float(1250.0, -2).unwrap(), 1200.0);
        assert_eq!(round_float(1350.0, -2).unwrap(), 1400.0);
        assert_eq!(round_float(1250.0001, -2).unwrap(), 1300.0);
        assert_eq!(round_float(-1250.0001, -2).unwrap(), -1300.0);
        assert_eq!(round_float(1.5e300, -299).unwrap(), 1.5e300);
        assert_eq!(round_float(5e-324, 400).unwrap(), 5e-324);
        assert_eq!(round_float(0.5, 0).unwrap(), 0.0);
        assert_eq!(round_float(1.5, 0).unwrap(), 2.0);
        assert!(round_float(-0.4, 0).unwrap().is_sign_negative());
        assert_eq!(round_float(0.125, 2).unwrap(), 0.12);
        assert_eq!(round_float(99.0, -3).unwrap(), 0.0);
        assert_eq!(round_float(999.0, -3).unwrap(), 1000.0);
        assert_eq!(round_float(500.0, -3).unwrap(), 0.0);
        let e = round_float(1.7e308, -308).unwrap_err();
        assert_eq!(e.msg, "rounded value too large to represent");
    }
}
