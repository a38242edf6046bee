//! `str` method algorithms on `&str`, indexed by code point like Python.

use super::{decimal_value, in_ranges, is_py_space, unidata, TResult, TextError};

// ---------------------------------------------------------------- indices

/// `slice.indices(len)` plus the slice length: Python's clamping of
/// `start:stop:step`; ValueError "slice step cannot be zero".
#[inline]
pub fn slice_indices(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> TResult<(i64, i64, i64, usize)> {
    if step == 0 {
        return Err(TextError::value("slice step cannot be zero"));
    }
    // CPython clamps the step to -PY_SSIZE_T_MAX (so -step cannot overflow).
    let step = step.max(-i64::MAX);
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(lower),
            Some(v) => v.min(upper),
        }
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    let count = if step > 0 {
        if stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

/// Python's ADJUST_INDICES for find/count/startswith: clamps `start`/`end`
/// (which may be negative) to `0..=len`-ish values (start may exceed len).
pub fn adjust_indices(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    (s as usize, e as usize)
}

/// Number of code points in `s`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point index `ci` in `s` (clamped to `s.len()`).
pub fn byte_offset(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

fn char_index_of_byte(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

/// The sub-slice `s[start:end]` for find-style indices, or None when start > end.
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, &str)> {
    let (a, b) = adjust_indices(char_len(s), start, end);
    if a > b {
        return None;
    }
    let ba = byte_offset(s, a);
    let bb = byte_offset(s, b);
    Some((a, &s[ba..bb]))
}

/// Byte offset of the first `sub` in `s`. A one-byte needle is an ASCII
/// char, searched as a char (memchr) rather than building a two-way
/// searcher for it.
#[inline]
pub fn find_str(s: &str, sub: &str) -> Option<usize> {
    match sub.as_bytes() {
        &[b] => s.find(char::from(b)),
        _ => s.find(sub),
    }
}

/// `str.find(sub[, start[, end]])`: code point index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((a, w)) => find_str(w, sub).map_or(-1, |b| (a + char_index_of_byte(w, b)) as i64),
        None => -1,
    }
}

/// `str.rfind(sub[, start[, end]])`: code point index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((a, w)) => w
            .rfind(sub)
            .map_or(-1, |b| (a + char_index_of_byte(w, b)) as i64),
        None => -1,
    }
}

/// `str.index(...)`: like find but ValueError "substring not found".
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TResult<i64> {
    match find(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i),
    }
}

/// `str.rindex(...)`: like rfind but ValueError "substring not found".
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TResult<i64> {
    match rfind(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i),
    }
}

/// `str.count(sub[, start[, end]])` (non-overlapping; "" counts len+1 slots).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    match window(s, start, end) {
        Some((_, w)) => {
            if sub.is_empty() {
                char_len(w) + 1
            } else {
                w.matches(sub).count()
            }
        }
        None => 0,
    }
}

/// `str.startswith(prefix[, start[, end]])` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    match window(s, start, end) {
        Some((_, w)) => w.starts_with(prefix),
        None => false,
    }
}

/// `str.endswith(suffix[, start[, end]])` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    match window(s, start, end) {
        Some((_, w)) => w.ends_with(suffix),
        None => false,
    }
}

// ---------------------------------------------------------------- split

fn empty_sep() -> TextError {
    TextError::value("empty separator")
}

/// `str.split(sep=None, maxsplit=-1)`.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> TResult<Vec<String>> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some("") => Err(empty_sep()),
        // One searcher for the whole str (a char searcher for a one-byte
        // separator), not one per piece.
        Some(sep) => {
            let n = max.saturating_add(1);
            Ok(match sep.as_bytes() {
                &[b] => s.splitn(n, char::from(b)).map(str::to_string).collect(),
                _ => s.splitn(n, sep).map(str::to_string).collect(),
            })
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(is_py_space);
            while !rest.is_empty() {
                if out.len() >= max {
                    out.push(rest.to_string());
                    break;
                }
                match rest.find(is_py_space) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = rest[i..].trim_start_matches(is_py_space);
                    }
                    None => {
                        out.push(rest.to_string());
                        break;
                    }
                }
            }
            Ok(out)
        }
    }
}

/// `str.rsplit(sep=None, maxsplit=-1)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> TResult<Vec<String>> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(empty_sep()),
        Some(sep) => {
            let mut rest = s;
            while out.len() < max {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(rest[i + sep.len()..].to_string());
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
        }
        None => {
            let mut rest = s.trim_end_matches(is_py_space);
            while !rest.is_empty() {
                if out.len() >= max {
                    out.push(rest.to_string());
                    break;
                }
                match rest.rfind(is_py_space) {
                    Some(i) => {
                        let c = rest[i..].chars().next().unwrap();
                        out.push(rest[i + c.len_utf8()..].to_string());
                        rest = rest[..i].trim_end_matches(is_py_space);
                    }
                    None => {
                        out.push(rest.to_string());
                        break;
                    }
                }
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// True for Python's line boundaries used by `str.splitlines`.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = iter.peek() {
                    iter.next();
                    end += 1;
                }
            }
            out.push(
                if keepends {
                    &s[start..end]
                } else {
                    &s[start..i]
                }
                .to_string(),
            );
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `str.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> TResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match s.find(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `str.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> TResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

// ---------------------------------------------------------------- strip

/// `str.strip(chars=None)`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(is_py_space),
        Some(cs) => s.trim_matches(|c| cs.contains(c)),
    }
}

/// `str.lstrip(chars=None)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_py_space),
        Some(cs) => s.trim_start_matches(|c| cs.contains(c)),
    }
}

/// `str.rstrip(chars=None)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_py_space),
        Some(cs) => s.trim_end_matches(|c| cs.contains(c)),
    }
}

/// `str.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `str.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

// ---------------------------------------------------------------- case

/// True for titlecase letters (general category Lt).
pub fn is_titlecase_char(c: char) -> bool {
    matches!(c as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF
        | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// True for cased characters (upper, lower or title case).
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(c, unidata::CASED)
    }
}

fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{b7}' | '\u{2019}' | '\u{ad}'
    ) || ('\u{300}'..='\u{36f}').contains(&c)
}

fn push_title(out: &mut String, c: char) {
    let cu = c as u32;
    if let Ok(i) = unidata::TITLE.binary_search_by_key(&cu, |&(k, _)| k) {
        out.push_str(unidata::TITLE[i].1);
    } else {
        out.extend(c.to_uppercase());
    }
}

fn final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i]
        .iter()
        .rev()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    let after = chars[i + 1..]
        .iter()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    before && !after
}

fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(if final_sigma(chars, i) { 'ς' } else { 'σ' });
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `str.upper()` (full case mapping: 'ß' -> 'SS').
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `str.lower()` (full case mapping with final sigma).
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `str.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cu = c as u32;
        if let Ok(i) = unidata::CASEFOLD.binary_search_by_key(&cu, |&(k, _)| k) {
            out.push_str(unidata::CASEFOLD[i].1);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `str.capitalize()`: first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

/// `str.title()`: titlecase after uncased characters, lowercase after cased ones.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if c.is_uppercase() {
            push_lower(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------- padding

fn pad_with(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `str.center(width, fillchar)` with CPython's placement of the odd pad char.
pub fn center(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad_with(s, left as usize, (marg - left) as usize, fill)
}

/// `str.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    pad_with(s, 0, (width - len) as usize, fill)
}

/// `str.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    pad_with(s, (width - len) as usize, 0, fill)
}

/// `str.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> String {
    let len = char_len(s) as i64;
    if width <= len {
        return s.to_string();
    }
    let n = (width - len) as usize;
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    let mut out = String::with_capacity(width as usize);
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n('0', n));
    out.push_str(rest);
    out
}

/// `str.expandtabs(tabsize=8)`: columns reset at '\n' and '\r'.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// `str.replace(old, new, count=-1)` including the empty `old` case.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if max == 0 {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    if old.is_empty() {
        let mut n = 0;
        for c in s.chars() {
            if n < max {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.push_str(new);
        }
        return out;
    }
    // One searcher for the whole str (a char searcher for a one-byte
    // `old`), not one per match.
    let mut last = 0;
    let mut put = |i: usize| {
        out.push_str(&s[last..i]);
        out.push_str(new);
        last = i + old.len();
    };
    match old.as_bytes() {
        &[b] => s
            .match_indices(char::from(b))
            .take(max)
            .for_each(|(i, _)| put(i)),
        _ => s.match_indices(old).take(max).for_each(|(i, _)| put(i)),
    }
    out.push_str(&s[last..]);
    out
}

// ---------------------------------------------------------------- predicates

/// `str.isspace()`.
pub fn isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_py_space)
}

/// Python's `isalpha` for one code point (categories L*).
pub fn char_isalpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(c, unidata::ALPHA)
    }
}

/// Python's `isdecimal` for one code point.
pub fn char_isdecimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// Python's `isdigit` for one code point.
pub fn char_isdigit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, unidata::DIGIT))
}

/// Python's `isnumeric` for one code point.
pub fn char_isnumeric(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, unidata::NUMERIC))
}

/// Python's `isalnum` for one code point.
pub fn char_isalnum(c: char) -> bool {
    char_isalpha(c) || char_isnumeric(c)
}

/// `str.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_isalpha)
}

/// `str.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_isalnum)
}

/// `str.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_isdecimal)
}

/// `str.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_isdigit)
}

/// `str.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_isnumeric)
}

/// `str.isascii()`.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `str.isupper()`: has a cased char and no lowercase or titlecase ones.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase_char(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// `str.islower()`: has a cased char and no uppercase or titlecase ones.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// `str.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `str.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        None => false,
        Some(c) => {
            (c == '_'
                || c.is_ascii_alphabetic()
                || (!c.is_ascii() && in_ranges(c, unidata::XID_START)))
                && it.all(|c| {
                    c == '_'
                        || c.is_ascii_alphanumeric()
                        || (!c.is_ascii() && in_ranges(c, unidata::XID_CONTINUE))
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(x: &[&str]) -> Vec<String> {
        x.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn generated_table() {
        let mut bad = Vec::new();
        for [op, s, arg, want] in super::super::case_data::load("strops") {
            let got = super::super::strops_harness::run(&op, &s, &arg);
            if got != want {
                bad.push(format!("{op}({s:?}, {arg:?}) = {got:?}, want {want:?}"));
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad[..bad.len().min(60)].join("\n")
        );
    }

    #[test]
    fn splits() {
        assert_eq!(split("  a  b  c  ", None, 1).unwrap(), v(&["a", "b  c  "]));
        assert_eq!(rsplit("  a  b  c  ", None, 1).unwrap(), v(&["  a  b", "c"]));
        assert_eq!(
            split("a,b,,c", Some(","), -1).unwrap(),
            v(&["a", "b", "", "c"])
        );
        assert_eq!(
            rsplit("a,b,,c", Some(","), 2).unwrap(),
            v(&["a,b", "", "c"])
        );
        assert_eq!(split("", None, -1).unwrap(), Vec::<String>::new());
        assert_eq!(split("", Some(","), -1).unwrap(), v(&[""]));
        assert_eq!(split("x", Some(""), -1).unwrap_err().msg, "empty separator");
        assert_eq!(
            splitlines("a\r\nb\rc\n\nd\u{2028}e\x1c", true),
            v(&["a\r\n", "b\r", "c\n", "\n", "d\u{2028}", "e\x1c"])
        );
        assert_eq!(splitlines("a\r\nb\n", false), v(&["a", "b"]));
    }

    #[test]
    fn slices() {
        assert_eq!(slice_indices(10, None, None, 1).unwrap(), (0, 10, 1, 10));
        assert_eq!(slice_indices(10, None, None, -1).unwrap(), (9, -1, -1, 10));
        assert_eq!(
            slice_indices(10, Some(-3), Some(100), 2).unwrap(),
            (7, 10, 2, 2)
        );
        assert_eq!(
            slice_indices(10, Some(-100), Some(-200), -1).unwrap(),
            (-1, -1, -1, 0)
        );
        assert_eq!(
            slice_indices(5, Some(8), Some(1), -2).unwrap(),
            (4, 1, -2, 2)
        );
        assert_eq!(
            slice_indices(5, None, None, 0).unwrap_err().msg,
            "slice step cannot be zero"
        );
    }
}
