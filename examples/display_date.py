# Shows: the event loop's own clock. display_date() receives the loop,
# computes an end time from loop.time() and prints a tick every 0.1 s until
# the end is near. It runs with the pre-asyncio.run() API: get a loop,
# run_until_complete(), close(). (The real date is not printed, only that it
# is a datetime, so the output is the same on every run.)
import asyncio
import datetime


async def display_date(loop):
    end_time = loop.time() + 0.5
    ticks = 0
    while True:
        now = datetime.datetime.now()
        ticks += 1
        print("tick", ticks, "is a datetime:", isinstance(now, datetime.datetime))
        if (loop.time() + 0.1) >= end_time:
            break
        await asyncio.sleep(0.1)
    return ticks


loop = asyncio.new_event_loop()
start = loop.time()
# Blocking call which returns when the display_date() coroutine is done
total = loop.run_until_complete(display_date(loop))
elapsed = loop.time() - start
loop.close()
print("ticks:", total)
print("ran about 0.4 s:", 0.38 < elapsed < 0.6)
