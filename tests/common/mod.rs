//! Helpers shared by the process-level test suites: run the weft binary
//! with a deadline, reading both pipes on threads so a chatty child cannot
//! block on a full pipe.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// What a finished child did.
pub struct Run {
    /// Exit code; None if the child died of a signal or timed out.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub timed_out: bool,
}

/// Wait for `child` (stdout/stderr piped) until `timeout`, then kill it.
pub fn finish(child: Child, timeout: Duration) -> Run {
    let r = finish_bytes(child, timeout);
    Run {
        code: r.code,
        stdout: String::from_utf8_lossy(&r.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&r.stderr).into_owned(),
        timed_out: r.timed_out,
    }
}

/// What a finished child wrote, as bytes.
pub struct RunBytes {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
}

/// `finish`, keeping the output as bytes. Both pipes are read while the
/// child runs, so it never blocks on a full pipe.
pub fn finish_bytes(mut child: Child, timeout: Duration) -> RunBytes {
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let t_out = std::thread::spawn(move || drain(out.as_mut()));
    let t_err = std::thread::spawn(move || drain(err.as_mut()));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            break s;
        }
        if start.elapsed() > timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait after kill");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    RunBytes {
        code: if timed_out { None } else { status.code() },
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
        timed_out,
    }
}

/// Output kept from each pipe; a runaway child's further output is read
/// and dropped, so a failing test reports quickly instead of filling memory.
const KEEP: usize = 16 << 20;

fn drain(pipe: Option<&mut impl Read>) -> Vec<u8> {
    let mut v = Vec::new();
    let Some(p) = pipe else { return v };
    let mut buf = [0u8; 64 << 10];
    loop {
        match p.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = KEEP.saturating_sub(v.len());
                v.extend_from_slice(&buf[..n.min(room)]);
            }
        }
    }
    v
}

/// Run `src` as `weft -` (program on stdin) and return its stdout.
pub fn run_stdin(src: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_weft"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn weft");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(src.as_bytes())
        .expect("write script");
    finish(child, Duration::from_secs(120)).stdout
}

/// `src`'s stdout must equal `expected` line by line.
pub fn check(src: &str, expected: &str) {
    let got = run_stdin(src);
    for (i, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
        assert_eq!(g, e, "line {} differs", i + 1);
    }
    assert_eq!(got.lines().count(), expected.lines().count(), "line count");
}
