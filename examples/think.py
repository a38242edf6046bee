# Shows: the smallest asyncio program. `async def` makes a coroutine
# function; `await asyncio.sleep(...)` suspends it without blocking the loop;
# asyncio.run() starts the event loop, runs main() to completion and returns
# its value. gather() runs two "think" coroutines concurrently, so the whole
# run takes about as long as the longest one, and returns their results in
# argument order.
import asyncio
import time


async def think(duration):
    print("Starting to think for " + str(duration) + " seconds...")
    await asyncio.sleep(duration)
    print("Finished thinking for " + str(duration) + " seconds...")
    return duration


async def main():
    results = await asyncio.gather(
        think(0.2),
        think(0.3),
    )
    print("results:", results)
    return "main done"


start = time.monotonic()
print(asyncio.run(main()))
elapsed = time.monotonic() - start
# Concurrent: about 0.3 s; one after the other it would take 0.5 s.
print("ran concurrently:", 0.28 < elapsed < 0.45)
