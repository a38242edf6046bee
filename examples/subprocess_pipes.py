# Child processes on the event loop: several run at once, their output is
# read through pipes, and input is fed to `sort` through stdin.
import asyncio
from asyncio.subprocess import PIPE


async def run(*argv, input=None):
    proc = await asyncio.create_subprocess_exec(
        *argv, stdin=PIPE if input is not None else None, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate(input)
    return proc.returncode, out.decode(), err.decode()


async def main():
    results = await asyncio.gather(
        run("echo", "hello from a child"),
        run("sort", input=b"pear\napple\nfig\n"),
        run("sh", "-c", "echo oops >&2; exit 3"),
    )
    for code, out, err in results:
        print(f"exit {code}: stdout={out!r} stderr={err!r}")
    try:
        await asyncio.create_subprocess_exec("no-such-program")
    except FileNotFoundError as e:
        print("missing program:", type(e).__name__)


asyncio.run(main())
