# legacy: expected output hand-written; CPython 3.11 removed asyncio.coroutine
# Shows: the generator-based coroutines of older asyncio code, which weft
# still runs. A function decorated with @asyncio.coroutine suspends with
# `yield from asyncio.sleep(...)` instead of `await`; two of them run
# concurrently through asyncio.gather() on a loop driven by
# run_until_complete(). (On CPython this needs Python 3.10 or older.)
import asyncio
import time


@asyncio.coroutine
def think(duration):
    print("Starting to think for " + str(duration) + " seconds...")
    yield from asyncio.sleep(duration)
    print("Finished thinking for " + str(duration) + " seconds...")
    return duration


start = time.monotonic()
loop = asyncio.get_event_loop()
results = loop.run_until_complete(asyncio.gather(
    think(0.3),
    think(0.2),
))
loop.close()
elapsed = time.monotonic() - start

print("results:", results)
print("is coroutine function:", asyncio.iscoroutinefunction(think))
# Concurrent: about 0.3 s; one after the other it would take 0.5 s.
print("ran concurrently:", 0.28 < elapsed < 0.45)
