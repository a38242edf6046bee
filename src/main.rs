//! The `weft` command line.

use std::process::ExitCode;

use weft::embed::{Interpreter, RunError};

// The interpreter allocates and frees many small objects (heap slots' boxes,
// lists, dicts); mimalloc handles that pattern much better than glibc malloc
// (measured: see the commit message).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: weft [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
  -c cmd      program passed in as string
  -m mod      run library module as a script (-m asyncio: the asyncio REPL)
  -i          open the interactive prompt after running the script
  -q          don't print the version banner on interactive start-up
  -u          unbuffered stdout
  -E, -s      accepted (weft reads no PYTHON* variables, has no site folder)
  -X opt      accepted and ignored, with a note
  --dis FILE  print the bytecode of FILE and exit
  --virtual-time
              run timers on a virtual clock that jumps to the next deadline
              (asyncio sleeps take no real time; ordering is unchanged)
  --version   print the version and exit
  -h, --help  print this help and exit
  file        program read from script file
  -           program read from stdin (the default when stdin is not a terminal)
  arg ...     arguments passed to the program in sys.argv[1:]
With no program and stdin a terminal, weft opens the interactive prompt.";

enum Source {
    File(String),
    Code(String),
    Module(String),
    Stdin,
    Dis(String),
    /// No program: the interactive prompt.
    Repl,
}

#[derive(Default)]
struct Options {
    virtual_time: bool,
    interactive: bool,
    quiet: bool,
    unbuffered: bool,
}

fn parse_args(args: &[String], opts: &mut Options) -> Result<(Source, Vec<String>), String> {
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "-V" | "--version" => {
                println!(
                    "weft {} (Python 3.11 compatible)",
                    env!("CARGO_PKG_VERSION")
                );
                std::process::exit(0);
            }
            "-c" => {
                let code = args
                    .get(i + 1)
                    .ok_or("Argument expected for the -c option")?;
                return Ok((Source::Code(code.clone()), args[i + 2..].to_vec()));
            }
            "-m" => {
                let m = args
                    .get(i + 1)
                    .ok_or("Argument expected for the -m option")?;
                return Ok((Source::Module(m.clone()), args[i + 2..].to_vec()));
            }
            "--dis" => {
                let f = args
                    .get(i + 1)
                    .ok_or("Argument expected for the --dis option")?;
                return Ok((Source::Dis(f.clone()), Vec::new()));
            }
            "-" => return Ok((Source::Stdin, args[i + 1..].to_vec())),
            "-i" => opts.interactive = true,
            "-q" => opts.quiet = true,
            "-u" => opts.unbuffered = true,
            "-B" | "-E" | "-s" | "-S" | "-I" => {}
            "-X" => {
                let x = args
                    .get(i + 1)
                    .ok_or("Argument expected for the -X option")?;
                eprintln!("weft: note: -X {x} is ignored");
                i += 1;
            }
            s if s.starts_with("-X") => eprintln!("weft: note: {s} is ignored"),
            "--virtual-time" => opts.virtual_time = true,
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ => return Ok((Source::File(a.clone()), args[i + 1..].to_vec())),
        }
        i += 1;
    }
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        Ok((Source::Repl, Vec::new()))
    } else {
        Ok((Source::Stdin, Vec::new()))
    }
}

/// `-m NAME`: the file of a module found on the script's path (the current
/// folder): `NAME.py`, or a package's `__main__.py`.
fn find_module(name: &str) -> Option<String> {
    let rel = name.replace('.', "/");
    let file = format!("{rel}.py");
    if std::path::Path::new(&file).is_file() {
        return Some(file);
    }
    let main = format!("{rel}/__main__.py");
    std::path::Path::new(&main).is_file().then_some(main)
}

fn read_source(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "weft: can't open file '{path}': [Errno {}] {}",
            e.raw_os_error().unwrap_or(2),
            describe_io(&e)
        )
    })?;
    String::from_utf8(bytes).map_err(|e| non_utf8_message(e.as_bytes(), e.utf8_error(), path))
}

/// CPython's report for source bytes that are not UTF-8 (no encoding
/// declaration): the first bad byte and its 1-based line.
fn non_utf8_message(bytes: &[u8], e: std::str::Utf8Error, path: &str) -> String {
    let at = e.valid_up_to();
    let byte = bytes.get(at).copied().unwrap_or(0);
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    format!(
        "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {path} on line {line}, \
         but no encoding declared; see https://peps.python.org/pep-0263/ for details"
    )
}

/// The script's path as CPython 3.11 shows it in tracebacks, `__file__` and
/// "can't open file": joined to the current folder, not normalized.
fn absolute(path: &str) -> String {
    match std::env::current_dir() {
        Ok(d) if !std::path::Path::new(path).is_absolute() => d.join(path).display().to_string(),
        _ => path.to_string(),
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn run(args: Vec<String>) -> u8 {
    let mut opts = Options::default();
    let (mut source, rest) = match parse_args(&args, &mut opts) {
        Ok(x) => x,
        Err(msg) => {
            eprintln!("weft: {msg}\n{USAGE}");
            return 2;
        }
    };
    let mut repl_opts = weft::repl::ReplOptions::from_env();
    repl_opts.quiet = opts.quiet;
    if let Source::Module(m) = &source {
        if m == "asyncio" {
            repl_opts.asyncio = true;
            source = Source::Repl;
        } else {
            match find_module(m) {
                Some(f) => source = Source::File(f),
                None => {
                    eprintln!("weft: No module named {m}");
                    return 1;
                }
            }
        }
    }
    if let Source::Repl = source {
        let mut interp = new_interpreter(&opts);
        interp.set_script("", &rest);
        interp.vm.path = vec![".".into()];
        interp.refresh_sys();
        return weft::repl::run(interp, &repl_opts) as u8;
    }
    let (name, text) = match &source {
        Source::File(p) | Source::Dis(p) => match read_source(&absolute(p)) {
            Ok(t) => (absolute(p), t),
            Err(msg) => {
                eprintln!("{msg}");
                return if msg.starts_with("weft: can't open") {
                    2
                } else {
                    1
                };
            }
        },
        Source::Code(c) => ("<string>".to_string(), c.clone()),
        // Both were turned into a file or the prompt above.
        Source::Module(_) | Source::Repl => return 2,
        Source::Stdin => {
            use std::io::Read;
            let mut b = Vec::new();
            if std::io::stdin().read_to_end(&mut b).is_err() {
                eprintln!("weft: cannot read stdin");
                return 1;
            }
            match String::from_utf8(b) {
                Ok(s) => ("<stdin>".to_string(), s),
                Err(e) => {
                    eprintln!(
                        "{}",
                        non_utf8_message(e.as_bytes(), e.utf8_error(), "<stdin>")
                    );
                    return 1;
                }
            }
        }
    };
    if let Source::Dis(_) = source {
        let file = weft::source::SourceFile::new(name.clone(), text.clone());
        return match weft::syntax::parse(&text)
            .and_then(|m| weft::compile::compile(&m, &file, weft::compile::Mode::Module))
        {
            Ok(code) => {
                print!("{}", weft::bytecode::disasm::disassemble(&code));
                0
            }
            Err(e) => {
                report_syntax(&e, &file);
                1
            }
        };
    }
    let mut interp = new_interpreter(&opts);
    let script = match &source {
        Source::File(p) => p.clone(),
        Source::Code(_) => "-c".into(),
        _ => "-".into(),
    };
    interp.set_script(&script, &rest);
    if !matches!(source, Source::File(_)) {
        interp.vm.path = vec![".".into()];
        interp.refresh_sys();
    }
    let result = interp.run_source(&name, &text);
    if opts.interactive {
        // `-i`: the prompt opens in the script's namespace, also after an
        // uncaught exception (reported first), as python's does.
        match result {
            Err(RunError::Exit(code)) => return code as u8,
            Err(RunError::Exception { text, .. }) => {
                let _ = interp.flush();
                eprint!("{text}");
            }
            Err(RunError::Syntax(e, file)) => report_syntax(&e, &file),
            Err(RunError::Internal { message, traceback }) => {
                let _ = interp.flush();
                report_internal(&message, &traceback);
            }
            Ok(()) => {}
        }
        repl_opts.quiet = true;
        return weft::repl::run(interp, &repl_opts) as u8;
    }
    // CPython prints an uncaught exception's traceback, then runs the
    // atexit handlers, then flushes stdout.
    if let Err(RunError::Exception { text, .. }) = &result {
        let _ = interp.vm.stdout.flush();
        eprint!("{text}");
    }
    if !matches!(result, Err(RunError::Internal { .. })) {
        interp.run_atexit();
    }
    let flushed = interp.flush();
    interp.finish();
    match result {
        Ok(()) => {
            if !flushed {
                eprintln!("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\nBrokenPipeError: [Errno 32] Broken pipe");
                return 120;
            }
            0
        }
        Err(RunError::Exit(code)) => code as u8,
        // The traceback was printed before the atexit handlers ran.
        Err(RunError::Exception { type_name, .. }) => {
            if type_name == "KeyboardInterrupt" {
                // As CPython: die of SIGINT, so the parent sees the signal
                // (a shell reports 130).
                // SAFETY: resetting SIGINT to its default and raising it.
                unsafe {
                    libc::signal(libc::SIGINT, libc::SIG_DFL);
                    libc::raise(libc::SIGINT);
                }
                return 130;
            }
            1
        }
        Err(RunError::Syntax(e, file)) => {
            report_syntax(&e, &file);
            1
        }
        Err(RunError::Internal { message, traceback }) => {
            report_internal(&message, &traceback);
            1
        }
    }
}

fn new_interpreter(opts: &Options) -> Interpreter {
    let mut interp = Interpreter::new();
    // The CLI grants the script everything, as python does.
    interp.vm.caps = weft::vm::Caps::all();
    interp.vm.virtual_time = opts.virtual_time;
    // Ctrl-C raises KeyboardInterrupt, as in python.
    weft::modules::signal::install_sigint(&mut interp.vm);
    if opts.unbuffered {
        interp.vm.stdout.line_buffered = true;
    }
    interp
}

/// A syntax error: CPython's exact text first (tools that parse python's
/// stderr parse weft's), then, on a terminal, the miette report with the
/// labelled span and a hint.
fn report_syntax(e: &weft::diag::SyntaxError, file: &weft::source::SourceFile) {
    use std::io::IsTerminal;
    eprint!("{}", weft::diag::cpython_syntax_text(e, file));
    if std::io::stderr().is_terminal() {
        let report = weft::diag::SyntaxReport::new(e, &file.name, &file.text);
        eprintln!("\n{:?}", miette::Report::new(report));
    }
}

/// mimalloc's `purge_delay` option (its position in mimalloc.h's v2 option
/// enum, which libmimalloc-sys does not name).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // mimalloc returns freed pages to the OS 10 ms after they empty; each
    // collection empties many, and the next allocations fault them back in
    // zeroed. A 1 s delay keeps them for reuse: measured on a str-building
    // loop, system time 0.12 s -> 0.00 s (wall 0.41 -> 0.34 s) at the same
    // peak RSS.
    // SAFETY: mi_option_set only stores an option value; it runs before
    // any other thread exists, as mimalloc asks of option changes.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    let args: Vec<String> = std::env::args().skip(1).collect();
    // A panic is a weft bug: the hook records where it happened (printed
    // with the internal-error line) instead of Rust's default message;
    // WEFT_BACKTRACE=1 shows the default report with a backtrace too.
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("WEFT_BACKTRACE").is_some() {
            eprintln!("{info}\n{}", std::backtrace::Backtrace::force_capture());
        }
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        PANIC_AT.with(|p| *p.borrow_mut() = at);
    }));
    // Stack depth is not a concern here: weft grows its stack where a script
    // controls recursion (crate::stack), so the main thread's stack serves.
    match std::panic::catch_unwind(|| run(args)) {
        Ok(code) => ExitCode::from(code),
        Err(payload) => {
            // A panic outside the interpreter's own boundary (argument
            // handling, the disassembler): still one clean line, exit 1.
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            report_internal(&msg, "");
            ExitCode::from(1)
        }
    }
}

thread_local! {
    /// Where the last panic happened (set by the panic hook).
    static PANIC_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The report for an internal error: the weft frames that were running, then
/// one line naming the failure as a weft bug.
fn report_internal(message: &str, traceback: &str) {
    let at = PANIC_AT
        .with(|p| p.borrow_mut().take())
        .map(|l| format!(" at {l}"))
        .unwrap_or_default();
    eprint!("{traceback}");
    eprintln!("weft: internal error: {message}{at} (this is a bug in weft; please report it)");
}
