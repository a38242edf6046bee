//! The layout pass: logos tokens plus CPython's tokenizer rules.
//!
//! It turns source text into the parser's token stream: NEWLINE after a
//! logical line that had tokens (never inside brackets), INDENT/DEDENT from
//! the indentation stack, the soft keywords `match`/`case` by lookahead, and
//! string literals decoded (f-strings split into parts, their fields parsed by
//! a recursive sub-parse over the same text so spans stay absolute). CPython's
//! limits are kept here: 200 nested brackets, 100 indentation levels.

use logos::Logos;

use super::ast::{Constant, Expr, ExprKind, Name};
use super::token::{LexError, StrLit, StrValue, Tok};
use crate::diag::{SyntaxError, SyntaxKind};
use crate::source::Span;

/// CPython's `MAXLEVEL`: nested brackets.
pub const MAX_BRACKETS: usize = 200;
/// CPython's `MAXINDENT`: nested indentation levels.
pub const MAX_INDENT: usize = 100;
/// A run of prefix operators longer than this is refused as CPython's parser
/// refuses it (its stack limit gives MemoryError).
pub const MAX_UNARY_RUN: usize = 5000;
/// f-string format specs may nest one more field level (`{x:{w}}`).
const MAX_FSTRING_NESTING: usize = 2;

pub type Spanned = (usize, Tok, usize);

/// A failure, with whether more input could fix it (for the REPL).
#[derive(Debug, Clone)]
pub struct LexFail {
    pub err: SyntaxError,
    pub incomplete: bool,
}

/// The tokens up to the first error, and that error.
pub struct Lexed {
    pub toks: Vec<Spanned>,
    pub error: Option<LexFail>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A file: layout tokens, starts with `StartModule`.
    Module,
    /// One expression with implicit line joining everywhere (f-string
    /// fields, eval); starts with `StartExpr`.
    Expr,
}

/// 1-based line of a byte offset (`\r\n`, `\r` and `\n` end lines).
pub fn line_of(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut line = 1;
    let mut i = 0;
    let pos = pos.min(b.len());
    while i < pos {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
        i += 1;
    }
    line
}

fn fail(kind: SyntaxKind, msg: impl Into<String>, start: usize, end: usize) -> LexFail {
    LexFail {
        err: SyntaxError::new(kind, msg, Span::new(start, end)),
        incomplete: false,
    }
}

fn syn(msg: impl Into<String>, start: usize, end: usize) -> LexFail {
    fail(SyntaxKind::SyntaxError, msg, start, end)
}

struct Layout<'t> {
    text: &'t str,
    end: usize,
    pos: usize,
    mode: Mode,
    toks: Vec<Spanned>,
    /// (col with tab size 8, col with tab size 1)
    indents: Vec<(usize, usize)>,
    /// open brackets: (char, position)
    brackets: Vec<(char, usize)>,
    line_has_tokens: bool,
    unary_run: usize,
}

/// Tokenize `text[start..end]` (positions stay absolute in `text`).
pub fn tokenize(text: &str, start: usize, end: usize, mode: Mode) -> Lexed {
    let mut lx = Layout {
        text,
        end,
        pos: start,
        mode,
        toks: Vec::new(),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        line_has_tokens: false,
        unary_run: 0,
    };
    let first = match mode {
        Mode::Module => Tok::StartModule,
        Mode::Expr => Tok::StartExpr,
    };
    lx.toks.push((start, first, start));
    let error = lx.run().err();
    if mode == Mode::Module {
        soft_keywords(&mut lx.toks);
    }
    Lexed {
        toks: lx.toks,
        error,
    }
}

impl Layout<'_> {
    fn byte(&self, i: usize) -> Option<u8> {
        if i < self.end {
            Some(self.text.as_bytes()[i])
        } else {
            None
        }
    }

    fn joining(&self) -> bool {
        self.mode == Mode::Expr || !self.brackets.is_empty()
    }

    fn run(&mut self) -> Result<(), LexFail> {
        // CPython refuses a NUL anywhere in the source (strings and comments
        // included), not only where a token starts.
        if let Some(i) = self.text.as_bytes()[self.pos..self.end]
            .iter()
            .position(|&b| b == 0)
        {
            let at = self.pos + i;
            return Err(syn("source code cannot contain null bytes", at, at + 1));
        }
        let mut at_line_start = true;
        loop {
            if at_line_start {
                at_line_start = false;
                if !self.joining() {
                    self.indentation()?;
                }
            }
            // Skip blanks inside a line.
            while let Some(b' ' | b'\t' | b'\x0c') = self.byte(self.pos) {
                self.pos += 1;
            }
            let Some(b) = self.byte(self.pos) else { break };
            match b {
                b'#' => {
                    while let Some(c) = self.byte(self.pos) {
                        if c == b'\n' || c == b'\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    let start = self.pos;
                    self.pos += 1;
                    if b == b'\r' && self.byte(self.pos) == Some(b'\n') {
                        self.pos += 1;
                    }
                    if !self.joining() && self.line_has_tokens {
                        self.toks.push((start, Tok::Newline, self.pos));
                        self.line_has_tokens = false;
                    }
                    at_line_start = true;
                }
                b'\\' => {
                    let start = self.pos;
                    match self.byte(self.pos + 1) {
                        Some(b'\n') => self.pos += 2,
                        Some(b'\r') => {
                            self.pos += 2;
                            if self.byte(self.pos) == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        None => {
                            let mut f = syn("unexpected EOF while parsing", start, start + 1);
                            f.incomplete = true;
                            return Err(f);
                        }
                        Some(_) => {
                            return Err(syn(
                                "unexpected character after line continuation character",
                                start,
                                start + 1,
                            ))
                        }
                    }
                }
                0 => {
                    return Err(syn(
                        "source code cannot contain null bytes",
                        self.pos,
                        self.pos + 1,
                    ))
                }
                _ => self.token()?,
            }
        }
        // End of input.
        if let Some(&(c, p)) = self.brackets.last() {
            if self.mode == Mode::Module {
                let mut f = syn(format!("'{c}' was never closed"), p, p + 1);
                f.incomplete = true;
                return Err(f);
            }
        }
        if self.mode == Mode::Module {
            let p = self.pos;
            if self.line_has_tokens {
                self.toks.push((p, Tok::Newline, p));
            }
            for _ in 1..self.indents.len() {
                self.toks.push((p, Tok::Dedent, p));
            }
        }
        Ok(())
    }

    /// Measure the indentation of a new logical line and emit INDENT/DEDENT.
    fn indentation(&mut self) -> Result<(), LexFail> {
        let line_start = self.pos;
        let (mut col, mut alt) = (0usize, 0usize);
        let mut p = self.pos;
        while let Some(b) = self.byte(p) {
            match b {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            p += 1;
        }
        match self.byte(p) {
            // Blank or comment-only lines do not count.
            None | Some(b'#' | b'\n' | b'\r') => {
                self.pos = p;
                return Ok(());
            }
            _ => {}
        }
        self.pos = p;
        let tab_error = |s: &Self| {
            fail(
                SyntaxKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                line_start,
                s.pos,
            )
        };
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_error(self));
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error(self));
            }
            if self.indents.len() >= MAX_INDENT {
                return Err(fail(
                    SyntaxKind::IndentationError,
                    "too many levels of indentation",
                    line_start,
                    p,
                ));
            }
            self.indents.push((col, alt));
            self.toks.push((line_start, Tok::Indent, p));
        } else {
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                self.toks.push((p, Tok::Dedent, p));
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(fail(
                    SyntaxKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    line_start,
                    p,
                ));
            }
            if alt != top_alt {
                return Err(tab_error(self));
            }
        }
        Ok(())
    }

    /// One logos token at `self.pos`.
    fn token(&mut self) -> Result<(), LexFail> {
        let start = self.pos;
        let mut lex = Tok::lexer(&self.text[start..self.end]);
        let next = lex.next();
        let span = lex.span();
        let end = start + span.end;
        let tok = match next {
            None => return Ok(()),
            Some(Ok(Tok::RawString)) => {
                let lit = decode_string_token(self.text, start, end).map_err(|mut f| {
                    if f.err.span.start == FIELD_ERROR {
                        f.err.span =
                            after_strings(self.text, end, self.end, !self.brackets.is_empty());
                    }
                    f
                })?;
                Tok::Str(Box::new(lit))
            }
            Some(Ok(t)) => t,
            Some(Err(LexError::Msg { msg, incomplete })) => {
                if msg == "single" || msg == "triple" {
                    // CPython counts the line the tokenizer stopped on; a
                    // final newline does not start another line.
                    let stop =
                        if end > start && matches!(self.text.as_bytes()[end - 1], b'\n' | b'\r') {
                            end - 1
                        } else {
                            end
                        };
                    let line = line_of(self.text, stop);
                    let msg = if msg == "triple" {
                        format!(
                            "unterminated triple-quoted string literal (detected at line {line})"
                        )
                    } else {
                        format!("unterminated string literal (detected at line {line})")
                    };
                    return Err(LexFail {
                        err: SyntaxError::syntax(msg, Span::new(start, start + 1)),
                        incomplete,
                    });
                }
                // Leading zeros: CPython underlines from the number's start
                // up to its first other digit (`08` one caret, `00012`
                // three).
                let end = if msg.starts_with("leading zeros") {
                    let lit = &self.text.as_bytes()[start..end];
                    let nz = lit.iter().position(|&b| b != b'0' && b != b'_');
                    start + nz.unwrap_or(lit.len()).max(1)
                } else {
                    end
                };
                return Err(LexFail {
                    err: SyntaxError::syntax(msg, Span::new(start, end)),
                    incomplete,
                });
            }
            Some(Err(LexError::Invalid)) => {
                let c = self.text[start..].chars().next().unwrap_or('?');
                let msg = if c.is_ascii() {
                    "invalid syntax".to_string()
                } else {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                };
                return Err(syn(msg, start, start + c.len_utf8()));
            }
        };
        self.pos = end;
        // `1a`, `1__0`: a number running into a name (keywords like
        // `1if x else y` are allowed, as CPython does).
        if let Tok::Int(_) | Tok::Float(_) = tok {
            let rest = &self.text[end..self.end];
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let keyword = ["and", "else", "for", "if", "in", "is", "not", "or"]
                .iter()
                .any(|k| word.starts_with(k));
            if !word.is_empty() && !keyword {
                let what = match self.text.as_bytes().get(start + 1) {
                    Some(b'x' | b'X') => "hexadecimal",
                    Some(b'o' | b'O') => "octal",
                    Some(b'b' | b'B') => "binary",
                    _ => "decimal",
                };
                // CPython points at the number's last character.
                return Err(syn(format!("invalid {what} literal"), end - 1, end));
            }
        }
        // Brackets.
        if let Some(_closer) = tok.closer() {
            let c = self.text.as_bytes()[start] as char;
            if self.brackets.len() >= MAX_BRACKETS {
                return Err(syn("too many nested parentheses", start, end));
            }
            self.brackets.push((c, start));
        } else if let Tok::RPar | Tok::RSqb | Tok::RBrace = tok {
            let c = self.text.as_bytes()[start] as char;
            match self.brackets.pop() {
                None => return Err(syn(format!("unmatched '{c}'"), start, end)),
                Some((open, open_pos)) => {
                    let want = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if want != c {
                        let l1 = line_of(self.text, open_pos);
                        let l2 = line_of(self.text, start);
                        let msg = if l1 == l2 {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                            )
                        } else {
                            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {l1}")
                        };
                        return Err(syn(msg, start, end));
                    }
                }
            }
        }
        // Long runs of prefix operators.
        if matches!(
            tok,
            Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Not | Tok::Await
        ) {
            self.unary_run += 1;
            if self.unary_run > MAX_UNARY_RUN {
                return Err(fail(SyntaxKind::MemoryError, "", start, end));
            }
        } else {
            self.unary_run = 0;
        }
        self.line_has_tokens = true;
        self.toks.push((start, tok, end));
        Ok(())
    }
}

// ---- soft keywords and `with (...)` --------------------------------------

fn starts_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Star
            | Tok::Await
            | Tok::Lambda
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

/// Index of the NEWLINE ending the logical line that contains `i` (or the
/// token count), tracking nothing else: NEWLINE never occurs in brackets.
fn line_end(toks: &[Spanned], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && toks[j].1 != Tok::Newline {
        j += 1;
    }
    j
}

/// `match`/`case` become keywords at the start of a logical line when the
/// line has the statement's shape (ends with `:`, or for `case` lies directly
/// in a match block); `with (` ... `) :` marks parenthesized with-items.
fn soft_keywords(toks: &mut [Spanned]) {
    // For each open INDENT: is it the body of a `match`?
    let mut blocks: Vec<bool> = Vec::new();
    let mut pending_match = false;
    let mut at_start = true;
    let mut i = 0;
    while i < toks.len() {
        match toks[i].1 {
            Tok::Indent => {
                blocks.push(pending_match);
                pending_match = false;
                at_start = true;
                i += 1;
                continue;
            }
            Tok::Dedent => {
                blocks.pop();
                at_start = true;
                i += 1;
                continue;
            }
            Tok::Newline | Tok::StartModule => {
                at_start = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        if at_start {
            pending_match = false;
            let e = line_end(toks, i);
            let next_starts = toks.get(i + 1).is_some_and(|t| starts_expr(&t.1));
            if let Tok::Name(n) = &toks[i].1 {
                if &**n == "match"
                    && next_starts
                    && e > i + 1
                    && toks[e - 1].1 == Tok::Colon
                    && i + 2 < e
                {
                    toks[i].1 = Tok::Match;
                    pending_match = true;
                } else if &**n == "case" && next_starts && blocks.last() == Some(&true) {
                    toks[i].1 = Tok::Case;
                }
            }
        }
        at_start = false;
        if toks[i].1 == Tok::With && toks.get(i + 1).is_some_and(|t| t.1 == Tok::LPar) {
            // Find the matching ')'.
            let mut depth = 0usize;
            let mut j = i + 1;
            while j < toks.len() {
                match toks[j].1 {
                    Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                    Tok::RPar | Tok::RSqb | Tok::RBrace => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Tok::Newline => break,
                    _ => {}
                }
                j += 1;
            }
            if j < toks.len()
                && toks[j].1 == Tok::RPar
                && toks.get(j + 1).is_some_and(|t| t.1 == Tok::Colon)
            {
                toks[i + 1].1 = Tok::WithLPar;
                toks[j].1 = Tok::WithRPar;
            }
        }
        i += 1;
    }
}

// ---- string literals ------------------------------------------------------

#[derive(Clone, Copy)]
struct Prefix {
    raw: bool,
    bytes: bool,
    fstr: bool,
}

/// Decode the string token `text[start..end]` (prefix and quotes included).
fn decode_string_token(text: &str, start: usize, end: usize) -> Result<StrLit, LexFail> {
    let tok = &text[start..end];
    let mut pre = Prefix {
        raw: false,
        bytes: false,
        fstr: false,
    };
    let mut plen = 0;
    for c in tok.chars() {
        match c {
            'r' | 'R' => pre.raw = true,
            'b' | 'B' => pre.bytes = true,
            'f' | 'F' => pre.fstr = true,
            'u' | 'U' => {}
            _ => break,
        }
        plen += 1;
    }
    let q = tok.as_bytes()[plen];
    let triple =
        tok.len() >= plen + 6 && tok.as_bytes()[plen + 1] == q && tok.as_bytes()[plen + 2] == q;
    let qlen = if triple { 3 } else { 1 };
    let body_start = start + plen + qlen;
    let body_end = end - qlen;
    let span = Span::new(start, end);
    let value = if pre.fstr {
        let mut fs = FString {
            text,
            raw: pre.raw,
            end: body_end,
        };
        let (parts, _) = fs.parts(body_start, 0)?;
        StrValue::F(parts)
    } else if pre.bytes {
        StrValue::Bytes(decode_bytes(text, body_start, body_end, pre.raw)?)
    } else {
        StrValue::Str(decode_str(text, body_start, body_end, pre.raw)?)
    };
    Ok(StrLit { value, span })
}

/// A few `\N{...}` names; others give a clean SyntaxError.
fn char_by_name(name: &str) -> Option<char> {
    let n = name.to_ascii_uppercase();
    Some(match n.as_str() {
        "SPACE" => ' ',
        "NO-BREAK SPACE" => '\u{a0}',
        "LINE FEED" | "LF" => '\n',
        "CARRIAGE RETURN" | "CR" => '\r',
        "CHARACTER TABULATION" | "TAB" => '\t',
        "NULL" => '\0',
        "BULLET" => '\u{2022}',
        "EM DASH" => '\u{2014}',
        "EN DASH" => '\u{2013}',
        "HORIZONTAL ELLIPSIS" => '\u{2026}',
        "DEGREE SIGN" => '\u{b0}',
        "COPYRIGHT SIGN" => '\u{a9}',
        "REGISTERED SIGN" => '\u{ae}',
        "EURO SIGN" => '\u{20ac}',
        "POUND SIGN" => '\u{a3}',
        "MICRO SIGN" => '\u{b5}',
        "GREEK SMALL LETTER ALPHA" => '\u{3b1}',
        "GREEK SMALL LETTER BETA" => '\u{3b2}',
        "GREEK SMALL LETTER PI" => '\u{3c0}',
        "GREEK CAPITAL LETTER DELTA" => '\u{394}',
        "GREEK CAPITAL LETTER OMEGA" => '\u{3a9}',
        "RIGHTWARDS ARROW" => '\u{2192}',
        "LEFTWARDS ARROW" => '\u{2190}',
        "CHECK MARK" => '\u{2713}',
        "BLACK STAR" => '\u{2605}',
        "WHITE STAR" => '\u{2606}',
        "SNOWMAN" => '\u{2603}',
        "INFINITY" => '\u{221e}',
        "MULTIPLICATION SIGN" => '\u{d7}',
        "DIVISION SIGN" => '\u{f7}',
        "LATIN SMALL LETTER E WITH ACUTE" => '\u{e9}',
        "REPLACEMENT CHARACTER" => '\u{fffd}',
        "ZERO WIDTH SPACE" => '\u{200b}',
        "GRINNING FACE" => '\u{1f600}',
        _ => return None,
    })
}

/// Decode one escape sequence at `text[i]` == '\\' (non-raw str).
/// Returns the decoded text (None = drop: backslash-newline) and the index
/// after the escape.
fn str_escape(text: &str, i: usize, end: usize, out: &mut String) -> Result<usize, LexFail> {
    let b = text.as_bytes();
    let Some(&c) = b.get(i + 1).filter(|_| i + 1 < end) else {
        out.push('\\');
        return Ok(i + 1);
    };
    let simple = match c {
        b'\n' => Some(None),
        b'\r' => {
            let n = if b.get(i + 2) == Some(&b'\n') && i + 2 < end {
                3
            } else {
                2
            };
            return Ok(i + n);
        }
        b'\\' => Some(Some('\\')),
        b'\'' => Some(Some('\'')),
        b'"' => Some(Some('"')),
        b'a' => Some(Some('\x07')),
        b'b' => Some(Some('\x08')),
        b'f' => Some(Some('\x0c')),
        b'n' => Some(Some('\n')),
        b'r' => Some(Some('\r')),
        b't' => Some(Some('\t')),
        b'v' => Some(Some('\x0b')),
        _ => None,
    };
    if let Some(s) = simple {
        if let Some(ch) = s {
            out.push(ch);
        }
        return Ok(i + 2);
    }
    match c {
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut j = i + 1;
            while j < end && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            Ok(j)
        }
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = text.get(i + 2..(i + 2 + n).min(end)).unwrap_or("");
            let ok = digits.len() == n && digits.bytes().all(|d| d.is_ascii_hexdigit());
            let v = if ok {
                u32::from_str_radix(digits, 16).ok()
            } else {
                None
            };
            // Lone surrogates cannot live in a Rust string: U+FFFD stands in.
            let v = v.map(|v| {
                if (0xD800..0xE000).contains(&v) {
                    0xFFFD
                } else {
                    v
                }
            });
            match v.and_then(char::from_u32) {
                Some(ch) => {
                    out.push(ch);
                    Ok(i + 2 + n)
                }
                None => {
                    let what = match c {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ if ok => "illegal Unicode character",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    Err(syn(
                        format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-{}: {what}",
                            1 + digits.len()
                        ),
                        i,
                        i + 2 + digits.len(),
                    ))
                }
            }
        }
        b'N' => {
            let rest = &text[i + 2..end];
            if let Some(r) = rest.strip_prefix('{') {
                if let Some(close) = r.find('}') {
                    if let Some(ch) = char_by_name(&r[..close]) {
                        out.push(ch);
                        return Ok(i + 2 + 1 + close + 1);
                    }
                }
            }
            Err(syn(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: unknown Unicode character name",
                i,
                i + 2,
            ))
        }
        _ => {
            // Unknown escape: kept literally (CPython warns).
            out.push('\\');
            Ok(i + 1)
        }
    }
}

fn decode_str(text: &str, start: usize, end: usize, raw: bool) -> Result<String, LexFail> {
    let body = &text[start..end];
    if raw || !body.contains('\\') {
        return Ok(normalize_newlines(body));
    }
    let mut out = String::with_capacity(body.len());
    let mut i = start;
    while i < end {
        if text.as_bytes()[i] == b'\\' {
            i = str_escape(text, i, end, &mut out)?;
        } else {
            let ch = text[i..].chars().next().unwrap_or('\0');
            push_char(&mut out, text, i, ch);
            i += ch.len_utf8();
        }
    }
    Ok(out)
}

/// Push a literal character, turning `\r\n` and `\r` into `\n` as CPython's
/// tokenizer does.
fn push_char(out: &mut String, text: &str, i: usize, ch: char) {
    if ch == '\r' {
        if text.as_bytes().get(i + 1) != Some(&b'\n') {
            out.push('\n');
        }
    } else {
        out.push(ch);
    }
}

fn normalize_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

fn decode_bytes(text: &str, start: usize, end: usize, raw: bool) -> Result<Vec<u8>, LexFail> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(end - start);
    let mut i = start;
    while i < end {
        let c = b[i];
        if c >= 0x80 {
            return Err(syn(
                "bytes can only contain ASCII literal characters",
                start,
                end,
            ));
        }
        if c == b'\r' {
            if b.get(i + 1) != Some(&b'\n') {
                out.push(b'\n');
            }
            i += 1;
            continue;
        }
        if c != b'\\' || raw || i + 1 >= end {
            out.push(c);
            i += 1;
            continue;
        }
        let e = b[i + 1];
        i += 2;
        match e {
            b'\n' => {}
            b'\r' => {
                if i < end && b[i] == b'\n' {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < end && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let digits = text.get(i..(i + 2).min(end)).unwrap_or("");
                match u8::from_str_radix(digits, 16) {
                    Ok(v) if digits.len() == 2 => {
                        out.push(v);
                        i += 2;
                    }
                    _ => {
                        return Err(syn(
                            format!(
                                "(value error) invalid \\x escape at position {}",
                                i - 2 - start
                            ),
                            i - 2,
                            i,
                        ))
                    }
                }
            }
            other => {
                out.push(b'\\');
                if other >= 0x80 {
                    return Err(syn(
                        "bytes can only contain ASCII literal characters",
                        start,
                        end,
                    ));
                }
                out.push(other);
            }
        }
    }
    Ok(out)
}

// ---- f-strings -------------------------------------------------------------

struct FString<'t> {
    text: &'t str,
    raw: bool,
    /// End of the literal's body (before the closing quote).
    end: usize,
}

/// CPython 3.11 reports the errors it finds while splitting an f-string
/// into literal text and fields at the parser's current token, the one
/// after the run of adjacent string literals; these carry this marker as
/// their span start until `token` knows where that is.
const FIELD_ERROR: u32 = u32::MAX;

fn fsyn(msg: &str) -> LexFail {
    let mut f = syn(format!("f-string: {msg}"), 0, 0);
    f.err.span = Span {
        start: FIELD_ERROR,
        end: FIELD_ERROR,
    };
    f
}

/// The span of the first token after `pos` that is not a string literal
/// (strings next to each other are one atom): the NEWLINE at the end of the
/// line (its position) when the line ends first outside brackets.
fn after_strings(text: &str, mut pos: usize, end: usize, in_brackets: bool) -> Span {
    let b = text.as_bytes();
    loop {
        while pos < end && matches!(b[pos], b' ' | b'\t' | b'\x0c') {
            pos += 1;
        }
        if pos + 1 < end && b[pos] == b'\\' && matches!(b[pos + 1], b'\n' | b'\r') {
            pos += 2;
            if b[pos - 1] == b'\r' && b.get(pos) == Some(&b'\n') {
                pos += 1;
            }
            continue;
        }
        if pos < end && b[pos] == b'#' {
            while pos < end && !matches!(b[pos], b'\n' | b'\r') {
                pos += 1;
            }
        }
        if pos >= end || matches!(b[pos], b'\n' | b'\r') {
            if in_brackets && pos < end {
                pos += 1;
                continue;
            }
            return Span::new(pos, pos + 1);
        }
        let mut lex = Tok::lexer(&text[pos..end]);
        let next = lex.next();
        let s = lex.span();
        match next {
            Some(Ok(Tok::RawString)) => pos += s.end.max(1),
            Some(_) => return Span::new(pos + s.start, pos + s.end.max(s.start + 1)),
            None => return Span::new(pos, pos + 1),
        }
    }
}

fn str_const(s: String, start: usize, end: usize) -> Expr {
    Expr::new(
        ExprKind::Constant(Constant::Str(Name::from(s))),
        Span::new(start, end),
    )
}

impl FString<'_> {
    /// Parse literal text and fields from `i` up to the end of the body, or
    /// (when `nesting > 0`, inside a format spec) up to the closing `}`.
    /// Returns the parts and the index where parsing stopped.
    fn parts(&mut self, mut i: usize, nesting: usize) -> Result<(Vec<Expr>, usize), LexFail> {
        let b = self.text.as_bytes();
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut lit_start = i;
        while i < self.end {
            let c = b[i];
            if c == b'{' {
                if nesting == 0 && i + 1 < self.end && b[i + 1] == b'{' {
                    lit.push('{');
                    i += 2;
                    continue;
                }
                let (field, after, doc) = self.field(i, nesting)?;
                if let Some(doc) = doc {
                    lit.push_str(&doc);
                }
                if !lit.is_empty() {
                    parts.push(str_const(std::mem::take(&mut lit), lit_start, i));
                }
                parts.push(field);
                i = after;
                lit_start = i;
            } else if c == b'}' {
                if nesting > 0 {
                    break;
                }
                if i + 1 < self.end && b[i + 1] == b'}' {
                    lit.push('}');
                    i += 2;
                    continue;
                }
                return Err(fsyn("single '}' is not allowed"));
            } else if c == b'\\' && !self.raw {
                i = str_escape(self.text, i, self.end, &mut lit)?;
            } else {
                let ch = self.text[i..].chars().next().unwrap_or('\0');
                push_char(&mut lit, self.text, i, ch);
                i += ch.len_utf8();
            }
        }
        if !lit.is_empty() {
            parts.push(str_const(lit, lit_start, i));
        }
        Ok((parts, i))
    }

    /// One `{...}` field starting at `open`. Returns the FormattedValue, the
    /// index after `}`, and the self-documenting text for `{x=}`.
    fn field(
        &mut self,
        open: usize,
        nesting: usize,
    ) -> Result<(Expr, usize, Option<String>), LexFail> {
        if nesting >= MAX_FSTRING_NESTING {
            return Err(fsyn("expressions nested too deeply"));
        }
        let b = self.text.as_bytes();
        let expr_start = open + 1;
        let mut i = expr_start;
        let mut depth = 0usize;
        let mut eq: Option<usize> = None;
        // Find where the expression ends.
        let expr_end = loop {
            if i >= self.end {
                return Err(fsyn("expecting '}'"));
            }
            let c = b[i];
            match c {
                b'\\' => return Err(fsyn("expression part cannot include a backslash")),
                b'#' => return Err(fsyn("expression part cannot include '#'")),
                b'\'' | b'"' => {
                    // A nested string of the other quote kind.
                    let triple = i + 2 < self.end && b[i + 1] == c && b[i + 2] == c;
                    let q = if triple { 3 } else { 1 };
                    let mut j = i + q;
                    loop {
                        if j >= self.end {
                            return Err(fsyn("unterminated string"));
                        }
                        if b[j] == c
                            && (!triple || (j + 2 < self.end && b[j + 1] == c && b[j + 2] == c))
                        {
                            break;
                        }
                        j += 1;
                    }
                    i = j + q;
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' => {
                    if depth == 0 {
                        break i;
                    }
                    depth -= 1;
                }
                b'!' if depth == 0 => {
                    if b.get(i + 1) == Some(&b'=') {
                        i += 2;
                        continue;
                    }
                    break i;
                }
                b':' if depth == 0 => break i,
                b'=' | b'<' | b'>' if depth == 0 => {
                    if b.get(i + 1) == Some(&b'=') {
                        i += 2;
                        continue;
                    }
                    if c == b'=' {
                        eq = Some(i);
                    }
                }
                _ => {}
            }
            i += 1;
        };
        // `{x=}`: the `=` must be the last thing before the end.
        let mut doc = None;
        let mut value_end = expr_end;
        if let Some(e) = eq {
            if self.text[e + 1..expr_end].trim().is_empty() {
                doc = Some(self.text[expr_start..expr_end].to_string());
                value_end = e;
            }
        }
        if self.text[expr_start..value_end].trim().is_empty() {
            return Err(fsyn("empty expression not allowed"));
        }
        let value = super::parse_sub_expr(self.text, expr_start, value_end).map_err(|mut f| {
            if !f.err.msg.starts_with("f-string") {
                f.err.msg = format!("f-string: {}", f.err.msg);
            }
            f
        })?;
        let mut i = expr_end;
        let mut conversion = None;
        if b[i] == b'!' {
            let conv = b.get(i + 1).copied().filter(|_| i + 1 < self.end);
            match conv {
                Some(c @ (b's' | b'r' | b'a')) => conversion = Some(c as char),
                _ => {
                    return Err(fsyn(
                        "invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            }
            i += 2;
        }
        let mut format_spec = None;
        if i < self.end && b[i] == b':' {
            let (spec, stop) = self.parts(i + 1, nesting + 1)?;
            format_spec = Some(Box::new(Expr::new(
                ExprKind::JoinedStr(spec),
                Span::new(i + 1, stop),
            )));
            i = stop;
        }
        if i >= self.end || b[i] != b'}' {
            return Err(fsyn("expecting '}'"));
        }
        if doc.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        let fv = Expr::new(
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            Span::new(open, i + 1),
        );
        Ok((fv, i + 1, doc))
    }
}
