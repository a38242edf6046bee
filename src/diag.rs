//! Error types shared across layers, and the report theme.
//!
//! One error type per layer: syntax and compile errors are `SyntaxError`
//! (rendered as a miette report with a labelled span); run-time errors are
//! Python exceptions owned by the VM. Only main.rs and repl.rs render reports.

use crate::source::Span;

/// Which Python exception class a compile-time error maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// CPython reports some nesting limits as MemoryError / RecursionError.
    MemoryError,
    RecursionError,
    /// `int` literal past the 4300-digit limit and similar are still SyntaxError,
    /// this variant exists for completeness of the mapping.
    ValueError,
}

impl SyntaxKind {
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxKind::SyntaxError => "SyntaxError",
            SyntaxKind::IndentationError => "IndentationError",
            SyntaxKind::TabError => "TabError",
            SyntaxKind::MemoryError => "MemoryError",
            SyntaxKind::RecursionError => "RecursionError",
            SyntaxKind::ValueError => "ValueError",
        }
    }
}

/// An error found before the program runs (lexing, parsing, scope analysis,
/// code generation). `msg` is CPython's message text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {msg}", kind.class_name())]
pub struct SyntaxError {
    pub kind: SyntaxKind,
    pub msg: String,
    pub span: Span,
    /// Optional hint shown under the report.
    pub help: Option<String>,
}

impl SyntaxError {
    pub fn new(kind: SyntaxKind, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            span,
            help: None,
        }
    }

    pub fn syntax(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError::new(SyntaxKind::SyntaxError, msg, span)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> SyntaxError {
        self.help = Some(help.into());
        self
    }
}

/// A `SyntaxError` with its source attached, ready for miette to render.
/// An empty message prints the class alone (CPython's bare `MemoryError`).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{kind}{}{msg}", if .msg.is_empty() { "" } else { ": " })]
#[diagnostic(code(weft::syntax))]
pub struct SyntaxReport {
    pub kind: &'static str,
    pub msg: String,
    #[source_code]
    pub src: miette::NamedSource<String>,
    #[label("{label}")]
    pub span: miette::SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl SyntaxReport {
    pub fn new(err: &SyntaxError, file_name: &str, text: &str) -> SyntaxReport {
        // Clamp the span: an error at end of input points just past the text.
        let len = text.len();
        let start = (err.span.start as usize).min(len);
        let end = (err.span.end as usize).clamp(start, len);
        SyntaxReport {
            kind: err.kind.class_name(),
            msg: err.msg.clone(),
            src: miette::NamedSource::new(file_name, text.to_string()),
            span: (start, end - start).into(),
            label: "here".to_string(),
            help: err.help.clone(),
        }
    }
}

/// CPython 3.11's text for a syntax error (Python/pythonrun.c's
/// `print_exception` and `print_error_text`), which weft prints first so
/// tools that read python's stderr read weft's:
///
/// ```text
///   File "x.py", line 2
///     def greet(name)
///                    ^
/// SyntaxError: expected ':'
/// ```
pub fn cpython_syntax_text(err: &SyntaxError, file: &crate::source::SourceFile) -> String {
    let len = file.text.len() as u32;
    let start = err.span.start.min(len);
    let end = err.span.end.clamp(start, len);
    let line = file.line_of(start);
    let mut out = format!("  File \"{}\", line {line}\n", file.name);
    let text = file.line_text(line);
    let chars = |byte: u32| {
        let b = (byte as usize).min(text.len());
        text.char_indices().take_while(|(i, _)| *i < b).count() as i64
    };
    let col = chars(file.col_of(start));
    let text_len = text.chars().count() as i64;
    // 1-based offsets as CPython's SyntaxError carries them. Its tokenizer
    // reports two indentation errors at odd places: "unexpected indent" at
    // the indent's width (so no caret is drawn) and a dedent mismatch just
    // past the end of the line.
    let (offset, end_offset) = match (err.kind, err.msg.as_str()) {
        (SyntaxKind::IndentationError, "unexpected indent") => (col, -1),
        (SyntaxKind::IndentationError, m) if m.starts_with("unindent does not match") => {
            (text_len + 1, -1)
        }
        _ if file.line_of(end) == line => (col + 1, chars(file.col_of(end)) + 1),
        // A range running onto later lines is underlined to the end of
        // its first one.
        _ => (col + 1, text_len + 1),
    };
    if line <= file.line_of(len) {
        print_error_text(&mut out, text, offset, end_offset);
    }
    out.push_str(err.kind.class_name());
    if !err.msg.is_empty() {
        out.push_str(": ");
        out.push_str(&err.msg);
    }
    out.push('\n');
    out
}

/// The source line (indent stripped) and its caret line.
fn print_error_text(out: &mut String, text: &str, offset: i64, end_offset: i64) {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let indent = text
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    let shown: String = text.chars().skip(indent).collect();
    let len = shown.chars().count() as i64;
    // 0-based, after the indent is stripped, and at most the line's end.
    let at = (offset - 1 - indent as i64).min(len);
    out.push_str("    ");
    out.push_str(&shown);
    out.push('\n');
    if at < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat_n(' ', at as usize));
    out.extend(std::iter::repeat_n('^', carets as usize));
    out.push('\n');
}
