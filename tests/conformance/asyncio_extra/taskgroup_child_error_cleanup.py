# Covers: when one TaskGroup child fails, its siblings are cancelled and
# every finally in their await chains runs exactly once, including finally
# blocks that themselves await (cleanup that sleeps finishes before the
# group exits); the group raises an ExceptionGroup holding only the real
# error; the body of the `async with` is cancelled too; a sibling that
# swallows the cancellation and returns normally does not add an error.
import asyncio

log = []


async def deep(name, n):
    try:
        if n == 0:
            await asyncio.sleep(3600)
        else:
            await deep(name, n - 1)
    finally:
        if n % 2 == 0:
            await asyncio.sleep(0.01)   # cleanup that awaits
        log.append(f"{name}:{n}")


async def failer():
    await asyncio.sleep(0.02)
    raise ValueError("child failed")


async def swallower():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.append("swallower swallowed")
        return "swallowed"


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(deep("x", 5))
            tg.create_task(deep("y", 3))
            sw = tg.create_task(swallower())
            tg.create_task(failer())
            try:
                await asyncio.sleep(3600)
            finally:
                log.append("body finally")
    except* ValueError as eg:
        print("caught:", [str(e) for e in eg.exceptions])
    print("swallower result:", sw.result())
    for name in ("x", "y"):
        print(name, [int(x.split(":")[1]) for x in log if x.startswith(name + ":")])
    print("others:", sorted(x for x in log if ":" not in x))


asyncio.run(main())
