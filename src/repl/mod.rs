//! The interactive prompt (`weft` on a terminal, `weft -i FILE`,
//! `weft -m asyncio`), on rustyline.
//!
//! Input is gathered line by line until the parser says it is complete
//! (`syntax::is_incomplete`: an open bracket, string or block asks for
//! more; a compound statement ends with an empty line, as in CPython); a
//! syntax error is reported at once. Each entry compiles in interactive
//! mode (expression results echoed with repr and kept in `_`); an entry
//! that uses `await`, `async for` or `async with` at top level compiles to
//! a coroutine and runs as a task on the session's event loop, as in
//! `python -m asyncio`.
//!
//! The editor reads on its own thread (input.rs) while this thread runs
//! the event loop (session.rs), so tasks started at the prompt run and
//! print while it waits.

mod editor;
mod input;
mod session;

use std::io::Write;
use std::path::PathBuf;

use crate::embed::{Interpreter, RunError};
use input::{Input, TermGuard};
use session::{Session, Waited};

pub use editor::highlight_line;

/// How the prompt was asked for.
#[derive(Default, Clone)]
pub struct ReplOptions {
    /// `-q`: no banner.
    pub quiet: bool,
    /// `-m asyncio`: the banner says so (the prompt is the same).
    pub asyncio: bool,
    /// Colour the input line (off under NO_COLOR or TERM=dumb).
    pub color: bool,
}

impl ReplOptions {
    /// Colour follows the terminal, NO_COLOR and TERM.
    pub fn from_env() -> ReplOptions {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        ReplOptions {
            color: !no_color && !dumb,
            ..Default::default()
        }
    }
}

/// The history file: `WEFT_HISTORY`, else the XDG data folder.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WEFT_HISTORY") {
        return Some(PathBuf::from(p));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(data.join("weft").join("history"))
}

/// Statements that open a block: the entry ends with an empty line.
const COMPOUND: &[&str] = &[
    "if", "while", "for", "try", "with", "def", "class", "async", "match", "@",
];

/// Whether `buf` (the lines so far, each ending in '\n') is a whole entry:
/// the parser does not want more, and a compound statement has been closed
/// by an empty line.
pub fn entry_complete(buf: &str, last_line: &str) -> bool {
    if crate::syntax::is_incomplete(buf) {
        return false;
    }
    let first = buf.trim_start();
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '@')
        .collect();
    let word = if word.starts_with('@') { "@" } else { &word };
    let compound = COMPOUND.contains(&word)
        && !(word == "match" && !first.trim_end().ends_with(':') && !buf.contains("\n "));
    !compound || last_line.trim().is_empty()
}

/// The indent for the next line: the last line's, one level deeper after
/// a line ending in ':'.
fn next_indent(last: &str) -> String {
    let indent: String = last
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = last.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        format!("{indent}    ")
    } else {
        indent
    }
}

/// Run the prompt until Ctrl-D, `exit()` or `quit()`; returns the exit
/// code. The atexit handlers run at the end, as when python's prompt ends.
pub fn run(interp: Interpreter, opts: &ReplOptions) -> i32 {
    let mut interp = interp;
    let _term = TermGuard::save();
    let input = match Input::start(opts.color, history_path()) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("weft: cannot start the line editor: {e}");
            return 1;
        }
    };
    if !opts.quiet {
        eprintln!(
            "weft {} (Python 3.11 compatible){}",
            env!("CARGO_PKG_VERSION"),
            if opts.asyncio { " asyncio REPL" } else { "" }
        );
        if opts.asyncio {
            eprintln!("Use \"await\" directly instead of \"asyncio.run()\".");
        }
        eprintln!("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    let mut session = Session::new();
    let code = 'session: loop {
        let mut buf = String::new();
        let mut prompt = ">>> ";
        let mut indent = String::new();
        let entry = loop {
            match session.wait_line(&mut interp, &input, prompt, &indent) {
                Waited::Line(line) => {
                    buf.push_str(&line);
                    buf.push('\n');
                    if buf.trim().is_empty() {
                        break None;
                    }
                    if entry_complete(&buf, &line) {
                        break Some(buf);
                    }
                    prompt = "... ";
                    indent = if line.trim().is_empty() {
                        String::new()
                    } else {
                        next_indent(&line)
                    };
                }
                Waited::Interrupted => {
                    eprintln!("\nKeyboardInterrupt");
                    break None;
                }
                Waited::Eof => {
                    eprintln!();
                    break 'session 0;
                }
                Waited::Exit(code) => break 'session code,
            }
        };
        let Some(entry) = entry else { continue };
        input.add_history(entry.trim_end());
        match session.run_entry(&mut interp, &entry) {
            Ok(()) => {}
            Err(RunError::Exit(code)) => break code,
            Err(RunError::Exception { text, .. }) => {
                let _ = interp.flush();
                eprint!("{text}");
            }
            Err(RunError::Syntax(e, file)) => {
                let _ = interp.flush();
                eprint!("{}", crate::diag::cpython_syntax_text(&e, &file));
            }
            Err(RunError::Internal { message, traceback }) => {
                let _ = interp.flush();
                eprint!("{traceback}");
                eprintln!(
                    "weft: internal error: {message} (this is a bug in weft; please report it)"
                );
            }
        }
    };
    interp.run_atexit();
    let _ = interp.flush();
    interp.finish();
    let _ = std::io::stderr().flush();
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_end_where_cpython_ends_them() {
        assert!(entry_complete("1 + 1\n", "1 + 1"));
        assert!(!entry_complete("[1,\n", "[1,"));
        assert!(entry_complete("[1,\n 2]\n", " 2]"));
        assert!(!entry_complete("def f():\n", "def f():"));
        assert!(!entry_complete("def f():\n    return 1\n", "    return 1"));
        assert!(entry_complete("def f():\n    return 1\n\n", ""));
        assert!(!entry_complete("s = '''a\n", "s = '''a"));
        assert!(!entry_complete("if 1: print(1)\n", "if 1: print(1)"));
        assert!(entry_complete("match = 3\n", "match = 3"));
    }

    #[test]
    fn indent_follows_colons() {
        assert_eq!(next_indent("def f():"), "    ");
        assert_eq!(next_indent("    x = 1"), "    ");
        assert_eq!(next_indent("    if x:  # c"), "        ");
    }
}
