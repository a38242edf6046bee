//! Input on its own thread. The line editor (rustyline) lives on a reader
//! thread and reads one line per request, so the REPL thread is free to run
//! the event loop while the prompt waits: a finished line (and every Tab
//! completion, which needs the VM) comes back on a channel, and the loop's
//! `LoopHandle` wakes its poll so it sees it at once.
//!
//! Output printed by tasks while the prompt waits goes through rustyline's
//! external printer, which clears the prompt line, prints, and draws the
//! prompt and what was typed again. A printer thread calls it, so the VM
//! thread never blocks on the editor.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Editor, ExternalPrinter};

use super::editor::WeftHelper;
use crate::aio::reactor::LoopHandle;

/// What the REPL thread asks of the reader.
enum Request {
    /// Read one line with this prompt and pre-typed text; `wake` is the
    /// handle of the loop that runs while the prompt waits.
    Read {
        prompt: String,
        initial: String,
        wake: Option<LoopHandle>,
    },
    /// Add an entry to the history and save the history file.
    History(String),
}

/// What the reader sends back.
pub enum Event {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D on an empty line, or the terminal went away.
    Eof,
    /// The editor failed (the message says why).
    Failed(String),
    /// Tab was pressed: the names that complete `word` (after `before` on
    /// the line) are wanted on `reply`.
    Complete {
        before: String,
        word: String,
        reply: mpsc::Sender<Vec<String>>,
    },
}

pub struct Input {
    requests: mpsc::Sender<Request>,
    pub events: mpsc::Receiver<Event>,
    printer: Option<Printer>,
    _reader: JoinHandle<()>,
}

impl Input {
    /// Make the editor (history loaded from `history`) and start the
    /// reader thread.
    pub fn start(color: bool, history: Option<PathBuf>) -> Result<Input, String> {
        let config = rustyline::Config::builder()
            .auto_add_history(false)
            .completion_type(rustyline::CompletionType::List)
            .build();
        let mut rl: Editor<WeftHelper, DefaultHistory> =
            Editor::with_config(config).map_err(|e| e.to_string())?;
        let (ev_tx, ev_rx) = mpsc::channel();
        rl.set_helper(Some(WeftHelper::new(color, ev_tx.clone())));
        if let Some(h) = &history {
            let _ = rl.load_history(h);
        }
        // Only on a terminal (rustyline refuses otherwise); without it
        // output goes straight to stdout.
        let printer = rl.create_external_printer().ok().map(Printer::start);
        let (req_tx, req_rx) = mpsc::channel();
        let reader = std::thread::Builder::new()
            .name("weft-repl-input".into())
            .spawn(move || reader(rl, req_rx, ev_tx, history))
            .map_err(|e| e.to_string())?;
        Ok(Input {
            requests: req_tx,
            events: ev_rx,
            printer,
            _reader: reader,
        })
    }

    /// Ask for the next line (the answer arrives on `events`).
    pub fn request_line(&self, prompt: &str, initial: &str, wake: Option<LoopHandle>) {
        let _ = self.requests.send(Request::Read {
            prompt: prompt.to_string(),
            initial: initial.to_string(),
            wake,
        });
    }

    pub fn add_history(&self, entry: &str) {
        let _ = self.requests.send(Request::History(entry.to_string()));
    }

    /// A sink for the VM's stdout that prints above the prompt, if the
    /// terminal has an external printer.
    pub fn printer_sink(&self) -> Option<Box<dyn Write>> {
        self.printer.as_ref().map(|p| {
            Box::new(PrinterSink {
                tx: p.tx.clone(),
                pending: p.pending.clone(),
                buf: Vec::new(),
            }) as Box<dyn Write>
        })
    }

    /// Print `text` above the prompt (or to stderr without a printer).
    pub fn print_above(&self, text: String) {
        match &self.printer {
            Some(p) => p.send(text),
            None => eprint!("{text}"),
        }
    }

    /// Wait (a little) until what was handed to the printer is out, so
    /// output printed next directly comes after it.
    pub fn drain_printer(&self) {
        if let Some(p) = &self.printer {
            let until = Instant::now() + Duration::from_millis(500);
            while p.pending.load(Ordering::Acquire) > 0 && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    }
}

/// The reader thread: one line per request.
fn reader(
    mut rl: Editor<WeftHelper, DefaultHistory>,
    requests: mpsc::Receiver<Request>,
    events: mpsc::Sender<Event>,
    history: Option<PathBuf>,
) {
    // SIGINT is the VM thread's: a Ctrl-C while a statement runs must
    // interrupt its poll, which a handler run on this thread would not.
    block_sigint();
    for req in requests {
        match req {
            Request::Read {
                prompt,
                initial,
                wake,
            } => {
                if let Some(h) = rl.helper_mut() {
                    h.wake = wake.clone();
                }
                let ev = match rl.readline_with_initial(&prompt, (&initial, "")) {
                    Ok(line) => Event::Line(line),
                    Err(ReadlineError::Interrupted) => Event::Interrupted,
                    Err(ReadlineError::Eof) => Event::Eof,
                    Err(e) => Event::Failed(e.to_string()),
                };
                if let Some(h) = rl.helper_mut() {
                    h.wake = None;
                }
                if events.send(ev).is_err() {
                    return;
                }
                if let Some(w) = wake {
                    // Settles the wait the REPL counted (Reactor::expect).
                    w.settle(Box::new(|_| {}));
                }
            }
            Request::History(entry) => {
                let _ = rl.add_history_entry(entry);
                if let Some(h) = &history {
                    if let Some(dir) = h.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    let _ = rl.save_history(h);
                }
            }
        }
    }
}

fn block_sigint() {
    // SAFETY: sigset operations on a local set; pthread_sigmask affects
    // only the calling thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// The printer thread's handle.
struct Printer {
    tx: mpsc::Sender<String>,
    /// Messages sent and not printed yet.
    pending: Arc<AtomicUsize>,
}

impl Printer {
    fn start<P: ExternalPrinter + Send + 'static>(mut printer: P) -> Printer {
        let (tx, rx) = mpsc::channel::<String>();
        let pending = Arc::new(AtomicUsize::new(0));
        let left = pending.clone();
        let _ = std::thread::Builder::new()
            .name("weft-repl-print".into())
            .spawn(move || {
                block_sigint();
                for msg in rx {
                    let _ = printer.print(msg);
                    left.fetch_sub(1, Ordering::AcqRel);
                }
            });
        Printer { tx, pending }
    }

    fn send(&self, text: String) {
        self.pending.fetch_add(1, Ordering::AcqRel);
        if self.tx.send(text).is_err() {
            self.pending.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// The VM's stdout while the prompt waits: each flush is one message for
/// the printer (the VM's buffer flushes per line on a terminal).
struct PrinterSink {
    tx: mpsc::Sender<String>,
    pending: Arc<AtomicUsize>,
    buf: Vec<u8>,
}

impl Write for PrinterSink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.buf).into_owned();
        self.buf.clear();
        self.pending.fetch_add(1, Ordering::AcqRel);
        if self.tx.send(text).is_err() {
            self.pending.fetch_sub(1, Ordering::AcqRel);
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        Ok(())
    }
}

/// The terminal's settings when the prompt opened, put back when the REPL
/// ends however it ends (a task's `sys.exit()` while the editor has the
/// terminal in raw mode included).
pub struct TermGuard {
    saved: Option<libc::termios>,
}

impl TermGuard {
    pub fn save() -> TermGuard {
        // SAFETY: tcgetattr writes into a zeroed local termios.
        let saved = unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            (libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0).then_some(t)
        };
        TermGuard { saved }
    }
}

impl Drop for TermGuard {
    fn drop(&mut self) {
        if let Some(t) = &self.saved {
            // SAFETY: restoring settings tcgetattr gave for the same fd.
            unsafe {
                libc::tcsetattr(0, libc::TCSADRAIN, t);
            }
        }
    }
}
