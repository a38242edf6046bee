//! A traceback entry's source line and caret line, as CPython 3.11 draws
//! them (Python/traceback.c, `tb_displayline` and
//! `print_error_location_carets`):
//!
//! ```text
//!     value = grid[row][len(grid[row])] * 2
//!             ~~~~~~~~~^^^^^^^^^^^^^^^^
//! ```
//!
//! The range is the failing instruction's (`co_positions`). On one line, a
//! binary operator or a subscript draws its operand parts `~` and its
//! operator or index `^`; a range running onto later lines is underlined to
//! the last non-blank character of its first line; and a plain range that
//! covers the whole (indent-stripped) line draws nothing.

use crate::bytecode::CodeObject;
use crate::source::SourceFile;

/// Character index in `line` of a byte offset into it (clamped).
fn char_offset(line: &str, byte: usize) -> usize {
    let mut b = byte.min(line.len());
    while !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\x0c'
}

/// Append `    <source line>\n` and, where CPython draws one, the caret line
/// for instruction `ip` of `code`, which stands on `line` of `src`.
pub(crate) fn source_and_carets(
    src: &SourceFile,
    code: &CodeObject,
    ip: usize,
    line: u32,
    out: &mut String,
) {
    let full = src.line_text(line);
    let full = full.strip_suffix('\r').unwrap_or(full);
    let indent = full.chars().take_while(|&c| is_blank(c)).count();
    let shown: String = full.chars().skip(indent).collect();
    if shown.trim().is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(&shown);
    out.push('\n');
    if let Some(carets) = caret_line(src, code, ip, line, full, indent) {
        out.push_str(&carets);
        out.push('\n');
    }
}

fn caret_line(
    src: &SourceFile,
    code: &CodeObject,
    ip: usize,
    line: u32,
    full: &str,
    indent: usize,
) -> Option<String> {
    let loc = code.loc_at(ip);
    if loc.is_none() || loc.end < loc.start {
        return None;
    }
    let start_line = src.line_of(loc.start);
    let end_line = src.line_of(loc.end);
    if start_line != line {
        return None;
    }
    let line_start = loc.start - src.col_of(loc.start);
    let start = char_offset(full, (loc.start - line_start) as usize);
    let mut end;
    let mut anchor = None;
    if start_line == end_line {
        end = char_offset(full, (loc.end - line_start) as usize);
        if let Some(a) = code.anchor_at(ip) {
            if a.left >= loc.start && a.right <= loc.end && a.left < a.right {
                let l = char_offset(full, (a.left - line_start) as usize);
                let r = char_offset(full, (a.right - line_start) as usize);
                anchor = Some((l, r));
            }
        }
    } else {
        // Underline to the last non-blank character of the first line.
        end = full.trim_end_matches(is_blank).chars().count();
    }
    let len = full.chars().count();
    end = end.min(len);
    if end <= start || start < indent {
        return None;
    }
    if end - start == len - indent && anchor.is_none() {
        return None;
    }
    let mut s = String::with_capacity(4 + end);
    s.push_str("    ");
    s.extend(std::iter::repeat_n(' ', start - indent));
    for i in start..end {
        s.push(match anchor {
            Some((l, r)) if i >= l && i < r => '^',
            Some(_) => '~',
            None => '^',
        });
    }
    Some(s)
}
