//! The format-spec mini-language used by `format()`, `str.format` and f-strings.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float::{format_digits, FloatMode};
use super::int::{int_to_decimal, magnitude_radix};
use super::{TResult, TextError};

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character (default ' ').
    pub fill: char,
    /// True when the fill character was written explicitly.
    pub fill_specified: bool,
    /// One of '<', '>', '^', '=' when given.
    pub align: Option<char>,
    /// One of '+', '-', ' ' when given.
    pub sign: Option<char>,
    /// The 'z' flag (coerce negative zero, floats only).
    pub no_neg_zero: bool,
    /// The '#' flag.
    pub alternate: bool,
    /// The '0' flag before the width.
    pub zero: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Thousands separator, ',' or '_'.
    pub grouping: Option<char>,
    /// Precision after '.'.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            fill_specified: false,
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

fn too_many_digits() -> TextError {
    TextError::value("Too many decimal digits in format string")
}

fn parse_number(chars: &[char], pos: &mut usize) -> TResult<Option<usize>> {
    let start = *pos;
    let mut v: usize = 0;
    while *pos < chars.len() {
        let Some(d) = chars[*pos].to_digit(10) else {
            break;
        };
        if !chars[*pos].is_ascii_digit() {
            break;
        }
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(too_many_digits)?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v) })
}

/// Parses a format spec as CPython does; `type_name` is used in the
/// "Invalid format specifier" error.
pub fn parse_format_spec(spec: &str, type_name: &str) -> TResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec::default();
    let mut pos = 0;
    if chars.len() >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.fill_specified = true;
        f.align = Some(chars[1]);
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < chars.len() && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < chars.len() && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !f.fill_specified && pos < chars.len() && chars[pos] == '0' {
        f.zero = true;
        pos += 1;
    }
    f.width = parse_number(&chars, &mut pos)?;
    if f.zero && f.width.is_none() {
        // A lone '0' is a width of zero.
        f.width = Some(0);
    }
    super::check_room(f.width.unwrap_or(0), f.fill.len_utf8())?;
    if pos < chars.len() && (chars[pos] == ',' || chars[pos] == '_') {
        f.grouping = Some(chars[pos]);
        pos += 1;
        if pos < chars.len() && (chars[pos] == ',' || chars[pos] == '_') {
            if chars[pos] == chars[pos - 1] {
                return Err(TextError::value(format!(
                    "Cannot specify '{0}' with '{0}'.",
                    chars[pos]
                )));
            }
            return Err(TextError::value("Cannot specify both ',' and '_'."));
        }
    }
    if pos < chars.len() && chars[pos] == '.' {
        pos += 1;
        f.precision = parse_number(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(TextError::value("Format specifier missing precision"));
        }
    }
    if chars.len() - pos > 1 {
        return Err(TextError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < chars.len() {
        f.ty = Some(chars[pos]);
    }
    Ok(f)
}

fn check_grouping(f: &FormatSpec, effective_ty: char) -> TResult<()> {
    if let Some(g) = f.grouping {
        let ok = match g {
            ',' => matches!(
                effective_ty,
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0'
            ),
            _ => matches!(
                effective_ty,
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' | 'b' | 'o' | 'x' | 'X'
            ),
        };
        if !ok {
            return Err(TextError::value(format!(
                "Cannot specify '{g}' with '{effective_ty}'."
            )));
        }
    }
    Ok(())
}

/// The "Unknown format code" ValueError.
pub fn unknown_code(code: char, type_name: &str) -> TextError {
    if (code as u32) > 32 && (code as u32) < 128 {
        TextError::value(format!(
            "Unknown format code '{code}' for object of type '{type_name}'"
        ))
    } else {
        TextError::value(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            code as u32
        ))
    }
}

/// Pads `content` (of `len` chars) to `width` with `fill` per `align` (no '=').
fn pad(content: &str, len: usize, width: Option<usize>, align: char, fill: char) -> String {
    let w = width.unwrap_or(0);
    if w <= len {
        return content.to_string();
    }
    let total = w - len;
    let (left, right) = match align {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut out = String::with_capacity(content.len() + total * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(content);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Inserts `sep` every `group` digits from the right, zero-padding the
/// digits so the result is at least `min_width` chars (CPython's rule).
fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> String {
    let d: Vec<char> = digits.chars().collect();
    let Some(sep) = sep else {
        let mut out = String::new();
        for _ in d.len()..min_width {
            out.push('0');
        }
        out.push_str(digits);
        return out;
    };
    let mut parts: Vec<String> = Vec::new();
    let mut remaining = d.len() as isize;
    let mut mw = min_width as isize;
    loop {
        let l = remaining.max(mw).max(1).min(group as isize);
        let n_chars = remaining.min(l).max(0);
        let n_zeros = l - n_chars;
        let mut part = String::new();
        for _ in 0..n_zeros {
            part.push('0');
        }
        let end = remaining as usize;
        let start = end - n_chars as usize;
        part.extend(&d[start..end]);
        parts.push(part);
        remaining -= n_chars;
        mw -= l;
        if remaining <= 0 && mw <= 0 {
            break;
        }
        mw -= 1;
    }
    parts.reverse();
    parts.join(&sep.to_string())
}

/// Assembles a number: sign, prefix, integer digits (grouped), rest
/// (fraction/exponent/suffix), applying fill, alignment and zero padding.
fn layout_number(
    neg: bool,
    prefix: &str,
    int_digits: &str,
    rest: &str,
    f: &FormatSpec,
    group: usize,
) -> String {
    let sign = if neg {
        "-"
    } else {
        match f.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let (fill, align) = effective_fill_align(f, '>');
    let width = f.width.unwrap_or(0);
    let fixed_len = sign.len() + prefix.chars().count() + rest.chars().count();
    let min_digits = if align == '=' && fill == '0' {
        width.saturating_sub(fixed_len)
    } else {
        0
    };
    let digits = if int_digits.is_empty() {
        String::new()
    } else {
        group_digits(int_digits, f.grouping, group, min_digits)
    };
    let len = fixed_len + digits.chars().count();
    if align == '=' {
        let mut out = String::new();
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n(fill, width.saturating_sub(len)));
        out.push_str(&digits);
        out.push_str(rest);
        return out;
    }
    let content = format!("{sign}{prefix}{digits}{rest}");
    pad(&content, len, f.width, align, fill)
}

fn effective_fill_align(f: &FormatSpec, default_align: char) -> (char, char) {
    let fill = if f.zero && !f.fill_specified {
        '0'
    } else {
        f.fill
    };
    let align = match f.align {
        Some(a) => a,
        None if f.zero && default_align == '>' => '=',
        None => default_align,
    };
    (fill, align)
}

/// `format(value, spec)` for an int (type name "int").
pub fn format_int(v: &BigInt, f: &FormatSpec) -> TResult<String> {
    format_int_for(v, f, "int")
}

/// `format(value, spec)` for an int-like value whose type is `type_name` (e.g. "bool").
pub fn format_int_for(v: &BigInt, f: &FormatSpec, type_name: &str) -> TResult<String> {
    let ty = f.ty.unwrap_or('d');
    check_grouping(f, ty)?;
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = v
                .to_f64()
                .filter(|x| x.is_finite())
                .ok_or_else(|| TextError::overflow("int too large to convert to float"))?;
            return format_float_for(x, f, type_name);
        }
        'b' | 'o' | 'x' | 'X' | 'c' | 'd' | 'n' => {}
        _ => return Err(unknown_code(ty, type_name)),
    }
    if f.precision.is_some() {
        return Err(TextError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(TextError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(TextError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = char_from_int(v)?;
        let s = c.to_string();
        let (fill, align) = effective_fill_align(f, '>');
        let align = if align == '=' { '>' } else { align };
        return Ok(pad(&s, 1, f.width, align, fill));
    }
    let neg = v.is_negative();
    let (prefix, digits, group) = match ty {
        'b' => ("0b", magnitude_radix(v, 2), 4),
        'o' => ("0o", magnitude_radix(v, 8), 4),
        'x' => ("0x", magnitude_radix(v, 16), 4),
        'X' => ("0X", magnitude_radix(v, 16).to_ascii_uppercase(), 4),
        _ => {
            let s = int_to_decimal(v)?;
            let s = s.trim_start_matches('-').to_string();
            ("", s, 3)
        }
    };
    let prefix = if f.alternate { prefix } else { "" };
    Ok(layout_number(neg, prefix, &digits, "", f, group))
}

/// The code point for `%c` / format type 'c', with CPython's OverflowErrors.
pub fn char_from_int(v: &BigInt) -> TResult<char> {
    let Some(i) = v.to_i64() else {
        return Err(TextError::overflow(
            "Python int too large to convert to C long",
        ));
    };
    u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .or_else(|| {
            // Lone surrogates cannot be a Rust char; use the replacement character.
            (0xD800..0xE000).contains(&i).then_some('\u{FFFD}')
        })
        .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))
}

/// `format(value, spec)` for a float (type name "float").
pub fn format_float(x: f64, f: &FormatSpec) -> TResult<String> {
    format_float_for(x, f, "float")
}

/// `format(value, spec)` for a float-like value whose type is `type_name`.
pub fn format_float_for(x: f64, f: &FormatSpec, type_name: &str) -> TResult<String> {
    let ty = f.ty.unwrap_or('\0');
    check_grouping(f, ty)?;
    let p = f.precision;
    let (mode, prec, upper, dot0, pct) = match ty {
        '\0' => match p {
            None => (FloatMode::Repr, 0, false, true, false),
            Some(p) => (FloatMode::General, p, false, true, false),
        },
        'e' | 'E' => (FloatMode::Exp, p.unwrap_or(6), ty == 'E', false, false),
        'f' | 'F' => (FloatMode::Fixed, p.unwrap_or(6), ty == 'F', false, false),
        'g' | 'G' | 'n' => (FloatMode::General, p.unwrap_or(6), ty == 'G', false, false),
        '%' => (FloatMode::Fixed, p.unwrap_or(6), false, false, true),
        _ => return Err(unknown_code(ty, type_name)),
    };
    if prec > i32::MAX as usize {
        return Err(TextError::value("precision too big"));
    }
    super::check_room(prec, 1)?;
    let val = if pct { x * 100.0 } else { x };
    let (mut neg, body) = format_digits(val, mode, prec, upper, f.alternate, dot0);
    if f.no_neg_zero && neg && val.is_finite() {
        let mant = body.split(['e', 'E']).next().unwrap_or("");
        if !mant.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            neg = false;
        }
    }
    // Split integer digits from the rest for grouping.
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (int_digits, rest) = if val.is_finite() {
        (&body[..split], &body[split..])
    } else {
        ("", body.as_str())
    };
    let mut rest = rest.to_string();
    if pct {
        rest.push('%');
    }
    Ok(layout_number(neg, "", int_digits, &rest, f, 3))
}

/// `format(value, spec)` for a str.
pub fn format_str(s: &str, f: &FormatSpec) -> TResult<String> {
    format_str_for(s, f, "str")
}

/// `format(value, spec)` for a str-like value whose type is `type_name`.
pub fn format_str_for(s: &str, f: &FormatSpec, type_name: &str) -> TResult<String> {
    let ty = f.ty.unwrap_or('s');
    check_grouping(f, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match f.sign {
        Some(' ') => {
            return Err(TextError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(TextError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if f.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(TextError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (fill, align) = effective_fill_align(f, '<');
    let (text, len) = match f.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    Ok(pad(text, len, f.width, align, fill))
}

/// Shorthand: parse `spec` and format an int, as `format(int, spec)`.
pub fn format_int_spec(v: &BigInt, spec: &str) -> TResult<String> {
    if spec.is_empty() {
        return int_to_decimal(v);
    }
    format_int(v, &parse_format_spec(spec, "int")?)
}

/// Shorthand: parse `spec` and format a float, as `format(float, spec)`.
pub fn format_float_spec(x: f64, spec: &str) -> TResult<String> {
    format_float(x, &parse_format_spec(spec, "float")?)
}

/// Shorthand: parse `spec` and format a str, as `format(str, spec)`.
pub fn format_str_spec(s: &str, spec: &str) -> TResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    format_str(s, &parse_format_spec(spec, "str")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_text(e: TextError) -> String {
        format!("{:?}: {}", e.kind, e.msg)
    }

    #[test]
    fn generated_table() {
        let mut bad = Vec::new();
        for [kind, value, spec, want] in super::super::case_data::load("spec") {
            let spec = spec.as_str();
            let got = match kind.as_str() {
                "int" => format_int_spec(&value.parse::<BigInt>().unwrap(), spec),
                "float" => {
                    format_float_spec(super::super::float::parse_float(&value).unwrap(), spec)
                }
                _ => format_str_spec(&value, spec),
            };
            let got = got.unwrap_or_else(err_text);
            if got != want {
                bad.push(format!(
                    "format({kind} {value:?}, {spec:?}) = {got:?}, want {want:?}"
                ));
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad[..bad.len().min(60)].join("\n")
        );
    }
}
