# Covers: asyncio.timeout() / timeout_at(). Expiry turns the cancellation
# into TimeoutError outside the block (its cause is the CancelledError) and
# expired() says so; nested timeouts: the inner one firing is caught by the
# inner block only, the outer one firing while the inner block runs is
# reported by the outer block only; reschedule() moves the deadline (later
# and earlier), reschedule(None) disables it; when() reads it; a block that
# finishes in time is not expired; a real cancel() from outside stays a
# CancelledError; timeout(None) never fires; a deadline already in the past
# fires at the first await; finally blocks inside run once.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    try:
        async with asyncio.timeout(0.05) as cm:
            try:
                await asyncio.sleep(3600)
            finally:
                print("inner finally runs")
    except TimeoutError as e:
        print("expired:", cm.expired(), "cause:", type(e.__cause__).__name__)

    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.01)
    print("in time, expired:", cm.expired())

    # inner fires first
    log = []
    async with asyncio.timeout(0.3) as outer:
        try:
            async with asyncio.timeout(0.03) as inner:
                await asyncio.sleep(3600)
        except TimeoutError:
            log.append("inner timed out")
        log.append("outer block continues")
    print(log, "inner:", inner.expired(), "outer:", outer.expired())

    # outer fires while the inner block runs
    log = []
    try:
        async with asyncio.timeout(0.03) as outer:
            try:
                async with asyncio.timeout(0.3) as inner:
                    await asyncio.sleep(3600)
            except TimeoutError:
                log.append("wrongly caught by inner")
            log.append("after inner (wrong)")
    except TimeoutError:
        log.append("outer timed out")
    print(log, "inner:", inner.expired(), "outer:", outer.expired())

    # reschedule later, then earlier; None disables
    async with asyncio.timeout(0.03) as cm:
        cm.reschedule(loop.time() + 0.1)
        await asyncio.sleep(0.06)
        print("survived past the first deadline")
    print("expired:", cm.expired())
    try:
        async with asyncio.timeout(0.3) as cm:
            cm.reschedule(loop.time() + 0.02)
            await asyncio.sleep(0.1)
            print("not reached")
    except TimeoutError:
        print("earlier deadline fired")
    async with asyncio.timeout(0.02) as cm:
        cm.reschedule(None)
        print("when() after reschedule(None):", cm.when())
        await asyncio.sleep(0.05)
    print("disabled, expired:", cm.expired())

    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print("timeout(None):", cm.when(), cm.expired())

    # deadline already in the past
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            print("body starts")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline fired at the first await")

    # a real cancellation is not turned into TimeoutError
    async def victim():
        async with asyncio.timeout(0.3) as cm:
            await asyncio.sleep(3600)

    t = asyncio.create_task(victim())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outside cancel stays CancelledError")
    except TimeoutError:
        print("wrong: TimeoutError")

    # wait_for inside timeout, timeout inside wait_for
    try:
        async with asyncio.timeout(0.03):
            await asyncio.wait_for(asyncio.sleep(3600), timeout=0.3)
    except TimeoutError:
        print("timeout around wait_for fired")
    try:
        await asyncio.wait_for(asyncio.sleep(3600), timeout=0.03)
    except TimeoutError:
        print("wait_for fired")
    print("task cancelling() is back to:", asyncio.current_task().cancelling())


asyncio.run(main())
