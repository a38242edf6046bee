//! bytes helpers: `hex()`, `fromhex()`, and the utf-8 / ascii / latin-1 codecs
//! with the strict, ignore, replace, backslashreplace and xmlcharrefreplace handlers.

use super::{ErrKind, TResult, TextError};

/// `bytes.hex(sep, bytes_per_sep)`; `sep` None means no separator.
pub fn hex(b: &[u8], sep: Option<&str>, bytes_per_sep: i64) -> TResult<String> {
    let sep = match sep {
        None => None,
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) if c.is_ascii() => Some(c),
                (Some(_), None) => return Err(TextError::value("sep must be ASCII.")),
                _ => return Err(TextError::value("sep must be length 1.")),
            }
        }
    };
    let mut out = String::with_capacity(b.len() * 3);
    let group = bytes_per_sep.unsigned_abs() as usize;
    let n = b.len();
    for (i, x) in b.iter().enumerate() {
        if let Some(c) = sep {
            if i > 0 && group > 0 {
                let boundary = if bytes_per_sep > 0 {
                    (n - i).is_multiple_of(group)
                } else {
                    i.is_multiple_of(group)
                };
                if boundary {
                    out.push(c);
                }
            }
        }
        out.push_str(&format!("{x:02x}"));
    }
    Ok(out)
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed between pairs.
pub fn fromhex(s: &str) -> TResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let err = |i: usize| {
        TextError::value(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    loop {
        while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let hi = chars[i]
            .to_digit(16)
            .filter(|_| chars[i].is_ascii())
            .ok_or_else(|| err(i))?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| err(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// Canonical codec name for an encoding name ("utf-8", "ascii", "latin-1"),
/// or LookupError "unknown encoding: NAME".
pub fn normalize_encoding(name: &str) -> TResult<&'static str> {
    let n: String = name
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok("utf-8"),
        "ascii" | "us-ascii" | "646" | "us" => Ok("ascii"),
        "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" => {
            Ok("latin-1")
        }
        _ => Err(TextError::new(
            ErrKind::LookupError,
            format!("unknown encoding: {name}"),
        )),
    }
}

fn unknown_handler(h: &str) -> TextError {
    TextError::new(
        ErrKind::LookupError,
        format!("unknown error handler name '{h}'"),
    )
}

fn decode_error(enc: &str, b: &[u8], start: usize, end: usize, reason: &str) -> TextError {
    let msg = if end - start == 1 {
        format!(
            "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            b[start]
        )
    } else {
        format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    TextError::new(ErrKind::UnicodeDecodeError, msg)
}

/// Applies a decode error handler to the bad bytes `bad`, or returns None for strict.
fn decode_handler(out: &mut String, bad: &[u8], errors: &str) -> TResult<bool> {
    match errors {
        "strict" => return Ok(false),
        "ignore" => {}
        "replace" => out.push('\u{FFFD}'),
        "backslashreplace" => {
            for x in bad {
                out.push_str(&format!("\\x{x:02x}"));
            }
        }
        h => return Err(unknown_handler(h)),
    }
    Ok(true)
}

/// `bytes.decode(encoding, errors)` for utf-8, ascii and latin-1, with CPython's UnicodeDecodeError messages.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> TResult<String> {
    let enc = normalize_encoding(encoding)?;
    match enc {
        "latin-1" => Ok(b.iter().map(|&x| x as char).collect()),
        "ascii" => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 128 {
                    out.push(x as char);
                } else if !decode_handler(&mut out, &b[i..i + 1], errors)? {
                    return Err(decode_error(enc, b, i, i + 1, "ordinal not in range(128)"));
                }
            }
            Ok(out)
        }
        _ => decode_utf8(b, errors),
    }
}

/// `bytes.decode('utf-8', errors)`.
pub fn decode_utf8(b: &[u8], errors: &str) -> TResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    loop {
        match std::str::from_utf8(&b[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap());
                let start = pos + good;
                let (len, reason) = match e.error_len() {
                    None => (b.len() - start, "unexpected end of data"),
                    Some(n) => {
                        let first = b[start];
                        let reason = if (0xC2..=0xF4).contains(&first) {
                            "invalid continuation byte"
                        } else {
                            "invalid start byte"
                        };
                        (n, reason)
                    }
                };
                if !decode_handler(&mut out, &b[start..start + len], errors)? {
                    return Err(decode_error("utf-8", b, start, start + len, reason));
                }
                pos = start + len;
            }
        }
    }
}

/// The repr-style escape of one character used in codec error messages.
fn char_escape(c: char) -> String {
    let v = c as u32;
    if v < 0x100 {
        format!("\\x{v:02x}")
    } else if v < 0x10000 {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    }
}

/// `str.encode(encoding, errors)` for utf-8, ascii and latin-1, with CPython's UnicodeEncodeError messages.
pub fn encode(s: &str, encoding: &str, errors: &str) -> TResult<Vec<u8>> {
    let enc = normalize_encoding(encoding)?;
    let limit: u32 = match enc {
        "utf-8" => return Ok(s.as_bytes().to_vec()),
        "ascii" => 128,
        _ => 256,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && (chars[end] as u32) >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let msg = if end - i == 1 {
                    format!(
                        "'{enc}' codec can't encode character '{}' in position {i}: ordinal not in range({limit})",
                        char_escape(c)
                    )
                } else {
                    format!(
                        "'{enc}' codec can't encode characters in position {i}-{}: ordinal not in range({limit})",
                        end - 1
                    )
                };
                return Err(TextError::new(ErrKind::UnicodeEncodeError, msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(char_escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            h => return Err(unknown_handler(h)),
        }
        i = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(b: &[u8], e: &str, h: &str) -> String {
        decode(b, e, h).unwrap_or_else(|e| e.msg)
    }

    fn enc(s: &str, e: &str, h: &str) -> Vec<u8> {
        encode(s, e, h).unwrap_or_else(|e| e.msg.into_bytes())
    }

    #[test]
    fn decoding() {
        // Expected messages from CPython 3.11.
        let cases: &[(&[u8], &str)] = &[
            (
                b"\xff",
                "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
            ),
            (
                b"a\xc3",
                "'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data",
            ),
            (
                b"a\xc3(",
                "'utf-8' codec can't decode byte 0xc3 in position 1: invalid continuation byte",
            ),
            (
                b"\xed\xa0\x80",
                "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte",
            ),
            (
                b"\xf4\x90\x80\x80",
                "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte",
            ),
            (
                b"\xc0\x80",
                "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte",
            ),
            (
                b"ab\xe2\x82",
                "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data",
            ),
            (
                b"\xe2\x82(",
                "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte",
            ),
            (
                b"\xf0\x9f\x98",
                "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data",
            ),
            (b"h\xc3\xa9", "h\u{e9}"),
        ];
        for (b, want) in cases {
            assert_eq!(dec(b, "utf-8", "strict"), *want, "{b:?}");
        }
        assert_eq!(
            decode(b"\xff", "utf-8", "strict").unwrap_err().kind,
            ErrKind::UnicodeDecodeError
        );
        assert_eq!(dec(b"a\xffb\xfe", "utf-8", "replace"), "a\u{fffd}b\u{fffd}");
        assert_eq!(dec(b"a\xffb", "utf-8", "ignore"), "ab");
        assert_eq!(dec(b"a\xffb", "utf-8", "backslashreplace"), "a\\xffb");
        assert_eq!(
            dec(b"a\xe9\xea", "ascii", "strict"),
            "'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)"
        );
        assert_eq!(dec(b"a\xe9", "ascii", "replace"), "a\u{fffd}");
        assert_eq!(dec(b"a\xe9", "latin-1", "strict"), "a\u{e9}");
        assert_eq!(dec(b"a", "utf-8", "bogus"), "a");
        assert_eq!(
            dec(b"\xff", "utf-8", "bogus"),
            "unknown error handler name 'bogus'"
        );
        assert_eq!(dec(b"a", "bogus", "strict"), "unknown encoding: bogus");
    }

    #[test]
    fn encoding() {
        let s = |x: &str| x.as_bytes().to_vec();
        assert_eq!(
            enc("a\u{e9}", "ascii", "strict"),
            s("'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)")
        );
        assert_eq!(enc("a\u{e9}b\u{20ac}", "ascii", "ignore"), s("ab"));
        assert_eq!(enc("a\u{e9}\u{20ac}", "ascii", "replace"), s("a??"));
        assert_eq!(
            enc("a\u{20ac}", "latin-1", "strict"),
            s("'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)")
        );
        assert_eq!(
            enc("\u{e9}\u{20ac}\u{1f600}x", "ascii", "strict"),
            s("'ascii' codec can't encode characters in position 0-2: ordinal not in range(128)")
        );
        assert_eq!(
            enc("a\u{1f600}", "ascii", "strict"),
            s("'ascii' codec can't encode character '\\U0001f600' in position 1: ordinal not in range(128)")
        );
        assert_eq!(
            enc("a\u{e9}\u{20ac}\u{1f600}", "ascii", "backslashreplace"),
            s("a\\xe9\\u20ac\\U0001f600")
        );
        assert_eq!(
            enc("a\u{e9}\u{20ac}", "ascii", "xmlcharrefreplace"),
            s("a&#233;&#8364;")
        );
        assert_eq!(enc("a\u{e9}", "Latin_1", "strict"), vec![b'a', 0xe9]);
        assert_eq!(enc("a", "ascii", "bogus"), s("a"));
        assert_eq!(enc("\u{e9}", "UTF8", "strict"), vec![0xc3, 0xa9]);
    }

    #[test]
    fn hexing() {
        assert_eq!(fromhex(" 01 ab CD").unwrap(), vec![1, 0xab, 0xcd]);
        assert_eq!(fromhex("01\t02").unwrap(), vec![1, 2]);
        for (h, pos) in [("0", 1), ("zz", 0), ("01 0", 4), ("0x", 1), ("1 2", 1)] {
            assert_eq!(
                fromhex(h).unwrap_err().msg,
                format!("non-hexadecimal number found in fromhex() arg at position {pos}")
            );
        }
        assert_eq!(hex(b"\x01\xab", None, 1).unwrap(), "01ab");
        assert_eq!(hex(b"\x01\xab\xff", Some(":"), 1).unwrap(), "01:ab:ff");
        assert_eq!(hex(b"\x01\xab\xff", Some("-"), 2).unwrap(), "01-abff");
        assert_eq!(hex(b"\x01\xab\xff", Some("-"), -2).unwrap(), "01ab-ff");
        assert_eq!(
            hex(b"\x01\x02\x03\x04\x05", Some(":"), 2).unwrap(),
            "01:0203:0405"
        );
        assert_eq!(hex(b"", Some(":"), 1).unwrap(), "");
        assert_eq!(
            hex(b"a", Some("ab"), 1).unwrap_err().msg,
            "sep must be length 1."
        );
        assert_eq!(
            hex(b"a", Some("\u{e9}"), 1).unwrap_err().msg,
            "sep must be ASCII."
        );
    }
}
