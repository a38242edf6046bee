#!/usr/bin/env python3
"""Start-up time of weft beside python3: each command runs 20 times and the
median wall time is printed in milliseconds.

    python3 tools/startup.py [--weft target/release/weft] [--runs 20]

Measures `weft -c pass`, `weft -c "import asyncio"`, and the REPL's first
prompt (the time from spawning `weft` on a pseudo-terminal until `>>> `
appears), and the same three for python3 (`python3 -m asyncio` for the
prompt is not used: plain `python3 -i` is the comparable prompt).
"""

import argparse
import os
import pty
import select
import statistics
import subprocess
import time


def time_cmd(argv, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def time_prompt(argv, runs, env):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], argv, env)
        seen = b""
        while b">>> " not in seen:
            r, _, _ = select.select([fd], [], [], 5)
            if not r:
                raise SystemExit(f"{argv}: no prompt within 5 s: {seen!r}")
            try:
                seen += os.read(fd, 4096)
            except OSError:
                raise SystemExit(f"{argv}: exited before its prompt: {seen!r}")
        times.append(time.perf_counter() - t0)
        os.write(fd, b"\x04")
        os.close(fd)
        os.waitpid(pid, 0)
    return statistics.median(times) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weft", default="target/release/weft")
    ap.add_argument("--runs", type=int, default=20)
    a = ap.parse_args()
    env = dict(os.environ, WEFT_HISTORY=os.devnull, TERM="xterm")
    rows = [
        ("-c pass", [a.weft, "-c", "pass"], ["python3", "-c", "pass"]),
        ("-c 'import asyncio'", [a.weft, "-c", "import asyncio"],
         ["python3", "-c", "import asyncio"]),
    ]
    print(f"{'command':24} {'weft ms':>9} {'python3 ms':>11}   (median of {a.runs})")
    for name, w, p in rows:
        print(f"{name:24} {time_cmd(w, a.runs):9.2f} {time_cmd(p, a.runs):11.2f}")
    print(f"{'first prompt':24} {time_prompt([a.weft], a.runs, env):9.2f} "
          f"{time_prompt(['python3', '-q'], a.runs, env):11.2f}")


if __name__ == "__main__":
    main()
