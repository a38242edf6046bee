//! The interactive prompt on a pseudo-terminal, driven like a person
//! would: each line is sent after the prompt for it appears (a line typed
//! ahead of the editor is not guaranteed to reach it), and a Ctrl-C meant
//! for a running statement is sent after that statement printed something
//! (matched on text the echo of the typed line does not contain). Nothing
//! waits on a clock: every step waits for output, with a timeout generous
//! enough for a loaded machine. Skipped with a message where no pty can be
//! opened.

use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

const TIMEOUT_MS: u64 = 60_000;

fn weft(args: &[&str], history: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_weft"));
    c.args(args)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("WEFT_HISTORY", history)
        .env_remove("PYTHONUNBUFFERED");
    c
}

fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("weft-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Spawn, or None (with a message) where this machine has no pty.
fn spawn(cmd: Command) -> Option<PtySession> {
    match spawn_command(cmd, Some(TIMEOUT_MS)) {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!("skipped: cannot open a pseudo-terminal: {e}");
            None
        }
    }
}

/// Send one line at the prompt and wait for `expect` in what follows.
fn line(p: &mut PtySession, text: &str, expect: &str) {
    p.send_line(text).expect("send");
    p.exp_string(expect)
        .unwrap_or_else(|e| panic!("after {text:?}: wanted {expect:?}: {e}"));
}

fn prompt(p: &mut PtySession) {
    p.exp_string(">>> ").expect("prompt");
}

#[test]
fn a_session_at_the_prompt() {
    let d = scratch("session");
    let hist = d.join("history");
    let Some(mut p) = spawn(weft(&[], &hist)) else {
        return;
    };
    p.exp_string("weft ").expect("banner");
    p.exp_string("for more information.").expect("banner");
    prompt(&mut p);
    // A multi-line function definition, ended by an empty line.
    line(&mut p, "def f(x):", "... ");
    line(&mut p, "return x * 2", "... ");
    line(&mut p, "", ">>> ");
    line(&mut p, "f(21)", "42");
    prompt(&mut p);
    // `_` holds the last result.
    line(&mut p, "_ + 1", "43");
    prompt(&mut p);
    // Top-level await on the session's loop.
    line(&mut p, "import asyncio", ">>> ");
    line(&mut p, "async def g(x):", "... ");
    line(&mut p, "await asyncio.sleep(0.01)", "... ");
    line(&mut p, "return x * 2", "... ");
    line(&mut p, "", ">>> ");
    line(&mut p, "await g(21)", "42");
    prompt(&mut p);
    // A traceback, then a live prompt.
    line(&mut p, "1/0", "ZeroDivisionError: division by zero");
    prompt(&mut p);
    // A multi-line list display, echoed.
    line(&mut p, "[1,", "... ");
    line(&mut p, "2]", "[1, 2]");
    prompt(&mut p);
    // Tab completes module members.
    p.send("asyncio.ga").expect("send");
    p.flush().expect("flush");
    p.exp_string("asyncio.ga").expect("echo");
    p.send("\t").expect("tab");
    p.flush().expect("flush");
    // The editor writes only what the completion inserted.
    p.exp_string("ther").expect("completion");
    p.send_line("").expect("send");
    p.exp_string("<function gather")
        .expect("echo of asyncio.gather");
    prompt(&mut p);
    // Ctrl-C at the prompt clears the line.
    p.send("abc").expect("send");
    p.flush().expect("flush");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("KeyboardInterrupt")
        .expect("KeyboardInterrupt");
    prompt(&mut p);
    // Ctrl-D leaves with status 0.
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("eof");
    let status = format!("{:?}", p.process().wait().expect("wait"));
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 0)"),
        "{status}"
    );

    // History is recalled in the next session (Up arrow).
    let Some(mut p) = spawn(weft(&["-q"], &hist)) else {
        return;
    };
    prompt(&mut p);
    p.send("\x1b[A").expect("up");
    p.flush().expect("flush");
    p.exp_string("asyncio.gather").expect("history recalled");
    p.send_control('u').expect("clear");
    line(&mut p, "exit(3)", "");
    p.exp_eof().expect("eof");
    let status = format!("{:?}", p.process().wait().expect("wait"));
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 3)"),
        "{status}"
    );
}

#[test]
fn dash_i_opens_the_prompt_in_the_script_namespace() {
    let d = scratch("dashi");
    let script = d.join("s.py");
    std::fs::write(
        &script,
        "import atexit\natexit.register(print, 'bye')\nanswer = 6 * 7\nprint('ran')\n",
    )
    .unwrap();
    let hist = d.join("history");
    let Some(mut p) = spawn(weft(&["-i", script.to_str().unwrap()], &hist)) else {
        return;
    };
    p.exp_string("ran").expect("script output");
    prompt(&mut p);
    line(&mut p, "answer", "42");
    prompt(&mut p);
    // The atexit handlers run when the session ends.
    p.send_control('d').expect("ctrl-d");
    p.exp_string("bye").expect("atexit handler");
    p.exp_eof().expect("eof");
}

#[test]
fn dash_i_after_an_uncaught_exception() {
    let d = scratch("dashi_exc");
    let script = d.join("s.py");
    std::fs::write(&script, "x = 5\n1/0\n").unwrap();
    let hist = d.join("history");
    let Some(mut p) = spawn(weft(&["-i", script.to_str().unwrap()], &hist)) else {
        return;
    };
    p.exp_string("ZeroDivisionError: division by zero")
        .expect("traceback");
    prompt(&mut p);
    line(&mut p, "x + 1", "6");
    prompt(&mut p);
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("eof");
}

#[test]
fn tasks_print_while_the_prompt_waits() {
    let d = scratch("ticker");
    let hist = d.join("history");
    let Some(mut p) = spawn(weft(&["-q"], &hist)) else {
        return;
    };
    prompt(&mut p);
    line(&mut p, "import asyncio", ">>> ");
    line(&mut p, "go = True; n = 0", ">>> ");
    line(&mut p, "async def ticker():", "... ");
    line(&mut p, "global n", "... ");
    line(&mut p, "while go:", "... ");
    line(&mut p, "await asyncio.sleep(0.05)", "... ");
    line(&mut p, "n += 1; print('tick', n)", "... ");
    line(&mut p, "", ">>> ");
    line(&mut p, "t = asyncio.create_task(ticker())", ">>> ");
    // Half a line typed: the ticks print above it and the prompt comes
    // back with the typed text intact.
    p.send("6*").expect("send");
    p.flush().expect("flush");
    p.exp_string("6*").expect("echo");
    p.exp_string("tick 2\r\n>>> 6*")
        .expect("a tick printed above the prompt, the prompt redrawn");
    line(&mut p, "7", "42");
    prompt(&mut p);
    // The task ran between keystrokes, not only during entries.
    line(&mut p, "go = False; await t; n > 2", "True");
    prompt(&mut p);
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("eof");
}

#[test]
fn ctrl_c_interrupts_the_running_statement_only() {
    let d = scratch("ctrlc");
    let hist = d.join("history");
    let Some(mut p) = spawn(weft(&["-q"], &hist)) else {
        return;
    };
    prompt(&mut p);
    // A CPU loop.
    line(&mut p, "if True:", "... ");
    line(&mut p, "print('spin' + 'ning')", "... ");
    line(&mut p, "while True: pass", "... ");
    p.send_line("").expect("send");
    p.exp_string("spinning").expect("the loop started");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("Traceback (most recent call last):")
        .expect("traceback");
    p.exp_string("KeyboardInterrupt")
        .expect("KeyboardInterrupt");
    prompt(&mut p);
    line(&mut p, "1 + 1", "2");
    prompt(&mut p);
    // An await: the exception goes in where the entry waits, so its
    // finally blocks run, and a background task goes on.
    line(&mut p, "import asyncio", ">>> ");
    line(
        &mut p,
        "bg = asyncio.create_task(asyncio.sleep(0.2, 'bg done'))",
        ">>> ",
    );
    line(&mut p, "async def nap():", "... ");
    line(&mut p, "try:", "... ");
    line(&mut p, "await asyncio.sleep(10)", "... ");
    p.send("\x7f\x7f\x7f\x7f").expect("dedent");
    line(&mut p, "finally:", "... ");
    line(&mut p, "print('clean' + 'up')", "... ");
    line(&mut p, "", ">>> ");
    line(&mut p, "print('sl' + 'eeping'); await nap()", "sleeping");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("cleanup").expect("finally ran");
    p.exp_string("in nap")
        .expect("the traceback shows where it waited");
    p.exp_string("KeyboardInterrupt")
        .expect("KeyboardInterrupt");
    prompt(&mut p);
    line(&mut p, "await bg", "'bg done'");
    prompt(&mut p);
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("eof");
    let status = format!("{:?}", p.process().wait().expect("wait"));
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 0)"),
        "{status}"
    );
}

#[test]
fn dash_m_asyncio_opens_the_prompt() {
    let d = scratch("dashm");
    let hist = d.join("history");
    let Some(mut p) = spawn(weft(&["-m", "asyncio"], &hist)) else {
        return;
    };
    p.exp_string("asyncio REPL").expect("banner");
    prompt(&mut p);
    line(&mut p, "import asyncio", ">>> ");
    line(&mut p, "await asyncio.sleep(0, 'done')", "'done'");
    prompt(&mut p);
    p.send_line("quit()").expect("send");
    p.exp_eof().expect("eof");
}
