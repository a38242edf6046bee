//! Issue 9's acceptance tests over loopback only (127.0.0.1), each running
//! the built binary as a process on a script written to a temporary
//! folder. Every loop in them is bounded in count, and every run in time
//! (`run` kills a script that outlives its limit).

mod common;

use std::io::Read;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn weft() -> &'static str {
    env!("CARGO_BIN_EXE_weft")
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("weft-io-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Run `weft script args` in `dir` for at most `limit`; (status, stdout).
fn run(dir: &Path, script: &str, args: &[&str], limit: Duration) -> (Option<i32>, String, String) {
    let path = dir.join("script.py");
    std::fs::write(&path, script).expect("write script");
    let child = Command::new(weft())
        .arg(&path)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn weft");
    let r = common::finish(child, limit);
    assert!(!r.timed_out, "script ran over {limit:?}:\n{script}");
    (r.code, r.stdout, r.stderr)
}

fn check(dir: &Path, script: &str, limit: Duration) -> String {
    let (code, out, err) = run(dir, script, &[], limit);
    assert_eq!(code, Some(0), "stdout:\n{out}\nstderr:\n{err}");
    out
}

#[test]
fn thousand_concurrent_echo_connections_of_100_lines() {
    let dir = tempdir("echo");
    let out = check(
        &dir,
        r#"
import asyncio

async def handle(reader, writer):
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()

async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    ok = 0
    for i in range(100):
        line = b"client %d line %d\n" % (n, i)
        writer.write(line)
        await writer.drain()
        if await reader.readline() == line:
            ok += 1
    writer.close()
    await writer.wait_closed()
    return ok

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    sem = asyncio.Semaphore(1000)
    async def bounded(n):
        async with sem:
            return await client(port, n)
    results = await asyncio.gather(*(bounded(n) for n in range(1000)))
    print(sum(results), min(results))
    server.close()
    await server.wait_closed()

asyncio.run(main())
"#,
        Duration::from_secs(120),
    );
    assert_eq!(out.trim(), "100000 100");
}

#[test]
fn never_reading_peer_keeps_server_memory_bounded() {
    let dir = tempdir("slowpeer");
    let out = check(
        &dir,
        r#"
import asyncio

def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024

written = [0]

async def handle(reader, writer):
    chunk = b"x" * 65536
    try:
        while written[0] < 200 * 1024 * 1024:
            writer.write(chunk)
            written[0] += len(chunk)
            await writer.drain()
    except ConnectionError:
        pass

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    before = rss_mb()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    reader._transport.pause_reading()
    await asyncio.sleep(1.0)
    grew = rss_mb() - before
    # drain() stops the writer at the high-water mark: the kernel buffers
    # hold a few MB, the transport at most 64 KiB above the mark.
    print("wrote MB:", written[0] // (1024 * 1024) < 64, "rss growth under 32 MB:", grew < 32)
    writer.close()
    server.close()

asyncio.run(main())
"#,
        Duration::from_secs(60),
    );
    assert_eq!(out.trim(), "wrote MB: True rss growth under 32 MB: True");
}

#[test]
fn subprocess_pipes_of_10_mb_both_ways() {
    let dir = tempdir("pipes");
    let out = check(
        &dir,
        r#"
import asyncio
from asyncio.subprocess import PIPE

async def main():
    data = bytes(range(256)) * (10 * 4096)
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, _ = await proc.communicate(data)
    print(len(data), len(out), out == data, proc.returncode)

asyncio.run(main())
"#,
        Duration::from_secs(60),
    );
    assert_eq!(out.trim(), "10485760 10485760 True 0");
}

#[test]
fn cpu_bound_to_thread_and_ticker_both_progress_and_sleeps_overlap() {
    let dir = tempdir("threads");
    let out = check(
        &dir,
        r#"
import asyncio, time

def busy():
    t0 = time.monotonic()
    n = 0
    while time.monotonic() - t0 < 0.5:
        n += 1
    return n > 0

async def main():
    ticks = []
    async def ticker():
        while True:
            ticks.append(1)
            await asyncio.sleep(0.05)
    t = asyncio.create_task(ticker())
    ok = await asyncio.to_thread(busy)
    t.cancel()
    print("job done:", ok, "ticker ran at least 5 times:", len(ticks) >= 5)
    start = time.monotonic()
    await asyncio.gather(*(asyncio.to_thread(time.sleep, 1) for _ in range(10)))
    print("10 sleeps of 1 s overlapped:", time.monotonic() - start < 1.8)

asyncio.run(main())
"#,
        Duration::from_secs(30),
    );
    assert_eq!(
        out,
        "job done: True ticker ran at least 5 times: True\n10 sleeps of 1 s overlapped: True\n"
    );
}

#[test]
fn ticker_keeps_ticking_while_a_thread_reads_a_fifo_that_fills_late() {
    // Opening and reading a FIFO block until its writer comes (300 ms
    // later): in a weft thread they wait on the thread pool, so the loop's
    // 50 ms ticker (and, in a plain script, the main thread) keep going.
    let dir = tempdir("fifo");
    let out = check(
        &dir,
        r#"
import asyncio, os, subprocess, threading, time

os.mkfifo("fifo")
def writer():
    return subprocess.Popen(["sh", "-c", "sleep 0.3; printf 'one\ntwo\n' > fifo"])

def read_fifo():
    with open("fifo") as f:
        return [line.strip() for line in f]

async def main():
    ticks = []
    async def ticker():
        while True:
            ticks.append(1)
            await asyncio.sleep(0.05)
    t = asyncio.create_task(ticker())
    w = writer()
    lines = await asyncio.to_thread(read_fifo)
    t.cancel()
    w.wait()
    print("to_thread read", lines, "ticks >= 5:", len(ticks) >= 5)

asyncio.run(main())

# A plain script: the main thread ticks while a thread reads.
got = []
def reader():
    fd = os.open("fifo", os.O_RDONLY)
    data = b""
    while True:
        chunk = os.read(fd, 100)
        if not chunk:
            break
        data += chunk
    os.close(fd)
    got.append(data)
w = writer()
th = threading.Thread(target=reader)
th.start()
ticks = 0
while th.is_alive() and ticks < 100:
    time.sleep(0.05)
    ticks += 1
th.join()
w.wait()
print("thread read", got, "ticks >= 5:", ticks >= 5)
"#,
        Duration::from_secs(30),
    );
    assert_eq!(
        out,
        "to_thread read ['one', 'two'] ticks >= 5: True\nthread read [b'one\\ntwo\\n'] ticks >= 5: True\n"
    );
}

#[test]
fn ctrl_c_during_asyncio_run_runs_finally_blocks_and_exits_130() {
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let dir = tempdir("sigint");
    let path = dir.join("script.py");
    std::fs::write(
        &path,
        r#"
import asyncio

async def worker():
    try:
        await asyncio.sleep(30)
    finally:
        print("worker finally", flush=True)

async def main():
    asyncio.create_task(worker())
    try:
        print("ready", flush=True)
        while True:
            await asyncio.sleep(0.01)
    finally:
        print("main finally", flush=True)

asyncio.run(main())
"#,
    )
    .expect("write");
    let mut cmd = Command::new(weft());
    cmd.arg(&path).stdout(Stdio::piped()).stderr(Stdio::piped());
    // As a terminal would: SIGINT at its default disposition (a background
    // job of a non-interactive shell inherits it ignored).
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 6];
    stdout.read_exact(&mut first).expect("ready line");
    assert_eq!(&first, b"ready\n");
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no exit after SIGINT"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).expect("read");
    let mut err = String::new();
    child.stderr.take().map(|mut s| s.read_to_string(&mut err));
    assert_eq!(rest, "main finally\nworker finally\n");
    assert!(
        err.trim_end().ends_with("KeyboardInterrupt"),
        "stderr: {err}"
    );
    // CPython dies of SIGINT, which a shell reports as 130.
    assert!(
        status.signal() == Some(libc::SIGINT) || status.code() == Some(130),
        "{status:?}"
    );
}

#[test]
fn no_leak_over_10000_connections_and_1000_subprocesses() {
    let dir = tempdir("leak");
    let out = check(
        &dir,
        r#"
import asyncio

import _asyncio

def fds():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024

def fd_count():
    return _asyncio._fd_count()

async def handle(reader, writer):
    await reader.read(10)
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async def one():
        r, w = await asyncio.open_connection("127.0.0.1", port)
        w.write(b"x")
        await r.read()
        w.close()
        await w.wait_closed()
    await asyncio.gather(*(one() for _ in range(50)))
    await asyncio.sleep(0.1)
    base_rss = fds()
    base_fd = fd_count()
    for _ in range(200):
        await asyncio.gather(*(one() for _ in range(50)))
    for _ in range(100):
        procs = [await asyncio.create_subprocess_exec("true") for _ in range(10)]
        await asyncio.gather(*(p.wait() for p in procs))
    await asyncio.sleep(0.2)
    print("fds back:", fd_count() <= base_fd, "rss growth under 20 MB:", fds() - base_rss < 20)
    server.close()
    await server.wait_closed()

asyncio.run(main())
"#,
        Duration::from_secs(240),
    );
    assert_eq!(out.trim(), "fds back: True rss growth under 20 MB: True");
}

fn wait_for_port(port: u16) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "server on {port} never came up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

/// Three 1.5 MB files served from `srv`, fetched into `dst` by the
/// downloader example; the bytes must be identical.
fn download_three(srv: &Path, dst: &Path, port: u16) {
    let urls: Vec<String> = ["a.bin", "b.bin", "c.bin"]
        .iter()
        .map(|n| format!("http://127.0.0.1:{port}/{n}"))
        .collect();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/downloader.py");
    let status = Command::new(weft())
        .arg(&example)
        .args(&urls)
        .current_dir(dst)
        .stdout(Stdio::null())
        .status()
        .expect("run downloader");
    assert!(status.success(), "downloader failed: {status:?}");
    for n in ["a.bin", "b.bin", "c.bin"] {
        let a = std::fs::read(srv.join(n)).expect("source");
        let b = std::fs::read(dst.join(n)).expect("downloaded");
        assert!(a == b, "{n} differs");
    }
}

fn make_files(srv: &Path) {
    let mut x: u32 = 12345;
    for n in ["a.bin", "b.bin", "c.bin"] {
        let data: Vec<u8> = (0..1_500_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        std::fs::write(srv.join(n), data).expect("write file");
    }
}

#[test]
fn downloader_fetches_three_files_from_python_http_server() {
    let srv = tempdir("dl-py-srv");
    let dst = tempdir("dl-py-dst");
    make_files(&srv);
    let port = free_port();
    let mut server = Command::new("python3")
        .args([
            "-m",
            "http.server",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
        ])
        .current_dir(&srv)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 is needed to serve the files");
    wait_for_port(port);
    download_three(&srv, &dst, port);
    let _ = server.kill();
    let _ = server.wait();
}

#[test]
fn downloader_fetches_three_files_from_the_weft_http_server_example() {
    let srv = tempdir("dl-weft-srv");
    let dst = tempdir("dl-weft-dst");
    make_files(&srv);
    let port = free_port();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/http_server.py");
    let mut server = Command::new(weft())
        .arg(&example)
        .arg(port.to_string())
        .arg(&srv)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn http_server");
    wait_for_port(port);
    download_three(&srv, &dst, port);
    let _ = server.kill();
    let _ = server.wait();
}
