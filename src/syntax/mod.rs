//! Source text to AST: logos tokens, the layout pass, and the lalrpop parser.
//!
//! `parse` reads a module, `parse_expr` one expression (eval), and
//! `is_incomplete` tells the REPL whether more lines could complete the input
//! (an unexpected end of input, an open bracket, an open triple-quoted
//! string, a block header waiting for its body).

pub mod actions;
pub mod ast;
pub mod lexer;
pub mod token;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    grammar,
    "/weft.rs"
);

use lalrpop_util::ParseError;

use crate::diag::{SyntaxError, SyntaxKind};
use crate::source::Span;
use actions::Top;
use lexer::{LexFail, Lexed, Mode, Spanned};
use token::Tok;

/// Parse a module.
pub fn parse(text: &str) -> Result<ast::Module, SyntaxError> {
    parse_module(text).map_err(|f| f.err)
}

/// Parse one expression (as `eval` does); surrounding whitespace and
/// newlines are allowed.
pub fn parse_expr(text: &str) -> Result<ast::Expr, SyntaxError> {
    let (start, end) = strip_bom(text);
    parse_sub_expr(text, start, end).map_err(|f| f.err)
}

/// True when `text` fails only because it ends too early: the REPL should
/// read another line.
pub fn is_incomplete(text: &str) -> bool {
    matches!(parse_module(text), Err(f) if f.incomplete)
}

fn strip_bom(text: &str) -> (usize, usize) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    (start, text.len())
}

fn parse_module(text: &str) -> Result<ast::Module, LexFail> {
    let (start, end) = strip_bom(text);
    let lexed = lexer::tokenize(text, start, end, Mode::Module);
    match run_parser(text, lexed)? {
        Top::Module(m) => Ok(m),
        Top::Expr(_) => unreachable!("StartModule yields a module"),
    }
}

/// Parse `text[start..end]` as one expression; spans stay absolute (used by
/// f-string fields).
pub(crate) fn parse_sub_expr(text: &str, start: usize, end: usize) -> Result<ast::Expr, LexFail> {
    let lexed = lexer::tokenize(text, start, end, Mode::Expr);
    let result = run_parser(text, lexed).map_err(|mut f| {
        if f.incomplete && f.err.msg == "unexpected EOF while parsing" {
            f.err.msg = "invalid syntax".into();
        }
        f
    });
    match result? {
        Top::Expr(e) => Ok(e),
        Top::Module(_) => unreachable!("StartExpr yields an expression"),
    }
}

fn run_parser(text: &str, lexed: Lexed) -> Result<Top, LexFail> {
    let Lexed { toks, error } = lexed;
    // Keep a light copy of the token kinds for error messages.
    let kinds: Vec<(usize, Tok, usize)> = toks.iter().map(|(l, t, r)| (*l, light(t), *r)).collect();
    let lex_err = error.clone();
    let iter = toks.into_iter().map(Ok).chain(error.map(|f| Err(f.err)));
    let parser = grammar::TopParser::new();
    parser.parse(iter).map_err(|e| {
        let f = map_error(text, &kinds, lex_err.clone(), e);
        later_lex_error(text, f, lex_err)
    })
}

/// CPython tokenizes the rest of the file after a parser error, and a
/// tokenizer error found there wins (an unterminated string further down);
/// a bracket still open at the end wins only if it was opened on a line
/// before the error's ("'[' was never closed" for a list missing its `]`
/// with more code after it).
fn later_lex_error(text: &str, f: LexFail, lex_err: Option<LexFail>) -> LexFail {
    let Some(le) = lex_err else {
        return f;
    };
    if le.err == f.err {
        return f;
    }
    let opener = le.err.msg.ends_with("was never closed");
    let le_line = lexer::line_of(text, le.err.span.start as usize);
    let f_line = lexer::line_of(text, f.err.span.start as usize);
    if !opener || le_line < f_line {
        return LexFail {
            err: le.err,
            incomplete: false,
        };
    }
    f
}

/// Token kinds without payloads (strings can be large).
fn light(t: &Tok) -> Tok {
    match t {
        Tok::Str(_) => Tok::RawString,
        Tok::Name(n) => Tok::Name(n.clone()),
        Tok::Int(_) => Tok::Int(ast::Constant::None),
        other => other.clone(),
    }
}

fn map_error(
    text: &str,
    toks: &[Spanned],
    lex_err: Option<LexFail>,
    e: ParseError<usize, Tok, SyntaxError>,
) -> LexFail {
    let plain = |msg: &str, l: usize, r: usize| LexFail {
        err: SyntaxError::syntax(msg, Span::new(l, r)),
        incomplete: false,
    };
    match e {
        ParseError::User { error } => {
            let incomplete = lex_err
                .as_ref()
                .is_some_and(|f| f.incomplete && f.err == error);
            LexFail {
                err: error,
                incomplete,
            }
        }
        ParseError::InvalidToken { location } => plain("invalid syntax", location, location + 1),
        ParseError::ExtraToken { token: (l, _, r) } => plain("invalid syntax", l, r),
        ParseError::UnrecognizedEof { location, expected } => {
            let mut f = expected_error(text, toks, location, location, &expected)
                .unwrap_or_else(|| plain("unexpected EOF while parsing", location, location));
            f.incomplete = true;
            f
        }
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            if tok == Tok::Indent {
                return LexFail {
                    err: SyntaxError::new(
                        SyntaxKind::IndentationError,
                        "unexpected indent",
                        Span::new(r, r),
                    ),
                    incomplete: false,
                };
            }
            if tok == Tok::Equal {
                if let Some(f) = assign_for_compare(toks, l) {
                    return f;
                }
                if let Some(f) = kwarg_expression(toks, l) {
                    return f;
                }
            }
            if let Some(f) = legacy_print(toks, l) {
                return f;
            }
            if tok == Tok::Comma {
                if let Some(f) = except_comma(toks, l) {
                    return f;
                }
            }
            if let Some(f) = expected_error(text, toks, l, r, &expected) {
                return f;
            }
            let (l, r) = if r > l { (l, r) } else { (l, l) };
            plain("invalid syntax", l, r)
        }
    }
}

/// `if x = 0:` (an `=` after a plain name where an expression was
/// expected): CPython's invalid_named_expression rule, spanning the name to
/// the end of the value (a bitwise_or: up to a comparison, boolean
/// operator, comma, colon, closing bracket or end of line), unless another
/// `=` or `:=` follows.
fn assign_for_compare(toks: &[Spanned], eq_at: usize) -> Option<LexFail> {
    let i = toks
        .iter()
        .position(|t| t.0 == eq_at && t.1 == Tok::Equal)?;
    let name = toks.get(i.checked_sub(1)?)?;
    if !matches!(name.1, Tok::Name(_)) {
        return None;
    }
    if i >= 2 && toks[i - 2].1 == Tok::Dot {
        return None;
    }
    let mut depth = 0i32;
    let mut end = None;
    for t in &toks[i + 1..] {
        match t.1 {
            Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace if depth > 0 => depth -= 1,
            Tok::Equal | Tok::ColonEqual if depth == 0 => return None,
            Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
            | Tok::Colon
            | Tok::Comma
            | Tok::Semi
            | Tok::Newline
            | Tok::And
            | Tok::Or
            | Tok::Not
            | Tok::In
            | Tok::Is
            | Tok::If
            | Tok::Else
            | Tok::For
            | Tok::As
            | Tok::Less
            | Tok::Greater
            | Tok::EqEqual
            | Tok::NotEqual
            | Tok::LessEqual
            | Tok::GreaterEqual
                if depth == 0 =>
            {
                break
            }
            _ => {}
        }
        end = Some(t.2);
    }
    let end = end?;
    Some(LexFail {
        err: SyntaxError::syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            Span::new(name.0, end),
        )
        .with_help("to compare, write '=='; to assign inside an expression, write ':='"),
        incomplete: false,
    })
}

/// `f(a.b=1)`: an expression other than a name before a keyword
/// argument's `=` (CPython's invalid_kwarg), underlined from the
/// expression's start through the `=`; `f(True=1)` cannot assign to True.
fn kwarg_expression(toks: &[Spanned], eq_at: usize) -> Option<LexFail> {
    let i = toks
        .iter()
        .position(|t| t.0 == eq_at && t.1 == Tok::Equal)?;
    // Back to the ',' or '(' that starts this argument, at depth 0.
    let mut depth = 0i32;
    let mut j = i;
    while j > 0 {
        match toks[j - 1].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar if depth == 0 => break,
            Tok::LPar | Tok::LSqb | Tok::LBrace if depth > 0 => depth -= 1,
            Tok::Comma if depth == 0 => break,
            Tok::LSqb | Tok::LBrace | Tok::Newline | Tok::Semi | Tok::Colon => return None,
            _ => {}
        }
        j -= 1;
    }
    // A call's parenthesis: an atom right before it.
    let open = j.checked_sub(1)?;
    if toks[open].1 == Tok::LPar {
        let callee = toks.get(open.checked_sub(1)?)?;
        if !matches!(callee.1, Tok::Name(_) | Tok::RPar | Tok::RSqb) {
            return None;
        }
    }
    let msg = match &toks[j..i] {
        [] => return None,
        [(_, Tok::True, _)] => "cannot assign to True",
        [(_, Tok::False, _)] => "cannot assign to False",
        [(_, Tok::None, _)] => "cannot assign to None",
        [(_, Tok::Name(_), _)] => return None,
        _ => "expression cannot contain assignment, perhaps you meant \"==\"?",
    };
    Some(LexFail {
        err: SyntaxError::syntax(msg, Span::new(toks[j].0, toks[i].2)),
        incomplete: false,
    })
}

/// `print "x"`: Python 2's print (or exec) statement, underlined from the
/// name to the end of what follows it (CPython's invalid_legacy_expression).
fn legacy_print(toks: &[Spanned], at: usize) -> Option<LexFail> {
    let i = toks.iter().position(|t| t.0 == at)?;
    let name = match &toks.get(i.checked_sub(1)?)?.1 {
        Tok::Name(n) if n.as_ref() == "print" || n.as_ref() == "exec" => n.clone(),
        _ => return None,
    };
    let starts_expr = matches!(
        toks[i].1,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::RawString
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::Await
    );
    if !starts_expr {
        return None;
    }
    let mut depth = 0i32;
    let mut end = toks[i].2;
    for t in &toks[i..] {
        match t.1 {
            Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
            Tok::Newline | Tok::Semi | Tok::Equal | Tok::Colon if depth <= 0 => break,
            _ => {}
        }
        if depth < 0 {
            break;
        }
        end = t.2;
    }
    Some(LexFail {
        err: SyntaxError::syntax(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            Span::new(toks[i - 1].0, end),
        )
        .with_help(format!("{name} is a function in Python 3: {name}(...)")),
        incomplete: false,
    })
}

/// `except A, B:`: Python 2's form, or types not in a tuple; underlined
/// from the first type to the ':' (CPython's invalid_except_stmt).
fn except_comma(toks: &[Spanned], comma_at: usize) -> Option<LexFail> {
    let i = toks.iter().position(|t| t.0 == comma_at)?;
    let start = line_start_index(toks, i);
    if toks[start].1 != Tok::Except {
        return None;
    }
    let first = match toks.get(start + 1)?.1 {
        Tok::Star => start + 2,
        _ => start + 1,
    };
    let mut depth = 0i32;
    for t in &toks[i..] {
        match t.1 {
            Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
            Tok::Colon if depth == 0 => {
                return Some(LexFail {
                    err: SyntaxError::syntax(
                        "multiple exception types must be parenthesized",
                        Span::new(toks.get(first)?.0, t.0),
                    )
                    .with_help("catch several types as a tuple, and name the exception with 'as': except (A, B) as e:"),
                    incomplete: false,
                })
            }
            Tok::Newline => return None,
            _ => {}
        }
    }
    None
}

/// Messages that depend on what the parser expected: a block body after a
/// header, or the header's ':'.
fn expected_error(
    text: &str,
    toks: &[Spanned],
    l: usize,
    r: usize,
    expected: &[String],
) -> Option<LexFail> {
    let wants = |s: &str| expected.iter().any(|e| e == s);
    if expected.len() == 1 && wants("Indent") {
        // The header is the logical line ending at the last NEWLINE before l.
        let nl = toks.iter().rposition(|t| t.1 == Tok::Newline && t.2 <= l)?;
        let (kw, kw_pos) = header_keyword(toks, nl)?;
        let line = lexer::line_of(text, kw_pos);
        let what = match kw {
            "def" => format!("function definition on line {line}"),
            "class" => format!("class definition on line {line}"),
            k => format!("'{k}' statement on line {line}"),
        };
        return Some(LexFail {
            err: SyntaxError::new(
                SyntaxKind::IndentationError,
                format!("expected an indented block after {what}"),
                Span::new(l, l),
            ),
            incomplete: false,
        });
    }
    if wants("\"except\"") && wants("\"finally\"") {
        return Some(LexFail {
            err: SyntaxError::syntax(
                "expected 'except' or 'finally' block",
                Span::new(l, r.max(l)),
            ),
            incomplete: false,
        });
    }
    // Two atoms side by side inside brackets: a missing comma.
    let idx = toks.iter().position(|t| t.0 == l && t.2 == r && r > l);
    if let Some(i) = idx.filter(|&i| i > 0) {
        let atom_end = |t: &Tok| {
            matches!(
                t,
                Tok::Name(_)
                    | Tok::Int(_)
                    | Tok::Float(_)
                    | Tok::Imag(_)
                    | Tok::RawString
                    | Tok::RPar
                    | Tok::RSqb
                    | Tok::RBrace
            )
        };
        let atom_start = |t: &Tok| {
            matches!(
                t,
                Tok::Name(_)
                    | Tok::Int(_)
                    | Tok::Float(_)
                    | Tok::Imag(_)
                    | Tok::RawString
                    | Tok::LPar
                    | Tok::LSqb
                    | Tok::LBrace
            )
        };
        let depth: i64 = toks[..i]
            .iter()
            .map(|t| match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => -1,
                _ => 0,
            })
            .sum();
        if depth > 0 && atom_end(&toks[i - 1].1) && atom_start(&toks[i].1) {
            let s = toks[i - 1].0;
            return Some(LexFail {
                err: SyntaxError::syntax(
                    "invalid syntax. Perhaps you forgot a comma?",
                    Span::new(s, r),
                ),
                incomplete: false,
            });
        }
    }
    if wants("\":\"") {
        let idx = toks.iter().rposition(|t| t.2 <= l)?;
        // CPython's grammar forces the ':' after `else`, `try`, `finally`
        // and a def's signature (`&&':'`): the error is at whatever token
        // came instead.
        let line_start = line_start_index(toks, idx);
        let first = match (&toks[line_start].1, toks.get(line_start + 1)) {
            (Tok::Async, Some(t)) => &t.1,
            (t, _) => t,
        };
        if matches!(toks[idx].1, Tok::Else | Tok::Try | Tok::Finally) || *first == Tok::Def {
            let mut err = SyntaxError::syntax("expected ':'", Span::new(l, r.max(l + 1)));
            if toks[idx].1 == Tok::Else && toks.get(idx + 1).is_some_and(|t| t.1 == Tok::If) {
                err = err.with_help("'else if' is spelled 'elif' in Python");
            }
            return Some(LexFail {
                err,
                incomplete: false,
            });
        }
        // `if x` NEWLINE: the header lacks its colon.
        let next_is_newline = toks.get(idx + 1).is_some_and(|t| t.1 == Tok::Newline);
        if next_is_newline || r == l {
            let line_start = line_start_index(toks, idx);
            if header_name(&toks[line_start].1).is_some() {
                let end = toks[idx].2;
                return Some(LexFail {
                    err: SyntaxError::syntax("expected ':'", Span::new(end, end)),
                    incomplete: false,
                });
            }
        }
    }
    None
}

fn line_start_index(toks: &[Spanned], idx: usize) -> usize {
    let mut i = idx;
    while i > 0
        && !matches!(
            toks[i - 1].1,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::StartExpr
        )
    {
        i -= 1;
    }
    i
}

fn header_name(t: &Tok) -> Option<&'static str> {
    Some(match t {
        Tok::If => "if",
        Tok::Elif => "elif",
        Tok::Else => "else",
        Tok::While => "while",
        Tok::For => "for",
        Tok::Try => "try",
        Tok::Except => "except",
        Tok::Finally => "finally",
        Tok::With => "with",
        Tok::Def => "def",
        Tok::Class => "class",
        Tok::Match => "match",
        Tok::Case => "case",
        _ => return None,
    })
}

/// The compound-statement keyword of the header line ending at token `nl`.
/// Headers with inline bodies (`if x: pass`) end in a colon-less line, so the
/// last header keyword at or after the line start that is followed by ':' is
/// the right one; we take the last keyword before the final ':'.
fn header_keyword(toks: &[Spanned], nl: usize) -> Option<(&'static str, usize)> {
    let mut i = line_start_index(toks, nl);
    if toks[i].1 == Tok::Async {
        i += 1;
    }
    // `else` / `finally` etc. may follow other tokens on one line only in
    // one-line forms; the line's first keyword is the header.
    let name = header_name(&toks.get(i)?.1)?;
    Some((name, toks[i].0))
}
