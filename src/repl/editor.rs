//! The line editor's helper: Tab completion (answered by the VM thread,
//! which owns the namespace), syntax highlighting of the input line, and
//! the completion candidates themselves.

use std::borrow::Cow;
use std::sync::mpsc;
use std::time::Duration;

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use super::input::Event;
use crate::aio::reactor::LoopHandle;
use crate::object::Value;
use crate::vm::Vm;

pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Lives on the reader thread with the editor; everything that needs the
/// VM is asked of the VM thread through `events`.
pub struct WeftHelper {
    color: bool,
    events: mpsc::Sender<Event>,
    /// The handle of the loop running while the prompt waits (set for each
    /// read): a completion request wakes its poll.
    pub wake: Option<LoopHandle>,
}

impl WeftHelper {
    pub fn new(color: bool, events: mpsc::Sender<Event>) -> WeftHelper {
        WeftHelper {
            color,
            events,
            wake: None,
        }
    }
}

impl Helper for WeftHelper {}
impl Validator for WeftHelper {}
impl Hinter for WeftHelper {
    type Hint = String;
}

impl Completer for WeftHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[start..];
        let (tx, rx) = mpsc::channel();
        let asked = self.events.send(Event::Complete {
            before: before[..start].trim_end().to_string(),
            word: word.to_string(),
            reply: tx,
        });
        if asked.is_err() {
            return Ok((pos, Vec::new()));
        }
        if let Some(w) = &self.wake {
            w.post(Box::new(|_| {}));
        }
        // The VM thread answers between two loop passes; a statement that
        // hogs it (a task in a CPU loop) gets no completion rather than a
        // frozen editor.
        let names = rx.recv_timeout(Duration::from_secs(5)).unwrap_or_default();
        let base = match word.rfind('.') {
            Some(i) => start + i + 1,
            None => start,
        };
        let pairs = names
            .into_iter()
            .map(|n| Pair {
                display: n.clone(),
                replacement: n,
            })
            .collect();
        Ok((base, pairs))
    }
}

/// Names completing `word` (`name`, `obj.attr.part`), or module names
/// after `import` / `from`.
pub fn completions(vm: &mut Vm, before: &str, word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let first = before.split_whitespace().next().unwrap_or("");
    if (first == "import" || first == "from") && !before.contains(" import") {
        out.extend(crate::modules::STDLIB.iter().map(|(n, _, _)| n.to_string()));
        out.extend(vm.native_modules.keys().map(|n| n.to_string()));
        out.retain(|n| n.starts_with(word));
    } else if let Some(dot) = word.rfind('.') {
        let (path, partial) = (&word[..dot], &word[dot + 1..]);
        let Some(obj) = lookup_path(vm, path) else {
            return Vec::new();
        };
        let Ok(names) = crate::builtins::core::dir_names(vm, obj) else {
            return Vec::new();
        };
        for n in names {
            if let Some(s) = vm.as_str(n) {
                if s.starts_with(partial) && (partial.starts_with('_') || !s.starts_with('_')) {
                    out.push(format!("{path}.{s}"));
                }
            }
        }
    } else {
        out.extend(KEYWORDS.iter().map(|k| k.to_string()));
        let mut dicts = vec![vm.builtins];
        if let Some(g) = vm.main_globals {
            dicts.push(g);
        }
        for d in dicts {
            for k in vm.dict_ref(d).keys() {
                if let Some(s) = vm.as_str(k) {
                    out.push(s.to_string());
                }
            }
        }
        out.retain(|n| n.starts_with(word) && (word.starts_with('_') || !n.starts_with('_')));
    }
    out.sort();
    out.dedup();
    // Strip the path prefix again: rustyline replaces from the last dot.
    out.into_iter()
        .map(|n| match n.rfind('.') {
            Some(i) if word.contains('.') => n[i + 1..].to_string(),
            _ => n,
        })
        .collect()
}

/// The object a dotted name in the session's namespace names (no calls).
fn lookup_path(vm: &mut Vm, path: &str) -> Option<Value> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    if first.is_empty() || !first.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let k = vm.new_str(first);
    let mut obj = vm
        .main_globals
        .and_then(|g| vm.dict_get_str(g, k))
        .or_else(|| vm.dict_get_str(vm.builtins, k))?;
    for p in parts {
        let k = vm.new_str(p);
        obj = vm.getattr(obj, k).ok()?;
    }
    Some(obj)
}

impl Highlighter for WeftHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight_line(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

/// ANSI colours for keywords, strings, numbers and comments.
pub fn highlight_line(line: &str) -> String {
    const KW: &str = "\x1b[35m";
    const STR: &str = "\x1b[32m";
    const NUM: &str = "\x1b[36m";
    const COMMENT: &str = "\x1b[90m";
    const RESET: &str = "\x1b[0m";
    let mut out = String::with_capacity(line.len() + 16);
    let b = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let c = b[i];
        if c == b'#' {
            out.push_str(COMMENT);
            out.push_str(&line[i..]);
            out.push_str(RESET);
            break;
        }
        if c == b'"' || c == b'\'' {
            let mut j = i + 1;
            while j < line.len() && b[j] != c {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(line.len());
            out.push_str(STR);
            out.push_str(&line[i..end]);
            out.push_str(RESET);
            i = end;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < line.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.' || b[j] == b'_') {
                j += 1;
            }
            out.push_str(NUM);
            out.push_str(&line[i..j]);
            out.push_str(RESET);
            i = j;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let mut j = i;
            while j < line.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] >= 0x80) {
                j += 1;
            }
            while !line.is_char_boundary(j) {
                j += 1;
            }
            let w = &line[i..j];
            if KEYWORDS.contains(&w) {
                out.push_str(KW);
                out.push_str(w);
                out.push_str(RESET);
            } else {
                out.push_str(w);
            }
            i = j;
            continue;
        }
        let ch = line[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}
