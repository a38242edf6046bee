# Covers: which CancelledError a cancelled task hands out. The first
# result() (or await) gives the exception that actually cancelled the task,
# message included; later calls give a fresh CancelledError with no message,
# because the task's own cancel message is cleared when it ends cancelled
# (so gather(return_exceptions=True) reports CancelledError('') for it). A
# plain Future cancelled with a message keeps it.
import asyncio
async def forever():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel("stop")
    await asyncio.sleep(0)
    for i in range(3):
        try:
            t.result()
        except asyncio.CancelledError as e:
            print(i, e.args, type(e.__context__).__name__)
    try:
        await t
    except asyncio.CancelledError as e:
        print("await", e.args)
    t2 = asyncio.create_task(forever())
    t2.cancel("early")
    await asyncio.sleep(0)
    for i in range(2):
        try:
            t2.result()
        except asyncio.CancelledError as e:
            print("t2", i, e.args, type(e.__context__).__name__)
    r = await asyncio.gather(t, t2, return_exceptions=True)
    print([x.args for x in r])
    f = asyncio.get_running_loop().create_future()
    f.cancel("fm")
    r = await asyncio.gather(f, return_exceptions=True)
    print([x.args for x in r])
    try:
        f.result()
    except asyncio.CancelledError as e:
        print("f", e.args)
asyncio.run(main())
