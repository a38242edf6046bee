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
