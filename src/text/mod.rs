//! Text algorithms that need no VM: number repr and parsing, the format-spec mini-language, printf-style formatting, str and bytes method algorithms.

pub mod bytes;
#[cfg(test)]
mod case_data;
pub mod float;
pub mod int;
pub mod percent;
pub mod repr;
pub mod spec;
pub mod strfmt;
pub mod strops;
#[cfg(test)]
mod strops_harness;
#[rustfmt::skip]
pub mod unidata;

use std::fmt;

/// The Python exception class a text error maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    TypeError,
    OverflowError,
    KeyError,
    IndexError,
    /// Raised by encoding/decoding lookups (unknown codec or error handler).
    LookupError,
    /// A ValueError subclass raised by bytes.decode.
    UnicodeDecodeError,
    /// A ValueError subclass raised by str.encode.
    UnicodeEncodeError,
    /// The result would not fit in memory.
    MemoryError,
}

/// An error raised by a text algorithm, carrying CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub kind: ErrKind,
    pub msg: String,
}

impl TextError {
    /// Builds an error of the given kind.
    pub fn new(kind: ErrKind, msg: impl Into<String>) -> Self {
        TextError {
            kind,
            msg: msg.into(),
        }
    }
    /// Builds a ValueError.
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::ValueError, msg)
    }
    /// Builds a TypeError.
    pub fn type_err(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::TypeError, msg)
    }
    /// Builds an OverflowError.
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::OverflowError, msg)
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for TextError {}

/// Check that a result of `chars` characters of `char_bytes` bytes each
/// may be allocated (a field width or padding asked for by a script), so
/// that a huge one raises MemoryError, as in CPython, instead of aborting
/// the process or filling memory (see `crate::sysmem`).
pub fn check_room(chars: usize, char_bytes: usize) -> TResult<()> {
    match chars.checked_mul(char_bytes) {
        Some(bytes) if crate::sysmem::fits(bytes) => Ok(()),
        _ => Err(TextError::new(ErrKind::MemoryError, "")),
    }
}

/// Result alias for text algorithms.
pub type TResult<T> = Result<T, TextError>;

/// True when `c` lies in one of the sorted inclusive ranges of `table`.
pub(crate) fn in_ranges(c: char, table: &[(u32, u32)]) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(a, b)| {
            if b < c {
                std::cmp::Ordering::Less
            } else if a > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `str.isspace` for one code point.
pub fn is_py_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f' | ' '
        )
    } else {
        in_ranges(c, unidata::SPACE)
    }
}

/// The decimal value of a code point for which `str.isdecimal()` is true.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let cu = c as u32;
    let i = unidata::DECIMAL.partition_point(|&(_, b)| b < cu);
    let &(a, b) = unidata::DECIMAL.get(i)?;
    if cu < a || cu > b {
        return None;
    }
    Some((unidata::DECIMAL_START_VALUE[i] as u32 + cu - a) % 10)
}
