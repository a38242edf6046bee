//! The interactive prompt (`weft` on a terminal, `weft -i FILE`,
//! `weft -m asyncio`), on rustyline.
//!
//! Input is gathered line by line until the parser says it is complete
//! (`syntax::is_incomplete`: an open bracket, string or block asks for
//! more; a compound statement ends with an empty line, as in CPython); a
//! syntax error is reported at once. Each entry compiles in interactive
//! mode (expression results echoed with repr and kept in `_`); an entry
//! that uses `await`, `async for` or `async with` at top level compiles to
//! a coroutine and runs on the session's event loop, as in
//! `python -m asyncio`.
//!
//! Not yet: running the loop while the prompt waits (tasks created at the
//! prompt run during the next entry that awaits) and Ctrl-C inside a
//! running statement: both need the aio branch's Waker and interrupt word.
//! `wait_for_line` is where the first plugs in.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::embed::{Interpreter, RunError};
use crate::object::{Obj, Value};

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

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Statements that open a block: the entry ends with an empty line.
const COMPOUND: &[&str] = &[
    "if", "while", "for", "try", "with", "def", "class", "async", "match", "@",
];

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

/// The line editor's helper: completion from the live namespace,
/// highlighting, auto-indent.
struct WeftHelper {
    interp: Rc<RefCell<Interpreter>>,
    color: bool,
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
        let Ok(mut interp) = self.interp.try_borrow_mut() else {
            return Ok((pos, Vec::new()));
        };
        let names = completions(&mut interp, before[..start].trim_end(), word);
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
fn completions(interp: &mut Interpreter, before: &str, word: &str) -> Vec<String> {
    let vm = &mut interp.vm;
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
fn lookup_path(vm: &mut crate::vm::Vm, path: &str) -> Option<Value> {
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

/// Run the prompt until Ctrl-D, `exit()` or `quit()`; returns the exit code.
pub fn run(interp: Interpreter, opts: &ReplOptions) -> i32 {
    let mut interp = interp;
    install_site(&mut interp);
    let interp = Rc::new(RefCell::new(interp));
    let config = rustyline::Config::builder()
        .auto_add_history(false)
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut rl: Editor<WeftHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("weft: cannot start the line editor: {e}");
            return 1;
        }
    };
    rl.set_helper(Some(WeftHelper {
        interp: interp.clone(),
        color: opts.color,
    }));
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = rl.load_history(h);
    }
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
    let code = loop {
        let mut buf = String::new();
        let mut prompt = ">>> ";
        let mut indent = String::new();
        let entry = loop {
            let _ = interp.borrow_mut().flush();
            match rl.readline_with_initial(prompt, (&indent, "")) {
                Ok(line) => {
                    buf.push_str(&line);
                    buf.push('\n');
                    if buf.trim().is_empty() {
                        break None;
                    }
                    if entry_complete(&buf, &line) {
                        break Some(buf.clone());
                    }
                    prompt = "... ";
                    indent = if line.trim().is_empty() {
                        String::new()
                    } else {
                        next_indent(&line)
                    };
                }
                Err(ReadlineError::Interrupted) => {
                    eprintln!("\nKeyboardInterrupt");
                    break None;
                }
                Err(ReadlineError::Eof) => {
                    eprintln!();
                    break Some(String::new());
                }
                Err(e) => {
                    eprintln!("weft: {e}");
                    break Some(String::new());
                }
            }
        };
        let Some(entry) = entry else { continue };
        if entry.is_empty() {
            break 0;
        }
        let _ = rl.add_history_entry(entry.trim_end());
        if let Some(h) = &hist {
            if let Some(dir) = h.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = rl.save_history(h);
        }
        let mut it = interp.borrow_mut();
        match session.run_entry(&mut it, &entry) {
            Ok(()) => {}
            Err(RunError::Exit(code)) => break code,
            Err(RunError::Exception { text, .. }) => {
                let _ = it.flush();
                eprint!("{text}");
            }
            Err(RunError::Syntax(e, file)) => {
                let _ = it.flush();
                eprint!("{}", crate::diag::cpython_syntax_text(&e, &file));
            }
            Err(RunError::Internal { message, traceback }) => {
                let _ = it.flush();
                eprint!("{traceback}");
                eprintln!(
                    "weft: internal error: {message} (this is a bug in weft; please report it)"
                );
            }
        }
    };
    let mut it = interp.borrow_mut();
    let _ = it.flush();
    it.finish();
    let _ = std::io::stderr().flush();
    code
}

/// What python's `site` module adds for the prompt, where the builtins do
/// not have it yet: `exit`, `quit` and `help`.
const SITE: &str = r#"
class _Quitter:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Use {self.name}() or Ctrl-D (i.e. EOF) to exit"
    def __call__(self, code=None):
        raise SystemExit(code)

def _help(obj=None):
    """Print the documentation of obj."""
    if obj is None:
        print("Type help(object) for help about object.")
        return
    kind = type(obj).__name__
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    print(f"Help on {kind} {name}:" if name else f"Help on {kind} object:")
    print()
    sig = ""
    code = getattr(obj, "__code__", None)
    if code is not None:
        names = code.co_varnames[:code.co_argcount]
        sig = "(" + ", ".join(names) + ")"
    if name:
        print(f"{name}{sig}")
    doc = getattr(obj, "__doc__", None)
    if doc:
        for line in doc.strip().splitlines():
            print("    " + line.strip())
    print()
"#;

fn install_site(interp: &mut Interpreter) {
    let r = interp.guarded(|vm| -> crate::object::PyResult<()> {
        let file = crate::source::SourceFile::new("<weft site>", SITE);
        let Ok(code) = crate::syntax::parse(SITE)
            .and_then(|m| crate::compile::compile(&m, &file, crate::compile::Mode::Module))
        else {
            return Ok(());
        };
        let ns = vm.new_dict();
        let Value::Obj(ns) = ns else { return Ok(()) };
        let nk = vm.intern("__name__");
        let nv = vm.new_str("site");
        vm.dict_set_str(ns, nk, nv);
        vm.run_module_code(&code, ns)?;
        let b = vm.builtins;
        for (name, from) in [("exit", None), ("quit", None), ("help", Some("_help"))] {
            let k = vm.intern(name);
            if vm.dict_get_str(b, k).is_some() {
                continue;
            }
            let v = match from {
                Some(f) => {
                    let fk = vm.intern(f);
                    vm.dict_get_str(ns, fk)
                }
                None => {
                    let qk = vm.intern("_Quitter");
                    let q = vm.dict_get_str(ns, qk);
                    match q {
                        Some(q) => Some(vm.call(q, &[k])?),
                        None => None,
                    }
                }
            };
            if let Some(v) = v {
                vm.dict_set_str(b, k, v);
            }
        }
        Ok(())
    });
    if let Ok(Err(e)) = r {
        if std::env::var_os("WEFT_DEBUG_SITE").is_some() {
            let text = interp.vm.format_exception(e);
            eprint!("{text}");
        }
    }
}

/// The session's state beyond the namespace: its event loop.
struct Session {
    event_loop: Option<Value>,
}

impl Session {
    fn new() -> Session {
        Session { event_loop: None }
    }

    /// Compile and run one entry in `__main__`'s namespace.
    fn run_entry(&mut self, interp: &mut Interpreter, text: &str) -> Result<(), RunError> {
        let file = crate::source::SourceFile::new("<stdin>", text);
        let code = crate::syntax::parse(text)
            .and_then(|m| crate::compile::compile(&m, &file, crate::compile::Mode::Interactive))
            .map_err(|e| RunError::Syntax(e, file.clone()))?;
        let Some(main) = interp.vm.main_globals else {
            return Ok(());
        };
        if !code.is_coroutine() {
            let r = interp.guarded(|vm| vm.run_module_code(&code, main))?;
            return r.map(|_| ()).map_err(|e| interp.exception_to_error(e));
        }
        // Top-level await: the entry is a coroutine over the namespace,
        // run to completion on the session's loop.
        let r = interp.guarded(|vm| -> crate::object::PyResult<()> {
            let rt = vm.load_code(&code);
            let name = vm.intern("<module>");
            let f = vm.alloc(Obj::Function(Box::new(crate::object::Function {
                code: rt,
                globals: main,
                name,
                qualname: name,
                defaults: Vec::new(),
                kwdefaults: None,
                closure: Vec::new(),
                dict: None,
                module: Value::None,
                doc: Value::None,
                annotations: Value::None,
            })));
            let coro = vm.call(f, &[])?;
            let lp = self.event_loop(vm)?;
            let k = vm.intern("run_until_complete");
            let run = vm.getattr(lp, k)?;
            vm.call(run, &[coro])?;
            Ok(())
        })?;
        r.map_err(|e| interp.exception_to_error(e))
    }

    fn event_loop(&mut self, vm: &mut crate::vm::Vm) -> crate::object::PyResult<Value> {
        if let Some(l) = self.event_loop {
            return Ok(l);
        }
        let asyncio = crate::modules::load_module(vm, "asyncio")?;
        let k = vm.intern("new_event_loop");
        let new = vm.getattr(asyncio, k)?;
        let lp = vm.call(new, &[])?;
        // Kept alive for the whole session.
        vm.extra_roots.push(lp);
        let k = vm.intern("set_event_loop");
        let set = vm.getattr(asyncio, k)?;
        vm.call(set, &[lp])?;
        self.event_loop = Some(lp);
        Ok(lp)
    }
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
