# Shows: coroutines calling coroutines. print_sum() awaits compute(), which
# sleeps and returns x + y; the value flows back through `await`. Each run
# goes through loop.run_until_complete(), which returns the value of the
# coroutine it ran.
import asyncio


async def compute(x, y):
    print("Compute %s + %s ..." % (x, y))
    await asyncio.sleep(0.1)
    return x + y


async def print_sum(x, y):
    result = await compute(x, y)
    print("%s + %s = %s" % (x, y, result))
    return result


loop = asyncio.new_event_loop()
loop.run_until_complete(print_sum(1, 2))
value = loop.run_until_complete(print_sum(3.5, 4))
print("run_until_complete returned:", value)
loop.close()
print("closed:", loop.is_closed())
