# Shows: asyncio.wait_for() with a timeout. eternity() would sleep for an
# hour; wait_for gives up after 0.1 s, cancels it (its `finally` runs) and
# raises TimeoutError in the caller. A coroutine that finishes in time just
# returns its value through wait_for.
import asyncio
import time


async def eternity():
    try:
        # Sleep for one hour
        await asyncio.sleep(3600)
        print("yay!")
    finally:
        print("eternity was cut short")


async def quick():
    await asyncio.sleep(0.01)
    return "in time"


async def main():
    start = time.monotonic()
    try:
        await asyncio.wait_for(eternity(), timeout=0.1)
    except asyncio.TimeoutError:
        print("timeout!")
    elapsed = time.monotonic() - start
    print("gave up after about 0.1 s:", 0.08 < elapsed < 0.3)
    print(await asyncio.wait_for(quick(), timeout=0.2))


asyncio.run(main())
