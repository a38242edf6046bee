//! Tokens: the logos-derived raw token enum, also used as the parser's
//! terminal type.
//!
//! logos recognises one token at a time; whitespace, comments, newlines and
//! line continuations are handled by the layout pass in `lexer.rs`, which also
//! adds the tokens logos never produces (`Newline`, `Indent`, `Dedent`, the
//! start markers, the soft keywords and the decoded `Str`).

use logos::Logos;

use super::ast::{Constant, Expr, Name};
use crate::source::Span;

/// Why logos failed on a token. `Default` is "no token matches here"; the
/// callbacks return the other variants.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum LexError {
    #[default]
    Invalid,
    /// A message with CPython's wording; `incomplete` marks errors that more
    /// input could fix (an open triple-quoted string).
    Msg { msg: String, incomplete: bool },
}

/// A decoded string literal (one token; adjacent literals are joined by the
/// parser's action).
#[derive(Debug, Clone, PartialEq)]
pub enum StrValue {
    Str(String),
    Bytes(Vec<u8>),
    /// An f-string: `Constant(Str)` and `FormattedValue` parts.
    F(Vec<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StrLit {
    pub value: StrValue,
    pub span: Span,
}

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = LexError)]
pub enum Tok {
    // ---- tokens made by the layout pass, never by logos ----
    /// First token of a module parse.
    StartModule,
    /// First token of an expression parse (eval, f-string fields).
    StartExpr,
    Newline,
    Indent,
    Dedent,
    /// A decoded string literal.
    Str(Box<StrLit>),
    /// Soft keywords, recognised by context in the layout pass.
    Match,
    Case,
    /// The parentheses of `with (a as b, c as d):`.
    WithLPar,
    WithRPar,

    // ---- logos tokens ----
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*", |lex| Name::from(lex.slice()))]
    Name(Name),

    #[regex(r"[0-9](_?[0-9])*", |lex| int_literal(lex.slice(), 10))]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", |lex| int_literal(&lex.slice()[2..], 16))]
    #[regex(r"0[oO](_?[0-7])+", |lex| int_literal(&lex.slice()[2..], 8))]
    #[regex(r"0[bB](_?[01])+", |lex| int_literal(&lex.slice()[2..], 2))]
    Int(Constant),

    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?", |lex| float_literal(lex.slice()))]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?", |lex| float_literal(lex.slice()))]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", |lex| float_literal(lex.slice()))]
    Float(f64),

    #[regex(r"[0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?([eE][+-]?[0-9](_?[0-9])*)?[jJ]", |lex| imag_literal(lex.slice()))]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?[jJ]", |lex| imag_literal(lex.slice()))]
    Imag(f64),

    /// A whole string literal, prefix and quotes included; the layout pass
    /// decodes it into `Str`.
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?["']"#, scan_string)]
    RawString,

    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
}

/// CPython's limit on decimal digits converted to an int
/// (`sys.get_int_max_str_digits()`).
pub const INT_MAX_STR_DIGITS: usize = 4300;

fn int_literal(text: &str, radix: u32) -> Result<Constant, LexError> {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    if radix == 10
        && digits.len() > 1
        && digits.starts_with('0')
        && digits.bytes().any(|b| b != b'0')
    {
        return Err(LexError::Msg {
            msg: "leading zeros in decimal integer literals are not permitted; \
                  use an 0o prefix for octal integers"
                .to_string(),
            incomplete: false,
        });
    }
    if radix == 10 && digits.len() > INT_MAX_STR_DIGITS {
        return Err(LexError::Msg {
            msg: format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                 value has {} digits; use sys.set_int_max_str_digits() to increase the limit - \
                 Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                digits.len()
            ),
            incomplete: false,
        });
    }
    if let Ok(v) = i64::from_str_radix(&digits, radix) {
        return Ok(Constant::Int(v));
    }
    match num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix) {
        Some(big) => Ok(Constant::BigInt(Name::from(big.to_str_radix(10)))),
        None => Err(LexError::Invalid),
    }
}

fn float_literal(text: &str) -> Result<f64, LexError> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().map_err(|_| LexError::Invalid)
}

fn imag_literal(text: &str) -> Result<f64, LexError> {
    float_literal(&text[..text.len() - 1])
}

/// Scan the rest of a string literal after its prefix and opening quote.
/// Escapes are only skipped here; `lexer::decode_*` interprets them.
fn scan_string(lex: &mut logos::Lexer<Tok>) -> Result<(), LexError> {
    let quote = lex.slice().as_bytes()[lex.slice().len() - 1];
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    while i < rest.len() {
        let b = rest[i];
        if b == b'\\' {
            i += 2;
            // A backslash before "\r\n" continues over both bytes.
            if i <= rest.len() && rest[i - 1] == b'\r' && rest.get(i) == Some(&b'\n') {
                i += 1;
            }
            continue;
        }
        if b == quote {
            if !triple {
                lex.bump(i + 1);
                return Ok(());
            }
            if rest.len() >= i + 3 && rest[i + 1] == quote && rest[i + 2] == quote {
                lex.bump(i + 3);
                return Ok(());
            }
        }
        if !triple && (b == b'\n' || b == b'\r') {
            break;
        }
        i += 1;
    }
    // Unterminated: the layout pass words the message (it knows the line).
    let end = i.min(rest.len());
    lex.bump(end);
    Err(LexError::Msg {
        msg: if triple { "triple" } else { "single" }.to_string(),
        incomplete: triple,
    })
}

impl Tok {
    /// Does this token open a bracket, and which closer matches it?
    pub fn closer(&self) -> Option<char> {
        match self {
            Tok::LPar => Some(')'),
            Tok::LSqb => Some(']'),
            Tok::LBrace => Some('}'),
            _ => None,
        }
    }

    /// A short human-readable form for golden token dumps and messages.
    pub fn describe(&self) -> String {
        match self {
            Tok::Name(n) => format!("NAME({n})"),
            Tok::Int(Constant::Int(v)) => format!("INT({v})"),
            Tok::Int(Constant::BigInt(v)) => format!("INT({v})"),
            Tok::Int(c) => format!("INT({c:?})"),
            Tok::Float(v) => format!("FLOAT({v:?})"),
            Tok::Imag(v) => format!("IMAG({v:?})"),
            Tok::Str(s) => match &s.value {
                StrValue::Str(v) => format!("STR({v:?})"),
                StrValue::Bytes(v) => format!("BYTES({:?})", String::from_utf8_lossy(v)),
                StrValue::F(parts) => format!("FSTRING({})", parts.len()),
            },
            Tok::Newline => "NEWLINE".into(),
            Tok::Indent => "INDENT".into(),
            Tok::Dedent => "DEDENT".into(),
            other => format!("{other:?}"),
        }
    }
}
