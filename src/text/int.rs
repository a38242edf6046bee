//! Integer parsing (`int(str, base)`) and conversion to text (`str`, `hex`, `oct`, `bin`).

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use super::repr::str_repr;
use super::{decimal_value, is_py_space, TResult, TextError};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

fn invalid_literal(s: &str, base: u32) -> TextError {
    TextError::value(format!(
        "invalid literal for int() with base {base}: {}",
        str_repr(s)
    ))
}

/// `int(s)` for the common decimal case (ASCII spaces, an optional sign,
/// up to 18 ASCII digits, nothing else) without building a BigInt; None:
/// use `parse_int`, which also gives the error.
pub fn parse_small_decimal(s: &str) -> Option<i64> {
    let t = s
        .trim_matches(|c: char| c.is_ascii() && is_py_space(c))
        .as_bytes();
    let (neg, digits) = match t.first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    // 18 digits always fit in an i64. (Base 10 allows leading zeros.)
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    Some(if neg { -n } else { n })
}

/// `int(s, base)` for a str argument: whitespace, sign, PEP 515 underscores,
/// base prefixes, Unicode decimal digits and the 4300-digit limit.
pub fn parse_int(s: &str, base: u32) -> TResult<BigInt> {
    if base == 1 || base > 36 {
        return Err(TextError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let t = s.trim_matches(is_py_space);
    let mut chars: Vec<char> = Vec::with_capacity(t.len());
    for c in t.chars() {
        if c.is_ascii() {
            chars.push(c);
        } else if let Some(d) = decimal_value(c) {
            chars.push(char::from_digit(d, 10).unwrap());
        } else {
            return Err(invalid_literal(s, base));
        }
    }
    let mut i = 0;
    let neg = match chars.first() {
        Some('-') => {
            i = 1;
            true
        }
        Some('+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut b = base;
    let lower_at = |k: usize| chars.get(k).map(|c| c.to_ascii_lowercase());
    let mut had_prefix = false;
    if lower_at(i) == Some('0') {
        let p = lower_at(i + 1);
        let pb = match p {
            Some('x') => 16,
            Some('o') => 8,
            Some('b') => 2,
            _ => 0,
        };
        if pb != 0 && (b == 0 || b == pb) {
            b = pb;
            i += 2;
            had_prefix = true;
        }
    }
    let base_zero_decimal = b == 0;
    if b == 0 {
        b = 10;
    }
    let body = &chars[i..];
    // Validate digits and underscores.
    let mut digits: Vec<u8> = Vec::with_capacity(body.len());
    let mut prev_underscore = false;
    for (k, &c) in body.iter().enumerate() {
        if c == '_' {
            if prev_underscore || (k == 0 && !had_prefix) {
                return Err(invalid_literal(s, base));
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        match c.to_digit(36) {
            Some(d) if d < b => digits.push(d as u8),
            _ => return Err(invalid_literal(s, base)),
        }
    }
    if digits.is_empty() || prev_underscore {
        return Err(invalid_literal(s, base));
    }
    if base_zero_decimal && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
        return Err(invalid_literal(s, base));
    }
    if !b.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(TextError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    let mag = BigInt::from_radix_be(Sign::Plus, &digits, b).expect("valid digits");
    Ok(if neg { -mag } else { mag })
}

/// `str(n)` / `repr(n)` for an int, with CPython's 4300-digit limit.
pub fn int_to_decimal(n: &BigInt) -> TResult<String> {
    let too_long = || {
        TextError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    let bits = n.bits();
    // 4300 decimal digits need at least 14282 bits; anything far beyond is rejected early.
    if bits > 14300 {
        return Err(too_long());
    }
    let s = n.to_string();
    let nd = s.len() - usize::from(n.is_negative());
    if nd > INT_MAX_STR_DIGITS {
        return Err(too_long());
    }
    Ok(s)
}

/// Digits of `|n|` in `radix` (2..=36), lowercase, no prefix.
pub fn magnitude_radix(n: &BigInt, radix: u32) -> String {
    if n.is_zero() {
        return "0".to_string();
    }
    n.magnitude().to_str_radix(radix)
}

/// `hex(n)` / `oct(n)` / `bin(n)` (radix 16, 8, 2): sign then prefix, e.g. `-0x1f`.
pub fn int_to_str_radix(n: &BigInt, radix: u32) -> String {
    let prefix = match radix {
        16 => "0x",
        8 => "0o",
        2 => "0b",
        _ => "",
    };
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", magnitude_radix(n, radix))
}

#[cfg(test)]
mod tests {
    #[test]
    fn small_decimal_agrees_with_parse_int() {
        use num_traits::ToPrimitive;
        for s in [
            "0",
            "-0",
            "+7",
            " 42\n",
            "007",
            "-123456789012345678",
            "999999999999999999",
        ] {
            let want = super::parse_int(s, 10).unwrap().to_i64();
            assert_eq!(super::parse_small_decimal(s), want, "{s:?}");
        }
        // Left to the general path (which accepts or rejects them).
        for s in [
            "",
            "-",
            "1_000",
            "1234567890123456789",
            "\u{663}",
            "1.5",
            " ",
            "+-1",
        ] {
            assert_eq!(super::parse_small_decimal(s), None, "{s:?}");
        }
    }

    use super::*;

    fn ok(s: &str, b: u32) -> String {
        match parse_int(s, b) {
            Ok(v) => v.to_string(),
            Err(e) => e.msg,
        }
    }

    #[test]
    fn parse_cases() {
        // Expected values from CPython 3.11.
        let cases: &[(&str, u32, &str)] = &[
            ("0x1f", 0, "31"),
            ("0X1F", 16, "31"),
            ("0b101", 0, "5"),
            ("0o17", 0, "15"),
            ("017", 0, "invalid literal for int() with base 0: '017'"),
            ("0", 0, "0"),
            ("00", 0, "0"),
            ("0_0", 0, "0"),
            ("1_000", 10, "1000"),
            ("1__0", 10, "invalid literal for int() with base 10: '1__0'"),
            ("_1", 10, "invalid literal for int() with base 10: '_1'"),
            (" -12 ", 10, "-12"),
            ("+0x_1f", 0, "31"),
            ("0x_1f", 16, "31"),
            ("0x", 16, "invalid literal for int() with base 16: '0x'"),
            ("z", 36, "35"),
            ("Z", 36, "35"),
            ("12", 2, "invalid literal for int() with base 2: '12'"),
            ("", 10, "invalid literal for int() with base 10: ''"),
            ("  ", 10, "invalid literal for int() with base 10: '  '"),
            ("\u{661}\u{662}", 10, "12"),
            ("0b1", 16, "177"),
            ("0x1", 36, "1189"),
            ("1.5", 10, "invalid literal for int() with base 10: '1.5'"),
            ("\t+7\n", 10, "7"),
            ("1_", 10, "invalid literal for int() with base 10: '1_'"),
            ("-", 10, "invalid literal for int() with base 10: '-'"),
            ("1", 1, "int() base must be >= 2 and <= 36, or 0"),
        ];
        for (s, b, want) in cases {
            assert_eq!(ok(s, *b), *want, "int({s:?}, {b})");
        }
        let long = "1".repeat(4301);
        assert_eq!(
            ok(&long, 10),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(parse_int(&long, 16).is_ok());
        assert_eq!(
            parse_int(&"9".repeat(4300), 10).unwrap().to_string().len(),
            4300
        );
    }

    #[test]
    fn to_text() {
        let big: BigInt = num_traits::pow(BigInt::from(10), 4300);
        assert_eq!(
            int_to_decimal(&big).unwrap_err().msg,
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        );
        let ok_big: BigInt = -(big - BigInt::from(1));
        assert_eq!(int_to_decimal(&ok_big).unwrap().len(), 4301);
        assert_eq!(int_to_str_radix(&BigInt::from(-31), 16), "-0x1f");
        assert_eq!(int_to_str_radix(&BigInt::from(8), 8), "0o10");
        assert_eq!(int_to_str_radix(&BigInt::from(-5), 2), "-0b101");
        assert_eq!(int_to_str_radix(&BigInt::from(0), 16), "0x0");
    }
}
